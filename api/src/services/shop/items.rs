//! Offering and editing items, and reading the shop: merchants offer in their own community, staff
//! in any community of their subtree; everyone else sees only what can be redeemed now.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, Set};
use shared::{AreaKind, FieldRule, Id, ShopItem, ShopItemInput, ShopItemPage};
use shared::{AuditAction, AuditEntity};

use super::item_dto;
use crate::domain::caller::Caller;
use crate::domain::field_errors::FieldErrors;
use crate::entities::{area, provider, shop_item, user};
use crate::error::ApiError;
use crate::policy::{self, Action, Refused};
use crate::services::audit::{self, Change};
use crate::services::page::{Keyset, PageRequest};

/// Checks an item's fields together and finds its community; every bad field is named at once.
async fn checked<C: ConnectionTrait>(db: &C, caller: &Caller, input: &ShopItemInput) -> Result<area::Model, ApiError> {
    let mut errors = FieldErrors::default();
    if input.name.trim().is_empty() {
        errors.add("/name", FieldRule::Required, "name the item");
    }
    if input.pickup_place.trim().is_empty() {
        errors.add("/pickup_place", FieldRule::Required, "say where it is picked up");
    }
    if input.valid_to <= input.valid_from {
        errors.add("/valid_to", FieldRule::BeforeStart, "the offer must end after it starts");
    }
    let community = match policy::load::<area::Entity, _>(db, caller, input.area_id).await {
        Ok(a) if a.kind == AreaKind::Community.as_str() => Some(a),
        Ok(_) => {
            errors.add("/area_id", FieldRule::WrongKind, "items are offered in a community");
            None
        }
        Err(Refused::NotFound(_)) => {
            errors.add("/area_id", FieldRule::NotFound, "no such community in your area");
            None
        }
        Err(e) => return Err(e.into()),
    };
    errors.finish()?;
    community.ok_or_else(|| ApiError::Unexpected(anyhow::anyhow!("checked item without a community")))
}

fn apply(row: &mut shop_item::ActiveModel, input: &ShopItemInput, community: &area::Model, now: DateTime<Utc>) {
    row.area_id = Set(community.id);
    row.area_path = Set(community.path.clone());
    row.name = Set(input.name.trim().to_owned());
    row.description = Set(input.description.trim().to_owned());
    row.points_price = Set(input.points_price);
    row.stock = Set(input.stock);
    row.limit_per_person = Set(input.limit_per_person);
    row.valid_from = Set(input.valid_from);
    row.valid_to = Set(input.valid_to);
    row.pickup_place = Set(input.pickup_place.trim().to_owned());
    row.active = Set(input.active);
    row.updated_at = Set(now);
}

/// Offers an item in a community of the caller's reach, as the caller.
pub async fn create<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    input: &ShopItemInput,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<ShopItem, ApiError> {
    policy::require(caller, Action::OfferShopItems)?;
    let community = checked(db, caller, input).await?;
    let me = user::Entity::find_by_id(caller.id).one(db).await?;
    let name = me.as_ref().map_or_else(|| caller.username.clone(), |u| u.display_name.clone());
    // A merchant's items are sold by the merchant's provider (staff offer for the community).
    let seller = match me.and_then(|u| u.provider_id) {
        Some(id) => provider::Entity::find_by_id(id).one(db).await?,
        None => None,
    };
    let mut row = shop_item::ActiveModel {
        offered_by: Set(caller.id),
        offered_by_name: Set(name.chars().take(100).collect()),
        provider_id: Set(seller.as_ref().map(|p| p.id)),
        provider_name: Set(seller.map(|p| p.name.chars().take(100).collect())),
        created_at: Set(now),
        ..Default::default()
    };
    apply(&mut row, input, &community, now);
    let saved = item_dto(row.insert(db).await?, now);
    audited(db, caller, AuditAction::Create, &community.path, None, &saved, request_id).await?;
    Ok(saved)
}

