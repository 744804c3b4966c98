//! The columns of the resource directory's four tables (for the common table); a row's name opens
//! the record.
//!
//! - providers: name, kind, area, 已认证, 启用, number of services;
//! - services: name, offered by, category, mode, cost and price, capacity a week, this week's load
//!   (`3/10`), on-time rate, average rating;
//! - people: name, kind, area, provider, certified, reported on;
//! - spaces: name, kind, area, floor area, capacity, hours a day in short, a red 不足8小时 flag.

use std::sync::Arc;

use leptos::prelude::*;
use shared::{Provider, Service, ServicePerson, ServiceSpace};

use crate::common::data_table::{Column, RowFn};
use crate::common::format::plain_number;
use crate::common::i18n::{tr, use_i18n};
use crate::needs::labels::use_categories;
use crate::resources::labels::{percent, rating};

/// 启用 in green, 停用 muted.
fn active_cell(active: bool) -> impl IntoView {
    view! {
        <span class=if active { "status" } else { "status-off" } data-testid="active" data-active=active.to_string()>
            {tr(if active { k!("res.active_yes") } else { k!("res.active_no") })}
        </span>
    }
}

/// A row with the test id and record id the directory's tests look for; stopped records muted.
fn row<T: 'static>(testid: &'static str, id: fn(&T) -> i64, active: fn(&T) -> bool) -> RowFn<T> {
    Arc::new(move |item: T, cells: AnyView| {
        view! {
            <tbody class="dt-row">
                <tr class:inactive=!active(&item) data-testid=testid data-id=id(&item)>{cells}</tr>
            </tbody>
        }
        .into_any()
    })
}

fn link(kind: &'static str, id: i64, name: String) -> impl IntoView {
    view! { <a href=format!("/resources/{kind}/{id}") data-testid="row-link">{name}</a> }
}

pub fn provider_row() -> RowFn<Provider> {
    row("provider-row", |p: &Provider| p.id, |p: &Provider| p.active)
}

pub fn provider_columns() -> Vec<Column<Provider>> {
    let i18n = use_i18n();
    vec![
        Column::new("name", k!("res.provider_name"), |p: &Provider| link("providers", p.id, p.name.clone())).sort("name", "name").fixed(),
        Column::new("kind", k!("res.provider_kind"), move |p: &Provider| {
            let kind = p.kind;
            move || i18n.provider_kind(kind)
        })
        .class("nowrap"),
        Column::new("area", k!("res.area"), |p: &Provider| p.area_name.clone()).class("nowrap"),
        Column::new("verified", k!("res.verified"), |p: &Provider| {
            p.verified.then(|| view! { <span class="flag flag-public" data-testid="verified">{tr(k!("res.verified_yes"))}</span> })
        }),
        Column::new("active", k!("res.active"), |p: &Provider| active_cell(p.active)),
        Column::new("services", k!("res.service_count"), |p: &Provider| p.service_count).class("num"),
    ]
}

pub fn service_row() -> RowFn<Service> {
    row("service-row", |s: &Service| s.id, |s: &Service| s.active)
}

