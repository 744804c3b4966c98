//! The dashboard's own SVG charts — no chart library, nothing fetched, so they work offline: a line
//! chart of an indicator over periods (target dashed, points coloured by status, a tooltip on each),
//! horizontal bars per child area with the target marked, and the cards' sparklines. The arithmetic
//! lives in [`super::chart_geometry`]; these only draw it.

use leptos::prelude::*;

use crate::common::chart_geometry::{Frame, bar_lengths, coord, line_layout, sparkline, tick_label};
use crate::common::i18n::tr;
use crate::messages::Key;

/// One period of a line chart. `tip` is the tooltip (period, value, target, status).
#[derive(Debug, Clone, PartialEq)]
pub struct ChartPoint {
    pub label: String,
    pub value: Option<f64>,
    pub target: Option<f64>,
    pub colour: &'static str,
    pub status: &'static str,
    pub tip: String,
}

/// An indicator over consecutive periods; `label` names the chart for screen readers.
#[component]
pub fn LineChart(points: Vec<ChartPoint>, #[prop(into)] label: String, target_label: Key) -> impl IntoView {
    let frame = Frame { width: 640.0, height: 240.0, left: 52.0, right: 16.0, top: 14.0, bottom: 30.0 };
    let values: Vec<Option<f64>> = points.iter().map(|p| p.value).collect();
    let targets: Vec<Option<f64>> = points.iter().map(|p| p.target).collect();
    let layout = line_layout(&values, &targets, frame);
    let (x0, x1, base) = (coord(frame.left), coord(frame.width - frame.right), frame.plot_bottom());
    let step = layout.step;
    let ticks = layout
        .ticks
        .iter()
        .map(|(v, y)| {
            view! {
                <line class="chart-grid" x1=x0.clone() x2=x1.clone() y1=coord(*y) y2=coord(*y)></line>
                <text class="chart-axis" x=coord(frame.left - 6.0) y=coord(y + 4.0) text-anchor="end">{tick_label(*v, step)}</text>
            }
        })
        .collect_view();
    let has_target = targets.iter().any(Option::is_some);
    let dots = points
        .into_iter()
        .zip(layout.xs.iter().zip(&layout.ys))
        .map(|(p, (x, y))| {
            let (cx, label_y) = (coord(*x), coord(frame.height - 10.0));
            let marker = match y {
                Some(y) => view! {
                    <circle class="chart-dot" cx=cx.clone() cy=coord(*y) r="4.5" fill=p.colour data-testid="chart-point"
                        data-status=p.status><title>{p.tip.clone()}</title></circle>
                }
                .into_any(),
                None => view! {
                    <circle class="chart-dot chart-missing" cx=cx.clone() cy=coord(base) r="3.5" data-testid="chart-point"
                        data-status=p.status><title>{p.tip.clone()}</title></circle>
                }
                .into_any(),
            };
            view! {
                {marker}
                <text class="chart-axis" x=cx y=label_y text-anchor="middle">{p.label}</text>
            }
        })
        .collect_view();
    view! {
        <figure class="chart-figure">
            <svg class="chart line-chart" viewBox=format!("0 0 {} {}", frame.width, frame.height) role="img"
                aria-label=label data-testid="kpi-chart">
                {ticks}
                <line class="chart-baseline" x1=x0 x2=x1.clone() y1=coord(base) y2=coord(base)></line>
                <path class="chart-target" d=layout.target_path data-testid="chart-target"></path>
                <path class="chart-line" d=layout.value_path data-testid="chart-line"></path>
                {dots}
            </svg>
            {has_target.then(|| view! {
                <figcaption class="chart-legend small muted">
                    <span class="legend-target" aria-hidden="true"></span>{tr(target_label)}
                </figcaption>
            })}
        </figure>
    }
}

/// One bar: a child area's value, its text (`86.4%`) and colour.
#[derive(Debug, Clone, PartialEq)]
pub struct BarRow {
    pub label: String,
    pub value: Option<f64>,
    pub text: String,
    pub colour: &'static str,
}

