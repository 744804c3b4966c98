//! The arithmetic of the dashboard's own SVG charts, kept free of the DOM so it is tested on the host:
//! a linear scale, "nice" axis ticks, paths broken where a value is missing, a sparkline fitted into
//! a box, and the positions of a line chart's points and of horizontal bars.

/// Maps a value domain onto a pixel range (either may run backwards, as a y axis does).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl Scale {
    pub fn at(&self, v: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if (d1 - d0).abs() < f64::EPSILON { (r0 + r1) / 2.0 } else { r0 + (v - d0) / (d1 - d0) * (r1 - r0) }
    }
}

/// A value axis: its bounds (tick multiples) and the ticks from low to high.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    pub lo: f64,
    pub hi: f64,
    pub step: f64,
    pub ticks: Vec<f64>,
}

/// A step of 1, 2, 2.5 or 5 × 10ⁿ giving about `count` intervals over `span`.
pub fn nice_step(span: f64, count: usize) -> f64 {
    let raw = span.abs() / count.max(1) as f64;
    if raw <= 0.0 || !raw.is_finite() {
        return 1.0;
    }
    let magnitude = 10f64.powf(raw.log10().floor());
    let fraction = raw / magnitude;
    let nice = [1.0, 2.0, 2.5, 5.0, 10.0].into_iter().find(|n| fraction <= *n).unwrap_or(10.0);
    nice * magnitude
}

/// An axis covering every value given (values and targets alike). It starts at zero when the values
/// are all positive and zero is near (under the spread of the values), so bars and shares read true.
pub fn axis(values: &[f64], count: usize) -> Axis {
    let finite: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    let (mut lo, mut hi) = match (finite.iter().copied().reduce(f64::min), finite.iter().copied().reduce(f64::max)) {
        (Some(lo), Some(hi)) => (lo, hi),
        _ => (0.0, 1.0),
    };
    if lo >= 0.0 && lo <= hi - lo {
        lo = 0.0;
    }
    if (hi - lo).abs() < f64::EPSILON {
        let pad = if hi == 0.0 { 1.0 } else { hi.abs() * 0.1 };
        lo -= pad;
        hi += pad;
        if lo < 0.0 && finite.iter().all(|v| *v >= 0.0) {
            lo = 0.0;
        }
    }
    let step = nice_step(hi - lo, count);
    let lo = (lo / step).floor() * step;
    let hi = (hi / step).ceil() * step;
    let n = ((hi - lo) / step).round() as usize;
    let ticks = (0..=n).map(|i| round(lo + i as f64 * step)).collect();
    Axis { lo, hi, step, ticks }
}

/// A tick's label with as many decimals as the step needs.
pub fn tick_label(value: f64, step: f64) -> String {
    let decimals = if step >= 1.0 {
        0
    } else if step >= 0.1 {
        1
    } else {
        2
    };
    format!("{value:.decimals$}")
}

/// Rounds away the float noise of sums of steps (0.1 + 0.2).
fn round(v: f64) -> f64 {
    (v * 1e9).round() / 1e9
}

/// A coordinate in SVG: one decimal, no trailing `.0`.
pub fn coord(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r.fract() == 0.0 { format!("{r:.0}") } else { format!("{r:.1}") }
}

/// `M x y L x y …`, starting a new segment after each missing point.
pub fn line_path(points: &[Option<(f64, f64)>]) -> String {
    let mut out = String::new();
    let mut pen_down = false;
    for p in points {
        match p {
            Some((x, y)) => {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push(if pen_down { 'L' } else { 'M' });
                out.push_str(&format!("{} {}", coord(*x), coord(*y)));
                pen_down = true;
            }
            None => pen_down = false,
        }
    }
    out
}

/// The box of a chart: size and the margins around the plot (room for axis labels).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
}

impl Frame {
    pub fn plot_width(&self) -> f64 {
        (self.width - self.left - self.right).max(1.0)
    }

    pub fn plot_bottom(&self) -> f64 {
        self.height - self.bottom
    }
}

/// Where everything of a line chart goes.
#[derive(Debug, Clone, PartialEq)]
pub struct LineLayout {
    /// The centre of each period's band.
    pub xs: Vec<f64>,
    /// Each value's height, `None` where the value is missing.
    pub ys: Vec<Option<f64>>,
    pub value_path: String,
    pub target_path: String,
    /// Each tick's value and height.
    pub ticks: Vec<(f64, f64)>,
    pub step: f64,
}

/// Lays out `values` and `targets` (one per period, same length) in `frame`.
pub fn line_layout(values: &[Option<f64>], targets: &[Option<f64>], frame: Frame) -> LineLayout {
    let all: Vec<f64> = values.iter().chain(targets).flatten().copied().collect();
    let axis = axis(&all, 4);
    let y = Scale { domain: (axis.lo, axis.hi), range: (frame.plot_bottom(), frame.top) };
    let band = frame.plot_width() / values.len().max(1) as f64;
    let xs: Vec<f64> = (0..values.len()).map(|i| frame.left + (i as f64 + 0.5) * band).collect();
    let ys: Vec<Option<f64>> = values.iter().map(|v| v.filter(|v| v.is_finite()).map(|v| y.at(v))).collect();
    let at = |ys: &[Option<f64>]| xs.iter().zip(ys).map(|(x, y)| y.map(|y| (*x, y))).collect::<Vec<_>>();
    let target_ys: Vec<Option<f64>> = targets.iter().map(|t| t.filter(|t| t.is_finite()).map(|t| y.at(t))).collect();
    LineLayout {
        value_path: line_path(&at(&ys)),
        target_path: line_path(&at(&target_ys)),
        ticks: axis.ticks.iter().map(|t| (*t, y.at(*t))).collect(),
        step: axis.step,
        xs,
        ys,
    }
}

