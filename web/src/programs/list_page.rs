//! `/programs` 共建项目: the programs in the caller's scope — filters in the URL, the common table (title search,
//! order, pages with the total) whose rows open the program, "新建项目" for authors, Excel/CSV export and the way to the roll-up.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use shared::Program;

use crate::common::api::ProgramFilter;
use crate::common::data_table::{DataTable, Export, TableSpec};
use crate::common::i18n::tr;
use crate::common::session::use_session;
use crate::common::status::Empty;
use crate::programs::filters::{ProgramFilterBar, filter_from_query, filter_url};
use crate::programs::table::{program_columns, program_row};

#[component]
pub fn ProgramsPage() -> impl IntoView {
    let session = use_session();
    view! {
        <div class="page-head">
            <h1 class="page-title">{tr(k!("nav.programs"))}</h1>
            <div class="spacer"></div>
            <a class="btn" href="/programs/rollup" data-testid="to-rollup">{tr(k!("nav.rollup"))}</a>
            {move || session.permissions().author_programs.then(|| view! {
                <a class="btn btn-primary" href="/programs/new" data-testid="program-new">
                    "+ "{tr(k!("program.new"))}
                </a>
            })}
        </div>
        <Show when=move || session.permissions().read_programs fallback=|| view! { <Empty key=k!("error.forbidden")/> }>
            <ProgramList/>
        </Show>
    }
}

#[component]
fn ProgramList() -> impl IntoView {
    let query = use_query_map();
    let navigate = use_navigate();
    let filter = Memo::new(move |_| query.with(filter_from_query));
    let on_change = Callback::new(move |f: ProgramFilter| {
        navigate(&filter_url(&f), NavigateOptions { replace: true, ..Default::default() });
    });
    let filtered = move || filter.with(|f| *f != ProgramFilter::default());
    // The table owns keyword and order; area, status, item and overdue come from the URL.
    let filters =
        Signal::derive(move || filter.with(|f| f.query().into_iter().filter(|(k, _)| k != "sort" && k != "q").collect::<Vec<_>>()));
    let sort = match filter.with_untracked(|f| f.sort.clone()).as_str() {
        "id" => "id",
        "title" => "title",
        _ => "-id",
    };
    let keyword = filter.with_untracked(|f| f.q.clone());
    let spec = TableSpec {
        id: "programs",
        path: "/programs".into(),
        dates: None,
        export: Some(Export {
            path: "/programs/export".into(),
            extra: Vec::new(),
            file: "programs",
            csv_tables: vec![
                ("programs", k!("export.programs")),
                ("pledges", k!("export.pledges")),
                ("deliveries", k!("export.deliveries")),
            ],
            keep: Some(&["area_id", "status", "catalogue_item_id", "q"]),
        }),
        empty_key: k!("program.none"),
        search_hint: Some(k!("table.search_title")),
        class: "program-table",
    };
    view! {
        <ProgramFilterBar filter on_change/>
        {move || filtered().then(|| view! {
            <div class="toolbar list-tools">
                <a class="btn btn-ghost" href="/programs" data-testid="filters-clear">{tr(k!("program.clear_filters"))}</a>
            </div>
        })}
        <DataTable spec columns=program_columns() filters row_key=|p: &Program| format!("{}-{}", p.id, p.updated_at)
            row=program_row() sort keyword/>
    }
}
