//! Typed calls of the volunteer activities (志愿活动) for organisers and staff: the list, one activity,
//! creating and changing it, its lifecycle moves, sign-ups with the waiting list, the check-in code
//! of this minute, attendance and taking a credit back; the roster of volunteers, and a volunteer's
//! profile and certificate.

use gloo_net::http::Method;
use shared::{
    Activity, ActivityAction, ActivityActionRequest, ActivityInput, ActivityPage, ActivityStatus, AttendanceStep, CheckInCode, Id,
    RecordAttendance, RevokeCredit, Signup, SignupList, VolunteerCertificate, VolunteerPage, VolunteerProfile,
};

use crate::common::api::{ApiResult, PAGE_SIZE, get, send_json};

/// GET /activities: one page, `sort` `-id`, `id` or `title`.
pub async fn activity_page(
    q: String,
    status: Option<ActivityStatus>,
    sort: &'static str,
    cursor: Option<String>,
) -> ApiResult<ActivityPage> {
    let query = [
        ("q", q.trim().to_owned()),
        ("status", status.map(|s| s.as_str().to_owned()).unwrap_or_default()),
        ("sort", sort.to_owned()),
        ("limit", PAGE_SIZE.to_string()),
        ("cursor", cursor.unwrap_or_default()),
    ];
    get("/activities", &query).await
}

/// GET /activities/{id}, with the moves the caller may make (`allowed_actions`).
pub async fn activity(id: Id) -> ApiResult<Activity> {
    get(&format!("/activities/{id}"), &[]).await
}

/// POST /activities: a new draft.
pub async fn create_activity(input: &ActivityInput) -> ApiResult<Activity> {
    send_json(Method::POST, "/activities", input).await
}

/// PUT /activities/{id}: replace its fields.
pub async fn change_activity(id: Id, input: &ActivityInput) -> ApiResult<Activity> {
    send_json(Method::PUT, &format!("/activities/{id}"), input).await
}

/// POST /activities/{id}/actions: publish, close, reopen, finish or cancel.
pub async fn activity_action(id: Id, action: ActivityAction, note: Option<String>) -> ApiResult<Activity> {
    send_json(Method::POST, &format!("/activities/{id}/actions"), &ActivityActionRequest { action, note }).await
}

/// GET /activities/{id}/signups, in the order they were made.
pub async fn signups(id: Id) -> ApiResult<SignupList> {
    get(&format!("/activities/{id}/signups"), &[]).await
}

/// POST /activities/{id}/signups/{signup}/cancel: a freed place goes to the first one waiting.
pub async fn cancel_signup(id: Id, signup: Id) -> ApiResult<Signup> {
    send_json(Method::POST, &format!("/activities/{id}/signups/{signup}/cancel"), &serde_json::json!({})).await
}

/// GET /activities/{id}/code: the check-in code of this minute.
pub async fn check_in_code(id: Id) -> ApiResult<CheckInCode> {
    get(&format!("/activities/{id}/code"), &[]).await
}

/// POST /activities/{id}/signups/{signup}/attendance: check in or out without a code.
pub async fn record_attendance(id: Id, signup: Id, step: AttendanceStep) -> ApiResult<Signup> {
    send_json(Method::POST, &format!("/activities/{id}/signups/{signup}/attendance"), &RecordAttendance { step }).await
}

/// POST /activities/{id}/signups/{signup}/revoke: take the credited hours back, saying why.
pub async fn revoke_credit(id: Id, signup: Id, reason: String) -> ApiResult<Signup> {
    send_json(Method::POST, &format!("/activities/{id}/signups/{signup}/revoke"), &RevokeCredit { reason }).await
}

/// GET /volunteers/{id}: hours, balances, star level and what they served.
pub async fn volunteer(id: Id) -> ApiResult<VolunteerProfile> {
    get(&format!("/volunteers/{id}"), &[]).await
}

/// GET /volunteers/{id}/certificate: the certificate of hours as data to print.
pub async fn certificate(id: Id) -> ApiResult<VolunteerCertificate> {
    get(&format!("/volunteers/{id}/certificate"), &[]).await
}

/// What the roster is narrowed to and how it is ordered (`sort`: `-hours`, `-last_served`, `name`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RosterFilter {
    pub q: String,
    pub active: Option<bool>,
    pub sort: &'static str,
}

/// GET /volunteers: one page of the roster, with the totals of everything the filter selects.
pub async fn volunteers(filter: RosterFilter, cursor: Option<String>) -> ApiResult<VolunteerPage> {
    let mut query = vec![("limit", PAGE_SIZE.to_string())];
    let q = filter.q.trim();
    if !q.is_empty() {
        query.push(("q", q.to_owned()));
    }
    if let Some(active) = filter.active {
        query.push(("active", active.to_string()));
    }
    if !filter.sort.is_empty() {
        query.push(("sort", filter.sort.to_owned()));
    }
    if let Some(cursor) = cursor {
        query.push(("cursor", cursor));
    }
    get("/volunteers", &query).await
}
