//! Create throughput: `needs::submit` in its own write transaction, as `POST /api/v1/needs` runs it,
//! against the twin issuing the same six statements in the same kind of transaction. The two
//! alternate in blocks (A/B/A/B…) so that noise from the machine lands on both.

use std::time::Instant;

use api::domain::caller::Caller;
use api::policy::{Action, role_may};
use chrono::{DateTime, Utc};
use sea_orm::TransactionTrait;
use shared::{AreaKind, Channel, NewNeed, Role, TargetGroup, Urgency};
use sqlx::Row;

use super::setup::{Fixture, Place};
use super::sql::{SQL, STAFF_WHO_WORK_NEEDS as SQL_ROLES};
use super::twin;
use crate::stats::Samples;

/// What a staff member types in for a resident who phoned in.
pub fn new_need(i: usize, place: &Place) -> NewNeed {
    NewNeed {
        category: api::domain::need_categories::CATEGORIES[i % api::domain::need_categories::CATEGORIES.len()].code.to_owned(),
        text: format!("第{i}号电话需求：独居老人家中水管漏水，需要上门维修。"),
        area_id: place.id,
        address: Some(format!("幸福小区{}幢{}单元{}室", i % 30 + 1, i % 6 + 1, i % 1200 + 101)),
        at_home: true,
        lat: Some(30.2 + (i % 1000) as f64 / 10_000.0),
        lng: Some(120.2 + (i % 1000) as f64 / 10_000.0),
        tags: if i.is_multiple_of(3) { vec![TargetGroup::Elderly, TargetGroup::ElderlyLivingAlone] } else { vec![] },
        urgency: Urgency::Normal,
        preferred_time: None,
        channel: Channel::Phone,
        contact_name: Some("王小明".into()),
        contact_phone: Some(format!("138{:08}", i)),
    }
}

/// The service, as the handler drives it: begin, submit, commit.
pub async fn by_service(f: &Fixture, caller: &Caller, new: &NewNeed) -> anyhow::Result<i64> {
    let txn = f.db.begin().await?;
    let detail = api::services::needs::submit(&txn, caller, new, Utc::now(), Some("bench")).await?;
    txn.commit().await?;
    Ok(detail.need.id)
}

/// `/`, `/1/`, `/1/7/`, … — the endpoint paths whose subtree holds `path` (as the webhook queue asks).
fn path_prefixes(path: &str) -> Vec<String> {
    let mut prefixes = vec!["/".to_owned()];
    let mut current = String::from("/");
    for segment in path.split('/').filter(|s| !s.is_empty()) {
        current.push_str(segment);
        current.push('/');
        prefixes.push(current.clone());
    }
    prefixes
}

