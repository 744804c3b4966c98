//! 派单 picker: who a need may be dispatched to (`GET /needs/{id}/assignees`), least busy first, with
//! role, area and how many needs each already has open.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{Assignee, Id};

use crate::common::api::{self, ApiError};
use crate::common::i18n::use_i18n;
use crate::common::status::{Empty, ErrorBox, Loading};

/// A radio list of the need's possible assignees; `value` is the chosen id.
#[component]
pub fn AssigneePicker(need_id: Id, value: RwSignal<Option<Id>>) -> impl IntoView {
    let i18n = use_i18n();
    let loaded = RwSignal::new(None::<Result<Vec<Assignee>, ApiError>>);
    let load = move || {
        loaded.set(None);
        spawn_local(async move {
            let answer = api::assignees(need_id).await;
            if let Ok(list) = &answer {
                // One choice only: take it, saving a click.
                if let [only] = list.as_slice() {
                    value.set(Some(only.id));
                }
            }
            loaded.set(Some(answer));
        });
    };
    load();
    let retry = Callback::new(move |()| load());
    let group = format!("assignee-{need_id}");
    move || match loaded.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(error)) => view! { <ErrorBox error on_retry=retry/> }.into_any(),
        Some(Ok(list)) if list.is_empty() => view! { <Empty key="state.no_assignees"/> }.into_any(),
        Some(Ok(list)) => view! {
            <div class="assignee-list" role="radiogroup" aria-label=move || i18n.t("form.pick_assignee")
                data-testid="assignee-picker">
                {list.into_iter().map(|a| {
                    let id = a.id;
                    let role = a.role;
                    view! {
                        <label class="assignee" class:chosen=move || value.get() == Some(id)
                            data-testid="assignee-option" data-assignee-id=id>
                            <input type="radio" name=group.clone() prop:checked=move || value.get() == Some(id)
                                on:change=move |_| value.set(Some(id))/>
                            <span class="assignee-name">{a.display_name.clone()}</span>
                            <span class="badge">{move || i18n.role(role)}</span>
                            <span class="muted">{a.area_name.clone()}</span>
                            <span class="assignee-load" class:busy={a.open_needs >= 5}>
                                {move || i18n.t("form.open_needs")}" "{a.open_needs}
                            </span>
                        </label>
                    }
                }).collect_view()}
            </div>
        }
        .into_any(),
    }
}
