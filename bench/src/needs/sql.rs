//! The statements of the raw-sqlx twin, written out once: the column lists are generated from one
//! list per table, in the entities' order, and every statement is built before the first call, so
//! the twin pays nothing per call to build SQL. [`super::check_create_statements`] and
//! [`super::check_list_statements`] prove these are byte for byte what sea-orm sends.

use std::sync::LazyLock;

pub const AREA_COLUMNS: [&str; 18] = [
    "id",
    "parent_id",
    "kind",
    "name",
    "code",
    "path",
    "depth",
    "settlement",
    "area_ha",
    "households",
    "population",
    "population_60_plus",
    "building_area_m2",
    "facility_area_m2",
    "center_lat",
    "center_lng",
    "created_at",
    "updated_at",
];
pub const USER_COLUMNS: [&str; 20] = [
    "id",
    "username",
    "display_name",
    "role",
    "area_id",
    "password_hash",
    "active",
    "demo",
    "phone",
    "address",
    "verification",
    "refusal_reason",
    "refusal_note",
    "verified_by",
    "verified_at",
    "signed_up_at",
    "deleted_at",
    "provider_id",
    "created_at",
    "updated_at",
];
/// The columns `residents::link::resident_for_phone` sets on a resident record it creates.
pub const USER_INSERT: [&str; 12] = [
    "username",
    "display_name",
    "role",
    "area_id",
    "password_hash",
    "active",
    "demo",
    "phone",
    "verification",
    "signed_up_at",
    "created_at",
    "updated_at",
];
pub const NEED_COLUMNS: [&str; 40] = [
    "id",
    "area_id",
    "area_path",
    "category",
    "text",
    "address",
    "at_home",
    "lat",
    "lng",
    "tags",
    "urgency",
    "preferred_time",
    "channel",
    "contact_name",
    "contact_phone",
    "resident_id",
    "submitted_by",
    "status",
    "owner_id",
    "assignee_id",
    "service_id",
    "missing",
    "dispatched_at",
    "acceptance_due_at",
    "response_due_at",
    "completion_due_at",
    "escalated_at",
    "unclaimed",
    "reopen_count",
    "rating",
    "rating_comment",
    "resolution",
    "reason",
    "cosign_count",
    "responded_at",
    "resolved_at",
    "volunteer_minutes",
    "return_visit",
    "created_at",
    "updated_at",
];
pub const ENDPOINT_COLUMNS: [&str; 8] = ["id", "owner_id", "area_path", "url", "secret", "active", "created_at", "updated_at"];
pub const AUDIT_COLUMNS: [&str; 12] =
    ["id", "at", "actor_id", "actor_username", "action", "entity", "entity_id", "area_path", "area_id", "before", "after", "request_id"];
/// The columns `submit` sets, in the entity's order.
pub const NEED_INSERT: [&str; 23] = [
    "area_id",
    "area_path",
    "category",
    "text",
    "address",
    "at_home",
    "lat",
    "lng",
    "tags",
    "urgency",
    "preferred_time",
    "channel",
    "contact_name",
    "contact_phone",
    "resident_id",
    "submitted_by",
    "status",
    "acceptance_due_at",
    "unclaimed",
    "reopen_count",
    "cosign_count",
    "created_at",
    "updated_at",
];
/// The columns `audit::record` sets.
pub const AUDIT_INSERT: [&str; 11] =
    ["at", "actor_id", "actor_username", "action", "entity", "entity_id", "area_path", "area_id", "before", "after", "request_id"];
/// The columns `kpis::counters::record` sets, one row per (area, month, counter).
pub const KPI_COUNTER_INSERT: [&str; 4] = ["area_id", "month", "counter", "value"];

pub const EVENT_COLUMNS: [&str; 9] = ["id", "need_id", "at", "action", "from_status", "to_status", "actor_id", "note", "service_id"];
pub const EVENT_INSERT: [&str; 8] = ["need_id", "at", "action", "from_status", "to_status", "actor_id", "note", "service_id"];
pub const DEADLINE_COLUMNS: [&str; 8] =
    ["id", "district_id", "category", "urgency", "acceptance_hours", "response_hours", "completion_hours", "updated_at"];
pub const PHOTO_COLUMNS: [&str; 7] = ["id", "need_id", "mime", "bytes", "sha256", "uploaded_by", "created_at"];

