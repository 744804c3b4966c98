//! Body rules where one field decides what another must be — which fields a need action takes, how
//! a pledge of each kind is counted — written into the spec as JSON Schema `if`/`then`. Clients and
//! generated test data then see the same rules the server applies, and the request validator reports
//! them with every other bad field in one answer (一次告知). The services keep their own checks
//! (they are also called without HTTP): the pledge rules come from the same table as the service's
//! (`domain::quantities`); the need-action rules are written twice, here and in `check_payload`,
//! and the API tests of each action hold the server to them.

use serde_json::{Value, json};
use shared::{NeedAction, ResourceKind};
use utoipa::openapi::schema::Schema;
use utoipa::openapi::{OpenApi, RefOr};

use crate::domain::quantities::{FIELDS, measures, needs_unit};

pub struct DependentFields;

/// A string with something other than spaces in it.
const NOT_BLANK: &str = r"\S";

/// What each need action requires beyond `action` (see `services::needs::act::check_payload`).
fn need_action_rules() -> Vec<Value> {
    let when = |actions: &[NeedAction], then: Value| {
        let codes: Vec<&str> = actions.iter().map(|a| a.as_str()).collect();
        json!({ "if": { "properties": { "action": { "enum": codes } } }, "then": then })
    };
    let note = json!({ "required": ["note"], "properties": { "note": { "type": "string", "pattern": NOT_BLANK } } });
    let others: Vec<&str> = NeedAction::ALL.iter().filter(|a| **a != NeedAction::Resolve).map(|a| a.as_str()).collect();
    vec![
        when(
            &[NeedAction::Return],
            json!({ "required": ["missing"], "properties": { "missing": {
                "type": "array", "minItems": 1, "items": { "type": "string", "pattern": NOT_BLANK } } } }),
        ),
        when(&[NeedAction::Reject, NeedAction::Cancel, NeedAction::Decline, NeedAction::Object, NeedAction::Resolve], note),
        when(
            &[NeedAction::Rate, NeedAction::ReturnVisit],
            json!({ "required": ["rating"], "properties": { "rating": { "type": "integer" } } }),
        ),
        when(
            &[NeedAction::Dispatch],
            json!({ "anyOf": [
                { "required": ["assignee_id"], "properties": { "assignee_id": { "type": "integer" } } },
                { "required": ["service_id"], "properties": { "service_id": { "type": "integer" } } },
            ] }),
        ),
        // Hours are recorded when resolving, and only then.
        json!({ "if": { "properties": { "action": { "enum": others } } }, "then": { "properties": { "hours": { "type": "null" } } } }),
    ]
}

/// How a pledge of each kind is counted (see [`crate::domain::quantities`]).
fn pledge_rules() -> Vec<Value> {
    ResourceKind::ALL
        .iter()
        .map(|kind| {
            let m = measures(*kind);
            let mut fields = serde_json::Map::new();
            for field in FIELDS {
                let rule = if field == m.measure {
                    json!({ "type": "number", "exclusiveMinimum": 0 })
                } else if !m.allowed.contains(&field) {
                    json!({ "type": "null" })
                } else if m.pledge_requires.contains(&field) {
                    json!({ "type": "number" })
                } else {
                    continue;
                };
                fields.insert(field.to_owned(), rule);
            }
            let mut required = vec![m.measure];
            required.extend(m.pledge_requires);
            let mut then = json!({ "properties": { "pledged": { "required": required, "properties": fields } } });
            if needs_unit(*kind) {
                then["required"] = json!(["unit"]);
                then["properties"]["unit"] = json!({ "type": "string", "pattern": NOT_BLANK });
            }
            json!({ "if": { "properties": { "kind": { "const": kind.as_str() } } }, "then": then })
        })
        .collect()
}

impl utoipa::Modify for DependentFields {
    fn modify(&self, openapi: &mut OpenApi) {
        add_rules(openapi, "NeedActionRequest", need_action_rules());
        add_rules(openapi, "NewPledge", pledge_rules());
    }
}

/// Adds `rules` as the schema's `allOf`. utoipa's object schema has no `if`/`then`, so they go
/// through its extensions map, which is serialised flat into the schema.
fn add_rules(openapi: &mut OpenApi, schema: &str, rules: Vec<Value>) {
    let found = openapi.components.as_mut().and_then(|c| c.schemas.get_mut(schema));
    let Some(RefOr::T(Schema::Object(object))) = found else {
        tracing::error!(schema, "no object schema to add dependent-field rules to");
        return;
    };
    object.extensions.get_or_insert_with(Default::default).insert("allOf".to_owned(), Value::Array(rules));
}

#[cfg(test)]
mod tests {
    use crate::openapi::spec;

    fn schema(name: &str) -> serde_json::Value {
        serde_json::to_value(spec()).unwrap_or_default()["components"]["schemas"][name].clone()
    }

    #[test]
    fn the_rules_reach_their_schemas() {
        assert_eq!(schema("NeedActionRequest")["allOf"].as_array().map(Vec::len), Some(5));
        assert_eq!(schema("NewPledge")["allOf"].as_array().map(Vec::len), Some(shared::ResourceKind::ALL.len()));
    }
}
