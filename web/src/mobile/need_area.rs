//! Where a resident's need is: their home community, or one of its grids (网格) when they know it.
//! A resident whose home is a grid has nothing to choose.

use leptos::prelude::*;
use shared::Id;

use crate::common::api;
use crate::common::form::{Field, FormState};
use crate::common::i18n::use_i18n;
use crate::common::status::ErrorBox;

/// `home` is (id, name, is a community); `value` starts as the home id.
#[component]
pub fn AreaChoice(form: FormState, home: Option<(Id, String, bool)>, value: RwSignal<Option<Id>>) -> impl IntoView {
    let i18n = use_i18n();
    let Some((home_id, home_name, community)) = home else {
        return view! {
            <Field label=k!("m.area") pointer="/area_id" form>
                <span class="muted">"—"</span>
            </Field>
        }
        .into_any();
    };
    // Until the grids arrive (and for a home without any) the community's name shows, fixed.
    let grids = community.then(|| LocalResource::new(move || async move { api::area_children(home_id, None).await.map(|p| p.items) }));
    let retry = Callback::new(move |()| {
        if let Some(grids) = grids {
            grids.refetch();
        }
    });
    let name = home_name.clone();
    let picker = move || match grids.and_then(|g| g.get()) {
        Some(Ok(list)) if !list.is_empty() => view! {
            <select data-testid="need-area"
                on:change=move |ev| value.set(event_target_value(&ev).parse().ok().or(Some(home_id)))>
                <option value=home_id.to_string() selected=move || value.get() == Some(home_id)>
                    {name.clone()}" · "{move || i18n.t(k!("m.whole_community"))}
                </option>
                {list.into_iter().map(|g| {
                    let id = g.id;
                    view! { <option value=id.to_string() selected=move || value.get() == Some(id)>{g.name}</option> }
                }).collect_view()}
            </select>
        }
        .into_any(),
        Some(Err(error)) => view! {
            <span class="chosen">{name.clone()}</span>
            <ErrorBox error on_retry=retry/>
        }
        .into_any(),
        _ => view! { <span class="chosen" data-testid="need-area-fixed">{name.clone()}</span> }.into_any(),
    };
    view! {
        <Field label=k!("m.area") pointer="/area_id" form>
            {picker}
        </Field>
    }
    .into_any()
}
