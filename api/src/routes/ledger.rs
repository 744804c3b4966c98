//! `/api/v1/ledger…`: the ledger of service time and points (时间银行 · 积分) — accounts with totals,
//! statements, staff transfers and reversals, and the full check. `/me/ledger` is in `me.rs`.

use actix_web::{HttpResponse, get, post, web};
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use shared::{
    HolderKind, LedgerAccount, LedgerAccountPage, LedgerCheck, LedgerUnit, NewTransfer, OpenAccount, ReverseTransfer, Statement, Transfer,
};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;

use super::responses::{ReadErrors, WriteErrors};
use crate::clock::china;
use crate::error::ApiResult;
use crate::http::auth::AuthUser;
use crate::http::idempotency::IdempotencyKey;
use crate::http::json::ValidJson;
use crate::http::query::ValidQuery;
use crate::http::request_id::RequestId;
use crate::services::ledger::read::{self, AccountFilter};
use crate::services::ledger::write;
use crate::services::page::PageRequest;
use crate::state::AppState;

/// Orders of the account list.
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, ToSchema)]
pub enum AccountSort {
    /// Newest first.
    #[default]
    #[serde(rename = "-id")]
    Newest,
    #[serde(rename = "id")]
    Oldest,
    /// By holder name.
    #[serde(rename = "holder_name")]
    HolderName,
}

impl AccountSort {
    fn name(self) -> &'static str {
        match self {
            Self::Newest => "-id",
            Self::Oldest => "id",
            Self::HolderName => "holder_name",
        }
    }
}

/// Filters, order and page of the account list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AccountListQuery {
    /// Holder name contains (people's names only for staff who handle personal data).
    #[param(max_length = 100)]
    q: Option<String>,
    #[param(inline)]
    unit: Option<LedgerUnit>,
    #[param(inline)]
    holder_kind: Option<HolderKind>,
    /// Accounts in this area's subtree.
    area_id: Option<i64>,
    #[param(inline)]
    sort: Option<AccountSort>,
    #[param(max_length = 512)]
    cursor: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    limit: Option<u64>,
}

/// Date range (China dates, both ends included) and page of a statement.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StatementQuery {
    #[param(example = "2026-12-01")]
    from: Option<NaiveDate>,
    #[param(example = "2026-12-31")]
    to: Option<NaiveDate>,
    #[param(max_length = 512)]
    cursor: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    limit: Option<u64>,
}

/// The ledger accounts of your area, with the totals per unit of everything the filters select.
#[utoipa::path(tag = "ledger", params(AccountListQuery), responses((status = 200, body = LedgerAccountPage), ReadErrors), security(("bearer" = [])))]
#[get("/ledger/accounts")]
async fn list_accounts(
    state: web::Data<AppState>,
    caller: AuthUser,
    ValidQuery(query): ValidQuery<AccountListQuery>,
) -> ApiResult<web::Json<LedgerAccountPage>> {
    let sort = query.sort.unwrap_or_default();
    let page = PageRequest::parse(query.cursor.as_deref(), query.limit, sort.name())?;
    let filter = AccountFilter { q: query.q, unit: query.unit, holder_kind: query.holder_kind, area_id: query.area_id };
    Ok(web::Json(read::list_accounts(&state.db, &caller, &filter, sort.name(), page).await?))
}

/// Open the account of a resident, volunteer, organisation or community pool in a unit (or get the
/// one that exists).
#[utoipa::path(tag = "ledger", request_body(content = OpenAccount, example = json!({"holder_kind": "community_pool", "holder_id": 5, "unit": "minutes"})),
    responses((status = 200, body = LedgerAccount), WriteErrors), security(("bearer" = [])))]
#[post("/ledger/accounts")]
async fn open_account(state: web::Data<AppState>, caller: AuthUser, body: ValidJson<OpenAccount>) -> ApiResult<web::Json<LedgerAccount>> {
    let txn = state.begin_write().await?;
    let account = write::open_account(&txn.txn, &caller, &body.value, state.clock.now()).await?;
    txn.commit().await?;
    Ok(web::Json(account))
}

/// An account's statement: its postings newest first, each with the running balance after it.
#[utoipa::path(tag = "ledger", params(("id" = i64, Path, description = "Account id", example = 1), StatementQuery),
    responses((status = 200, body = Statement), ReadErrors), security(("bearer" = [])))]
#[get("/ledger/accounts/{id}/statement")]
async fn statement(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    ValidQuery(query): ValidQuery<StatementQuery>,
) -> ApiResult<web::Json<Statement>> {
    let page = PageRequest::parse(query.cursor.as_deref(), query.limit, "-id")?;
    let start = |d: NaiveDate| d.and_time(NaiveTime::MIN).and_local_timezone(china()).single().map(|t| t.to_utc());
    let from = query.from.and_then(start);
    let to = query.to.and_then(|d| d.succ_opt()).and_then(start);
    Ok(web::Json(read::statement(&state.db, &caller, id.into_inner(), from, to, page).await?))
}

/// Post an adjustment, a donation of hours to the community pool, or a gift of hours. A retried
/// request with the same `Idempotency-Key` answers the same transfer and writes no second one; a
/// spend below the floor is 422 `insufficient_balance` on `/amount`.
#[utoipa::path(tag = "ledger", request_body(content = NewTransfer, example = json!({"kind": "adjustment", "to_account_id": 3, "amount": 60, "reason": "补录2026年11月助老服务时长"})),
    params(("Idempotency-Key" = Option<String>, Header, description = "A retried transfer with the same key is written once", pattern = "^[!-~]{1,255}$", example = "7c1e2a9b-3f4d-4e5a-9b6c-1d2e3f4a5b6c")),
    responses((status = 201, body = Transfer), WriteErrors), security(("bearer" = [])))]
#[post("/ledger/transfers")]
async fn post_transfer(
    state: web::Data<AppState>,
    caller: AuthUser,
    key: IdempotencyKey,
    request_id: RequestId,
    body: ValidJson<NewTransfer>,
) -> ApiResult<HttpResponse> {
    crate::create_idempotently!(state, caller, key, body, |db| write::transfer(
        db,
        &caller,
        &body.value,
        key.value(),
        state.clock.now(),
        Some(&request_id.0)
    ))
}

/// Reverse a transfer with a new one of negated postings; 409 when it is already reversed.
#[utoipa::path(tag = "ledger", params(("id" = i64, Path, description = "Transfer id", example = 1)),
    request_body(content = ReverseTransfer, example = json!({"reason": "重复录入"})),
    responses((status = 200, body = Transfer), WriteErrors), security(("bearer" = [])))]
#[post("/ledger/transfers/{id}/reverse")]
async fn reverse_transfer(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    request_id: RequestId,
    body: ValidJson<ReverseTransfer>,
) -> ApiResult<web::Json<Transfer>> {
    let txn = state.begin_write().await?;
    let saved =
        write::reverse_transfer(&txn.txn, &caller, id.into_inner(), &body.value.reason, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(web::Json(saved))
}

/// The full check: every transfer sums to zero per unit and every kept balance equals its postings.
#[utoipa::path(tag = "ledger", responses((status = 200, body = LedgerCheck), ReadErrors), security(("bearer" = [])))]
#[get("/ledger/check")]
async fn check(state: web::Data<AppState>, caller: AuthUser) -> ApiResult<web::Json<LedgerCheck>> {
    Ok(web::Json(read::check(&state.db, &caller).await?))
}

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_accounts).service(open_account).service(statement).service(post_transfer).service(reverse_transfer).service(check);
}
