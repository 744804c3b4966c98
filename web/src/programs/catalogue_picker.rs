//! Choose a program's catalogue items (共建内容): checkboxes grouped by section under their direction,
//! from the newest catalogue; the chosen ones also show as chips that can be dropped.

use leptos::prelude::*;
use shared::Id;

use crate::common::i18n::{tr, use_i18n};
use crate::common::status::{ErrorBox, Loading};
use crate::programs::catalogue::{entry_name, item_label, use_catalogue};

/// `value` holds the chosen item ids, in the order they were ticked.
#[component]
pub fn CataloguePicker(value: RwSignal<Vec<Id>>) -> impl IntoView {
    let i18n = use_i18n();
    let catalogue = use_catalogue();
    let retry = Callback::new(move |()| catalogue.load(true));
    let toggle = move |id: Id, on: bool| {
        value.update(|v| {
            v.retain(|x| *x != id);
            if on {
                v.push(id);
            }
        });
    };
    let chips = move || {
        value
            .get()
            .into_iter()
            .map(|id| {
                let label = move || item_label(catalogue, i18n, id).unwrap_or_else(|| format!("#{id}"));
                view! {
                    <span class="chip" data-testid="item-chip">
                        {label}
                        <button type="button" class="chip-x" aria-label=tr(k!("action.clear"))
                            on:click=move |_| toggle(id, false)>"×"</button>
                    </span>
                }
            })
            .collect_view()
    };
    let groups = move || {
        match catalogue.entries.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(error)) => view! { <ErrorBox error on_retry=retry/> }.into_any(),
        Some(Ok(_)) => catalogue.tree().into_iter().map(|d| view! {
            <fieldset class="item-group">
                <legend>{d.entry.code.clone()}" "{let e = d.entry.clone(); move || entry_name(i18n, &e.name_zh, &e.name_en)}</legend>
                {d.sections.into_iter().map(|s| view! {
                    <div class="item-section">
                        <div class="item-section-name muted">
                            {s.entry.code.clone()}" "{let e = s.entry.clone(); move || entry_name(i18n, &e.name_zh, &e.name_en)}
                        </div>
                        <div class="tag-picks">
                            {s.items.into_iter().map(|item| {
                                let id = item.id;
                                let on = move || value.with(|v| v.contains(&id));
                                let (zh, en) = (item.name_zh.clone(), item.name_en.clone());
                                view! {
                                    <label class="tag-pick" class:on=on data-testid="item-pick" data-code=item.code.clone()
                                        title=item.description_zh.clone().unwrap_or_default()>
                                        <input type="checkbox" prop:checked=on
                                            on:change=move |ev| toggle(id, event_target_checked(&ev))/>
                                        <span class="mono">{item.code.clone()}</span>" "{move || entry_name(i18n, &zh, &en)}
                                    </label>
                                }
                            }).collect_view()}
                        </div>
                    </div>
                }).collect_view()}
            </fieldset>
        }).collect_view().into_any(),
    }
    };
    view! {
        <div class="catalogue-picker" data-testid="catalogue-picker">
            <div class="chips">{chips}</div>
            <div class="item-groups">{groups}</div>
        </div>
    }
}
