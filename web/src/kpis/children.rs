//! 下级区域排名: the child areas of the dashboard's area ranked on one indicator (binding ones offered
//! first), above the cards so a street or district sees at once who lags. The columns sort; each row
//! is coloured by its status and opens that area's overview one level down. A grid has no children:
//! it says so and points back up the path instead of ending there.

use std::cmp::Ordering;

use leptos::prelude::*;
use shared::{Attainment, BreakdownRow, ChildArea, Id, Indicator, KpiAttribute, KpiDirection};

use crate::common::i18n::{tr, use_i18n};
use crate::common::status::{Empty, ErrorBox, Loading};
use crate::kpis::card::StatusBadge;
use crate::kpis::endpoints::kpi_breakdown;
use crate::kpis::labels::status_colour;
use crate::kpis::period::{Period, kpi_url};
use crate::messages::Key;

/// What the ranking is sorted by; a second click on the same column turns the order round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RankBy {
    /// Best first, as the indicator's direction says (lower is better for some).
    Value,
    Name,
    /// Worst status first: the areas that need attention.
    Status,
}

/// How far from the target a status is: missed first, met last, no data at the very end.
fn urgency(s: Attainment) -> u8 {
    match s {
        Attainment::Missed => 0,
        Attainment::AtRisk => 1,
        Attainment::OnTrack => 2,
        Attainment::Met => 3,
        Attainment::NoTarget => 4,
        Attainment::NoData => 5,
    }
}

/// Rows in ranking order. Areas without a value always go last, whichever way the column is turned.
pub fn ranked(mut rows: Vec<BreakdownRow>, by: RankBy, reversed: bool, direction: KpiDirection) -> Vec<BreakdownRow> {
    let better = |a: f64, b: f64| match direction {
        KpiDirection::Lower => a.total_cmp(&b),
        KpiDirection::Higher | KpiDirection::Neutral => b.total_cmp(&a),
    };
    rows.sort_by(|a, b| {
        let order = match by {
            RankBy::Value => match (a.value, b.value) {
                (Some(x), Some(y)) => better(x, y),
                (Some(_), None) => return Ordering::Less,
                (None, Some(_)) => return Ordering::Greater,
                (None, None) => Ordering::Equal,
            },
            RankBy::Name => a.area.name.cmp(&b.area.name),
            RankBy::Status => urgency(a.status).cmp(&urgency(b.status)),
        };
        let order = if reversed { order.reverse() } else { order };
        order.then_with(|| a.area.name.cmp(&b.area.name))
    });
    rows
}

/// The indicators to rank on: binding ones first, informational ones (no target) left out.
pub fn rankable(indicators: Vec<Indicator>) -> Vec<Indicator> {
    let mut list: Vec<Indicator> = indicators.into_iter().filter(|i| i.direction != KpiDirection::Neutral).collect();
    list.sort_by_key(|i| i.attribute != KpiAttribute::Binding);
    list
}

#[component]
pub fn ChildRanking(children: Vec<ChildArea>, indicators: Vec<Indicator>, area: Id, period: Period) -> impl IntoView {
    let count = children.len();
    let indicators = rankable(indicators);
    let body = if children.is_empty() || indicators.is_empty() {
        view! { <Empty key=k!("kpi.no_children")/> }.into_any()
    } else {
        view! { <Ranking indicators area period/> }.into_any()
    };
    view! {
        <section class="panel kpi-children" data-testid="kpi-children" data-count=count>
            <h3>{tr(k!("kpi.ranking"))}" "<span class="muted small">{tr(k!("kpi.children_hint"))}</span></h3>
            {body}
        </section>
    }
}

