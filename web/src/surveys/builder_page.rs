//! `/surveys/new` 新建问卷: start blank or from a shipped template (its questions copied in to edit),
//! set the target area, audience, target groups (目标群体), anonymity and window, write questions of the five kinds with the
//! required flag and an optional show-condition, preview the questionnaire as a resident sees it,
//! and save the draft. A template left as it is goes through the template endpoint; changed, it is
//! saved as a new survey. The draft opens on its page, where it is published. A saved draft comes
//! back here to be changed (`/surveys/:id/edit`, [`crate::surveys::edit_page`]).

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use shared::{Area, FieldError, FieldRule, Survey, SurveyAudience, SurveyDraft, SurveyFromTemplate, SurveyTemplate};

use crate::common::api::{self, ApiError};
use crate::common::area_picker::AreaSearch;
use crate::common::form::{Field, FieldGroup, FormState, FormSummary, field_error, reveal_first_error};
use crate::common::format::{local_input, parse_local_time};
use crate::common::i18n::{tr, tr_word, use_i18n};
use crate::common::session::use_session;
use crate::common::status::{Empty, ErrorBox, Loading};
use crate::common::widgets::TargetGroupPicks;
use crate::surveys::answers::Draft;
use crate::surveys::draft::{QuestionForm, to_questions};
use crate::surveys::question_editor::QuestionEditor;
use crate::surveys::questionnaire::Questionnaire;

const PLACED: [&str; 7] = ["/area_id", "/title", "/description", "/audience", "/target_groups", "/opens_at", "/closes_at"];

/// `datetime-local` value `days` from now.
fn local_in(days: i64) -> String {
    local_input(&(crate::common::format::now() + chrono::Duration::days(days)))
}

#[component]
pub fn SurveyNewPage() -> impl IntoView {
    let session = use_session();
    view! {
        <nav class="crumbs back-link"><a href="/surveys">"← "{tr(k!("survey.back"))}</a></nav>
        <h1 class="page-title">{tr(k!("survey.builder"))}</h1>
        <Show when=move || session.permissions().manage_surveys fallback=|| view! { <Empty key=k!("error.forbidden")/> }>
            <Builder/>
        </Show>
    }
}

/// The builder's fields apart from the questions.
#[derive(Debug, Clone, PartialEq)]
struct Head {
    title: String,
    description: String,
    audience: SurveyAudience,
    anonymous: bool,
}

#[component]
fn Builder() -> impl IntoView {
    let templates = LocalResource::new(api::survey_templates);
    view! {
        <Suspense fallback=|| view! { <Loading/> }>
            {move || templates.get().map(|answer| match answer {
                Ok(list) => view! { <BuilderForm templates=list/> }.into_any(),
                Err(error) => view! { <ErrorBox error/> }.into_any(),
            })}
        </Suspense>
    }
}

