//! `/api/v1/public/…`: what anyone may read without signing in (阳光社区 disclosure of programs,
//! 民主协商 公示 of consultation topics and their results, the services and spaces of a community).

use actix_web::{get, web};
use serde::Deserialize;
use shared::{CommunityChoice, Neighbourhood, Page, Program, ProgramDetail, PublicTopic};
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use super::neighbourhood::NeighbourhoodQuery;
use crate::error::ApiResult;
use crate::http::query::ValidQuery;
use crate::services::page::PageRequest;
use crate::services::residents::communities;
use crate::services::{consultation, neighbourhood, programs};
use crate::state::AppState;

/// Which communities to offer at sign-up.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CommunityChoiceQuery {
    /// Name contains.
    #[param(max_length = 100, example = "缤纷")]
    q: Option<String>,
    #[param(minimum = 1, maximum = 200, example = 50)]
    limit: Option<u64>,
}

/// Communities a resident may pick when signing up (grid optional), by name, each with its street
/// and grids. Names only.
#[utoipa::path(tag = "public", params(CommunityChoiceQuery), responses((status = 200, body = Vec<CommunityChoice>),
    (status = 422, description = "Invalid query", body = shared::Problem, content_type = "application/problem+json")))]
#[get("/public/communities")]
async fn community_choices(
    state: web::Data<AppState>,
    ValidQuery(query): ValidQuery<CommunityChoiceQuery>,
) -> ApiResult<web::Json<Vec<CommunityChoice>>> {
    let limit = query.limit.unwrap_or(shared::DEFAULT_PAGE_LIMIT);
    Ok(web::Json(communities::choices(&state.db, query.q.as_deref(), limit).await?))
}

/// Which disclosed programs (or topics on notice) to list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PublicProgramsQuery {
    /// Only those of this area (a community, from `/public/communities`) and the areas under it.
    #[param(minimum = 1, example = 5)]
    community: Option<i64>,
    #[param(max_length = 512)]
    cursor: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    limit: Option<u64>,
}

/// Programs disclosed to the public, newest first, optionally of one community. No personal data.
#[utoipa::path(tag = "public", params(PublicProgramsQuery), responses((status = 200, body = Page<Program>),
    (status = 404, description = "No such community", body = shared::Problem, content_type = "application/problem+json"),
    (status = 422, description = "Invalid query", body = shared::Problem, content_type = "application/problem+json")))]
#[get("/public/programs")]
async fn public_programs(
    state: web::Data<AppState>,
    ValidQuery(query): ValidQuery<PublicProgramsQuery>,
) -> ApiResult<web::Json<Page<Program>>> {
    let page = PageRequest::parse(query.cursor.as_deref(), query.limit, "-id")?;
    Ok(web::Json(programs::public_list(&state.db, query.community, page, state.clock.now().date_naive()).await?))
}

/// One disclosed program: pledged, delivered and spent, milestones and evaluation. No personal data.
#[utoipa::path(tag = "public", params(("id" = i64, Path, description = "Program id", example = 2)), responses((status = 200, body = ProgramDetail),
    (status = 404, description = "No such disclosed program", body = shared::Problem, content_type = "application/problem+json")))]
#[get("/public/programs/{id}")]
async fn public_program(state: web::Data<AppState>, id: web::Path<i64>) -> ApiResult<web::Json<ProgramDetail>> {
    Ok(web::Json(programs::public_detail(&state.db, id.into_inner(), state.clock.now().date_naive()).await?))
}

/// 公示: consultation topics on notice for co-signing, and decided topics with their published
/// result and rating, newest first, optionally of one community. No names, phones or addresses.
#[utoipa::path(tag = "public", params(PublicProgramsQuery), responses((status = 200, body = Page<PublicTopic>),
    (status = 404, description = "No such community", body = shared::Problem, content_type = "application/problem+json"),
    (status = 422, description = "Invalid query", body = shared::Problem, content_type = "application/problem+json")))]
#[get("/public/topics")]
async fn public_topics(
    state: web::Data<AppState>,
    ValidQuery(query): ValidQuery<PublicProgramsQuery>,
) -> ApiResult<web::Json<Page<PublicTopic>>> {
    let page = PageRequest::parse(query.cursor.as_deref(), query.limit, "-id")?;
    Ok(web::Json(consultation::public_list(&state.db, query.community, page, state.clock.now()).await?))
}

/// One topic on notice or with a published result. No names, phones or addresses.
#[utoipa::path(tag = "public", params(("id" = i64, Path, description = "Topic id", example = 1)), responses((status = 200, body = PublicTopic),
    (status = 404, description = "No such topic on public notice", body = shared::Problem, content_type = "application/problem+json")))]
#[get("/public/topics/{id}")]
async fn public_topic(state: web::Data<AppState>, id: web::Path<i64>) -> ApiResult<web::Json<PublicTopic>> {
    Ok(web::Json(consultation::public_detail(&state.db, id.into_inner(), state.clock.now()).await?))
}

/// The services and service spaces serving a community, nearest first with walking minutes from
/// the position given (or the community's centre). Public fields only: no names or phones of people.
#[utoipa::path(tag = "public", params(("id" = i64, Path, description = "Community id", example = 5), NeighbourhoodQuery),
    responses((status = 200, body = Neighbourhood),
    (status = 404, description = "No such community", body = shared::Problem, content_type = "application/problem+json"),
    (status = 422, description = "Invalid query", body = shared::Problem, content_type = "application/problem+json")))]
#[get("/public/communities/{id}/neighbourhood")]
async fn public_neighbourhood(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    ValidQuery(query): ValidQuery<NeighbourhoodQuery>,
) -> ApiResult<web::Json<Neighbourhood>> {
    let walking = state.settings.matching.walking();
    Ok(web::Json(neighbourhood::for_visitor(&state.db, id.into_inner(), &walking, query.into_query()).await?))
}

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(public_programs)
        .service(public_program)
        .service(public_topics)
        .service(public_topic)
        .service(community_choices)
        .service(public_neighbourhood);
}