/// Horizontal bars from zero, one per row, with the target as a dashed line across them.
#[component]
pub fn HBarChart(rows: Vec<BarRow>, target: Option<f64>, #[prop(into)] label: String) -> impl IntoView {
    const ROW: f64 = 26.0;
    const LABEL_W: f64 = 132.0;
    const BAR_W: f64 = 380.0;
    const WIDTH: f64 = 640.0;
    let height = ROW * rows.len().max(1) as f64 + 22.0;
    let values: Vec<Option<f64>> = rows.iter().map(|r| r.value).collect();
    let (axis, lengths) = bar_lengths(&values, target, BAR_W);
    let x_of = |v: f64| LABEL_W + (v - axis.lo) / (axis.hi - axis.lo).max(f64::EPSILON) * BAR_W;
    let ticks = axis
        .ticks
        .iter()
        .map(|t| {
            let x = coord(x_of(*t));
            view! {
                <line class="chart-grid" x1=x.clone() x2=x.clone() y1="0" y2=coord(height - 18.0)></line>
                <text class="chart-axis" x=x y=coord(height - 4.0) text-anchor="middle">{tick_label(*t, axis.step)}</text>
            }
        })
        .collect_view();
    let bars = rows
        .into_iter()
        .zip(lengths)
        .enumerate()
        .map(|(i, (r, len))| {
            let y = i as f64 * ROW + 4.0;
            let name = truncate(&r.label, 9);
            view! {
                <g class="chart-bar" data-testid="bar-row">
                    <text class="chart-label" x=coord(LABEL_W - 8.0) y=coord(y + 13.0) text-anchor="end">
                        {name}<title>{r.label.clone()}</title>
                    </text>
                    <rect x=coord(LABEL_W) y=coord(y) width=coord(len.max(if r.value.is_some() { 1.0 } else { 0.0 })) height="18" rx="3"
                        fill=r.colour><title>{format!("{} {}", r.label, r.text)}</title></rect>
                    <text class="chart-value" x=coord(LABEL_W + len + 6.0) y=coord(y + 13.0)>{r.text}</text>
                </g>
            }
        })
        .collect_view();
    let target_line = target.map(|t| {
        let x = coord(x_of(t));
        view! { <line class="chart-target" x1=x.clone() x2=x y1="0" y2=coord(height - 18.0) data-testid="bar-target"></line> }
    });
    view! {
        <svg class="chart bar-chart" viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-label=label data-testid="kpi-bars">
            {ticks}
            {bars}
            {target_line}
        </svg>
    }
}

/// The first `max` characters of `text`, with `…` when cut.
fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max { text.to_owned() } else { format!("{}…", text.chars().take(max - 1).collect::<String>()) }
}

/// A card's tiny trend line; an empty grey line while the values are unknown or absent.
#[component]
pub fn Sparkline(values: Option<Vec<Option<f64>>>, colour: &'static str) -> impl IntoView {
    const W: f64 = 84.0;
    const H: f64 = 26.0;
    let loaded = values.is_some();
    let (path, last) = values.as_deref().map(|v| sparkline(v, W, H, 3.0)).unwrap_or_default();
    let empty = path.is_empty();
    view! {
        <svg class="sparkline" viewBox=format!("0 0 {W} {H}") width=coord(W) height=coord(H) aria-hidden="true"
            data-testid="sparkline" data-loaded=loaded.to_string()>
            {if empty {
                view! { <line class="spark-empty" x1="3" x2=coord(W - 3.0) y1=coord(H / 2.0) y2=coord(H / 2.0)></line> }.into_any()
            } else {
                view! { <path class="spark-line" d=path stroke=colour></path> }.into_any()
            }}
            {last.map(|(x, y)| view! { <circle cx=coord(x) cy=coord(y) r="2.5" fill=colour></circle> })}
        </svg>
    }
}
