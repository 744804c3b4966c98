//! `/api/v1/me…`: who the caller is and what the dashboard may show them; their own inbox (站内信)
//! with its notification preferences; a resident's own profile, phone change and account deletion.

use actix_web::{HttpResponse, delete, get, patch, post, put, web};
use serde::Deserialize;
use shared::{
    AreaCrumb, MarkedRead, Me, MyLedger, Notification, NotificationKind, NotificationPreferences, NotificationPreferencesUpdate, Page,
    PhoneChange, ProfilePatch, ResidentProfile, UnreadCount,
};
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use super::responses::{ReadErrors, WriteErrors};
use crate::domain::scope::Scope;
use crate::entities::stored::{StoredValueInvalid, stored};
use crate::error::ApiResult;
use crate::http::auth::AuthUser;
use crate::http::json::ValidJson;
use crate::http::language::AcceptLanguage;
use crate::http::query::ValidQuery;
use crate::http::request_id::RequestId;
use crate::policy::permissions;
use crate::services::ledger::read as ledger;
use crate::services::notifications::{self, NotificationFilter};
use crate::services::page::PageRequest;
use crate::services::residents::profile;
use crate::services::{areas, users};
use crate::state::AppState;

/// The signed-in user, their home area with its path from the root, and their permissions.
#[utoipa::path(tag = "auth", responses((status = 200, body = Me), ReadErrors), security(("bearer" = [])))]
#[get("/me")]
async fn me(state: web::Data<AppState>, caller: AuthUser) -> ApiResult<web::Json<Me>> {
    let system = Scope::everything();
    let user = users::get(&state.db, &system, caller.id).await?;
    let area = areas::get(&state.db, &system, caller.area_id).await?;
    let area_path = areas::ancestors(&state.db, &caller.area_path)
        .await?
        .into_iter()
        .map(|a| Ok(AreaCrumb { id: a.id, kind: stored(&a.kind, "areas", a.id)?, name: a.name }))
        .collect::<Result<_, StoredValueInvalid>>()?;
    Ok(web::Json(Me { user, area, area_path, permissions: permissions(&caller) }))
}

/// Filter and page of the inbox.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NotificationListQuery {
    /// `true`: unread only; `false`: read only; absent: all.
    #[param(example = true)]
    unread: Option<bool>,
    #[param(inline, example = "need_accepted")]
    kind: Option<NotificationKind>,
    #[param(max_length = 512)]
    cursor: Option<String>,
    #[param(minimum = 1, maximum = 200, example = 20)]
    limit: Option<u64>,
}

/// Your notifications (站内信), newest first, in the language of `Accept-Language` (Chinese by default).
#[utoipa::path(tag = "notifications", params(NotificationListQuery,
        ("Accept-Language" = Option<String>, Header, description = "`en` for English texts; Chinese otherwise", example = "zh-CN")),
    responses((status = 200, body = Page<Notification>), ReadErrors), security(("bearer" = [])))]
#[get("/me/notifications")]
async fn list_notifications(
    state: web::Data<AppState>,
    caller: AuthUser,
    lang: AcceptLanguage,
    ValidQuery(query): ValidQuery<NotificationListQuery>,
) -> ApiResult<web::Json<Page<Notification>>> {
    let page = PageRequest::parse(query.cursor.as_deref(), query.limit, "-id")?;
    let filter = NotificationFilter { unread: query.unread, kind: query.kind };
    Ok(web::Json(notifications::list(&state.db, &caller, filter, page, lang.0).await?))
}

/// How many of your notifications are unread (for the bell).
#[utoipa::path(tag = "notifications", responses((status = 200, body = UnreadCount), ReadErrors), security(("bearer" = [])))]
#[get("/me/notifications/unread-count")]
async fn unread_count(state: web::Data<AppState>, caller: AuthUser) -> ApiResult<web::Json<UnreadCount>> {
    Ok(web::Json(notifications::unread_count(&state.db, &caller).await?))
}

