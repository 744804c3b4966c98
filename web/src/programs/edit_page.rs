//! `/programs/new` and `/programs/:id/edit`: the program form. Creating needs `author_programs`;
//! editing loads the program first and is offered for drafts the caller may change (the plan is
//! fixed once submitted, the 公开 switch on the detail page stays available).

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_params_map};
use shared::{Id, ProgramDetail, ProgramStatus};

use crate::common::api;
use crate::common::i18n::tr;
use crate::common::session::use_session;
use crate::common::status::{Empty, ErrorBox, Loading};
use crate::programs::form::ProgramForm;

/// Goes to the program's page after saving.
fn to_detail() -> Callback<ProgramDetail> {
    let navigate = use_navigate();
    Callback::new(move |d: ProgramDetail| {
        navigate(&format!("/programs/{}", d.program.id), NavigateOptions::default());
    })
}

#[component]
pub fn ProgramNewPage() -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let on_saved = to_detail();
    let on_cancel = Callback::new(move |()| navigate("/programs", NavigateOptions::default()));
    view! {
        <nav class="crumbs back-link">
            <a href="/programs">"← "{tr(k!("program.back"))}</a>
        </nav>
        <h1 class="page-title">{tr(k!("program.new"))}</h1>
        <Show when=move || session.permissions().author_programs fallback=|| view! { <Empty key=k!("error.forbidden")/> }>
            <ProgramForm existing=None on_saved on_cancel/>
        </Show>
    }
}

#[component]
pub fn ProgramEditPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|v| v.parse::<Id>().ok())));
    view! {
        <nav class="crumbs back-link">
            <a href=move || id.get().map(|id| format!("/programs/{id}")).unwrap_or_else(|| "/programs".into())>
                "← "{tr(k!("program.back_detail"))}
            </a>
        </nav>
        <h1 class="page-title">{tr(k!("program.edit"))}</h1>
        {move || match id.get() {
            Some(id) => view! { <EditLoaded id/> }.into_any(),
            None => view! { <Empty key=k!("error.not_found")/> }.into_any(),
        }}
    }
}

#[component]
fn EditLoaded(id: Id) -> impl IntoView {
    let navigate = use_navigate();
    let detail = LocalResource::new(move || api::program(id));
    let retry = Callback::new(move |()| detail.refetch());
    let on_saved = to_detail();
    let on_cancel = Callback::new(move |()| navigate(&format!("/programs/{id}"), NavigateOptions::default()));
    let body = move || {
        detail.get().map(|answer| match answer {
            Err(error) => view! { <ErrorBox error on_retry=retry/> }.into_any(),
            Ok(d) if !d.editable || d.program.status != ProgramStatus::Draft => {
                view! { <Empty key=k!("program.not_editable")/> }.into_any()
            }
            Ok(d) => view! { <ProgramForm existing=Some(d.program) on_saved on_cancel/> }.into_any(),
        })
    };
    view! { <Suspense fallback=|| view! { <Loading/> }>{body}</Suspense> }
}
