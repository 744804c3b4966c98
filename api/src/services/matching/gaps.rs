//! Gaps (三项清单: 需求清单 against 资源清单): per community and category, the open needs no eligible
//! service reaches and the 15-minute-circle coverage; a gap can start a draft co-building program.

use std::collections::HashMap;

use chrono::{DateTime, Months, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use shared::{AreaKind, FieldRule, GapCell, GapReport, GapRow, Id, NeedStatus, NewGapProgram, NewProgram, ProgramDetail, ServiceMode};

use super::facts::{centres, district_path, need_facts, pool, service_facts, stats};
use crate::domain::caller::Caller;
use crate::domain::field_errors::FieldErrors;
use crate::domain::matching::categories::{catalogue_item_code, index, space_kind};
use crate::domain::matching::geo::Walking;
use crate::domain::matching::score::{NeedFacts, Rules, ServiceFacts};
use crate::domain::need_categories::{self, CATEGORIES};
use crate::domain::scope::Scope;
use crate::entities::{area, catalogue_entry, need};
use crate::error::ApiError;
use crate::policy::{self, Action};

/// Communities per report at most.
pub const MAX_COMMUNITIES: u64 = 500;
/// Open needs read per report at most.
pub const MAX_NEEDS: u64 = 50_000;

pub async fn report<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    area_id: Id,
    walking: Walking,
    now: DateTime<Utc>,
) -> Result<GapReport, ApiError> {
    policy::require(caller, Action::MatchNeeds)?;
    let top = crate::policy::load_within::<crate::entities::area::Entity, _>(db, &Scope::of(caller), area_id).await?;
    let inside = Scope::subtree(&top.path).path_condition(area::Column::Path);
    let mut communities: Vec<area::Model> = area::Entity::find()
        .filter(inside.clone())
        .filter(area::Column::Kind.eq(AreaKind::Community.as_str()))
        .limit(MAX_COMMUNITIES)
        .all(db)
        .await?;
    if top.kind == AreaKind::Grid.as_str() {
        communities.clear();
    }
    communities.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    let grids: Vec<area::Model> =
        area::Entity::find().filter(inside).filter(area::Column::Kind.eq(AreaKind::Grid.as_str())).all(db).await?;
    let needs: Vec<need::Model> = need::Entity::find()
        .filter(Scope::subtree(&top.path).path_condition(need::Column::AreaPath))
        .filter(need::Column::Status.is_in(NeedStatus::AWAITING_SERVICE.map(|s| s.as_str())))
        .limit(MAX_NEEDS)
        .all(db)
        .await?;
    let district = district_path(db, &top.path).await?;
    let services = pool(db, &[], &district).await?;
    let stats = stats(db, &services.iter().map(|s| s.id).collect::<Vec<_>>(), now).await?;
    let facts: Vec<_> =
        services.iter().map(|s| service_facts(s, stats.get(&s.id).copied().unwrap_or_default())).collect::<Result<_, _>>()?;
    let centre = centres(db, needs.iter().map(|n| n.area_id)).await?;
    let rules = Rules::new(walking);

    // Per (community, category): open needs and those no eligible service reaches.
    let mut counts: HashMap<(Id, &str), (i64, i64)> = HashMap::new();
    for n in &needs {
        let Some(community) = communities.iter().find(|c| n.area_path.starts_with(&c.path)) else { continue };
        let nf = need_facts(n, centre.get(&n.area_id).copied())?;
        let reachable = facts.iter().any(|f| rules.assess(&nf, f).is_ok());
        let Some(category) = need_categories::find(&n.category) else { continue };
        let entry = counts.entry((community.id, category.code)).or_default();
        entry.0 += 1;
        entry.1 += i64::from(!reachable);
    }

    let rows = communities
        .iter()
        .map(|c| {
            let places = circle_places(c, &grids);
            let cells = CATEGORIES
                .iter()
                .map(|cat| {
                    let code = index(cat.code).unwrap_or(u8::MAX);
                    let serving: Vec<usize> = facts
                        .iter()
                        .enumerate()
                        .filter(|(_, f)| f.category == code)
                        .filter(|(_, f)| {
                            rules.reaches(&place(&c.path, None), f) || places.iter().any(|(p, pt)| rules.reaches(&place(p, Some(*pt)), f))
                        })
                        .map(|(i, _)| i)
                        .collect();
                    let coverage = (!places.is_empty()).then(|| {
                        let covered =
                            places.iter().filter(|(path, pt)| serving.iter().any(|&i| in_circle(&rules, &facts[i], path, *pt))).count();
                        covered as f64 / places.len() as f64
                    });
                    let (open_needs, unreachable_needs) = counts.get(&(c.id, cat.code)).copied().unwrap_or_default();
                    GapCell { category: cat.code.into(), open_needs, unreachable_needs, services: serving.len() as i64, coverage }
                })
                .collect();
            GapRow { area_id: c.id, area_name: c.name.clone(), cells }
        })
        .collect();
    Ok(GapReport {
        area_id: top.id,
        circle_minutes: walking.circle_minutes,
        categories: CATEGORIES.iter().map(|c| c.code.to_owned()).collect(),
        communities: rows,
    })
}

