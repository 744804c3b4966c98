//! What the attribute macros cannot say about the contract, added where the document is built:
//! the code lists the server checks against its own tables as `enum`s on the query parameters that
//! take them, and the OpenAPI links from each operation that creates something to the operations
//! that read and change it.
//!
//! Body fields that take a code from a fixed list (a need category) get the list too: the schema
//! then says everything that can be checked without the database, and the request validator
//! reports all of it in one answer (一次告知). What needs the database (is this area in your scope?)
//! is answered after that, again all at once.

use serde_json::{Value, json};
use shared::ResourceTable;
use utoipa::openapi::path::{HttpMethod, Operation};
use utoipa::openapi::schema::Schema;
use utoipa::openapi::{OpenApi, RefOr};

use crate::domain::kpis::catalogue;
use crate::domain::need_categories::CATEGORIES;
use crate::services::resources::import;

/// Code lists as `enum`s, so generated data and clients pick a code the server knows.
pub struct Vocabulary;

/// Operations whose `indicator` query parameter must name one (the value list's filter need not).
const INDICATOR_PARAMS: &[&str] = &["/api/v1/kpis/series", "/api/v1/kpis/breakdown"];
/// Operations whose `table` query parameter must name a table that imports.
const IMPORT_TABLE_PARAMS: &[&str] = &["/api/v1/resources/import", "/api/v1/resources/template"];
/// Body schemas whose `category` must be a need category code.
const NEED_CATEGORY_FIELDS: &[&str] = &["NewNeed", "DeadlineSetting"];

impl utoipa::Modify for Vocabulary {
    fn modify(&self, openapi: &mut OpenApi) {
        let indicators: Vec<Value> = catalogue::all().iter().map(|d| d.indicator.code.clone().into()).collect();
        for path in INDICATOR_PARAMS {
            set_enum(query_parameter(openapi, path, HttpMethod::Get, "indicator"), &indicators);
        }
        let importable: Vec<Value> =
            ResourceTable::ALL.iter().filter(|t| import::template(**t).is_ok()).map(|t| t.as_str().into()).collect();
        set_enum(query_parameter(openapi, IMPORT_TABLE_PARAMS[0], HttpMethod::Post, "table"), &importable);
        set_enum(query_parameter(openapi, IMPORT_TABLE_PARAMS[1], HttpMethod::Get, "table"), &importable);
        let categories: Vec<Value> = CATEGORIES.iter().map(|c| c.code.into()).collect();
        for schema in NEED_CATEGORY_FIELDS {
            set_enum(body_property(openapi, schema, "category"), &categories);
        }
    }
}

fn body_property<'a>(openapi: &'a mut OpenApi, schema: &str, name: &str) -> Option<&'a mut RefOr<Schema>> {
    let RefOr::T(Schema::Object(object)) = openapi.components.as_mut()?.schemas.get_mut(schema)? else { return None };
    object.properties.get_mut(name)
}

fn query_parameter<'a>(openapi: &'a mut OpenApi, path: &str, method: HttpMethod, name: &str) -> Option<&'a mut RefOr<Schema>> {
    operation(openapi, path, method)?.parameters.as_mut()?.iter_mut().find(|p| p.name == name)?.schema.as_mut()
}

/// Restricts a string schema to `codes` (and `null` when the schema allows it).
fn set_enum(schema: Option<&mut RefOr<Schema>>, codes: &[Value]) {
    let Some(RefOr::T(Schema::Object(object))) = schema else {
        // A renamed field must not silently drop its code list; the tests below catch it first.
        tracing::error!("a code list has no string schema to apply to");
        return;
    };
    let nullable = serde_json::to_value(&object.schema_type).is_ok_and(|t| t.as_array().is_some_and(|a| a.contains(&"null".into())));
    let mut values = codes.to_vec();
    if nullable {
        values.push(Value::Null);
    }
    object.enum_values = Some(values);
}

fn operation<'a>(openapi: &'a mut OpenApi, path: &str, method: HttpMethod) -> Option<&'a mut Operation> {
    let item = openapi.paths.paths.get_mut(path)?;
    match method {
        HttpMethod::Get => item.get.as_mut(),
        HttpMethod::Post => item.post.as_mut(),
        HttpMethod::Put => item.put.as_mut(),
        HttpMethod::Patch => item.patch.as_mut(),
        _ => None,
    }
}