/// The twin: the same checks and the same statements — area lookup, INSERT … RETURNING, KPI counter
/// upsert, area names, audit INSERT … RETURNING, webhook endpoint lookup — in one transaction.
pub async fn by_twin(f: &Fixture, caller: &Caller, new: &NewNeed, now: DateTime<Utc>) -> anyhow::Result<i64> {
    anyhow::ensure!(role_may(caller.role, Action::SubmitNeedsForResidents), "caller may not submit by phone");
    anyhow::ensure!(api::domain::need_categories::find(&new.category).is_some() && !new.text.trim().is_empty(), "invalid need");
    anyhow::ensure!(new.contact_name.is_some() || new.contact_phone.is_some(), "contact required");
    let mut tx = f.pool.begin().await?;
    let place = sqlx::query(SQL.area_by_id.as_str()).bind(new.area_id).bind(1_i64).fetch_optional(&mut *tx).await?;
    let place = place.ok_or_else(|| anyhow::anyhow!("no such area"))?;
    let (kind, path): (String, String) = (place.try_get(2)?, place.try_get(5)?);
    anyhow::ensure!(path.starts_with(&caller.area_path), "area out of scope");
    anyhow::ensure!(kind == AreaKind::Community.as_str() || kind == AreaKind::Grid.as_str(), "wrong area kind");

    let resident = resident_for_phone(&mut tx, new, place.try_get(0)?, now).await?;

    // The acceptance time: the category's default, unless the need's district overrides it.
    let category = api::domain::need_categories::find(&new.category).ok_or_else(|| anyhow::anyhow!("no such category"))?;
    let mut acceptance_hours = category.acceptance_hours[urgency_index(new.urgency)];
    let on_path = api::domain::scope::path_ids(&path);
    let mut district = sqlx::query(SQL.district_on_path(on_path.len()));
    for id in &on_path {
        district = district.bind(id);
    }
    let district = district.bind(AreaKind::District.as_str()).bind(1_i64).fetch_optional(&mut *tx).await?;
    if let Some(district) = district {
        let custom = sqlx::query(SQL.deadline_override.as_str())
            .bind(district.try_get::<i64, _>(0)?)
            .bind(&new.category)
            .bind(new.urgency.as_str())
            .bind(1_i64)
            .fetch_optional(&mut *tx)
            .await?;
        if let Some(hours) = custom.map(|c| c.try_get::<Option<i64>, _>(4)).transpose()?.flatten() {
            acceptance_hours = hours;
        }
    }

    let mut tags: Vec<String> = new.tags.iter().filter_map(|t| serde_json::to_value(t).ok()?.as_str().map(str::to_owned)).collect();
    tags.sort();
    tags.dedup();
    let row = sqlx::query(SQL.insert_need.as_str())
        .bind(new.area_id)
        .bind(&path)
        .bind(&new.category)
        .bind(new.text.trim())
        .bind(&new.address)
        .bind(new.at_home)
        .bind(new.lat)
        .bind(new.lng)
        .bind(format!(",{},", tags.join(",")))
        .bind(match new.urgency {
            Urgency::Normal => "normal",
            Urgency::Urgent => "urgent",
            Urgency::Emergency => "emergency",
        })
        .bind(new.preferred_time)
        .bind(match new.channel {
            Channel::MiniProgram => "mini_program",
            Channel::Web => "web",
            Channel::Phone => "phone",
            Channel::Visit => "visit",
            Channel::GridPatrol => "grid_patrol",
        })
        .bind(&new.contact_name)
        .bind(&new.contact_phone)
        .bind(if caller.role == Role::Resident { Some(caller.id) } else { resident })
        .bind(caller.id)
        .bind(shared::NeedStatus::Submitted.as_str())
        .bind(Some(now + chrono::Duration::hours(acceptance_hours)))
        .bind(false)
        .bind(0_i32)
        .bind(0_i32)
        .bind(now)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
    let saved = twin::decode_need(&row)?;
    // The counters move with the need, inside its transaction, right after the insert.
    twin::add_counters(&mut *tx, &saved).await?;
    // 提交 opens the timeline.
    let submitted = shared::NeedStatus::Submitted.as_str();
    sqlx::query(SQL.insert_event.as_str())
        .bind(saved.id)
        .bind(now)
        .bind(shared::NeedAction::Submit.as_str())
        .bind(submitted)
        .bind(submitted)
        .bind(Some(caller.id))
        .bind(None::<String>)
        .bind(None::<i64>)
        .fetch_one(&mut *tx)
        .await?;
    // Who is told of the new need: the staff homed on its community, the caller aside.
    let ids = api::domain::scope::path_ids(&saved.area_path);
    let mut communities = sqlx::query(SQL.areas_of_kind(ids.len()));
    for id in &ids {
        communities = communities.bind(id);
    }
    let communities: Vec<i64> =
        communities.bind(AreaKind::Community.as_str()).fetch_all(&mut *tx).await?.iter().map(|r| r.get(0)).collect();
    anyhow::ensure!(communities.len() == 1, "a need lies in one community");
    let mut staff = sqlx::query(SQL.staff_homed_in_one.as_str()).bind(communities[0]).bind(true);
    for role in SQL_ROLES.iter() {
        staff = staff.bind(*role);
    }
    let staff: Vec<i64> = staff.fetch_all(&mut *tx).await?.iter().map(|r| r.get(0)).collect();
    anyhow::ensure!(staff.iter().all(|s| *s == caller.id), "the benchmark's communities have one staff member, the caller");
    let areas = twin::names(&mut *tx, "areas", &[saved.area_id]).await?;
    let users = Default::default();
    let payload = serde_json::to_value(twin::dto(saved.clone(), &areas, &users, twin::Reveal::default()))?;
    let reveal = twin::reveals(caller, &saved);
    let dto = twin::dto(saved, &areas, &users, reveal);
    sqlx::query(SQL.insert_audit.as_str())
        .bind(Utc::now())
        .bind(Some(caller.id))
        .bind(Some(caller.username.as_str()))
        .bind("create")
        .bind("need")
        .bind(dto.id)
        .bind(Some(path.as_str()))
        .bind(Some(dto.area_id))
        .bind(None::<serde_json::Value>)
        .bind(Some(serde_json::to_value(&dto)?))
        .bind(Some("bench"))
        .fetch_one(&mut *tx)
        .await?;
    let prefixes = path_prefixes(&path);
    let mut endpoints = sqlx::query(SQL.endpoints(prefixes.len())).bind(true);
    for prefix in &prefixes {
        endpoints = endpoints.bind(prefix);
    }
    let endpoints = endpoints.bind(shared::NEED_CREATED);
    let endpoints = endpoints.fetch_all(&mut *tx).await?;
    anyhow::ensure!(endpoints.is_empty(), "the benchmark registers no webhooks");
    drop(payload);
    // The answer is the need's page: its timeline with the actors' names, the need, its photos.
    let events = sqlx::query(SQL.events_of_need.as_str()).bind(dto.id).fetch_all(&mut *tx).await?;
    let actors: Vec<i64> = events.iter().filter_map(|e| e.try_get::<Option<i64>, _>(6).ok().flatten()).collect();
    let actor_names = if actors.is_empty() { Default::default() } else { twin::names(&mut *tx, "users", &actors).await? };
    anyhow::ensure!(events.len() == 1 && actor_names.len() == 1, "a new need's timeline is its 提交 by the caller");
    let areas = twin::names(&mut *tx, "areas", &[dto.area_id]).await?;
    anyhow::ensure!(areas.len() == 1, "the need's area is named");
    let photos = sqlx::query(SQL.photos_of_need.as_str()).bind(dto.id).fetch_all(&mut *tx).await?;
    anyhow::ensure!(photos.is_empty(), "a new need has no photos");
    tx.commit().await?;
    Ok(dto.id)
}

