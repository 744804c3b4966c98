//! The ledger's invariants under a random mix of everything that moves value, through the API (a
//! seeded loop, so a failure replays: `LEDGER_SEED=n`): staff credits and debits, gifts and
//! donations of hours, reversals, points-shop redemptions and cancellations, needs rated (earning)
//! and reopened (reversing), gift offers accepted. After every step no account is below its floor;
//! every few steps and at the end every unit sums to zero and every kept balance equals the sum of
//! its postings (`GET /ledger/check`). Refusals (422, 409) are expected; anything else fails.

use reqwest::{Method, Response};
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app};
use crate::ledger::resolved_need;
use crate::needs::act;
use crate::shop::{offer, redeem};

/// xorshift64*: small, seeded, good enough to pick operations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn amount(&mut self, max: i64) -> i64 {
        1 + self.below(max as u64) as i64
    }

    fn pick<T: Copy>(&mut self, from: &[T]) -> Option<T> {
        (!from.is_empty()).then(|| from[self.below(from.len() as u64) as usize])
    }
}

/// The status, after checking it is one of `expected`, and the body.
async fn expect(res: Response, expected: &[u16], what: &str) -> (u16, Value) {
    let status = res.status().as_u16();
    let body: Value = res.json().await.unwrap_or(Value::Null);
    assert!(expected.contains(&status), "{what}: unexpected {status}: {body}");
    (status, body)
}

async fn open(app: &TestApp, staff: &str, kind: &str, holder: i64, unit: &str) -> i64 {
    let body = json!({ "holder_kind": kind, "holder_id": holder, "unit": unit });
    expect(app.post("/api/v1/ledger/accounts", staff, &body).await, &[200], "open").await.1["id"].as_i64().expect("id")
}

/// No account of the community is below its floor.
async fn assert_floors(app: &TestApp, staff: &str, step: usize) {
    let page = expect(app.get("/api/v1/ledger/accounts?limit=200", staff).await, &[200], "accounts").await.1;
    for a in page["items"].as_array().expect("items") {
        if let (Some(balance), Some(floor)) = (a["balance"].as_i64(), a["floor"].as_i64()) {
            assert!(balance >= floor, "step {step}: account {} at {balance} below its floor {floor}", a["id"]);
        }
    }
}

async fn assert_books_balance(app: &TestApp, admin: &str, step: usize) {
    let check = expect(app.get("/api/v1/ledger/check", admin).await, &[200], "check").await.1;
    assert_eq!(check["balanced"], true, "step {step}: {check}");
    assert_eq!(check["unbalanced_transfers"], 0, "step {step}");
    for unit in check["units"].as_array().expect("units") {
        assert_eq!(unit["postings_sum"], 0, "step {step}: {unit}");
        assert_eq!(unit["mismatched_accounts"], 0, "step {step}: {unit}");
    }
}

