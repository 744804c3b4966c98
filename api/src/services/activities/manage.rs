//! Creating, editing, moving and reading activities. Organisers are the managers of the activity's
//! community (or above); an organisation organises through the staff who register it.

use chrono::{DateTime, Duration, Utc};
use rand::Rng;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, QuerySelect, Set,
};
use shared::{
    Activity, ActivityActionRequest, ActivityInput, ActivityPage, ActivityStatus, AreaKind, FieldRule, Id, OrganiserKind, SignupStatus,
};
use shared::{AuditAction, AuditEntity};

use super::{live_signup_of, signup_dto};
use crate::domain::activity_lifecycle::{allowed, editable, next};
use crate::domain::caller::Caller;
use crate::domain::field_errors::FieldErrors;
use crate::entities::stored::stored;
use crate::entities::{activity, activity_signup, area, provider, service_space};
use crate::error::ApiError;
use crate::policy::{self, Action, Refused};
use crate::services::audit::{self, Change};
use crate::services::page::{Keyset, PageRequest};

/// What the fields name, once checked.
struct Checked {
    community: area::Model,
    organiser: Option<provider::Model>,
    place: String,
}

/// Checks an activity's fields together; every bad field is named at once.
async fn checked<C: ConnectionTrait>(db: &C, caller: &Caller, input: &ActivityInput) -> Result<Checked, ApiError> {
    let mut errors = FieldErrors::default();
    if input.title.trim().is_empty() {
        errors.add("/title", FieldRule::Required, "name the activity");
    }
    if input.ends_at <= input.starts_at {
        errors.add("/ends_at", FieldRule::BeforeStart, "the activity must end after it starts");
    } else if input.ends_at - input.starts_at > Duration::days(7) {
        errors.add("/ends_at", FieldRule::OutOfRange, "an activity lasts at most a week");
    } else if input.credit_minutes > (input.ends_at - input.starts_at).num_minutes() {
        errors.add("/credit_minutes", FieldRule::OutOfRange, "credit at most the activity's length");
    }
    let address = input.address.as_deref().map(str::trim).filter(|a| !a.is_empty());
    if input.space_id.is_none() && address.is_none() {
        errors.add("/address", FieldRule::RequiredOne, "give a service space or an address");
    }
    let community = match policy::load::<area::Entity, _>(db, caller, input.area_id).await {
        Ok(a) if a.kind == AreaKind::Community.as_str() => Some(a),
        Ok(_) => {
            errors.add("/area_id", FieldRule::WrongKind, "activities belong to a community");
            None
        }
        Err(Refused::NotFound(_)) => {
            errors.add("/area_id", FieldRule::NotFound, "no such community in your area");
            None
        }
        Err(e) => return Err(e.into()),
    };
    // The organisation and the space must serve the community: the community's own or one above it.
    let serves = |path: &str| community.as_ref().is_none_or(|c| c.path.starts_with(path) || path.starts_with(&c.path));
    let mut organiser = None;
    if let Some(id) = input.provider_id {
        match provider::Entity::find_by_id(id).one(db).await? {
            Some(p) if p.active && serves(&p.area_path) => organiser = Some(p),
            _ => errors.add("/provider_id", FieldRule::NotFound, "no such organisation serving this community"),
        }
    }
    let mut place = address.map(str::to_owned).unwrap_or_default();
    if let Some(id) = input.space_id {
        match service_space::Entity::find_by_id(id).one(db).await? {
            Some(s) if s.active && serves(&s.area_path) => {
                if place.is_empty() {
                    place = s.name.clone();
                } else {
                    place = format!("{} {}", s.name, place);
                }
            }
            _ => errors.add("/space_id", FieldRule::NotFound, "no such service space serving this community"),
        }
    }
    errors.finish()?;
    let community = community.ok_or_else(|| ApiError::Unexpected(anyhow::anyhow!("checked activity without a community")))?;
    Ok(Checked { community, organiser, place: place.chars().take(200).collect() })
}

fn apply(row: &mut activity::ActiveModel, input: &ActivityInput, c: &Checked, now: DateTime<Utc>) {
    row.area_id = Set(c.community.id);
    row.area_path = Set(c.community.path.clone());
    let (kind, name) = match &c.organiser {
        Some(p) => (OrganiserKind::Organisation, p.name.clone()),
        None => (OrganiserKind::Community, c.community.name.clone()),
    };
    row.organiser_kind = Set(kind.as_str().into());
    row.provider_id = Set(c.organiser.as_ref().map(|p| p.id));
    row.organiser_name = Set(name.chars().take(100).collect());
    row.title = Set(input.title.trim().to_owned());
    row.description = Set(input.description.trim().to_owned());
    row.space_id = Set(input.space_id);
    row.place = Set(c.place.clone());
    row.starts_at = Set(input.starts_at);
    row.ends_at = Set(input.ends_at);
    row.capacity = Set(input.capacity);
    row.credit_minutes = Set(input.credit_minutes);
    row.updated_at = Set(now);
}

