//! The one error type of the API, rendered as RFC 9457 problem+json with a stable `code`.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, ResponseError};
use sea_orm::{DbErr, SqlErr};
use shared::{ErrorCode, FieldError, Problem};

use crate::domain::field_errors::Invalid;
use crate::domain::scope::OutsideScope;
use crate::entities::stored::StoredValueInvalid;

/// Everything a handler can fail with. Each variant has exactly one status (see [`ErrorCode::status`]).
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("malformed request body: {0}")]
    MalformedBody(String),
    #[error("request body larger than {0} bytes")]
    PayloadTooLarge(usize),
    #[error("expected a JSON body (Content-Type: application/json)")]
    UnsupportedMediaType,
    #[error("{} field(s) are invalid", .0.len())]
    Validation(Vec<FieldError>),
    #[error("{0}")]
    Unauthenticated(&'static str),
    #[error("{0}")]
    Forbidden(String),
    #[error("{0} not found")]
    NotFound(&'static str),
    #[error("method not allowed here; allowed: {}", .0.join(", "))]
    MethodNotAllowed(Vec<String>),
    #[error("{0}")]
    Conflict(String),
    /// The lifecycle table has no such move; `allowed` lists what the caller may do instead.
    #[error("{detail}")]
    InvalidTransition { detail: String, allowed: Vec<String> },
    /// Outside a time window (a survey's answers); the window goes into the problem.
    #[error("this is open from {opens_at} to {closes_at}")]
    OutsideWindow { opens_at: chrono::DateTime<chrono::Utc>, closes_at: chrono::DateTime<chrono::Utc> },
    #[error("idempotency key was already used with a different request")]
    IdempotencyKeyReused,
    #[error("too many attempts; retry in {retry_after_secs} s")]
    RateLimited { retry_after_secs: u64 },
    #[error("{0}")]
    Unavailable(String),
    /// A row holds a code its enum does not know; logged with the row where it was read.
    #[error(transparent)]
    StoredValueInvalid(#[from] StoredValueInvalid),
    /// Anything we did not expect: logged with its cause chain, shown to the client as a bare 500.
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl ApiError {
    /// A validation failure of one field.
    pub fn field(field: &str, code: shared::FieldRule, message: impl Into<String>) -> Self {
        Self::Validation(vec![FieldError { field: field.into(), code, message: message.into() }])
    }

    pub fn code(&self) -> ErrorCode {
        match self {
            Self::MalformedBody(_) => ErrorCode::MalformedBody,
            Self::PayloadTooLarge(_) => ErrorCode::PayloadTooLarge,
            Self::UnsupportedMediaType => ErrorCode::UnsupportedMediaType,
            Self::Validation(_) => ErrorCode::ValidationFailed,
            Self::Unauthenticated(_) => ErrorCode::Unauthenticated,
            Self::Forbidden(_) => ErrorCode::Forbidden,
            Self::NotFound(_) => ErrorCode::NotFound,
            Self::MethodNotAllowed(_) => ErrorCode::MethodNotAllowed,
            Self::Conflict(_) => ErrorCode::Conflict,
            Self::InvalidTransition { .. } => ErrorCode::InvalidTransition,
            Self::OutsideWindow { .. } => ErrorCode::Conflict,
            Self::IdempotencyKeyReused => ErrorCode::IdempotencyKeyReused,
            Self::RateLimited { .. } => ErrorCode::RateLimited,
            Self::Unavailable(_) => ErrorCode::Unavailable,
            Self::StoredValueInvalid(_) => ErrorCode::StoredValueInvalid,
            Self::Unexpected(_) => ErrorCode::Internal,
        }
    }

    fn problem(&self) -> Problem {
        let code = self.code();
        let detail = match self {
            Self::Unexpected(_) => "An unexpected error occurred; it has been logged.".to_owned(),
            // The row and the value are in the log; the client learns only that stored data is bad.
            Self::StoredValueInvalid(_) => "A stored value could not be read; it has been logged.".to_owned(),
            other => other.to_string(),
        };
        let errors = match self {
            Self::Validation(errors) => errors.clone(),
            _ => Vec::new(),
        };
        let allowed = match self {
            Self::InvalidTransition { allowed, .. } => allowed.clone(),
            _ => Vec::new(),
        };
        let window = match self {
            Self::OutsideWindow { opens_at, closes_at } => Some(shared::TimeWindow { opens_at: *opens_at, closes_at: *closes_at }),
            _ => None,
        };
        Problem {
            window,
            kind: format!("/problems/{}", code.as_str()),
            title: code.title().to_owned(),
            status: code.status(),
            detail,
            code,
            errors,
            allowed,
        }
    }
}

impl From<DbErr> for ApiError {
    fn from(err: DbErr) -> Self {
        // A unique index is the last line of defence against races the service checks could not see.
        if let Some(SqlErr::UniqueConstraintViolation(_)) = err.sql_err() {
            return Self::Conflict("the record conflicts with an existing one; reload and retry".into());
        }
        Self::Unexpected(anyhow::Error::new(err).context("database error"))
    }
}

impl From<crate::policy::Refused> for ApiError {
    fn from(refused: crate::policy::Refused) -> Self {
        use crate::policy::Refused;
        match refused {
            denied @ (Refused::Denied { .. } | Refused::Unverified(_) | Refused::MissingScope(..)) => Self::Forbidden(denied.to_string()),
            Refused::NotFound(what) => Self::NotFound(what),
            Refused::Db(err) => err.into(),
            Refused::Stored(err) => err.into(),
        }
    }
}

impl From<OutsideScope> for ApiError {
    fn from(OutsideScope(what): OutsideScope) -> Self {
        Self::NotFound(what)
    }
}

impl From<Invalid> for ApiError {
    fn from(Invalid(errors): Invalid) -> Self {
        Self::Validation(errors)
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.code().status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    fn error_response(&self) -> HttpResponse {
        if let Self::Unexpected(err) = self {
            tracing::error!(error = ?err, "unexpected error");
        }
        let mut res = HttpResponse::build(self.status_code());
        res.content_type("application/problem+json");
        match self {
            Self::RateLimited { retry_after_secs } => {
                res.insert_header((header::RETRY_AFTER, retry_after_secs.to_string()));
            }
            Self::Unauthenticated(_) => {
                res.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
            }
            Self::MethodNotAllowed(methods) => {
                res.insert_header((header::ALLOW, methods.join(", ")));
            }
            _ => {}
        }
        res.json(self.problem())
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

/// The answer for a URL under `/api` that no route matches: a problem, never the dashboard's HTML.
pub async fn endpoint_not_found() -> Result<HttpResponse, ApiError> {
    Err(ApiError::NotFound("endpoint"))
}
