//! The area tree: reading within the caller's scope, creating and editing with the tree's rules.

use shared::{AuditAction, AuditEntity};
use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, QuerySelect, Set};
use shared::{Area, AreaKind, AreaPatch, CommunityProfile, FieldRule, Id, NewArea, Page};

use crate::domain::caller::Caller;
use crate::domain::field_errors::FieldErrors;
use crate::domain::scope::{Scope, child_path};
use crate::entities::area;
use crate::entities::stored::{StoredValueInvalid, stored, stored_opt};
use crate::error::ApiError;
use crate::services::audit::{self, Change};
use crate::services::page::{Keyset, PageRequest};

/// Orders of the area lists.
#[derive(Debug, Clone, Copy, Default, serde::Deserialize, utoipa::ToSchema)]
pub enum AreaSort {
    #[default]
    #[serde(rename = "id")]
    Id,
    #[serde(rename = "name")]
    Name,
    #[serde(rename = "-name")]
    NameDesc,
}

impl AreaSort {
    pub fn name(self) -> &'static str {
        match self {
            Self::Id => "id",
            Self::Name => "name",
            Self::NameDesc => "-name",
        }
    }

    fn keyset(self) -> Keyset<area::Entity> {
        let by_name = |m: &area::Model| (Some(m.name.clone()), m.id);
        match self {
            Self::Id => Keyset { name: "id", column: None, desc: false, id: area::Column::Id, key_of: |m| (None, m.id) },
            Self::Name => Keyset { name: "name", column: Some(area::Column::Name), desc: false, id: area::Column::Id, key_of: by_name },
            Self::NameDesc => Keyset { name: "-name", column: Some(area::Column::Name), desc: true, id: area::Column::Id, key_of: by_name },
        }
    }
}

/// Filters of the area search.
#[derive(Debug, Default)]
pub struct AreaFilter {
    pub kind: Option<AreaKind>,
    /// Name contains.
    pub q: Option<String>,
}

fn profile_of(m: &area::Model) -> Result<Option<CommunityProfile>, StoredValueInvalid> {
    if m.kind != AreaKind::Community.as_str() {
        return Ok(None);
    }
    Ok(Some(CommunityProfile {
        settlement: stored_opt(m.settlement.as_deref(), "areas", m.id)?,
        area_ha: m.area_ha,
        households: m.households,
        population: m.population,
        population_60_plus: m.population_60_plus,
        building_area_m2: m.building_area_m2,
        facility_area_m2: m.facility_area_m2,
        center_lat: m.center_lat,
        center_lng: m.center_lng,
    }))
}

fn to_dto(m: area::Model, child_count: i64) -> Result<Area, StoredValueInvalid> {
    let profile = profile_of(&m)?;
    Ok(Area {
        id: m.id,
        parent_id: m.parent_id,
        kind: stored(&m.kind, "areas", m.id)?,
        name: m.name,
        code: m.code,
        depth: m.depth,
        child_count,
        profile,
        created_at: m.created_at,
        updated_at: m.updated_at,
    })
}

#[derive(FromQueryResult)]
struct ChildCount {
    parent_id: Option<i64>,
    n: i64,
}

/// Attaches child counts to a page of areas with one grouped query (no N+1).
async fn with_counts<C: ConnectionTrait>(db: &C, rows: Vec<area::Model>) -> Result<Vec<Area>, ApiError> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<Id> = rows.iter().map(|m| m.id).collect();
    let counts: HashMap<Id, i64> = area::Entity::find()
        .select_only()
        .column(area::Column::ParentId)
        .column_as(area::Column::Id.count(), "n")
        .filter(area::Column::ParentId.is_in(ids))
        .group_by(area::Column::ParentId)
        .into_model::<ChildCount>()
        .all(db)
        .await?
        .into_iter()
        .filter_map(|c| c.parent_id.map(|p| (p, c.n)))
        .collect();
    Ok(rows
        .into_iter()
        .map(|m| {
            let n = counts.get(&m.id).copied().unwrap_or(0);
            to_dto(m, n)
        })
        .collect::<Result<_, _>>()?)
}

