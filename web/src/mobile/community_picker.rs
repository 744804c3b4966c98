//! Picking one's community (and, optionally, a grid of it) from the public list, for sign-up and
//! for moving house on the profile page.

use leptos::prelude::*;
use shared::CommunityChoice;

use crate::common::form::{Field, FormState};
use crate::common::i18n::use_i18n;
use crate::common::status::{ErrorBox, Loading};
use crate::mobile::account_endpoints::communities;

/// Search box, the matching communities and the grids of the chosen one.
#[component]
pub fn CommunityPicker(community: RwSignal<Option<i64>>, grid: RwSignal<Option<i64>>, form: FormState) -> impl IntoView {
    let i18n = use_i18n();
    let q = RwSignal::new(String::new());
    let found = LocalResource::new(move || communities(q.get()));
    let choices = RwSignal::new(Vec::<CommunityChoice>::new());
    Effect::new(move |_| {
        if let Some(Ok(list)) = found.get() {
            choices.set(list);
        }
    });
    let grids = move || {
        let chosen = community.get();
        choices.with(|list| list.iter().find(|c| Some(c.id) == chosen).map(|c| c.grids.clone()).unwrap_or_default())
    };
    let retry = Callback::new(move |()| found.refetch());
    let parse = |value: String| value.parse::<i64>().ok();
    view! {
        <label class="field">
            <span class="field-label">{move || i18n.t(k!("account.community_search"))}</span>
            <input type="search" data-testid="community-search" prop:value=q
                on:change=move |ev| q.set(event_target_value(&ev))/>
        </label>
        <Field label=k!("account.community") pointer="/community_id" form>
            <select data-testid="community" prop:value=move || community.get().map(|c| c.to_string()).unwrap_or_default()
                on:change=move |ev| {
                    community.set(parse(event_target_value(&ev)));
                    grid.set(None);
                }>
                <option value="">{move || i18n.t(k!("account.pick_community"))}</option>
                <For each=move || choices.get() key=|c| c.id let:c>
                    <option value=c.id.to_string() selected=move || community.get() == Some(c.id)>
                        {match &c.street { Some(street) => format!("{} · {street}", c.name), None => c.name.clone() }}
                    </option>
                </For>
            </select>
        </Field>
        <Transition fallback=|| view! { <Loading/> }>
            {move || found.get().and_then(Result::err).map(|error| view! { <ErrorBox error on_retry=retry/> })}
        </Transition>
        <Field label=k!("account.grid") pointer="/grid_id" form hint=k!("account.grid_hint")>
            <select data-testid="grid" prop:value=move || grid.get().map(|g| g.to_string()).unwrap_or_default()
                disabled=move || grids().is_empty()
                on:change=move |ev| grid.set(parse(event_target_value(&ev)))>
                <option value="">{move || i18n.t(k!("account.no_grid"))}</option>
                <For each=grids key=|g| g.id let:g>
                    <option value=g.id.to_string() selected=move || grid.get() == Some(g.id)>{g.name.clone()}</option>
                </For>
            </select>
        </Field>
    }
}
