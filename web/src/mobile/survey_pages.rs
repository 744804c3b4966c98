//! 问卷 on the phone: `/m/surveys`, the open surveys whose target includes the resident, and
//! `/m/surveys/:id`, one survey — its window, whether it is anonymous, and the form
//! ([`crate::mobile::survey_form`]) until it is answered.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::{Id, Survey};

use crate::common::format::local_time;
use crate::common::i18n::{tr, use_i18n};
use crate::common::paged::Paged;
use crate::common::status::{Empty, ErrorBox, Loading};
use crate::mobile::participate_tabs::{ParticipateTabs, Section};
use crate::mobile::survey_endpoints;
use crate::mobile::survey_form::{Closed, ClosedNotice, SurveyForm, closed_before_answering};

/// `/m/surveys`.
#[component]
pub fn ResidentSurveysPage() -> impl IntoView {
    let surveys = Paged::<Survey>::new();
    surveys.reload(survey_endpoints::open_surveys);
    let more = Callback::new(move |()| surveys.more(survey_endpoints::open_surveys));
    let retry = Callback::new(move |()| surveys.reload(survey_endpoints::open_surveys));
    view! {
        <ParticipateTabs current=Section::Surveys/>
        <h1 class="m-title">{tr(k!("msurvey.title"))}</h1>
        <ul class="m-cards" data-testid="my-surveys">
            <For each=move || surveys.items.get() key=|s| (s.id, s.answered) let:survey>
                <SurveyCard survey/>
            </For>
        </ul>
        {surveys.footer(k!("msurvey.none"), more, retry)}
    }
}

#[component]
fn SurveyCard(survey: Survey) -> impl IntoView {
    let i18n = use_i18n();
    let closes = local_time(&survey.closes_at);
    let (state_key, state_class) = if survey.answered { (k!("msurvey.done"), "badge badge-best") } else { (k!("msurvey.todo"), "badge") };
    let questions = survey.questions.len();
    view! {
        <li>
            <a class="m-card" href=format!("/m/surveys/{}", survey.id) data-testid="survey-card" data-survey-id=survey.id>
                <span class="m-card-head">
                    <strong>{survey.title.clone()}</strong>
                    <span class=state_class>{tr(state_key)}</span>
                </span>
                {(!survey.description.is_empty()).then(|| view! { <span class="m-card-text muted">{survey.description.clone()}</span> })}
                <span class="m-card-foot muted">
                    {survey.area_name.clone()}" · "
                    {move || i18n.count(k!("msurvey.questions"), questions)}" · "
                    {move || format!("{}{closes}", i18n.t(k!("msurvey.closes")))}
                </span>
            </a>
        </li>
    }
}

/// `/m/surveys/:id`.
#[component]
pub fn ResidentSurveyPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|v| v.parse::<Id>().ok())));
    let loaded = LocalResource::new(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => Some(survey_endpoints::survey(id).await),
                None => None,
            }
        }
    });
    let retry = Callback::new(move |()| loaded.refetch());
    view! {
        <nav class="back-link">
            <a href="/m/surveys" data-testid="survey-back">"← "{tr(k!("msurvey.back"))}</a>
        </nav>
        <Transition fallback=|| view! { <Loading/> }>
            {move || loaded.get().map(|found| match found {
                None => view! { <Empty key=k!("error.not_found")/> }.into_any(),
                Some(Err(error)) => view! { <ErrorBox error on_retry=retry/> }.into_any(),
                Some(Ok(survey)) => view! { <SurveyView survey/> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn SurveyView(survey: Survey) -> impl IntoView {
    let i18n = use_i18n();
    let closed = RwSignal::new(closed_before_answering(&survey));
    let (opens, closes) = (local_time(&survey.opens_at), local_time(&survey.closes_at));
    let who_key = if survey.anonymous { k!("msurvey.anonymous") } else { k!("msurvey.by_name") };
    let (id, anonymous) = (survey.id, survey.anonymous.to_string());
    view! {
        <article class="survey" data-testid="survey" data-survey-id=id>
            <h1 class="m-title">{survey.title.clone()}</h1>
            {(!survey.description.is_empty()).then(|| view! { <p class="m-hint muted">{survey.description.clone()}</p> })}
            <p class="m-card-foot muted survey-facts">
                <span>{survey.area_name.clone()}</span>
                <span>{move || format!("{}{opens}{}{closes}", i18n.t(k!("msurvey.window_label")), i18n.t(k!("msurvey.window_to")))}</span>
            </p>
            <p class="chip survey-who" data-testid="survey-who" data-anonymous=anonymous>{tr(who_key)}</p>
            {move || match closed.get() {
                Some(c) => view! { <ClosedNotice closed=c/> }.into_any(),
                None => view! { <SurveyForm survey=survey.clone() closed/> }.into_any(),
            }}
            {move || matches!(closed.get(), Some(Closed::Submitted | Closed::AnsweredBefore)).then(|| view! {
                <a class="btn btn-block" href="/m/surveys" data-testid="survey-more">{tr(k!("msurvey.more"))}</a>
            })}
        </article>
    }
}