/// An activity as the caller sees it, with what they may do and their own sign-up.
pub async fn dto<C: ConnectionTrait>(db: &C, caller: &Caller, m: activity::Model) -> Result<Activity, ApiError> {
    let status: ActivityStatus = stored(&m.status, "activities", m.id)?;
    let waiting = activity_signup::Entity::find()
        .filter(activity_signup::Column::ActivityId.eq(m.id))
        .filter(activity_signup::Column::Status.eq(SignupStatus::Waiting.as_str()))
        .count(db)
        .await? as i64;
    let mine = match live_signup_of(db, m.id, caller.id).await? {
        Some(s) => {
            let position = if s.status == SignupStatus::Waiting.as_str() {
                Some(
                    activity_signup::Entity::find()
                        .filter(activity_signup::Column::ActivityId.eq(m.id))
                        .filter(activity_signup::Column::Status.eq(SignupStatus::Waiting.as_str()))
                        .filter(activity_signup::Column::Id.lte(s.id))
                        .count(db)
                        .await? as i64,
                )
            } else {
                None
            };
            Some(signup_dto(caller, s, position)?)
        }
        None => None,
    };
    let area_name = area::Entity::find_by_id(m.area_id).select_only().column(area::Column::Name).into_tuple::<String>().one(db).await?;
    Ok(Activity {
        id: m.id,
        area_id: m.area_id,
        area_name: area_name.unwrap_or_default(),
        organiser_kind: stored(&m.organiser_kind, "activities", m.id)?,
        provider_id: m.provider_id,
        organiser_name: m.organiser_name.clone(),
        title: m.title.clone(),
        description: m.description.clone(),
        space_id: m.space_id,
        place: m.place.clone(),
        starts_at: m.starts_at,
        ends_at: m.ends_at,
        capacity: m.capacity,
        credit_minutes: m.credit_minutes,
        status,
        confirmed: m.confirmed,
        waiting,
        allowed_actions: allowed(status, &policy::activities::parties(caller, &m)),
        my_signup: mine,
        created_by: m.created_by,
        created_at: m.created_at,
        updated_at: m.updated_at,
    })
}

/// A fresh per-activity secret for the minute codes.
fn new_secret() -> String {
    let bytes: [u8; 24] = rand::rngs::OsRng.r#gen();
    hex::encode(bytes)
}

/// Creates a draft activity in a community of the caller's subtree.
pub async fn create<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    input: &ActivityInput,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<Activity, ApiError> {
    policy::require(caller, Action::OrganiseActivities)?;
    let c = checked(db, caller, input).await?;
    let mut row = activity::ActiveModel {
        status: Set(ActivityStatus::Draft.as_str().into()),
        confirmed: Set(0),
        signup_seq: Set(0),
        code_secret: Set(new_secret()),
        created_by: Set(caller.id),
        created_at: Set(now),
        ..Default::default()
    };
    apply(&mut row, input, &c, now);
    let saved = dto(db, caller, row.insert(db).await?).await?;
    audited(db, caller, AuditAction::Create, &c.community.path, None, &saved, request_id).await?;
    Ok(saved)
}

/// Replaces an activity's fields while it is not held or called off. The capacity may not drop
/// below the places already taken.
pub async fn replace<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    input: &ActivityInput,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<Activity, ApiError> {
    let found = policy::load::<activity::Entity, _>(db, caller, id).await?;
    if policy::activities::parties(caller, &found).is_empty() {
        return Err(ApiError::Forbidden("only the organisers of an activity (managers of its area) edit it".into()));
    }
    let (status, confirmed, _) = super::lock(db, id).await?;
    if !editable(status) {
        return Err(ApiError::Conflict(format!("activity {id} is {}; it can no longer be changed", status.as_str())));
    }
    let c = checked(db, caller, input).await?;
    if input.capacity < confirmed {
        return Err(ApiError::field("/capacity", FieldRule::OutOfRange, format!("{confirmed} places are already taken")));
    }
    let current = activity::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound("activity"))?;
    let before = dto(db, caller, current.clone()).await?;
    let mut row = current.into_active_model();
    apply(&mut row, input, &c, now);
    row.update(db).await?;
    // A larger capacity gives the new places to the waiting list, in order.
    super::signups::fill_places(db, caller, id, now).await?;
    let after = activity::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound("activity"))?;
    let saved = dto(db, caller, after).await?;
    audited(db, caller, AuditAction::Update, &c.community.path, Some(&before), &saved, request_id).await?;
    Ok(saved)
}

