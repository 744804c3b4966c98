//! `/surveys/:id`: one survey — its facts and the publish/close buttons the server allows; a draft's
//! questionnaire as residents will see it; while it runs and after, the live results, the text
//! answers and the Excel exports (for those who read results), and the paper-entry form.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use shared::{Id, SurveyAction, SurveyStatus, SurveyStep};

use crate::common::api;
use crate::common::format::local_time;
use crate::common::i18n::{tr, tr_word, use_i18n};
use crate::common::session::use_session;
use crate::common::status::{Empty, ErrorBox, Loading, error_text};
use crate::surveys::answers::Draft;
use crate::surveys::list_page::SurveyStatusBadge;
use crate::surveys::paper_form::PaperForm;
use crate::surveys::questionnaire::Questionnaire;
use crate::surveys::results::ResultsSection;

#[component]
pub fn SurveyPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|v| v.parse::<Id>().ok())));
    view! {
        <nav class="crumbs back-link">
            <a href="/surveys" data-testid="survey-back">"← "{tr(k!("survey.back"))}</a>
        </nav>
        {move || match id.get() {
            Some(id) => view! { <SurveyPanel id/> }.into_any(),
            None => view! { <Empty key=k!("error.not_found")/> }.into_any(),
        }}
    }
}

#[component]
fn SurveyPanel(id: Id) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let survey = LocalResource::new(move || api::survey(id));
    let busy = RwSignal::new(false);
    let action_error = RwSignal::new(None::<String>);
    // Bumped by a paper questionnaire, so the results are read again.
    let version = RwSignal::new(0u32);
    // The response count alone follows a paper questionnaire: setting `survey` again would rebuild the
    // panel, and with it the paper form, wiping its 已录入 confirmation before anyone reads it.
    let responses = RwSignal::new(0);
    let retry = Callback::new(move |()| survey.refetch());
    let step = move |action: SurveyStep| {
        busy.set(true);
        action_error.set(None);
        spawn_local(async move {
            match api::survey_action(id, action).await {
                Ok(fresh) => survey.set(Some(Ok(fresh))),
                Err(e) => action_error.set(Some(error_text(i18n, &e))),
            }
            busy.set(false);
        });
    };
    let on_paper = Callback::new(move |()| {
        version.update(|v| *v += 1);
        spawn_local(async move {
            if let Ok(fresh) = api::survey(id).await {
                responses.set(fresh.response_count);
            }
        });
    });
    let body = move || {
        survey.get().map(|answer| match answer {
        Err(error) => view! { <ErrorBox error on_retry=retry/> }.into_any(),
        Ok(s) => {
            let p = session.permissions();
            let steps: Vec<SurveyStep> = s
                .actions
                .iter()
                .filter_map(|a| match a {
                    SurveyAction::Open => Some(SurveyStep::Open),
                    SurveyAction::Close => Some(SurveyStep::Close),
                    _ => None,
                })
                .collect();
            let draft = s.status == SurveyStatus::Draft;
            let editable = s.actions.contains(&SurveyAction::Edit);
            let drafts = RwSignal::new(vec![Draft::default(); s.questions.len()]);
            let audience = s.audience;
            let groups = s.target_groups.clone();
            responses.set(s.response_count);
            view! {
                <article class="survey-detail" data-testid="survey-detail" data-survey-id=id data-status=s.status.as_str()>
                    <div class="detail-head">
                        <h2 data-testid="survey-title">{s.title.clone()}</h2>
                        <SurveyStatusBadge status=s.status/>
                    </div>
                    <section class="need-actions" data-testid="survey-actions">
                        {editable.then(|| view! {
                            <a class="btn" href=format!("/surveys/{id}/edit") data-testid="survey-edit">{tr(k!("survey.edit"))}</a>
                        })}
                        {steps.into_iter().map(|a| view! {
                            <button type="button" class="btn btn-primary" disabled=busy data-testid=format!("survey-{}", a.as_str())
                                on:click=move |_| step(a)>{tr_word(words!("saction"), a.as_str().to_owned())}</button>
                        }).collect_view()}
                        {move || action_error.get().map(|e| view! { <span class="state-error" role="alert">{e}</span> })}
                    </section>
                    <section class="panel">
                        <dl class="facts">
                            <dt>{tr(k!("survey.area"))}</dt><dd>{s.area_name.clone()}</dd>
                            <dt>{tr(k!("survey.window"))}</dt><dd>{local_time(&s.opens_at)}" – "{local_time(&s.closes_at)}</dd>
                            <dt>{tr(k!("survey.audience"))}</dt><dd>{tr_word(words!("audience"), audience.as_str().to_owned())}</dd>
                            <dt>{tr(k!("survey.target_groups"))}</dt>
                            <dd data-testid="survey-target-groups">{move || if groups.is_empty() {
                                i18n.t(k!("survey.all_groups")).to_owned()
                            } else {
                                i18n.target_groups(&groups)
                            }}</dd>
                            <dt>{tr(k!("survey.anonymous"))}</dt><dd>{tr(if s.anonymous { k!("survey.anonymous") } else { k!("survey.by_name") })}</dd>
                            <dt>{tr(k!("survey.responses"))}</dt><dd data-testid="survey-response-count">{move || responses.get()}</dd>
                        </dl>
                        {(!s.description.is_empty()).then(|| view! { <p class="pre">{s.description.clone()}</p> })}
                    </section>
                    {draft.then(|| view! {
                        <section class="panel survey-preview" data-testid="survey-preview">
                            <h3>{tr(k!("survey.preview"))}</h3>
                            <Questionnaire questions=s.questions.clone() drafts name="preview"/>
                        </section>
                    })}
                    {(!draft && p.read_survey_results).then(|| view! { <ResultsSection id version/> })}
                    {(!draft && !p.read_survey_results).then(|| view! { <Empty key=k!("survey.no_results_access")/> })}
                    {(s.status == SurveyStatus::Open && p.enter_paper_responses).then(|| view! {
                        <PaperForm survey=s.clone() on_saved=on_paper/>
                    })}
                </article>
            }
            .into_any()
        }
        })
    };
    view! { <Suspense fallback=|| view! { <Loading/> }>{body}</Suspense> }
}
