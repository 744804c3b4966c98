//! The query strings of the list endpoints: one struct per list, read by the API's extractor
//! (`ValidQuery<…>`, checked against the spec) and written by the dashboard ([`query_pairs`]), so
//! the two cannot disagree about a parameter's name or type. Ids are spelled `i64` here, not `Id`:
//! the spec would refer to the alias as a schema of its own, which it does not have.

use serde::{Deserialize, Serialize};

use crate::{CostKind, NeedStatus, PersonKind, ProgramStatus, ProviderKind, Role, ServiceMode, SpaceKind, TargetGroup, Urgency};

/// Orders of the needs queue.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum NeedSort {
    /// Newest first.
    #[default]
    #[serde(rename = "-id")]
    Newest,
    /// Oldest first: the order to work a queue in.
    #[serde(rename = "id")]
    Oldest,
}

impl NeedSort {
    /// The name of the order, as in the query string and in the page cursor.
    pub fn name(self) -> &'static str {
        match self {
            Self::Newest => "-id",
            Self::Oldest => "id",
        }
    }
}

/// `GET /needs` and `GET /needs/counts`: filters, order and page of the queue.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct NeedListQuery {
    pub status: Option<NeedStatus>,
    #[cfg_attr(feature = "openapi", param(max_length = 32))]
    pub category: Option<String>,
    pub urgency: Option<Urgency>,
    /// Open and past a deadline.
    pub overdue: Option<bool>,
    /// Escalated to the street.
    pub escalated: Option<bool>,
    /// Needs in this area's subtree.
    pub area_id: Option<i64>,
    pub assignee_id: Option<i64>,
    /// Concerning this target group.
    pub tag: Option<TargetGroup>,
    /// Keyword: `#id`, or a word of the text, the address or the contact's name, or digits of the
    /// contact's phone (phones only for callers who see them unmasked).
    #[cfg_attr(feature = "openapi", param(max_length = 100))]
    pub q: Option<String>,
    /// Submitted on or after this day (China time).
    pub submitted_from: Option<chrono::NaiveDate>,
    /// Submitted on or before this day (China time).
    pub submitted_to: Option<chrono::NaiveDate>,
    #[cfg_attr(feature = "openapi", param(inline))]
    pub sort: Option<NeedSort>,
    #[cfg_attr(feature = "openapi", param(max_length = 512))]
    pub cursor: Option<String>,
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 200))]
    pub limit: Option<u64>,
}

/// Orders of a list of titled rows (programs, consultation topics): newest, oldest, or by title.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum TitleSort {
    /// Newest first.
    #[default]
    #[serde(rename = "-id")]
    Newest,
    #[serde(rename = "id")]
    Oldest,
    /// By title (Chinese titles in code-point order).
    #[serde(rename = "title")]
    Title,
}

impl TitleSort {
    /// The name of the order, as in the query string and in the page cursor.
    pub fn name(self) -> &'static str {
        match self {
            Self::Newest => "-id",
            Self::Oldest => "id",
            Self::Title => "title",
        }
    }
}

/// `GET /programs`: filters, order and page of the program list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct ProgramListQuery {
    /// Programs in this area's subtree.
    pub area_id: Option<i64>,
    pub status: Option<ProgramStatus>,
    /// Programs working on this catalogue item.
    pub catalogue_item_id: Option<i64>,
    /// Programs with milestones past due.
    pub overdue: Option<bool>,
    /// `#id`, or part of the title or the lead organisation.
    #[cfg_attr(feature = "openapi", param(max_length = 100))]
    pub q: Option<String>,
    #[cfg_attr(feature = "openapi", param(inline))]
    pub sort: Option<TitleSort>,
    #[cfg_attr(feature = "openapi", param(max_length = 512))]
    pub cursor: Option<String>,
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 200))]
    pub limit: Option<u64>,
}

/// Orders of the resource lists (providers, people who serve, services, spaces).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ResourceSort {
    /// Newest first.
    #[default]
    #[serde(rename = "-id")]
    Newest,
    #[serde(rename = "name")]
    Name,
}

impl ResourceSort {
    /// The name of the order, as in the query string and in the page cursor.
    pub fn name(self) -> &'static str {
        match self {
            Self::Newest => "-id",
            Self::Name => "name",
        }
    }
}

/// `GET /providers`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct ProviderListQuery {
    /// In this area's subtree.
    pub area_id: Option<i64>,
    pub kind: Option<ProviderKind>,
    pub verified: Option<bool>,
    pub active: Option<bool>,
    /// `#id`, or part of the name.
    #[cfg_attr(feature = "openapi", param(max_length = 100))]
    pub q: Option<String>,
    #[cfg_attr(feature = "openapi", param(inline))]
    pub sort: Option<ResourceSort>,
    #[cfg_attr(feature = "openapi", param(max_length = 512))]
    pub cursor: Option<String>,
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 200))]
    pub limit: Option<u64>,
}

/// `GET /service-people`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct PersonListQuery {
    /// In this area's subtree.
    pub area_id: Option<i64>,
    pub kind: Option<PersonKind>,
    pub provider_id: Option<i64>,
    /// `#id`, or part of the name.
    #[cfg_attr(feature = "openapi", param(max_length = 100))]
    pub q: Option<String>,
    #[cfg_attr(feature = "openapi", param(inline))]
    pub sort: Option<ResourceSort>,
    #[cfg_attr(feature = "openapi", param(max_length = 512))]
    pub cursor: Option<String>,
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 200))]
    pub limit: Option<u64>,
}