#[tokio::test]
async fn random_transfers_redemptions_reversals_and_reopenings_keep_the_books_balanced() {
    let seed = std::env::var("LEDGER_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x5EED_2026_u64);
    let mut rng = Rng(seed | 1);
    let app = spawn_app().await;
    let (staff, admin, merchant) = (app.login_as("community").await, app.login_as("admin").await, app.login_as("merchant").await);
    let (resident, volunteer) = (app.login_as("resident").await, app.login_as("volunteer").await);
    let (resident_id, volunteer_id) = (app.user_id("resident").await, app.user_id("volunteer").await);
    let community = app.area_id("缤纷社区").await;
    let minutes =
        [open(&app, &staff, "resident", resident_id, "minutes").await, open(&app, &staff, "volunteer", volunteer_id, "minutes").await];
    let points =
        [open(&app, &staff, "resident", resident_id, "points").await, open(&app, &staff, "volunteer", volunteer_id, "points").await];
    let pool = open(&app, &staff, "community_pool", community, "minutes").await;
    let item = offer(&app, &merchant, 7, 1_000, 1_000).await;
    let (mut transfers, mut orders, mut rated) = (Vec::new(), Vec::new(), Vec::new());
    let steps = 60;
    for step in 0..steps {
        let transfer = |kind: &str, from: Option<i64>, to: Option<i64>, amount: i64| json!({ "kind": kind, "from_account_id": from, "to_account_id": to, "amount": amount, "reason": format!("随机步骤 {step}") });
        match rng.below(10) {
            0 | 1 => {
                let account = rng.pick(&[minutes[0], minutes[1], points[0], points[1], pool]).expect("account");
                let (status, body) = expect(
                    app.post("/api/v1/ledger/transfers", &staff, &transfer("adjustment", None, Some(account), rng.amount(60))).await,
                    &[201],
                    "credit",
                )
                .await;
                if status == 201 {
                    transfers.push(body["id"].as_i64().expect("id"));
                }
            }
            2 => {
                let account = rng.pick(&[minutes[0], minutes[1], points[0], points[1], pool]).expect("account");
                let res = app.post("/api/v1/ledger/transfers", &staff, &transfer("adjustment", Some(account), None, rng.amount(80))).await;
                let (status, body) = expect(res, &[201, 422], "debit").await;
                if status == 201 {
                    transfers.push(body["id"].as_i64().expect("id"));
                }
            }
            3 => {
                let (from, to) = if rng.below(2) == 0 { (minutes[0], minutes[1]) } else { (minutes[1], minutes[0]) };
                let kind = if rng.below(2) == 0 { "gift" } else { "donation" };
                let to = (kind == "gift").then_some(to);
                let (status, body) = expect(
                    app.post("/api/v1/ledger/transfers", &staff, &transfer(kind, Some(from), to, rng.amount(90))).await,
                    &[201, 422],
                    kind,
                )
                .await;
                if status == 201 {
                    transfers.push(body["id"].as_i64().expect("id"));
                }
            }
            4 => {
                if let Some(id) = rng.pick(&transfers) {
                    let res = app.post(&format!("/api/v1/ledger/transfers/{id}/reverse"), &staff, &json!({ "reason": "随机冲正" })).await;
                    expect(res, &[200, 409], "reverse").await;
                }
            }
            5 => {
                let (status, body) =
                    expect(redeem(&app, &resident, item, 1, &format!("order-{step}")).await, &[201, 422, 409], "redeem").await;
                if status == 201 {
                    orders.push(body["id"].as_i64().expect("order id"));
                }
            }
            6 => {
                if let Some(id) = rng.pick(&orders) {
                    expect(app.post(&format!("/api/v1/shop/orders/{id}/cancel"), &resident, &json!({})).await, &[200, 409], "cancel").await;
                }
            }
            7 => {
                let (id, owner, _) = resolved_need(&app).await;
                if rng.below(2) == 0 {
                    let payer = json!({ "payer": "requester" });
                    let res = app
                        .request(Method::PUT, &format!("/api/v1/needs/{id}/time-payment"), &owner)
                        .json(&payer)
                        .send()
                        .await
                        .expect("PUT");
                    expect(res, &[200], "pay with time").await;
                }
                expect(act(&app, &owner, id, json!({ "action": "rate", "rating": 5 })).await, &[200], "rate").await;
                rated.push(id);
            }
            8 => {
                if let Some(id) = rng.pick(&rated) {
                    // Reopening takes the credit back: refused (409) once the volunteer spent it, or when already reopened.
                    expect(act(&app, &resident, id, json!({ "action": "object", "note": "问题没有解决" })).await, &[200, 409], "reopen")
                        .await;
                }
            }
            _ => {
                let (giver, receiver, to) =
                    if rng.below(2) == 0 { (&resident, &volunteer, volunteer_id) } else { (&volunteer, &resident, resident_id) };
                let res = app.post("/api/v1/time-bank/gifts", giver, &json!({ "receiver_id": to, "minutes": rng.amount(60) })).await;
                let (status, body) = expect(res, &[201, 422], "offer").await;
                if status == 201 {
                    let id = body["id"].as_i64().expect("id");
                    let answer = if rng.below(3) == 0 { "decline" } else { "accept" };
                    expect(app.post(&format!("/api/v1/time-bank/gifts/{id}/{answer}"), receiver, &json!({})).await, &[200, 409], answer)
                        .await;
                }
            }
        }
        assert_floors(&app, &staff, step).await;
        if step % 10 == 9 {
            assert_books_balance(&app, &admin, step).await;
        }
    }
    assert_books_balance(&app, &admin, steps).await;
}
