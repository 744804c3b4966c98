//! The policy table, asked again through the HTTP API: for every action of `api::policy::TABLE`,
//! every role, and a subject inside and outside the caller's subtree, the API answers as the table
//! says. A new action does not compile here until it has a probe.

use api::policy::{Action, TABLE, role_may};
use reqwest::Response;
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};
use shared::Role;

use crate::helpers::{TestApp, sign_in_by_code, spawn_app};
use crate::{consultation, surveys};

/// What the API answered, in the table's terms.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
enum Answer {
    Allowed,
    Denied,
    /// 404, or a reference named not found: the row is outside the caller's reach.
    Hidden,
}

/// One demo account of each role; all are homed in 滨江区's tree (缤纷社区 and its grid).
const ACCOUNTS: [(Role, &str); 10] = [
    (Role::PlatformAdmin, "admin"),
    (Role::DistrictAdmin, "district"),
    (Role::StreetStaff, "street"),
    (Role::CommunityStaff, "community"),
    (Role::GridWorker, "grid"),
    (Role::Provider, "provider"),
    (Role::Volunteer, "volunteer"),
    (Role::Resident, "resident"),
    (Role::Integration, "integration"),
    (Role::Merchant, "merchant"),
];

struct Account {
    role: Role,
    token: String,
    id: i64,
    home: i64,
}

/// The subjects the probes ask about: "near" ones in every caller's reach, "far" ones in another
/// district (only the platform admin reaches those).
struct World {
    app: TestApp,
    accounts: Vec<Account>,
    staff: String,
    community: i64,
    grid: i64,
    district: i64,
    far_community: i64,
    far_district: i64,
    resident: i64,
    far_resident: i64,
    near_need: i64,
    far_need: i64,
    near_provider: i64,
    far_provider: i64,
    far_program: i64,
    catalogue_item: i64,
    /// A topic of 缤纷社区 on notice for co-signing, and one of another district.
    near_topic: i64,
    far_topic: i64,
    /// A topic of 缤纷社区 open for ratings (评议).
    review_topic: i64,
    /// Another community's pool account (minutes).
    far_account: i64,
    /// Open satisfaction surveys of 缤纷社区 and of another district's community.
    near_survey: i64,
    far_survey: i64,
    /// Points-shop items of 缤纷社区: the merchant's (cheap, plenty, for orders) and community staff's;
    /// another district's item and an order of it.
    shop_item: i64,
    staff_item: i64,
    far_item: i64,
    far_order: i64,
    resident_token: String,
    /// Open volunteer activities of 缤纷社区 and of another district's community.
    near_activity: i64,
    far_activity: i64,
    /// A resident homed in 缤纷社区's grid (in every staff member's reach) for volunteer records.
    grid_resident: i64,
}

const NEAR_PHONE: &str = "13900000001";

async fn json_of(res: Response) -> Value {
    res.json().await.expect("json body")
}

/// The ids on an account's path from the root, by area kind.
async fn path_of(app: &TestApp, token: &str, kind: &str) -> i64 {
    let me = json_of(app.get("/api/v1/me", token).await).await;
    me["area_path"].as_array().and_then(|p| p.iter().find(|a| a["kind"] == kind)).and_then(|a| a["id"].as_i64()).expect("area on path")
}

fn need_body(area: i64, channel: &str) -> Value {
    json!({ "category": "elderly_care", "text": "楼道灯坏了，老人夜间出行不便", "area_id": area, "urgency": "normal",
        "channel": channel, "contact_name": "李阿姨", "contact_phone": NEAR_PHONE })
}

fn program_body(area: i64, item: i64) -> Value {
    json!({ "area_id": area, "title": "探针项目", "description": "为80岁以上老人提供助餐", "lead_org": "社区党委",
        "start_date": "2026-01-01", "end_date": "2026-12-31", "budget_fen": 1_000_000, "catalogue_item_ids": [item], "public": false })
}

async fn created_id(res: Response, pointer: &str) -> i64 {
    let status = res.status();
    let body = json_of(res).await;
    assert!(status.is_success(), "setup failed: {status} {body}");
    body.pointer(pointer).and_then(Value::as_i64).expect("id")
}

