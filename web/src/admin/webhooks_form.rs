//! Register a webhook endpoint or change one: URL, signing secret (generated here on request, since
//! the API never shows it back), subscribed events, and — when editing — whether it is active.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{FieldRule, NewWebhook, Webhook, WebhookPatch};

use crate::admin::webhooks_endpoints as api;
use crate::admin::webhooks_events::EventPicks;
use crate::common::api::idempotency_key;
use crate::common::form::{Field, FieldGroup, FormButtons, FormState, FormSummary, field_error};
use crate::common::i18n::{tr, use_i18n};

const PLACED: [&str; 4] = ["/url", "/secret", "/events", "/active"];

/// `existing`: the endpoint to change; `None` registers a new one.
#[component]
pub fn WebhookForm(existing: Option<Webhook>, on_saved: Callback<Webhook>, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    let editing = existing.is_some();
    let original = StoredValue::new(existing.clone());
    let url = RwSignal::new(existing.as_ref().map(|w| w.url.clone()).unwrap_or_default());
    let secret = RwSignal::new(String::new());
    let events = RwSignal::new(existing.as_ref().map(|w| w.events.clone()).unwrap_or_default());
    let active = RwSignal::new(existing.as_ref().is_none_or(|w| w.active));
    // One key per form: a retried submission registers the endpoint once.
    let key = StoredValue::new(idempotency_key());

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.start();
        let url_text = url.get_untracked().trim().to_owned();
        let secret_text = secret.get_untracked();
        let mut errors = Vec::new();
        if !(url_text.starts_with("http://") || url_text.starts_with("https://")) {
            errors.push(field_error("/url", FieldRule::InvalidFormat, "an absolute http:// or https:// URL"));
        }
        let secret_len = secret_text.chars().count();
        if (!editing || secret_len > 0) && !(16..=128).contains(&secret_len) {
            errors.push(field_error("/secret", FieldRule::OutOfRange, "16 to 128 characters"));
        }
        if !errors.is_empty() {
            return form.invalid(errors);
        }
        let chosen = events.get_untracked();
        let before = original.get_value();
        spawn_local(async move {
            let saved = match &before {
                None => api::register_webhook(&NewWebhook { url: url_text, secret: secret_text, events: chosen }, &key.get_value()).await,
                Some(w) => {
                    let patch = WebhookPatch {
                        url: (url_text != w.url).then_some(url_text),
                        secret: (!secret_text.is_empty()).then_some(secret_text),
                        events: (chosen != w.events).then_some(chosen),
                        active: (active.get_untracked() != w.active).then_some(active.get_untracked()),
                    };
                    api::patch_webhook(w.id, &patch).await
                }
            };
            match saved {
                Ok(saved) => {
                    form.done();
                    on_saved.run(saved);
                }
                Err(e) => form.failed(i18n, &e),
            }
        });
    };

    view! {
        <form class="form panel" on:submit=submit data-testid="webhook-form" novalidate>
            <h3>{move || if editing { i18n.t(k!("webhook.edit")) } else { i18n.t(k!("webhook.register")) }}</h3>
            <FormSummary form placed=&PLACED/>
            <div class="grid-fields">
                <Field label=k!("webhook.url") pointer="/url" form hint=k!("webhook.url_hint")>
                    <input type="url" maxlength="500" data-testid="webhook-url" placeholder="https://"
                        prop:value=url on:input=move |ev| url.set(event_target_value(&ev))/>
                </Field>
                <FieldGroup label=k!("webhook.secret") pointer="/secret" form
                    hint=if editing { k!("webhook.secret_keep") } else { k!("webhook.secret_hint") }>
                    <div class="toolbar" style="margin: 0">
                        <input type="text" class="mono" maxlength="128" autocomplete="off" data-testid="webhook-secret"
                            aria-label=tr(k!("webhook.secret")) style="flex: 1 1 180px; min-width: 0"
                            prop:value=secret on:input=move |ev| secret.set(event_target_value(&ev))/>
                        <button type="button" class="btn btn-small" data-testid="webhook-secret-generate"
                            on:click=move |_| secret.set(random_secret())>
                            {tr(k!("webhook.generate"))}
                        </button>
                    </div>
                </FieldGroup>
                {editing.then(|| view! {
                    <Field label=k!("webhook.active") pointer="/active" form>
                        <span class="checkbox">
                            <input type="checkbox" data-testid="webhook-active" prop:checked=active
                                on:change=move |ev| active.set(event_target_checked(&ev))/>
                            {move || if active.get() { i18n.t(k!("webhook.active_yes")) } else { i18n.t(k!("webhook.active_no")) }}
                        </span>
                    </Field>
                })}
            </div>
            <FieldGroup label=k!("webhook.events") pointer="/events" form hint=k!("webhook.events_hint")>
                <EventPicks chosen=events/>
            </FieldGroup>
            <FormButtons form on_cancel submit_key=if editing { k!("action.save") } else { k!("webhook.register") }/>
        </form>
    }
}

/// 32 characters from the browser's crypto-grade random source when it has one.
fn random_secret() -> String {
    const ALPHABET: &[u8] = b"abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut bytes = [0u8; 32];
    let filled = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"crypto".into()).ok())
        .filter(|c| !c.is_undefined())
        .and_then(|crypto| {
            let array = js_sys::Uint8Array::new_with_length(32);
            let get = js_sys::Reflect::get(&crypto, &"getRandomValues".into()).ok()?;
            let get: js_sys::Function = wasm_bindgen::JsCast::dyn_into(get).ok()?;
            get.call1(&crypto, &array).ok()?;
            array.copy_to(&mut bytes);
            Some(())
        })
        .is_some();
    if !filled {
        for b in &mut bytes {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes.iter().map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char).collect()
}
