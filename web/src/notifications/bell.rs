//! The bell in both shells: the unread count, asked every [`POLL_EVERY`] and whenever the window gets
//! the focus back, while someone is signed in. The inbox refreshes the same count after marking, so
//! the bell and the list never disagree for long.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::common::api;
use crate::common::i18n::use_i18n;
use crate::notifications::endpoints;

/// How often the bell asks for the unread count.
pub const POLL_EVERY: Duration = Duration::from_secs(30);

/// The unread count shared by the bell and the inbox of one shell. `Copy`: only signals inside.
#[derive(Debug, Clone, Copy)]
pub struct Unread {
    /// `None` until the first answer.
    pub count: RwSignal<Option<i64>>,
    /// Bumped by every request so a late answer to an older one is dropped.
    generation: StoredValue<u64>,
}

impl Unread {
    /// Asks the server again (quietly: a failed poll keeps the last count).
    pub fn refresh(self) {
        if !api::has_tokens() {
            return;
        }
        self.generation.update_value(|g| *g += 1);
        let generation = self.generation.get_value();
        spawn_local(async move {
            if let Ok(answer) = endpoints::unread_count().await
                && self.generation.try_get_value() == Some(generation)
            {
                self.count.set(Some(answer.unread));
            }
        });
    }
}

/// Creates the shell's unread count and provides it to the pages inside (the inbox).
pub fn provide_unread() -> Unread {
    let unread = Unread { count: RwSignal::new(None), generation: StoredValue::new(0) };
    provide_context(unread);
    unread
}

/// The shell's unread count, if the page sits in a shell with a bell.
pub fn use_unread() -> Option<Unread> {
    use_context::<Unread>()
}

/// The bell: a link to the inbox at `href` with the unread count, polled while it is mounted (the
/// shells mount it only while someone is signed in).
#[component]
pub fn Bell(unread: Unread, href: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    unread.refresh();
    if let Ok(handle) = set_interval_with_handle(move || unread.refresh(), POLL_EVERY) {
        on_cleanup(move || handle.clear());
    }
    let focus = window_event_listener(leptos::ev::focus, move |_| unread.refresh());
    on_cleanup(move || focus.remove());
    let count = move || unread.count.get().unwrap_or(0);
    let label = move || {
        let n = count();
        if n > 0 { format!("{} ({n})", i18n.t("bell.label")) } else { i18n.t("bell.label").to_owned() }
    };
    view! {
        <a class="btn btn-ghost bell" href=href data-testid="bell" aria-label=label title=label
            style="position: relative; padding: 4px 8px; flex-shrink: 0;">
            <span aria-hidden="true">"🔔"</span>
            {move || (count() > 0).then(|| view! {
                <span class="badge bell-count" data-testid="bell-count"
                    style="background: var(--bad); color: #fff; padding: 0 6px; margin-left: 2px;">
                    {move || { let n = count(); if n > 99 { "99+".to_owned() } else { n.to_string() } }}
                </span>
            })}
        </a>
    }
}
