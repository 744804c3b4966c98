//! A need's contact on its detail page. The name and phone arrive masked for everyone but the resident
//! themself; whoever handles the need reveals them with one button (the server records who saw whose
//! contact, when), and a phone shown in full is a `tel:` link, so a tap on a phone calls the resident.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{Id, NeedContact};

use crate::common::api::{ApiError, ApiResult, send_json};
use crate::common::i18n::use_i18n;
use crate::common::status::error_text;

/// POST /needs/{id}/contact/reveal: the contact in full, audited.
pub async fn reveal_contact(id: Id) -> ApiResult<NeedContact> {
    send_json(gloo_net::http::Method::POST, &format!("/needs/{id}/contact/reveal"), &serde_json::json!({})).await
}

/// The API masks with asterisks (`138****5678`, `王*`); a real name or number has none.
fn is_masked(value: &str) -> bool {
    value.contains('*')
}

/// The contact's `<dt>/<dd>` rows inside the need's facts, with the reveal button while masked.
#[component]
pub fn ContactRows(need_id: Id, name: Option<String>, phone: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let masked = name.as_deref().is_some_and(is_masked) || phone.as_deref().is_some_and(is_masked);
    let contact = RwSignal::new((name.filter(|n| !n.is_empty()), phone.filter(|p| !p.is_empty())));
    let revealed = RwSignal::new(!masked);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let reveal = move |_| {
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match reveal_contact(need_id).await {
                Ok(c) => {
                    contact.set((c.contact_name, c.contact_phone));
                    revealed.set(true);
                }
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    let phone_view = move || {
        contact.get().1.map(|p| {
            if revealed.get() {
                view! { <a href=format!("tel:{p}") class="tel" data-testid="contact-phone-call">{p.clone()}</a> }.into_any()
            } else {
                view! { <span data-testid="contact-phone-masked">{p}</span> }.into_any()
            }
        })
    };
    view! {
        {move || contact.get().0.map(|n| view! {
            <dt>{move || i18n.t(k!("need.contact"))}</dt>
            <dd data-testid="contact-name">{n}</dd>
        })}
        {move || contact.get().1.is_some().then(|| view! {
            <dt>{move || i18n.t(k!("need.contact_phone"))}</dt>
            <dd data-testid="contact-phone">
                {phone_view}
                {move || (!revealed.get()).then(|| view! {
                    " "
                    <button type="button" class="btn btn-small" data-testid="contact-reveal"
                        disabled=move || busy.get() on:click=reveal>
                        {move || i18n.t(k!("need.contact_reveal"))}
                    </button>
                })}
                {move || error.get().map(|e| view! { <span class="field-error" role="alert">{error_text(i18n, &e)}</span> })}
            </dd>
        })}
    }
}

#[cfg(test)]
mod tests {
    use super::is_masked;

    #[test]
    fn masked_values_are_told_from_real_ones_by_their_asterisks() {
        assert!(is_masked("138****5678"));
        assert!(is_masked("王*"));
        assert!(!is_masked("13812345678"));
    }
}
