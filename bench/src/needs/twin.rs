//! The raw-sqlx twin of the needs service: the same statements (from [`super::sql`]), in the same
//! order, on the same pool and in the same kind of transaction, with rows decoded by hand by column
//! index. What the twin leaves out is what the comparison is about: building each query per call,
//! `Value` conversion, model mapping by column name, serde-based enum parsing.

use std::collections::HashMap;

use api::domain::caller::Caller;
use api::domain::kpis::counters::change;
use api::domain::masking::{mask_address, mask_name, mask_phone};
use api::domain::scope::path_ids;
use api::entities::need;
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqlitePool};

use super::sql::{MAX_KPI_ROWS, SQL};

/// A need row decoded by hand, column by column.
pub fn decode_need(r: &SqliteRow) -> Result<need::Model, sqlx::Error> {
    Ok(need::Model {
        id: r.try_get(0)?,
        area_id: r.try_get(1)?,
        area_path: r.try_get(2)?,
        category: r.try_get(3)?,
        text: r.try_get(4)?,
        address: r.try_get(5)?,
        at_home: r.try_get(6)?,
        lat: r.try_get(7)?,
        lng: r.try_get(8)?,
        tags: r.try_get(9)?,
        urgency: r.try_get(10)?,
        preferred_time: r.try_get(11)?,
        channel: r.try_get(12)?,
        contact_name: r.try_get(13)?,
        contact_phone: r.try_get(14)?,
        resident_id: r.try_get(15)?,
        submitted_by: r.try_get(16)?,
        status: r.try_get(17)?,
        owner_id: r.try_get(18)?,
        assignee_id: r.try_get(19)?,
        service_id: r.try_get(20)?,
        missing: r.try_get(21)?,
        dispatched_at: r.try_get(22)?,
        acceptance_due_at: r.try_get(23)?,
        response_due_at: r.try_get(24)?,
        completion_due_at: r.try_get(25)?,
        escalated_at: r.try_get(26)?,
        unclaimed: r.try_get(27)?,
        reopen_count: r.try_get(28)?,
        rating: r.try_get(29)?,
        rating_comment: r.try_get(30)?,
        resolution: r.try_get(31)?,
        reason: r.try_get(32)?,
        cosign_count: r.try_get(33)?,
        responded_at: r.try_get(34)?,
        resolved_at: r.try_get(35)?,
        volunteer_minutes: r.try_get(36)?,
        return_visit: r.try_get(37)?,
        created_at: r.try_get(38)?,
        updated_at: r.try_get(39)?,
    })
}

/// `id → name` of the rows of a `select_in` over areas (name is column 3) or users (display_name, 2).
pub async fn names<'e, E: sqlx::SqliteExecutor<'e>>(ex: E, table: &str, ids: &[i64]) -> Result<HashMap<i64, String>, sqlx::Error> {
    let (sql, name_at) = if table == "areas" { (SQL.areas_in[ids.len()].as_str(), 3) } else { (SQL.users_in[ids.len()].as_str(), 2) };
    let mut query = sqlx::query(sql);
    for id in ids {
        query = query.bind(*id);
    }
    let rows = query.fetch_all(ex).await?;
    rows.iter().map(|r| Ok((r.try_get(0)?, r.try_get(name_at)?))).collect()
}

/// What a new need adds to the KPI counters, as `kpis::counters::record(None, Some(saved))` writes it:
/// the same pure `change` (so the values are the service's by construction), one row per area on the
/// path (root first) and changed counter, in one upsert. Only the SQL is the twin's own.
pub async fn add_counters<'e, E: sqlx::SqliteExecutor<'e>>(ex: E, saved: &need::Model) -> anyhow::Result<()> {
    let deltas = change(None, Some(saved));
    let areas = path_ids(&saved.area_path);
    let rows = areas.len() * deltas.len();
    if rows == 0 {
        return Ok(());
    }
    anyhow::ensure!(rows <= MAX_KPI_ROWS, "{rows} counter rows: more than the {MAX_KPI_ROWS} prepared for");
    let mut query = sqlx::query(SQL.kpi_upsert(rows));
    for area in areas {
        for (&(month, counter), &value) in &deltas {
            query = query.bind(area).bind(month).bind(counter).bind(value);
        }
    }
    query.execute(ex).await?;
    Ok(())
}

/// What `caller` sees of a need unmasked, by the policy's own rules: (address and position, contact).
pub fn reveals(caller: &Caller, m: &need::Model) -> Reveal {
    Reveal { address: api::policy::needs::reveals_personal_data(caller, m), contact: api::policy::needs::shows_contact_unasked(caller, m) }
}

/// Which personal fields of a need are shown unmasked.
#[derive(Debug, Clone, Copy, Default)]
pub struct Reveal {
    pub address: bool,
    pub contact: bool,
}

fn urgency(s: &str) -> shared::Urgency {
    match s {
        "urgent" => shared::Urgency::Urgent,
        "emergency" => shared::Urgency::Emergency,
        _ => shared::Urgency::Normal,
    }
}

fn channel(s: &str) -> shared::Channel {
    match s {
        "mini_program" => shared::Channel::MiniProgram,
        "phone" => shared::Channel::Phone,
        "visit" => shared::Channel::Visit,
        "grid_patrol" => shared::Channel::GridPatrol,
        _ => shared::Channel::Web,
    }
}

