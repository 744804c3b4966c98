//! Pieces the resource forms share: errors under a pointer and everything nested below it
//! (`/schedule` and `/schedule/2/end`), the summary for what no input shows, a chosen home area,
//! several served areas, the provider and person choice lists and a point.

use std::future::Future;

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{Area, GeoPoint, Id, Provider, ServicePerson};

use crate::common::api::{self, ApiResult};
use crate::common::area_picker::AreaSearch;
use crate::common::form::{FormState, field_error};
use crate::common::i18n::{I18n, tr, use_i18n};
use crate::messages::Key;

/// How many pages of a choice list are read at most (200 each).
const CHOICE_PAGES: usize = 5;

/// The messages for `pointer`, and with `nested` for every pointer below it too. Tracked.
pub fn errors_at(form: FormState, i18n: I18n, pointer: &str, nested: bool) -> Option<String> {
    let below = format!("{pointer}/");
    form.errors.with(|errors| {
        let found: Vec<String> = errors
            .iter()
            .filter(|e| e.field == pointer || (nested && e.field.starts_with(&below)))
            .map(|e| i18n.field_rule(e.code).map_or_else(|| e.message.clone(), str::to_owned))
            .collect();
        (!found.is_empty()).then(|| found.join("；"))
    })
}

/// A labelled group (several controls) whose error line shows `pointer` and, with `nested`, the
/// pointers below it (`/served_area_ids/1`).
#[component]
pub fn ResGroup(
    label: Key,
    pointer: &'static str,
    form: FormState,
    #[prop(optional)] nested: bool,
    #[prop(optional)] hint: Option<Key>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = move || errors_at(form, i18n, pointer, nested);
    view! {
        <div class="field" role="group" class:invalid=move || error().is_some() data-field=pointer>
            <span class="field-label">{move || i18n.t(label)}</span>
            {children()}
            {hint.map(|h| view! { <span class="field-hint">{move || i18n.t(h)}</span> })}
            <span class="field-error" data-testid="field-error">{error}</span>
        </div>
    }
}

/// The summary: the general problem and every error whose pointer `placed` says no input shows.
#[component]
pub fn ResSummary(form: FormState, placed: fn(&str) -> bool) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let general = form.general.get();
        let rest: Vec<String> = form.errors.with(|errors| {
            errors
                .iter()
                .filter(|e| !placed(&e.field))
                .map(|e| format!("{}: {}", e.field, i18n.field_rule(e.code).map_or_else(|| e.message.clone(), str::to_owned)))
                .collect()
        });
        (general.is_some() || !rest.is_empty()).then(|| {
            view! {
                <div class="form-summary" role="alert" data-testid="form-error">
                    {general.map(|g| view! { <p>{g}</p> })}
                    <ul>{rest.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
                </div>
            }
        })
    }
}

/// The home area: fixed once created (shown), else the signed-in user's area unless another is found.
#[component]
pub fn HomeArea(area: RwSignal<Option<(Id, String)>>, creating: bool, testid: &'static str) -> impl IntoView {
    let on_pick = Callback::new(move |a: Area| area.set(Some((a.id, a.name))));
    view! {
        <div class="area-choice">
            <span class="chosen" data-testid=testid>{move || area.get().map(|(_, n)| n).unwrap_or_default()}</span>
            {creating.then(|| view! { <AreaSearch on_pick placeholder=k!("area.search") testid="home-area-search"/> })}
        </div>
    }
}

/// Several areas as chips (✕ drops one) plus a search that adds one.
#[component]
pub fn AreaListPicker(value: RwSignal<Vec<(Id, String)>>) -> impl IntoView {
    let on_pick = Callback::new(move |a: Area| {
        value.update(|v| {
            if !v.iter().any(|(id, _)| *id == a.id) {
                v.push((a.id, a.name));
            }
        });
    });
    view! {
        <div class="area-choice" data-testid="served-areas">
            <div class="chips">
                <For each=move || value.get() key=|(id, _)| *id let:area>
                    <span class="chip" data-testid="served-area-chip" data-area-id=area.0>
                        {area.1.clone()}
                        <button type="button" class="chip-x" aria-label=tr(k!("action.clear"))
                            on:click=move |_| value.update(|v| v.retain(|(id, _)| *id != area.0))>"×"</button>
                    </span>
                </For>
            </div>
            <AreaSearch on_pick placeholder=k!("res.served_search") testid="served-area-search"/>
        </div>
    }
}

/// Names for area ids (a record only holds the ids of the areas it serves), asked one by one.
pub fn name_areas(ids: Vec<Id>, into: RwSignal<Vec<(Id, String)>>) {
    into.set(ids.iter().map(|id| (*id, format!("#{id}"))).collect());
    for id in ids {
        spawn_local(async move {
            if let Ok(area) = api::area(id).await {
                into.update(|v| {
                    if let Some(entry) = v.iter_mut().find(|(i, _)| *i == id) {
                        entry.1 = area.name;
                    }
                });
            }
        });
    }
}

