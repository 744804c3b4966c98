//! Form plumbing: field errors keyed by JSON pointer (`/name`, `/profile/households`), shown next to
//! the input they belong to, a summary line for whatever has no input of its own, and the submit + cancel buttons.

use leptos::prelude::*;
use shared::FieldError;

use crate::common::api::ApiError;
use crate::common::i18n::{I18n, use_i18n};
use crate::common::status::error_text;
use crate::messages::Key;

/// The state of one form submission. `Copy`: every field is a signal.
#[derive(Debug, Clone, Copy)]
pub struct FormState {
    pub errors: RwSignal<Vec<FieldError>>,
    /// A problem that is not about one field (forbidden, conflict, network…).
    pub general: RwSignal<Option<String>>,
    pub busy: RwSignal<bool>,
}

impl Default for FormState {
    fn default() -> Self {
        Self::new()
    }
}

impl FormState {
    pub fn new() -> Self {
        Self { errors: RwSignal::new(Vec::new()), general: RwSignal::new(None), busy: RwSignal::new(false) }
    }

    /// Clears the previous outcome and marks the form busy.
    pub fn start(&self) {
        self.errors.set(Vec::new());
        self.general.set(None);
        self.busy.set(true);
    }

    /// Shows client-side check failures (same shape as the server's).
    pub fn invalid(&self, errors: Vec<FieldError>) {
        self.errors.set(errors);
        self.busy.set(false);
    }

    /// Shows an API failure: field errors by their pointers, the rest as the summary.
    pub fn failed(&self, i18n: I18n, error: &ApiError) {
        self.errors.set(error.field_errors().to_vec());
        self.general.set(Some(error_text(i18n, error)));
        self.busy.set(false);
    }

    pub fn done(&self) {
        self.busy.set(false);
    }

    /// The message for the field at `pointer`, in the current locale. Tracked.
    pub fn error_at(&self, i18n: I18n, pointer: &str) -> Option<String> {
        self.errors.with(|errors| {
            let found = errors.iter().filter(|e| e.field == pointer).map(|e| field_message(i18n, e));
            let joined = found.collect::<Vec<_>>().join("；");
            (!joined.is_empty()).then_some(joined)
        })
    }

    /// Errors whose pointer no input of this form shows (e.g. `/` or a field the form lacks).
    pub fn unplaced(&self, i18n: I18n, placed: &[&str]) -> Vec<String> {
        self.errors.with(|errors| {
            errors
                .iter()
                .filter(|e| !placed.contains(&e.field.as_str()))
                .map(|e| format!("{}: {}", e.field, field_message(i18n, e)))
                .collect()
        })
    }
}

/// Scrolls the first field marked invalid inside `form_selector` into view (long forms on a phone),
/// or the summary when no field is marked, once the errors have been rendered.
pub fn reveal_first_error(form_selector: &'static str) {
    leptos::prelude::request_animation_frame(move || {
        let document = web_sys::window().and_then(|w| w.document());
        let first = |selector: String| document.as_ref().and_then(|d| d.query_selector(&selector).ok().flatten());
        let found = first(format!("{form_selector} .invalid")).or_else(|| first(format!("{form_selector} .form-summary")));
        if let Some(element) = found {
            element.scroll_into_view();
        }
    });
}

/// The rule's name in Chinese when it is a known code, else the server's English message.
fn field_message(i18n: I18n, error: &FieldError) -> String {
    i18n.field_rule(error.code).map_or_else(|| error.message.clone(), str::to_owned)
}

/// The `Idempotency-Key` of a form that creates something. Sending the same body again (a retry after
/// an answer that never came) reuses the key, so the server creates one record; a changed body gets a
/// fresh key, as does the next record once [`AttemptKey::forget`] was called after a success.
pub struct AttemptKey<B: Send + Sync + 'static>(StoredValue<Option<(B, String)>>);

impl<B: Send + Sync + 'static> Clone for AttemptKey<B> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<B: Send + Sync + 'static> Copy for AttemptKey<B> {}