pub async fn get<C: ConnectionTrait>(db: &C, scope: &Scope, id: Id) -> Result<Area, ApiError> {
    let found = crate::policy::load_within::<area::Entity, _>(db, scope, id).await?;
    Ok(with_counts(db, vec![found]).await?.remove(0))
}

async fn page_of<C: ConnectionTrait>(
    db: &C,
    select: sea_orm::Select<area::Entity>,
    sort: AreaSort,
    page: PageRequest,
) -> Result<Page<Area>, ApiError> {
    let (rows, next_cursor) = page.fetch(db, select, &sort.keyset()).await?;
    Ok(Page { items: with_counts(db, rows).await?, next_cursor })
}

/// Search within the scope.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    scope: &Scope,
    filter: AreaFilter,
    sort: AreaSort,
    page: PageRequest,
) -> Result<Page<Area>, ApiError> {
    let mut select = area::Entity::find().filter(scope.path_condition(area::Column::Path));
    if let Some(kind) = filter.kind {
        select = select.filter(area::Column::Kind.eq(kind.as_str()));
    }
    if let Some(q) = filter.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        select = select.filter(area::Column::Name.contains(q));
    }
    page_of(db, select, sort, page).await
}

/// The tops of the caller's scope: every root for the platform admin, else the home area.
pub async fn roots<C: ConnectionTrait>(db: &C, scope: &Scope, page: PageRequest) -> Result<Page<Area>, ApiError> {
    let select = match scope.prefix() {
        None => area::Entity::find().filter(area::Column::ParentId.is_null()),
        Some(prefix) => area::Entity::find().filter(area::Column::Path.eq(prefix)),
    };
    page_of(db, select, AreaSort::Name, page).await
}

pub async fn children<C: ConnectionTrait>(
    db: &C,
    scope: &Scope,
    id: Id,
    sort: AreaSort,
    page: PageRequest,
) -> Result<Page<Area>, ApiError> {
    let parent = crate::policy::load_within::<area::Entity, _>(db, scope, id).await?;
    page_of(db, area::Entity::find().filter(area::Column::ParentId.eq(parent.id)), sort, page).await
}

/// Every area below `id` (not `id` itself), optionally of one kind.
pub async fn subtree<C: ConnectionTrait>(
    db: &C,
    scope: &Scope,
    id: Id,
    kind: Option<AreaKind>,
    sort: AreaSort,
    page: PageRequest,
) -> Result<Page<Area>, ApiError> {
    let top = crate::policy::load_within::<area::Entity, _>(db, scope, id).await?;
    let mut select =
        area::Entity::find().filter(Scope::subtree(&top.path).path_condition(area::Column::Path)).filter(area::Column::Id.ne(top.id));
    if let Some(kind) = kind {
        select = select.filter(area::Column::Kind.eq(kind.as_str()));
    }
    page_of(db, select, sort, page).await
}

/// Digits of a parent's code a child's code must start with (统计用区划代码 is hierarchical).
fn code_prefix_len(parent: AreaKind) -> Option<usize> {
    match parent {
        AreaKind::Province => Some(2),
        AreaKind::City => Some(4),
        AreaKind::District => Some(6),
        AreaKind::Street => Some(9),
        AreaKind::Community | AreaKind::Grid => None,
    }
}

fn check_profile(profile: &CommunityProfile, errors: &mut FieldErrors) {
    if let (Some(old), Some(all)) = (profile.population_60_plus, profile.population)
        && old > all
    {
        errors.add("/profile/population_60_plus", FieldRule::OutOfRange, "cannot exceed the population");
    }
    if profile.center_lat.is_some() != profile.center_lng.is_some() {
        errors.add("/profile/center_lng", FieldRule::Required, "give both latitude and longitude, or neither");
    }
}

/// What create and update both check about an area.
struct Fields<'a> {
    kind: AreaKind,
    parent: Option<&'a area::Model>,
    /// The area itself on update, so it does not clash with itself.
    own_id: Option<Id>,
    name: &'a str,
    code: Option<&'a str>,
    profile: Option<&'a CommunityProfile>,
}

