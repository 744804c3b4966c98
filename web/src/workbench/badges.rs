//! Live counts on the staff menu: the workbench counts, asked every [`POLL_EVERY`], when the window
//! gets the focus back and on every page change (so a need accepted a moment ago is no longer
//! counted), like the notification bell. The server counts; the menu only shows the numbers.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_location;
use shared::WorkbenchCounts;

use crate::common::api;
use crate::common::i18n::use_i18n;
use crate::notifications::bell::POLL_EVERY;
use crate::workbench::endpoints;

/// The shell's counts. `Copy`: only signals inside.
#[derive(Debug, Clone, Copy)]
pub struct WorkCounts {
    /// `None` until the first answer (and for callers the menu shows no badges to).
    pub counts: RwSignal<Option<WorkbenchCounts>>,
    /// Bumped by every request so a late answer to an older one is dropped.
    generation: StoredValue<u64>,
}

impl WorkCounts {
    /// Asks the server again (quietly: a failed poll keeps the last counts).
    pub fn refresh(self) {
        if !api::has_tokens() {
            return;
        }
        self.generation.update_value(|g| *g += 1);
        let generation = self.generation.get_value();
        spawn_local(async move {
            if let Ok(counts) = endpoints::workbench_counts().await
                && self.generation.try_get_value() == Some(generation)
            {
                self.counts.set(Some(counts));
            }
        });
    }
}

/// Creates the shell's counts; the menu starts polling them with [`poll_work_counts`].
pub fn provide_work_counts() -> WorkCounts {
    let counts = WorkCounts { counts: RwSignal::new(None), generation: StoredValue::new(0) };
    provide_context(counts);
    counts
}

/// Polls the counts while the calling component (the menu) is mounted.
pub fn poll_work_counts() {
    let Some(counts) = use_context::<WorkCounts>() else { return };
    let location = use_location();
    Effect::new(move |_| {
        location.pathname.track();
        counts.refresh();
    });
    if let Ok(handle) = set_interval_with_handle(move || counts.refresh(), POLL_EVERY) {
        on_cleanup(move || handle.clear());
    }
    let focus = window_event_listener(leptos::ev::focus, move |_| counts.refresh());
    on_cleanup(move || focus.remove());
}

/// What a menu entry counts: the needs waiting for the work that page is for.
fn count_for(href: &str, c: &WorkbenchCounts) -> Option<i64> {
    match href {
        "/workbench" => Some(c.due_today),
        "/needs" => Some(c.submitted + c.accepted),
        "/overdue" => Some(c.overdue),
        "/tasks" => Some(c.my_tasks),
        _ => None,
    }
}

/// The badge after a menu entry, shown while its count is above zero.
#[component]
pub fn NavBadge(href: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let counts = use_context::<WorkCounts>();
    let count = move || counts.and_then(|c| c.counts.with(|c| c.as_ref().and_then(|c| count_for(href, c)))).unwrap_or(0);
    move || {
        let n = count();
        (n > 0).then(|| {
            let shown = if n > 99 { "99+".to_owned() } else { n.to_string() };
            view! {
                <span class="nav-count" data-testid="nav-count" data-count=n title=move || i18n.t("wb.badge_title")>{shown}</span>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_menu_entry_counts_the_work_its_page_is_for() {
        let c = WorkbenchCounts { submitted: 2, accepted: 3, dispatched: 4, overdue: 5, due_today: 6, my_tasks: 7 };
        assert_eq!(count_for("/needs", &c), Some(5), "to accept and to dispatch");
        assert_eq!(count_for("/overdue", &c), Some(5));
        assert_eq!(count_for("/tasks", &c), Some(7));
        assert_eq!(count_for("/workbench", &c), Some(6));
        assert_eq!(count_for("/areas", &c), None);
    }
}
