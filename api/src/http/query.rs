//! `ValidQuery<T>`: the query-string extractor. Each parameter is checked against the schema `T`
//! declares in the spec (`IntoParams`), and every bad parameter is reported at once.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use serde::de::DeserializeOwned;
use serde_json::Value;
use shared::FieldError;
use utoipa::IntoParams;
use utoipa::openapi::path::ParameterIn;

use crate::error::ApiError;

/// Query parameters that passed their schemas and deserialised into `T`.
pub struct ValidQuery<T>(pub T);

type ParamValidators = Vec<(String, jsonschema::Validator)>;

/// Validators of `T`'s parameters, built once per type.
fn validators<T: IntoParams + 'static>() -> std::sync::Arc<ParamValidators> {
    static CACHE: OnceLock<Mutex<HashMap<std::any::TypeId, std::sync::Arc<ParamValidators>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let mut cache = cache.lock().unwrap_or_else(|p| p.into_inner());
    cache
        .entry(std::any::TypeId::of::<T>())
        .or_insert_with(|| {
            let built = T::into_params(|| Some(ParameterIn::Query))
                .into_iter()
                .filter_map(|p| {
                    let schema = serde_json::to_value(p.schema?).ok()?;
                    let validator = crate::openapi::compile(&schema)?;
                    Some((p.name, validator))
                })
                .collect();
            std::sync::Arc::new(built)
        })
        .clone()
}

/// Reads a raw query value as the JSON value its schema expects (numbers and booleans unquoted).
fn as_json(raw: &str, validator: &jsonschema::Validator) -> Value {
    let string = Value::String(raw.to_owned());
    if validator.is_valid(&string) {
        return string;
    }
    if let Ok(n) = raw.parse::<i64>() {
        return Value::from(n);
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
        std::future::ready(parse(req.query_string()))
    }
}

fn parse<T: DeserializeOwned + IntoParams + 'static>(query: &str) -> Result<ValidQuery<T>, ApiError> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).map_err(|e| ApiError::field("query", "invalid", e.to_string()))?;
    let validators = validators::<T>();
    let mut errors = Vec::new();
    for (name, validator) in validators.iter() {
        for (_, raw) in pairs.iter().filter(|(k, _)| k == name) {
            for error in validator.iter_errors(&as_json(raw, validator)) {
                errors.push(FieldError { field: name.clone(), code: "invalid".into(), message: error.to_string() });
            }
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    serde_urlencoded::from_str(query).map(ValidQuery).map_err(|e| ApiError::field("query", "invalid", e.to_string()))
}
