//! A value the server keeps and the dashboard polls while a component shows it — the bell's unread
//! count, the menu's work counts: asked every [`POLL_EVERY`] and whenever the window gets the focus
//! back, quietly (a failed poll keeps the last value), and a late answer to an older request is
//! dropped so it cannot overwrite a newer one.

use std::time::Duration;

use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::common::api;

/// How often a polled value is asked for.
pub const POLL_EVERY: Duration = Duration::from_secs(30);

/// One polled value. `Copy`: only signals and a function pointer inside.
pub struct Polled<T: Send + Sync + 'static> {
    /// `None` until the first answer.
    pub value: RwSignal<Option<T>>,
    /// Bumped by every request so a late answer to an older one is dropped.
    generation: StoredValue<u64>,
    fetch: fn() -> LocalBoxFuture<'static, Option<T>>,
}

impl<T: Send + Sync + 'static> Clone for Polled<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Polled<T> {}

impl<T: Send + Sync + 'static> Polled<T> {
    /// A value read by `fetch` (`None` when the request failed).
    pub fn new(fetch: fn() -> LocalBoxFuture<'static, Option<T>>) -> Self {
        Self { value: RwSignal::new(None), generation: StoredValue::new(0), fetch }
    }

    /// Asks the server again, while someone is signed in.
    pub fn refresh(self) {
        if !api::has_tokens() {
            return;
        }
        self.generation.update_value(|g| *g += 1);
        let generation = self.generation.get_value();
        spawn_local(async move {
            if let Some(value) = (self.fetch)().await
                && self.generation.try_get_value() == Some(generation)
            {
                self.value.set(Some(value));
            }
        });
    }

    /// Asks now, then every [`POLL_EVERY`] and on focus, until the calling component unmounts.
    pub fn poll_while_mounted(self) {
        self.refresh();
        if let Ok(handle) = set_interval_with_handle(move || self.refresh(), POLL_EVERY) {
            on_cleanup(move || handle.clear());
        }
        let focus = window_event_listener(leptos::ev::focus, move |_| self.refresh());
        on_cleanup(move || focus.remove());
    }
}
