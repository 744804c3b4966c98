//! The four tables of the resource directory, each paged with its loading/empty/error footer; a
//! row's name opens the record.
//!
//! - providers: name, kind, area, 已认证, 启用, number of services;
//! - services: name, offered by, category, mode, cost and price, capacity a week, this week's load
//!   (`3/10`), on-time rate, average rating;
//! - people: name, kind, area, provider, certified, reported on;
//! - spaces: name, kind, area, floor area, capacity, hours a day in short, a red 不足8小时 flag.

use leptos::prelude::*;
use shared::{Provider, Service, ServicePerson, ServiceSpace};

use crate::common::format::plain_number;
use crate::common::i18n::{tr, use_i18n};
use crate::common::paged::Paged;
use crate::common::widgets::HeadRow;
use crate::needs::labels::use_categories;
use crate::resources::labels::{percent, rating};

const PROVIDER_HEADS: [&str; 6] = ["res.provider_name", "res.provider_kind", "res.area", "res.verified", "res.active", "res.service_count"];
const SERVICE_HEADS: [&str; 9] = [
    "res.service_name",
    "res.offered_by",
    "res.category",
    "res.mode",
    "res.cost",
    "res.capacity_week",
    "res.load_week",
    "res.on_time",
    "res.rating",
];
const PERSON_HEADS: [&str; 6] = ["res.person_name", "res.person_kind", "res.area", "res.provider", "res.certified", "res.reported_on"];
const SPACE_HEADS: [&str; 6] = ["res.space_name", "res.space_kind", "res.area", "res.floor_area", "res.capacity", "res.hours_per_day"];

/// 启用 in green, 停用 muted.
fn active_cell(active: bool) -> impl IntoView {
    view! {
        <span class=if active { "status" } else { "status-off" } data-testid="active" data-active=active.to_string()>
            {tr(if active { "res.active_yes" } else { "res.active_no" })}
        </span>
    }
}

#[component]
pub fn ProviderTable(rows: Paged<Provider>, empty_key: &'static str, on_more: Callback<()>, on_retry: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="table-wrap">
            <table class="table program-table" data-testid="providers-table">
                <HeadRow keys=&PROVIDER_HEADS/>
                <tbody>
                    <For each=move || rows.items.get() key=|p| (p.id, p.updated_at) let:p>
                        <tr class:inactive=!p.active data-testid="provider-row" data-id=p.id>
                            <td><a href=format!("/resources/providers/{}", p.id) data-testid="row-link">{p.name.clone()}</a></td>
                            <td class="nowrap">{move || i18n.provider_kind(p.kind)}</td>
                            <td class="nowrap">{p.area_name.clone()}</td>
                            <td>{p.verified.then(|| view! {
                                <span class="flag flag-public" data-testid="verified">{tr("res.verified_yes")}</span>
                            })}</td>
                            <td>{active_cell(p.active)}</td>
                            <td class="num">{p.service_count}</td>
                        </tr>
                    </For>
                </tbody>
            </table>
        </div>
        {rows.footer(empty_key, on_more, on_retry)}
    }
}

