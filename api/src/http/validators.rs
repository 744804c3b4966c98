//! The request validators: JSON Schema validators compiled from the OpenAPI document's schemas.
//! `startup` makes them once from the document and keeps them in app data, where `ValidJson` and
//! `ValidQuery` find them. The extractors take the document as data rather than importing the
//! module that builds it, because that module registers every route, and the routes use the
//! extractors.

use std::any::TypeId;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use actix_web::{HttpRequest, web};
use serde_json::{Value, json};
use shared::{FieldError, FieldRule};
use utoipa::IntoParams;
use utoipa::openapi::OpenApi;
use utoipa::openapi::path::ParameterIn;

use crate::error::ApiError;

/// The validators of one query type's parameters, by parameter name.
pub type ParamValidators = Vec<(String, jsonschema::Validator)>;

/// Body validators by schema name, and query validators by type, all resolving `$ref`s against
/// the same document. Each is compiled the first time a request needs it and kept: compiling all
/// of them (every schema carrying the whole document) took seconds at every start, for routes most
/// starts never see.
pub struct Validators {
    /// `{ "schemas": … }` of the document, nullable references rewritten (see [`nullable_as_if_else`]).
    components: Value,
    /// The document's schema names: a body of any other name is not checked.
    names: HashSet<String>,
    /// `None` for a schema that does not compile (logged once).
    bodies: Mutex<HashMap<String, Option<Arc<jsonschema::Validator>>>>,
    /// A query type's parameters are only known from its `IntoParams`.
    params: Mutex<HashMap<TypeId, Arc<ParamValidators>>>,
}

impl Validators {
    /// Validators for the component schemas of `doc`, compiled as they are asked for.
    pub fn from_document(doc: &OpenApi) -> Self {
        let doc = serde_json::to_value(doc).unwrap_or(Value::Null);
        let mut schemas = doc.pointer("/components/schemas").cloned().unwrap_or(json!({}));
        nullable_as_if_else(&mut schemas);
        let names = schemas.as_object().map(|m| m.keys().cloned().collect()).unwrap_or_default();
        Self { components: json!({ "schemas": schemas }), names, bodies: Mutex::default(), params: Mutex::default() }
    }

    /// The validator of the schema `name`, compiled the first time it is asked for.
    fn body(&self, name: &str) -> Option<Arc<jsonschema::Validator>> {
        if !self.names.contains(name) {
            return None;
        }
        // A poisoned cache only means another request panicked while compiling; its entries are whole.
        let mut cache = self.bodies.lock().unwrap_or_else(|p| p.into_inner());
        cache
            .entry(name.to_owned())
            .or_insert_with(|| self.compile(&json!({ "$ref": format!("#/components/schemas/{name}") })).map(Arc::new))
            .clone()
    }

    /// The schema names that do not compile (none, in a sound document).
    pub fn broken(&self) -> Vec<String> {
        let mut names: Vec<&String> = self.names.iter().collect();
        names.sort();
        names.into_iter().filter(|name| self.body(name).is_none()).cloned().collect()
    }

    /// Compiles a schema that may refer to `#/components/schemas/…` of the document.
    pub fn compile(&self, schema: &Value) -> Option<jsonschema::Validator> {
        let mut root = schema.clone();
        nullable_as_if_else(&mut root);
        if let Value::Object(map) = &mut root {
            map.insert("components".into(), self.components.clone());
        } else {
            root = json!({ "allOf": [root], "components": self.components });
        }
        jsonschema::options()
            .with_draft(jsonschema::Draft::Draft202012)
            .should_validate_formats(true)
            .build(&root)
            .map_err(|e| tracing::error!(error = %e, "schema does not compile; values of it are not validated"))
            .ok()
    }

