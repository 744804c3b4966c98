//! `ValidQuery<T>`: the query-string extractor. Each parameter is checked against the schema `T`
//! declares in the spec (`IntoParams`), and every bad parameter is reported at once.

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use serde::de::DeserializeOwned;
use serde_json::Value;
use shared::{FieldError, FieldRule};
use utoipa::IntoParams;

use super::validators::{Validators, registered, rule_of};
use crate::error::ApiError;

/// Query parameters that passed their schemas and deserialised into `T`.
pub struct ValidQuery<T>(pub T);

/// Reads a raw query value as the JSON value its schema expects (numbers and booleans unquoted).
fn as_json(raw: &str, validator: &jsonschema::Validator) -> Value {
    let string = Value::String(raw.to_owned());
    if validator.is_valid(&string) {
        return string;
    }
    if let Ok(n) = raw.parse::<i64>() {
        return Value::from(n);
    }
    // A coordinate (`lat=30.21`): a finite decimal is a number too.
    if let Some(x) = raw.parse::<f64>().ok().filter(|x| x.is_finite()) {
        return Value::from(x);
    }
    if let Ok(b) = raw.parse::<bool>() {
        return Value::Bool(b);
    }
    string
}

impl<T: DeserializeOwned + IntoParams + 'static> FromRequest for ValidQuery<T> {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(registered(req).and_then(|validators| parse(req.query_string(), &validators)))
    }
}

fn parse<T: DeserializeOwned + IntoParams + 'static>(query: &str, validators: &Validators) -> Result<ValidQuery<T>, ApiError> {
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(query).map_err(|e| ApiError::field("query", FieldRule::Invalid, e.to_string()))?;
    let validators = validators.params::<T>();
    let mut errors = Vec::new();
    for (name, validator) in validators.iter() {
        for (_, raw) in pairs.iter().filter(|(k, _)| k == name) {
            for error in validator.iter_errors(&as_json(raw, validator)) {
                errors.push(FieldError { field: name.clone(), code: rule_of(&error.kind), message: error.to_string() });
            }
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    serde_urlencoded::from_str(query).map(ValidQuery).map_err(|e| ApiError::field("query", FieldRule::Invalid, e.to_string()))
}