/// Every page of a choice list, up to [`CHOICE_PAGES`].
pub async fn all_pages<T, F, Fut>(fetch: F) -> ApiResult<Vec<T>>
where
    F: Fn(Option<String>) -> Fut,
    Fut: Future<Output = ApiResult<shared::Page<T>>>,
{
    let mut items = Vec::new();
    let mut cursor = None;
    for _ in 0..CHOICE_PAGES {
        let page = fetch(cursor).await?;
        items.extend(page.items);
        match page.next_cursor {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    Ok(items)
}

/// A select of the active providers in the caller's scope; the empty entry is `empty_key`.
#[component]
pub fn ProviderSelect(value: RwSignal<Option<Id>>, testid: &'static str, empty_key: Key) -> impl IntoView {
    let i18n = use_i18n();
    let list = RwSignal::new(None::<Result<Vec<Provider>, String>>);
    spawn_local(async move {
        let found = all_pages(api::provider_choices).await;
        list.set(Some(found.map_err(|e| crate::common::status::error_text(i18n, &e))));
    });
    let options = move || {
        list.with(|l| match l {
            Some(Ok(items)) => {
                let current = value.get_untracked();
                let mut opts: Vec<(Id, String)> = items.iter().map(|p| (p.id, format!("{}（{}）", p.name, p.area_name))).collect();
                if let Some(id) = current.filter(|id| !opts.iter().any(|(i, _)| i == id)) {
                    opts.insert(0, (id, format!("#{id}")));
                }
                opts
            }
            _ => Vec::new(),
        })
    };
    view! {
        <select data-testid=testid prop:value=move || { list.track(); value.get().map(|i| i.to_string()).unwrap_or_default() }
            on:change=move |ev| value.set(event_target_value(&ev).parse().ok())>
            <option value="">{move || i18n.t(empty_key)}</option>
            {move || options().into_iter().map(|(id, label)| view! {
                <option value=id.to_string() selected=move || value.get() == Some(id)>{label}</option>
            }).collect_view()}
        </select>
        {move || match list.get() {
            None => Some(view! { <span class="field-hint">{tr(k!("state.loading"))}</span> }.into_any()),
            Some(Err(e)) => Some(view! { <span class="field-error">{e}</span> }.into_any()),
            Some(Ok(_)) => None,
        }}
    }
}

/// A select of the people who serve in the caller's scope (optional).
#[component]
pub fn PersonSelect(value: RwSignal<Option<Id>>, testid: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let list = RwSignal::new(None::<Result<Vec<ServicePerson>, String>>);
    spawn_local(async move {
        let found = all_pages(api::person_choices).await;
        list.set(Some(found.map_err(|e| crate::common::status::error_text(i18n, &e))));
    });
    let options = move || {
        list.with(|l| match l {
            Some(Ok(items)) => {
                items.iter().filter(|p| p.active).map(|p| (p.id, p.name.clone(), p.kind, p.area_name.clone())).collect::<Vec<_>>()
            }
            _ => Vec::new(),
        })
    };
    view! {
        <select data-testid=testid prop:value=move || { list.track(); value.get().map(|i| i.to_string()).unwrap_or_default() }
            on:change=move |ev| value.set(event_target_value(&ev).parse().ok())>
            <option value="">{tr(k!("res.choose_person"))}</option>
            {move || options().into_iter().map(|(id, name, kind, area)| view! {
                <option value=id.to_string() selected=move || value.get() == Some(id)>
                    {name}" · "{move || i18n.person_kind(kind)}" · "{area.clone()}
                </option>
            }).collect_view()}
        </select>
        {move || match list.get() {
            None => Some(view! { <span class="field-hint">{tr(k!("state.loading"))}</span> }.into_any()),
            Some(Err(e)) => Some(view! { <span class="field-error">{e}</span> }.into_any()),
            Some(Ok(_)) => None,
        }}
    }
}

/// Latitude and longitude as typed; both empty is no point.
pub fn parse_point(lat: &str, lng: &str, errors: &mut Vec<shared::FieldError>) -> Option<GeoPoint> {
    let (lat, lng) = (lat.trim(), lng.trim());
    if lat.is_empty() && lng.is_empty() {
        return None;
    }
    let lat_v = lat.parse::<f64>().ok().filter(|v| (-90.0..=90.0).contains(v));
    let lng_v = lng.parse::<f64>().ok().filter(|v| (-180.0..=180.0).contains(v));
    if lat_v.is_none() {
        errors.push(field_error("/point/lat", shared::FieldRule::OutOfRange, "a latitude between -90 and 90"));
    }
    if lng_v.is_none() {
        errors.push(field_error("/point/lng", shared::FieldRule::OutOfRange, "a longitude between -180 and 180"));
    }
    Some(GeoPoint { lat: lat_v?, lng: lng_v? })
}

/// An optional whole number as typed; `Err` when something else was typed.
pub fn parse_opt_int<T: std::str::FromStr>(text: &str) -> Result<Option<T>, ()> {
    let t = text.trim();
    if t.is_empty() { Ok(None) } else { t.parse().map(Some).map_err(|_| ()) }
}

/// A text input bound to `value`.
pub fn text_input(value: RwSignal<String>, testid: &'static str, kind: &'static str) -> impl IntoView {
    view! {
        <input type=kind data-testid=testid prop:value=value on:input=move |ev| value.set(event_target_value(&ev))/>
    }
}

/// A checkbox bound to `value`, with its label.
pub fn check_input(value: RwSignal<bool>, testid: &'static str, label: Key) -> impl IntoView {
    view! {
        <span class="checkbox">
            <input type="checkbox" data-testid=testid prop:checked=value on:change=move |ev| value.set(event_target_checked(&ev))/>
            {tr(label)}
        </span>
    }
}

/// The value to send for an optional text that changed: `Some("")` clears it on the server.
pub fn changed_text(new: String, old: Option<&str>) -> Option<String> {
    (new != old.unwrap_or("")).then_some(new)
}
