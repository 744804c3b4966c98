//! The OpenAPI 3.1 document, built from the same route registration the server uses, and the
//! request-body validators derived from its schemas.

use std::collections::HashMap;
use std::sync::OnceLock;

use actix_web::App;
use actix_web::dev::{ServiceFactory, ServiceRequest};
use serde_json::{Value, json};
use shared::FieldError;
use utoipa::OpenApi;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa_actix_web::{AppExt, UtoipaApp};

use crate::routes;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "幸福家园 co-building platform API",
        description = "Areas, users and (as they land) co-building programs, resident needs, service resources and KPIs of the Happy Home co-building action. Errors are RFC 9457 problem+json with a stable `code` and every bad field listed in `errors`. Lists use keyset pagination: pass `next_cursor` back as `cursor`.",
        license(name = "Apache-2.0"),
    ),
    components(schemas(shared::Problem, shared::FieldError, shared::ErrorCode)),
    modifiers(&BearerAuth),
    tags(
        (name = "auth", description = "Sign in, tokens, the current user"),
        (name = "areas", description = "The area tree: district → street → community → grid, and community profiles"),
        (name = "users", description = "User administration"),
        (name = "needs", description = "Resident needs: 群众点单 → 社区派单 → 党员接单 → 办结 → 评价"),
        (name = "webhooks", description = "Outgoing webhooks: need events as signed JSON to integration clients, retried with backoff, with a delivery log"),
        (name = "programs", description = "Co-building catalogue and programs: partners, pledges, deliveries, milestones, spend"),
        (name = "resources", description = "The service resource catalogue (服务资源清单): providers, people who serve, services, service spaces; Excel import and export"),
        (name = "matching", description = "Matching needs to services (资源匹配): ranked candidates with score parts, batch plans as jobs, gaps"),
        (name = "kpis", description = "KPIs (指标): the catalogue of seed 003 专栏1 and seed 002, targets, reported values with provenance, and dashboards rolled up the area tree"),
        (name = "public", description = "What anyone may read without signing in (阳光社区)"),
        (name = "audit", description = "Who changed what, when"),
        (name = "operations", description = "Health, readiness, metrics"),
    )
)]
pub struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).bearer_format("JWT").build()),
        );
    }
}

/// Registers every API route on an app. The server and [`spec`] both call this, so they cannot differ.
pub fn register<T>(app: UtoipaApp<T>) -> UtoipaApp<T>
where
    T: ServiceFactory<ServiceRequest, Config = (), Error = actix_web::Error, InitError = ()>,
{
    app.configure(routes::health::configure).service(
        utoipa_actix_web::scope("/api/v1").configure(routes::api_v1).default_service(actix_web::web::to(crate::error::endpoint_not_found)),
    )
}

/// The OpenAPI document of this build.
pub fn spec() -> &'static utoipa::openapi::OpenApi {
    static SPEC: OnceLock<utoipa::openapi::OpenApi> = OnceLock::new();
    SPEC.get_or_init(|| register(App::new().into_utoipa_app().openapi(ApiDoc::openapi())).split_for_parts().1)
}

/// The document as pretty JSON with a trailing newline, exactly as committed in `openapi/openapi.json`.
pub fn spec_json() -> String {
    let mut json = spec().to_pretty_json().unwrap_or_default();
    json.push('\n');
    json
}

/// The component schemas, with nullable references rewritten for precise errors.
fn components() -> &'static Value {
    static COMPONENTS: OnceLock<Value> = OnceLock::new();
    COMPONENTS.get_or_init(|| {
        let doc = serde_json::to_value(spec()).unwrap_or(Value::Null);
        let mut schemas = doc.pointer("/components/schemas").cloned().unwrap_or(json!({}));
        nullable_as_if_else(&mut schemas);
        json!({ "schemas": schemas })
    })
}

/// Compiles a schema that may refer to `#/components/schemas/…` of the spec.
pub fn compile(schema: &Value) -> Option<jsonschema::Validator> {
    let mut root = schema.clone();
    nullable_as_if_else(&mut root);
    if let Value::Object(map) = &mut root {
        map.insert("components".into(), components().clone());
    } else {
        root = json!({ "allOf": [root], "components": components() });
    }
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .build(&root)
        .map_err(|e| tracing::error!(error = %e, "schema does not compile; values of it are not validated"))
        .ok()
}

/// Validators for every component schema, keyed by schema name.
fn validators() -> &'static HashMap<String, jsonschema::Validator> {
    static VALIDATORS: OnceLock<HashMap<String, jsonschema::Validator>> = OnceLock::new();
    VALIDATORS.get_or_init(|| {
        let names: Vec<String> = components()["schemas"].as_object().map(|m| m.keys().cloned().collect()).unwrap_or_default();
        names
            .into_iter()
            .filter_map(|name| compile(&json!({ "$ref": format!("#/components/schemas/{name}") })).map(|v| (name, v)))
            .collect()
    })
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

/// Every way `body` breaks the schema `name`; empty when it is valid.
pub fn validate(name: &str, body: &Value) -> Vec<FieldError> {
    let Some(validator) = validators().get(name) else { return Vec::new() };
    let mut errors = Vec::new();
    for error in validator.iter_errors(body) {
        let at = error.instance_path.to_string();
        use jsonschema::error::ValidationErrorKind as K;
        let (code, fields): (&str, Vec<String>) = match &error.kind {
            K::Required { property } => ("required", vec![format!("{at}/{}", property.as_str().unwrap_or_default())]),
            K::AdditionalProperties { unexpected } => ("unknown_field", unexpected.iter().map(|p| format!("{at}/{p}")).collect()),
            K::Type { .. } => ("type", vec![at.clone()]),
            K::Enum { .. } | K::Constant { .. } => ("invalid_value", vec![at.clone()]),
            K::MinLength { .. } => ("too_short", vec![at.clone()]),
            K::MaxLength { .. } => ("too_long", vec![at.clone()]),
            K::Minimum { .. } | K::Maximum { .. } | K::ExclusiveMinimum { .. } | K::ExclusiveMaximum { .. } => {
                ("out_of_range", vec![at.clone()])
            }
            K::Pattern { .. } | K::Format { .. } => ("invalid_format", vec![at.clone()]),
            _ => ("invalid", vec![at.clone()]),
        };
        let message = error.to_string();
        errors.extend(fields.into_iter().map(|field| FieldError { field, code: code.into(), message: message.clone() }));
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let body = json!({ "kind": "planet", "name": "", "code": "12", "extra": 1, "profile": { "households": -1 } });
        let errors = validate("NewArea", &body);
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        for expected in ["/kind", "/name", "/code", "/extra", "/profile/households"] {
            assert!(fields.contains(&expected), "{expected} missing from {fields:?}");
        }
    }

    #[test]
    fn a_valid_body_has_no_errors() {
        let body = json!({ "parent_id": 1, "kind": "grid", "name": "第一网格 🏠" });
        assert_eq!(validate("NewArea", &body), Vec::new());
    }

    #[test]
    fn a_missing_required_field_is_named() {
        let errors = validate("LoginRequest", &json!({ "username": "a" }));
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "/password");
        assert_eq!(errors[0].code, "required");
    }
}
