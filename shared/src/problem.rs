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
    /// For 409 outside a time window (a survey's): when it opens and closes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<TimeWindow>,
}

/// A time window, half-open: from `opens_at` up to `closes_at`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TimeWindow {
    pub opens_at: chrono::DateTime<chrono::Utc>,
    pub closes_at: chrono::DateTime<chrono::Utc>,
}

/// One bad field of a request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldError {
    /// JSON Pointer to the field in the request body (`/profile/households`), or the query parameter name.
    pub field: String,
    /// Stable code of the rule broken; clients switch on it, never on the message.
    pub code: FieldRule,
    /// What is wrong, for a human.
    pub message: String,
}

code_enum! {
    /// Every rule a field of a request can break: the `code` of a [`FieldError`]. One list, so the
    /// spec names them all and a client can label each one.
    pub enum FieldRule {
        // Broken against the request's schema (checked before any rule of the domain).
        /// A required field is missing.
        Required = "required",
        /// A field the schema does not have.
        UnknownField = "unknown_field",
        /// The value has the wrong JSON type (a string for a number, …).
        Type = "type",
        /// Not one of the allowed values.
        InvalidValue = "invalid_value",
        TooShort = "too_short",
        TooLong = "too_long",
        /// A number, date or count outside its allowed range.
        OutOfRange = "out_of_range",
        /// Breaks the field's pattern or format (phone, date, URL, …).
        InvalidFormat = "invalid_format",
        /// Unreadable for another reason; the message says why.
        Invalid = "invalid",
        // Broken against the domain's rules.
        /// Exactly one of several fields is required.
        RequiredOne = "required_one",
        /// Only one of several fields may be given.
        OneOf = "one_of",
        /// Refers to a record that does not exist (or that the caller cannot see).
        NotFound = "not_found",
        /// Refers to a record of the wrong kind (a street where a community is needed, …).
        WrongKind = "wrong_kind",
        /// A code that does not start with its parent's code.
        MismatchParent = "mismatch_parent",
        /// A parent of a level this kind of area cannot sit under.
        InvalidParent = "invalid_parent",
        /// Already used by another record (a username, a code).
        Taken = "taken",
        /// The same value twice in one request.
        Duplicate = "duplicate",
        /// Clashes with the record's current state.
        Conflict = "conflict",
        /// Not allowed for this caller or this record.
        NotAllowed = "not_allowed",
        /// Does not apply to this kind of record (an at-home field for an online service, …).
        NotApplicable = "not_applicable",
        /// Outside the caller's area or the record's area.
        OutOfArea = "out_of_area",
        /// Refers to a value that is not the current one (stale, or none is current).
        NotCurrent = "not_current",
        Negative = "negative",
        NotPositive = "not_positive",
        /// A date in the future where only the past makes sense.
        Future = "future",
        /// A date before the start it must follow.
        BeforeStart = "before_start",
        /// Overlaps another entry (time slots, periods).
        Overlap = "overlap",
        /// A numerator larger than its denominator.
        ExceedsDenominator = "exceeds_denominator",
        /// The platform computes this value; it cannot be reported.
        Computed = "computed",
        /// Derived from other values; it cannot be set.
        Derived = "derived",
        /// An informational indicator: it takes no target.
        Informational = "informational",
        /// Not an item of the catalogue where an item is needed.
        NotAnItem = "not_an_item",
        /// A password too easy to guess.
        Weak = "weak",
        /// An event no endpoint can subscribe to.
        UnknownEvent = "unknown_event",
        /// A table that cannot be imported.
        NotImportable = "not_importable",
        TooManyRows = "too_many_rows",
        /// Selects more records than one export holds; narrow the filters.
        TooMany = "too_many",
        /// An imported sheet without rows.
        Empty = "empty",
        /// An imported sheet whose header is not the template's.
        NotTheTemplate = "not_the_template",
        /// A name that matches several records; rename one first.
        Ambiguous = "ambiguous",
        // Why a service cannot take a need (dispatch through a service).
        /// The service does not serve the need's category.
        Category = "category",
        /// The resident is not in the service's target groups or ages.
        Eligibility = "eligibility",
        /// The service has no places left this week.
        Full = "full",
        /// The service has no account to receive the need.
        NoAccount = "no_account",
        /// A spend would take an account below its floor (points below 0, time past the overdraft).
        InsufficientBalance = "insufficient_balance",
        /// More than the per-person limit of a shop item (每人限兑).
        LimitReached = "limit_reached",
        /// A pick-up code that is not the order's, or a check-in code that is not the activity's.
        WrongCode = "wrong_code",
        /// A code that was right once but is no longer current (an activity's check-in code).
        Expired = "expired",
    }
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
