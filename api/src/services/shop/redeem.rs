//! Redeeming an item (兑换), in the caller's one write transaction:
//!
//! 1. take the stock by a conditional update (`stock = stock - q WHERE stock >= q AND active AND
//!    valid now`) — no read before it, so fifty residents racing for the last ten items get exactly
//!    ten rows; on PostgreSQL the update locks the item row until the transaction ends;
//! 2. the per-person limit, counted *after* that update: a second order of the same resident waits
//!    on the item's row lock and then counts the first one;
//! 3. the order, with a six-digit pick-up code unique among the community's open orders;
//! 4. the ledger transfer from the resident's points to the community's shop escrow, which the
//!    ledger refuses below zero. Any refusal rolls the whole transaction back: nothing is written.

use chrono::{DateTime, Duration, Utc};
use rand::Rng;
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, QuerySelect, Set};
use shared::{FieldRule, HolderKind, LedgerUnit, Redeem, ShopOrder, ShopOrderStatus, TransferKind};

use super::{escrow_account, order_dto};
use crate::domain::caller::Caller;
use crate::domain::ledger::Violation;
use crate::domain::shop_order_lifecycle::pickup_code;
use crate::entities::{area, shop_item, shop_order, user};
use crate::error::ApiError;
use crate::policy::{self, Action, Refused};
use crate::services::ledger::post::{Draft, PostError, post};
use crate::services::ledger::{Holder, ensure_account};

/// Takes `quantity` off the item's stock if that much is left and it can be redeemed at `now`;
/// returns the stock left, or `None` when the update matched no row.
async fn take_stock<C: ConnectionTrait>(db: &C, item: i64, quantity: i64, now: DateTime<Utc>) -> Result<Option<i64>, ApiError> {
    let stock = || Expr::col(shop_item::Column::Stock);
    let mut update = Query::update();
    update
        .table(shop_item::Entity)
        .value(shop_item::Column::Stock, stock().sub(quantity))
        .and_where(Expr::col(shop_item::Column::Id).eq(item))
        .and_where(stock().gte(quantity))
        .and_where(Expr::col(shop_item::Column::Active).eq(true))
        .and_where(Expr::col(shop_item::Column::ValidFrom).lte(now))
        .and_where(Expr::col(shop_item::Column::ValidTo).gt(now))
        .returning_col(shop_item::Column::Stock);
    let statement = db.get_database_backend().build(&update);
    match db.query_one_raw(statement).await? {
        Some(row) => Ok(Some(row.try_get::<i64>("", "stock")?)),
        None => Ok(None),
    }
}

/// Why the conditional update took nothing, for the 409.
async fn not_taken<C: ConnectionTrait>(db: &C, item: i64, quantity: i64, now: DateTime<Utc>) -> Result<ApiError, ApiError> {
    let current = shop_item::Entity::find_by_id(item).one(db).await?.ok_or(ApiError::NotFound("item"))?;
    Ok(if !super::available(&current, now) && current.stock > 0 {
        ApiError::Conflict(format!("item {item} cannot be redeemed now (inactive, or outside its validity)"))
    } else {
        ApiError::Conflict(format!("sold out: {} left of item {item}, {quantity} asked for (已兑完)", current.stock))
    })
}