/// `GET /services`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct ServiceListQuery {
    /// In this area's subtree.
    pub area_id: Option<i64>,
    /// A need category code.
    #[cfg_attr(feature = "openapi", param(max_length = 32))]
    pub category: Option<String>,
    pub mode: Option<ServiceMode>,
    pub cost: Option<CostKind>,
    pub provider_id: Option<i64>,
    pub person_id: Option<i64>,
    pub active: Option<bool>,
    /// `#id`, or part of the name.
    #[cfg_attr(feature = "openapi", param(max_length = 100))]
    pub q: Option<String>,
    #[cfg_attr(feature = "openapi", param(inline))]
    pub sort: Option<ResourceSort>,
    #[cfg_attr(feature = "openapi", param(max_length = 512))]
    pub cursor: Option<String>,
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 200))]
    pub limit: Option<u64>,
}

/// `GET /service-spaces`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct SpaceListQuery {
    /// In this area's subtree.
    pub area_id: Option<i64>,
    pub kind: Option<SpaceKind>,
    /// Only spaces open under 8 hours on some day (true), or only the others (false).
    pub short_hours: Option<bool>,
    /// `#id`, or part of the name.
    #[cfg_attr(feature = "openapi", param(max_length = 100))]
    pub q: Option<String>,
    #[cfg_attr(feature = "openapi", param(inline))]
    pub sort: Option<ResourceSort>,
    #[cfg_attr(feature = "openapi", param(max_length = 512))]
    pub cursor: Option<String>,
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 200))]
    pub limit: Option<u64>,
}

/// Orders of the user list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum UserSort {
    /// Oldest account first.
    #[default]
    #[serde(rename = "id")]
    Id,
    #[serde(rename = "username")]
    Username,
    /// Newest account first.
    #[serde(rename = "-id")]
    Newest,
}

impl UserSort {
    /// The name of the order, as in the query string and in the page cursor.
    pub fn name(self) -> &'static str {
        match self {
            Self::Id => "id",
            Self::Username => "username",
            Self::Newest => "-id",
        }
    }
}

/// `GET /users`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct UserListQuery {
    pub role: Option<Role>,
    /// Users whose home area is in this area's subtree.
    pub area_id: Option<i64>,
    /// `#id`, or part of the username or display name.
    #[cfg_attr(feature = "openapi", param(max_length = 100))]
    pub q: Option<String>,
    pub active: Option<bool>,
    #[cfg_attr(feature = "openapi", param(inline))]
    pub sort: Option<UserSort>,
    #[cfg_attr(feature = "openapi", param(max_length = 512))]
    pub cursor: Option<String>,
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 200))]
    pub limit: Option<u64>,
}

/// `GET /audit`: the trail newest first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct AuditQuery {
    pub entity: Option<crate::AuditEntity>,
    pub entity_id: Option<i64>,
    pub actor_id: Option<i64>,
    pub action: Option<crate::AuditAction>,
    /// `#id` of the changed record, or part of the operator's account or of the request id.
    #[cfg_attr(feature = "openapi", param(max_length = 100))]
    pub q: Option<String>,
    /// On or after this day (China time).
    pub from: Option<chrono::NaiveDate>,
    /// On or before this day (China time).
    pub to: Option<chrono::NaiveDate>,
    #[cfg_attr(feature = "openapi", param(max_length = 512))]
    pub cursor: Option<String>,
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 200))]
    pub limit: Option<u64>,
}

/// The file format of an export (台账).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FileFormat {
    /// An Excel workbook with typed cells.
    #[default]
    Xlsx,
    /// UTF-8 with a byte-order mark.
    Csv,
}

/// `format` of the exports that write exactly what a list's filters select (`GET /needs/export`,
/// `/users/export`, `/audit/export`); the list's own filters come beside it, and its `sort`,
/// `cursor` and `limit` are ignored.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct FormatQuery {
    #[cfg_attr(feature = "openapi", param(inline))]
    pub format: Option<FileFormat>,
}

/// A list query as the `name=value` pairs of a query string, leaving out what is not set.
pub fn query_pairs<T: Serialize>(query: &T) -> Vec<(String, String)> {
    let Ok(serde_json::Value::Object(fields)) = serde_json::to_value(query) else { return Vec::new() };
    fields
        .into_iter()
        .filter_map(|(name, value)| match value {
            serde_json::Value::Null => None,
            serde_json::Value::String(s) => Some((name, s)),
            other => Some((name, other.to_string())),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_is_set_is_sent_and_codes_are_sent_as_codes() {
        let query = NeedListQuery {
            status: Some(NeedStatus::Accepted),
            overdue: Some(true),
            area_id: Some(7),
            sort: Some(NeedSort::Oldest),
            ..Default::default()
        };
        let mut pairs = query_pairs(&query);
        pairs.sort();
        let expected = [("area_id", "7"), ("overdue", "true"), ("sort", "id"), ("status", "accepted")];
        assert_eq!(pairs, expected.map(|(k, v)| (k.to_owned(), v.to_owned())));
    }

    #[test]
    fn an_empty_query_sends_nothing() {
        assert!(query_pairs(&ProgramListQuery::default()).is_empty());
    }
}