async fn world() -> World {
    let app = spawn_app().await;
    let mut accounts = Vec::new();
    for (role, username) in ACCOUNTS {
        let token = app.login_as(username).await;
        let me = json_of(app.get("/api/v1/me", &token).await).await;
        let (id, home) = (me["user"]["id"].as_i64().expect("id"), me["area"]["id"].as_i64().expect("home"));
        accounts.push(Account { role, token, id, home });
    }
    let staff = app.login_as("community").await;
    let far_staff = app.login_as("community2").await;
    let admin = app.login_as("admin").await;
    let community = path_of(&app, &staff, "community").await;
    let far_community = path_of(&app, &far_staff, "community").await;
    let grid = path_of(&app, &app.login_as("grid").await, "grid").await;
    let catalogue = json_of(app.get("/api/v1/catalogue", &admin).await).await;
    let catalogue_item = catalogue
        .as_array()
        .and_then(|c| c.iter().find(|e| e["level"] == "item"))
        .and_then(|e| e["id"].as_i64())
        .expect("a catalogue item");
    let provider = |area: i64| {
        json!({ "kind": "volunteer_team", "name": "探针服务队", "area_id": area, "contact_name": "赵站长",
            "contact_phone": "13900000009", "description": "探针" })
    };
    let near_provider = created_id(app.post("/api/v1/providers", &staff, &provider(community)).await, "/id").await;
    let far_provider = created_id(app.post("/api/v1/providers", &far_staff, &provider(far_community)).await, "/id").await;
    let near_need = created_id(app.post("/api/v1/needs", &staff, &need_body(grid, "phone")).await, "/need/id").await;
    let near_topic = consultation::topic_on_notice(&app, &staff, community).await;
    let far_topic = consultation::topic_on_notice(&app, &far_staff, far_community).await;
    let review_topic = consultation::topic_in_review(&app, &staff, &app.login_as("resident").await, community, near_need).await;
    let pool = json!({ "holder_kind": "community_pool", "holder_id": far_community, "unit": "minutes" });
    let far_account = created_id(app.post("/api/v1/ledger/accounts", &far_staff, &pool).await, "/id").await;
    let near_survey = surveys::open_satisfaction_survey(&app, &staff, community).await;
    let far_survey = surveys::open_satisfaction_survey(&app, &far_staff, far_community).await;
    let shop = shop_world(&app, &staff, &far_staff, community, far_community).await;
    let near_activity = crate::activities::open_activity(&app, &staff, 100, 60).await;
    let far_activity = open_activity_in(&app, &far_staff, far_community).await;
    let grid_resident = {
        let token = sign_in_by_code(&app, "13700009999", json!({ "community_id": community, "grid_id": grid })).await;
        json_of(app.get("/api/v1/me", &token).await).await["user"]["id"].as_i64().expect("id")
    };
    World {
        near_activity,
        far_activity,
        grid_resident,
        near_survey,
        far_survey,
        shop_item: shop.0,
        staff_item: shop.1,
        far_item: shop.2,
        far_order: shop.3,
        resident_token: app.login_as("resident").await,
        near_topic,
        far_topic,
        review_topic,
        far_account,
        district: path_of(&app, &staff, "district").await,
        far_district: path_of(&app, &far_staff, "district").await,
        resident: app.user_id("resident").await,
        far_resident: app.user_id("resident2").await,
        near_need,
        far_need: created_id(app.post("/api/v1/needs", &far_staff, &need_body(far_community, "phone")).await, "/need/id").await,
        far_provider,
        far_program: created_id(
            app.post("/api/v1/programs", &far_staff, &program_body(far_community, catalogue_item)).await,
            "/program/id",
        )
        .await,
        near_provider,
        catalogue_item,
        community,
        far_community,
        grid,
        staff,
        accounts,
        app,
    }
}

fn activity_body(area: i64) -> Value {
    let now = chrono::Utc::now();
    json!({ "area_id": area, "title": "探针活动", "address": "服务中心", "starts_at": now - chrono::Duration::minutes(5),
        "ends_at": now + chrono::Duration::hours(2), "capacity": 100, "credit_minutes": 60 })
}

