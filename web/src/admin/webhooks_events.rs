//! Webhook events as words (需求·派单 with `need.dispatch` in small text), and the picker of the
//! events an endpoint subscribes to, grouped by domain.

use leptos::prelude::*;
use shared::webhook_events;

use crate::common::i18n::{I18n, use_i18n};

/// The label of an event code: its own message, else the domain and the action's word; unknown
/// codes show as sent.
pub fn event_label(i18n: I18n, code: &str) -> String {
    let own = i18n.dynamic(words!("event"), code);
    if own != code {
        return own;
    }
    let Some((domain, action)) = code.split_once('.') else { return code.to_owned() };
    let word = match domain {
        "need" => i18n.dynamic(words!("need_action"), action),
        "program" => i18n.dynamic(words!("paction"), action),
        _ => return code.to_owned(),
    };
    format!("{}·{word}", i18n.dynamic(words!("event_domain"), domain))
}

/// One event as a label with its code in small text.
#[component]
pub fn EventLabel(code: String) -> impl IntoView {
    let i18n = use_i18n();
    let shown = code.clone();
    let title = code.clone();
    view! {
        <span class="badge" title=title>{move || event_label(i18n, &code)}" "<span class="mono small">{shown}</span></span>
    }
}

/// A checkbox per subscribable event, grouped by domain; none ticked means every event.
#[component]
pub fn EventPicks(chosen: RwSignal<Vec<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let toggle = move |code: String, on: bool| {
        chosen.update(|list| {
            list.retain(|c| *c != code);
            if on {
                list.push(code);
            }
        });
    };
    let events = webhook_events();
    view! {
        <div style="display: grid; grid-template-columns: repeat(auto-fill, minmax(210px, 1fr)); gap: 4px 10px"
            data-testid="webhook-events">
            {events.into_iter().map(|code| {
                let checked = code.clone();
                let toggled = code.clone();
                let label = code.clone();
                let attr = code.clone();
                view! {
                    <label class="checkbox" data-testid="webhook-event" data-code=attr>
                        <input type="checkbox" prop:checked=move || chosen.with(|l| l.contains(&checked))
                            on:change=move |ev| toggle(toggled.clone(), event_target_checked(&ev))/>
                        <span>{move || event_label(i18n, &label)}" "<span class="mono small muted">{code}</span></span>
                    </label>
                }
            }).collect_view()}
        </div>
    }
}
