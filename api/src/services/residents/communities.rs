//! The communities a new resident may pick at sign-up: public, because the person signing up has
//! no account yet. Names only (the community, its street, its grids) — nothing personal.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use shared::{AreaKind, CommunityChoice, GridChoice};

use crate::entities::area;
use crate::error::ApiError;

/// Communities whose name contains `q` (all when empty), by name, at most `limit`, each with its grids.
pub async fn choices<C: ConnectionTrait>(db: &C, q: Option<&str>, limit: u64) -> Result<Vec<CommunityChoice>, ApiError> {
    let mut select = area::Entity::find().filter(area::Column::Kind.eq(AreaKind::Community.as_str()));
    if let Some(q) = q.map(str::trim).filter(|q| !q.is_empty()) {
        select = select.filter(area::Column::Name.contains(q));
    }
    let communities = select.order_by_asc(area::Column::Name).order_by_asc(area::Column::Id).limit(limit).all(db).await?;
    let ids: Vec<i64> = communities.iter().map(|c| c.id).collect();
    let parents: Vec<i64> = communities.iter().filter_map(|c| c.parent_id).collect();
    let streets: HashMap<i64, String> =
        area::Entity::find().filter(area::Column::Id.is_in(parents)).all(db).await?.into_iter().map(|s| (s.id, s.name)).collect();
    let mut grids: HashMap<i64, Vec<GridChoice>> = HashMap::new();
    let grid_rows = area::Entity::find()
        .filter(area::Column::Kind.eq(AreaKind::Grid.as_str()))
        .filter(area::Column::ParentId.is_in(ids))
        .order_by_asc(area::Column::Name)
        .order_by_asc(area::Column::Id)
        .all(db)
        .await?;
    for g in grid_rows {
        if let Some(parent) = g.parent_id {
            grids.entry(parent).or_default().push(GridChoice { id: g.id, name: g.name });
        }
    }
    Ok(communities
        .into_iter()
        .map(|c| CommunityChoice {
            street: c.parent_id.and_then(|p| streets.get(&p).cloned()),
            grids: grids.remove(&c.id).unwrap_or_default(),
            id: c.id,
            name: c.name,
        })
        .collect())
}
