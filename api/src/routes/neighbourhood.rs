//! `/api/v1/neighbourhood`: the services and spaces serving the signed-in resident's community,
//! nearest first (身边服务). Visitors read any community's at `/api/v1/public/communities/{id}/…`.

use actix_web::{get, web};
use serde::Deserialize;
use shared::{GeoPoint, Neighbourhood, PlaceKind};
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use super::responses::ReadErrors;
use crate::error::ApiResult;
use crate::http::auth::AuthUser;
use crate::http::query::ValidQuery;
use crate::services::neighbourhood::{self, NearbyQuery};
use crate::state::AppState;

/// Which places, from where, and the page.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NeighbourhoodQuery {
    /// A service's need category (`elderly_care`, …) or a space's kind (`elderly`, …).
    #[param(max_length = 40, example = "elderly_care")]
    category: Option<String>,
    /// Only services, or only spaces.
    kind: Option<PlaceKind>,
    /// Where you are (latitude); with `lng`, minutes are counted from here instead of the
    /// community's centre. Not stored.
    #[param(minimum = -90, maximum = 90, example = 30.2084)]
    lat: Option<f64>,
    #[param(minimum = -180, maximum = 180, example = 120.2119)]
    lng: Option<f64>,
    #[param(max_length = 32)]
    cursor: Option<String>,
    #[param(minimum = 1, maximum = 100)]
    limit: Option<usize>,
}

impl NeighbourhoodQuery {
    pub fn into_query(self) -> NearbyQuery {
        NearbyQuery {
            category: self.category.filter(|c| !c.trim().is_empty()),
            kind: self.kind,
            // A position needs both halves; one alone is ignored rather than half-used.
            origin: self
                .lat
                .zip(self.lng)
                .filter(|(lat, lng)| lat.abs() <= 90.0 && lng.abs() <= 180.0)
                .map(|(lat, lng)| GeoPoint { lat, lng }),
            cursor: self.cursor,
            limit: self.limit,
        }
    }
}

/// Services and service spaces that serve your community, public fields only, nearest first with
/// walking minutes from where you are (or the community's centre). Residents only.
#[utoipa::path(tag = "resources", params(NeighbourhoodQuery), responses((status = 200, body = Neighbourhood), ReadErrors), security(("bearer" = [])))]
#[get("/neighbourhood")]
async fn my_neighbourhood(
    state: web::Data<AppState>,
    caller: AuthUser,
    ValidQuery(query): ValidQuery<NeighbourhoodQuery>,
) -> ApiResult<web::Json<Neighbourhood>> {
    let walking = state.settings.matching.walking();
    Ok(web::Json(neighbourhood::for_resident(&state.db, &caller, &walking, query.into_query()).await?))
}

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(my_neighbourhood);
}
