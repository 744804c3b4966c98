//! Small pieces every needs page shows: status and urgency badges, the deadline that matters now
//! (red when past, amber when less than two hours are left) and the flags 街镇吹哨 / 超时未接单 / 重开.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use shared::{Need, NeedStatus, Urgency};

use crate::common::format::local_time;
use crate::common::i18n::{I18n, use_i18n};
use crate::messages::Key;

/// Less than this left before a deadline shows amber.
const SOON_MS: i64 = 2 * 60 * 60 * 1000;

/// 已受理, coloured by the status's stage.
#[component]
pub fn StatusBadge(status: NeedStatus) -> impl IntoView {
    let i18n = use_i18n();
    let class = format!("need-status st-{}", status.as_str());
    view! {
        <span class=class data-testid="need-status" data-status=status.as_str()>
            {move || i18n.status(status)}
        </span>
    }
}

/// 一般 / 紧急 / 特急.
#[component]
pub fn UrgencyBadge(urgency: Urgency) -> impl IntoView {
    let i18n = use_i18n();
    let name = urgency.as_str();
    let class = format!("urgency urgency-{name}");
    view! { <span class=class data-urgency=name>{move || i18n.urgency(urgency)}</span> }
}

/// The deadline that matters now: while it waits to be accepted the acceptance deadline (受理时限),
/// before anyone claimed it the response deadline (when earlier), afterwards the completion
/// deadline. `None` for needs that are neither waiting nor open.
///
/// The API does not say whether the need was responded to; a need never reopened and not yet claimed
/// has not been, which is the case this approximates.
pub fn current_due(need: &Need) -> Option<DateTime<Utc>> {
    if need.status == NeedStatus::Submitted {
        return need.acceptance_due_at;
    }
    if !need.status.is_open() {
        return None;
    }
    match (awaiting_response(need), need.response_due_at, need.completion_due_at) {
        (true, Some(r), Some(c)) => Some(r.min(c)),
        (_, _, Some(c)) => Some(c),
        (_, r, None) => r,
    }
}

/// Whether the response deadline still runs: accepted or dispatched and never claimed (a reopened need
/// was claimed once). An approximation, see [`current_due`].
pub fn awaiting_response(need: &Need) -> bool {
    matches!(need.status, NeedStatus::Accepted | NeedStatus::Dispatched) && need.reopen_count == 0
}

/// Whether the need is overdue: the server's flag, the same rule as the `overdue` filter.
pub fn is_overdue(need: &Need) -> bool {
    need.overdue
}

/// How long a need has waited since submission (等待时长), while it waits to be accepted.
pub fn waiting_since(need: &Need) -> Option<DateTime<Utc>> {
    (need.status == NeedStatus::Submitted).then_some(need.created_at)
}

/// Minutes between `since` and the browser's clock, as "2天3小时" / "2 d 3 h" (hours and minutes
/// under a day, minutes under an hour).
pub fn waited(i18n: I18n, since: &DateTime<Utc>) -> String {
    let minutes = ((js_sys::Date::now() as i64 - since.timestamp_millis()) / 60_000).max(0);
    let (d, h, m) = (minutes / (24 * 60), minutes / 60 % 24, minutes % 60);
    let unit = |k: Key| i18n.t(k);
    let text = if d > 0 {
        format!("{d}{}{h}{}", unit(k!("wait.days")), unit(k!("wait.hours")))
    } else if h > 0 {
        format!("{h}{}{m}{}", unit(k!("wait.hours")), unit(k!("wait.minutes")))
    } else {
        format!("{m}{}", unit(k!("wait.minutes")))
    };
    text.trim().to_owned()
}

/// The waiting time of a need not yet accepted, or a dash.
#[component]
pub fn WaitingTime(need: Need) -> impl IntoView {
    let i18n = use_i18n();
    match waiting_since(&need) {
        None => view! { <span class="muted">"—"</span> }.into_any(),
        Some(since) => view! {
            <span class="nowrap" data-testid="need-waiting">{move || waited(i18n, &since)}</span>
        }
        .into_any(),
    }
}

/// `due-over`, `due-soon` or empty, compared with the browser's clock.
pub fn due_class(at: &DateTime<Utc>) -> &'static str {
    let left = at.timestamp_millis() - js_sys::Date::now() as i64;
    if left <= 0 {
        "due-over"
    } else if left < SOON_MS {
        "due-soon"
    } else {
        ""
    }
}

/// The current deadline with its warning colour, or a dash.
#[component]
pub fn DueTime(need: Need) -> impl IntoView {
    let i18n = use_i18n();
    match current_due(&need) {
        None => view! { <span class="muted">"—"</span> }.into_any(),
        Some(at) => {
            // Overdue is the server's call; the browser's clock only adds the "due soon" hint.
            let class = if need.overdue {
                "due-over"
            } else {
                match due_class(&at) {
                    "due-over" => "",
                    other => other,
                }
            };
            let label = match class {
                "due-over" => Some(k!("need.overdue")),
                "due-soon" => Some(k!("need.due_soon")),
                _ => None,
            };
            view! {
                <span class=format!("due nowrap {class}") data-testid="need-due" data-due=class>
                    {local_time(&at)}
                    {label.map(|k| view! { <small>" · "{move || i18n.t(k)}</small> })}
                </span>
            }
            .into_any()
        }
    }
}

/// 街镇吹哨, 超时未接单 and 重新打开 ×N, only those that apply.
#[component]
pub fn NeedFlags(need: Need) -> impl IntoView {
    let i18n = use_i18n();
    let reopened = need.reopen_count;
    view! {
        <span class="flags">
            {need.escalated.then(|| view! {
                <span class="flag flag-escalated" data-testid="flag-escalated">
                    {move || i18n.t(k!("need.flag_escalated"))}
                </span>
            })}
            {need.unclaimed.then(|| view! {
                <span class="flag flag-unclaimed" data-testid="flag-unclaimed">
                    {move || i18n.t(k!("need.flag_unclaimed"))}
                </span>
            })}
            {(reopened > 0).then(|| view! {
                <span class="flag flag-reopened" data-testid="flag-reopened">
                    {move || i18n.t(k!("need.flag_reopened"))}" ×"{reopened}
                </span>
            })}
        </span>
    }
}

/// The first `max` characters of `text`, with an ellipsis when cut.
pub fn excerpt(text: &str, max: usize) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(max).collect();
    if chars.next().is_some() { format!("{head}…") } else { head }
}

#[cfg(test)]
mod tests {
    use super::excerpt;

    #[test]
    fn long_texts_are_cut_on_characters_not_bytes() {
        assert_eq!(excerpt("需要家政人员定期保洁", 4), "需要家政…");
        assert_eq!(excerpt("短", 4), "短");
    }
}
