//! RFC 9457 problem details: every error the API returns has this shape.

use serde::{Deserialize, Serialize};

use crate::code_enum;

/// An error response (`application/problem+json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Problem {
    /// A URI naming the kind of problem (`about:blank` style, under `/problems/`).
    #[serde(rename = "type")]
    pub kind: String,
    /// Short human summary of the kind of problem.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong this time, for a human.
    pub detail: String,
    /// Stable machine-readable code; clients switch on this, never on text.
    pub code: ErrorCode,
    /// Every bad field of the request at once (一次告知); empty when the problem is not about fields.
    #[serde(default)]
    pub errors: Vec<FieldError>,
    /// For 409 on a state change: the actions the caller may take instead.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allowed: Vec<String>,
}

/// One bad field of a request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldError {
    /// JSON Pointer to the field in the request body (`/profile/households`), or the query parameter name.
    pub field: String,
    /// Stable code of the rule broken (`required`, `type`, `too_long`, `out_of_range`, `taken`, …).
    pub code: String,
    /// What is wrong, for a human.
    pub message: String,
}

code_enum! {
    /// The stable error codes of the API.
    pub enum ErrorCode {
        MalformedBody = "malformed_body",
        PayloadTooLarge = "payload_too_large",
        UnsupportedMediaType = "unsupported_media_type",
        ValidationFailed = "validation_failed",
        Unauthenticated = "unauthenticated",
        Forbidden = "forbidden",
        NotFound = "not_found",
        MethodNotAllowed = "method_not_allowed",
        Conflict = "conflict",
        InvalidTransition = "invalid_transition",
        IdempotencyKeyReused = "idempotency_key_reused",
        RateLimited = "rate_limited",
        Internal = "internal",
        /// A stored value the server cannot read (an unknown code in a row); logged with the row.
        StoredValueInvalid = "stored_value_invalid",
        Unavailable = "unavailable",
    }
}

impl ErrorCode {
    /// The HTTP status this code is always sent with.
    pub fn status(self) -> u16 {
        match self {
            Self::MalformedBody => 400,
            Self::Unauthenticated => 401,
            Self::Forbidden => 403,
            Self::NotFound => 404,
            Self::MethodNotAllowed => 405,
            Self::Conflict | Self::InvalidTransition => 409,
            Self::PayloadTooLarge => 413,
            Self::UnsupportedMediaType => 415,
            Self::ValidationFailed | Self::IdempotencyKeyReused => 422,
            Self::RateLimited => 429,
            Self::Internal | Self::StoredValueInvalid => 500,
            Self::Unavailable => 503,
        }
    }

    /// The `title` of problems with this code.
    pub fn title(self) -> &'static str {
        match self {
            Self::MalformedBody => "Malformed request body",
            Self::PayloadTooLarge => "Request body too large",
            Self::UnsupportedMediaType => "Unsupported media type",
            Self::ValidationFailed => "Validation failed",
            Self::Unauthenticated => "Authentication required",
            Self::Forbidden => "Forbidden",
            Self::NotFound => "Not found",
            Self::MethodNotAllowed => "Method not allowed",
            Self::Conflict => "Conflict",
            Self::InvalidTransition => "Action not allowed in this state",
            Self::IdempotencyKeyReused => "Idempotency key reused with another request",
            Self::RateLimited => "Too many requests",
            Self::Internal => "Internal error",
            Self::StoredValueInvalid => "Stored data could not be read",
            Self::Unavailable => "Service unavailable",
        }
    }
}
