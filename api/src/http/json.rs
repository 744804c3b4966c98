//! `ValidJson<T>`: the JSON body extractor. It checks the body against `T`'s schema in the served
//! OpenAPI spec (through the [`Validators`] built from it at start-up) and reports every bad field at
//! once (一次告知) — so the spec and the server cannot disagree about what is valid.

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::StreamExt;
use futures_util::future::LocalBoxFuture;
use serde::de::DeserializeOwned;
use shared::{FieldError, FieldRule};
use utoipa::ToSchema;

use super::validators::registered;
use crate::error::ApiError;
use crate::state::AppState;

/// Reads a whole request body, refusing it (413) as soon as it passes `limit` bytes.
pub async fn read_limited<S, E>(payload: &mut S, declared_len: Option<usize>, limit: usize) -> Result<web::BytesMut, ApiError>
where
    S: futures_util::Stream<Item = Result<web::Bytes, E>> + Unpin,
    E: std::fmt::Display,
{
    if declared_len.is_some_and(|n| n > limit) {
        return Err(ApiError::PayloadTooLarge(limit));
    }
    let mut body = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| ApiError::MalformedBody(e.to_string()))?;
        if body.len() + chunk.len() > limit {
            return Err(ApiError::PayloadTooLarge(limit));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// The `Content-Length` a request declares, if any.
pub fn declared_length(req: &HttpRequest) -> Option<usize> {
    req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse().ok())
}

/// A request body that is well-formed JSON, valid against its schema, and deserialised.
pub struct ValidJson<T> {
    pub value: T,
    /// The body as sent, for idempotency fingerprints and audit.
    pub raw: serde_json::Value,
}

impl<T: DeserializeOwned + ToSchema + 'static> FromRequest for ValidJson<T> {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let limit = req.app_data::<web::Data<AppState>>().map_or(256 * 1024, |s| s.settings.server.body_limit);
        let is_json =
            req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).and_then(|v| v.split(';').next()).is_some_and(|v| {
                let v = v.trim().to_ascii_lowercase();
                v == "application/json" || (v.starts_with("application/") && v.ends_with("+json"))
            });
        let declared_len = declared_length(req);
        let validators = registered(req);
        let mut payload = payload.take();
        Box::pin(async move {
            let validators = validators?;
            if !is_json {
                return Err(ApiError::UnsupportedMediaType);
            }
            let body = read_limited(&mut payload, declared_len, limit).await?;
            let mut raw: serde_json::Value = serde_json::from_slice(&body).map_err(|e| ApiError::MalformedBody(e.to_string()))?;
            // Before the schema: the validator does not count `5.0` as an integer where the type is
            // `["integer", "null"]`, though JSON Schema does.
            integral_floats_as_integers(&mut raw);
            let errors = validators.validate(&T::name(), &raw);
            if !errors.is_empty() {
                return Err(ApiError::Validation(errors));
            }
            // The schema accepted it, so this only fails if schema and type disagree: still a 422.
            let value = serde_json::from_value(raw.clone()).map_err(|e| {
                ApiError::Validation(vec![FieldError { field: String::new(), code: FieldRule::Invalid, message: e.to_string() }])
            })?;
            Ok(Self { value, raw })
        })
    }
}

/// JSON Schema counts `16.0` as an integer, so the schema accepts it where serde's integer types
/// would not; writing such numbers as integers makes the server agree with its spec. Float fields
/// still read an integer as a float.
fn integral_floats_as_integers(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Number(n) if n.is_f64() => {
            if let Some(f) = n.as_f64().filter(|f| f.fract() == 0.0 && f.abs() < 9.0e15) {
                *value = Value::from(f as i64);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(integral_floats_as_integers),
        Value::Object(map) => map.values_mut().for_each(integral_floats_as_integers),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    #[test]
    fn integral_floats_become_integers_and_others_stay() {
        let mut v = json!({ "households": 16.0, "share": 0.5, "list": [2.0, -3.0, 1.25], "big": 1.0e300 });
        super::integral_floats_as_integers(&mut v);
        assert_eq!(v, json!({ "households": 16, "share": 0.5, "list": [2, -3, 1.25], "big": 1.0e300 }));
    }
}
