//! Matching scores drawn as bars: the score of a candidate or a plan row (0–100), and the breakdown of
//! a score into its six parts (points of the part's weight, with the reason in the current locale).

use leptos::prelude::*;
use shared::ScorePart;

use crate::common::i18n::{I18n, Locale, tr, tr_word, use_i18n};
use crate::common::widgets::Bar;

/// Green from 70, amber from 40, red below.
pub fn score_tone(score: f64) -> &'static str {
    if score >= 70.0 {
        "ok"
    } else if score >= 40.0 {
        "warn"
    } else {
        "bad"
    }
}

/// A score or points value: one decimal, none when whole (`12`, `7.5`).
pub fn points_text(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 { format!("{rounded:.0}") } else { format!("{rounded:.1}") }
}

/// `12 分钟` / `12 min`, or a dash when unknown (online services, no location).
pub fn minutes_text(i18n: I18n, minutes: Option<f64>) -> String {
    minutes.map_or_else(|| "—".to_owned(), |m| format!("{} {}", m.round(), i18n.t(k!("matching.minutes"))))
}

/// The score (0–100) as a bar with the number after it.
#[component]
pub fn ScoreBar(score: f64) -> impl IntoView {
    view! {
        <span class="score-bar" data-testid="score" data-score=format!("{score:.2}")>
            <Bar fraction=score / 100.0 text=points_text(score) tone=score_tone(score) testid="score-bar"/>
        </span>
    }
}

/// The parts of a score, one line each: name, points/max as a small bar, and why.
#[component]
pub fn ScoreParts(parts: Vec<ScorePart>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <table class="table score-parts" data-testid="score-parts" style="width: auto">
            <thead>
                <tr>
                    <th>{tr(k!("matching.breakdown"))}</th>
                    <th>{tr(k!("matching.score"))}</th>
                    <th></th>
                </tr>
            </thead>
            <tbody>
                {parts.into_iter().map(|part| {
                    let fraction = if part.max > 0.0 { part.points / part.max } else { 0.0 };
                    let text = format!("{} / {}", points_text(part.points), points_text(part.max));
                    let tone = match fraction {
                        f if f >= 0.7 => "ok",
                        f if f >= 0.4 => "warn",
                        _ => "bad",
                    };
                    let (zh, en) = (part.reason_zh, part.reason_en);
                    view! {
                        <tr data-testid="score-part" data-part=part.part.as_str()>
                            <td class="nowrap">{tr_word(words!("mpart"), part.part.as_str().to_owned())}</td>
                            <td class="bar-cell"><Bar fraction text tone testid="part-bar"/></td>
                            <td class="small" data-testid="score-reason">
                                {move || if i18n.locale() == Locale::Zh { zh.clone() } else { en.clone() }}
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_drop_a_zero_decimal() {
        assert_eq!(points_text(12.0), "12");
        assert_eq!(points_text(7.54), "7.5");
        assert_eq!(points_text(99.96), "100");
    }

    #[test]
    fn tones_follow_the_score() {
        assert_eq!(score_tone(85.0), "ok");
        assert_eq!(score_tone(40.0), "warn");
        assert_eq!(score_tone(12.0), "bad");
    }
}
