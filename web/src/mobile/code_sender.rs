//! The "send me a code" button shared by sign-in and phone change: the number is checked in place
//! (mainland format) before anything is sent; after sending, the button counts down to when another
//! code may be asked for — the server's `resend_after`, or its `Retry-After` when it refused.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{CodePurpose, FieldError, FieldRule, is_mainland_mobile};

use crate::common::form::{FormState, field_error};
use crate::common::i18n::{I18n, use_i18n};
use crate::mobile::account_endpoints::{SendRefused, send_code};

/// Seconds left before another code may be sent, ticking down while mounted.
fn countdown() -> RwSignal<u32> {
    let left = RwSignal::new(0u32);
    if let Ok(handle) = set_interval_with_handle(move || left.update(|s| *s = s.saturating_sub(1)), Duration::from_secs(1)) {
        on_cleanup(move || handle.clear());
    }
    left
}

/// Whether `code` looks like a one-time code (six digits).
pub fn code_ok(code: &str) -> bool {
    code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit())
}

/// The number and code as typed (trimmed), and what is wrong with either, both at once.
pub fn typed_phone_and_code(i18n: I18n, phone: RwSignal<String>, code: RwSignal<String>) -> (String, String, Vec<FieldError>) {
    let (number, digits) = (phone.get_untracked().trim().to_owned(), code.get_untracked().trim().to_owned());
    let mut bad = Vec::new();
    if !is_mainland_mobile(&number) {
        bad.push(field_error("/phone", FieldRule::InvalidFormat, i18n.t(k!("account.phone_format"))));
    }
    if !code_ok(&digits) {
        bad.push(field_error("/code", FieldRule::InvalidFormat, i18n.t(k!("account.code_format"))));
    }
    (number, digits, bad)
}

/// Checks `phone` in place; on a bad number marks `/phone` and answers `false`.
pub fn phone_ok(i18n: I18n, form: FormState, phone: &str) -> bool {
    if is_mainland_mobile(phone) {
        return true;
    }
    form.invalid(vec![field_error("/phone", FieldRule::InvalidFormat, i18n.t(k!("account.phone_format")))]);
    false
}

/// The button; `sent` becomes true once a code went out.
#[component]
pub fn CodeSender(phone: RwSignal<String>, purpose: CodePurpose, form: FormState, sent: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let left = countdown();
    let sending = RwSignal::new(false);
    let status = RwSignal::new(None::<String>);
    let send = move |_| {
        if sending.get_untracked() || left.get_untracked() > 0 {
            return;
        }
        form.start();
        form.done();
        let number = phone.get_untracked().trim().to_owned();
        if !phone_ok(i18n, form, &number) {
            return;
        }
        sending.set(true);
        status.set(None);
        spawn_local(async move {
            match send_code(number, purpose).await {
                Ok(answer) => {
                    sent.set(true);
                    left.set(u32::try_from(answer.resend_after.max(0)).unwrap_or(60));
                    status.set(Some(format!(
                        "{} {} {}",
                        i18n.t(k!("account.code_sent")),
                        answer.expires_in / 60,
                        i18n.t(k!("account.minutes"))
                    )));
                }
                Err(SendRefused::TooSoon(wait)) => {
                    left.set(wait);
                    status.set(Some(format!("{} {wait} {}", i18n.t(k!("account.too_soon")), i18n.t(k!("account.seconds")))));
                }
                Err(SendRefused::Failed(e)) => form.failed(i18n, &e),
            }
            // The page may have been left meanwhile.
            sending.try_set(false);
        });
    };
    let label = move || match (sending.get(), left.get()) {
        (true, _) => i18n.t(k!("account.sending")).to_owned(),
        (false, 0) if sent.get() => i18n.t(k!("account.resend")).to_owned(),
        (false, 0) => i18n.t(k!("account.send_code")).to_owned(),
        (false, n) => format!("{} ({n}{})", i18n.t(k!("account.resend")), i18n.t(k!("account.seconds_short"))),
    };
    let waiting = move || sending.get() || left.get() != 0;
    view! {
        <button type="button" class="btn" data-testid="send-code" on:click=send disabled=waiting>
            {label}
        </button>
        {move || status.get().map(|s| view! { <p class="muted" role="status" data-testid="code-status">{s}</p> })}
    }
}
