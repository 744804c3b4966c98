//! 需求工单: the staff queue — live counts per status, filters in the URL, the common table (keyword,
//! submission dates, sortable, paged with the total, export of the filtered queue) whose rows open the
//! need, and bulk dispatch of accepted needs.

use std::time::Duration;

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use shared::Id;

use crate::common::api::{self, NeedFilter};
use crate::common::data_table::{DataTable, Export, TableSpec};
use crate::common::i18n::use_i18n;
use crate::common::session::{is_staff, use_session};
use crate::common::status::{Empty, reload_quietly};
use crate::needs::bulk_dispatch::BulkDispatchBar;
use crate::needs::filters::{CountChips, NeedFilterBar, filter_from_query, filter_url};
use crate::needs::queue_table::{need_columns, need_row};

/// How often the count chips ask again, so a queue left open stays current.
pub const COUNTS_EVERY: Duration = Duration::from_secs(30);

#[component]
pub fn NeedsPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    view! {
        <h1 class="page-title">{move || i18n.t(k!("nav.needs"))}</h1>
        <Show when=move || is_staff(session.role()) fallback=|| view! { <Empty key=k!("error.forbidden")/> }>
            <NeedQueue/>
        </Show>
    }
}

#[component]
fn NeedQueue() -> impl IntoView {
    let query = use_query_map();
    let navigate = use_navigate();
    let filter = Memo::new(move |_| query.with(filter_from_query));
    let counts = LocalResource::new(move || api::need_counts(filter.get()));
    let selection = RwSignal::new(Vec::<Id>::new());
    let refresh = RwSignal::new(0_u64);
    Effect::new(move |_| {
        filter.track();
        selection.set(Vec::new());
    });
    // The timer and a bulk dispatch read the counts again in the background: the numbers shown stay
    // until new ones are in, and stay when that read fails.
    let refresh_counts = move || reload_quietly(counts, api::need_counts(filter.get_untracked()));
    live_counts(refresh_counts);

    // The table owns keyword, dates and order; the URL's filters come beside them.
    let filters = Signal::derive(move || filter.with(|f| f.query().into_iter().filter(|(k, _)| k != "sort").collect::<Vec<_>>()));
    let initial_sort = if filter.with_untracked(|f| f.oldest_first) { "id" } else { "-id" };
    let retry_counts = Callback::new(move |()| counts.refetch());
    let on_change = Callback::new(move |f: NeedFilter| {
        navigate(&filter_url("/needs", &f), NavigateOptions { replace: true, ..Default::default() });
    });
    let after_bulk = Callback::new(move |()| {
        selection.set(Vec::new());
        refresh.update(|r| *r += 1);
        refresh_counts();
    });
    let spec = TableSpec {
        id: "needs",
        path: "/needs".into(),
        dates: Some(("submitted_from", "submitted_to")),
        export: Some(Export { path: "/needs/export".into(), extra: Vec::new(), file: "needs", csv_tables: Vec::new(), keep: None }),
        empty_key: k!("state.no_needs"),
        search_hint: Some(k!("table.search_needs")),
        class: "need-table",
    };

    view! {
        <CountChips counts filter on_change on_retry=retry_counts/>
        <NeedFilterBar filter on_change/>
        <BulkDispatchBar selection on_done=after_bulk/>
        <DataTable spec columns=need_columns(Some(selection)) filters row_key=|n: &shared::Need| format!("{}-{}", n.id, n.updated_at)
            row=need_row() sort=initial_sort refresh=refresh/>
    }
}

/// Runs `load` every [`COUNTS_EVERY`] while the calling component is mounted.
pub fn live_counts(load: impl Fn() + Clone + 'static) {
    if let Ok(handle) = set_interval_with_handle(load, COUNTS_EVERY) {
        on_cleanup(move || handle.clear());
    }
}
