//! Moving an order on: hand-over against the pick-up code, cancellation, expiry. Each move is a
//! conditional update on the current status (`… WHERE id = ? AND status = 'reserved'`), so of two
//! concurrent moves — a cancel and the sweeper, two sweepers — exactly one wins; the loser changes
//! nothing. Cancelling and expiring then reverse the order's ledger transfer and put the stock back,
//! in the same transaction.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use shared::{CancelOrder, FieldRule, Id, NotificationKind, ShopOrder, ShopOrderStatus, SubjectKind};

use super::order_dto;
use crate::domain::caller::Caller;
use crate::domain::notification_text::Facts;
use crate::domain::shop_order_lifecycle::{OrderAction, Party, next, returns_points};
use crate::entities::stored::stored;
use crate::entities::{ledger_transfer, shop_item, shop_order};
use crate::error::ApiError;
use crate::policy;
use crate::services::ledger::post::{PostError, reverse};
use crate::services::notifications::{self, Notice};

/// Moves `order` to `to` if it is still reserved; gives points and stock back when `to` says so,
/// and tells the resident. `None` when another move got there first.
pub async fn close<C: ConnectionTrait>(
    db: &C,
    order: &shop_order::Model,
    to: ShopOrderStatus,
    actor: Option<Id>,
    reason: Option<String>,
    now: DateTime<Utc>,
) -> Result<Option<shop_order::Model>, ApiError> {
    let taken = shop_order::Entity::update_many()
        .col_expr(shop_order::Column::Status, Expr::value(to.as_str()))
        .col_expr(shop_order::Column::OpenCode, Expr::value(Option::<String>::None))
        .col_expr(shop_order::Column::ClosedAt, Expr::value(now))
        .filter(shop_order::Column::Id.eq(order.id))
        .filter(shop_order::Column::Status.eq(ShopOrderStatus::Reserved.as_str()))
        .exec(db)
        .await?;
    if taken.rows_affected != 1 {
        return Ok(None);
    }
    if returns_points(to) {
        give_back(db, order, actor, now).await?;
    }
    let kind = match to {
        ShopOrderStatus::Fulfilled => NotificationKind::ShopOrderFulfilled,
        ShopOrderStatus::Expired => NotificationKind::ShopOrderExpired,
        _ => NotificationKind::ShopOrderCancelled,
    };
    let facts = Facts { id: order.id, title: Some(order.item_name.clone()), reason, ..Default::default() };
    let notice = Notice { kind, subject: SubjectKind::ShopOrder, area_path: &order.area_path, facts };
    notifications::notify(db, &[order.resident_id], actor, &notice, now).await?;
    Ok(shop_order::Entity::find_by_id(order.id).one(db).await?)
}

/// Restocks the item and reverses the order's transfer (the points go back to the resident).
///
/// The item row is updated before the ledger accounts, in the same order a redemption takes them
/// (item, then accounts): on PostgreSQL a cancel and a redemption of one item then queue on the
/// item's row lock instead of each holding what the other waits for.
async fn give_back<C: ConnectionTrait>(db: &C, order: &shop_order::Model, actor: Option<Id>, now: DateTime<Utc>) -> Result<(), ApiError> {
    shop_item::Entity::update_many()
        .col_expr(shop_item::Column::Stock, Expr::col(shop_item::Column::Stock).add(order.quantity))
        .filter(shop_item::Column::Id.eq(order.item_id))
        .exec(db)
        .await?;
    if let Some(transfer_id) = order.transfer_id {
        let original =
            ledger_transfer::Entity::find_by_id(transfer_id).one(db).await?.ok_or(ApiError::NotFound("transfer of the order"))?;
        let reason = format!("积分商城订单 {} 退回积分", order.id);
        let (reversal, _) = reverse(db, &original, reason, actor, now).await.map_err(|e| match e {
            PostError::Api(e) => e,
            other => ApiError::Unexpected(anyhow::anyhow!("reversing order {}: {other}", order.id)),
        })?;
        shop_order::Entity::update_many()
            .col_expr(shop_order::Column::ReversalId, Expr::value(reversal.id))
            .filter(shop_order::Column::Id.eq(order.id))
            .exec(db)
            .await?;
    }
    Ok(())
}

/// Takes `action` on an order the caller reaches, if the lifecycle lets one of their parties.
async fn act<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    action: OrderAction,
    check: impl FnOnce(&shop_order::Model) -> Result<(), ApiError>,
    reason: Option<String>,
    now: DateTime<Utc>,
) -> Result<ShopOrder, ApiError> {
    let order = policy::load::<shop_order::Entity, _>(db, caller, id).await?;
    let parties: Vec<Party> = policy::shop::parties(caller, &order);
    let status: ShopOrderStatus = stored(&order.status, "shop_orders", order.id)?;
    let Some(to) = next(status, action, &parties) else {
        if parties.is_empty() || next(ShopOrderStatus::Reserved, action, &parties).is_none() {
            return Err(ApiError::Forbidden(format!("you may not {action:?} this order").to_lowercase()));
        }
        return Err(ApiError::Conflict(format!("order {id} is {}, not reserved", status.as_str())));
    };
    check(&order)?;
    match close(db, &order, to, Some(caller.id), reason, now).await? {
        Some(saved) => order_dto(caller, saved),
        None => Err(ApiError::Conflict(format!("order {id} was closed meanwhile"))),
    }
}

/// Hands an order over against the code the resident shows; a wrong code is 422 on `/code`.
pub async fn fulfil<C: ConnectionTrait>(db: &C, caller: &Caller, id: Id, code: &str, now: DateTime<Utc>) -> Result<ShopOrder, ApiError> {
    let code = code.trim().to_owned();
    let check = move |o: &shop_order::Model| {
        if o.pickup_code == code { Ok(()) } else { Err(ApiError::field("/code", FieldRule::WrongCode, "not this order's pick-up code")) }
    };
    act(db, caller, id, OrderAction::Fulfil, check, None, now).await
}

/// Cancels a reserved order: the points come back by reversal and the stock is put back.
pub async fn cancel<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    req: &CancelOrder,
    now: DateTime<Utc>,
) -> Result<ShopOrder, ApiError> {
    let reason = req.reason.as_deref().map(str::trim).filter(|r| !r.is_empty()).map(str::to_owned);
    act(db, caller, id, OrderAction::Cancel, |_| Ok(()), reason, now).await
}
