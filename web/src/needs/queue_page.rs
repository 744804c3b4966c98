//! 需求工单: the staff queue — live counts per status, filters in the URL, a paged table whose rows
//! open the need, and bulk dispatch of accepted needs.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use shared::{Id, Need, NeedCounts};

use crate::common::api::{self, ApiError, NeedFilter};
use crate::common::i18n::use_i18n;
use crate::common::paged::Paged;
use crate::common::session::{is_staff, use_session};
use crate::common::status::Empty;
use crate::needs::bulk_dispatch::BulkDispatchBar;
use crate::needs::filters::{CountChips, NeedFilterBar, filter_from_query, filter_url};
use crate::needs::table::NeedTable;

/// How often the count chips ask again, so a queue left open stays current.
pub const COUNTS_EVERY: Duration = Duration::from_secs(30);

#[component]
pub fn NeedsPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    view! {
        <h1 class="page-title">{move || i18n.t("nav.needs")}</h1>
        <Show when=move || is_staff(session.role()) fallback=|| view! { <Empty key="error.forbidden"/> }>
            <NeedQueue/>
        </Show>
    }
}

#[component]
fn NeedQueue() -> impl IntoView {
    let query = use_query_map();
    let navigate = use_navigate();
    let filter = Memo::new(move |_| query.with(filter_from_query));
    let needs = Paged::<Need>::new();
    let counts = RwSignal::new(None::<Result<NeedCounts, ApiError>>);
    let selection = RwSignal::new(Vec::<Id>::new());

    let fetch = move |cursor| api::needs(filter.get_untracked(), cursor);
    let load_counts = move || {
        let f = filter.get_untracked();
        spawn_local(async move {
            let answer = api::need_counts(f).await;
            // Keep showing the last numbers when a background refresh fails.
            if answer.is_ok() || !matches!(counts.get_untracked(), Some(Ok(_))) {
                counts.set(Some(answer));
            }
        });
    };
    Effect::new(move |_| {
        filter.track();
        selection.set(Vec::new());
        needs.reload(fetch);
        load_counts();
    });
    live_counts(load_counts);

    let more = Callback::new(move |()| needs.more(fetch));
    let retry = Callback::new(move |()| needs.reload(fetch));
    let retry_counts = Callback::new(move |()| load_counts());
    let on_change = Callback::new(move |f: NeedFilter| {
        navigate(&filter_url("/needs", &f), NavigateOptions { replace: true, ..Default::default() });
    });
    let after_bulk = Callback::new(move |()| {
        needs.reload(fetch);
        load_counts();
    });

    view! {
        <CountChips counts filter on_change on_retry=retry_counts/>
        <NeedFilterBar filter on_change/>
        <BulkDispatchBar selection on_done=after_bulk/>
        <NeedTable needs empty_key="state.no_needs" on_more=more on_retry=retry selection/>
    }
}

/// Runs `load` every [`COUNTS_EVERY`] while the calling component is mounted.
pub fn live_counts(load: impl Fn() + Clone + 'static) {
    if let Ok(handle) = set_interval_with_handle(load, COUNTS_EVERY) {
        on_cleanup(move || handle.clear());
    }
}
