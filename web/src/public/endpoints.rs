//! Typed calls of the neighbourhood endpoints: the resident's own (`/neighbourhood`) and the public
//! ones a visitor reads without signing in (`/public/communities…`).

use shared::{CommunityChoice, Id, Neighbourhood, PlaceKind};

use crate::common::api::{ApiResult, get, get_public};

/// The page size of the neighbourhood list (the API allows up to 100).
const NEARBY_PAGE: u32 = 20;

fn nearby_query(category: &str, kind: Option<PlaceKind>, cursor: Option<String>) -> Vec<(&'static str, String)> {
    vec![
        ("category", category.to_owned()),
        ("kind", kind.map(|k| k.as_str().to_owned()).unwrap_or_default()),
        ("cursor", cursor.unwrap_or_default()),
        ("limit", NEARBY_PAGE.to_string()),
    ]
}

/// GET /neighbourhood: what serves the signed-in resident's community.
pub async fn my_neighbourhood(category: &str, kind: Option<PlaceKind>, cursor: Option<String>) -> ApiResult<Neighbourhood> {
    get("/neighbourhood", &nearby_query(category, kind, cursor)).await
}

/// GET /public/communities/{id}/neighbourhood, without signing in.
pub async fn public_neighbourhood(id: Id, category: &str, kind: Option<PlaceKind>, cursor: Option<String>) -> ApiResult<Neighbourhood> {
    get_public(&format!("/public/communities/{id}/neighbourhood"), &nearby_query(category, kind, cursor)).await
}

/// GET /public/communities, without signing in: the visitor's community picker.
pub async fn public_communities() -> ApiResult<Vec<CommunityChoice>> {
    get_public("/public/communities", &[("limit", "200".to_owned())]).await
}