/// Moves an activity through its lifecycle, if the table lets the caller's party.
pub async fn act<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    req: &ActivityActionRequest,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<Activity, ApiError> {
    let found = policy::load::<activity::Entity, _>(db, caller, id).await?;
    let parties = policy::activities::parties(caller, &found);
    if parties.is_empty() {
        return Err(ApiError::Forbidden("only the organisers of an activity (managers of its area) move it".into()));
    }
    let (status, _, _) = super::lock(db, id).await?;
    let Some(to) = next(status, req.action, &parties) else {
        return Err(ApiError::InvalidTransition {
            detail: format!("activity {id} is {}; it cannot {}", status.as_str(), req.action.as_str()),
            allowed: allowed(status, &parties).into_iter().map(|a| a.as_str().to_owned()).collect(),
        });
    };
    activity::Entity::update_many()
        .col_expr(activity::Column::Status, Expr::value(to.as_str()))
        .col_expr(activity::Column::UpdatedAt, Expr::value(now))
        .filter(activity::Column::Id.eq(id))
        .exec(db)
        .await?;
    let before = dto(db, caller, found.clone()).await?;
    let after = dto(db, caller, activity::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound("activity"))?).await?;
    audited(db, caller, req.action.into(), &found.area_path, Some(&before), &after, request_id).await?;
    Ok(after)
}

/// Records an activity's change in the audit trail.
async fn audited<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    action: AuditAction,
    path: &str,
    before: Option<&Activity>,
    after: &Activity,
    request_id: Option<&str>,
) -> Result<(), ApiError> {
    let change = Change {
        action,
        entity: AuditEntity::Activity,
        entity_id: after.id,
        area: Some((after.area_id, path)),
        before,
        after: Some(after),
    };
    audit::record(db, Some(caller), request_id, change).await
}

/// One activity the caller sees.
pub async fn get<C: ConnectionTrait>(db: &C, caller: &Caller, id: Id) -> Result<Activity, ApiError> {
    let found = policy::load::<activity::Entity, _>(db, caller, id).await?;
    dto(db, caller, found).await
}

/// Orders of the activity list: `-id` (newest), `id`, `title`.
pub fn keyset(sort: &str) -> Keyset<activity::Entity> {
    Keyset {
        name: match sort {
            "id" => "id",
            "title" => "title",
            _ => "-id",
        },
        column: (sort == "title").then_some(activity::Column::Title),
        desc: sort == "-id",
        id: activity::Column::Id,
        key_of: |m| (Some(m.title.clone()), m.id),
    }
}

/// Filters of the activity list.
pub struct ActivityFilter {
    pub q: Option<String>,
    pub area_id: Option<Id>,
    pub status: Option<ActivityStatus>,
    /// Only those the caller signed up for (not cancelled).
    pub mine: bool,
}

/// A page of the activities the caller sees, with how many the filters select.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    filter: &ActivityFilter,
    sort: &str,
    page: PageRequest,
) -> Result<ActivityPage, ApiError> {
    let mut select = policy::visible::<activity::Entity>(caller)?;
    if let Some(q) = filter.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        select = select
            .filter(sea_orm::Condition::any().add(activity::Column::Title.contains(q)).add(activity::Column::Description.contains(q)));
    }
    if let Some(area) = filter.area_id {
        select = select.filter(activity::Column::AreaId.eq(area));
    }
    if let Some(status) = filter.status {
        select = select.filter(activity::Column::Status.eq(status.as_str()));
    }
    if filter.mine {
        let mine = sea_orm::sea_query::Query::select()
            .column(activity_signup::Column::ActivityId)
            .from(activity_signup::Entity)
            .and_where(Expr::col(activity_signup::Column::LiveUserId).eq(caller.id))
            .to_owned();
        select = select.filter(activity::Column::Id.in_subquery(mine));
    }
    let total = select.clone().count(db).await? as i64;
    let (rows, next_cursor) = page.fetch(db, select, &keyset(sort)).await?;
    let mut items = Vec::with_capacity(rows.len());
    for m in rows {
        items.push(dto(db, caller, m).await?);
    }
    Ok(ActivityPage { items, next_cursor, total })
}
