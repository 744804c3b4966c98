//! `/m/sign-in`: residents sign up and sign in with their mobile number and a one-time code. A number
//! seen for the first time is asked for its community (grid optional) and a name — the server says so
//! by naming `/community_id`, and the same code still works for the second try.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use shared::{CodePurpose, FieldRule, SmsSignIn};

use crate::common::api;
use crate::common::form::{Field, FormState, FormSummary, field_error};
use crate::common::i18n::use_i18n;
use crate::common::session::{after_login, use_session};
use crate::mobile::account_endpoints;
use crate::mobile::code_sender::{CodeSender, typed_phone_and_code};
use crate::mobile::community_picker::CommunityPicker;

#[component]
pub fn ResidentSignInPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let query = use_query_map();
    let form = FormState::new();
    let phone = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let sent = RwSignal::new(false);
    let first_time = RwSignal::new(false);
    let community = RwSignal::new(None::<i64>);
    let grid = RwSignal::new(None::<i64>);
    let name = RwSignal::new(String::new());

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if form.busy.get_untracked() {
            return;
        }
        form.start();
        let (number, digits, mut bad) = typed_phone_and_code(i18n, phone, code);
        if first_time.get_untracked() && community.get_untracked().is_none() {
            bad.push(field_error("/community_id", FieldRule::Required, i18n.t(k!("account.pick_community"))));
        }
        if !bad.is_empty() {
            form.invalid(bad);
            return;
        }
        let display_name = Some(name.get_untracked().trim().to_owned()).filter(|n| !n.is_empty());
        let request =
            SmsSignIn { phone: number, code: digits, community_id: community.get_untracked(), grid_id: grid.get_untracked(), display_name };
        let navigate = navigate.clone();
        spawn_local(async move {
            let outcome = match account_endpoints::sign_in(request).await {
                Ok(()) => api::me().await,
                Err(e) => Err(e),
            };
            match outcome {
                Ok(me) => {
                    let role = me.user.role;
                    session.me.set(Some(me));
                    session.error.set(None);
                    form.done();
                    let next = query.try_with_untracked(|q| q.get("next")).flatten();
                    navigate(&after_login(next, Some(role)), NavigateOptions { replace: true, ..Default::default() });
                }
                // A new number: the server asks for the community first; the code is not used up.
                Err(e) if first_time.try_get_untracked() == Some(false) && e.field_errors().iter().any(|f| f.field == "/community_id") => {
                    form.done();
                    first_time.set(true);
                }
                Err(e) if e.status() == 401 => {
                    form.general.set(Some(i18n.t(k!("account.code_refused")).to_owned()));
                    form.done();
                }
                Err(e) => form.failed(i18n, &e),
            }
        });
    };

    view! {
        <main class="login">
            <form class="login-card m-form" on:submit=submit data-testid="sms-sign-in" novalidate>
                <div class="login-brand">
                    <span class="brand-mark" aria-hidden="true">"福"</span>
                    <h1>{move || i18n.t(k!("account.sign_in_title"))}</h1>
                </div>
                <p class="muted">{move || i18n.t(k!("account.sign_in_hint"))}</p>
                <Field label=k!("account.phone") pointer="/phone" form>
                    <input type="tel" inputmode="numeric" autocomplete="tel" maxlength="11" data-testid="phone"
                        prop:value=phone on:input=move |ev| phone.set(event_target_value(&ev))/>
                </Field>
                <CodeSender phone purpose=CodePurpose::SignIn form sent/>
                <Field label=k!("account.code") pointer="/code" form>
                    <input type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="6" data-testid="code"
                        prop:value=code on:input=move |ev| code.set(event_target_value(&ev))/>
                </Field>
                {move || first_time.get().then(|| view! {
                    <p class="notice" data-testid="first-time">{move || i18n.t(k!("account.first_time"))}</p>
                    <CommunityPicker community grid form/>
                    <Field label=k!("account.name") pointer="/display_name" form hint=k!("account.name_hint")>
                        <input type="text" maxlength="50" autocomplete="name" data-testid="display-name"
                            prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/>
                    </Field>
                })}
                <FormSummary form placed=&["/phone", "/code", "/community_id", "/grid_id", "/display_name"]/>
                <button type="submit" class="btn btn-primary btn-block btn-large" data-testid="sign-in-submit"
                    disabled=form.busy>
                    {move || if first_time.get() { i18n.t(k!("account.sign_up")) } else { i18n.t(k!("account.sign_in")) }}
                </button>
                <button type="button" class="btn btn-ghost btn-block" data-testid="locale-switch"
                    on:click=move |_| i18n.set_locale(i18n.locale().other())>
                    {move || i18n.t(k!("locale.other"))}
                </button>
                <a class="public-link" href="/login" data-testid="staff-login-link">{move || i18n.t(k!("account.staff_login"))}</a>
            </form>
        </main>
    }
}