/// Mark one of your notifications read (marking it again changes nothing). Another user's is 404.
#[utoipa::path(tag = "notifications", params(("id" = i64, Path, description = "Notification id", example = 1),
        ("Accept-Language" = Option<String>, Header, description = "`en` for English texts; Chinese otherwise", example = "zh-CN")),
    responses((status = 200, body = Notification), WriteErrors), security(("bearer" = [])))]
#[post("/me/notifications/{id}/read")]
async fn mark_read(
    state: web::Data<AppState>,
    caller: AuthUser,
    lang: AcceptLanguage,
    id: web::Path<i64>,
    request_id: RequestId,
) -> ApiResult<web::Json<Notification>> {
    let txn = state.begin_write().await?;
    let read = notifications::mark_read(&txn.txn, &caller, id.into_inner(), state.clock.now(), lang.0, Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(web::Json(read))
}

/// Mark every unread notification of yours read.
#[utoipa::path(tag = "notifications", responses((status = 200, body = MarkedRead), WriteErrors), security(("bearer" = [])))]
#[post("/me/notifications/read-all")]
async fn mark_all_read(state: web::Data<AppState>, caller: AuthUser, request_id: RequestId) -> ApiResult<web::Json<MarkedRead>> {
    let txn = state.begin_write().await?;
    let marked = notifications::mark_all_read(&txn.txn, &caller, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(web::Json(marked))
}

/// Every kind of notification and whether it reaches you (all on until muted).
#[utoipa::path(tag = "notifications", responses((status = 200, body = NotificationPreferences), ReadErrors), security(("bearer" = [])))]
#[get("/me/notification-preferences")]
async fn get_preferences(state: web::Data<AppState>, caller: AuthUser) -> ApiResult<web::Json<NotificationPreferences>> {
    Ok(web::Json(notifications::get_preferences(&state.db, &caller).await?))
}

/// Turn kinds of notification on or off; kinds not listed stay as they are. A muted kind is not
/// written to your inbox and sends no `notification.created` webhook.
#[utoipa::path(tag = "notifications",
    request_body(content = NotificationPreferencesUpdate, example = json!({"preferences": [{"kind": "need_submitted", "enabled": false}]})),
    responses((status = 200, body = NotificationPreferences), WriteErrors), security(("bearer" = [])))]
#[put("/me/notification-preferences")]
async fn set_preferences(
    state: web::Data<AppState>,
    caller: AuthUser,
    request_id: RequestId,
    body: ValidJson<NotificationPreferencesUpdate>,
) -> ApiResult<web::Json<NotificationPreferences>> {
    let txn = state.begin_write().await?;
    let saved = notifications::set_preferences(&txn.txn, &caller, &body.value, Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(web::Json(saved))
}

/// A resident's own profile: name, phone, address, community and grid, and where residence verification stands.
#[utoipa::path(tag = "residents", responses((status = 200, body = ResidentProfile), ReadErrors), security(("bearer" = [])))]
#[get("/me/profile")]
async fn get_profile(state: web::Data<AppState>, caller: AuthUser) -> ApiResult<web::Json<ResidentProfile>> {
    Ok(web::Json(profile::get(&state.db, &caller).await?))
}

/// Change one's name, address, community or grid (only the fields present change). Moving to another
/// community starts residence verification there again (待认证).
#[utoipa::path(tag = "residents", request_body(content = ProfilePatch, example = json!({"display_name": "王芳", "address": "缤纷小区3幢2单元501室"})),
    responses((status = 200, body = ResidentProfile), WriteErrors), security(("bearer" = [])))]
#[patch("/me/profile")]
async fn update_profile(
    state: web::Data<AppState>,
    caller: AuthUser,
    request_id: RequestId,
    body: ValidJson<ProfilePatch>,
) -> ApiResult<web::Json<ResidentProfile>> {
    let txn = state.begin_write().await?;
    let saved = profile::update(&txn.txn, &caller, &body.value, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(web::Json(saved))
}

/// Move the account to a new mobile number, with the code sent to that number (`purpose: change_phone`).
#[utoipa::path(tag = "residents", request_body(content = PhoneChange, example = json!({"phone": "13900139000", "code": "123456"})),
    responses((status = 200, body = ResidentProfile), WriteErrors), security(("bearer" = [])))]
