//! Body rules where one field decides what another must be — which fields a need action takes, how
//! a pledge of each kind is counted — written into the spec as JSON Schema `if`/`then`. Clients and
//! generated test data then see the same rules the server applies, and the request validator reports
//! them with every other bad field in one answer (一次告知). The services keep their own checks
//! (they are also called without HTTP), read from the same tables: `domain::need_action_fields`
//! and `domain::quantities`.

use serde_json::{Value, json};
use shared::{
    AreaKind, Indicator, KpiRollup, KpiSource, NeedAction, PERIOD_PATTERN, PersonKind, ProposerKind, QuestionKind, ResourceKind, Role,
    ThresholdKind, TopicAction,
};
use utoipa::openapi::schema::Schema;
use utoipa::openapi::{OpenApi, RefOr};

use crate::domain::kpis::{MAX_VALUE, catalogue};
use crate::domain::need_action_fields::{Required, actions_requiring, takes_hours};
use crate::domain::quantities::{FIELDS, measures, needs_unit};
use crate::domain::surveys::build::is_choice;
use crate::domain::topic_lifecycle::{has_own_endpoint, names_organisation, needs_note, takes_notice_days};

pub struct DependentFields;

/// A string with something other than spaces in it.
const NOT_BLANK: &str = r"\S";

/// What each need action requires beyond `action` (the table in [`crate::domain::need_action_fields`]).
fn need_action_rules() -> Vec<Value> {
    let when = |actions: Vec<NeedAction>, then: Value| {
        let codes: Vec<&str> = actions.iter().map(|a| a.as_str()).collect();
        json!({ "if": { "properties": { "action": { "enum": codes } } }, "then": then })
    };
    let note = json!({ "required": ["note"], "properties": { "note": { "type": "string", "pattern": NOT_BLANK } } });
    vec![
        // 提交 heads the timeline; a need is submitted through `POST /needs`, never as an action.
        json!({ "properties": { "action": { "not": { "enum": [NeedAction::Submit.as_str()] } } } }),
        when(
            actions_requiring(|r| r == Required::Missing),
            json!({ "required": ["missing"], "properties": { "missing": {
                "type": "array", "minItems": 1, "items": { "type": "string", "pattern": NOT_BLANK } } } }),
        ),
        when(actions_requiring(|r| matches!(r, Required::Note(_))), note),
        when(
            actions_requiring(|r| r == Required::Rating),
            json!({ "required": ["rating"], "properties": { "rating": { "type": "integer" } } }),
        ),
        when(
            actions_requiring(|r| r == Required::Target),
            json!({ "anyOf": [
                { "required": ["assignee_id"], "properties": { "assignee_id": { "type": "integer" } } },
                { "required": ["service_id"], "properties": { "service_id": { "type": "integer" } } },
            ] }),
        ),
        when(
            NeedAction::ALL.iter().copied().filter(|a| !takes_hours(*a)).collect(),
            json!({ "properties": { "hours": { "type": "null" } } }),
        ),
    ]
}

