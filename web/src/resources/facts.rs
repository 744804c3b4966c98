//! What a resource's page shows when not editing: a heading with its flags and every fact.

use leptos::prelude::*;
use shared::{Id, Provider, Service, ServicePerson, ServiceSpace};

use crate::common::format::{local_time, plain_number};
use crate::common::i18n::{Locale, tr, use_i18n};
use crate::common::phone::PhoneLink;
use crate::needs::labels::use_categories;
use crate::resources::bits::name_areas;
use crate::resources::labels::{percent, rating};

/// Title, 已认证 / 停用 / 不足8小时 flags, and 编辑 when `on_edit` is given.
#[component]
fn Heading(
    name: String,
    #[prop(optional)] verified: bool,
    active: bool,
    #[prop(optional)] short_hours: bool,
    on_edit: Option<Callback<()>>,
) -> impl IntoView {
    view! {
        <div class="detail-head">
            <h2 data-testid="resource-name">{name}</h2>
            {verified.then(|| view! { <span class="flag flag-public" data-testid="verified">{tr(k!("res.verified_yes"))}</span> })}
            {(!active).then(|| view! { <span class="flag" data-testid="inactive">{tr(k!("res.active_no"))}</span> })}
            {short_hours.then(|| view! { <span class="flag flag-escalated" data-testid="short-hours">{tr(k!("res.short_hours"))}</span> })}
            <div class="spacer"></div>
            {on_edit.map(|edit| view! {
                <button type="button" class="btn btn-primary" data-testid="resource-edit" on:click=move |_| edit.run(())>
                    {tr(k!("action.edit"))}
                </button>
            })}
        </div>
    }
}

fn or_dash(value: Option<String>) -> String {
    value.filter(|v| !v.is_empty()).unwrap_or_else(|| "—".to_owned())
}

#[component]
pub fn ProviderFacts(p: Provider, on_edit: Option<Callback<()>>) -> impl IntoView {
    let i18n = use_i18n();
    let kind = p.kind;
    view! {
        <Heading name=p.name.clone() verified=p.verified active=p.active on_edit/>
        <section class="panel">
            <dl class="facts" data-testid="provider-facts">
                <dt>{tr(k!("res.provider_kind"))}</dt><dd>{move || i18n.provider_kind(kind)}</dd>
                <dt>{tr(k!("res.area"))}</dt><dd>{p.area_name.clone()}</dd>
                <dt>{tr(k!("res.contact_name"))}</dt><dd>{or_dash(p.contact_name.clone())}</dd>
                <dt>{tr(k!("res.contact_phone"))}</dt><dd><PhoneLink number=p.contact_phone.clone()/></dd>
                <dt>{tr(k!("res.user_id"))}</dt><dd>{or_dash(p.user_id.map(|u| format!("#{u}")))}</dd>
                <dt>{tr(k!("res.service_count"))}</dt>
                <dd><a href=format!("/resources?tab=services&provider_id={}", p.id)>{p.service_count}</a></dd>
                <dt>{tr(k!("res.updated_at"))}</dt><dd>{local_time(&p.updated_at)}</dd>
            </dl>
            {(!p.description.is_empty()).then(|| view! { <p class="program-desc">{p.description.clone()}</p> })}
        </section>
    }
}

#[component]
pub fn PersonFacts(p: ServicePerson, on_edit: Option<Callback<()>>) -> impl IntoView {
    let i18n = use_i18n();
    let kind = p.kind;
    view! {
        <Heading name=p.name.clone() active=p.active on_edit/>
        <section class="panel">
            <dl class="facts" data-testid="person-facts">
                <dt>{tr(k!("res.person_kind"))}</dt><dd>{move || i18n.person_kind(kind)}</dd>
                <dt>{tr(k!("res.area"))}</dt><dd>{p.area_name.clone()}</dd>
                <dt>{tr(k!("res.phone"))}</dt><dd><PhoneLink number=p.phone.clone()/></dd>
                <dt>{tr(k!("res.provider"))}</dt>
                <dd>{match (p.provider_id, p.provider_name.clone()) {
                    (Some(id), Some(name)) => view! { <a href=format!("/resources/providers/{id}")>{name}</a> }.into_any(),
                    _ => "—".into_any(),
                }}</dd>
                <dt>{tr(k!("res.certified"))}</dt><dd>{tr(if p.certified { k!("res.certified_yes") } else { k!("res.no") })}</dd>
                <dt>{tr(k!("res.reported_on"))}</dt><dd>{or_dash(p.reported_on.map(|d| d.to_string()))}</dd>
                <dt>{tr(k!("res.user_id"))}</dt><dd>{or_dash(p.user_id.map(|u| format!("#{u}")))}</dd>
                <dt>{tr(k!("res.updated_at"))}</dt><dd>{local_time(&p.updated_at)}</dd>
            </dl>
        </section>
    }
}