/// Every statement the twin sends, written out once: the twin pays nothing per call to build SQL.
pub struct Sql {
    /// `deadlines::district_of`: the district on a path (indexed by the path's length), then its
    /// override of the acceptance time for one category and urgency.
    district_on_path: Vec<String>,
    pub deadline_override: String,
    /// The 提交 event that opens the timeline, and the timeline and photos read back for the answer.
    pub insert_event: String,
    pub events_of_need: String,
    pub photos_of_need: String,
    pub area_by_id: String,
    pub insert_need: String,
    pub insert_audit: String,
    /// `residents::by_phone` and the resident record created for a new number.
    pub user_by_phone: String,
    pub insert_user: String,
    pub queue_first: String,
    pub queue_after: String,
    /// The first page's total (the table's "共 N 条").
    pub queue_count: String,
    /// Indexed by the number of ids / path prefixes.
    pub areas_in: Vec<String>,
    pub users_in: Vec<String>,
    endpoints: Vec<String>,
    /// Indexed by the number of counter rows.
    kpi_upsert: Vec<String>,
    /// `policy::recipients`: the areas of one kind on a path, and the staff homed there (by path length).
    areas_of_kind: Vec<String>,
    pub staff_homed_in_one: String,
}

/// Longest `IN` list prepared: two user ids per row of a 200-row page.
const MAX_IN: usize = 402;
/// Most counter rows one upsert is prepared for: a new need adds one counter (`submitted`) to each
/// area on its path, and the demo tree's paths are five areas deep.
pub const MAX_KPI_ROWS: usize = 16;

pub static SQL: LazyLock<Sql> = LazyLock::new(|| Sql {
    district_on_path: (0..=16)
        .map(|n| {
            format!(
                "SELECT {} FROM \"areas\" WHERE \"areas\".\"id\" IN ({}) AND \"areas\".\"kind\" = ? LIMIT ?",
                select_list("areas", &AREA_COLUMNS),
                placeholders(n)
            )
        })
        .collect(),
    deadline_override: format!(
        "SELECT {} FROM \"need_deadlines\" WHERE \"need_deadlines\".\"district_id\" = ? AND \"need_deadlines\".\"category\" = ? AND \"need_deadlines\".\"urgency\" = ? LIMIT ?",
        select_list("need_deadlines", &DEADLINE_COLUMNS)
    ),
    insert_event: format!(
        "INSERT INTO \"need_events\" ({}) VALUES ({}) RETURNING {}",
        quoted(&EVENT_INSERT),
        placeholders(EVENT_INSERT.len()),
        quoted(&EVENT_COLUMNS)
    ),
    events_of_need: format!(
        "SELECT {} FROM \"need_events\" WHERE \"need_events\".\"need_id\" = ? ORDER BY \"need_events\".\"id\" ASC",
        select_list("need_events", &EVENT_COLUMNS)
    ),
    photos_of_need: format!(
        "SELECT {} FROM \"need_photos\" WHERE \"need_photos\".\"need_id\" = ? ORDER BY \"need_photos\".\"id\" ASC",
        select_list("need_photos", &PHOTO_COLUMNS)
    ),
    area_by_id: area_by_id_sql(),
    insert_need: insert_need_sql(),
    insert_audit: insert_audit_sql(),
    user_by_phone: format!("SELECT {} FROM \"users\" WHERE \"users\".\"phone\" = ? LIMIT ?", select_list("users", &USER_COLUMNS)),
    insert_user: format!(
        "INSERT INTO \"users\" ({}) VALUES ({}) RETURNING {}",
        quoted(&USER_INSERT),
        placeholders(USER_INSERT.len()),
        quoted(&USER_COLUMNS)
    ),
    queue_first: queue_sql(false),
    queue_after: queue_sql(true),
    queue_count: queue_count_sql(),
    areas_in: (0..=MAX_IN).map(|n| select_in("areas", &AREA_COLUMNS, n)).collect(),
    users_in: (0..=MAX_IN).map(|n| select_in("users", &USER_COLUMNS, n)).collect(),
    endpoints: (0..=16).map(endpoints_sql).collect(),
    kpi_upsert: (0..=MAX_KPI_ROWS).map(kpi_upsert_sql).collect(),
    areas_of_kind: (0..=16)
        .map(|n| {
            format!("SELECT \"areas\".\"id\" FROM \"areas\" WHERE \"areas\".\"id\" IN ({}) AND \"areas\".\"kind\" IN (?)", placeholders(n))
        })
        .collect(),
    staff_homed_in_one: format!(
        "SELECT \"users\".\"id\" FROM \"users\" WHERE \"users\".\"area_id\" IN (?) AND \"users\".\"active\" = ? AND \"users\".\"role\" IN ({})",
        placeholders(STAFF_WHO_WORK_NEEDS.len())
    ),
});

/// The roles that work the needs queue, as the policy table lists them (their order is the SQL's).
pub static STAFF_WHO_WORK_NEEDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| api::policy::Action::WorkNeeds.roles().iter().map(|r| r.as_str()).collect());

