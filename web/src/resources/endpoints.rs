//! Typed calls of the service resource catalogue (服务资源清单): providers, the people who serve,
//! services and service spaces, plus the Excel template, import and export; re-exported from
//! [`crate::common::api`].

use gloo_net::http::Method;
use shared::{
    CostKind, Id, ImportReport, NewProvider, NewService, NewServicePerson, NewServiceSpace, Page, PersonKind, PersonListQuery, Provider,
    ProviderKind, ProviderListQuery, ProviderPatch, ResourceSort, ResourceTable, Service, ServiceListQuery, ServiceMode, ServicePatch,
    ServicePerson, ServicePersonPatch, ServiceSpace, ServiceSpacePatch, SpaceKind, SpaceListQuery,
};

use crate::common::api::{ApiResult, File, PAGE_SIZE, XLSX_TYPE, borrowed, get, get_file, post_bytes, post_once, send_json};

/// `Some(text)` when the trimmed text is not empty.
fn text(v: &str) -> Option<String> {
    Some(v.trim().to_owned()).filter(|t| !t.is_empty())
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
    /// The list query this filter asks for (the wire type the API reads).
    pub fn list_query(&self) -> ProviderListQuery {
        ProviderListQuery {
            area_id: self.area_id,
            kind: self.kind,
            verified: self.verified,
            active: self.active,
            q: text(&self.q),
            ..Default::default()
        }
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
    /// The list query this filter asks for (the wire type the API reads).
    pub fn list_query(&self) -> ServiceListQuery {
        ServiceListQuery {
            area_id: self.area_id,
            category: text(&self.category),
            mode: self.mode,
            cost: self.cost,
            provider_id: self.provider_id,
            person_id: self.person_id,
            active: self.active,
            q: text(&self.q),
            ..Default::default()
        }
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
    /// The list query this filter asks for (the wire type the API reads).
    pub fn list_query(&self) -> PersonListQuery {
        PersonListQuery { area_id: self.area_id, kind: self.kind, provider_id: self.provider_id, q: text(&self.q), ..Default::default() }
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
    /// The list query this filter asks for (the wire type the API reads).
    pub fn list_query(&self) -> SpaceListQuery {
        SpaceListQuery {
            area_id: self.area_id,
            kind: self.kind,
            short_hours: self.short_hours.then_some(true),
            q: text(&self.q),
            ..Default::default()
        }
    }
}

/// GET a list with a query, as the client sends it.
async fn list<T: serde::de::DeserializeOwned>(path: &str, query: &impl serde::Serialize) -> ApiResult<Page<T>> {
    get(path, &borrowed(&shared::query_pairs(query))).await
}

/// GET /providers, a longer page for a choice list (the active providers of the caller's scope).
pub async fn provider_choices(cursor: Option<String>) -> ApiResult<Page<Provider>> {
    let query = ProviderListQuery {
        active: Some(true),
        sort: Some(ResourceSort::Name),
        cursor,
        limit: Some(shared::MAX_PAGE_LIMIT),
        ..Default::default()
    };
    list("/providers", &query).await
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

/// GET /service-people, a longer page for a choice list.
pub async fn person_choices(cursor: Option<String>) -> ApiResult<Page<ServicePerson>> {
    let query = PersonListQuery { sort: Some(ResourceSort::Name), cursor, limit: Some(shared::MAX_PAGE_LIMIT), ..Default::default() };
    list("/service-people", &query).await
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
    list("/service-spaces", &SpaceListQuery { cursor, limit: Some(PAGE_SIZE), ..filter.list_query() }).await
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
