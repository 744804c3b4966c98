//! `/activities` 志愿活动: the activities of the caller's area — when, where, organiser, places taken
//! and the waiting list, status — searchable, by status, in the order picked, with the total; "新建
//! 活动" for those who organise them.

use leptos::prelude::*;
use shared::{Activity, ActivityStatus, Page};

use crate::activities::endpoints::activity_page;
use crate::common::api::ApiResult;
use crate::common::format::local_time;
use crate::common::i18n::{tr, tr_word, use_i18n};
use crate::common::paged::Paged;
use crate::common::session::use_session;
use crate::common::status::Empty;
use crate::common::widgets::HeadRow;
use crate::messages::Key;

const HEADS: [Key; 6] = [
    k!("activity.title"),
    k!("activity.when"),
    k!("activity.place"),
    k!("activity.organiser"),
    k!("activity.places"),
    k!("activity.status"),
];
const SORTS: [(&str, Key); 3] =
    [("-id", k!("activity.sort_newest")), ("id", k!("activity.sort_oldest")), ("title", k!("activity.sort_title"))];

/// `/activities`.
#[component]
pub fn ActivitiesPage() -> impl IntoView {
    let session = use_session();
    view! {
        <div class="page-head">
            <h1 class="page-title">{tr(k!("nav.activities"))}</h1>
            <div class="spacer"></div>
            {move || session.permissions().organise_activities.then(|| view! {
                <a class="btn btn-primary" href="/activities/new" data-testid="activity-new">"+ "{tr(k!("activity.new"))}</a>
            })}
        </div>
        <Show when=move || session.permissions().read_activities fallback=|| view! { <Empty key=k!("error.forbidden")/> }>
            <ActivityList/>
        </Show>
    }
}

/// 报名中, coloured by status.
#[component]
pub fn ActivityStatusBadge(status: ActivityStatus) -> impl IntoView {
    view! {
        <span class=format!("badge activity-status as-{}", status.as_str()) data-testid="activity-status" data-status=status.as_str()>
            {tr_word(words!("astatus"), status.as_str().to_owned())}
        </span>
    }
}

#[component]
fn ActivityList() -> impl IntoView {
    let i18n = use_i18n();
    let q = RwSignal::new(String::new());
    let status = RwSignal::new(None::<ActivityStatus>);
    let sort = RwSignal::new("-id");
    let total = RwSignal::new(None::<i64>);
    let activities = Paged::<Activity>::new();
    let fetch = move |cursor: Option<String>| {
        let (q, s, o) = (q.get_untracked(), status.get_untracked(), sort.get_untracked());
        async move { page_of(q, s, o, cursor, total).await }
    };
    Effect::new(move |_| {
        q.track();
        status.track();
        sort.track();
        activities.reload(fetch);
    });
    let more = Callback::new(move |()| activities.more(fetch));
    let retry = Callback::new(move |()| activities.reload(fetch));
    view! {
        <div class="toolbar">
            <input type="search" data-testid="activity-q" aria-label=tr(k!("activity.search")) placeholder=tr(k!("activity.search"))
                on:change=move |ev| q.set(event_target_value(&ev))/>
            <select data-testid="activity-filter-status" aria-label=tr(k!("activity.status"))
                on:change=move |ev| status.set(ActivityStatus::parse(&event_target_value(&ev)))>
                <option value="">{tr(k!("activity.all_statuses"))}</option>
                {ActivityStatus::ALL.into_iter().map(|s| view! {
                    <option value=s.as_str()>{tr_word(words!("astatus"), s.as_str().to_owned())}</option>
                }).collect_view()}
            </select>
            <select data-testid="activity-sort" aria-label=tr(k!("activity.sort"))
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    sort.set(SORTS.iter().find(|(code, _)| *code == v).map_or("-id", |(code, _)| code));
                }>
                {SORTS.into_iter().map(|(code, key)| view! { <option value=code>{tr(key)}</option> }).collect_view()}
            </select>
            <span class="muted" data-testid="activity-total">
                {move || total.get().map(|n| i18n.count(k!("activity.total"), n))}
            </span>
        </div>
        <div class="table-wrap">
            <table class="table activity-table" data-testid="activities-table">
                <HeadRow keys=&HEADS/>
                <tbody>
                    <For each=move || activities.items.get() key=|a| (a.id, a.updated_at, a.confirmed, a.waiting) let:activity>
                        <tr data-testid="activity-row" data-activity-id=activity.id>
                            <td><a href=format!("/activities/{}", activity.id) data-testid="activity-link">{activity.title.clone()}</a></td>
                            <td class="small">{local_time(&activity.starts_at)}" – "{local_time(&activity.ends_at)}</td>
                            <td>{activity.place.clone()}</td>
                            <td>{activity.organiser_name.clone()}</td>
                            <td class="num" data-testid="activity-places">
                                {format!("{}/{}", activity.confirmed, activity.capacity)}
                                {(activity.waiting > 0).then(|| view! {
                                    <span class="small muted">" +"{activity.waiting}{tr(k!("activity.waiting_short"))}</span>
                                })}
                            </td>
                            <td><ActivityStatusBadge status=activity.status/></td>
                        </tr>
                    </For>
                </tbody>
            </table>
        </div>
        {activities.footer(k!("activity.none"), more, retry)}
    }
}

async fn page_of(
    q: String,
    status: Option<ActivityStatus>,
    sort: &'static str,
    cursor: Option<String>,
    total: RwSignal<Option<i64>>,
) -> ApiResult<Page<Activity>> {
    let first = cursor.is_none();
    let page = activity_page(q, status, sort, cursor).await?;
    if first {
        total.set(Some(page.total));
    }
    Ok(Page { items: page.items, next_cursor: page.next_cursor })
}
