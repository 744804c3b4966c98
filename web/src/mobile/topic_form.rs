//! 提出议题: the resident's proposal — category, title, text, and optionally the needs it gathers
//! from the resident's own needs. Field errors show under their input; a retried proposal carries the
//! same `Idempotency-Key`, so it is stored once (as [`crate::mobile::need_form`] does).

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{FieldRule, Need, NewTopic, ProposerKind, TopicCategory, TopicDetail};

use crate::common::api::{self, NeedFilter};
use crate::common::form::{AttemptKey, Field, FieldGroup, FormState, FormSummary, field_error, reveal_first_error};
use crate::common::i18n::{tr, tr_word, use_i18n};
use crate::common::session::use_session;
use crate::common::status::{ErrorBox, Loading};
use crate::mobile::topic_endpoints;
use crate::needs::badges::excerpt;

/// Selector of the form, for scrolling to its first error.
const FORM: &str = "[data-testid=topic-form]";

const PLACED: [&str; 5] = ["/category", "/title", "/text", "/need_ids", "/area_id"];

/// The form; `on_proposed` gets the stored topic.
#[component]
pub fn TopicForm(on_proposed: Callback<TopicDetail>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let form = FormState::new();
    let home = session.me.with_untracked(|me| me.as_ref().map(|m| m.area.id));
    let category = RwSignal::new(None::<TopicCategory>);
    let title = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let needs = RwSignal::new(Vec::<i64>::new());
    let last_attempt = AttemptKey::<NewTopic>::new();

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if form.busy.get_untracked() {
            return;
        }
        form.start();
        let mut errors = Vec::new();
        if category.get_untracked().is_none() {
            errors.push(field_error("/category", FieldRule::Required, "is required"));
        }
        if title.get_untracked().trim().is_empty() {
            errors.push(field_error("/title", FieldRule::Required, "is required"));
        }
        if text.get_untracked().trim().is_empty() {
            errors.push(field_error("/text", FieldRule::Required, "is required"));
        }
        if home.is_none() {
            errors.push(field_error("/area_id", FieldRule::Required, "is required"));
        }
        let (Some(category), Some(area_id), true) = (category.get_untracked(), home, errors.is_empty()) else {
            form.invalid(errors);
            return reveal_first_error(FORM);
        };
        let new = NewTopic {
            area_id,
            category,
            title: title.get_untracked().trim().to_owned(),
            text: text.get_untracked().trim().to_owned(),
            proposer_kind: ProposerKind::Resident,
            proposer_org: None,
            need_ids: needs.get_untracked(),
        };
        let key = last_attempt.key_for(&new);
        spawn_local(async move {
            match topic_endpoints::propose(&new, &key).await {
                Ok(detail) => {
                    last_attempt.forget();
                    form.done();
                    on_proposed.run(detail);
                }
                Err(e) => {
                    form.failed(i18n, &e);
                    // `/need_ids/2` is about one of the picked needs: shown under the picks.
                    form.errors.update(|errs| {
                        errs.iter_mut().filter(|e| e.field.starts_with("/need_ids/")).for_each(|e| e.field = "/need_ids".to_owned())
                    });
                    reveal_first_error(FORM);
                }
            }
        });
    };

    view! {
        <form class="form m-form" on:submit=submit data-testid="topic-form" novalidate>
            <FormSummary form placed=&PLACED/>
            <Field label=k!("mtopic.category") pointer="/category" form>
                <select data-testid="topic-category"
                    on:change=move |ev| category.set(TopicCategory::parse(&event_target_value(&ev)))>
                    <option value="" disabled=true selected=true>{tr(k!("mtopic.pick_category"))}</option>
                    {TopicCategory::ALL.into_iter().map(|c| view! {
                        <option value=c.as_str() selected=move || category.get() == Some(c)>{tr_word(words!("mtcat"), c.as_str().to_owned())}</option>
                    }).collect_view()}
                </select>
            </Field>
            <Field label=k!("mtopic.topic_title") pointer="/title" form>
                <input type="text" maxlength="100" data-testid="topic-title-input"
                    prop:value=title on:input=move |ev| title.set(event_target_value(&ev))/>
            </Field>
            <Field label=k!("mtopic.text") pointer="/text" form hint=k!("mtopic.text_hint")>
                <textarea rows="5" maxlength="4000" data-testid="topic-text-input"
                    prop:value=text on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            </Field>
            <FieldGroup label=k!("mtopic.gather") pointer="/need_ids" form hint=k!("mtopic.gather_hint")>
                <MyNeedPicks picked=needs/>
            </FieldGroup>
            <button type="submit" class="btn btn-primary btn-block btn-large" disabled=form.busy data-testid="topic-submit">
                {move || if form.busy.get() { i18n.t(k!("mtopic.submitting")) } else { i18n.t(k!("mtopic.submit")) }}
            </button>
        </form>
    }
}

/// The resident's own needs (the first page, newest first) as check boxes.
#[component]
fn MyNeedPicks(picked: RwSignal<Vec<i64>>) -> impl IntoView {
    let loaded = LocalResource::new(|| api::needs(NeedFilter::default(), None));
    let retry = Callback::new(move |()| loaded.refetch());
    view! {
        <Transition fallback=|| view! { <Loading/> }>
            {move || loaded.get().map(|found| match found {
                Err(error) => view! { <ErrorBox error on_retry=retry/> }.into_any(),
                Ok(page) if page.items.is_empty() => view! { <p class="muted">{tr(k!("mtopic.no_needs"))}</p> }.into_any(),
                Ok(page) => view! {
                    <div class="need-picks" data-testid="topic-needs">
                        {page.items.into_iter().map(|n: Need| {
                            let id = n.id;
                            let on = move || picked.with(|p| p.contains(&id));
                            view! {
                                <label class="checkbox need-pick" data-need-id=id>
                                    <input type="checkbox" prop:checked=on on:change=move |ev| {
                                        let checked = event_target_checked(&ev);
                                        picked.update(|p| { p.retain(|x| *x != id); if checked { p.push(id) } });
                                    }/>
                                    <span>{format!("#{id} ")}{excerpt(&n.text, 40)}</span>
                                </label>
                            }
                        }).collect_view()}
                    </div>
                }.into_any(),
            })}
        </Transition>
    }
}