/// The places a community's 15-minute circle must reach: its grid centres, or its own centre.
pub fn circle_places(community: &area::Model, grids: &[area::Model]) -> Vec<(String, (f64, f64))> {
    let mut places: Vec<(String, (f64, f64))> = grids
        .iter()
        .filter(|g| g.path.starts_with(&community.path))
        .filter_map(|g| Some((g.path.clone(), (g.center_lat?, g.center_lng?))))
        .collect();
    if places.is_empty()
        && let (Some(lat), Some(lng)) = (community.center_lat, community.center_lng)
    {
        places.push((community.path.clone(), (lat, lng)));
    }
    places
}

/// Whether a service puts a place within its 15-minute circle: it serves the place's area, comes
/// to or receives people (online services cover no place), and is within walking reach.
pub fn in_circle(rules: &Rules, f: &ServiceFacts, path: &str, point: (f64, f64)) -> bool {
    f.mode != ServiceMode::Online
        && rules.reaches(&place(path, Some(point)), f)
        && f.point.is_some_and(|sp| rules.walking.within_circle(sp, point))
}

/// A place in an area, as the score sees a need with no target group: for "does this reach here?".
fn place(path: &str, point: Option<(f64, f64)>) -> NeedFacts {
    NeedFacts { category: 0, groups: 0, ages: None, areas: crate::domain::scope::path_ids(path), point, preferred: None }
}

/// Starts a draft program in the community against the catalogue item (2.3.x) of the category's
/// kind of service space, through the programs' own create.
pub async fn start_program<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    gap: &NewGapProgram,
    walking: Walking,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<ProgramDetail, ApiError> {
    policy::require(caller, Action::MatchNeeds)?;
    let mut errors = FieldErrors::default();
    let category = need_categories::find(&gap.category);
    if category.is_none() {
        errors.add("/category", FieldRule::NotFound, "not a need category code");
    }
    let community = crate::services::resources::home_area(db, caller, gap.area_id, &[AreaKind::Community], "/area_id", &mut errors).await?;
    errors.finish()?;
    let (Some(category), Some(community)) = (category, community) else { return Err(ApiError::NotFound("area")) };
    let item_code = catalogue_item_code(space_kind(category.code));
    let item = catalogue_entry::Entity::find()
        .filter(catalogue_entry::Column::Code.eq(item_code))
        .filter(catalogue_entry::Column::Level.eq("item"))
        .all(db)
        .await?
        .into_iter()
        .max_by_key(|e| e.year)
        .ok_or(ApiError::NotFound("catalogue item"))?;
    let report = report(db, caller, community.id, walking, now).await?;
    let cell = report.communities.iter().flat_map(|r| r.cells.iter()).find(|c| c.category == category.code);
    let coverage = cell.and_then(|c| c.coverage).map(|c| format!("{:.0}%", c * 100.0)).unwrap_or_else(|| "—".into());
    let (open, unreachable, services) = cell.map(|c| (c.open_needs, c.unreachable_needs, c.services)).unwrap_or_default();
    let today = now.date_naive();
    let new = NewProgram {
        area_id: community.id,
        title: format!("补齐{}{}服务缺口", community.name, category.name_zh),
        description: format!(
            "由服务缺口报告发起：{}类待办需求 {} 件，其中 {} 件没有可服务的资源；服务本社区的该类服务 {} 项，{} 分钟服务圈覆盖率 {}。",
            category.name_zh, open, unreachable, services, report.circle_minutes, coverage
        ),
        lead_org: community.name.clone(),
        start_date: today,
        end_date: today.checked_add_months(Months::new(12)).unwrap_or(today),
        budget_fen: 0,
        catalogue_item_ids: vec![item.id],
        public: false,
    };
    crate::services::programs::create(db, caller, &new, now, request_id).await
}
