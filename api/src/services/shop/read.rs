//! Reading orders: the resident's own (with pick-up codes), a merchant's (the orders of their own
//! items) and the subtree's for managers — each list with the count and points of all it selects.

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, QueryFilter, QuerySelect, Select};
use shared::{Id, ShopOrder, ShopOrderPage, ShopOrderStatus};

use super::order_dto;
use crate::domain::caller::Caller;
use crate::entities::shop_order;
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::services::page::{Keyset, PageRequest};

/// Filters of an order list.
#[derive(Default)]
pub struct OrderFilter {
    pub status: Option<ShopOrderStatus>,
    pub item_id: Option<Id>,
}

fn keyset() -> Keyset<shop_order::Entity> {
    Keyset { name: "-id", column: None, desc: true, id: shop_order::Column::Id, key_of: |m| (None, m.id) }
}

async fn page_of<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    mut select: Select<shop_order::Entity>,
    filter: &OrderFilter,
    page: PageRequest,
) -> Result<ShopOrderPage, ApiError> {
    if let Some(status) = filter.status {
        select = select.filter(shop_order::Column::Status.eq(status.as_str()));
    }
    if let Some(item) = filter.item_id {
        select = select.filter(shop_order::Column::ItemId.eq(item));
    }
    // SUM of a bigint is numeric on PostgreSQL: cast back so both backends answer an i64.
    let totals: Option<(i64, i64)> = select
        .clone()
        .select_only()
        .column_as(Expr::cust("COUNT(*)"), "n")
        .column_as(Expr::cust("CAST(COALESCE(SUM(points), 0) AS BIGINT)"), "points")
        .into_tuple()
        .one(db)
        .await?;
    let (total, total_points) = totals.unwrap_or((0, 0));
    let (rows, next_cursor) = page.fetch(db, select, &keyset()).await?;
    let items = rows.into_iter().map(|m| order_dto(caller, m)).collect::<Result<Vec<_>, _>>()?;
    Ok(ShopOrderPage { items, next_cursor, total, total_points })
}

/// The caller's own orders, newest first.
pub async fn mine<C: ConnectionTrait>(db: &C, caller: &Caller, filter: &OrderFilter, page: PageRequest) -> Result<ShopOrderPage, ApiError> {
    policy::require(caller, Action::ReadOwnShopOrders)?;
    let select = policy::visible::<shop_order::Entity>(caller)?.filter(shop_order::Column::ResidentId.eq(caller.id));
    page_of(db, caller, select, filter, page).await
}

/// The orders a merchant or manager handles: those of the caller's items, and the subtree's.
pub async fn handled<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    filter: &OrderFilter,
    page: PageRequest,
) -> Result<ShopOrderPage, ApiError> {
    policy::require(caller, Action::ReadShopOrders)?;
    let select = policy::visible::<shop_order::Entity>(caller)?;
    page_of(db, caller, select, filter, page).await
}

/// One order the caller reaches.
pub async fn get<C: ConnectionTrait>(db: &C, caller: &Caller, id: Id) -> Result<ShopOrder, ApiError> {
    order_dto(caller, policy::load::<shop_order::Entity, _>(db, caller, id).await?)
}
