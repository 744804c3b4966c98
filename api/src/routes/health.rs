//! Liveness, readiness and metrics for operators and orchestrators.

use actix_web::{HttpResponse, get, web};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::error::ApiError;
use crate::state::AppState;

#[derive(Serialize, ToSchema)]
pub struct Health {
    /// Always `ok`.
    status: String,
}

/// Liveness: the process is up.
#[utoipa::path(tag = "operations", responses((status = 200, body = Health)))]
#[get("/healthz")]
async fn healthz() -> web::Json<Health> {
    web::Json(Health { status: "ok".into() })
}

/// Readiness: the database answers.
#[utoipa::path(tag = "operations", responses(
    (status = 200, body = Health),
    (status = 503, description = "The database does not answer", body = shared::Problem, content_type = "application/problem+json"),
))]
#[get("/readyz")]
async fn readyz(state: web::Data<AppState>) -> Result<web::Json<Health>, ApiError> {
    state.db.ping().await.map_err(|e| ApiError::Unavailable(format!("database: {e}")))?;
    Ok(web::Json(Health { status: "ok".into() }))
}

/// Prometheus metrics (text exposition format).
#[utoipa::path(tag = "operations", responses((status = 200, description = "Prometheus text format", body = String, content_type = "text/plain")))]
#[get("/metrics")]
async fn metrics() -> HttpResponse {
    HttpResponse::Ok().content_type("text/plain; version=0.0.4").body(crate::http::metrics::render())
}

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(healthz).service(readyz).service(metrics);
}