/// Checks shared by create and update, adding every problem to `errors`.
async fn check_fields<C: ConnectionTrait>(db: &C, fields: Fields<'_>, errors: &mut FieldErrors) -> Result<(), ApiError> {
    let Fields { kind, parent, own_id, name, code, profile } = fields;
    if name.trim().is_empty() {
        errors.add("/name", FieldRule::Required, "the name cannot be blank");
    } else {
        let mut siblings = area::Entity::find().filter(area::Column::Name.eq(name.trim()));
        siblings = match parent {
            Some(p) => siblings.filter(area::Column::ParentId.eq(p.id)),
            None => siblings.filter(area::Column::ParentId.is_null()),
        };
        if let Some(own) = own_id {
            siblings = siblings.filter(area::Column::Id.ne(own));
        }
        if siblings.one(db).await?.is_some() {
            errors.add("/name", FieldRule::Taken, "another area with this name already sits under the same parent");
        }
    }
    match code {
        None if kind.requires_code() => errors.add("/code", FieldRule::Required, "a 12-digit administrative code is required"),
        None => {}
        Some(code) => {
            let parent_kind = parent.map(|p| stored::<AreaKind>(&p.kind, "areas", p.id)).transpose()?;
            let parent_prefix = parent.zip(parent_kind).and_then(|(p, kind)| {
                let len = code_prefix_len(kind)?;
                p.code.as_deref().map(|c| &c[..len.min(c.len())])
            });
            if let Some(prefix) = parent_prefix
                && !code.starts_with(prefix)
            {
                errors.add("/code", FieldRule::MismatchParent, format!("must start with the parent's {prefix}"));
            }
            let mut same = area::Entity::find().filter(area::Column::Code.eq(code));
            if let Some(own) = own_id {
                same = same.filter(area::Column::Id.ne(own));
            }
            if same.one(db).await?.is_some() {
                errors.add("/code", FieldRule::Taken, "another area already has this code");
            }
        }
    }
    if let Some(profile) = profile {
        if kind.has_profile() {
            check_profile(profile, errors);
        } else {
            errors.add("/profile", FieldRule::NotAllowed, "only communities have a profile");
        }
    }
    Ok(())
}

fn set_profile(model: &mut area::ActiveModel, p: &CommunityProfile) {
    model.settlement = Set(p.settlement.map(|s| s.as_str().to_owned()));
    model.area_ha = Set(p.area_ha);
    model.households = Set(p.households);
    model.population = Set(p.population);
    model.population_60_plus = Set(p.population_60_plus);
    model.building_area_m2 = Set(p.building_area_m2);
    model.facility_area_m2 = Set(p.facility_area_m2);
    model.center_lat = Set(p.center_lat);
    model.center_lng = Set(p.center_lng);
}

