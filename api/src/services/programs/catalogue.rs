//! The co-building catalogue: the bundled years are loaded as reference data with the migrations;
//! everyone signed in reads it; platform admins edit names and descriptions.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set};
use serde::Deserialize;
use shared::{AuditAction, AuditEntity};
use shared::{CatalogueEntry, CatalogueEntryPatch, FieldRule, Id};

use crate::domain::caller::Caller;
use crate::domain::field_errors::FieldErrors;
use crate::entities::catalogue_entry;
use crate::error::ApiError;
use crate::services::audit::{self, Change};

/// The catalogues shipped with the platform, one JSON file per year (seed 000 for 2025).
const BUNDLED: &[&str] = &[include_str!("../../../data/catalogue/2025.json")];

#[derive(Deserialize)]
struct Year {
    year: i32,
    directions: Vec<Node>,
}

#[derive(Deserialize)]
struct Node {
    code: String,
    name_zh: String,
    name_en: String,
    #[serde(default)]
    description_zh: Option<String>,
    #[serde(default)]
    sections: Vec<Node>,
    #[serde(default)]
    items: Vec<Node>,
}

fn flatten(node: &Node, parent: Option<&str>, level: &str, year: i32, now: DateTime<Utc>, out: &mut Vec<catalogue_entry::ActiveModel>) {
    out.push(catalogue_entry::ActiveModel {
        year: Set(year),
        code: Set(node.code.clone()),
        parent_code: Set(parent.map(str::to_owned)),
        level: Set(level.into()),
        name_zh: Set(node.name_zh.clone()),
        name_en: Set(node.name_en.clone()),
        description_zh: Set(node.description_zh.clone()),
        updated_at: Set(now),
        ..Default::default()
    });
    for section in &node.sections {
        flatten(section, Some(&node.code), "section", year, now, out);
    }
    for item in &node.items {
        flatten(item, Some(&node.code), "item", year, now, out);
    }
}

/// Loads every bundled year that is not in the database yet; edits made since are kept.
pub async fn load_bundled<C: ConnectionTrait>(db: &C, now: DateTime<Utc>) -> Result<usize, ApiError> {
    let mut loaded = 0;
    for text in BUNDLED {
        let year: Year = serde_json::from_str(text).map_err(|e| anyhow::anyhow!("bundled catalogue is not valid: {e}"))?;
        if catalogue_entry::Entity::find().filter(catalogue_entry::Column::Year.eq(year.year)).count(db).await? > 0 {
            continue;
        }
        let mut rows = Vec::new();
        for direction in &year.directions {
            flatten(direction, None, "direction", year.year, now, &mut rows);
        }
        loaded += rows.len();
        for row in rows {
            row.insert(db).await?;
        }
    }
    Ok(loaded)
}

pub(crate) fn to_dto(m: catalogue_entry::Model) -> CatalogueEntry {
    CatalogueEntry {
        id: m.id,
        year: m.year,
        code: m.code,
        parent_code: m.parent_code,
        level: m.level,
        name_zh: m.name_zh,
        name_en: m.name_en,
        description_zh: m.description_zh,
    }
}

/// One year's catalogue in document order (directions, their sections, their items).
pub async fn catalogue<C: ConnectionTrait>(db: &C, year: i32) -> Result<Vec<CatalogueEntry>, ApiError> {
    let mut rows = catalogue_entry::Entity::find()
        .filter(catalogue_entry::Column::Year.eq(year))
        .order_by_asc(catalogue_entry::Column::Id)
        .all(db)
        .await?;
    // Codes sort numerically per segment: 1.2 before 1.10.
    rows.sort_by_key(|m| m.code.split('.').map(|s| s.parse::<u32>().unwrap_or(0)).collect::<Vec<_>>());
    Ok(rows.into_iter().map(to_dto).collect())
}

/// The years there is a catalogue for, newest first.
pub async fn years<C: ConnectionTrait>(db: &C) -> Result<Vec<i32>, ApiError> {
    let mut years: Vec<i32> = catalogue_entry::Entity::find().all(db).await?.into_iter().map(|m| m.year).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    Ok(years)
}

/// Platform admins correct names and descriptions; codes and structure stay as published.
pub async fn patch<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    patch: &CatalogueEntryPatch,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<CatalogueEntry, ApiError> {
    crate::policy::require(caller, crate::policy::Action::EditCatalogue)?;
    let current = catalogue_entry::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound("catalogue entry"))?;
    let mut errors = FieldErrors::default();
    for (field, value) in [("/name_zh", &patch.name_zh), ("/name_en", &patch.name_en)] {
        if value.as_deref().is_some_and(|v| v.trim().is_empty()) {
            errors.add(field, FieldRule::Required, "cannot be blank");
        }
    }
    errors.finish()?;
    let before = to_dto(current.clone());
    let mut model: catalogue_entry::ActiveModel = current.into();
    if let Some(v) = &patch.name_zh {
        model.name_zh = Set(v.trim().into());
    }
    if let Some(v) = &patch.name_en {
        model.name_en = Set(v.trim().into());
    }
    if let Some(v) = &patch.description_zh {
        model.description_zh = Set(Some(v.clone()));
    }
    model.updated_at = Set(now);
    let after = to_dto(model.update(db).await?);
    audit::record(
        db,
        Some(caller),
        request_id,
        Change {
            action: AuditAction::Update,
            entity: AuditEntity::CatalogueEntry,
            entity_id: id,
            area: None,
            before: Some(&before),
            after: Some(&after),
        },
    )
    .await?;
    Ok(after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_2025_catalogue_has_three_directions_nine_sections_and_the_seven_service_spaces() {
        let year: Year = serde_json::from_str(BUNDLED[0]).expect("valid json");
        assert_eq!(year.year, 2025);
        assert_eq!(year.directions.len(), 3);
        let sections: Vec<&Node> = year.directions.iter().flat_map(|d| &d.sections).collect();
        assert_eq!(sections.len(), 9);
        let spaces = sections.iter().find(|s| s.code == "2.3").expect("2.3");
        assert_eq!(spaces.name_zh, "社区服务空间生态体系建设");
        let names: Vec<&str> = spaces.items.iter().map(|i| i.name_zh.as_str()).collect();
        assert_eq!(
            names,
            ["养老服务空间", "未成年人服务空间", "健康服务空间", "教育服务空间", "创业就业空间", "全民健身空间", "便民服务空间"]
        );
    }

    #[test]
    fn every_code_starts_with_its_parents() {
        let year: Year = serde_json::from_str(BUNDLED[0]).expect("valid json");
        for d in &year.directions {
            for s in &d.sections {
                assert!(s.code.starts_with(&format!("{}.", d.code)));
                for i in &s.items {
                    assert!(i.code.starts_with(&format!("{}.", s.code)));
                    assert!(!i.name_en.is_empty());
                }
            }
        }
    }
}