fn tag(s: &str) -> Option<shared::TargetGroup> {
    serde_json::from_value(serde_json::Value::String(s.to_owned())).ok()
}

/// Open and past a deadline, as the service decides it.
fn overdue(m: &need::Model, now: chrono::DateTime<chrono::Utc>) -> bool {
    let open = matches!(m.status.as_str(), "accepted" | "dispatched" | "claimed" | "in_progress");
    let past = |due: Option<chrono::DateTime<chrono::Utc>>| due.is_some_and(|d| d <= now);
    let waiting = m.status == shared::NeedStatus::Submitted.as_str();
    (waiting && past(m.acceptance_due_at)) || (open && (past(m.completion_due_at) || (past(m.response_due_at) && m.responded_at.is_none())))
}

/// The wire form, as the service builds it (masking included), from a hand-decoded row.
pub fn dto(
    m: need::Model,
    areas: &HashMap<i64, String>,
    users: &HashMap<i64, String>,
    Reveal { address: reveal, contact }: Reveal,
) -> shared::Need {
    let round = |v: Option<f64>| {
        if reveal { v } else { v.map(|x| (x * 100.0).round() / 100.0) }
    };
    let user = |id: Option<i64>| id.and_then(|id| users.get(&id).cloned());
    shared::Need {
        id: m.id,
        status: shared::NeedStatus::parse(&m.status).unwrap_or(shared::NeedStatus::Submitted),
        area_name: areas.get(&m.area_id).cloned().unwrap_or_default(),
        address: m.address.as_deref().map(|a| if reveal { a.to_owned() } else { mask_address(a) }),
        at_home: m.at_home,
        lat: round(m.lat),
        lng: round(m.lng),
        tags: m.tags.split(',').filter(|t| !t.is_empty()).filter_map(tag).collect(),
        urgency: urgency(&m.urgency),
        channel: channel(&m.channel),
        contact_name: m.contact_name.as_deref().map(|n| if contact { n.to_owned() } else { mask_name(n) }),
        contact_phone: m.contact_phone.as_deref().map(|p| if contact { p.to_owned() } else { mask_phone(p) }),
        owner_name: user(m.owner_id),
        assignee_name: user(m.assignee_id),
        missing: m.missing.as_deref().and_then(|j| serde_json::from_str(j).ok()).unwrap_or_default(),
        overdue: overdue(&m, chrono::Utc::now()),
        escalated: m.escalated_at.is_some(),
        category: m.category,
        text: m.text,
        area_id: m.area_id,
        preferred_time: m.preferred_time,
        resident_id: m.resident_id,
        owner_id: m.owner_id,
        assignee_id: m.assignee_id,
        // The benchmark's needs never go through a service.
        service_id: m.service_id,
        service_name: None,
        acceptance_due_at: m.acceptance_due_at,
        response_due_at: m.response_due_at,
        completion_due_at: m.completion_due_at,
        unclaimed: m.unclaimed,
        reopen_count: m.reopen_count,
        rating: m.rating,
        rating_comment: m.rating_comment,
        resolution: m.resolution,
        reason: m.reason,
        cosign_count: m.cosign_count,
        return_visit: m.return_visit,
        created_at: m.created_at,
        updated_at: m.updated_at,
    }
}

/// One page of the queue, the twin's way: the same three statements `needs::list` sends.
pub async fn list(
    pool: &SqlitePool,
    caller: &Caller,
    after: Option<i64>,
    limit: i64,
) -> Result<(Vec<shared::Need>, Option<i64>, Option<u64>), sqlx::Error> {
    // The first page carries the total, as the service's does.
    let total = match after {
        None => {
            let count: i64 = sqlx::query_scalar(SQL.queue_count.as_str())
                .bind(caller.id)
                .bind(caller.id)
                .bind(format!("{}%", caller.area_path))
                .fetch_one(pool)
                .await?;
            Some(count as u64)
        }
        Some(_) => None,
    };
    let sql = if after.is_some() { SQL.queue_after.as_str() } else { SQL.queue_first.as_str() };
    let mut query = sqlx::query(sql).bind(caller.id).bind(caller.id).bind(format!("{}%", caller.area_path));
    if let Some(after) = after {
        query = query.bind(after);
    }
    let rows = query.bind(limit + 1).fetch_all(pool).await?;
    let mut needs = rows.iter().map(decode_need).collect::<Result<Vec<_>, _>>()?;
    let next = if needs.len() as i64 > limit {
        needs.truncate(limit as usize);
        needs.last().map(|n| n.id)
    } else {
        None
    };
    let area_ids: Vec<i64> = needs.iter().map(|n| n.area_id).collect();
    let user_ids: Vec<i64> = needs.iter().flat_map(|n| [n.owner_id, n.assignee_id]).flatten().collect();
    let areas = names(pool, "areas", &area_ids).await?;
    let users = if user_ids.is_empty() { HashMap::new() } else { names(pool, "users", &user_ids).await? };
    let items = needs
        .into_iter()
        .map(|m| {
            let reveal = reveals(caller, &m);
            dto(m, &areas, &users, reveal)
        })
        .collect();
    Ok((items, next, total))
}
