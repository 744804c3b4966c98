//! `/volunteers/:id` 志愿者档案: a volunteer's cumulative hours, balances, star level (星级) with the
//! hours still missing to the next, and what they served; `/volunteers/:id/certificate` 志愿服务证明,
//! the certificate of hours laid out to print.

use futures::future::OptionFuture;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::{Id, LedgerUnit, ServiceRecord, VolunteerCertificate, VolunteerProfile};

use crate::activities::endpoints::{certificate, volunteer};
use crate::common::format::local_time;
use crate::common::i18n::{tr, tr_word, use_i18n};
use crate::common::session::use_session;
use crate::common::status::{Empty, ErrorBox, Loading};
use crate::common::widgets::{Bar, HeadRow};
use crate::ledger::amount::amount_text;
use crate::messages::Key;

const HEADS: [Key; 4] = [k!("volunteer.served_at"), k!("volunteer.record_kind"), k!("volunteer.record_title"), k!("volunteer.minutes")];

fn volunteer_id() -> Memo<Option<Id>> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get("id").and_then(|v| v.parse::<Id>().ok())))
}

/// `/volunteers/:id`.
#[component]
pub fn VolunteerPage() -> impl IntoView {
    let session = use_session();
    let id = volunteer_id();
    let loaded = LocalResource::new(move || OptionFuture::from(id.get().map(volunteer)));
    view! {
        <nav class="crumbs back-link"><a href="/volunteers" data-testid="roster-back">"← "{tr(k!("roster.back"))}</a></nav>
        <Show when=move || session.permissions().read_volunteers fallback=|| view! { <Empty key=k!("error.forbidden")/> }>
            <Suspense fallback=|| view! { <Loading/> }>
                {move || loaded.get().map(|found| match found {
                    None => view! { <Empty key=k!("error.not_found")/> }.into_any(),
                    Some(Err(error)) => view! { <ErrorBox error/> }.into_any(),
                    Some(Ok(profile)) => view! { <Profile profile/> }.into_any(),
                })}
            </Suspense>
        </Show>
    }
}

#[component]
fn Profile(profile: VolunteerProfile) -> impl IntoView {
    let i18n = use_i18n();
    let (minutes, points, served) = (profile.minutes_balance, profile.points_balance, profile.served_hours);
    let star = profile.star.as_ref().map(|s| s.name.clone());
    // How far along the way to the next level, from the level reached (or from nothing).
    let progress = profile.next_star.as_ref().map(|next| {
        let from = profile.star.as_ref().map_or(0.0, |s| s.min_hours as f64);
        let span = (next.min_hours as f64 - from).max(1.0);
        ((served - from) / span, next.name.clone(), profile.hours_to_next.unwrap_or(0.0))
    });
    view! {
        <div class="page-head">
            <h1 class="page-title" data-testid="volunteer-name">{profile.name.clone()}</h1>
            <span class="badge" data-testid="volunteer-star">{star.unwrap_or_else(|| i18n.t(k!("volunteer.no_star")).to_owned())}</span>
            <div class="spacer"></div>
            <a class="btn" href=format!("/volunteers/{}/certificate", profile.user_id) data-testid="volunteer-certificate">
                {tr(k!("volunteer.certificate"))}
            </a>
        </div>
        <dl class="facts" data-testid="volunteer-facts">
            <dt>{tr(k!("volunteer.area"))}</dt><dd>{profile.area_name.clone()}</dd>
            <dt>{tr(k!("volunteer.served"))}</dt>
            <dd data-testid="volunteer-hours">{move || format!("{}{}", i18n.number(served, 1), i18n.t(k!("mpoints.hours_unit")))}</dd>
            <dt>{tr(k!("volunteer.minutes_balance"))}</dt><dd>{move || amount_text(i18n, LedgerUnit::Minutes, minutes, false)}</dd>
            <dt>{tr(k!("volunteer.points_balance"))}</dt><dd>{move || amount_text(i18n, LedgerUnit::Points, points, false)}</dd>
            <dt>{tr(k!("volunteer.activities"))}</dt><dd>{profile.activities_attended}</dd>
            <dt>{tr(k!("volunteer.needs"))}</dt><dd>{profile.needs_served}</dd>
        </dl>
        {progress.map(|(fraction, next, missing)| view! {
            <p data-testid="volunteer-next">
                {move || i18n.t(k!("volunteer.to_next")).replace("{star}", &next).replace("{hours}", &i18n.number(missing, 1))}
            </p>
            <Bar fraction testid="volunteer-progress"/>
        })}
        <h2>{tr(k!("volunteer.records"))}</h2>
        <Records records=profile.records/>
    }
}

