//! `/programs` 共建项目: the programs in the caller's scope — filters in the URL, a paged table whose
//! rows open the program, "新建项目" for authors, Excel/CSV export and the way to the roll-up.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use shared::Program;

use crate::common::api::{self, ProgramFilter};
use crate::common::i18n::tr;
use crate::common::paged::Paged;
use crate::common::session::use_session;
use crate::common::status::Empty;
use crate::programs::export_buttons::ExportButtons;
use crate::programs::filters::{ProgramFilterBar, filter_from_query, filter_url};
use crate::programs::table::ProgramTable;

#[component]
pub fn ProgramsPage() -> impl IntoView {
    let session = use_session();
    view! {
        <div class="page-head">
            <h1 class="page-title">{tr("nav.programs")}</h1>
            <div class="spacer"></div>
            <a class="btn" href="/programs/rollup" data-testid="to-rollup">{tr("nav.rollup")}</a>
            {move || session.permissions().author_programs.then(|| view! {
                <a class="btn btn-primary" href="/programs/new" data-testid="program-new">
                    "+ "{tr("program.new")}
                </a>
            })}
        </div>
        <Show when=move || session.permissions().read_programs fallback=|| view! { <Empty key="error.forbidden"/> }>
            <ProgramList/>
        </Show>
    }
}

#[component]
fn ProgramList() -> impl IntoView {
    let query = use_query_map();
    let navigate = use_navigate();
    let filter = Memo::new(move |_| query.with(filter_from_query));
    let programs = Paged::<Program>::new();
    let fetch = move |cursor| api::programs(filter.get_untracked(), cursor);
    Effect::new(move |_| {
        filter.track();
        programs.reload(fetch);
    });
    let more = Callback::new(move |()| programs.more(fetch));
    let retry = Callback::new(move |()| programs.reload(fetch));
    let on_change = Callback::new(move |f: ProgramFilter| {
        navigate(&filter_url(&f), NavigateOptions { replace: true, ..Default::default() });
    });
    let filtered = move || filter.with(|f| *f != ProgramFilter::default());
    view! {
        <ProgramFilterBar filter on_change/>
        <div class="toolbar list-tools">
            <ExportButtons filter/>
            {move || filtered().then(|| view! {
                <a class="btn btn-ghost" href="/programs" data-testid="filters-clear">
                    {tr("program.clear_filters")}
                </a>
            })}
        </div>
        <ProgramTable programs base="/programs" empty_key="program.none" on_more=more on_retry=retry/>
    }
}
