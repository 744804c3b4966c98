//! The one-time secret of a client just registered or rotated: a copyable box with a clear warning
//! that it will not be shown again. It lives only in the page's memory, never in storage, so a
//! reload loses it for good — as the server, which keeps only its hash, intends.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::common::format::local_time;
use crate::common::i18n::{tr, use_i18n};

/// Copy state of the button.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Copied {
    Not,
    Yes,
    Failed,
}

/// The secret, once. `grace_until`: after a rotation, until when the old secret still works.
#[component]
pub fn SecretBox(secret: String, grace_until: Option<DateTime<Utc>>, on_done: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let copied = RwSignal::new(Copied::Not);
    let text = StoredValue::new(secret.clone());
    let copy = move |_| {
        copied.set(if write_clipboard(&text.get_value()) { Copied::Yes } else { Copied::Failed });
    };
    view! {
        <section class="panel" role="alert" data-testid="client-secret-box">
            <h3>{tr(k!("client.secret_title"))}</h3>
            <p class="form-summary" data-testid="client-secret-warning">{tr(k!("client.secret_warning"))}</p>
            <div class="toolbar" style="margin-top: 10px">
                <input type="text" readonly class="mono" data-testid="client-secret" aria-label=tr(k!("client.secret_title"))
                    style="flex: 1 1 220px; min-width: 0" prop:value=secret
                    on:focus=move |ev| select_all(&ev)/>
                <button type="button" class="btn" data-testid="client-secret-copy" on:click=copy>
                    {move || if copied.get() == Copied::Yes { i18n.t(k!("client.copied")) } else { i18n.t(k!("client.copy")) }}
                </button>
            </div>
            {move || (copied.get() == Copied::Failed).then(|| view! { <p class="small muted">{tr(k!("client.copy_failed"))}</p> })}
            {grace_until.map(|until| view! {
                <p class="small" data-testid="client-grace">{tr(k!("client.grace_until"))}<strong>{local_time(&until)}</strong></p>
            })}
            <div class="form-buttons">
                <button type="button" class="btn btn-primary" data-testid="client-secret-done" on:click=move |_| on_done.run(())>
                    {tr(k!("client.secret_done"))}
                </button>
            </div>
        </section>
    }
}

/// Selects the input's text, so copying by hand is one keystroke.
fn select_all(ev: &leptos::ev::FocusEvent) {
    if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
        input.select();
    }
}

/// `navigator.clipboard.writeText(text)`, looked up at run time (no extra web-sys bindings); false
/// where the browser offers no clipboard (plain http on another host, an old browser).
fn write_clipboard(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let get = |target: &JsValue, key: &str| js_sys::Reflect::get(target, &JsValue::from_str(key)).ok().filter(|v| !v.is_undefined());
    let Some(clipboard) = get(&window, "navigator").and_then(|n| get(&n, "clipboard")) else { return false };
    let Some(write) = get(&clipboard, "writeText").and_then(|f| f.dyn_into::<js_sys::Function>().ok()) else { return false };
    write.call1(&clipboard, &JsValue::from_str(text)).is_ok()
}