/// Links from each create operation to what reads and changes what it created, so a client (and
/// schemathesis' stateful phase) can follow create → read → change.
pub struct Links;

/// (source path, method, status, target operation id, parameters as (name, runtime expression)).
type LinkSpec = (&'static str, HttpMethod, &'static str, &'static str, &'static [(&'static str, &'static str)]);

const BODY_ID: &[(&str, &str)] = &[("id", "$response.body#/id")];
const NEED_ID: &[(&str, &str)] = &[("id", "$response.body#/need/id")];
const PROGRAM_ID: &[(&str, &str)] = &[("id", "$response.body#/program/id")];
const PATH_ID: &[(&str, &str)] = &[("id", "$request.path.id")];
const TOPIC_ID: &[(&str, &str)] = &[("id", "$response.body#/topic/id")];
const CLIENT_ID: &[(&str, &str)] = &[("id", "$response.body#/client/id")];

const LINKS: &[LinkSpec] = &[
    ("/api/v1/areas", HttpMethod::Post, "201", "get_area", BODY_ID),
    ("/api/v1/areas", HttpMethod::Post, "201", "update_area", BODY_ID),
    ("/api/v1/areas", HttpMethod::Post, "201", "area_children", BODY_ID),
    ("/api/v1/areas", HttpMethod::Post, "201", "area_subtree", BODY_ID),
    ("/api/v1/resident-bindings", HttpMethod::Post, "201", "unbind", BODY_ID),
    ("/api/v1/users", HttpMethod::Post, "201", "get_user", BODY_ID),
    ("/api/v1/users", HttpMethod::Post, "201", "update_user", BODY_ID),
    ("/api/v1/webhooks", HttpMethod::Post, "201", "get_webhook", BODY_ID),
    ("/api/v1/webhooks", HttpMethod::Post, "201", "update_webhook", BODY_ID),
    ("/api/v1/webhooks", HttpMethod::Post, "201", "list_deliveries", BODY_ID),
    ("/api/v1/webhooks", HttpMethod::Post, "201", "test_webhook", BODY_ID),
    // A test (or any logged delivery) is what a replay sends again.
    (
        "/api/v1/webhooks/{id}/test",
        HttpMethod::Post,
        "202",
        "replay_delivery",
        &[("id", "$request.path.id"), ("delivery_id", "$response.body#/id")],
    ),
    (
        "/api/v1/webhooks/{id}/deliveries",
        HttpMethod::Get,
        "200",
        "replay_delivery",
        &[("id", "$request.path.id"), ("delivery_id", "$response.body#/items/0/id")],
    ),
    ("/api/v1/needs", HttpMethod::Post, "201", "get_need", NEED_ID),
    ("/api/v1/needs", HttpMethod::Post, "201", "act_on_need", NEED_ID),
    ("/api/v1/needs", HttpMethod::Post, "201", "need_assignees", NEED_ID),
    ("/api/v1/needs", HttpMethod::Post, "201", "need_candidates", NEED_ID),
    ("/api/v1/needs", HttpMethod::Post, "201", "add_need_photo", NEED_ID),
    ("/api/v1/needs/{id}/actions", HttpMethod::Post, "200", "get_need", NEED_ID),
    ("/api/v1/needs/{id}/actions", HttpMethod::Post, "200", "act_on_need", NEED_ID),
    (
        "/api/v1/needs/{id}/photos",
        HttpMethod::Post,
        "201",
        "get_need_photo",
        &[("id", "$request.path.id"), ("photo_id", "$response.body#/id")],
    ),
    ("/api/v1/programs", HttpMethod::Post, "201", "get_program", PROGRAM_ID),
    ("/api/v1/programs", HttpMethod::Post, "201", "update_program", PROGRAM_ID),
    ("/api/v1/programs", HttpMethod::Post, "201", "act_on_program", PROGRAM_ID),
    ("/api/v1/programs", HttpMethod::Post, "201", "add_partner", PROGRAM_ID),
    ("/api/v1/programs", HttpMethod::Post, "201", "add_milestone", PROGRAM_ID),
    ("/api/v1/programs", HttpMethod::Post, "201", "add_spend", PROGRAM_ID),
    ("/api/v1/programs/{id}/partners", HttpMethod::Post, "200", "add_pledge", PATH_ID),
    (
        "/api/v1/programs/{id}/pledges",
        HttpMethod::Post,
        "200",
        "add_delivery",
        &[("id", "$request.path.id"), ("pledge_id", "$response.body#/pledges/0/id")],
    ),
    (
        "/api/v1/programs/{id}/milestones",
        HttpMethod::Post,
        "200",
        "update_milestone",
        &[("id", "$request.path.id"), ("milestone_id", "$response.body#/milestones/0/id")],
    ),
    ("/api/v1/programs/{id}/actions", HttpMethod::Post, "200", "act_on_program", PROGRAM_ID),
    ("/api/v1/matching/gaps/programs", HttpMethod::Post, "201", "get_program", PROGRAM_ID),
    ("/api/v1/matching/gaps/programs", HttpMethod::Post, "201", "update_program", PROGRAM_ID),
    ("/api/v1/matching/plans", HttpMethod::Post, "202", "get_plan", BODY_ID),
    ("/api/v1/matching/plans", HttpMethod::Post, "202", "apply_plan", BODY_ID),
    ("/api/v1/matching/plans", HttpMethod::Post, "202", "replan", BODY_ID),
    ("/api/v1/providers", HttpMethod::Post, "201", "get_provider", BODY_ID),
    ("/api/v1/providers", HttpMethod::Post, "201", "update_provider", BODY_ID),
    ("/api/v1/service-people", HttpMethod::Post, "201", "get_person", BODY_ID),
    ("/api/v1/service-people", HttpMethod::Post, "201", "update_person", BODY_ID),
    ("/api/v1/service-spaces", HttpMethod::Post, "201", "get_space", BODY_ID),
    ("/api/v1/service-spaces", HttpMethod::Post, "201", "update_space", BODY_ID),
    ("/api/v1/services", HttpMethod::Post, "201", "get_service", BODY_ID),
    ("/api/v1/services", HttpMethod::Post, "201", "update_service", BODY_ID),
    ("/api/v1/topics", HttpMethod::Post, "201", "get_topic", TOPIC_ID),
    ("/api/v1/topics", HttpMethod::Post, "201", "act_on_topic", TOPIC_ID),
    ("/api/v1/topics", HttpMethod::Post, "201", "create_meeting", TOPIC_ID),
    ("/api/v1/topics", HttpMethod::Post, "201", "link_topic", TOPIC_ID),
    ("/api/v1/topics/{id}/actions", HttpMethod::Post, "200", "create_meeting", TOPIC_ID),
    ("/api/v1/topics/{id}/actions", HttpMethod::Post, "200", "link_topic", TOPIC_ID),
    (
        "/api/v1/topics/{id}/meetings",
        HttpMethod::Post,
        "201",
        "record_decision",
        &[("id", "$request.path.id"), ("meeting_id", "$response.body#/meetings/0/id")],
    ),
    ("/api/v1/integration-clients", HttpMethod::Post, "201", "get_client", CLIENT_ID),
    ("/api/v1/integration-clients", HttpMethod::Post, "201", "rotate_secret", CLIENT_ID),
    ("/api/v1/integration-clients", HttpMethod::Post, "201", "client_usage", CLIENT_ID),
    ("/api/v1/integration-clients", HttpMethod::Post, "201", "revoke_client", CLIENT_ID),
    ("/api/v1/shop/orders", HttpMethod::Post, "201", "get_order", BODY_ID),
    ("/api/v1/shop/orders", HttpMethod::Post, "201", "cancel_order", BODY_ID),
    ("/api/v1/activities", HttpMethod::Post, "201", "get_activity", BODY_ID),
    ("/api/v1/activities", HttpMethod::Post, "201", "act_on_activity", BODY_ID),
    ("/api/v1/activities", HttpMethod::Post, "201", "list_signups", BODY_ID),
    // The inbox lists what one marks read.
    ("/api/v1/me/notifications", HttpMethod::Get, "200", "mark_read", &[("id", "$response.body#/items/0/id")]),
];

