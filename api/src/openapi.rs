//! The OpenAPI 3.1 document, built from the same route registration the server uses. `startup`
//! derives the request validators and the 405 table from it (`http::validators`, `http::methods`).

use std::sync::OnceLock;

use actix_web::App;
use actix_web::dev::{ServiceFactory, ServiceRequest};
use utoipa::OpenApi;
use utoipa::openapi::security::{ClientCredentials, Flow, HttpAuthScheme, HttpBuilder, OAuth2, Scopes, SecurityScheme};
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
        (name = "residents", description = "Resident accounts: sign-up by mobile number and code, profile, residence verification (待认证 → 已认证)"),
        (name = "needs", description = "Resident needs: 群众点单 → 社区派单 → 党员接单 → 办结 → 评价"),
        (name = "webhooks", description = "Outgoing webhooks: every domain event (needs, programs, KPI reports, notifications) as signed JSON to integration clients, retried with backoff, with a delivery log"),
        (name = "notifications", description = "Your inbox (站内信): notifications of everything that concerns you, unread count, read state, preferences by kind"),
        (name = "consultation", description = "民主协商 consultation: topics (议题提出 → 公示 → 立案 → 协商 → 备案 → 结果公示 → 落实 → 评议), co-signing, meetings with quorum rules, links and ratings"),
        (name = "programs", description = "Co-building catalogue and programs: partners, pledges, deliveries, milestones, spend"),
        (name = "resources", description = "The service resource catalogue (服务资源清单): providers, people who serve, services, service spaces; Excel import and export"),
        (name = "matching", description = "Matching needs to services (资源匹配): ranked candidates with score parts, batch plans as jobs, gaps"),
        (name = "kpis", description = "KPIs (指标): the catalogue of seed 003 专栏1 and seed 002, targets, reported values with provenance, and dashboards rolled up the area tree"),
        (name = "ledger", description = "The ledger of service time and points (时间银行 · 积分): accounts per holder and unit, transfers whose postings sum to zero, statements, reversals, the full check"),
        (name = "surveys", description = "民意调查 surveys: builder with conditions, templates (annual satisfaction, 社区体检), answers once per resident (anonymous kept apart), paper questionnaires, results from kept aggregates, Excel exports; the 居民决策性参与比例 KPI"),
        (name = "shop", description = "The points shop (积分商城): items merchants offer in a community for points, redemption with stock and points held until pick-up, hand-over against a pick-up code, cancellation and expiry with the points given back by reversal"),
        (name = "activities", description = "Volunteer activities (志愿活动) and volunteers: organising, sign-up with capacity and a waiting list, check-in and check-out by the organiser or with a code that changes every minute, hours credited through the ledger on attendance (a mistaken credit reversed), volunteer profiles with star levels (星级) and the certificate of hours (志愿服务证明)"),
        (name = "public", description = "What anyone may read without signing in (阳光社区)"),
        (name = "integration clients", description = "Integration clients (对接应用): OAuth 2.0 client credentials for mini-program backends and other systems — registration with scopes for a subtree, the secret shown once, rotation with a grace period, revocation, per-client rate limits and usage. Tokens come from `POST /api/v1/oauth/token`"),
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
        // Integration clients get their bearer token here; each scope is what `policy::SCOPES` opens.
        let scopes = Scopes::from_iter(shared::ApiScope::ALL.iter().map(|s| (s.as_str(), s.label())));
        components.add_security_scheme(
            "client_credentials",
            SecurityScheme::OAuth2(OAuth2::with_description(
                [Flow::ClientCredentials(ClientCredentials::new("/api/v1/oauth/token", scopes))],
                "Integration clients (RFC 6749 §4.4): the token acts in the client's subtree with the scopes granted",
            )),
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
    SPEC.get_or_init(|| {
        let mut doc = register(App::new().into_utoipa_app().openapi(ApiDoc::openapi())).split_for_parts().1;
        // These need the routes' paths and schemas, which exist only once the routes are registered.
        utoipa::Modify::modify(&crate::spec_contract::Vocabulary, &mut doc);
        utoipa::Modify::modify(&crate::spec_contract::Links, &mut doc);
        utoipa::Modify::modify(&crate::spec_rules::DependentFields, &mut doc);
        doc
    })
}

/// The document as pretty JSON with a trailing newline, exactly as committed in `openapi/openapi.json`.
pub fn spec_json() -> String {
    let mut json = spec().to_pretty_json().unwrap_or_default();
    json.push('\n');
    json
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::http::validators::Validators;

    #[test]
    fn every_reference_names_a_schema_of_the_document() {
        // A type alias (`Id`) in a derive is written as a reference to a schema named after it,
        // which the document does not have; a client generator then skips the parameter.
        fn refs(value: &serde_json::Value, out: &mut Vec<String>) {
            match value {
                serde_json::Value::Object(map) => {
                    if let Some(r) = map.get("$ref").and_then(|r| r.as_str()) {
                        out.push(r.to_owned());
                    }
                    map.values().for_each(|v| refs(v, out));
                }
                serde_json::Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
                _ => {}
            }
        }
        let doc = serde_json::to_value(spec()).expect("json");
        let mut found = Vec::new();
        refs(&doc, &mut found);
        let missing: Vec<&String> = found
            .iter()
            .filter(|r| r.strip_prefix("#/components/schemas/").is_none_or(|name| doc["components"]["schemas"].get(name).is_none()))
            .collect();
        assert!(!found.is_empty());
        assert!(missing.is_empty(), "references to no schema: {missing:?}");
    }

    #[test]
    fn every_period_parameter_states_the_pattern_the_period_type_parses() {
        // utoipa's `pattern` takes only a literal, so the routes spell it out; this keeps them in step.
        let doc = serde_json::to_value(spec()).expect("json");
        let mut seen = 0;
        for (path, item) in doc["paths"].as_object().expect("paths") {
            for operation in item.as_object().expect("item").values() {
                for param in operation["parameters"].as_array().into_iter().flatten().filter(|p| p["name"] == "period") {
                    assert_eq!(param["schema"]["pattern"], shared::PERIOD_PATTERN, "{path}");
                    seen += 1;
                }
            }
        }
        assert_eq!(seen, 6, "the KPI dashboard, series, breakdown, export, values and participation queries");
    }

    /// The document's own schemas, checked as the body extractor checks them.
    fn validate(name: &str, body: &serde_json::Value) -> Vec<shared::FieldError> {
        Validators::from_document(spec()).validate(name, body)
    }

    #[test]
    fn every_schema_of_the_document_compiles_into_a_validator() {
        assert_eq!(Validators::from_document(spec()).broken(), Vec::<String>::new());
    }

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
        assert_eq!(errors[0].code, shared::FieldRule::Required);
    }
}
