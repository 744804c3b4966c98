//! `/residents`: residents of the caller's area by verification state (待认证 first), a filter over
//! the rows loaded, how many are loaded, and verify / refuse on each; each card shows the resident's
//! target groups (目标群体), which staff allowed by `/me` set in place. Names and phones appear as
//! the server sends them (masked for staff who do not handle personal data).

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{Code, Resident, Verification};

use crate::common::format::local_time;
use crate::common::i18n::use_i18n;
use crate::common::paged::Paged;
use crate::common::phone::PhoneLink;
use crate::common::session::use_session;
use crate::common::status::error_text;
use crate::messages::Key;
use crate::residents::endpoints;
use crate::residents::groups_form::GroupsForm;
use crate::residents::refuse_form::RefuseForm;

/// The residence-check page.
#[component]
pub fn ResidentsPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = RwSignal::new(Verification::Pending);
    let search = RwSignal::new(String::new());
    let notice = RwSignal::new(None::<Key>);
    let list = Paged::<Resident>::new();
    let fetch = move |cursor| endpoints::residents(state.get_untracked(), cursor);
    list.reload(fetch);
    let more = Callback::new(move |()| list.more(fetch));
    let retry = Callback::new(move |()| list.reload(fetch));
    let show = move |v: Verification| {
        state.set(v);
        notice.set(None);
        list.reload(fetch);
    };
    // A decided resident leaves a list of another state.
    let decided = Callback::new(move |saved: Resident| {
        notice.set(Some(if saved.verification == Verification::Verified {
            k!("residents.done_verified")
        } else {
            k!("residents.done_refused")
        }));
        let keep = saved.verification == state.get_untracked();
        list.items.update(|items| {
            if keep {
                if let Some(row) = items.iter_mut().find(|r| r.id == saved.id) {
                    *row = saved;
                }
            } else {
                items.retain(|r| r.id != saved.id);
            }
        });
    });
    // New groups keep the card where it is (its key is unchanged); the row is updated for the filter.
    let regrouped = Callback::new(move |saved: Resident| {
        notice.set(Some(k!("residents.done_groups")));
        list.items.update(|items| {
            if let Some(row) = items.iter_mut().find(|r| r.id == saved.id) {
                *row = saved;
            }
        });
    });
    let shown = move || {
        let needle = search.get().trim().to_lowercase();
        list.items.with(|items| {
            items
                .iter()
                .filter(|r| {
                    needle.is_empty()
                        || [Some(&r.display_name), r.phone.as_ref(), Some(&r.area_name), r.address.as_ref()]
                            .into_iter()
                            .flatten()
                            .any(|t| t.to_lowercase().contains(&needle))
                })
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    view! {
        <h1 class="page-title">{move || i18n.t(k!("residents.title"))}</h1>
        <div class="toolbar">
            <div class="segmented" role="group" aria-label=move || i18n.t(k!("residents.status")) data-testid="residents-status">
                {<Verification as Code>::ALL.iter().map(|&v| view! {
                    <label class:on=move || state.get() == v>
                        <input type="radio" name="verification" prop:checked=move || state.get() == v
                            data-testid=format!("residents-{}", v.as_str()) on:change=move |_| show(v)/>
                        {move || i18n.dynamic(words!("ver"), v.as_str())}
                    </label>
                }).collect_view()}
            </div>
            <input type="search" data-testid="residents-search" placeholder=move || i18n.t(k!("residents.search"))
                aria-label=move || i18n.t(k!("residents.search")) style="max-width: 100%;"
                prop:value=search on:input=move |ev| search.set(event_target_value(&ev))/>
        </div>
        <p class="muted" data-testid="residents-total">
            {move || format!("{} {}", i18n.t(k!("residents.total")), list.items.with(Vec::len))}
            {move || list.next.with(Option::is_some).then(|| i18n.t(k!("residents.more")))}
        </p>
        {move || notice.get().map(|key| view! { <p class="notice" role="status" data-testid="residents-notice">{move || i18n.t(key)}</p> })}
        <ul class="m-cards" data-testid="residents" style="max-width: 720px;">
            <For each=shown key=|r| (r.id, r.verification) let:resident>
                <ResidentCard resident decided regrouped/>
            </For>
        </ul>
        {move || (list.loaded.get() && !list.items.with(Vec::is_empty) && shown().is_empty())
            .then(|| view! { <p class="muted">{move || i18n.t(k!("residents.no_match"))}</p> })}
        {list.footer(k!("residents.empty"), more, retry)}
    }
}

#[component]
fn ResidentCard(resident: Resident, decided: Callback<Resident>, regrouped: Callback<Resident>) -> impl IntoView {
    let i18n = use_i18n();
    let may_set_groups = use_session().permissions().set_resident_target_groups;
    let id = resident.id;
    let refusing = RwSignal::new(false);
    let grouping = RwSignal::new(false);
    let groups = RwSignal::new(resident.target_groups.clone());
    let on_grouped = Callback::new(move |saved: Resident| {
        grouping.set(false);
        groups.set(saved.target_groups.clone());
        regrouped.run(saved);
    });
    let on_ungroup_cancel = Callback::new(move |()| grouping.set(false));
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let verify = move |_| {
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match endpoints::verify(id).await {
                Ok(saved) => decided.run(saved),
                Err(e) => error.set(Some(error_text(i18n, &e))),
            }
            // A decided card leaves the list (and is disposed) when the filter is another state.
            busy.try_set(false);
        });
    };
    let v = resident.verification;
    let reason = resident.refusal_reason.map(|r| r.as_str());
    let on_done = Callback::new(move |saved: Resident| {
        refusing.set(false);
        decided.run(saved);
    });
    let on_cancel = Callback::new(move |()| refusing.set(false));
    view! {
        <li class="m-card" data-testid="resident" data-resident-id=id>
            <span class="m-card-head">
                <strong data-testid="resident-name">{resident.display_name.clone()}</strong>
                <span class="badge" data-testid="resident-status">{move || i18n.dynamic(words!("ver"), v.as_str())}</span>
            </span>
            <dl class="facts" style="margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; font-size: 13px;">
                <dt class="muted">{move || i18n.t(k!("residents.phone"))}</dt>
                <dd data-testid="resident-phone" style="margin: 0;"><PhoneLink number=resident.phone.clone()/></dd>
                <dt class="muted">{move || i18n.t(k!("residents.area"))}</dt>
                <dd style="margin: 0; overflow-wrap: anywhere;">{resident.area_name.clone()}</dd>
                <dt class="muted">{move || i18n.t(k!("residents.address"))}</dt>
                <dd style="margin: 0; overflow-wrap: anywhere;">{resident.address.clone().unwrap_or_else(|| "—".into())}</dd>
                <dt class="muted">{move || i18n.t(k!("residents.signed_up"))}</dt>
                <dd style="margin: 0;">{local_time(&resident.created_at)}</dd>
                <dt class="muted">{move || i18n.t(k!("residents.target_groups"))}</dt>
                <dd data-testid="resident-groups" style="margin: 0; overflow-wrap: anywhere;">{move || groups.with(|g| if g.is_empty() {
                    i18n.t(k!("residents.no_groups")).to_owned()
                } else {
                    i18n.target_groups(g)
                })}</dd>
                {reason.map(|r| view! {
                    <dt class="muted">{move || i18n.t(k!("residents.reason"))}</dt>
                    <dd style="margin: 0;">{move || i18n.dynamic(words!("refusal"), r)}{resident.refusal_note.clone().map(|n| format!(" · {n}"))}</dd>
                })}
            </dl>
            {move || error.get().map(|e| view! { <p class="form-summary" role="alert">{e}</p> })}
            {move || if refusing.get() {
                view! { <RefuseForm id on_done on_cancel/> }.into_any()
            } else if grouping.get() {
                view! { <GroupsForm id current=groups.get_untracked() on_done=on_grouped on_cancel=on_ungroup_cancel/> }.into_any()
            } else {
                view! {
                    <span class="m-card-foot">
                        {(v != Verification::Verified).then(|| view! {
                            <button type="button" class="btn btn-primary btn-small" data-testid="resident-verify"
                                disabled=busy on:click=verify>{move || i18n.t(k!("residents.verify"))}</button>
                        })}
                        {(v != Verification::Refused).then(|| view! {
                            <button type="button" class="btn btn-small" data-testid="resident-refuse"
                                on:click=move |_| refusing.set(true)>{move || i18n.t(k!("residents.refuse"))}</button>
                        })}
                        {may_set_groups.then(|| view! {
                            <button type="button" class="btn btn-small" data-testid="resident-edit-groups"
                                on:click=move |_| grouping.set(true)>{move || i18n.t(k!("residents.edit_groups"))}</button>
                        })}
                    </span>
                }.into_any()
            }}
        </li>
    }
}