/// An open activity of another district's community.
async fn open_activity_in(app: &TestApp, staff: &str, area: i64) -> i64 {
    let id = created_id(app.post("/api/v1/activities", staff, &activity_body(area)).await, "/id").await;
    created_id(app.post(&format!("/api/v1/activities/{id}/actions"), staff, &json!({ "action": "publish" })).await, "/id").await
}

fn item_body(area: i64) -> Value {
    let now = chrono::Utc::now();
    json!({ "area_id": area, "name": "探针商品", "points_price": 1, "stock": 10000, "limit_per_person": 1000,
        "valid_from": now - chrono::Duration::days(1), "valid_to": now + chrono::Duration::days(30), "pickup_place": "服务中心" })
}

/// (the merchant's item, community staff's item, a far item, a far order), with points for both residents.
async fn shop_world(app: &TestApp, staff: &str, far_staff: &str, community: i64, far_community: i64) -> (i64, i64, i64, i64) {
    let merchant = app.login_as("merchant").await;
    let shop_item = created_id(app.post("/api/v1/shop/items", &merchant, &item_body(community)).await, "/id").await;
    let staff_item = created_id(app.post("/api/v1/shop/items", staff, &item_body(community)).await, "/id").await;
    let far_item = created_id(app.post("/api/v1/shop/items", far_staff, &item_body(far_community)).await, "/id").await;
    for (token, username) in [(staff, "resident"), (far_staff, "resident2")] {
        let open = json!({ "holder_kind": "resident", "holder_id": app.user_id(username).await, "unit": "points" });
        let account = created_id(app.post("/api/v1/ledger/accounts", token, &open).await, "/id").await;
        let credit = json!({ "kind": "adjustment", "to_account_id": account, "amount": 1000, "reason": "探针" });
        created_id(app.post("/api/v1/ledger/transfers", token, &credit).await, "/id").await;
    }
    let far_resident = app.login_as("resident2").await;
    let far_order =
        created_id(app.post("/api/v1/shop/orders", &far_resident, &json!({ "item_id": far_item, "quantity": 1 })).await, "/id").await;
    (shop_item, staff_item, far_item, far_order)
}

/// A reserved order of the demo resident for the merchant's item: its id and pick-up code.
async fn shop_order(w: &World) -> (i64, String) {
    let res = w.app.post("/api/v1/shop/orders", &w.resident_token, &json!({ "item_id": w.shop_item, "quantity": 1 })).await;
    assert!(res.status().is_success(), "order");
    let body = json_of(res).await;
    (body["id"].as_i64().expect("id"), body["pickup_code"].as_str().expect("code").to_owned())
}

/// The usual reading of a response: 2xx allowed, 403 denied, 404 (or every bad field "not found") hidden.
async fn answer(res: Response) -> Answer {
    let status = res.status().as_u16();
    match status {
        200..=299 => Answer::Allowed,
        403 => Answer::Denied,
        404 => Answer::Hidden,
        422 => {
            let body = json_of(res).await;
            let errors = body["errors"].as_array().cloned().unwrap_or_default();
            assert!(!errors.is_empty() && errors.iter().all(|e| e["code"] == "not_found"), "unexpected 422: {body}");
            Answer::Hidden
        }
        _ => panic!("unexpected {status}: {}", res.text().await.unwrap_or_default()),
    }
}

/// Like [`answer`], for probes whose subject only callers with the action can see at all.
async fn unseen_is_denied(res: Response) -> Answer {
    match answer(res).await {
        Answer::Hidden => Answer::Denied,
        other => other,
    }
}

/// A need in the grid, taken by phone and accepted by community staff, ready to dispatch.
async fn accepted_need(w: &World) -> i64 {
    let id = created_id(w.app.post("/api/v1/needs", &w.staff, &need_body(w.grid, "phone")).await, "/need/id").await;
    let res = w.app.post(&format!("/api/v1/needs/{id}/actions"), &w.staff, &json!({ "action": "accept" })).await;
    assert!(res.status().is_success(), "accept");
    id
}

async fn dispatch(w: &World, need: i64, to: i64) -> Response {
    w.app.post(&format!("/api/v1/needs/{need}/actions"), &w.staff, &json!({ "action": "dispatch", "assignee_id": to })).await
}