/// A pick-up code no open order of the community has.
async fn fresh_code<C: ConnectionTrait>(db: &C, community: i64) -> Result<String, ApiError> {
    for _ in 0..20 {
        let code = pickup_code(rand::thread_rng().r#gen());
        let taken = shop_order::Entity::find()
            .filter(shop_order::Column::AreaId.eq(community))
            .filter(shop_order::Column::OpenCode.eq(code.as_str()))
            .one(db)
            .await?;
        if taken.is_none() {
            return Ok(code);
        }
    }
    Err(ApiError::Unavailable("no free pick-up code; try again".into()))
}

/// Places an order for the caller. `key` is the request's `Idempotency-Key`, kept unique on the
/// ledger transfer as a second guard behind the replay table.
pub async fn redeem<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    req: &Redeem,
    key: Option<&str>,
    expiry_days: i64,
    now: DateTime<Utc>,
) -> Result<ShopOrder, ApiError> {
    policy::require(caller, Action::RedeemShopItems)?;
    let item = match policy::load::<shop_item::Entity, _>(db, caller, req.item_id).await {
        Ok(item) => item,
        Err(Refused::NotFound(_)) => return Err(ApiError::field("/item_id", FieldRule::NotFound, "no such item in your community")),
        Err(e) => return Err(e.into()),
    };
    let q = req.quantity;
    if take_stock(db, item.id, q, now).await?.is_none() {
        return Err(not_taken(db, item.id, q, now).await?);
    }
    let (already,): (Option<i64>,) = shop_order::Entity::find()
        .select_only()
        .column_as(Expr::cust("CAST(COALESCE(SUM(quantity), 0) AS BIGINT)"), "n")
        .filter(shop_order::Column::ResidentId.eq(caller.id))
        .filter(shop_order::Column::ItemId.eq(item.id))
        .filter(shop_order::Column::Status.ne(ShopOrderStatus::Cancelled.as_str()))
        .into_tuple()
        .one(db)
        .await?
        .unwrap_or((None,));
    let already = already.unwrap_or(0);
    if already + q > item.limit_per_person {
        return Err(ApiError::field(
            "/quantity",
            FieldRule::LimitReached,
            format!(
                "每人限兑 {} 件，您已兑 {already} 件 (limit {} per person, {already} taken)",
                item.limit_per_person, item.limit_per_person
            ),
        ));
    }
    let community = area::Entity::find_by_id(item.area_id).one(db).await?.ok_or(ApiError::NotFound("community"))?;
    let me = user::Entity::find_by_id(caller.id).one(db).await?.ok_or(ApiError::NotFound("user"))?;
    let points = item.points_price * q;
    let order = shop_order::ActiveModel {
        item_id: Set(item.id),
        item_name: Set(item.name.clone()),
        area_id: Set(item.area_id),
        area_path: Set(item.area_path.clone()),
        offered_by: Set(item.offered_by),
        resident_id: Set(caller.id),
        resident_name: Set(me.display_name.chars().take(100).collect()),
        quantity: Set(q),
        points: Set(points),
        status: Set(ShopOrderStatus::Reserved.as_str().into()),
        pickup_code: Set(String::new()),
        open_code: Set(None),
        pickup_place: Set(item.pickup_place.clone()),
        expires_at: Set(now + Duration::days(expiry_days)),
        transfer_id: Set(None),
        reversal_id: Set(None),
        created_at: Set(now),
        closed_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let holder =
        Holder { kind: HolderKind::Resident, id: caller.id, name: &me.display_name, area_id: caller.area_id, area_path: &caller.area_path };
    let wallet = ensure_account(db, &holder, LedgerUnit::Points, now).await?;
    let escrow = escrow_account(db, &community, now).await?;
    let draft = Draft {
        kind: TransferKind::Redemption,
        reason: format!("积分商城兑换：{} × {q}", item.name),
        source: Some(("shop_order", order.id)),
        reverses: None,
        idempotency_key: key.map(|k| format!("shop:{}:{k}", caller.id)),
        created_by: Some(caller.id),
        legs: vec![(wallet.clone(), -points), (escrow, points)],
        now,
    };
    let transfer = match post(db, draft).await {
        Ok((transfer, _)) => transfer,
        Err(PostError::Rule(Violation::BelowFloor(_))) => {
            return Err(ApiError::field(
                "/quantity",
                FieldRule::InsufficientBalance,
                format!("需要 {points} 积分，当前余额 {} (needs {points} points, balance {})", wallet.balance, wallet.balance),
            ));
        }
        Err(PostError::Api(e)) => return Err(e),
        Err(other) => return Err(ApiError::Unexpected(anyhow::anyhow!("redemption refused by the ledger: {other}"))),
    };
    let code = fresh_code(db, community.id).await?;
    let mut row = order.into_active_model();
    row.transfer_id = Set(Some(transfer.id));
    row.pickup_code = Set(code.clone());
    row.open_code = Set(Some(code));
    order_dto(caller, row.update(db).await?)
}