#[component]
pub fn ServiceFacts(s: Service, on_edit: Option<Callback<()>>) -> impl IntoView {
    let i18n = use_i18n();
    let categories = use_categories();
    let served = RwSignal::new(Vec::<(Id, String)>::new());
    name_areas(s.served_area_ids.clone(), served);
    let category = s.category.clone();
    let groups = s.target_groups.clone();
    let schedule = s.schedule.clone();
    let (cost, price, mode) = (s.cost, s.price_fen, s.mode);
    let ages = match (s.min_age, s.max_age) {
        (None, None) => None,
        (min, max) => {
            Some(format!("{}–{}", min.map(|a| a.to_string()).unwrap_or_default(), max.map(|a| a.to_string()).unwrap_or_default()))
        }
    };
    let offered = match (s.provider_id, s.provider_name.clone(), s.person_id, s.person_name.clone()) {
        (Some(id), Some(name), _, _) => view! { <a href=format!("/resources/providers/{id}")>{name}</a> }.into_any(),
        (_, _, Some(id), Some(name)) => view! { <a href=format!("/resources/people/{id}")>{name}</a> }.into_any(),
        _ => "—".into_any(),
    };
    let radius = match (s.point, s.radius_m) {
        (Some(p), Some(r)) => Some(format!("{:.5}, {:.5} · {r} m", p.lat, p.lng)),
        (Some(p), None) => Some(format!("{:.5}, {:.5}", p.lat, p.lng)),
        _ => None,
    };
    let closed = s.closed_days.clone();
    view! {
        <Heading name=s.name.clone() active=s.active on_edit/>
        <section class="panel">
            <dl class="facts" data-testid="service-facts">
                <dt>{tr(k!("res.offered_by"))}</dt><dd>{offered}</dd>
                <dt>{tr(k!("res.area"))}</dt><dd>{s.area_name.clone()}</dd>
                <dt>{tr(k!("res.category"))}</dt><dd>{move || categories.name(i18n, &category)}</dd>
                <dt>{tr(k!("res.mode"))}</dt><dd>{move || i18n.service_mode(mode)}</dd>
                <dt>{tr(k!("res.cost"))}</dt><dd>{move || i18n.cost_text(cost, price)}</dd>
                <dt>{tr(k!("res.capacity_week"))}</dt><dd>{s.capacity_per_week}</dd>
                <dt>{tr(k!("res.load_week"))}</dt>
                <dd data-testid="service-load">{format!("{}/{}", s.load_this_week, s.capacity_per_week)}</dd>
                <dt>{tr(k!("res.on_time"))}</dt><dd>{percent(s.on_time_rate)}</dd>
                <dt>{tr(k!("res.rating"))}</dt><dd>{rating(s.average_rating)}</dd>
                <dt>{tr(k!("res.target_groups"))}</dt>
                <dd>{move || if groups.is_empty() {
                    i18n.t(k!("res.everyone")).to_owned()
                } else {
                    let sep = if i18n.locale() == Locale::Zh { "、" } else { ", " };
                    groups.iter().map(|g| i18n.target_group(*g)).collect::<Vec<_>>().join(sep)
                }}</dd>
                <dt>{tr(k!("res.ages"))}</dt><dd>{or_dash(ages)}</dd>
                <dt>{tr(k!("res.schedule"))}</dt>
                <dd data-testid="service-schedule">{move || or_dash(Some(i18n.schedule_text(&schedule)))}</dd>
                <dt>{tr(k!("res.closed_days"))}</dt>
                <dd>{or_dash(Some(closed.iter().map(|d| match &d.note {
                    Some(n) => format!("{} {n}", d.date),
                    None => d.date.to_string(),
                }).collect::<Vec<_>>().join("；")))}</dd>
                <dt>{tr(k!("res.served_areas"))}</dt>
                <dd class="chips">{move || served.get().into_iter().map(|(_, n)| view! { <span class="chip">{n}</span> }).collect_view()}</dd>
                <dt>{tr(k!("res.point_radius"))}</dt><dd>{or_dash(radius)}</dd>
                <dt>{tr(k!("res.updated_at"))}</dt><dd>{local_time(&s.updated_at)}</dd>
            </dl>
            {(!s.description.is_empty()).then(|| view! { <p class="program-desc">{s.description.clone()}</p> })}
        </section>
    }
}

#[component]
pub fn SpaceFacts(s: ServiceSpace, on_edit: Option<Callback<()>>) -> impl IntoView {
    let i18n = use_i18n();
    let kind = s.kind;
    let hours = s.hours_per_day.clone();
    let opening = s.opening_hours.clone();
    view! {
        <Heading name=s.name.clone() active=s.active short_hours=s.short_hours on_edit/>
        <section class="panel">
            <dl class="facts" data-testid="space-facts">
                <dt>{tr(k!("res.space_kind"))}</dt><dd>{move || i18n.space_kind(kind)}</dd>
                <dt>{tr(k!("res.area"))}</dt><dd>{s.area_name.clone()}</dd>
                <dt>{tr(k!("res.address"))}</dt><dd>{or_dash(s.address.clone())}</dd>
                <dt>{tr(k!("res.floor_area"))}</dt><dd>{format!("{} m²", plain_number(s.floor_area_m2))}</dd>
                <dt>{tr(k!("res.capacity"))}</dt><dd>{s.capacity}</dd>
                <dt>{tr(k!("res.operator"))}</dt>
                <dd>{match (s.provider_id, s.provider_name.clone()) {
                    (Some(id), Some(name)) => view! { <a href=format!("/resources/providers/{id}")>{name}</a> }.into_any(),
                    _ => "—".into_any(),
                }}</dd>
                <dt>{tr(k!("res.hours_per_day"))}</dt><dd data-testid="space-hours">{move || i18n.hours_compact(&hours)}</dd>
                <dt>{tr(k!("res.opening_hours"))}</dt><dd>{move || or_dash(Some(i18n.schedule_text(&opening)))}</dd>
                <dt>{tr(k!("res.point"))}</dt><dd>{or_dash(s.point.map(|p| format!("{:.5}, {:.5}", p.lat, p.lng)))}</dd>
                <dt>{tr(k!("res.updated_at"))}</dt><dd>{local_time(&s.updated_at)}</dd>
            </dl>
        </section>
    }
}