impl<B: PartialEq + Clone + Send + Sync + 'static> AttemptKey<B> {
    pub fn new() -> Self {
        Self(StoredValue::new(None))
    }

    /// The key to send `body` with, remembered with it.
    pub fn key_for(self, body: &B) -> String {
        self.key_or(body, crate::common::api::idempotency_key)
    }

    fn key_or(self, body: &B, fresh: impl FnOnce() -> String) -> String {
        let key = match self.0.get_value() {
            Some((sent, key)) if &sent == body => key,
            _ => fresh(),
        };
        self.0.set_value(Some((body.clone(), key.clone())));
        key
    }

    /// After a success: the next body, even an identical one, is a new record.
    pub fn forget(self) {
        self.0.set_value(None);
    }
}

/// A client-side field error in the server's shape.
pub fn field_error(pointer: &str, code: shared::FieldRule, message: &str) -> FieldError {
    FieldError { field: pointer.to_owned(), code, message: message.to_owned() }
}

/// Label + input + the error for `pointer` under it.
#[component]
pub fn Field(
    label: Key,
    pointer: &'static str,
    form: FormState,
    /// A key, or an `Option` of one for a hint some states of the form leave out.
    #[prop(optional, into)]
    hint: MaybeProp<Key>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = move || form.error_at(i18n, pointer);
    view! {
        <label class="field" class:invalid=move || error().is_some() data-field=pointer>
            <span class="field-label">{move || i18n.t(label)}</span>
            {children()}
            {move || hint.get().map(|h| view! { <span class="field-hint">{move || i18n.t(h)}</span> })}
            <span class="field-error" data-testid="field-error">{error}</span>
        </label>
    }
}

/// The form's summary: the general problem and any error without an input of its own.
#[component]
pub fn FormSummary(form: FormState, placed: &'static [&'static str]) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let general = form.general.get();
        let rest = form.unplaced(i18n, placed);
        (general.is_some() || !rest.is_empty()).then(|| {
            view! {
                <div class="form-summary" role="alert" data-testid="form-error">
                    {general.map(|g| view! { <p>{g}</p> })}
                    <ul>{rest.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
                </div>
            }
        })
    }
}

/// Like [`Field`] for inputs made of several controls (radio lists, star buttons, item lists): a
/// group rather than a `<label>`, which may hold one control only.
#[component]
pub fn FieldGroup(
    label: Key,
    pointer: &'static str,
    form: FormState,
    #[prop(optional)] hint: Option<Key>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = move || form.error_at(i18n, pointer);
    view! {
        <div class="field" role="group" class:invalid=move || error().is_some() data-field=pointer>
            <span class="field-label">{move || i18n.t(label)}</span>
            {children()}
            {hint.map(|h| view! { <span class="field-hint">{move || i18n.t(h)}</span> })}
            <span class="field-error" data-testid="field-error">{error}</span>
        </div>
    }
}

/// Submit + cancel, disabled while the request runs.
#[component]
pub fn FormButtons(form: FormState, on_cancel: Callback<()>, submit_key: Key) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="form-buttons">
            <button type="submit" class="btn btn-primary" disabled=form.busy data-testid="form-submit">
                {move || if form.busy.get() { i18n.t(k!("state.saving")) } else { i18n.t(submit_key) }}
            </button>
            <button type="button" class="btn btn-ghost" on:click=move |_| on_cancel.run(()) data-testid="form-cancel">
                {move || i18n.t(k!("action.cancel"))}
            </button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::AttemptKey;

    #[test]
    fn a_resent_body_keeps_its_key_and_a_changed_or_forgotten_one_gets_a_new_one() {
        let attempt = AttemptKey::<String>::new();
        let mut made = 0;
        let mut fresh = || {
            made += 1;
            format!("k{made}")
        };
        let first = attempt.key_or(&"a".to_owned(), &mut fresh);
        assert_eq!(attempt.key_or(&"a".to_owned(), &mut fresh), first, "a retry of the same body");
        let changed = attempt.key_or(&"b".to_owned(), &mut fresh);
        assert_ne!(changed, first, "another body");
        attempt.forget();
        assert_ne!(attempt.key_or(&"b".to_owned(), &mut fresh), changed, "the next record after a success");
    }
}
