//! Live counts on the staff menu: the workbench counts, polled ([`Polled`]) like the notification
//! bell and asked again on every page change (so a need accepted a moment ago is no longer counted).
//! The server counts; the menu only shows the numbers.

use futures::FutureExt;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use shared::WorkbenchCounts;

use crate::common::i18n::use_i18n;
use crate::common::polled::Polled;
use crate::workbench::endpoints;

/// The shell's counts.
pub type WorkCounts = Polled<WorkbenchCounts>;

/// Creates the shell's counts; the menu starts polling them with [`poll_work_counts`].
pub fn provide_work_counts() -> WorkCounts {
    let counts = WorkCounts::new(|| async { endpoints::workbench_counts().await.ok() }.boxed_local());
    provide_context(counts);
    counts
}

/// Polls the counts while the calling component (the menu) is mounted.
pub fn poll_work_counts() {
    let Some(counts) = use_context::<WorkCounts>() else { return };
    let location = use_location();
    counts.poll_while_mounted();
    // The effect's first run is the page the menu mounted on, which the poll has just asked for.
    Effect::new(move |seen: Option<()>| {
        location.pathname.track();
        if seen.is_some() {
            counts.refresh();
        }
    });
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
    let count = move || counts.and_then(|c| c.value.with(|c| c.as_ref().and_then(|c| count_for(href, c)))).unwrap_or(0);
    move || {
        let n = count();
        (n > 0).then(|| {
            let shown = if n > 99 { "99+".to_owned() } else { n.to_string() };
            view! {
                <span class="nav-count" data-testid="nav-count" data-count=n title=move || i18n.t(k!("wb.badge_title"))>{shown}</span>
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