#[post("/me/phone")]
async fn change_phone(
    state: web::Data<AppState>,
    caller: AuthUser,
    request_id: RequestId,
    body: ValidJson<PhoneChange>,
) -> ApiResult<web::Json<ResidentProfile>> {
    Ok(web::Json(profile::change_phone(&state, &caller, &body.value, Some(&request_id.0)).await?))
}

/// Delete one's resident account: name, phone and address are cleared, the account is disabled and
/// signed out; its needs stay (they count in the statistics) with no personal data left on them.
#[utoipa::path(tag = "residents", responses((status = 204, description = "Deleted"), WriteErrors), security(("bearer" = [])))]
#[delete("/me")]
async fn delete_account(state: web::Data<AppState>, caller: AuthUser, request_id: RequestId) -> ApiResult<HttpResponse> {
    let txn = state.begin_write().await?;
    profile::delete(&txn.txn, &caller, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Your hours and points (时间银行 · 积分): balances and the latest postings.
#[utoipa::path(tag = "ledger", responses((status = 200, body = MyLedger), ReadErrors), security(("bearer" = [])))]
#[get("/me/ledger")]
async fn my_ledger(state: web::Data<AppState>, caller: AuthUser) -> ApiResult<web::Json<MyLedger>> {
    Ok(web::Json(ledger::mine(&state.db, &caller).await?))
}

/// Your points-shop orders (积分商城), newest first, with their pick-up codes while reserved.
#[utoipa::path(tag = "shop", params(super::shop::OrderListQuery), responses((status = 200, body = shared::ShopOrderPage), ReadErrors), security(("bearer" = [])))]
#[get("/me/shop/orders")]
async fn my_shop_orders(
    state: web::Data<AppState>,
    caller: AuthUser,
    crate::http::query::ValidQuery(query): crate::http::query::ValidQuery<super::shop::OrderListQuery>,
) -> ApiResult<web::Json<shared::ShopOrderPage>> {
    let (filter, page) = query.parts()?;
    Ok(web::Json(crate::services::shop::read::mine(&state.db, &caller, &filter, page).await?))
}

/// Your volunteer record: hours served, balances, star level, the activities you attended and the
/// needs you served.
#[utoipa::path(tag = "activities", responses((status = 200, body = shared::VolunteerProfile), ReadErrors), security(("bearer" = [])))]
#[get("/me/volunteer")]
async fn my_volunteer_profile(state: web::Data<AppState>, caller: AuthUser) -> ApiResult<web::Json<shared::VolunteerProfile>> {
    Ok(web::Json(crate::services::activities::volunteers::profile(&state.db, &caller, None).await?))
}

/// Your certificate of hours (志愿服务证明), as data to print.
#[utoipa::path(tag = "activities", responses((status = 200, body = shared::VolunteerCertificate), ReadErrors), security(("bearer" = [])))]
#[get("/me/volunteer/certificate")]
async fn my_volunteer_certificate(state: web::Data<AppState>, caller: AuthUser) -> ApiResult<web::Json<shared::VolunteerCertificate>> {
    Ok(web::Json(crate::services::activities::volunteers::certificate(&state.db, &caller, None, state.clock.now()).await?))
}

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(me)
        .service(my_ledger)
        .service(my_volunteer_profile)
        .service(my_volunteer_certificate)
        .service(my_shop_orders)
        .service(list_notifications)
        .service(unread_count)
        .service(mark_read)
        .service(mark_all_read)
        .service(get_preferences)
        .service(set_preferences)
        .service(get_profile)
        .service(update_profile)
        .service(change_phone)
        .service(delete_account);
}
