//! A list that loads page by page (`Page { items, next_cursor }`), with its loading/error/empty states.

use std::future::Future;

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::Page;

use crate::common::api::{ApiError, ApiResult};
use crate::common::i18n::use_i18n;
use crate::common::status::{Empty, ErrorBox, Loading};
use crate::messages::Key;

/// Items so far plus the cursor of the next page. `Copy`: every field is a signal.
pub struct Paged<T: Send + Sync + 'static> {
    pub items: RwSignal<Vec<T>>,
    pub next: RwSignal<Option<String>>,
    pub loading: RwSignal<bool>,
    pub error: RwSignal<Option<ApiError>>,
    /// At least one page has arrived since the last reset.
    pub loaded: RwSignal<bool>,
    /// Bumped by every load so a late answer to an outdated request is dropped.
    generation: StoredValue<u64>,
}

impl<T: Send + Sync + 'static> Clone for Paged<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Paged<T> {}

impl<T: Send + Sync + 'static> Default for Paged<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: Send + Sync + 'static> Paged<T> {
    pub fn new() -> Self {
        Self {
            items: RwSignal::new(Vec::new()),
            next: RwSignal::new(None),
            loading: RwSignal::new(false),
            error: RwSignal::new(None),
            loaded: RwSignal::new(false),
            generation: StoredValue::new(0),
        }
    }

    /// Loads the first page again, replacing what is shown.
    pub fn reload<F, Fut>(self, fetch: F)
    where
        F: FnOnce(Option<String>) -> Fut + 'static,
        Fut: Future<Output = ApiResult<Page<T>>> + 'static,
    {
        self.run(None, false, fetch);
    }

    /// Appends the next page, if there is one and nothing is loading.
    pub fn more<F, Fut>(self, fetch: F)
    where
        F: FnOnce(Option<String>) -> Fut + 'static,
        Fut: Future<Output = ApiResult<Page<T>>> + 'static,
    {
        let Some(cursor) = self.next.get_untracked() else {
            return;
        };
        if self.loading.get_untracked() {
            return;
        }
        self.run(Some(cursor), true, fetch);
    }

    fn run<F, Fut>(self, cursor: Option<String>, append: bool, fetch: F)
    where
        F: FnOnce(Option<String>) -> Fut + 'static,
        Fut: Future<Output = ApiResult<Page<T>>> + 'static,
    {
        self.generation.update_value(|g| *g += 1);
        let generation = self.generation.get_value();
        self.loading.set(true);
        self.error.set(None);
        spawn_local(async move {
            let result = fetch(cursor).await;
            if self.generation.try_get_value() != Some(generation) {
                return;
            }
            match result {
                Ok(page) => {
                    if append {
                        self.items.update(|items| items.extend(page.items));
                    } else {
                        self.items.set(page.items);
                    }
                    self.next.set(page.next_cursor);
                    self.loaded.set(true);
                }
                Err(e) => self.error.set(Some(e)),
            }
            self.loading.set(false);
        });
    }

    /// What goes under the rows: loading, error (with retry), empty, or the "load more" button.
    pub fn footer(self, empty_key: Key, on_more: Callback<()>, on_retry: Callback<()>) -> impl IntoView {
        let i18n = use_i18n();
        move || {
            if let Some(error) = self.error.get() {
                let retry = if self.loaded.get() { on_more } else { on_retry };
                return view! { <ErrorBox error on_retry=retry/> }.into_any();
            }
            if self.loading.get() {
                return view! { <Loading/> }.into_any();
            }
            if self.loaded.get() && self.items.with(Vec::is_empty) {
                return view! { <Empty key=empty_key/> }.into_any();
            }
            if self.next.with(Option::is_some) {
                return view! {
                    <button type="button" class="btn load-more" data-testid="load-more"
                        on:click=move |_| on_more.run(())>
                        {move || i18n.t(k!("action.load_more"))}
                    </button>
                }
                .into_any();
            }
            ().into_any()
        }
    }
}