/// Asks the API whether `a` may take `action` on the near subject (or, with `far`, on the far one).
/// `None` where the probe has no such subject for this caller.
async fn probe(w: &World, action: Action, a: &Account, far: bool) -> Option<Answer> {
    let app = &w.app;
    let t = a.token.as_str();
    let pick = |near: i64, far_id: i64| if far { far_id } else { near };
    let answered = match action {
        Action::ReadAreas => answer(app.get(&format!("/api/v1/areas/{}", pick(a.home, w.far_community)), t).await).await,
        Action::CreateAreas => {
            let body = json!({ "parent_id": pick(w.community, w.far_community), "kind": "grid", "name": format!("探针网格{}", a.id) });
            answer(app.post("/api/v1/areas", t, &body).await).await
        }
        Action::EditAreas => {
            let id = pick(w.community, w.far_community);
            answer(app.patch(&format!("/api/v1/areas/{id}"), t, &json!({ "name": "缤纷社区" })).await).await
        }
        Action::ManageUsers => answer(app.get(&format!("/api/v1/users/{}", pick(w.resident, w.far_resident)), t).await).await,
        Action::ReadAudit if !far => answer(app.get("/api/v1/audit?limit=1", t).await).await,
        Action::ManageWebhooks if !far => answer(app.get("/api/v1/webhooks", t).await).await,
        // Those who may not replay are refused before any row is looked up; those who may replay
        // a delivery of an endpoint of their own.
        Action::ReplayWebhookDeliveries if !far => {
            let path = if role_may(a.role, Action::ManageWebhooks) {
                let hook = json!({ "url": "http://127.0.0.1:9/probe", "secret": "a-probe-signing-secret", "events": [] });
                let id = created_id(app.post("/api/v1/webhooks", t, &hook).await, "/id").await;
                let ping = created_id(app.post(&format!("/api/v1/webhooks/{id}/test"), t, &json!({})).await, "/id").await;
                format!("/api/v1/webhooks/{id}/deliveries/{ping}/replay")
            } else {
                "/api/v1/webhooks/1/deliveries/1/replay".to_owned()
            };
            answer(app.post(&path, t, &json!({})).await).await
        }
        Action::ReadNeeds if !far => answer(app.get("/api/v1/needs?limit=1", t).await).await,
        Action::ReadSubtreeNeeds if far => answer(app.get(&format!("/api/v1/needs/{}", w.far_need), t).await).await,
        Action::ReadSubtreeNeeds => unseen_is_denied(app.get(&format!("/api/v1/needs/{}", w.near_need), t).await).await,
        Action::HandlePersonalData if !far => {
            let res = app.post(&format!("/api/v1/needs/{}/contact/reveal", w.near_need), t, &json!({})).await;
            if res.status().is_success() && json_of(res).await["contact_phone"] == NEAR_PHONE { Answer::Allowed } else { Answer::Denied }
        }
        Action::SubmitNeeds => answer(app.post("/api/v1/needs", t, &need_body(pick(w.grid, w.far_community), "web")).await).await,
        Action::SubmitOwnNeeds if !far => {
            let res = app.post("/api/v1/needs", t, &need_body(w.grid, "web")).await;
            let own = res.status().is_success() && json_of(res).await["need"]["resident_id"] == a.id;
            if own { Answer::Allowed } else { Answer::Denied }
        }
        Action::SubmitNeedsForResidents | Action::SubmitNeedsByMiniProgram if !far => {
            let channel = if action == Action::SubmitNeedsForResidents { "phone" } else { "mini_program" };
            let res = app.post("/api/v1/needs", t, &need_body(w.grid, channel)).await;
            match res.status().as_u16() {
                422 => Answer::Denied,
                _ => answer(res).await,
            }
        }
        Action::WorkNeeds => answer(app.get(&format!("/api/v1/needs/{}/assignees", pick(w.near_need, w.far_need)), t).await).await,
        // The subject is the account a need is dispatched to.
        Action::ServeNeeds if !far => {
            let res = dispatch(w, accepted_need(w).await, a.id).await;
            if res.status().is_success() { Answer::Allowed } else { Answer::Denied }
        }
        Action::RecordVolunteerHours if !far && role_may(a.role, Action::ServeNeeds) => {
            let need = accepted_need(w).await;
            assert!(dispatch(w, need, a.id).await.status().is_success(), "dispatch");
            let path = format!("/api/v1/needs/{need}/actions");
            assert!(app.post(&path, t, &json!({ "action": "claim" })).await.status().is_success(), "claim");
            let resolved = app.post(&path, t, &json!({ "action": "resolve", "note": "已修好", "hours": 1.5 })).await;
            assert!(resolved.status().is_success(), "resolve");
            if volunteer_minutes(app, need).await == Some(90) { Answer::Allowed } else { Answer::Denied }
        }
        Action::CosignNeeds => {
            answer(app.post(&format!("/api/v1/needs/{}/cosign", pick(w.near_need, w.far_need)), t, &json!({})).await).await
        }
        Action::SetNeedDeadlines => {
            let body = json!({ "category": "elderly_care", "urgency": "normal", "acceptance_hours": 24, "response_hours": 24, "completion_hours": 72 });
            let id = pick(w.district, w.far_district);
            answer(
                app.request(reqwest::Method::PUT, &format!("/api/v1/areas/{id}/need-deadlines"), t).json(&body).send().await.expect("PUT"),
            )
            .await
        }
        Action::ReadPrograms if far => answer(app.get(&format!("/api/v1/programs/{}", w.far_program), t).await).await,
        Action::ReadPrograms => answer(app.get("/api/v1/programs?limit=1", t).await).await,
        Action::AuthorPrograms => {
            answer(app.post("/api/v1/programs", t, &program_body(pick(w.community, w.far_community), w.catalogue_item)).await).await
        }
        // A program community staff submitted; approval comes from above, never from its author.
        Action::ApprovePrograms if !far => {
            let id =
                created_id(app.post("/api/v1/programs", &w.staff, &program_body(w.community, w.catalogue_item)).await, "/program/id").await;
            let path = format!("/api/v1/programs/{id}/actions");
            assert!(app.post(&path, &w.staff, &json!({ "action": "submit" })).await.status().is_success(), "submit");
            let res = app.post(&path, t, &json!({ "action": "approve" })).await;
            match res.status().as_u16() {
                // Allowed to read it but not an approver of it: the lifecycle refuses the move.
                409 => Answer::Denied,
                _ => unseen_is_denied(res).await,
            }
        }
        Action::EditCatalogue if !far => {
            answer(app.patch(&format!("/api/v1/catalogue/{}", w.catalogue_item), t, &json!({ "name_en": "Probe" })).await).await
        }
        Action::ReadResources if far => answer(app.get(&format!("/api/v1/providers/{}", w.far_provider), t).await).await,
        Action::ReadResources => answer(app.get("/api/v1/providers?limit=1", t).await).await,
        Action::ManageResources if far => {
            answer(app.patch(&format!("/api/v1/providers/{}", w.far_provider), t, &json!({ "description": "探针" })).await).await
        }
        Action::ManageResources => answer(app.get("/api/v1/resources/template?table=providers", t).await).await,
        // A grid worker's subtree is their grid, which holds no provider.
        Action::SeeResourceContacts if !far && a.role != Role::GridWorker => {
            let res = app.get(&format!("/api/v1/providers/{}", w.near_provider), t).await;
            if res.status().is_success() && !json_of(res).await["contact_phone"].is_null() { Answer::Allowed } else { Answer::Denied }
        }
        Action::MatchNeeds => answer(app.get(&format!("/api/v1/needs/{}/candidates", pick(w.near_need, w.far_need)), t).await).await,
        Action::ReadKpis if !far => answer(app.get("/api/v1/kpis/indicators", t).await).await,
        Action::ReportKpis if !far => answer(app.get("/api/v1/kpis/values/template", t).await).await,
        Action::SetKpiTargets => {
            let body = json!({ "indicator": "satisfaction_rate", "area_id": pick(w.community, w.far_community), "year": 2026,
                "comparator": "at_least", "value": 95.0 });
            answer(app.request(reqwest::Method::PUT, "/api/v1/kpis/targets", t).json(&body).send().await.expect("PUT")).await
        }
        // Everyone has an inbox; another's notification is 404 (tests/api/notifications.rs).
        Action::ReadOwnNotifications if !far => answer(app.get("/api/v1/me/notifications?limit=1", t).await).await,
        Action::ReadResidents if !far => answer(app.get("/api/v1/residents?limit=1", t).await).await,
        // A resident who signed up in the grid (every caller's subtree reaches it); far: another
        // community's demo resident.
        Action::VerifyResidents => {
            let id = if far {
                w.far_resident
            } else {
                let token =
                    sign_in_by_code(app, &format!("1370000{:04}", a.id), json!({ "community_id": w.community, "grid_id": w.grid })).await;
                json_of(app.get("/api/v1/me", &token).await).await["user"]["id"].as_i64().expect("id")
            };
            answer(app.post(&format!("/api/v1/residents/{id}/verify"), t, &json!({})).await).await
        }
        // The same residents: one signed up in the grid (its own number), or another community's.
        Action::SetResidentTargetGroups => {
            let id = if far {
                w.far_resident
            } else {
                let token =
                    sign_in_by_code(app, &format!("1371000{:04}", a.id), json!({ "community_id": w.community, "grid_id": w.grid })).await;
                json_of(app.get("/api/v1/me", &token).await).await["user"]["id"].as_i64().expect("id")
            };
            let path = format!("/api/v1/residents/{id}/target-groups");
            let body = json!({ "target_groups": ["elderly"] });
            answer(app.request(reqwest::Method::PUT, &path, t).json(&body).send().await.expect("PUT")).await
        }
        // Bindings belong to a client: the integration role binds with a client's token.
        Action::BindResidents => {
            let token = if a.role == Role::Integration { client_token(w).await } else { t.to_owned() };
            let phone = format!("136{:04}{:04}", u8::from(far), a.id);
            let body = json!({ "external_id": format!("probe-{}-{far}", a.id), "phone": phone, "community_id": pick(w.community, w.far_community) });
            answer(app.post("/api/v1/resident-bindings", &token, &body).await).await
        }
        Action::SeeNeighbourhood if !far => answer(app.get("/api/v1/neighbourhood?limit=1", t).await).await,
        Action::KeepResidentProfile if !far => answer(app.get("/api/v1/me/profile", t).await).await,
        Action::ReadTopics if far => answer(app.get(&format!("/api/v1/topics/{}", w.far_topic), t).await).await,
        Action::ReadTopics => answer(app.get("/api/v1/topics?limit=1", t).await).await,
        Action::ProposeTopics => {
            let kind = if a.role == Role::Resident { "resident" } else { "staff" };
            let body = json!({ "area_id": pick(w.community, w.far_community), "category": "public_space", "title": "探针议题",
                "text": "探针", "proposer_kind": kind });
            answer(app.post("/api/v1/topics", t, &body).await).await
        }
        Action::CosignTopics => {
            answer(app.post(&format!("/api/v1/topics/{}/cosign", pick(w.near_topic, w.far_topic)), t, &json!({})).await).await
        }
        Action::RunConsultation => {
            let body = json!({ "threshold_kind": "count", "threshold_count": 10, "quorum_present_pct": 50, "pass_pct": 50 });
            let path = format!("/api/v1/areas/{}/consultation-settings", pick(w.community, w.far_community));
            answer(app.request(reqwest::Method::PUT, &path, t).json(&body).send().await.expect("PUT")).await
        }
        Action::RateTopics => {
            let id = pick(w.review_topic, w.far_topic);
            answer(app.post(&format!("/api/v1/topics/{id}/ratings"), t, &json!({ "rating": 4 })).await).await
        }
        Action::ReadLedger if far => answer(app.get(&format!("/api/v1/ledger/accounts/{}/statement", w.far_account), t).await).await,
        Action::ReadLedger => answer(app.get("/api/v1/ledger/accounts?limit=1", t).await).await,
        Action::ReadOwnLedger if !far => answer(app.get("/api/v1/me/ledger", t).await).await,
        Action::AdjustLedger => {
            let body = json!({ "holder_kind": "community_pool", "holder_id": pick(w.community, w.far_community), "unit": "points" });
            answer(app.post("/api/v1/ledger/accounts", t, &body).await).await
        }
        Action::CheckLedger if !far => answer(app.get("/api/v1/ledger/check", t).await).await,
        // One minute to a neighbour: the demo volunteer, or the demo resident for the volunteer.
        Action::GiveHours if !far => {
            let to = if a.role == Role::Resident {
                w.accounts.iter().find(|x| x.role == Role::Volunteer).map_or(0, |x| x.id)
            } else {
                w.resident
            };
            answer(app.post("/api/v1/time-bank/gifts", t, &json!({ "receiver_id": to, "minutes": 1 })).await).await
        }
        // The demo district's own rules, set again as they are.
        Action::SetLedgerRules => {
            let path = format!("/api/v1/ledger/rules/{}", pick(w.district, w.far_district));
            let body = json!({ "points_per_hour": 10, "points_per_good_rating": 5 });
            answer(app.request(reqwest::Method::PUT, &path, t).json(&body).send().await.expect("PUT")).await
        }
        Action::ReadSurveys if far => answer(app.get(&format!("/api/v1/surveys/{}", w.far_survey), t).await).await,
        Action::ReadSurveys => answer(app.get("/api/v1/surveys?limit=1", t).await).await,
        Action::ManageSurveys => {
            let body = surveys::window_body(pick(w.community, w.far_community));
            answer(app.post("/api/v1/survey-templates/annual_satisfaction/surveys", t, &body).await).await
        }
        // Outside the target a resident is told 403, not 404 (the survey's brief); tests/api/surveys.rs.
        Action::AnswerSurveys if !far => {
            let body = json!({ "answers": surveys::satisfaction_answers() });
            answer(app.post(&format!("/api/v1/surveys/{}/responses", w.near_survey), t, &body).await).await
        }
        Action::EnterPaperResponses => {
            let body = json!({ "community_id": pick(w.community, w.far_community), "answers": surveys::satisfaction_answers() });
            let id = pick(w.near_survey, w.far_survey);
            answer(app.post(&format!("/api/v1/surveys/{id}/paper-responses"), t, &body).await).await
        }
        Action::ReadSurveyResults => {
            answer(app.get(&format!("/api/v1/surveys/{}/results", pick(w.near_survey, w.far_survey)), t).await).await
        }
        Action::ManageIntegrationClients => {
            let body = json!({ "name": "探针对接应用", "area_id": pick(a.home, w.far_district), "scopes": ["needs:read"] });
            answer(app.post("/api/v1/integration-clients", t, &body).await).await
        }
        Action::ReadShopItems => answer(app.get(&format!("/api/v1/shop/items/{}", pick(w.shop_item, w.far_item)), t).await).await,
        Action::OfferShopItems => answer(app.post("/api/v1/shop/items", t, &item_body(pick(w.community, w.far_community))).await).await,
        // The item of community staff: its offerer is a manager, so only managers may edit it.
        Action::ManageShop => {
            let id = pick(w.staff_item, w.far_item);
            let body = item_body(pick(w.community, w.far_community));
            answer(app.request(reqwest::Method::PUT, &format!("/api/v1/shop/items/{id}"), t).json(&body).send().await.expect("PUT")).await
        }
        Action::RedeemShopItems => {
            answer(app.post("/api/v1/shop/orders", t, &json!({ "item_id": pick(w.shop_item, w.far_item), "quantity": 1 })).await).await
        }
        Action::ReadOwnShopOrders if !far => answer(app.get("/api/v1/me/shop/orders?limit=1", t).await).await,
        Action::ReadShopOrders if far => answer(app.get(&format!("/api/v1/shop/orders/{}", w.far_order), t).await).await,
        Action::ReadShopOrders => answer(app.get("/api/v1/shop/orders?limit=1", t).await).await,
        Action::FulfilShopOrders if far => {
            answer(app.post(&format!("/api/v1/shop/orders/{}/fulfil", w.far_order), t, &json!({ "code": "000000" })).await).await
        }
        Action::FulfilShopOrders => {
            let (id, code) = shop_order(w).await;
            unseen_is_denied(app.post(&format!("/api/v1/shop/orders/{id}/fulfil"), t, &json!({ "code": code })).await).await
        }
        Action::CancelShopOrders => {
            let id = if far { w.far_order } else { shop_order(w).await.0 };
            let res = app.post(&format!("/api/v1/shop/orders/{id}/cancel"), t, &json!({})).await;
            if far { answer(res).await } else { unseen_is_denied(res).await }
        }
        Action::ReadActivities => answer(app.get(&format!("/api/v1/activities/{}", pick(w.near_activity, w.far_activity)), t).await).await,
        Action::OrganiseActivities => {
            answer(app.post("/api/v1/activities", t, &activity_body(pick(w.community, w.far_community))).await).await
        }
        Action::RecordAttendance => {
            answer(app.get(&format!("/api/v1/activities/{}/code", pick(w.near_activity, w.far_activity)), t).await).await
        }
        Action::JoinActivities => {
            let id = pick(w.near_activity, w.far_activity);
            answer(app.request(reqwest::Method::POST, &format!("/api/v1/activities/{id}/signups"), t).send().await.expect("POST")).await
        }
        Action::ReadVolunteers => answer(app.get(&format!("/api/v1/volunteers/{}", pick(w.grid_resident, w.far_resident)), t).await).await,
        Action::ReadOwnVolunteerRecord if !far => answer(app.get("/api/v1/me/volunteer", t).await).await,
        Action::SetStarLevels => {
            let path = format!("/api/v1/star-levels/{}", pick(w.district, w.far_district));
            let body = json!({ "min_hours": [100, 300, 600, 1000, 1500] });
            answer(app.request(reqwest::Method::PUT, &path, t).json(&body).send().await.expect("PUT")).await
        }
        _ => return None,
    };
    Some(answered)
}

