//! Field errors collected so a request reports every bad field at once (一次告知). The rules add to
//! a [`FieldErrors`] and end with [`Invalid`]; the HTTP edge turns that into a 422 problem
//! (`From<Invalid> for ApiError` in `error.rs`), so the rules never name an HTTP type.

use shared::{FieldError, FieldRule};

/// Collects field errors; [`FieldErrors::finish`] reports them all together.
#[derive(Debug, Default)]
pub struct FieldErrors(Vec<FieldError>);

/// Every field that broke a rule, as JSON pointers with codes and messages.
#[derive(Debug, thiserror::Error)]
#[error("{} field(s) are invalid", .0.len())]
pub struct Invalid(pub Vec<FieldError>);

impl FieldErrors {
    pub fn add(&mut self, field: &str, code: FieldRule, message: impl Into<String>) {
        self.0.push(FieldError { field: field.into(), code, message: message.into() });
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The pointers of the collected errors, in order (for tests and for mapping to import columns).
    pub fn pointers(&self) -> Vec<String> {
        self.0.iter().map(|e| e.field.clone()).collect()
    }

    /// `Ok(())` when nothing was added, else every collected error.
    pub fn finish(self) -> Result<(), Invalid> {
        if self.0.is_empty() { Ok(()) } else { Err(Invalid(self.0)) }
    }
}