/// An at-home need (上门) gives its address (`services::needs::submit` checks the same).
fn new_need_rules() -> Vec<Value> {
    vec![json!({ "if": { "required": ["at_home"], "properties": { "at_home": { "const": true } } },
                 "then": { "required": ["address"], "properties": { "address": { "type": "string", "pattern": NOT_BLANK } } } })]
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

/// What a topic action takes, and which actions go through endpoints of their own
/// (the rules in [`crate::domain::topic_lifecycle`]).
fn topic_action_rules() -> Vec<Value> {
    let codes =
        |pick: fn(TopicAction) -> bool| -> Vec<&str> { TopicAction::ALL.iter().filter(|a| pick(**a)).map(|a| a.as_str()).collect() };
    vec![
        json!({ "properties": { "action": { "not": { "enum": codes(has_own_endpoint) } } } }),
        json!({ "if": { "properties": { "action": { "enum": codes(needs_note) } } },
                "then": { "required": ["note"], "properties": { "note": { "type": "string", "pattern": NOT_BLANK } } } }),
        json!({ "if": { "properties": { "action": { "enum": codes(|a| !takes_notice_days(a)) } } },
                "then": { "properties": { "notice_days": { "type": "null" } } } }),
    ]
}

/// The needs a topic gathers or a decision is carried out by are named once each (utoipa 5 has no
/// `uniqueItems` attribute).
fn needs_once() -> Value {
    json!({ "properties": { "need_ids": { "uniqueItems": true } } })
}

/// A topic proposed for a unit or an organisation names it.
fn new_topic_rules() -> Vec<Value> {
    let kinds: Vec<&str> = ProposerKind::ALL.iter().filter(|k| names_organisation(**k)).map(|k| k.as_str()).collect();
    vec![
        json!({ "if": { "properties": { "proposer_kind": { "enum": kinds } } },
                "then": { "required": ["proposer_org"], "properties": { "proposer_org": { "type": "string", "pattern": NOT_BLANK } } } }),
        needs_once(),
    ]
}

/// A link names a program, needs, or both (落实 needs something that carries it out).
fn topic_link_rules() -> Vec<Value> {
    vec![
        json!({ "anyOf": [
            { "required": ["program_id"], "properties": { "program_id": { "type": "integer" } } },
            { "required": ["need_ids"], "properties": { "need_ids": { "minItems": 1 } } },
        ] }),
        needs_once(),
    ]
}

/// A threshold by share of households gives the share.
fn consultation_settings_rules() -> Vec<Value> {
    vec![json!({ "if": { "properties": { "threshold_kind": { "const": ThresholdKind::HouseholdShare.as_str() } } },
                 "then": { "required": ["household_share_pct"], "properties": { "household_share_pct": { "type": "number" } } } })]
}

/// An area's code and profile, by its kind.
fn new_area_rules() -> Vec<Value> {
    let kinds = |pick: fn(AreaKind) -> bool| -> Vec<&str> { AreaKind::ALL.iter().filter(|k| pick(**k)).map(|k| k.as_str()).collect() };
    vec![
        json!({ "if": { "properties": { "kind": { "enum": kinds(AreaKind::requires_code) } } },
                "then": { "required": ["code"], "properties": { "code": { "type": "string" } } } }),
        json!({ "if": { "properties": { "kind": { "enum": kinds(|k| !k.has_profile()) } } },
                "then": { "properties": { "profile": { "type": "null" } } } }),
    ]
}

/// A person's certificate and report date, by their kind ([`PersonKind::holds_certificate`],
/// [`PersonKind::reports_to_community`]).
fn new_person_rules() -> Vec<Value> {
    let kinds = |pick: fn(PersonKind) -> bool| -> Vec<&str> { PersonKind::ALL.iter().filter(|k| !pick(**k)).map(|k| k.as_str()).collect() };
    vec![
        json!({ "if": { "properties": { "kind": { "enum": kinds(PersonKind::holds_certificate) } } },
                "then": { "properties": { "certified": { "const": false } } } }),
        json!({ "if": { "properties": { "kind": { "enum": kinds(PersonKind::reports_to_community) } } },
                "then": { "properties": { "reported_on": { "type": "null" } } } }),
    ]
}

/// A merchant (商户) sells for a provider and names it; no other role names one
/// (`services::users` checks the same).
fn new_user_rules() -> Vec<Value> {
    let others: Vec<&str> = Role::ALL.iter().filter(|r| **r != Role::Merchant).map(|r| r.as_str()).collect();
    vec![
        // `required` in the `if`: without a role the condition would hold vacuously.
        json!({ "if": { "required": ["role"], "properties": { "role": { "const": Role::Merchant.as_str() } } },
                "then": { "required": ["provider_id"], "properties": { "provider_id": { "type": "integer" } } } }),
        json!({ "if": { "required": ["role"], "properties": { "role": { "enum": others } } },
                "then": { "properties": { "provider_id": { "type": "null" } } } }),
    ]
}

/// A reported indicator of the catalogue: a ratio takes its numerator and denominator, any other its
/// value (`services::kpis::reports` checks the same from `domain::kpis::catalogue`).
fn kpi_report_rules() -> Vec<Value> {
    let reported: Vec<&Indicator> = catalogue::all().iter().map(|d| &d.indicator).filter(|i| i.source == KpiSource::Reported).collect();
    let codes = |ratio: bool| -> Vec<&str> {
        reported.iter().filter(|i| (i.rollup == KpiRollup::Ratio) == ratio).map(|i| i.code.as_str()).collect()
    };
    let number = json!({ "type": "number", "minimum": -MAX_VALUE, "maximum": MAX_VALUE });
    vec![
        json!({ "properties": {
            "indicator": { "enum": reported.iter().map(|i| i.code.as_str()).collect::<Vec<_>>() },
            "period": { "pattern": PERIOD_PATTERN },
            "source_note": { "pattern": NOT_BLANK },
        } }),
        json!({ "if": { "properties": { "indicator": { "enum": codes(true) } } },
                "then": { "required": ["numerator", "denominator"], "properties": {
                    "numerator": { "type": "number", "minimum": 0, "maximum": MAX_VALUE },
                    "denominator": { "type": "number", "exclusiveMinimum": 0, "maximum": MAX_VALUE },
                    "value": { "type": "null" } } } }),
        json!({ "if": { "properties": { "indicator": { "enum": codes(false) } } },
                "then": { "required": ["value"], "properties": {
                    "value": number, "numerator": { "type": "null" }, "denominator": { "type": "null" } } } }),
    ]
}

/// What a question of each kind sets (`domain::surveys::build::check_questions` checks the same):
/// options for choice questions only (at least two, distinct), picks for multiple choice only, a range
/// for numbers only, a length for text only. Conditions look at other questions, which no schema can.
fn survey_question_rules() -> Vec<Value> {
    QuestionKind::ALL
        .iter()
        .map(|&kind| {
            let absent = |applies: bool| if applies { json!({}) } else { json!({ "type": "null" }) };
            let options = if is_choice(kind) {
                json!({ "type": "array", "minItems": 2, "uniqueItems": true,
                    "items": { "type": "string", "minLength": 1, "maxLength": 100, "pattern": NOT_BLANK } })
            } else {
                json!({ "type": "array", "maxItems": 0 })
            };
            let multiple = kind == QuestionKind::MultipleChoice;
            let mut then = json!({ "properties": {
                "options": options,
                "min_picks": absent(multiple),
                "max_picks": absent(multiple),
                "min": absent(kind == QuestionKind::Number),
                "max": absent(kind == QuestionKind::Number),
                "max_length": absent(kind == QuestionKind::Text),
            } });
            if is_choice(kind) {
                then["required"] = json!(["options"]);
            }
            json!({ "if": { "properties": { "kind": { "const": kind.as_str() } } }, "then": then })
        })
        .collect()
}

impl utoipa::Modify for DependentFields {
    fn modify(&self, openapi: &mut OpenApi) {
        add_rules(openapi, "NeedActionRequest", need_action_rules());
        add_rules(openapi, "NewNeed", new_need_rules());
        add_rules(openapi, "NewPledge", pledge_rules());
        add_rules(openapi, "TopicActionRequest", topic_action_rules());
        add_rules(openapi, "NewTopic", new_topic_rules());
        add_rules(openapi, "TopicLink", topic_link_rules());
        add_rules(openapi, "NewArea", new_area_rules());
        add_rules(openapi, "NewKpiReport", kpi_report_rules());
        add_rules(openapi, "ConsultationSettings", consultation_settings_rules());
        add_rules(openapi, "NewServicePerson", new_person_rules());
        add_rules(openapi, "NewUser", new_user_rules());
        add_rules(openapi, "SurveyQuestion", survey_question_rules());
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
        assert_eq!(schema("NeedActionRequest")["allOf"].as_array().map(Vec::len), Some(6));
        assert_eq!(schema("NewPledge")["allOf"].as_array().map(Vec::len), Some(shared::ResourceKind::ALL.len()));
        assert_eq!(schema("NewServicePerson")["allOf"].as_array().map(Vec::len), Some(2));
        assert_eq!(schema("NewUser")["allOf"].as_array().map(Vec::len), Some(2));
        assert_eq!(schema("SurveyQuestion")["allOf"].as_array().map(Vec::len), Some(shared::QuestionKind::ALL.len()));
    }
}
