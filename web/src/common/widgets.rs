//! Small widgets several features draw: a table's header row from message keys, the one bar used
//! for progress, fulfilment, budget against spend and matching coverage, and the target-group chips.

use leptos::prelude::*;

use crate::common::i18n::tr;
use crate::messages::Key;

/// A table's header row from message keys; `extra` blank cells after them (an actions column).
#[component]
pub fn HeadRow(keys: &'static [Key], #[prop(optional)] extra: usize) -> impl IntoView {
    view! {
        <thead>
            <tr>
                {keys.iter().map(|k| view! { <th>{tr(*k)}</th> }).collect_view()}
                {(0..extra).map(|_| view! { <th></th> }).collect_view()}
            </tr>
        </thead>
    }
}

/// A horizontal bar for a share (`fraction` 0–1; more than 1 is drawn full and marked), with a text
/// after it (the percentage unless `text` is given). `tone`: `ok`, `warn`, `bad` or empty (brand).
#[component]
pub fn Bar(
    fraction: f64,
    #[prop(optional, into)] text: Option<String>,
    #[prop(optional)] tone: &'static str,
    #[prop(optional)] testid: &'static str,
) -> impl IntoView {
    let fraction = if fraction.is_finite() { fraction.max(0.0) } else { 0.0 };
    let percent = (fraction * 100.0).round();
    let width = percent.min(100.0);
    let over = fraction > 1.0;
    let label = text.unwrap_or_else(|| format!("{percent}%"));
    let testid = if testid.is_empty() { "bar" } else { testid };
    view! {
        <span class="bar-line">
            <span class=format!("bar {tone}") class:over=over role="progressbar"
                aria-valuemin="0" aria-valuemax="100" aria-valuenow=percent.to_string()
                data-testid=testid data-fraction=format!("{fraction:.4}")>
                <span class="bar-fill" style=format!("width: {width}%")></span>
            </span>
            <span class="bar-text">{label}</span>
        </span>
    }
}

/// Target groups (目标群体) as checkbox chips, in the vocabulary's order, with their labels: the
/// needs', services', surveys' and residents' forms pick them the same way.
#[component]
pub fn TargetGroupPicks(selected: RwSignal<Vec<shared::TargetGroup>>, testid: &'static str) -> impl IntoView {
    let i18n = crate::common::i18n::use_i18n();
    view! {
        <div class="tag-picks" data-testid=testid>
            {shared::TargetGroup::ALL.into_iter().map(|g| view! {
                <label class="tag-pick" class:on=move || selected.with(|t| t.contains(&g)) data-tag=g.as_str()>
                    <input type="checkbox" prop:checked=move || selected.with(|t| t.contains(&g))
                        on:change=move |ev| { let on = event_target_checked(&ev);
                            selected.update(|t| { t.retain(|x| *x != g); if on { t.push(g) } }); }/>
                    {move || i18n.target_group(g)}
                </label>
            }).collect_view()}
        </div>
    }
}
