//! Typed calls of the service resource catalogue (服务资源清单): providers, the people who serve,
//! services and service spaces, plus the Excel template, import and export; re-exported from
//! [`crate::common::api`].

use gloo_net::http::Method;
use shared::{
    CostKind, Id, ImportReport, NewProvider, NewService, NewServicePerson, NewServiceSpace, Page, PersonKind, Provider, ProviderKind,
    ProviderPatch, ResourceTable, Service, ServiceMode, ServicePatch, ServicePerson, ServicePersonPatch, ServiceSpace, ServiceSpacePatch,
    SpaceKind,
};

use crate::common::api::{ApiResult, File, PAGE_SIZE, XLSX_TYPE, get, get_file, post_bytes, post_once, send_json};

fn id(v: Option<Id>) -> String {
    v.map(|i| i.to_string()).unwrap_or_default()
}

fn flag(v: Option<bool>) -> String {
    v.map(|b| b.to_string()).unwrap_or_default()
}

/// Filters of the providers list; the defaults mean "any".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProviderFilter {
    pub area_id: Option<Id>,
    pub kind: Option<ProviderKind>,
    pub verified: Option<bool>,
    pub active: Option<bool>,
    pub q: String,
}

impl ProviderFilter {
    /// The query parameters; empty values are dropped by the client.
    pub fn query(&self) -> Vec<(&'static str, String)> {
        vec![
            ("area_id", id(self.area_id)),
            ("kind", self.kind.map(|k| k.as_str().to_owned()).unwrap_or_default()),
            ("verified", flag(self.verified)),
            ("active", flag(self.active)),
            ("q", self.q.trim().to_owned()),
        ]
    }
}

/// Filters of the services list; the defaults mean "any".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ServiceFilter {
    pub area_id: Option<Id>,
    pub category: String,
    pub mode: Option<ServiceMode>,
    pub cost: Option<CostKind>,
    pub provider_id: Option<Id>,
    pub person_id: Option<Id>,
    pub active: Option<bool>,
    pub q: String,
}

impl ServiceFilter {
    pub fn query(&self) -> Vec<(&'static str, String)> {
        vec![
            ("area_id", id(self.area_id)),
            ("category", self.category.clone()),
            ("mode", self.mode.map(|m| m.as_str().to_owned()).unwrap_or_default()),
            ("cost", self.cost.map(|c| c.as_str().to_owned()).unwrap_or_default()),
            ("provider_id", id(self.provider_id)),
            ("person_id", id(self.person_id)),
            ("active", flag(self.active)),
            ("q", self.q.trim().to_owned()),
        ]
    }
}

/// Filters of the people list; the defaults mean "any".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PersonFilter {
    pub area_id: Option<Id>,
    pub kind: Option<PersonKind>,
    pub provider_id: Option<Id>,
    pub q: String,
}

impl PersonFilter {
    pub fn query(&self) -> Vec<(&'static str, String)> {
        vec![
            ("area_id", id(self.area_id)),
            ("kind", self.kind.map(|k| k.as_str().to_owned()).unwrap_or_default()),
            ("provider_id", id(self.provider_id)),
            ("q", self.q.trim().to_owned()),
        ]
    }
}

/// Filters of the spaces list; the defaults mean "any".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SpaceFilter {
    pub area_id: Option<Id>,
    pub kind: Option<SpaceKind>,
    /// Only spaces open less than 8 hours on some day.
    pub short_hours: bool,
    pub q: String,
}

impl SpaceFilter {
    pub fn query(&self) -> Vec<(&'static str, String)> {
        vec![
            ("area_id", id(self.area_id)),
            ("kind", self.kind.map(|k| k.as_str().to_owned()).unwrap_or_default()),
            ("short_hours", if self.short_hours { "true" } else { "" }.to_owned()),
            ("q", self.q.trim().to_owned()),
        ]
    }
}