#[component]
fn Records(records: Vec<ServiceRecord>) -> impl IntoView {
    let i18n = use_i18n();
    if records.is_empty() {
        return view! { <Empty key=k!("volunteer.no_records")/> }.into_any();
    }
    view! {
        <div class="table-wrap">
            <table class="table" data-testid="volunteer-records">
                <HeadRow keys=&HEADS/>
                <tbody>
                    {records.into_iter().map(|r| {
                        let minutes = r.minutes;
                        let href = if r.kind == "activity" { format!("/activities/{}", r.source_id) } else { format!("/needs/{}", r.source_id) };
                        view! {
                            <tr data-testid="volunteer-record">
                                <td class="small">{local_time(&r.served_at)}</td>
                                <td>{tr_word(words!("record"), r.kind.clone())}</td>
                                <td><a href=href>{r.title.clone()}</a></td>
                                <td class="num">{move || amount_text(i18n, LedgerUnit::Minutes, minutes, false)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// `/volunteers/:id/certificate`.
#[component]
pub fn CertificatePage() -> impl IntoView {
    let session = use_session();
    let id = volunteer_id();
    let loaded = LocalResource::new(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => Some(certificate(id).await),
                None => None,
            }
        }
    });
    view! {
        <nav class="crumbs back-link">
            <a href=move || id.get().map_or_else(|| "/activities".to_owned(), |id| format!("/volunteers/{id}"))>"← "{tr(k!("volunteer.back"))}</a>
        </nav>
        <Show when=move || session.permissions().read_volunteers fallback=|| view! { <Empty key=k!("error.forbidden")/> }>
            <Suspense fallback=|| view! { <Loading/> }>
                {move || loaded.get().map(|found| match found {
                    None => view! { <Empty key=k!("error.not_found")/> }.into_any(),
                    Some(Err(error)) => view! { <ErrorBox error/> }.into_any(),
                    Some(Ok(c)) => view! { <Certificate certificate=c/> }.into_any(),
                })}
            </Suspense>
        </Show>
    }
}

#[component]
fn Certificate(certificate: VolunteerCertificate) -> impl IntoView {
    let i18n = use_i18n();
    let print = move |_| {
        if let Some(window) = web_sys::window() {
            // Printing is the browser's; nothing to do when it refuses.
            let _ = window.print();
        }
    };
    let served = certificate.served_hours;
    view! {
        <div class="form-buttons">
            <button type="button" class="btn btn-primary" data-testid="certificate-print" on:click=print>{tr(k!("volunteer.print"))}</button>
        </div>
        <article class="panel certificate" data-testid="certificate">
            <h1>{tr(k!("volunteer.certificate"))}</h1>
            <p class="muted" data-testid="certificate-number">{tr(k!("volunteer.number"))}{certificate.number.clone()}</p>
            <p class="certificate-text" data-testid="certificate-statement">{certificate.statement.clone()}</p>
            <dl class="facts">
                <dt>{tr(k!("volunteer.name"))}</dt><dd>{certificate.name.clone()}</dd>
                <dt>{tr(k!("volunteer.served"))}</dt><dd>{move || format!("{}{}", i18n.number(served, 1), i18n.t(k!("mpoints.hours_unit")))}</dd>
                <dt>{tr(k!("volunteer.star"))}</dt>
                <dd>{certificate.star.as_ref().map_or_else(|| i18n.t(k!("volunteer.no_star")).to_owned(), |s| s.name.clone())}</dd>
                <dt>{tr(k!("volunteer.activities"))}</dt><dd>{certificate.activities_attended}</dd>
                <dt>{tr(k!("volunteer.needs"))}</dt><dd>{certificate.needs_served}</dd>
            </dl>
            <Records records=certificate.records/>
            <p class="certificate-sign">
                {certificate.issued_by.clone()}<br/>{local_time(&certificate.issued_at)}
            </p>
        </article>
    }
}
