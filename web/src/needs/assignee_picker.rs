//! 派单 picker: who a need may be dispatched to (`GET /needs/{id}/assignees`), best match first and
//! marked, with role, area and how many needs each already has open; a search box narrows the list
//! by name, role or area (a street's list runs long).

use leptos::prelude::*;
use shared::{Assignee, Id};

use crate::common::api;
use crate::common::i18n::{I18n, use_i18n};
use crate::common::status::{Empty, ErrorBox, Loading};

/// Whether `a` matches the typed words: each word in the name, the role's label or the area.
fn matches(i18n: I18n, a: &Assignee, query: &str) -> bool {
    let haystack = format!("{} {} {}", a.display_name, i18n.role(a.role), a.area_name).to_lowercase();
    query.to_lowercase().split_whitespace().all(|word| haystack.contains(word))
}

/// A searchable radio list of the need's possible assignees; `value` is the chosen id.
#[component]
pub fn AssigneePicker(need_id: Id, value: RwSignal<Option<Id>>) -> impl IntoView {
    let i18n = use_i18n();
    let query = RwSignal::new(String::new());
    let loaded = LocalResource::new(move || async move {
        let answer = api::assignees(need_id).await;
        // One choice only: take it, saving a click.
        if let Ok([only]) = answer.as_deref() {
            value.set(Some(only.id));
        }
        answer
    });
    let retry = Callback::new(move |()| loaded.refetch());
    let group = format!("assignee-{need_id}");
    let body = move || {
        loaded.get().map(|answer| match answer {
            Err(error) => view! { <ErrorBox error on_retry=retry/> }.into_any(),
            Ok(list) if list.is_empty() => view! { <Empty key=k!("state.no_assignees")/> }.into_any(),
            Ok(list) => {
                let group = group.clone();
                let shown = move || list.iter().filter(|a| matches(i18n, a, &query.get())).cloned().collect::<Vec<_>>();
                view! {
                    <input type="search" class="assignee-search" data-testid="assignee-search"
                        placeholder=move || i18n.t(k!("form.search_assignee")) aria-label=move || i18n.t(k!("form.search_assignee"))
                        prop:value=query on:input=move |ev| query.set(event_target_value(&ev))/>
                    <div class="assignee-list" role="radiogroup" aria-label=move || i18n.t(k!("form.pick_assignee"))
                        data-testid="assignee-picker">
                        {move || {
                            let rows = shown();
                            if rows.is_empty() {
                                return view! { <Empty key=k!("state.no_assignee_match")/> }.into_any();
                            }
                            rows.into_iter().map(|a| option(i18n, a, group.clone(), value)).collect_view().into_any()
                        }}
                    </div>
                }
                .into_any()
            }
        })
    };
    view! { <Suspense fallback=|| view! { <Loading/> }>{body}</Suspense> }
}

/// One assignee as a radio choice; the best match carries its mark.
fn option(i18n: I18n, a: Assignee, group: String, value: RwSignal<Option<Id>>) -> impl IntoView {
    let id = a.id;
    let role = a.role;
    view! {
        <label class="assignee" class:chosen=move || value.get() == Some(id) class:best=a.best
            data-testid="assignee-option" data-assignee-id=id data-best=a.best.to_string()>
            <input type="radio" name=group prop:checked=move || value.get() == Some(id)
                on:change=move |_| value.set(Some(id))/>
            <span class="assignee-name">{a.display_name.clone()}</span>
            {a.best.then(|| view! {
                <span class="badge badge-best" data-testid="assignee-best">{move || i18n.t(k!("form.best_match"))}</span>
            })}
            <span class="badge">{move || i18n.role(role)}</span>
            <span class="muted">{a.area_name.clone()}</span>
            <span class="assignee-load" class:busy={a.open_needs >= 5}>
                {move || i18n.t(k!("form.open_needs"))}" "{a.open_needs}
            </span>
        </label>
    }
}