/// `query` plus the page parameters.
fn paged(mut query: Vec<(&'static str, String)>, cursor: Option<String>, limit: u64) -> Vec<(&'static str, String)> {
    query.push(("cursor", cursor.unwrap_or_default()));
    query.push(("limit", limit.to_string()));
    query
}

/// GET /providers, one page.
pub async fn providers(filter: ProviderFilter, cursor: Option<String>) -> ApiResult<Page<Provider>> {
    get("/providers", &paged(filter.query(), cursor, PAGE_SIZE)).await
}

/// GET /providers, a longer page for a choice list (the active providers of the caller's scope).
pub async fn provider_choices(cursor: Option<String>) -> ApiResult<Page<Provider>> {
    let filter = ProviderFilter { active: Some(true), ..Default::default() };
    let mut query = paged(filter.query(), cursor, shared::MAX_PAGE_LIMIT);
    query.push(("sort", "name".to_owned()));
    get("/providers", &query).await
}

/// GET /providers/{id}.
pub async fn provider(id: Id) -> ApiResult<Provider> {
    get(&format!("/providers/{id}"), &[]).await
}

/// POST /providers with an idempotency key.
pub async fn create_provider(new: &NewProvider, key: &str) -> ApiResult<Provider> {
    post_once("/providers", new, key).await
}

/// PATCH /providers/{id}.
pub async fn patch_provider(id: Id, patch: &ProviderPatch) -> ApiResult<Provider> {
    send_json(Method::PATCH, &format!("/providers/{id}"), patch).await
}

/// GET /service-people, one page.
pub async fn service_people(filter: PersonFilter, cursor: Option<String>) -> ApiResult<Page<ServicePerson>> {
    get("/service-people", &paged(filter.query(), cursor, PAGE_SIZE)).await
}

/// GET /service-people, a longer page for a choice list.
pub async fn person_choices(cursor: Option<String>) -> ApiResult<Page<ServicePerson>> {
    let mut query = paged(PersonFilter::default().query(), cursor, shared::MAX_PAGE_LIMIT);
    query.push(("sort", "name".to_owned()));
    get("/service-people", &query).await
}

/// GET /service-people/{id}.
pub async fn service_person(id: Id) -> ApiResult<ServicePerson> {
    get(&format!("/service-people/{id}"), &[]).await
}

/// POST /service-people with an idempotency key.
pub async fn create_service_person(new: &NewServicePerson, key: &str) -> ApiResult<ServicePerson> {
    post_once("/service-people", new, key).await
}

/// PATCH /service-people/{id}.
pub async fn patch_service_person(id: Id, patch: &ServicePersonPatch) -> ApiResult<ServicePerson> {
    send_json(Method::PATCH, &format!("/service-people/{id}"), patch).await
}

/// GET /services, one page.
pub async fn services(filter: ServiceFilter, cursor: Option<String>) -> ApiResult<Page<Service>> {
    get("/services", &paged(filter.query(), cursor, PAGE_SIZE)).await
}

/// GET /services/{id}.
pub async fn service(id: Id) -> ApiResult<Service> {
    get(&format!("/services/{id}"), &[]).await
}

/// POST /services with an idempotency key.
pub async fn create_service(new: &NewService, key: &str) -> ApiResult<Service> {
    post_once("/services", new, key).await
}

/// PATCH /services/{id}.
pub async fn patch_service(id: Id, patch: &ServicePatch) -> ApiResult<Service> {
    send_json(Method::PATCH, &format!("/services/{id}"), patch).await
}

/// GET /service-spaces, one page.
pub async fn service_spaces(filter: SpaceFilter, cursor: Option<String>) -> ApiResult<Page<ServiceSpace>> {
    get("/service-spaces", &paged(filter.query(), cursor, PAGE_SIZE)).await
}

/// GET /service-spaces/{id}.
pub async fn service_space(id: Id) -> ApiResult<ServiceSpace> {
    get(&format!("/service-spaces/{id}"), &[]).await
}

/// POST /service-spaces with an idempotency key.
pub async fn create_service_space(new: &NewServiceSpace, key: &str) -> ApiResult<ServiceSpace> {
    post_once("/service-spaces", new, key).await
}

/// PATCH /service-spaces/{id}.
pub async fn patch_service_space(id: Id, patch: &ServiceSpacePatch) -> ApiResult<ServiceSpace> {
    send_json(Method::PATCH, &format!("/service-spaces/{id}"), patch).await
}

/// GET /resources/template?table=: the empty import workbook with its header row.
pub async fn resource_template(table: ResourceTable) -> ApiResult<File> {
    get_file("/resources/template", &[("table", table.as_str().to_owned())]).await
}

/// POST /resources/import?table=&dry_run=: the workbook's bytes; the report lists every bad cell.
pub async fn import_resources(table: ResourceTable, dry_run: bool, xlsx: &[u8]) -> ApiResult<ImportReport> {
    let query = [("table", table.as_str().to_owned()), ("dry_run", dry_run.to_string())];
    post_bytes("/resources/import", &query, xlsx, XLSX_TYPE).await
}

/// GET /resources/export?table=&format=&area_id=.
pub async fn export_resources(table: ResourceTable, format: &str, area_id: Option<Id>) -> ApiResult<File> {
    let query = [("table", table.as_str().to_owned()), ("format", format.to_owned()), ("area_id", id(area_id))];
    get_file("/resources/export", &query).await
}
