//! `/surveys` 民意调查: the surveys of the caller's area — status, target, window and responses — with
//! a status filter in the URL and "新建问卷" for those who build them.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use shared::{Survey, SurveyStatus};

use crate::common::api;
use crate::common::format::local_time;
use crate::common::i18n::{tr, tr_word};
use crate::common::paged::Paged;
use crate::common::session::use_session;
use crate::common::status::Empty;
use crate::common::widgets::HeadRow;
use crate::messages::Key;

const HEADS: [Key; 5] = [k!("survey.title"), k!("survey.area"), k!("survey.status"), k!("survey.window"), k!("survey.responses")];

#[component]
pub fn SurveysPage() -> impl IntoView {
    let session = use_session();
    view! {
        <div class="page-head">
            <h1 class="page-title">{tr(k!("nav.surveys"))}</h1>
            <div class="spacer"></div>
            {move || session.permissions().manage_surveys.then(|| view! {
                <a class="btn btn-primary" href="/surveys/new" data-testid="survey-new">"+ "{tr(k!("survey.new"))}</a>
            })}
        </div>
        <Show when=move || session.permissions().read_surveys fallback=|| view! { <Empty key=k!("error.forbidden")/> }>
            <SurveyList/>
        </Show>
    }
}

/// 进行中, coloured by status.
#[component]
pub fn SurveyStatusBadge(status: SurveyStatus) -> impl IntoView {
    view! {
        <span class=format!("survey-status ss-{}", status.as_str()) data-testid="survey-status" data-status=status.as_str()>
            {tr_word(words!("sstatus"), status.as_str().to_owned())}
        </span>
    }
}

#[component]
fn SurveyList() -> impl IntoView {
    let query = use_query_map();
    let navigate = use_navigate();
    let status = Memo::new(move |_| query.with(|q| SurveyStatus::parse(&q.get("status").unwrap_or_default())));
    let surveys = Paged::<Survey>::new();
    let fetch = move |cursor| api::surveys(status.get_untracked(), cursor);
    Effect::new(move |_| {
        status.track();
        surveys.reload(fetch);
    });
    let more = Callback::new(move |()| surveys.more(fetch));
    let retry = Callback::new(move |()| surveys.reload(fetch));
    view! {
        <div class="toolbar">
            <select data-testid="filter-status" aria-label=tr(k!("survey.status"))
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    let url = if v.is_empty() { "/surveys".to_owned() } else { format!("/surveys?status={v}") };
                    navigate(&url, NavigateOptions { replace: true, ..Default::default() });
                }>
                <option value="">{tr(k!("survey.all_statuses"))}</option>
                {SurveyStatus::ALL.into_iter().map(|s| view! {
                    <option value=s.as_str() selected=move || status.get() == Some(s)>{tr_word(words!("sstatus"), s.as_str().to_owned())}</option>
                }).collect_view()}
            </select>
        </div>
        <div class="table-wrap">
            <table class="table survey-table" data-testid="surveys-table">
                <HeadRow keys=&HEADS/>
                <tbody>
                    <For each=move || surveys.items.get() key=|s| (s.id, s.updated_at, s.response_count) let:survey>
                        <tr data-testid="survey-row" data-survey-id=survey.id>
                            <td class="survey-title-cell"><a href=format!("/surveys/{}", survey.id) data-testid="survey-link">{survey.title.clone()}</a></td>
                            <td>{survey.area_name.clone()}</td>
                            <td><SurveyStatusBadge status=survey.status/></td>
                            <td class="small">{local_time(&survey.opens_at)}" – "{local_time(&survey.closes_at)}</td>
                            <td class="num" data-testid="survey-responses">{survey.response_count}</td>
                        </tr>
                    </For>
                </tbody>
            </table>
        </div>
        {surveys.footer(k!("survey.none"), more, retry)}
    }
}