pub fn service_columns() -> Vec<Column<Service>> {
    let i18n = use_i18n();
    let categories = use_categories();
    vec![
        Column::new("name", k!("res.service_name"), |s: &Service| {
            view! {
                {link("services", s.id, s.name.clone())}
                {(!s.active).then(|| view! { <div class="muted small">{tr(k!("res.active_no"))}</div> })}
            }
        })
        .sort("name", "name")
        .fixed()
        .class("program-title-cell"),
        Column::new("offered_by", k!("res.offered_by"), |s: &Service| {
            s.provider_name.clone().or_else(|| s.person_name.clone()).unwrap_or_default()
        }),
        Column::new("category", k!("res.category"), move |s: &Service| {
            let category = s.category.clone();
            move || categories.name(i18n, &category)
        })
        .class("nowrap"),
        Column::new("mode", k!("res.mode"), move |s: &Service| {
            let mode = s.mode;
            move || i18n.service_mode(mode)
        })
        .class("nowrap"),
        Column::new("cost", k!("res.cost"), move |s: &Service| {
            let (cost, price) = (s.cost, s.price_fen);
            move || i18n.cost_text(cost, price)
        })
        .class("nowrap"),
        Column::new("capacity", k!("res.capacity_week"), |s: &Service| s.capacity_per_week).class("num"),
        Column::new("load", k!("res.load_week"), |s: &Service| {
            let full = s.capacity_per_week > 0 && s.load_this_week >= i64::from(s.capacity_per_week);
            view! {
                <span data-testid="service-load" class:due-over=full>{format!("{}/{}", s.load_this_week, s.capacity_per_week)}</span>
            }
        })
        .class("num"),
        Column::new("on_time", k!("res.on_time"), |s: &Service| percent(s.on_time_rate)).class("num"),
        Column::new("rating", k!("res.rating"), |s: &Service| rating(s.average_rating)).class("num"),
    ]
}

pub fn person_row() -> RowFn<ServicePerson> {
    row("person-row", |p: &ServicePerson| p.id, |p: &ServicePerson| p.active)
}

pub fn person_columns() -> Vec<Column<ServicePerson>> {
    let i18n = use_i18n();
    vec![
        Column::new("name", k!("res.person_name"), |p: &ServicePerson| link("people", p.id, p.name.clone())).sort("name", "name").fixed(),
        Column::new("kind", k!("res.person_kind"), move |p: &ServicePerson| {
            let kind = p.kind;
            move || i18n.person_kind(kind)
        })
        .class("nowrap"),
        Column::new("area", k!("res.area"), |p: &ServicePerson| p.area_name.clone()).class("nowrap"),
        Column::new("provider", k!("res.provider"), |p: &ServicePerson| p.provider_name.clone().unwrap_or_default()),
        Column::new("certified", k!("res.certified"), |p: &ServicePerson| {
            p.certified.then(|| view! { <span class="flag flag-public">{tr(k!("res.certified_yes"))}</span> })
        }),
        Column::new("reported_on", k!("res.reported_on"), |p: &ServicePerson| p.reported_on.map(|d| d.to_string()).unwrap_or_default())
            .class("nowrap"),
    ]
}

pub fn space_row() -> RowFn<ServiceSpace> {
    Arc::new(|s: ServiceSpace, cells: AnyView| {
        view! {
            <tbody class="dt-row">
                <tr class:inactive=!s.active data-testid="space-row" data-id=s.id data-short=s.short_hours.to_string()>{cells}</tr>
            </tbody>
        }
        .into_any()
    })
}

pub fn space_columns() -> Vec<Column<ServiceSpace>> {
    let i18n = use_i18n();
    vec![
        Column::new("name", k!("res.space_name"), |s: &ServiceSpace| link("spaces", s.id, s.name.clone())).sort("name", "name").fixed(),
        Column::new("kind", k!("res.space_kind"), move |s: &ServiceSpace| {
            let kind = s.kind;
            move || i18n.space_kind(kind)
        })
        .class("nowrap"),
        Column::new("area", k!("res.area"), |s: &ServiceSpace| s.area_name.clone()).class("nowrap"),
        Column::new("floor_area", k!("res.floor_area"), |s: &ServiceSpace| format!("{} m²", plain_number(s.floor_area_m2))).class("num"),
        Column::new("capacity", k!("res.capacity"), |s: &ServiceSpace| s.capacity).class("num"),
        Column::new("hours", k!("res.hours_per_day"), move |s: &ServiceSpace| {
            let hours = s.hours_per_day.clone();
            let full: Vec<String> = hours.iter().map(|h| plain_number(*h)).collect();
            view! {
                <span class="small" title=full.join(" / ") data-testid="space-hours">{move || i18n.hours_compact(&hours)}</span>
                " "
                {s.short_hours.then(|| view! { <span class="flag flag-escalated" data-testid="short-hours">{tr(k!("res.short_hours"))}</span> })}
            }
        }),
    ]
}