/// The position of an urgency in a category's `[normal, urgent, emergency]` hours.
fn urgency_index(u: Urgency) -> usize {
    match u {
        Urgency::Normal => 0,
        Urgency::Urgent => 1,
        Urgency::Emergency => 2,
    }
}

/// `residents::link::resident_for_phone`, the twin's way: the resident holding the number, or a new
/// unverified record for it.
async fn resident_for_phone(
    tx: &mut sqlx::SqliteConnection,
    new: &NewNeed,
    area_id: i64,
    now: DateTime<Utc>,
) -> anyhow::Result<Option<i64>> {
    let Some(phone) = new.contact_phone.as_deref().map(str::trim).filter(|p| shared::is_mainland_mobile(p)) else { return Ok(None) };
    if let Some(found) = sqlx::query(SQL.user_by_phone.as_str()).bind(phone).bind(1_i64).fetch_optional(&mut *tx).await? {
        let role: String = found.try_get(3)?;
        return Ok((role == Role::Resident.as_str()).then(|| found.get(0)));
    }
    let name =
        new.contact_name.as_deref().map(str::trim).filter(|n| !n.is_empty()).map_or_else(|| format!("居民{}", &phone[7..]), str::to_owned);
    let row = sqlx::query(SQL.insert_user.as_str())
        .bind(api::services::residents::code_only_username())
        .bind(name)
        .bind(Role::Resident.as_str())
        .bind(area_id)
        .bind(api::services::residents::NO_PASSWORD)
        .bind(false)
        .bind(false)
        .bind(phone)
        .bind(shared::Verification::Pending.as_str())
        .bind(None::<DateTime<Utc>>)
        .bind(now)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
    Ok(Some(row.try_get(0)?))
}

/// Needs per second through each path.
pub struct CreateResult {
    pub service: Samples,
    pub twin: Samples,
}

/// `n` needs each way, alternating blocks of `block`, after a short warm-up of both.
pub async fn run(f: &Fixture, n: usize, block: usize) -> anyhow::Result<CreateResult> {
    let caller = &f.community;
    let places = f.home_places();
    let place = |i: usize| places[i % places.len()];
    for i in 0..20 {
        by_service(f, caller, &new_need(i, place(i))).await?;
        by_twin(f, caller, &new_need(i, place(i)), Utc::now()).await?;
    }
    let (mut service, mut twin) = (Samples::default(), Samples::default());
    let mut i = 0;
    while service.len() < n {
        let this_block = block.min(n - service.len());
        // Alternate which side goes first, so neither always follows a checkpoint of the other.
        for side in if (i / block).is_multiple_of(2) { [true, false] } else { [false, true] } {
            for k in 0..this_block {
                let new = new_need(i + k, place(i + k));
                let started = Instant::now();
                if side {
                    by_service(f, caller, &new).await?;
                    service.push(started.elapsed());
                } else {
                    by_twin(f, caller, &new, Utc::now()).await?;
                    twin.push(started.elapsed());
                }
            }
        }
        i += this_block;
    }
    Ok(CreateResult { service, twin })
}