impl Sql {
    pub fn endpoints(&'static self, prefixes: usize) -> &'static str {
        self.endpoints[prefixes].as_str()
    }

    pub fn kpi_upsert(&'static self, rows: usize) -> &'static str {
        self.kpi_upsert[rows].as_str()
    }

    pub fn district_on_path(&'static self, ids: usize) -> &'static str {
        self.district_on_path[ids].as_str()
    }

    pub fn areas_of_kind(&'static self, ids: usize) -> &'static str {
        self.areas_of_kind[ids].as_str()
    }
}

/// `"t"."a", "t"."b"` as sea-orm writes a select list.
pub fn select_list(table: &str, cols: &[&str]) -> String {
    cols.iter().map(|c| format!("\"{table}\".\"{c}\"")).collect::<Vec<_>>().join(", ")
}

fn quoted(cols: &[&str]) -> String {
    cols.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ")
}

pub fn placeholders(n: usize) -> String {
    vec!["?"; n].join(", ")
}

/// `SELECT … FROM "t" WHERE "t"."id" IN (?, …)`, the shape of `Names::load`.
pub fn select_in(table: &str, cols: &[&str], n: usize) -> String {
    format!("SELECT {} FROM \"{table}\" WHERE \"{table}\".\"id\" IN ({})", select_list(table, cols), placeholders(n))
}

/// The queue query (first page, or the page after a cursor) as sea-orm sends it.
pub fn queue_sql(after_cursor: bool) -> String {
    let visible = "\"needs\".\"resident_id\" = ? OR \"needs\".\"assignee_id\" = ? OR \"needs\".\"area_path\" LIKE ?";
    // sea-query brackets the OR only once another condition joins it.
    let filter = if after_cursor { format!("({visible}) AND \"needs\".\"id\" < ?") } else { visible.to_owned() };
    format!("SELECT {} FROM \"needs\" WHERE {filter} ORDER BY \"needs\".\"id\" DESC LIMIT ?", select_list("needs", &NEED_COLUMNS))
}

/// sea-orm counts the page's query wrapped as a sub-query.
pub fn queue_count_sql() -> String {
    let visible = "\"needs\".\"resident_id\" = ? OR \"needs\".\"assignee_id\" = ? OR \"needs\".\"area_path\" LIKE ?";
    format!(
        "SELECT COUNT(*) AS num_items FROM (SELECT {} FROM \"needs\" WHERE {visible}) AS \"sub_query\"",
        select_list("needs", &NEED_COLUMNS)
    )
}

pub fn insert_need_sql() -> String {
    format!(
        "INSERT INTO \"needs\" ({}) VALUES ({}) RETURNING {}",
        quoted(&NEED_INSERT),
        placeholders(NEED_INSERT.len()),
        quoted(&NEED_COLUMNS)
    )
}

pub fn insert_audit_sql() -> String {
    format!(
        "INSERT INTO \"audit_log\" ({}) VALUES ({}) RETURNING {}",
        quoted(&AUDIT_INSERT),
        placeholders(AUDIT_INSERT.len()),
        quoted(&AUDIT_COLUMNS)
    )
}

pub fn area_by_id_sql() -> String {
    format!("SELECT {} FROM \"areas\" WHERE \"areas\".\"id\" = ? LIMIT ?", select_list("areas", &AREA_COLUMNS))
}

pub fn endpoints_sql(prefixes: usize) -> String {
    format!(
        "SELECT {} FROM \"webhook_endpoints\" WHERE \"webhook_endpoints\".\"active\" = ? AND \"webhook_endpoints\".\"area_path\" IN ({}) \
         AND (\"webhook_endpoints\".\"id\" IN (SELECT \"endpoint_id\" FROM \"webhook_subscriptions\" WHERE \"webhook_subscriptions\".\"event\" = ?) \
         OR \"webhook_endpoints\".\"id\" NOT IN (SELECT \"endpoint_id\" FROM \"webhook_subscriptions\"))",
        select_list("webhook_endpoints", &ENDPOINT_COLUMNS),
        placeholders(prefixes)
    )
}

/// `kpis::counters::upsert`: one multi-row INSERT that adds to the rows already there (the key is
/// the first three columns).
pub fn kpi_upsert_sql(rows: usize) -> String {
    let row = format!("({})", placeholders(KPI_COUNTER_INSERT.len()));
    format!(
        "INSERT INTO \"kpi_counters\" ({}) VALUES {} ON CONFLICT ({}) DO UPDATE SET \"value\" = kpi_counters.value + excluded.value",
        quoted(&KPI_COUNTER_INSERT),
        vec![row; rows].join(", "),
        quoted(&KPI_COUNTER_INSERT[..3])
    )
}
