//! `/volunteers` 志愿者名册: the registered volunteers of the caller's subtree — name, community, star
//! level, hours served, the latest service and whether they are active (served in the last 90 days)
//! — searched by name, narrowed to active or inactive ones, in the order picked, with the totals of
//! everything selected (not only the page shown). Each name opens the volunteer's profile.

use leptos::prelude::*;
use shared::{Page, VolunteerPage, VolunteerSummary};

use crate::activities::endpoints::{RosterFilter, volunteers};
use crate::common::api::ApiResult;
use crate::common::format::local_time;
use crate::common::i18n::{tr, use_i18n};
use crate::common::paged::Paged;
use crate::common::session::use_session;
use crate::common::status::Empty;
use crate::common::widgets::HeadRow;
use crate::messages::Key;

const HEADS: [Key; 7] = [
    k!("volunteer.name"),
    k!("volunteer.area"),
    k!("volunteer.star"),
    k!("volunteer.served"),
    k!("roster.last_served"),
    k!("roster.active"),
    k!("roster.phone"),
];
/// The orders the API offers, with their labels.
const SORTS: [(&str, Key); 3] =
    [("-hours", k!("roster.sort_hours")), ("-last_served", k!("roster.sort_last_served")), ("name", k!("roster.sort_name"))];

/// The totals of the whole selection.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Totals {
    volunteers: i64,
    active: i64,
    hours: f64,
}

/// `/volunteers`.
#[component]
pub fn RosterPage() -> impl IntoView {
    let session = use_session();
    view! {
        <div class="page-head">
            <h1 class="page-title">{tr(k!("nav.volunteers"))}</h1>
        </div>
        <Show when=move || session.permissions().read_volunteers fallback=|| view! { <Empty key=k!("error.forbidden")/> }>
            <Roster/>
        </Show>
    }
}

#[component]
fn Roster() -> impl IntoView {
    let i18n = use_i18n();
    let q = RwSignal::new(String::new());
    let active = RwSignal::new(None::<bool>);
    let sort = RwSignal::new("-hours");
    let filter = Memo::new(move |_| RosterFilter { q: q.get(), active: active.get(), sort: sort.get() });
    let totals = RwSignal::new(Totals::default());
    let rows = Paged::<VolunteerSummary>::new();
    let fetch = move |cursor: Option<String>| {
        let f = filter.get_untracked();
        async move { roster_page(f, cursor, totals).await }
    };
    Effect::new(move |_| {
        filter.track();
        rows.reload(fetch);
    });
    let more = Callback::new(move |()| rows.more(fetch));
    let retry = Callback::new(move |()| rows.reload(fetch));
    view! {
        <div class="toolbar" data-testid="roster-filters">
            <input type="search" data-testid="roster-q" aria-label=tr(k!("roster.search")) placeholder=tr(k!("roster.search"))
                on:change=move |ev| q.set(event_target_value(&ev))/>
            <select data-testid="roster-active" aria-label=tr(k!("roster.active"))
                on:change=move |ev| active.set(event_target_value(&ev).parse().ok())>
                <option value="">{tr(k!("roster.all"))}</option>
                <option value="true">{tr(k!("roster.only_active"))}</option>
                <option value="false">{tr(k!("roster.only_inactive"))}</option>
            </select>
            <select data-testid="roster-sort" aria-label=tr(k!("roster.sort"))
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    sort.set(SORTS.iter().find(|(code, _)| *code == v).map_or("-hours", |(code, _)| code));
                }>
                {SORTS.into_iter().map(|(code, key)| view! { <option value=code>{tr(key)}</option> }).collect_view()}
            </select>
        </div>
        <p class="totals" data-testid="roster-totals">
            {move || {
                let t = totals.get();
                i18n.count(k!("roster.totals"), t.volunteers)
                    .replace("{active}", &t.active.to_string())
                    .replace("{hours}", &i18n.number(t.hours, 1))
            }}
        </p>
        <div class="table-wrap">
            <table class="table roster-table" data-testid="roster">
                <HeadRow keys=&HEADS/>
                <tbody>
                    <For each=move || rows.items.get() key=|v| v.user_id let:volunteer>
                        <RosterRow volunteer/>
                    </For>
                </tbody>
            </table>
        </div>
        {rows.footer(k!("roster.none"), more, retry)}
    }
}

async fn roster_page(filter: RosterFilter, cursor: Option<String>, totals: RwSignal<Totals>) -> ApiResult<Page<VolunteerSummary>> {
    let first = cursor.is_none();
    let page: VolunteerPage = volunteers(filter, cursor).await?;
    if first {
        totals.set(Totals { volunteers: page.total, active: page.active, hours: page.total_hours });
    }
    Ok(Page { items: page.items, next_cursor: page.next_cursor })
}

#[component]
fn RosterRow(volunteer: VolunteerSummary) -> impl IntoView {
    let i18n = use_i18n();
    let v = volunteer;
    let hours = v.served_hours;
    let star = v.star.as_ref().map(|s| s.name.clone());
    view! {
        <tr data-testid="roster-row" data-user-id=v.user_id data-active=v.active.to_string()>
            <td><a href=format!("/volunteers/{}", v.user_id) data-testid="roster-link">{v.name.clone()}</a></td>
            <td>{v.area_name.clone()}</td>
            <td data-testid="roster-star">{move || star.clone().unwrap_or_else(|| i18n.t(k!("volunteer.no_star")).to_owned())}</td>
            <td class="num" data-testid="roster-hours">{move || format!("{}{}", i18n.number(hours, 1), i18n.t(k!("mpoints.hours_unit")))}</td>
            <td class="small">{v.last_served_at.as_ref().map_or_else(|| "—".to_owned(), local_time)}</td>
            <td>
                {if v.active {
                    view! { <span class="badge badge-ok">{tr(k!("roster.is_active"))}</span> }.into_any()
                } else {
                    view! { <span class="badge">{tr(k!("roster.is_inactive"))}</span> }.into_any()
                }}
            </td>
            <td class="small mono">{v.phone.clone().unwrap_or_default()}</td>
        </tr>
    }
}