#[component]
pub fn ServiceTable(rows: Paged<Service>, empty_key: &'static str, on_more: Callback<()>, on_retry: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let categories = use_categories();
    view! {
        <div class="table-wrap">
            <table class="table program-table" data-testid="services-table">
                <HeadRow keys=&SERVICE_HEADS/>
                <tbody>
                    <For each=move || rows.items.get() key=|s| (s.id, s.updated_at) let:s>
                        {
                            let category = s.category.clone();
                            let full = s.capacity_per_week > 0 && s.load_this_week >= i64::from(s.capacity_per_week);
                            let (cost, price) = (s.cost, s.price_fen);
                            view! {
                                <tr class:inactive=!s.active data-testid="service-row" data-id=s.id>
                                    <td class="program-title-cell">
                                        <a href=format!("/resources/services/{}", s.id) data-testid="row-link">{s.name.clone()}</a>
                                        {(!s.active).then(|| view! { <div class="muted small">{tr("res.active_no")}</div> })}
                                    </td>
                                    <td>{s.provider_name.clone().or_else(|| s.person_name.clone()).unwrap_or_default()}</td>
                                    <td class="nowrap">{move || categories.name(i18n, &category)}</td>
                                    <td class="nowrap">{move || i18n.service_mode(s.mode)}</td>
                                    <td class="nowrap">{move || i18n.cost_text(cost, price)}</td>
                                    <td class="num">{s.capacity_per_week}</td>
                                    <td class="num" data-testid="service-load">
                                        <span class:due-over=full>{format!("{}/{}", s.load_this_week, s.capacity_per_week)}</span>
                                    </td>
                                    <td class="num">{percent(s.on_time_rate)}</td>
                                    <td class="num">{rating(s.average_rating)}</td>
                                </tr>
                            }
                        }
                    </For>
                </tbody>
            </table>
        </div>
        {rows.footer(empty_key, on_more, on_retry)}
    }
}

#[component]
pub fn PersonTable(rows: Paged<ServicePerson>, empty_key: &'static str, on_more: Callback<()>, on_retry: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="table-wrap">
            <table class="table program-table" data-testid="people-table">
                <HeadRow keys=&PERSON_HEADS/>
                <tbody>
                    <For each=move || rows.items.get() key=|p| (p.id, p.updated_at) let:p>
                        <tr class:inactive=!p.active data-testid="person-row" data-id=p.id>
                            <td><a href=format!("/resources/people/{}", p.id) data-testid="row-link">{p.name.clone()}</a></td>
                            <td class="nowrap">{move || i18n.person_kind(p.kind)}</td>
                            <td class="nowrap">{p.area_name.clone()}</td>
                            <td>{p.provider_name.clone().unwrap_or_default()}</td>
                            <td>{p.certified.then(|| view! { <span class="flag flag-public">{tr("res.certified_yes")}</span> })}</td>
                            <td class="nowrap">{p.reported_on.map(|d| d.to_string()).unwrap_or_default()}</td>
                        </tr>
                    </For>
                </tbody>
            </table>
        </div>
        {rows.footer(empty_key, on_more, on_retry)}
    }
}

#[component]
pub fn SpaceTable(rows: Paged<ServiceSpace>, empty_key: &'static str, on_more: Callback<()>, on_retry: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="table-wrap">
            <table class="table program-table" data-testid="spaces-table">
                <HeadRow keys=&SPACE_HEADS/>
                <tbody>
                    <For each=move || rows.items.get() key=|s| (s.id, s.updated_at) let:s>
                        {
                            let hours = s.hours_per_day.clone();
                            let full: Vec<String> = hours.iter().map(|h| plain_number(*h)).collect();
                            view! {
                                <tr class:inactive=!s.active data-testid="space-row" data-id=s.id data-short=s.short_hours.to_string()>
                                    <td><a href=format!("/resources/spaces/{}", s.id) data-testid="row-link">{s.name.clone()}</a></td>
                                    <td class="nowrap">{move || i18n.space_kind(s.kind)}</td>
                                    <td class="nowrap">{s.area_name.clone()}</td>
                                    <td class="num">{format!("{} m²", plain_number(s.floor_area_m2))}</td>
                                    <td class="num">{s.capacity}</td>
                                    <td>
                                        <span class="small" title=full.join(" / ") data-testid="space-hours">
                                            {move || i18n.hours_compact(&hours)}
                                        </span>
                                        " "
                                        {s.short_hours.then(|| view! {
                                            <span class="flag flag-escalated" data-testid="short-hours">{tr("res.short_hours")}</span>
                                        })}
                                    </td>
                                </tr>
                            }
                        }
                    </For>
                </tbody>
            </table>
        </div>
        {rows.footer(empty_key, on_more, on_retry)}
    }
}