/// Creates an area under a parent in the caller's scope (or a root, for the platform admin).
pub async fn create<C: ConnectionTrait>(
    db: &C,
    caller: Option<&Caller>,
    scope: &Scope,
    new: &NewArea,
    request_id: Option<&str>,
) -> Result<Area, ApiError> {
    let mut errors = FieldErrors::default();
    let parent = match new.parent_id {
        Some(pid) => match area::Entity::find_by_id(pid).one(db).await? {
            Some(p) if scope.contains(&p.path) => Some(p),
            _ => {
                errors.add("/parent_id", FieldRule::NotFound, "no such area in your scope");
                None
            }
        },
        None if !scope.is_global() => return Err(ApiError::Forbidden("only platform admins create top-level areas".into())),
        None if !new.kind.may_be_root() => {
            errors.add("/parent_id", FieldRule::Required, format!("a {} must sit under a parent area", new.kind.as_str()));
            None
        }
        None => None,
    };
    if let Some(p) = &parent {
        let parent_kind: AreaKind = stored(&p.kind, "areas", p.id)?;
        if !new.kind.parent_kinds().contains(&parent_kind) {
            let allowed: Vec<&str> = new.kind.parent_kinds().iter().map(|k| k.as_str()).collect();
            errors.add(
                "/kind",
                FieldRule::InvalidParent,
                format!(
                    "a {} cannot sit under a {}; allowed parents: {}",
                    new.kind.as_str(),
                    p.kind,
                    if allowed.is_empty() { "none".into() } else { allowed.join(", ") }
                ),
            );
        }
    }
    let fields = Fields {
        kind: new.kind,
        parent: parent.as_ref(),
        own_id: None,
        name: &new.name,
        code: new.code.as_deref(),
        profile: new.profile.as_ref(),
    };
    check_fields(db, fields, &mut errors).await?;
    errors.finish()?;

    let now = Utc::now();
    let mut model = area::ActiveModel {
        parent_id: Set(parent.as_ref().map(|p| p.id)),
        kind: Set(new.kind.as_str().into()),
        name: Set(new.name.trim().into()),
        code: Set(new.code.clone()),
        // Placeholder until the id is known; unique so concurrent inserts cannot collide.
        path: Set(format!("pending:{}", uuid::Uuid::new_v4())),
        depth: Set(parent.as_ref().map_or(0, |p| p.depth + 1)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    if let Some(profile) = &new.profile {
        set_profile(&mut model, profile);
    }
    let inserted = model.insert(db).await?;
    let path = child_path(parent.as_ref().map(|p| p.path.as_str()), inserted.id);
    let mut with_path: area::ActiveModel = inserted.into();
    with_path.path = Set(path.clone());
    let saved = with_path.update(db).await?;
    let dto = to_dto(saved, 0)?;
    audit::record(
        db,
        caller,
        request_id,
        Change {
            action: AuditAction::Create,
            entity: AuditEntity::Area,
            entity_id: dto.id,
            area: Some((dto.id, &path)),
            before: None,
            after: Some(&dto),
        },
    )
    .await?;
    Ok(dto)
}

/// Changes name, code or profile of an area in the caller's scope.
pub async fn update<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    scope: &Scope,
    id: Id,
    patch: &AreaPatch,
    request_id: Option<&str>,
) -> Result<Area, ApiError> {
    let current = crate::policy::load_within::<area::Entity, _>(db, scope, id).await?;
    let kind: AreaKind = stored(&current.kind, "areas", current.id)?;
    let parent = match current.parent_id {
        Some(pid) => area::Entity::find_by_id(pid).one(db).await?,
        None => None,
    };
    let name = patch.name.clone().unwrap_or_else(|| current.name.clone());
    let code = patch.code.clone().or_else(|| current.code.clone());
    let mut errors = FieldErrors::default();
    let fields =
        Fields { kind, parent: parent.as_ref(), own_id: Some(id), name: &name, code: code.as_deref(), profile: patch.profile.as_ref() };
    check_fields(db, fields, &mut errors).await?;
    errors.finish()?;

    let before = get(db, scope, id).await?;
    let path = current.path.clone();
    let mut model: area::ActiveModel = current.into();
    model.name = Set(name.trim().into());
    model.code = Set(code);
    if let Some(profile) = &patch.profile {
        set_profile(&mut model, profile);
    }
    model.updated_at = Set(Utc::now());
    let saved = model.update(db).await?;
    let after = to_dto(saved, before.child_count)?;
    audit::record(
        db,
        Some(caller),
        request_id,
        Change {
            action: AuditAction::Update,
            entity: AuditEntity::Area,
            entity_id: id,
            area: Some((id, &path)),
            before: Some(&before),
            after: Some(&after),
        },
    )
    .await?;
    Ok(after)
}

/// The areas on the path from the root to `path`'s area, root first.
pub async fn ancestors<C: ConnectionTrait>(db: &C, path: &str) -> Result<Vec<area::Model>, ApiError> {
    let ids = crate::domain::scope::path_ids(path);
    let mut rows = area::Entity::find().filter(area::Column::Id.is_in(ids.clone())).all(db).await?;
    rows.sort_by_key(|m| ids.iter().position(|i| *i == m.id));
    Ok(rows)
}