/// Replaces an item's fields: its offerer, or a manager of its area. `stock` is what is left.
pub async fn replace<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    input: &ShopItemInput,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<ShopItem, ApiError> {
    let item = policy::load::<shop_item::Entity, _>(db, caller, id).await?;
    if !policy::shop::edits_item(caller, &item) {
        return Err(ApiError::Forbidden("only the account that offered an item, or the managers of its area, edit it".into()));
    }
    let community = checked(db, caller, input).await?;
    let before = item_dto(item.clone(), now);
    let mut row = item.into_active_model();
    apply(&mut row, input, &community, now);
    let saved = item_dto(row.update(db).await?, now);
    audited(db, caller, AuditAction::Update, &community.path, Some(&before), &saved, request_id).await?;
    Ok(saved)
}

/// Records an item's change in the audit trail (who offered or edited what, and its stock).
async fn audited<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    action: AuditAction,
    path: &str,
    before: Option<&ShopItem>,
    after: &ShopItem,
    request_id: Option<&str>,
) -> Result<(), ApiError> {
    let change = Change {
        action,
        entity: AuditEntity::ShopItem,
        entity_id: after.id,
        area: Some((after.area_id, path)),
        before,
        after: Some(after),
    };
    audit::record(db, Some(caller), request_id, change).await
}

fn visible(caller: &Caller, now: DateTime<Utc>) -> Result<sea_orm::Select<shop_item::Entity>, ApiError> {
    Ok(policy::visible::<shop_item::Entity>(caller)?.filter(policy::shop::item_visibility(caller, now)))
}

/// One item the caller sees.
pub async fn get<C: ConnectionTrait>(db: &C, caller: &Caller, id: Id, now: DateTime<Utc>) -> Result<ShopItem, ApiError> {
    let found = visible(caller, now)?.filter(shop_item::Column::Id.eq(id)).one(db).await?;
    found.map(|m| item_dto(m, now)).ok_or(ApiError::NotFound("item"))
}

/// Orders of the item list: `-id` (newest), `id`, `name`.
pub fn keyset(sort: &str) -> Keyset<shop_item::Entity> {
    Keyset {
        name: match sort {
            "id" => "id",
            "name" => "name",
            _ => "-id",
        },
        column: (sort == "name").then_some(shop_item::Column::Name),
        desc: sort == "-id",
        id: shop_item::Column::Id,
        key_of: |m| (Some(m.name.clone()), m.id),
    }
}

/// Filters of the item list.
pub struct ItemFilter {
    /// Name or description contains.
    pub q: Option<String>,
    /// Items of this community only.
    pub area_id: Option<Id>,
    /// Only what can be redeemed now (what residents always get).
    pub available: bool,
}

/// A page of the items the caller sees, with how many the filters select.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    filter: &ItemFilter,
    sort: &str,
    page: PageRequest,
    now: DateTime<Utc>,
) -> Result<ShopItemPage, ApiError> {
    let mut select = visible(caller, now)?;
    if let Some(q) = filter.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        select = select
            .filter(sea_orm::Condition::any().add(shop_item::Column::Name.contains(q)).add(shop_item::Column::Description.contains(q)));
    }
    if let Some(area) = filter.area_id {
        select = select.filter(shop_item::Column::AreaId.eq(area));
    }
    if filter.available {
        select = select
            .filter(shop_item::Column::Active.eq(true))
            .filter(shop_item::Column::ValidFrom.lte(now))
            .filter(shop_item::Column::ValidTo.gt(now))
            .filter(shop_item::Column::Stock.gt(0));
    }
    let total = select.clone().count(db).await? as i64;
    let (rows, next_cursor) = page.fetch(db, select, &keyset(sort)).await?;
    Ok(ShopItemPage { items: rows.into_iter().map(|m| item_dto(m, now)).collect(), next_cursor, total })
}
