//! How an API call fails ([`ApiError`]), in a form the pages can show; re-exported from [`crate::common::api`].

use shared::{ErrorCode, FieldError, Problem};

/// Why a call failed, in a form the UI can show.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The server answered with a problem document (boxed: it is large and errors travel far).
    Problem(Box<Problem>),
    /// The server could not be reached (offline, DNS, CORS…).
    Network(String),
    /// The server answered something this client does not understand.
    Unexpected { status: u16, message: String },
}

impl ApiError {
    /// The stable code when the server sent one.
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            Self::Problem(p) => Some(p.code),
            _ => None,
        }
    }

    /// The HTTP status, 0 when no response arrived.
    pub fn status(&self) -> u16 {
        match self {
            Self::Problem(p) => p.status,
            Self::Network(_) => 0,
            Self::Unexpected { status, .. } => *status,
        }
    }

    /// The per-field errors (JSON pointers into the request body).
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            Self::Problem(p) => &p.errors,
            _ => &[],
        }
    }

    /// The server's human-readable explanation, if any.
    pub fn detail(&self) -> String {
        match self {
            Self::Problem(p) if !p.detail.is_empty() => p.detail.clone(),
            Self::Problem(p) => p.title.clone(),
            Self::Network(m) => m.clone(),
            Self::Unexpected { message, .. } => message.clone(),
        }
    }
}

/// Result of every API call.
pub type ApiResult<T> = Result<T, ApiError>;
