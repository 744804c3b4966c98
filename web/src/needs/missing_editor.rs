//! 一次告知 list editor: every item the resident must add, entered at once, each removable. Errors
//! for the list (`/missing`) and for one item (`/missing/2`) show where they belong.

use leptos::prelude::*;

use crate::common::form::{FieldGroup, FormState};
use crate::common::i18n::use_i18n;

/// Most items the API takes in one return.
const MAX_ITEMS: usize = 20;

/// Edits `items` in place; blank rows are dropped when the form is sent.
#[component]
pub fn MissingEditor(items: RwSignal<Vec<String>>, form: FormState) -> impl IntoView {
    let i18n = use_i18n();
    let add = move |_: leptos::ev::MouseEvent| {
        items.update(|list| {
            if list.len() < MAX_ITEMS {
                list.push(String::new());
            }
        });
    };
    // Only a change of length re-renders the rows; typing must not (it would drop the focus).
    let length = Memo::new(move |_| items.with(Vec::len));
    let rows = move || {
        let count = length.get();
        (0..count)
            .map(|i| {
                let value = move || items.with(|list| list.get(i).cloned().unwrap_or_default());
                let pointer = format!("/missing/{i}");
                let error = move || form.error_at(i18n, &pointer);
                view! {
                    <li class="missing-row">
                        <input type="text" maxlength="200" data-testid="missing-item"
                            placeholder=move || i18n.t(k!("form.missing_item"))
                            prop:value=value
                            on:input=move |ev| {
                                let text = event_target_value(&ev);
                                items.update(|list| if let Some(slot) = list.get_mut(i) { *slot = text });
                            }/>
                        <button type="button" class="btn btn-small btn-ghost" disabled={move || count <= 1}
                            aria-label=move || i18n.t(k!("form.remove_item"))
                            on:click={move |_| items.update(|list| if list.len() > 1 { list.remove(i); })}>
                            "×"
                        </button>
                        <span class="field-error">{error}</span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <FieldGroup label=k!("form.missing") pointer="/missing" form>
            <ol class="missing-list" data-testid="missing-editor">{rows}</ol>
            <button type="button" class="btn btn-small" data-testid="missing-add"
                disabled={move || items.with(Vec::len) >= MAX_ITEMS} on:click=add>
                "+ "{move || i18n.t(k!("form.add_item"))}
            </button>
        </FieldGroup>
    }
}
