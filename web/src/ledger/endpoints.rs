//! Typed calls of the ledger endpoints (时间银行 · 积分): the account list with its totals, one
//! account's statement, reversing a transfer and the full check. The resident's phone pages read
//! their own statements through [`account_statement`] too.

use chrono::NaiveDate;
use gloo_net::http::Method;
use shared::{
    HolderKind, Id, LedgerAccountPage, LedgerCheck, LedgerRules, LedgerUnit, ReverseTransfer, SetLedgerRules, Statement, Transfer,
};

use crate::common::api::{ApiResult, PAGE_SIZE, get, send_json};

/// What the account list is narrowed to and how it is ordered (`sort`: `-id`, `id` or `holder_name`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AccountFilter {
    pub q: String,
    pub unit: Option<LedgerUnit>,
    pub holder_kind: Option<HolderKind>,
    pub area_id: Option<Id>,
    pub sort: &'static str,
}

/// GET /ledger/accounts: one page, plus the totals of everything the filter selects.
pub async fn ledger_accounts(filter: AccountFilter, cursor: Option<String>) -> ApiResult<LedgerAccountPage> {
    let mut query = vec![("limit", PAGE_SIZE.to_string())];
    let q = filter.q.trim();
    if !q.is_empty() {
        query.push(("q", q.to_owned()));
    }
    if let Some(unit) = filter.unit {
        query.push(("unit", unit.as_str().to_owned()));
    }
    if let Some(kind) = filter.holder_kind {
        query.push(("holder_kind", kind.as_str().to_owned()));
    }
    if let Some(area) = filter.area_id {
        query.push(("area_id", area.to_string()));
    }
    if !filter.sort.is_empty() {
        query.push(("sort", filter.sort.to_owned()));
    }
    if let Some(cursor) = cursor {
        query.push(("cursor", cursor));
    }
    get("/ledger/accounts", &query).await
}

/// GET /ledger/accounts/{id}/statement, newest first, within the China dates `from`–`to` when given.
pub async fn account_statement(
    account: Id,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    cursor: Option<String>,
) -> ApiResult<Statement> {
    let mut query = vec![("limit", PAGE_SIZE.to_string())];
    if let Some(from) = from {
        query.push(("from", from.to_string()));
    }
    if let Some(to) = to {
        query.push(("to", to.to_string()));
    }
    if let Some(cursor) = cursor {
        query.push(("cursor", cursor));
    }
    get(&format!("/ledger/accounts/{account}/statement"), &query).await
}

/// POST /ledger/transfers/{id}/reverse: a new transfer of negated postings; 409 when already reversed.
pub async fn reverse_transfer(id: Id, reason: String) -> ApiResult<Transfer> {
    send_json(Method::POST, &format!("/ledger/transfers/{id}/reverse"), &ReverseTransfer { reason }).await
}

/// GET /ledger/check: every transfer sums to zero, every kept balance equals its postings.
pub async fn ledger_check() -> ApiResult<LedgerCheck> {
    get("/ledger/check", &[]).await
}

/// GET /ledger/rules/{area_id}: the area's own rules and what applies there.
pub async fn ledger_rules(area: Id) -> ApiResult<LedgerRules> {
    get(&format!("/ledger/rules/{area}"), &[]).await
}

/// PUT /ledger/rules/{area_id}: replaces the area's own rules whole (a rule left out is inherited).
pub async fn set_ledger_rules(area: Id, own: &SetLedgerRules) -> ApiResult<LedgerRules> {
    send_json(Method::PUT, &format!("/ledger/rules/{area}"), own).await
}
