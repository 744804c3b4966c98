//! 需求众筹: residents see their community's open needs (without personal data) and co-sign them, once each.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use shared::{AreaKind, Id, NeedStatus, NeedSummary, Page};
use shared::{AuditAction, AuditEntity};

use super::{Names, status_of};
use crate::domain::caller::Caller;
use crate::domain::scope::Scope;
use crate::entities::{need, need_cosign};
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::services::audit::{self, Change};
use crate::services::page::{Keyset, PageRequest};

/// The path of the resident's community (their home, or the community of their grid).
fn community_path(caller: &Caller) -> Result<String, ApiError> {
    policy::require(caller, Action::CosignNeeds)?;
    match caller.area_kind {
        AreaKind::Community => Ok(caller.area_path.clone()),
        AreaKind::Grid => {
            let trimmed = caller.area_path.trim_end_matches('/');
            Ok(trimmed.rsplit_once('/').map(|(parent, _)| format!("{parent}/")).unwrap_or_default())
        }
        _ => Err(ApiError::Forbidden("your home area is not a community".into())),
    }
}

fn open_in(path: &str) -> sea_orm::Select<need::Entity> {
    let finals = NeedStatus::ALL.into_iter().filter(|s| s.is_final()).map(|s| s.as_str());
    need::Entity::find().filter(Scope::subtree(path).path_condition(need::Column::AreaPath)).filter(need::Column::Status.is_not_in(finals))
}

async fn summaries<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    rows: Vec<need::Model>,
    now: DateTime<Utc>,
) -> Result<Vec<NeedSummary>, ApiError> {
    let ids: Vec<Id> = rows.iter().map(|n| n.id).collect();
    let mine: Vec<Id> = need_cosign::Entity::find()
        .filter(need_cosign::Column::UserId.eq(caller.id))
        .filter(need_cosign::Column::NeedId.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|c| c.need_id)
        .collect();
    let names = Names::load(db, &rows, now).await?;
    rows.into_iter()
        .map(|n| {
            Ok::<_, ApiError>(NeedSummary {
                id: n.id,
                status: status_of(&n)?,
                category: n.category.clone(),
                text: n.text.clone(),
                area_name: names.area(n.area_id),
                cosign_count: n.cosign_count,
                cosigned: mine.contains(&n.id),
                created_at: n.created_at,
            })
        })
        .collect()
}

/// Other residents' open needs in the caller's community, newest first.
pub async fn community_needs<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    page: PageRequest,
    now: DateTime<Utc>,
) -> Result<Page<NeedSummary>, ApiError> {
    let path = community_path(caller)?;
    let select = open_in(&path)
        .filter(sea_orm::Condition::any().add(need::Column::ResidentId.is_null()).add(need::Column::ResidentId.ne(caller.id)));
    let keyset = Keyset::<need::Entity> { name: "-id", column: None, desc: true, id: need::Column::Id, key_of: |m| (None, m.id) };
    let (rows, next_cursor) = page.fetch(db, select, &keyset).await?;
    Ok(Page { items: summaries(db, caller, rows, now).await?, next_cursor })
}

/// Co-signs another resident's open need in the same community; once per person.
pub async fn cosign<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<NeedSummary, ApiError> {
    let path = community_path(caller)?;
    policy::residents::require_verified(db, caller, Action::CosignNeeds).await?;
    let found = open_in(&path).filter(need::Column::Id.eq(id)).one(db).await?.ok_or(ApiError::NotFound("need"))?;
    if found.resident_id == Some(caller.id) {
        return Err(ApiError::Conflict("you cannot co-sign your own need".into()));
    }
    let already = need_cosign::Entity::find()
        .filter(need_cosign::Column::NeedId.eq(id))
        .filter(need_cosign::Column::UserId.eq(caller.id))
        .one(db)
        .await?;
    if already.is_some() {
        return Err(ApiError::Conflict("you have already co-signed this need".into()));
    }
    need_cosign::ActiveModel { need_id: Set(id), user_id: Set(caller.id), created_at: Set(now), ..Default::default() }.insert(db).await?;
    need::Entity::update_many()
        .col_expr(need::Column::CosignCount, Expr::col(need::Column::CosignCount).add(1))
        .filter(need::Column::Id.eq(id))
        .exec(db)
        .await?;
    let updated = need::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound("need"))?;
    let summary = summaries(db, caller, vec![updated.clone()], now).await?.remove(0);
    audit::record(
        db,
        Some(caller),
        request_id,
        Change {
            action: AuditAction::Cosign,
            entity: AuditEntity::Need,
            entity_id: id,
            area: Some((updated.area_id, &updated.area_path)),
            before: None,
            after: Some(&summary),
        },
    )
    .await?;
    Ok(summary)
}
