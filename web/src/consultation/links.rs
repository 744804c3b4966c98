//! 落实: the co-building program and the needs that carry a topic's decision out, each with its
//! progress (the program's bar, the need's state), and — when the server allows it — the form that
//! links them (`POST /topics/{id}/links`).

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{FieldRule, Id, TopicAction, TopicDetail, TopicLink};

use crate::common::api::{self, ApiError};
use crate::common::form::{Field, FormButtons, FormState, FormSummary, field_error};
use crate::common::i18n::{tr, use_i18n};
use crate::common::status::{Empty, ErrorBox, Loading};
use crate::common::widgets::Bar;
use crate::needs::badges::StatusBadge;
use crate::programs::bits::ProgramStatusBadge;

#[component]
pub fn LinkSection(detail: TopicDetail, on_update: Callback<TopicDetail>, on_stale: Callback<()>) -> impl IntoView {
    let may_link = detail.allowed_actions.contains(&TopicAction::Implement);
    let topic = detail.topic;
    let editing = RwSignal::new(false);
    let nothing = topic.program_id.is_none() && topic.need_ids.is_empty();
    let on_done = Callback::new(move |fresh: TopicDetail| {
        editing.set(false);
        on_update.run(fresh);
    });
    let (topic_id, program_id, need_ids) = (topic.id, topic.program_id, topic.need_ids.clone());
    view! {
        <section class="panel topic-section" data-testid="topic-links">
            <h3>{tr(k!("link.title"))}</h3>
            {nothing.then(|| view! { <Empty key=k!("link.none")/> })}
            {program_id.map(|id| view! { <LinkedProgram id/> })}
            {(!need_ids.is_empty()).then(|| view! {
                <ul class="linked-needs">{need_ids.iter().map(|id| view! { <LinkedNeed id=*id/> }).collect_view()}</ul>
            })}
            {may_link.then(|| view! {
                <Show when=move || editing.get() fallback=move || view! {
                    <button type="button" class="btn btn-primary" data-testid="action-implement"
                        on:click=move |_| editing.set(true)>{tr(k!("taction.implement"))}</button>
                }>
                    <LinkForm topic_id program_id on_done on_cancel=Callback::new(move |()| editing.set(false)) on_stale/>
                </Show>
            })}
        </section>
    }
}

#[component]
fn LinkedProgram(id: Id) -> impl IntoView {
    let program = LocalResource::new(move || api::program(id));
    view! {
        <Suspense fallback=|| view! { <Loading/> }>
            {move || program.get().map(|answer| match answer {
                Ok(d) => view! {
                    <div class="linked-program" data-testid="linked-program">
                        <a href=format!("/programs/{id}")>{d.program.title.clone()}</a>
                        <ProgramStatusBadge status=d.program.status/>
                        <span class="muted small">{tr(k!("link.program_progress"))}</span>
                        <Bar fraction=d.program.progress testid="link-progress"/>
                    </div>
                }.into_any(),
                Err(error) => view! { <ErrorBox error/> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn LinkedNeed(id: Id) -> impl IntoView {
    let need = LocalResource::new(move || api::need(id));
    view! {
        <li data-testid="linked-need">
            <a href=format!("/needs/{id}")>{tr(k!("link.need"))}" #"{id}</a>" "
            <Suspense fallback=|| "…">
                {move || need.get().map(|answer| match answer {
                    Ok(d) => view! { <StatusBadge status=d.need.status/> }.into_any(),
                    Err(_) => view! { <span class="muted">"–"</span> }.into_any(),
                })}
            </Suspense>
        </li>
    }
}

/// Need ids typed as `12, 15 18`; `None` when one of them is not a number.
pub fn parse_ids(text: &str) -> Option<Vec<Id>> {
    text.split(|c: char| c == ',' || c == '，' || c.is_whitespace()).filter(|s| !s.is_empty()).map(|s| s.parse::<Id>().ok()).collect()
}

const PLACED: [&str; 3] = ["/", "/program_id", "/need_ids"];

#[component]
fn LinkForm(
    topic_id: Id,
    program_id: Option<Id>,
    on_done: Callback<TopicDetail>,
    on_cancel: Callback<()>,
    on_stale: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    let program = RwSignal::new(program_id.map(|id| id.to_string()).unwrap_or_default());
    let needs = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.start();
        let mut errors = Vec::new();
        let program_text = program.get_untracked().trim().to_owned();
        let program_id = program_text.parse::<Id>().ok();
        if !program_text.is_empty() && program_id.is_none() {
            errors.push(field_error("/program_id", FieldRule::Invalid, "a number"));
        }
        let need_ids = parse_ids(&needs.get_untracked());
        if need_ids.is_none() {
            errors.push(field_error("/need_ids", FieldRule::Invalid, "numbers"));
        }
        let need_ids = need_ids.unwrap_or_default();
        if errors.is_empty() && program_id.is_none() && need_ids.is_empty() {
            errors.push(field_error("/program_id", FieldRule::RequiredOne, "a program or needs"));
        }
        if !errors.is_empty() {
            return form.invalid(errors);
        }
        let link = TopicLink { program_id, need_ids };
        spawn_local(async move {
            match api::link_topic(topic_id, &link).await {
                Ok(detail) => {
                    form.done();
                    on_done.run(detail);
                }
                Err(e) => {
                    form.failed(i18n, &e);
                    if matches!(&e, ApiError::Problem(p) if p.status == 409) {
                        on_stale.run(());
                    }
                }
            }
        });
    };
    view! {
        <form class="form action-form" on:submit=submit novalidate data-testid="link-form">
            <FormSummary form placed=&PLACED/>
            <div class="grid-fields">
                <Field label=k!("link.program") pointer="/program_id" form>
                    <input type="number" min="1" step="1" data-testid="link-program" prop:value=program
                        on:input=move |ev| program.set(event_target_value(&ev))/>
                </Field>
                <Field label=k!("link.needs") pointer="/need_ids" form hint=k!("link.needs_hint")>
                    <input type="text" inputmode="numeric" data-testid="link-needs" prop:value=needs
                        on:input=move |ev| needs.set(event_target_value(&ev))/>
                </Field>
            </div>
            <FormButtons form on_cancel submit_key=k!("link.save")/>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::parse_ids;

    #[test]
    fn need_ids_are_read_from_commas_and_spaces() {
        assert_eq!(parse_ids("12, 15 18，20"), Some(vec![12, 15, 18, 20]));
        assert_eq!(parse_ids("  "), Some(vec![]));
        assert_eq!(parse_ids("12, x"), None);
    }
}