/// A sparkline of `values` in a `width` × `height` box (`pad` inside the edges): the path and the
/// last point that has a value, for its dot.
pub fn sparkline(values: &[Option<f64>], width: f64, height: f64, pad: f64) -> (String, Option<(f64, f64)>) {
    let present: Vec<f64> = values.iter().flatten().copied().filter(|v| v.is_finite()).collect();
    let (Some(lo), Some(hi)) = (present.iter().copied().reduce(f64::min), present.iter().copied().reduce(f64::max)) else {
        return (String::new(), None);
    };
    let x = Scale { domain: (0.0, values.len().saturating_sub(1).max(1) as f64), range: (pad, width - pad) };
    let y = Scale { domain: (lo, hi), range: (height - pad, pad) };
    let points: Vec<Option<(f64, f64)>> =
        values.iter().enumerate().map(|(i, v)| v.filter(|v| v.is_finite()).map(|v| (x.at(i as f64), y.at(v)))).collect();
    let last = points.iter().rev().flatten().next().copied();
    (line_path(&points), last)
}

/// Horizontal bars: the axis (from zero) over the values and the target, and each bar's length
/// within `width` (zero for a missing value).
pub fn bar_lengths(values: &[Option<f64>], target: Option<f64>, width: f64) -> (Axis, Vec<f64>) {
    let mut all: Vec<f64> = values.iter().flatten().copied().collect();
    all.extend(target);
    all.push(0.0);
    let axis = axis(&all, 4);
    let x = Scale { domain: (axis.lo, axis.hi), range: (0.0, width) };
    let lengths = values.iter().map(|v| v.filter(|v| v.is_finite()).map_or(0.0, |v| (x.at(v) - x.at(0.0)).max(0.0))).collect();
    (axis, lengths)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_map_both_ways() {
        let s = Scale { domain: (0.0, 100.0), range: (200.0, 0.0) };
        assert_eq!(s.at(0.0), 200.0);
        assert_eq!(s.at(25.0), 150.0);
        let flat = Scale { domain: (5.0, 5.0), range: (0.0, 10.0) };
        assert_eq!(flat.at(5.0), 5.0);
    }

    #[test]
    fn steps_are_nice() {
        assert_eq!(nice_step(100.0, 4), 25.0);
        assert_eq!(nice_step(7.0, 4), 2.0);
        assert!((nice_step(0.4, 4) - 0.1).abs() < 1e-12);
        assert_eq!(nice_step(0.0, 4), 1.0);
    }

    #[test]
    fn axes_cover_the_values_and_start_at_zero_when_near() {
        let a = axis(&[12.0, 86.4, 95.0], 4);
        assert_eq!((a.lo, a.hi), (0.0, 100.0));
        assert_eq!(a.ticks, vec![0.0, 25.0, 50.0, 75.0, 100.0]);
        // Far from zero: the axis hugs the values.
        let b = axis(&[88.0, 92.5, 95.0], 4);
        assert!(b.lo >= 85.0 && b.lo <= 88.0 && b.hi >= 95.0, "{b:?}");
        // One value, or none, still gives a usable axis.
        let c = axis(&[50.0], 4);
        assert!(c.lo <= 45.0 && c.hi >= 55.0);
        assert_eq!(axis(&[], 4).ticks.first(), Some(&0.0));
    }

    #[test]
    fn tick_labels_show_the_decimals_the_step_needs() {
        assert_eq!(tick_label(25.0, 25.0), "25");
        assert_eq!(tick_label(0.5, 0.5), "0.5");
        assert_eq!(tick_label(0.05, 0.05), "0.05");
    }

    #[test]
    fn paths_break_at_missing_points() {
        let p = line_path(&[Some((0.0, 10.0)), Some((5.0, 2.25)), None, Some((15.0, 4.0))]);
        assert_eq!(p, "M0 10 L5 2.3 M15 4");
        assert_eq!(line_path(&[None, None]), "");
    }

    #[test]
    fn line_layout_puts_points_in_bands() {
        let frame = Frame { width: 140.0, height: 100.0, left: 40.0, right: 0.0, top: 0.0, bottom: 20.0 };
        let l = line_layout(&[Some(50.0), None, Some(100.0), Some(0.0)], &[Some(75.0); 4], frame);
        assert_eq!(l.xs, vec![52.5, 77.5, 102.5, 127.5]);
        assert_eq!(l.ys, vec![Some(40.0), None, Some(0.0), Some(80.0)]);
        assert_eq!(l.value_path, "M52.5 40 M102.5 0 L127.5 80");
        assert_eq!(l.target_path, "M52.5 20 L77.5 20 L102.5 20 L127.5 20");
        assert_eq!(l.ticks.first(), Some(&(0.0, 80.0)));
    }

    #[test]
    fn sparklines_fit_their_box() {
        let (path, last) = sparkline(&[Some(1.0), Some(3.0), None, Some(2.0)], 62.0, 22.0, 1.0);
        assert_eq!(path, "M1 21 L21 1 M61 11");
        assert_eq!(last, Some((61.0, 11.0)));
        assert_eq!(sparkline(&[None, None], 60.0, 20.0, 1.0), (String::new(), None));
    }

    #[test]
    fn bars_start_at_zero_and_reach_the_target() {
        let (axis, lengths) = bar_lengths(&[Some(50.0), None, Some(100.0)], Some(80.0), 200.0);
        assert_eq!((axis.lo, axis.hi), (0.0, 100.0));
        assert_eq!(lengths, vec![100.0, 0.0, 200.0]);
    }
}
