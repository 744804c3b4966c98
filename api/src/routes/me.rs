//! `/api/v1/me`: who the caller is and what the dashboard may show them.

use actix_web::{get, web};
use shared::{AreaCrumb, Me};
use utoipa_actix_web::service_config::ServiceConfig;

use super::responses::ReadErrors;
use crate::domain::scope::Scope;
use crate::entities::stored::{StoredValueInvalid, stored};
use crate::error::ApiResult;
use crate::http::auth::AuthUser;
use crate::policy::permissions;
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

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(me);
}