impl utoipa::Modify for Links {
    fn modify(&self, openapi: &mut OpenApi) {
        for (path, method, status, target, parameters) in LINKS {
            let parameters: serde_json::Map<String, Value> =
                parameters.iter().map(|(name, expression)| ((*name).to_owned(), (*expression).into())).collect();
            add_link(openapi, path, method.clone(), status, target, json!({ "operationId": target, "parameters": parameters }));
        }
        // A redemption hands the resident the pick-up code the merchant hands the order over with.
        let link = json!({ "operationId": "fulfil_order", "parameters": { "id": "$response.body#/id" },
                           "requestBody": { "code": "$response.body#/pickup_code" } });
        add_link(openapi, "/api/v1/shop/orders", HttpMethod::Post, "201", "fulfil_order", link);
        // A sign-in hands out the refresh token that refresh and sign-out take.
        for source in ["/api/v1/auth/login", "/api/v1/auth/refresh"] {
            for target in ["refresh", "logout"] {
                let link = json!({ "operationId": target, "requestBody": { "refresh_token": "$response.body#/refresh_token" } });
                add_link(openapi, source, HttpMethod::Post, "200", target, link);
            }
        }
    }
}

/// Adds a link (an OpenAPI Link Object) to a response. utoipa 5.5's `Link` serialises its fields in
/// snake_case (`operation_id`, `request_body`), which no OpenAPI tool reads, so the response's
/// `links` member is written through its extensions map instead (serialised flat, like `links`).
fn add_link(openapi: &mut OpenApi, path: &str, method: HttpMethod, status: &str, name: &str, link: Value) {
    let response = operation(openapi, path, method).and_then(|op| op.responses.responses.get_mut(status));
    let Some(RefOr::T(response)) = response else {
        tracing::error!(path, status, name, "no such response to link from");
        return;
    };
    let extensions = response.extensions.get_or_insert_with(Default::default);
    let links = extensions.entry("links".to_owned()).or_insert_with(|| json!({}));
    if let Some(links) = links.as_object_mut() {
        links.insert(name.to_owned(), link);
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::openapi::spec;

    fn doc() -> serde_json::Value {
        serde_json::to_value(spec()).unwrap_or_default()
    }

    #[test]
    fn every_code_list_reaches_its_parameter() {
        let doc = doc();
        for path in super::INDICATOR_PARAMS {
            let params = doc["paths"][path]["get"]["parameters"].as_array().cloned().unwrap_or_default();
            assert!(params.iter().any(|p| p["name"] == "indicator" && p["schema"]["enum"].is_array()), "{path}");
        }
        for (path, method) in super::IMPORT_TABLE_PARAMS.iter().zip(["post", "get"]) {
            let params = doc["paths"][path][method]["parameters"].as_array().cloned().unwrap_or_default();
            assert!(params.iter().any(|p| p["name"] == "table" && p["schema"]["enum"] == json!(["providers", "services"])), "{path}");
        }
        for schema in super::NEED_CATEGORY_FIELDS {
            let codes = doc["components"]["schemas"][schema]["properties"]["category"]["enum"].as_array().cloned().unwrap_or_default();
            assert_eq!(codes.len(), super::CATEGORIES.len(), "{schema}");
        }
    }

    #[test]
    fn every_link_names_an_operation_and_hangs_on_a_response() {
        let doc = doc();
        let mut ids = std::collections::HashSet::new();
        let mut links = Vec::new();
        for item in doc["paths"].as_object().into_iter().flat_map(|m| m.values()) {
            for op in item.as_object().into_iter().flat_map(|m| m.values()) {
                ids.insert(op["operationId"].as_str().unwrap_or_default().to_owned());
                for response in op["responses"].as_object().into_iter().flat_map(|m| m.values()) {
                    links.extend(response["links"].as_object().into_iter().flat_map(|m| m.values()).cloned());
                }
            }
        }
        assert_eq!(links.len(), super::LINKS.len() + 5);
        for link in links {
            assert!(ids.contains(link["operationId"].as_str().unwrap_or_default()), "{link}");
        }
    }
}
