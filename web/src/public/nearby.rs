//! The neighbourhood list (身边服务) shared by the resident's `/m/nearby` and the visitor's
//! `/public/nearby`: filters by category and kind, and a card per service or space with its walking
//! minutes. Public fields only; the API leaves out people's names and phones.

use leptos::prelude::*;
use shared::{Id, NearbyPlace, NeedCategory, Page, PlaceKind, SpaceKind};

use super::endpoints;
use crate::common::api::ApiResult;
use crate::common::i18n::{I18n, Locale, tr, use_i18n};
use crate::common::paged::Paged;
use crate::messages::Key;

/// Whose neighbourhood: the signed-in resident's own, or a community a visitor picked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whose {
    Mine,
    Community(Id),
}

async fn load(
    whose: Whose,
    category: String,
    kind: Option<PlaceKind>,
    cursor: Option<String>,
    offered: RwSignal<Vec<NeedCategory>>,
) -> ApiResult<Page<NearbyPlace>> {
    let found = match whose {
        Whose::Mine => endpoints::my_neighbourhood(&category, kind, cursor).await?,
        Whose::Community(id) => endpoints::public_neighbourhood(id, &category, kind, cursor).await?,
    };
    offered.set(found.categories);
    Ok(Page { items: found.items, next_cursor: found.next_cursor })
}

fn category_name(i18n: I18n, offered: &[NeedCategory], code: &str) -> String {
    offered.iter().find(|c| c.code == code).map_or_else(
        || code.to_owned(),
        |c| match i18n.locale() {
            Locale::Zh => c.name_zh.clone(),
            Locale::En => c.name_en.clone(),
        },
    )
}

/// Filters and the list, reloaded whenever `whose` or a filter changes; nothing while `whose` is
/// `None` (a visitor who has not picked a community).
#[component]
pub fn NearbyList(#[prop(into)] whose: Signal<Option<Whose>>) -> impl IntoView {
    let i18n = use_i18n();
    let category = RwSignal::new(String::new());
    let kind = RwSignal::new(None::<PlaceKind>);
    let offered = RwSignal::new(Vec::<NeedCategory>::new());
    let places = Paged::<NearbyPlace>::new();
    Effect::new(move |_| {
        let (Some(w), c, k) = (whose.get(), category.get(), kind.get()) else { return };
        places.reload(move |cursor| load(w, c, k, cursor, offered));
    });
    let more = Callback::new(move |()| {
        if let Some(w) = whose.get_untracked() {
            let (c, k) = (category.get_untracked(), kind.get_untracked());
            places.more(move |cursor| load(w, c, k, cursor, offered));
        }
    });
    let retry = Callback::new(move |()| category.notify());
    let kind_button = move |value: Option<PlaceKind>, key: Key, testid: &'static str| {
        view! {
            <button type="button" class="btn btn-small" class:btn-primary=move || kind.get() == value
                aria-pressed=move || (kind.get() == value).to_string() data-testid=testid
                on:click=move |_| kind.set(value)>{tr(key)}</button>
        }
    };
    view! {
        <div class="toolbar nearby-filters" data-testid="nearby-filters">
            <select data-testid="nearby-category" aria-label=tr(k!("nearby.category"))
                on:change=move |ev| category.set(event_target_value(&ev))>
                <option value="">{tr(k!("nearby.all_categories"))}</option>
                {move || offered.get().into_iter().map(|c| {
                    let code = c.code.clone();
                    let label = category_name(i18n, std::slice::from_ref(&c), &c.code);
                    view! { <option value=c.code.clone() selected=move || category.with(|v| *v == code)>{label}</option> }
                }).collect_view()}
                {SpaceKind::ALL.iter().map(|k| {
                    let k = *k;
                    view! { <option value=k.as_str() selected=move || category.with(|v| v == k.as_str())>{move || i18n.space_kind(k)}</option> }
                }).collect_view()}
            </select>
            <span class="nearby-kinds" role="group" aria-label=tr(k!("nearby.kind"))>
                {kind_button(None, k!("nearby.all_kinds"), "nearby-kind-all")}
                {kind_button(Some(PlaceKind::Service), k!("nearby.services"), "nearby-kind-service")}
                {kind_button(Some(PlaceKind::Space), k!("nearby.spaces"), "nearby-kind-space")}
            </span>
        </div>
        <ul class="m-cards" data-testid="nearby-places">
            <For each=move || places.items.get() key=|p| (p.kind, p.id) let:place>
                <NearbyCard place offered/>
            </For>
        </ul>
        {move || whose.get().is_some().then(|| places.footer(k!("state.no_nearby"), more, retry))}
    }
}

/// One service or space: what it is, who runs it, when it opens and how far it is on foot.
#[component]
fn NearbyCard(place: NearbyPlace, offered: RwSignal<Vec<NeedCategory>>) -> impl IntoView {
    let i18n = use_i18n();
    let what = {
        let place = place.clone();
        move || match (&place.category, place.space_kind) {
            (Some(code), _) => offered.with(|o| category_name(i18n, o, code)),
            (None, Some(k)) => i18n.space_kind(k),
            (None, None) => String::new(),
        }
    };
    let terms = {
        let place = place.clone();
        move || {
            let mut parts = Vec::new();
            parts.extend(place.cost.map(|c| i18n.cost_kind(c)));
            parts.extend(place.mode.map(|m| i18n.service_mode(m)));
            if !place.hours.is_empty() {
                parts.push(i18n.schedule_text(&place.hours));
            }
            parts.join(" · ")
        }
    };
    let walk = place.walking_minutes;
    let kind_key = if place.kind == PlaceKind::Space { k!("nearby.space") } else { k!("nearby.service") };
    let where_ = place.address.clone().unwrap_or_else(|| place.area_name.clone());
    view! {
        <li class="m-card" data-testid="nearby-place" data-kind=place.kind.as_str()>
            <span class="m-card-head">
                <strong>{place.name.clone()}</strong>
                <span class="chip">{tr(kind_key)}</span>
            </span>
            <span class="m-card-text">{what}{place.provider_name.clone().map(|p| format!(" · {p}"))}</span>
            {(!place.description.is_empty()).then(|| view! { <span class="m-card-text muted">{place.description.clone()}</span> })}
            <span class="m-card-text muted">{terms}</span>
            <span class="m-card-foot">
                <span class="muted">{where_}</span>
                <span class="spacer"></span>
                <strong data-testid="walking-minutes">{move || match walk {
                    Some(n) => format!("{}{n}{}", i18n.t(k!("nearby.walk_before")), i18n.t(k!("nearby.walk_after"))),
                    None => i18n.t(k!("nearby.no_distance")).to_owned(),
                }}</strong>
            </span>
        </li>
    }
}