/// A token of a client the district admin registers with `residents:write`: the integration role
/// binds as a client, never with a person's token.
async fn client_token(w: &World) -> String {
    let admin = w.accounts.iter().find(|a| a.role == Role::DistrictAdmin).expect("district admin");
    let body = json!({ "name": "探针小程序", "area_id": admin.home, "scopes": ["residents:write"] });
    let created = json_of(w.app.post("/api/v1/integration-clients", &admin.token, &body).await).await;
    let (id, secret) = (created["client"]["client_id"].as_str().expect("client_id"), created["client_secret"].as_str().expect("secret"));
    let res =
        w.app.client.post(w.app.url("/api/v1/oauth/token")).basic_auth(id, Some(secret)).form(&[("grant_type", "client_credentials")]);
    json_of(res.send().await.expect("token")).await["access_token"].as_str().expect("client token").to_owned()
}

async fn volunteer_minutes(app: &TestApp, need: i64) -> Option<i64> {
    let sql = format!("SELECT volunteer_minutes FROM needs WHERE id = {need}");
    let row = app.db.query_one_raw(sea_orm::Statement::from_string(app.db.get_database_backend(), sql)).await.expect("query").expect("row");
    row.try_get::<Option<i32>>("", "volunteer_minutes").expect("column").map(i64::from)
}