/// The builder, blank (`editing` none: a new draft, from a template or not) or filled with a saved
/// draft to change (saved in place with `PUT /surveys/{id}`).
#[component]
pub(crate) fn BuilderForm(templates: Vec<SurveyTemplate>, #[prop(optional)] editing: Option<Survey>) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let form = FormState::new();
    let templates = StoredValue::new(templates);
    let template = RwSignal::new(None::<String>);
    let editing_id = editing.as_ref().map(|s| s.id);
    let head = RwSignal::new(match &editing {
        Some(s) => Head { title: s.title.clone(), description: s.description.clone(), audience: s.audience, anonymous: s.anonymous },
        None => Head { title: String::new(), description: String::new(), audience: SurveyAudience::AllResidents, anonymous: true },
    });
    let area = RwSignal::new(editing.as_ref().map(|s| (s.area_id, s.area_name.clone())));
    let groups = RwSignal::new(editing.as_ref().map(|s| s.target_groups.clone()).unwrap_or_default());
    let opens = RwSignal::new(editing.as_ref().map_or_else(|| local_in(0), |s| local_input(&s.opens_at)));
    let closes = RwSignal::new(editing.as_ref().map_or_else(|| local_in(30), |s| local_input(&s.closes_at)));
    let next_key = StoredValue::new(1u32);
    let questions = RwSignal::new(match &editing {
        Some(s) => {
            let keys: Vec<u32> = (1..=s.questions.len() as u32).collect();
            next_key.set_value(keys.len() as u32);
            s.questions.iter().zip(&keys).map(|(q, k)| QuestionForm::from_question(q, *k, &keys)).collect()
        }
        None => Vec::<QuestionForm>::new(),
    });
    let preview = RwSignal::new(false);
    // Errors of the questions (`/questions…`) show on their rows, not in the summary.
    let question_errors = RwSignal::new(Vec::<FieldError>::new());
    let split = move || {
        let (rows, rest): (Vec<FieldError>, Vec<FieldError>) =
            form.errors.get_untracked().into_iter().partition(|e| e.field == "/questions" || e.field.starts_with("/questions/"));
        question_errors.set(rows);
        form.errors.set(rest);
    };
    let new_key = move || {
        next_key.update_value(|k| *k += 1);
        next_key.get_value()
    };
    let choose_template = move |code: String| {
        let found = templates.with_value(|ts| ts.iter().find(|t| t.code == code).cloned());
        template.set(found.as_ref().map(|t| t.code.clone()));
        if let Some(t) = found {
            head.set(Head { title: t.title.clone(), description: t.description.clone(), audience: t.audience, anonymous: t.anonymous });
            let keys: Vec<u32> = t.questions.iter().map(|_| new_key()).collect();
            questions.set(t.questions.iter().zip(&keys).map(|(q, k)| QuestionForm::from_question(q, *k, &keys)).collect());
        }
    };
    let add = move |_| questions.update(|qs| qs.push(QuestionForm::blank(new_key())));

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.start();
        let h = head.get_untracked();
        let mut errors = Vec::new();
        let area_id = area.get_untracked().map(|(id, _)| id);
        if area_id.is_none() {
            errors.push(field_error("/area_id", FieldRule::Required, "is required"));
        }
        if h.title.trim().is_empty() {
            errors.push(field_error("/title", FieldRule::Required, "is required"));
        }
        let (o, c) = (parse_local_time(&opens.get_untracked()), parse_local_time(&closes.get_untracked()));
        if o.is_none() {
            errors.push(field_error("/opens_at", FieldRule::Required, "is required"));
        }
        match (o, c) {
            (_, None) => errors.push(field_error("/closes_at", FieldRule::Required, "is required")),
            (Some(o), Some(c)) if c <= o => errors.push(field_error("/closes_at", FieldRule::BeforeStart, "after the opening")),
            _ => {}
        }
        let built = questions.with_untracked(|qs| to_questions(qs));
        if questions.with_untracked(Vec::is_empty) {
            errors.push(field_error("/questions", FieldRule::Required, "at least one question"));
        }
        let built = match built {
            Ok(b) => b,
            Err(mut e) => {
                errors.append(&mut e);
                Vec::new()
            }
        };
        question_errors.set(Vec::new());
        let (Some(area_id), Some(opens_at), Some(closes_at), true) = (area_id, o, c, errors.is_empty()) else {
            form.invalid(errors);
            split();
            return reveal_first_error(".survey-builder");
        };
        // The template unchanged: let the server make it from its own copy.
        let pristine = template.get_untracked().and_then(|code| {
            templates.with_value(|ts| ts.iter().find(|t| t.code == code).cloned()).filter(|t| {
                t.questions == built
                    && t.title == h.title.trim()
                    && t.description == h.description.trim()
                    && t.audience == h.audience
                    && t.anonymous == h.anonymous
                    && groups.with_untracked(Vec::is_empty)
            })
        });
        let draft = SurveyDraft {
            area_id,
            title: h.title.trim().to_owned(),
            description: h.description.trim().to_owned(),
            audience: h.audience,
            anonymous: h.anonymous,
            opens_at,
            closes_at,
            questions: built,
            target_groups: groups.get_untracked(),
        };
        let navigate = navigate.clone();
        spawn_local(async move {
            let answer = match (editing_id, pristine) {
                (Some(id), _) => api::edit_survey(id, &draft).await,
                (None, Some(t)) => api::survey_from_template(&t.code, &SurveyFromTemplate { area_id, opens_at, closes_at }).await,
                (None, None) => api::create_survey(&draft).await,
            };
            match answer {
                Ok(survey) => {
                    form.done();
                    navigate(&format!("/surveys/{}", survey.id), Default::default());
                }
                Err(e) => {
                    form.failed(i18n, &e);
                    split();
                    if !matches!(e, ApiError::Network(_)) {
                        reveal_first_error(".survey-builder");
                    }
                }
            }
        });
    };
    let on_pick = Callback::new(move |a: Area| area.set(Some((a.id, a.name))));
    let text = move |get: fn(&Head) -> String| move || head.with(get);
    let preview_questions = move || questions.with(|qs| to_questions(qs).ok());
    view! {
        <form class="form survey-builder" on:submit=submit novalidate data-testid="survey-builder">
            <FormSummary form placed=&PLACED/>
            <section class="panel form">
                <label class="field" hidden=editing_id.is_some()>
                    <span class="field-label">{tr(k!("survey.template"))}</span>
                    <select data-testid="survey-template" on:change=move |ev| choose_template(event_target_value(&ev))>
                        <option value="">{tr(k!("survey.blank"))}</option>
                        {templates.get_value().into_iter().map(|t| view! { <option value=t.code.clone()>{t.title.clone()}</option> }).collect_view()}
                    </select>
                    {move || template.get().and_then(|code| templates.with_value(|ts| ts.iter().find(|t| t.code == code).map(|t| t.source.clone()))).map(|s| view! {
                        <span class="field-hint">{tr(k!("survey.template_source"))}": "{s}</span>
                    })}
                </label>
                <div class="grid-fields">
                    <Field label=k!("survey.title") pointer="/title" form>
                        <input type="text" maxlength="100" data-testid="survey-title-input" prop:value=text(|h| h.title.clone())
                            on:input=move |ev| { let v = event_target_value(&ev); head.update(|h| h.title = v) }/>
                    </Field>
                    <FieldGroup label=k!("survey.area") pointer="/area_id" form>
                        {move || match area.get() {
                            Some((_, name)) => view! {
                                <span class="chip" data-testid="survey-area-chip">{name}
                                    <button type="button" class="chip-x" aria-label=tr(k!("action.clear")) on:click=move |_| area.set(None)>"×"</button>
                                </span>
                            }.into_any(),
                            None => view! { <AreaSearch on_pick placeholder=k!("survey.area_search") testid="survey-area"/> }.into_any(),
                        }}
                    </FieldGroup>
                    <Field label=k!("survey.opens_at") pointer="/opens_at" form>
                        <input type="datetime-local" data-testid="survey-opens" prop:value=opens on:input=move |ev| opens.set(event_target_value(&ev))/>
                    </Field>
                    <Field label=k!("survey.closes_at") pointer="/closes_at" form>
                        <input type="datetime-local" data-testid="survey-closes" prop:value=closes on:input=move |ev| closes.set(event_target_value(&ev))/>
                    </Field>
                    <Field label=k!("survey.audience") pointer="/audience" form>
                        <select data-testid="survey-audience"
                            on:change=move |ev| { let v = event_target_value(&ev); if let Some(a) = SurveyAudience::parse(&v) { head.update(|h| h.audience = a) } }>
                            {SurveyAudience::ALL.into_iter().map(|a| view! {
                                <option value=a.as_str() selected=move || head.with(|h| h.audience == a)>{tr_word(words!("audience"), a.as_str().to_owned())}</option>
                            }).collect_view()}
                        </select>
                    </Field>
                </div>
                <FieldGroup label=k!("survey.target_groups") pointer="/target_groups" form hint=k!("survey.target_groups_hint")>
                    <TargetGroupPicks selected=groups testid="survey-groups"/>
                </FieldGroup>
                <label class="checkbox">
                    <input type="checkbox" data-testid="survey-anonymous" prop:checked=move || head.with(|h| h.anonymous)
                        on:change=move |ev| { let on = event_target_checked(&ev); head.update(|h| h.anonymous = on) }/>
                    {tr(k!("survey.anonymous"))}
                </label>
                <Field label=k!("survey.description") pointer="/description" form>
                    <textarea rows="2" maxlength="2000" data-testid="survey-description" prop:value=text(|h| h.description.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); head.update(|h| h.description = v) }></textarea>
                </Field>
            </section>
            <section class="panel" data-testid="survey-questions">
                <h3>{tr(k!("survey.questions"))}</h3>
                {move || questions.with(Vec::is_empty).then(|| view! { <Empty key=k!("survey.no_questions")/> })}
                {move || question_errors.with(|errs| errs.iter().find(|e| e.field == "/questions")
                    .map(|e| i18n.field_rule(e.code).map_or_else(|| e.message.clone(), str::to_owned)))
                    .map(|e| view! { <p class="field-error" data-testid="questions-error">{e}</p> })}
                <ol class="question-editors">
                    <For each=move || questions.with(|qs| qs.iter().map(|q| q.key).collect::<Vec<_>>()) key=|k| *k let:key>
                        <QuestionEditor key questions errors=question_errors/>
                    </For>
                </ol>
                <button type="button" class="btn" data-testid="question-add" on:click=add>"+ "{tr(k!("survey.add_question"))}</button>
            </section>
            <div class="form-buttons">
                <button type="button" class="btn" data-testid="survey-preview-toggle" on:click=move |_| preview.update(|p| *p = !*p)>
                    {move || i18n.t(if preview.get() { k!("survey.hide_preview") } else { k!("survey.show_preview") })}
                </button>
                <button type="submit" class="btn btn-primary" disabled=form.busy data-testid="form-submit">
                    {move || if form.busy.get() { i18n.t(k!("state.saving")) } else { i18n.t(k!("survey.save_draft")) }}
                </button>
            </div>
            {move || preview.get().then(|| view! {
                <section class="panel survey-preview" data-testid="survey-preview">
                    <h3>{tr(k!("survey.preview"))}</h3>
                    {match preview_questions() {
                        Some(qs) => {
                            let drafts = RwSignal::new(vec![Draft::default(); qs.len()]);
                            view! { <Questionnaire questions=qs drafts name="builder"/> }.into_any()
                        }
                        None => view! { <p class="field-error">{tr(k!("error.validation"))}</p> }.into_any(),
                    }}
                </section>
            })}
        </form>
    }
}
