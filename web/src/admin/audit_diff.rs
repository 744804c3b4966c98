//! An audit entry as the fields it changed: each key with its value before and after, labelled in
//! the reader's language where the dashboard knows the field (else the key), instead of two JSON blobs.

use leptos::prelude::*;
use serde_json::Value;

use crate::common::i18n::use_i18n;

/// One changed field: its key and its value before and after, as text (`None`: absent).
#[derive(Debug, Clone, PartialEq)]
pub struct FieldChange {
    pub key: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// A value as a reader sees it: text without quotes, numbers and yes/no as written, lists and
/// records as compact JSON.
fn text(value: &Value) -> String {
    match value {
        Value::Null => "—".to_owned(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The fields that differ between `before` and `after`, in the order the record lists them. A
/// created record lists every field it was created with; a deleted one every field it had.
pub fn changes(before: Option<&Value>, after: Option<&Value>) -> Vec<FieldChange> {
    let empty = serde_json::Map::new();
    let fields = |v: Option<&Value>| match v {
        Some(Value::Object(map)) => Some(map.clone()),
        Some(Value::Null) | None => None,
        Some(other) => Some(std::iter::once((String::new(), other.clone())).collect()),
    };
    let (old, new) = (fields(before), fields(after));
    let (old_map, new_map) = (old.as_ref().unwrap_or(&empty), new.as_ref().unwrap_or(&empty));
    let keys = new_map.keys().chain(old_map.keys().filter(|k| !new_map.contains_key(*k)));
    keys.filter(|k| old_map.get(*k) != new_map.get(*k))
        .map(|k| FieldChange { key: k.clone(), before: old_map.get(k).map(text), after: new_map.get(k).map(text) })
        .collect()
}

/// The changed fields of one entry as a small table: field, before, after.
#[component]
pub fn AuditDiff(before: Option<Value>, after: Option<Value>) -> impl IntoView {
    let i18n = use_i18n();
    let rows = changes(before.as_ref(), after.as_ref());
    let none = rows.is_empty();
    view! {
        <table class="table compact" data-testid="audit-diff">
            <thead>
                <tr>
                    <th>{move || i18n.t(k!("audit.field"))}</th>
                    <th>{move || i18n.t(k!("audit.before"))}</th>
                    <th>{move || i18n.t(k!("audit.after"))}</th>
                </tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|c| {
                    let key = c.key.clone();
                    view! {
                        <tr data-testid="audit-change" data-field=c.key.clone()>
                            <th scope="row">{move || i18n.field_name(&key)}</th>
                            <td class="diff-before">{c.before.unwrap_or_else(|| "—".to_owned())}</td>
                            <td class="diff-after">{c.after.unwrap_or_else(|| "—".to_owned())}</td>
                        </tr>
                    }
                }).collect_view()}
                {none.then(|| view! { <tr><td colspan="3" class="muted">{move || i18n.t(k!("audit.no_change"))}</td></tr> })}
            </tbody>
        </table>
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn only_the_fields_that_differ_are_listed_with_both_values() {
        let before = json!({ "name": "缤纷社区", "households": 5487, "active": true });
        let after = json!({ "name": "缤纷社区", "households": 5500, "active": false, "code": "330108001001" });
        let rows = changes(Some(&before), Some(&after));
        let by = |key: &str| rows.iter().find(|c| c.key == key).cloned();
        assert_eq!(rows.len(), 3, "{rows:?}");
        assert!(by("name").is_none(), "an unchanged field is left out");
        let households = by("households").expect("changed");
        assert_eq!((households.before.as_deref(), households.after.as_deref()), (Some("5487"), Some("5500")));
        assert_eq!(by("code").expect("added").before, None);
    }

    #[test]
    fn a_created_record_lists_every_field_and_strings_lose_their_quotes() {
        let rows = changes(None, Some(&json!({ "title": "长者食堂", "status": "draft" })));
        assert_eq!(rows.len(), 2);
        let title = rows.iter().find(|c| c.key == "title").expect("the title");
        assert_eq!((title.before.as_deref(), title.after.as_deref()), (None, Some("长者食堂")));
        assert!(changes(Some(&json!({ "a": 1 })), Some(&json!({ "a": 1 }))).is_empty());
    }
}