#[tokio::test]
async fn the_api_answers_every_action_for_every_role_as_the_policy_table_says() {
    let w = world().await;
    let mut wrong = Vec::new();
    let mut asked = 0;
    let mut unasked: Vec<Action> = TABLE.iter().map(|(action, _, _)| *action).collect();
    for (action, _, _) in TABLE {
        for a in &w.accounts {
            let expected = if role_may(a.role, *action) { Answer::Allowed } else { Answer::Denied };
            if let Some(got) = probe(&w, *action, a, false).await {
                asked += 1;
                unasked.retain(|u| u != action);
                if got != expected {
                    wrong.push(format!("{action:?} as {:?} on its own subtree: expected {expected:?}, got {got:?}", a.role));
                }
            }
            // Outside the subtree: allowed roles are told the row does not exist.
            let reaches_outside = a.role != Role::PlatformAdmin && role_may(a.role, *action);
            if let Some(got) = if reaches_outside { probe(&w, *action, a, true).await } else { None } {
                asked += 1;
                if got != Answer::Hidden {
                    wrong.push(format!("{action:?} as {:?} outside its subtree: expected Hidden, got {got:?}", a.role));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{} of {asked} answers differ from the table:\n{}", wrong.len(), wrong.join("\n"));
    assert!(unasked.is_empty(), "actions without a probe: {unasked:?}");
}