#[component]
fn Ranking(indicators: Vec<Indicator>, area: Id, period: Period) -> impl IntoView {
    let i18n = use_i18n();
    let chosen = RwSignal::new(indicators[0].code.clone());
    let by = RwSignal::new((RankBy::Value, false));
    let breakdown = LocalResource::new(move || kpi_breakdown(chosen.get(), area, period));
    let options = indicators
        .iter()
        .map(|i| {
            let (code, indicator) = (i.code.clone(), i.clone());
            view! { <option value=code.clone() selected=move || chosen.with(|c| *c == code)>{move || i18n.indicator_name(&indicator)}</option> }
        })
        .collect_view();
    let sort_on = move |column: RankBy| {
        by.update(|(b, reversed)| if *b == column { *reversed = !*reversed } else { (*b, *reversed) = (column, false) })
    };
    let header = move |column: RankBy, key: Key, class: &'static str| {
        let mark = move || match by.get() {
            (b, false) if b == column => " ▾",
            (b, true) if b == column => " ▴",
            _ => "",
        };
        view! {
            <th class=class aria-sort=move || match by.get() {
                (b, _) if b != column => "none",
                // Names read A→Z unturned; values and statuses best or most urgent first.
                (_, reversed) if reversed == (column == RankBy::Name) => "descending",
                _ => "ascending",
            }>
                <button type="button" class="th-sort" data-testid="ranking-sort" data-column=key.name() on:click=move |_| sort_on(column)>
                    {tr(key)}{mark}
                </button>
            </th>
        }
    };
    view! {
        <label class="field inline-field">
            <span class="field-label">{tr(k!("kpi.rank_on"))}</span>
            <select data-testid="ranking-indicator" on:change=move |ev| chosen.set(event_target_value(&ev))>{options}</select>
        </label>
        <Suspense fallback=|| view! { <Loading/> }>
            {move || breakdown.get().map(|answer| match answer {
                Err(error) => view! { <ErrorBox error/> }.into_any(),
                Ok(b) if b.rows.is_empty() => view! { <Empty key=k!("kpi.no_children")/> }.into_any(),
                Ok(b) => {
                    let unit = b.indicator.unit.clone();
                    let code = b.indicator.code.clone();
                    let direction = b.indicator.direction;
                    let rows = move || {
                        let (column, reversed) = by.get();
                        ranked(b.rows.clone(), column, reversed, direction)
                    };
                    view! {
                        <div class="table-wrap">
                            <table class="table ranking-table" data-testid="ranking-table">
                                <thead>
                                    <tr>
                                        <th class="num">{tr(k!("kpi.rank"))}</th>
                                        {header(RankBy::Name, k!("kpi.area"), "")}
                                        {header(RankBy::Value, k!("kpi.value"), "num")}
                                        <th class="hide-narrow">{tr(k!("kpi.target"))}</th>
                                        {header(RankBy::Status, k!("kpi.status"), "")}
                                    </tr>
                                </thead>
                                <tbody>
                                    {move || rows().into_iter().enumerate().map(|(n, r)| {
                                        let (unit, unit2) = (unit.clone(), unit.clone());
                                        let (value, target, status, kind, id) = (r.value, r.target, r.status, r.area.kind, r.area.id);
                                        let detail = kpi_url(&format!("/kpis/{code}"), id, period, None);
                                        view! {
                                            <tr class="ranking-row" style=format!("box-shadow: inset 3px 0 0 {}", status_colour(status)) data-testid="ranking-row" data-area-id=id data-status=status.as_str()>
                                                <td class="num muted">{n + 1}</td>
                                                <td>
                                                    <span class="status-dot" style=format!("background: {}", status_colour(status)) aria-hidden="true"></span>
                                                    <a class="kpi-child" href=kpi_url("/kpis", id, period, None) data-testid="kpi-child" data-area-id=id data-kind=kind.as_str()>
                                                        {r.area.name.clone()}
                                                    </a>
                                                    " "<span class="tree-kind">{move || i18n.kind(kind)}</span>
                                                </td>
                                                <td class="num"><a href=detail data-testid="ranking-value">{move || i18n.kpi_value(&unit, value)}</a></td>
                                                <td class="nowrap hide-narrow">{move || i18n.target_text(&unit2, target)}</td>
                                                <td><StatusBadge status/></td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }.into_any()
                }
            })}
        </Suspense>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::AreaKind;

    fn row(name: &str, value: Option<f64>, status: Attainment) -> BreakdownRow {
        BreakdownRow {
            area: ChildArea { id: 1, name: name.into(), kind: AreaKind::Street },
            value,
            numerator: None,
            denominator: None,
            target: None,
            status,
        }
    }

    fn names(rows: &[BreakdownRow]) -> Vec<&str> {
        rows.iter().map(|r| r.area.name.as_str()).collect()
    }

    #[test]
    fn best_first_by_the_indicators_direction_and_no_value_last_both_ways() {
        let rows =
            vec![row("甲", Some(40.0), Attainment::Missed), row("乙", None, Attainment::NoData), row("丙", Some(90.0), Attainment::Met)];
        assert_eq!(names(&ranked(rows.clone(), RankBy::Value, false, KpiDirection::Higher)), ["丙", "甲", "乙"]);
        assert_eq!(names(&ranked(rows.clone(), RankBy::Value, true, KpiDirection::Higher)), ["甲", "丙", "乙"]);
        assert_eq!(names(&ranked(rows.clone(), RankBy::Value, false, KpiDirection::Lower)), ["甲", "丙", "乙"]);
        assert_eq!(names(&ranked(rows, RankBy::Status, false, KpiDirection::Higher)), ["甲", "丙", "乙"]);
    }
}
