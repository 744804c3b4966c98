//! Outgoing webhooks (事件推送): integration clients register a URL and a secret and receive every
//! domain event (needs, programs, KPI reports, notifications) as signed JSON, retried with backoff,
//! with a delivery log.

use serde::{Deserialize, Serialize};

use crate::{NOTIFICATION_CREATED, NeedAction, ProgramAction, code_enum};

/// The event sent when a need is submitted; every other need event is `need.<action>`.
pub const NEED_CREATED: &str = "need.created";

/// The event `POST /api/v1/webhooks/{id}/test` sends; it cannot be subscribed to, every endpoint gets it.
pub const PING: &str = "ping";

/// The event sent when `action` is taken on a need: `need.accept`, `need.dispatch`, `need.escalate`, …
pub fn need_event(action: NeedAction) -> String {
    format!("need.{}", action.as_str())
}

/// The event sent when a co-building program is drafted; every other program event is `program.<action>`.
pub const PROGRAM_CREATED: &str = "program.created";

/// The event sent when `action` is taken on a program: `program.submit`, `program.approve`, `program.send_back`, …
pub fn program_event(action: ProgramAction) -> String {
    format!("program.{}", action.as_str())
}

/// The event sent when a KPI value is reported for an indicator, area and period that had none.
pub const KPI_REPORTED: &str = "kpi_report.reported";
/// The event sent when a KPI value replaces the one in force (the old one stays in the history).
pub const KPI_REPLACED: &str = "kpi_report.replaced";

/// Every event an endpoint may subscribe to, domain by domain. A new domain adds its events here.
pub fn webhook_events() -> Vec<String> {
    let needs = std::iter::once(NEED_CREATED.to_owned()).chain(NeedAction::ALL.into_iter().map(need_event));
    let programs = std::iter::once(PROGRAM_CREATED.to_owned()).chain(ProgramAction::ALL.into_iter().map(program_event));
    let kpis = [KPI_REPORTED, KPI_REPLACED].map(str::to_owned);
    needs.chain(programs).chain(kpis).chain(std::iter::once(NOTIFICATION_CREATED.to_owned())).collect()
}

code_enum! {
    /// Where a delivery is.
    pub enum DeliveryStatus {
        /// Waiting for its first or next attempt.
        Pending = "pending",
        /// The receiver answered 2xx.
        Delivered = "delivered",
        /// Every attempt failed (or the endpoint was deactivated); no more attempts.
        Failed = "failed",
    }
}

/// Register an endpoint. It hears of events in your home area's subtree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewWebhook {
    /// Where deliveries are POSTed.
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 10,
            max_length = 500,
            pattern = "^https?://[^\\s/?#]+[^\\s]*$",
            example = "https://example.org/happyhome/hooks"
        )
    )]
    pub url: String,
    /// Key of the HMAC-SHA256 signature in `X-Happyhome-Signature`; never shown again.
    #[cfg_attr(feature = "openapi", schema(min_length = 16, max_length = 128, example = "s3cret-signing-key-2026"))]
    pub secret: String,
    /// Events to receive (`need.created`, `need.accept`, `program.approve`, `kpi_report.reported`,
    /// `notification.created`, …); empty or absent means every event.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 64))]
    pub events: Vec<String>,
}

/// Change an endpoint; absent fields stay as they are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct WebhookPatch {
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 10,
            max_length = 500,
            pattern = "^https?://[^\\s/?#]+[^\\s]*$",
            example = "https://example.org/happyhome/hooks"
        )
    )]
    pub url: Option<String>,
    #[cfg_attr(feature = "openapi", schema(min_length = 16, max_length = 128, example = "s3cret-signing-key-2026"))]
    pub secret: Option<String>,
    #[cfg_attr(feature = "openapi", schema(max_items = 64))]
    pub events: Option<Vec<String>>,
    /// An inactive endpoint gets no new deliveries, and its pending ones fail.
    pub active: Option<bool>,
}

/// A registered endpoint as the API returns it. The secret is never returned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Webhook {
    pub id: i64,
    /// The user who registered it; events are those of their home area's subtree.
    pub owner_id: i64,
    pub url: String,
    /// Subscribed events; empty means every event.
    pub events: Vec<String>,
    pub active: bool,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

/// One event sent (or to be sent) to one endpoint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WebhookDelivery {
    pub id: i64,
    pub endpoint_id: i64,
    pub event: String,
    pub status: DeliveryStatus,
    pub attempts: i32,
    /// When the next attempt is due (meaningful while pending).
    pub next_attempt_at: chrono::DateTime<chrono::Utc>,
    /// HTTP status of the last attempt, when the receiver answered.
    pub last_status: Option<i32>,
    /// Why the last attempt failed.
    pub last_error: Option<String>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub delivered_at: Option<chrono::DateTime<chrono::Utc>>,
    /// The exact body POSTed: `{"id", "event", "created_at", "data"}`.
    pub payload: serde_json::Value,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_need_action_is_an_event_and_created_comes_first() {
        let events = webhook_events();
        assert_eq!(events[0], NEED_CREATED);
        assert_eq!(events.len(), NeedAction::ALL.len() + 1 + ProgramAction::ALL.len() + 1 + 2 + 1);
        assert!(events.contains(&"need.escalate".to_owned()));
        assert!(!events.contains(&PING.to_owned()));
    }

    #[test]
    fn programs_kpi_reports_and_notifications_are_events_too() {
        let events = webhook_events();
        for event in [
            "program.created",
            "program.submit",
            "program.approve",
            "program.send_back",
            "kpi_report.reported",
            "kpi_report.replaced",
            "notification.created",
        ] {
            assert!(events.contains(&event.to_owned()), "{event}");
        }
        let mut unique = events.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), events.len(), "every event once");
    }
}
