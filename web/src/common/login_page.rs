//! Sign-in page: username and password, with a clear message for wrong credentials and for too many
//! attempts.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use shared::ErrorCode;

use crate::common::api::{self, ApiError};
use crate::common::i18n::use_i18n;
use crate::common::session::{after_login, use_session};
use crate::common::status::error_text;

#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let query = use_query_map();
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let (user, pass) = (username.get_untracked().trim().to_owned(), password.get_untracked());
        if user.is_empty() || pass.is_empty() {
            error.set(Some(i18n.t(k!("login.missing")).to_owned()));
            return;
        }
        busy.set(true);
        error.set(None);
        let navigate = navigate.clone();
        spawn_local(async move {
            let outcome = match api::login(user, pass).await {
                Ok(()) => api::me().await.map(|me| {
                    let role = me.user.role;
                    session.me.set(Some(me));
                    role
                }),
                Err(e) => Err(e),
            };
            busy.set(false);
            match outcome {
                Ok(role) => {
                    password.set(String::new());
                    session.error.set(None);
                    let next = query.try_with_untracked(|q| q.get("next")).flatten();
                    navigate(&after_login(next, Some(role)), NavigateOptions { replace: true, ..Default::default() });
                }
                Err(e) => error.set(Some(login_error(i18n, &e))),
            }
        });
    };

    view! {
        <main class="login">
            <form class="login-card" on:submit=submit data-testid="login-form">
                <div class="login-brand">
                    <span class="brand-mark" aria-hidden="true">"福"</span>
                    <h1>{move || i18n.t(k!("app.name"))}</h1>
                </div>
                <p class="muted">{move || i18n.t(k!("login.subtitle"))}</p>
                <label class="field">
                    <span class="field-label">{move || i18n.t(k!("login.username"))}</span>
                    <input type="text" name="username" autocomplete="username" required
                        data-testid="login-username"
                        prop:value=username on:input=move |ev| username.set(event_target_value(&ev))/>
                </label>
                <label class="field">
                    <span class="field-label">{move || i18n.t(k!("login.password"))}</span>
                    <input type="password" name="password" autocomplete="current-password" required
                        data-testid="login-password"
                        prop:value=password on:input=move |ev| password.set(event_target_value(&ev))/>
                </label>
                {move || error.get().map(|e| view! {
                    <p class="form-summary" role="alert" data-testid="login-error">{e}</p>
                })}
                <button type="submit" class="btn btn-primary btn-block" data-testid="login-submit"
                    disabled=busy>
                    {move || if busy.get() { i18n.t(k!("login.busy")) } else { i18n.t(k!("login.submit")) }}
                </button>
                <button type="button" class="btn btn-ghost btn-block" data-testid="locale-switch"
                    on:click=move |_| i18n.set_locale(i18n.locale().other())>
                    {move || i18n.t(k!("locale.other"))}
                </button>
                <a class="btn btn-block" href=move || match query.with(|q| q.get("next")) {
                    Some(next) => format!("/m/sign-in?next={}", String::from(js_sys::encode_uri_component(&next))),
                    None => "/m/sign-in".to_owned(),
                } data-testid="resident-sign-in-link">
                    {move || i18n.t(k!("account.resident_link"))}
                </a>
                <a class="public-link" href="/public/programs" data-testid="public-link">
                    {move || i18n.t(k!("public.link"))}
                </a>
            </form>
        </main>
    }
}

fn login_error(i18n: crate::common::i18n::I18n, error: &ApiError) -> String {
    match error.code() {
        Some(ErrorCode::Unauthenticated) => i18n.t(k!("login.bad_credentials")).to_owned(),
        Some(ErrorCode::RateLimited) => i18n.t(k!("login.rate_limited")).to_owned(),
        _ if error.status() == 401 => i18n.t(k!("login.bad_credentials")).to_owned(),
        _ if error.status() == 429 => i18n.t(k!("login.rate_limited")).to_owned(),
        _ => error_text(i18n, error),
    }
}
