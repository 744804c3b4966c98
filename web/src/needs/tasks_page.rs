//! 我的任务: what is dispatched to the signed-in provider, volunteer or grid worker
//! (`GET /needs?assignee_id=<me>`); claim, decline, start and resolve happen on the need's page.

use leptos::prelude::*;
use shared::{Need, NeedStatus};

use crate::common::api::{self, NeedFilter};
use crate::common::i18n::use_i18n;
use crate::common::paged::Paged;
use crate::common::session::use_session;
use crate::needs::table::NeedTable;

/// Statuses a task can be in while the assignee still has something to do, first the ones to claim.

#[component]
pub fn TasksPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let status = RwSignal::new(None::<NeedStatus>);
    let tasks = Paged::<Need>::new();
    let filter =
        move || NeedFilter { assignee_id: Some(untrack(|| session.user_id())), status: status.get_untracked(), ..Default::default() };
    Effect::new(move |_| {
        status.track();
        let f = filter();
        tasks.reload(move |cursor| api::needs(f, cursor));
    });
    let more = Callback::new(move |()| {
        let f = filter();
        tasks.more(move |cursor| api::needs(f, cursor));
    });
    let retry = Callback::new(move |()| {
        let f = filter();
        tasks.reload(move |cursor| api::needs(f, cursor));
    });
    let tab = move |value: Option<NeedStatus>| {
        let label = move || value.map_or_else(|| i18n.t(k!("queue.all")).to_owned(), |s| i18n.status(s));
        view! {
            <button type="button" class="count-chip" class:on=move || status.get() == value
                data-testid="task-tab" data-status=value.map(|s| s.as_str()).unwrap_or("all")
                on:click=move |_| status.set(value)>
                {label}
            </button>
        }
    };
    view! {
        <h1 class="page-title">{move || i18n.t(k!("nav.tasks"))}</h1>
        <div class="count-chips" role="group">
            {tab(None)}
            {NeedStatus::WITH_ASSIGNEE.into_iter().map(|s| tab(Some(s))).collect_view()}
            {tab(Some(NeedStatus::Resolved))}
        </div>
        <NeedTable needs=tasks empty_key=k!("state.no_tasks") on_more=more on_retry=retry/>
    }
}
