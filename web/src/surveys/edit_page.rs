//! `/surveys/:id/edit` 编辑问卷: a saved draft back in the builder — its fields and questions filled
//! in, conditions kept — and saved in place. Once published a survey's questions are fixed (answers
//! are counted against them), so an open or closed survey sends the reader back to its page.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::{Id, SurveyAction};

use crate::common::api;
use crate::common::i18n::tr;
use crate::common::session::use_session;
use crate::common::status::{Empty, ErrorBox, Loading};
use crate::surveys::builder_page::BuilderForm;

#[component]
pub fn SurveyEditPage() -> impl IntoView {
    let session = use_session();
    let params = use_params_map();
    let id = params.with_untracked(|p| p.get("id").and_then(|v| v.parse::<Id>().ok()));
    let back = id.map_or_else(|| "/surveys".to_owned(), |id| format!("/surveys/{id}"));
    let survey = LocalResource::new(move || async move {
        match id {
            Some(id) => Some(api::survey(id).await),
            None => None,
        }
    });
    view! {
        <nav class="crumbs back-link"><a href=back.clone() data-testid="survey-edit-back">"← "{tr(k!("survey.back_to_survey"))}</a></nav>
        <h1 class="page-title">{tr(k!("survey.edit"))}</h1>
        <Show when=move || session.permissions().manage_surveys fallback=|| view! { <Empty key=k!("error.forbidden")/> }>
            <Suspense fallback=|| view! { <Loading/> }>
                {move || survey.get().map(|answer| match answer {
                    None => view! { <Empty key=k!("error.not_found")/> }.into_any(),
                    Some(Err(error)) => view! { <ErrorBox error/> }.into_any(),
                    Some(Ok(s)) if !s.actions.contains(&SurveyAction::Edit) => view! {
                        <p class="state state-empty" data-testid="survey-not-editable">{tr(k!("survey.not_editable"))}" "
                            <a href=format!("/surveys/{}", s.id)>{tr(k!("survey.back_to_survey"))}</a></p>
                    }.into_any(),
                    Some(Ok(s)) => view! { <BuilderForm templates=Vec::new() editing=s/> }.into_any(),
                })}
            </Suspense>
        </Show>
    }
}