    /// Validators of `T`'s query parameters, compiled the first time `T` is asked for.
    pub fn params<T: IntoParams + 'static>(&self) -> Arc<ParamValidators> {
        // A poisoned cache only means another request panicked while compiling; its entries are whole.
        let mut cache = self.params.lock().unwrap_or_else(|p| p.into_inner());
        cache
            .entry(TypeId::of::<T>())
            .or_insert_with(|| {
                let built = T::into_params(|| Some(ParameterIn::Query))
                    .into_iter()
                    .filter_map(|p| {
                        let schema = serde_json::to_value(p.schema?).ok()?;
                        Some((p.name, self.compile(&schema)?))
                    })
                    .collect();
                Arc::new(built)
            })
            .clone()
    }

    /// Every way `body` breaks the schema `name`; empty when it is valid.
    pub fn validate(&self, name: &str, body: &Value) -> Vec<FieldError> {
        let Some(validator) = self.body(name) else { return Vec::new() };
        let mut errors = Vec::new();
        for error in validator.iter_errors(body) {
            use jsonschema::error::ValidationErrorKind as K;
            let (fields, message) = match &error.kind {
                // "One of these" (a dispatch's assignee or service, a link's program or needs): the
                // answer names the first alternative's field and lists them all.
                K::AnyOf { context } => {
                    let options: Vec<String> = context.iter().flat_map(|alt| alt.iter().flat_map(pointers)).collect();
                    let message = format!("give one of: {}", options.join(", "));
                    (options.into_iter().take(1).collect(), message)
                }
                _ => (pointers(&error), error.to_string()),
            };
            let code = rule_of(&error.kind);
            // One error per field: an empty title breaks both its length and its pattern, and the
            // first (in schema order) says enough to fix it.
            let fresh: Vec<String> = fields.into_iter().filter(|f| !errors.iter().any(|e: &FieldError| &e.field == f)).collect();
            errors.extend(fresh.into_iter().map(|field| FieldError { field, code, message: message.clone() }));
        }
        errors
    }
}

/// The fields a schema error is about: a missing property, each unexpected one, or where it happened.
fn pointers(error: &jsonschema::ValidationError<'_>) -> Vec<String> {
    use jsonschema::error::ValidationErrorKind as K;
    let at = error.instance_path.to_string();
    match &error.kind {
        K::Required { property } => vec![format!("{at}/{}", property.as_str().unwrap_or_default())],
        K::AdditionalProperties { unexpected } => unexpected.iter().map(|p| format!("{at}/{p}")).collect(),
        _ => vec![at],
    }
}

/// The rule a schema error broke, as the code clients read.
pub(super) fn rule_of(kind: &jsonschema::error::ValidationErrorKind) -> FieldRule {
    use jsonschema::error::ValidationErrorKind as K;
    match kind {
        K::Required { .. } => FieldRule::Required,
        K::AnyOf { .. } => FieldRule::RequiredOne,
        K::AdditionalProperties { .. } => FieldRule::UnknownField,
        K::Type { .. } => FieldRule::Type,
        K::Enum { .. } | K::Constant { .. } => FieldRule::InvalidValue,
        K::MinLength { .. } | K::MinItems { .. } => FieldRule::TooShort,
        K::MaxLength { .. } | K::MaxItems { .. } => FieldRule::TooLong,
        K::Minimum { .. } | K::Maximum { .. } | K::ExclusiveMinimum { .. } | K::ExclusiveMaximum { .. } => FieldRule::OutOfRange,
        K::Pattern { .. } | K::Format { .. } => FieldRule::InvalidFormat,
        _ => FieldRule::Invalid,
    }
}

/// The validators `startup` put in app data. Missing only if an app was built without them: an
/// internal error then, rather than requests that skip validation.
pub(super) fn registered(req: &HttpRequest) -> Result<web::Data<Validators>, ApiError> {
    req.app_data::<web::Data<Validators>>().cloned().ok_or_else(|| anyhow::anyhow!("no request validators in app data").into())
}

/// utoipa writes `Option<T>` of a named schema as `oneOf: [{type: null}, {$ref}]`; a failure inside
/// it would only say "oneOf failed". `if null … else T` accepts the same values but reports the
/// precise bad field inside `T`.
fn nullable_as_if_else(value: &mut Value) {
    match value {
        Value::Object(map) => {
            let rewrite = map.get("oneOf").and_then(Value::as_array).and_then(|branches| {
                let is_null = |b: &Value| b.get("type") == Some(&json!("null")) && b.as_object().is_some_and(|o| o.len() == 1);
                match branches.as_slice() {
                    [a, b] if is_null(a) => Some(b.clone()),
                    [a, b] if is_null(b) => Some(a.clone()),
                    _ => None,
                }
            });
            if let Some(other) = rewrite {
                map.remove("oneOf");
                map.insert("if".into(), json!({ "type": "null" }));
                map.insert("else".into(), other);
            }
            map.values_mut().for_each(nullable_as_if_else);
        }
        Value::Array(items) => items.iter_mut().for_each(nullable_as_if_else),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nullable_reference_becomes_if_null_else() {
        let mut schema = json!({ "oneOf": [{ "type": "null" }, { "$ref": "#/components/schemas/X" }] });
        nullable_as_if_else(&mut schema);
        assert_eq!(schema, json!({ "if": { "type": "null" }, "else": { "$ref": "#/components/schemas/X" } }));
    }

    #[test]
    fn a_schema_missing_from_the_document_checks_nothing() {
        let validators = Validators::from_document(&OpenApi::default());
        assert!(validators.validate("Nothing", &json!({ "any": 1 })).is_empty());
    }
}
