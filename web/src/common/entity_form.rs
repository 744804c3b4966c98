//! The scaffold of a form that creates or edits one record: the program, provider, person, space and
//! service forms, and the resident's need (which only creates). One place holds what they share:
//!
//! - a submit is ignored while the previous one is being saved;
//! - the form's own checks show their errors like the server's, and the first one scrolls into view;
//! - a new record goes out with an `Idempotency-Key` kept while the same body is resent
//!   ([`AttemptKey`]); an edit sends only what changed, and closes the form when nothing did;
//! - the save runs as an [`Action`]; the server's field errors land under their inputs;
//! - edits not yet saved are guarded: cancel, a link or closing the tab asks first.

use std::convert::Infallible;
use std::future::{Future, Ready};

use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use shared::{FieldError, Id};

use crate::common::api::ApiResult;
use crate::common::form::{AttemptKey, FormState, reveal_first_error};
use crate::common::i18n::{I18n, use_i18n};
use crate::common::unsaved::{confirm_leave, guard_unsaved};

/// What one save sends.
#[derive(Clone)]
enum Request<N, P> {
    /// A new record and its `Idempotency-Key`.
    Create(N, String),
    /// The changes to the record with this id.
    Update(Id, P),
}

/// A create/edit form's state: `N` is the new record's body, `P` the patch of an existing one.
/// `Copy`: every part is a handle.
pub struct EntityForm<N: Send + Sync + 'static, P: 'static> {
    /// Errors, the general problem and the busy flag, as every form has them.
    pub state: FormState,
    attempt: AttemptKey<N>,
    /// Edited since the form opened or was last saved.
    unsaved: RwSignal<bool>,
    save: Action<Request<N, P>, ()>,
    on_cancel: Callback<()>,
    selector: &'static str,
    i18n: I18n,
}

impl<N: Send + Sync + 'static, P: 'static> Clone for EntityForm<N, P> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<N: Send + Sync + 'static, P: 'static> Copy for EntityForm<N, P> {}

impl<N, P> EntityForm<N, P>
where
    N: PartialEq + Clone + Send + Sync + 'static,
    P: Clone + 'static,
{
    /// `selector` finds the `<form>`; `create` sends a new record with its key, `update` an existing
    /// record's changes; `on_saved` gets what the server stored, `on_cancel` runs when the user
    /// leaves the form (or saves an edit that changed nothing).
    pub fn new<T, C, CF, U, UF>(selector: &'static str, create: C, update: U, on_saved: Callback<T>, on_cancel: Callback<()>) -> Self
    where
        T: 'static,
        C: Fn(N, String) -> CF + 'static,
        CF: Future<Output = ApiResult<T>> + 'static,
        U: Fn(Id, P) -> UF + 'static,
        UF: Future<Output = ApiResult<T>> + 'static,
    {
        let i18n = use_i18n();
        let state = FormState::new();
        let attempt = AttemptKey::new();
        let unsaved = RwSignal::new(false);
        guard_unsaved(unsaved);
        let save = Action::new_local(move |request: &Request<N, P>| {
            let call: LocalBoxFuture<'static, ApiResult<T>> = match request.clone() {
                Request::Create(new, key) => Box::pin(create(new, key)),
                Request::Update(id, patch) => Box::pin(update(id, patch)),
            };
            async move {
                match call.await {
                    Ok(saved) => {
                        attempt.forget();
                        unsaved.set(false);
                        state.done();
                        on_saved.run(saved);
                    }
                    Err(e) => {
                        state.failed(i18n, &e);
                        reveal_first_error(selector);
                    }
                }
            }
        });
        Self { state, attempt, unsaved, save, on_cancel, selector, i18n }
    }

    /// Starts a submit; `false` (and nothing happens) while the previous one is still being saved.
    pub fn begin(self) -> bool {
        if self.state.busy.get_untracked() {
            return false;
        }
        self.state.start();
        true
    }

    /// The form's own checks failed: shows their errors, the first in view.
    pub fn invalid(self, errors: Vec<FieldError>) {
        self.state.invalid(errors);
        reveal_first_error(self.selector);
    }

    /// Sends a new record; a resend of the same body carries the same key.
    pub fn create(self, new: N) {
        let key = self.attempt.key_for(&new);
        self.save.dispatch_local(Request::Create(new, key));
    }

    /// Sends what changed in record `id`; closes the form when nothing did.
    pub fn update(self, id: Id, patch: P)
    where
        P: Default + PartialEq,
    {
        if patch == P::default() {
            self.state.done();
            self.unsaved.set(false);
            return self.on_cancel.run(());
        }
        self.save.dispatch_local(Request::Update(id, patch));
    }

    /// Marks the form edited (its `<form>`'s `input` handler: every control's edit bubbles there).
    pub fn edited(self) {
        self.unsaved.set(true);
    }

    /// Leaves the form, after asking when it holds unsaved edits.
    pub fn cancel(self) {
        if !self.unsaved.get_untracked() || confirm_leave(self.i18n) {
            self.unsaved.set(false);
            self.on_cancel.run(());
        }
    }
}

impl<N> EntityForm<N, Infallible>
where
    N: PartialEq + Clone + Send + Sync + 'static,
{
    /// A form that only creates, and whose page has no cancel of its own.
    pub fn creating<T, C, CF>(selector: &'static str, create: C, on_saved: Callback<T>) -> Self
    where
        T: 'static,
        C: Fn(N, String) -> CF + 'static,
        CF: Future<Output = ApiResult<T>> + 'static,
    {
        Self::new(selector, create, never_updates::<T>, on_saved, Callback::new(|()| ()))
    }
}

fn never_updates<T>(_: Id, never: Infallible) -> Ready<ApiResult<T>> {
    match never {}
}
