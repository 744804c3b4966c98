//! Demo rules of the ledger: 缤豆-style points in every demo district (10 points per hour served, 5
//! more for a good rating) and a one-hour time-bank overdraft in 缤纷社区.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use shared::AreaKind;

use crate::entities::{area, ledger_rule};
use crate::error::ApiError;

/// Points per hour and per good rating in every demo district.
pub const POINTS_PER_HOUR: i64 = 10;
pub const POINTS_PER_GOOD_RATING: i64 = 5;

/// Writes the demo rules where none are set; running it again changes nothing.
pub async fn seed_rules<C: ConnectionTrait>(db: &C) -> Result<(), ApiError> {
    let districts = area::Entity::find().filter(area::Column::Kind.eq(AreaKind::District.as_str())).all(db).await?;
    for d in districts {
        ensure(db, &d, None, Some(POINTS_PER_HOUR), Some(POINTS_PER_GOOD_RATING)).await?;
    }
    if let Some(c) = area::Entity::find().filter(area::Column::Name.eq("缤纷社区")).one(db).await? {
        ensure(db, &c, Some(60), None, None).await?;
    }
    Ok(())
}

async fn ensure<C: ConnectionTrait>(
    db: &C,
    at: &area::Model,
    overdraft: Option<i64>,
    per_hour: Option<i64>,
    per_good_rating: Option<i64>,
) -> Result<(), ApiError> {
    if ledger_rule::Entity::find().filter(ledger_rule::Column::AreaId.eq(at.id)).one(db).await?.is_some() {
        return Ok(());
    }
    ledger_rule::ActiveModel {
        area_id: Set(at.id),
        area_path: Set(at.path.clone()),
        overdraft_minutes: Set(overdraft),
        points_per_hour: Set(per_hour),
        points_per_good_rating: Set(per_good_rating),
        updated_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}
