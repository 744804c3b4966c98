//! Demo points shop (积分商城) of 缤纷社区, seed 004's 缤豆: the demo merchant's items, points for the
//! demo resident (a staff adjustment through the ledger, as a grant for volunteering would be), and
//! one order waiting to be picked up — all through the real service functions.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, PaginatorTrait, Set};
use shared::{HolderKind, LedgerUnit, NewProvider, NewTransfer, OpenAccount, ProviderKind, Redeem, ShopItemInput, TransferKind};

use super::demo_caller as caller;
use crate::domain::caller::Caller;
use crate::entities::{shop_item, user};
use crate::error::ApiError;
use crate::services::ledger::write;
use crate::services::resources::providers;
use crate::services::shop::{items, redeem};

/// Points the demo resident starts with: enough for a long schemathesis run of redemptions.
pub const RESIDENT_POINTS: i64 = 20000;

/// (name, description, price, stock, limit per person), in the order they are created (ids 1–3 on a
/// fresh database).
const ITEMS: [(&str, &str, i64, i64, i64); 3] = [
    // The community's give-away bag: a large batch with a generous limit per household.
    ("环保购物袋", "可重复使用的帆布购物袋，缤纷社区定制款", 50, 1000, 200),
    ("社区理发券", "缤纷便利店合作理发店单次理发", 30, 50, 20),
    ("有机蔬菜礼包", "本地合作社当季蔬菜一份", 80, 30, 20),
];

/// The demo merchant sells for 缤纷便利店, an enterprise of the community registered by its staff.
async fn sells_for_the_shop<C: ConnectionTrait>(db: &C, staff: &Caller, merchant: &Caller, now: DateTime<Utc>) -> Result<(), ApiError> {
    let new = NewProvider {
        kind: ProviderKind::Enterprise,
        name: "缤纷便利店".into(),
        area_id: merchant.area_id,
        contact_name: None,
        contact_phone: None,
        user_id: None,
        verified: true,
        description: "社区便利店，积分商城兑换点".into(),
    };
    let shop = providers::create(db, staff, &new, now, None).await?;
    let account = user::Entity::find_by_id(merchant.id).one(db).await?.ok_or(ApiError::NotFound("user"))?;
    let mut account: user::ActiveModel = account.into();
    account.provider_id = Set(Some(shop.id));
    account.update(db).await?;
    Ok(())
}

/// Seeds the demo shop once (nothing when any item exists); returns how many items.
pub async fn seed<C: ConnectionTrait>(db: &C, now: DateTime<Utc>) -> Result<usize, ApiError> {
    if shop_item::Entity::find().count(db).await? > 0 {
        return Ok(0);
    }
    let merchant = caller(db, "merchant").await?;
    let staff = caller(db, "community").await?;
    sells_for_the_shop(db, &staff, &merchant, now).await?;
    let resident = caller(db, "resident").await?;
    let mut first = None;
    for (name, description, price, stock, limit) in ITEMS {
        let input = ShopItemInput {
            area_id: merchant.area_id,
            name: name.into(),
            description: description.into(),
            points_price: price,
            stock,
            limit_per_person: limit,
            valid_from: now - Duration::days(1),
            valid_to: now + Duration::days(365),
            pickup_place: "缤纷便利店（缤纷小区东门）".into(),
            active: true,
        };
        let item = items::create(db, &merchant, &input, now, None).await?;
        first.get_or_insert(item.id);
    }
    let open = OpenAccount { holder_kind: HolderKind::Resident, holder_id: resident.id, unit: LedgerUnit::Points };
    let account = write::open_account(db, &staff, &open, now).await?;
    let grant = NewTransfer {
        kind: TransferKind::Adjustment,
        from_account_id: None,
        to_account_id: Some(account.id),
        amount: RESIDENT_POINTS,
        reason: "缤豆：参与社区志愿服务累计奖励".into(),
    };
    write::transfer(db, &staff, &grant, Some("demo-shop-points"), now, None).await?;
    let item_id = first.ok_or_else(|| ApiError::Unexpected(anyhow::anyhow!("no demo item")))?;
    redeem::redeem(db, &resident, &Redeem { item_id, quantity: 1 }, Some("demo-shop-order"), 7, now).await?;
    Ok(ITEMS.len())
}
