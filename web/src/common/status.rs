//! Loading, empty and error states, so every page says what is going on in the same way.

use std::future::Future;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::common::api::{ApiError, ApiResult};
use crate::common::i18n::{I18n, use_i18n};
use crate::messages::Key;
use shared::ErrorCode;

/// A quiet "loading…" line.
#[component]
pub fn Loading() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="state state-loading" role="status" data-testid="loading">
            <span class="spinner" aria-hidden="true"></span>
            {move || i18n.t(k!("state.loading"))}
        </div>
    }
}

/// "Nothing here" with a reason, e.g. `state.no_users`.
#[component]
pub fn Empty(key: Key) -> impl IntoView {
    let i18n = use_i18n();
    view! { <div class="state state-empty" data-testid="empty">{move || i18n.t(key)}</div> }
}

/// A failed load, with a retry button when the caller can retry — but not for "not found": asking
/// again for a record that is not there (or outside the caller's scope) gives the same answer.
#[component]
pub fn ErrorBox(error: ApiError, #[prop(optional)] on_retry: Option<Callback<()>>) -> impl IntoView {
    let i18n = use_i18n();
    let on_retry = on_retry.filter(|_| !is_not_found(&error));
    let detail = error.detail();
    let message = {
        let error = error.clone();
        move || error_text(i18n, &error)
    };
    view! {
        <div class="state state-error" role="alert" data-testid="error"
            data-not-found=is_not_found(&error).then_some("true")>
            <span title=detail>{message}</span>
            {on_retry.map(|retry| view! {
                <button type="button" class="btn btn-small" on:click=move |_| retry.run(())>
                    {move || i18n.t(k!("action.retry"))}
                </button>
            })}
        </div>
    }
}

/// Reads a record again after a conflict (409) while an action form is open. The answer replaces
/// what `shown` holds only when it arrived, so a failed reload leaves the page as it was and the
/// form says what went wrong.
pub fn reload_quietly<T: 'static>(shown: LocalResource<ApiResult<T>>, fetch: impl Future<Output = ApiResult<T>> + 'static) {
    spawn_local(async move {
        if let Ok(fresh) = fetch.await {
            shown.set(Some(Ok(fresh)));
        }
    });
}

/// Whether the API said the record does not exist (for this caller).
pub fn is_not_found(error: &ApiError) -> bool {
    error.code() == Some(ErrorCode::NotFound) || error.status() == 404
}

/// A user-facing sentence for an API failure, in the current locale.
pub fn error_text(i18n: I18n, error: &ApiError) -> String {
    let key = match error {
        ApiError::Network(_) => k!("error.network"),
        ApiError::Unexpected { status: 401, .. } => k!("error.unauthenticated"),
        ApiError::Unexpected { .. } => k!("error.unexpected"),
        ApiError::Problem(p) => match p.code {
            ErrorCode::Unauthenticated => k!("error.unauthenticated"),
            ErrorCode::Forbidden => k!("error.forbidden"),
            ErrorCode::NotFound => k!("error.not_found"),
            ErrorCode::RateLimited => k!("error.rate_limited"),
            ErrorCode::ValidationFailed | ErrorCode::MalformedBody => k!("error.validation"),
            ErrorCode::Conflict | ErrorCode::InvalidTransition => k!("error.conflict"),
            ErrorCode::Unavailable => k!("error.unavailable"),
            _ => k!("error.unexpected"),
        },
    };
    let text = i18n.t(key);
    match error {
        // The server's own sentence says which conflict it was.
        ApiError::Problem(p) if matches!(p.code, ErrorCode::Conflict | ErrorCode::InvalidTransition) => {
            format!("{text}: {}", p.detail)
        }
        _ => text.to_owned(),
    }
}
