//! Typed calls of the co-building endpoints (共建内容, 共建项目, 阳光社区); re-exported from [`crate::common::api`].

use gloo_net::http::Method;
use shared::{
    CatalogueEntry, CatalogueEntryPatch, Id, MilestonePatch, NewDelivery, NewMilestone, NewPartner, NewPledge, NewProgram, NewSpend, Page,
    Program, ProgramActionRequest, ProgramDetail, ProgramListQuery, ProgramPatch, ProgramRollup, ProgramStatus,
};

use crate::common::api::{ApiResult, PAGE_SIZE, get, get_public, post_once, send_json};

/// Filters and order of a program list; the defaults mean "any", newest first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProgramFilter {
    pub area_id: Option<Id>,
    pub status: Option<ProgramStatus>,
    pub catalogue_item_id: Option<Id>,
    pub overdue: bool,
    pub q: String,
    /// `-id` (newest first, the default), `id` or `title`.
    pub sort: String,
}

impl ProgramFilter {
    /// The list query this filter asks for (the wire type the API reads).
    pub fn list_query(&self) -> ProgramListQuery {
        let q = self.q.trim();
        ProgramListQuery {
            area_id: self.area_id,
            status: self.status,
            catalogue_item_id: self.catalogue_item_id,
            overdue: self.overdue.then_some(true),
            q: (!q.is_empty()).then(|| q.to_owned()),
            // An order the API does not know is left out (the default, newest first).
            sort: serde_json::from_value(serde_json::Value::String(self.sort.clone())).ok(),
            ..Default::default()
        }
    }

    /// The query parameters that are set, as the page's URL and the API both spell them.
    pub fn query(&self) -> Vec<(String, String)> {
        shared::query_pairs(&self.list_query())
    }
}

/// GET /catalogue?year= (the newest year when `None`).
pub async fn catalogue(year: Option<i32>) -> ApiResult<Vec<CatalogueEntry>> {
    let year = year.map(|y| y.to_string()).unwrap_or_default();
    get("/catalogue", &[("year", year)]).await
}

/// GET /catalogue/years, newest first.
pub async fn catalogue_years() -> ApiResult<Vec<i32>> {
    get("/catalogue/years", &[]).await
}

/// PATCH /catalogue/{id} (platform admins).
pub async fn patch_catalogue(id: Id, patch: &CatalogueEntryPatch) -> ApiResult<CatalogueEntry> {
    send_json(Method::PATCH, &format!("/catalogue/{id}"), patch).await
}

/// GET /programs/rollup?area_id= (without it: the home area, or the whole platform for the platform admin).
pub async fn program_rollup(area_id: Option<Id>) -> ApiResult<ProgramRollup> {
    let query: Vec<(&str, String)> = area_id.map(|id| ("area_id", id.to_string())).into_iter().collect();
    get("/programs/rollup", &query).await
}

/// POST /programs with an idempotency key: the new draft.
pub async fn create_program(new: &NewProgram, key: &str) -> ApiResult<ProgramDetail> {
    post_once("/programs", new, key).await
}

/// GET /programs/{id}: the program, its plan and what the caller may do.
pub async fn program(id: Id) -> ApiResult<ProgramDetail> {
    get(&format!("/programs/{id}"), &[]).await
}

/// PATCH /programs/{id}.
pub async fn patch_program(id: Id, patch: &ProgramPatch) -> ApiResult<ProgramDetail> {
    send_json(Method::PATCH, &format!("/programs/{id}"), patch).await
}

/// POST /programs/{id}/actions.
pub async fn program_action(id: Id, request: &ProgramActionRequest) -> ApiResult<ProgramDetail> {
    send_json(Method::POST, &format!("/programs/{id}/actions"), request).await
}

/// POST /programs/{id}/partners.
pub async fn add_partner(id: Id, new: &NewPartner) -> ApiResult<ProgramDetail> {
    send_json(Method::POST, &format!("/programs/{id}/partners"), new).await
}

/// POST /programs/{id}/pledges.
pub async fn add_pledge(id: Id, new: &NewPledge) -> ApiResult<ProgramDetail> {
    send_json(Method::POST, &format!("/programs/{id}/pledges"), new).await
}

/// POST /programs/{id}/pledges/{pledge}/deliveries.
pub async fn add_delivery(id: Id, pledge: Id, new: &NewDelivery) -> ApiResult<ProgramDetail> {
    let path = format!("/programs/{id}/pledges/{pledge}/deliveries");
    send_json(Method::POST, &path, new).await
}

/// POST /programs/{id}/milestones.
pub async fn add_milestone(id: Id, new: &NewMilestone) -> ApiResult<ProgramDetail> {
    send_json(Method::POST, &format!("/programs/{id}/milestones"), new).await
}

/// PATCH /programs/{id}/milestones/{milestone}.
pub async fn patch_milestone(id: Id, milestone: Id, patch: &MilestonePatch) -> ApiResult<ProgramDetail> {
    let path = format!("/programs/{id}/milestones/{milestone}");
    send_json(Method::PATCH, &path, patch).await
}

/// POST /programs/{id}/spends.
pub async fn add_spend(id: Id, new: &NewSpend) -> ApiResult<ProgramDetail> {
    send_json(Method::POST, &format!("/programs/{id}/spends"), new).await
}

/// GET /public/programs, one page, without signing in.
pub async fn public_programs(community: Option<Id>, cursor: Option<String>) -> ApiResult<Page<Program>> {
    let query = [
        ("community", community.map(|c| c.to_string()).unwrap_or_default()),
        ("cursor", cursor.unwrap_or_default()),
        ("limit", PAGE_SIZE.to_string()),
    ];
    get_public("/public/programs", &query).await
}

/// GET /public/programs/{id}, without signing in: no contacts, no owners.
pub async fn public_program(id: Id) -> ApiResult<ProgramDetail> {
    get_public(&format!("/public/programs/{id}"), &[]).await
}
