//! The events each endpoint subscribes to, one `webhook_subscriptions` row per (endpoint, event). An
//! endpoint without rows hears every event, which is what an empty `events` list on the wire means.

use std::collections::HashMap;

use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use shared::{Id, webhook_events};

use crate::entities::stored::stored_with;
use crate::entities::{webhook_endpoint, webhook_subscription};
use crate::error::ApiError;

/// The subscriptions of these endpoints, each in the order it was given; endpoints without any are absent.
pub(super) async fn events_of<C: ConnectionTrait>(db: &C, endpoint_ids: &[Id]) -> Result<HashMap<Id, Vec<String>>, ApiError> {
    let rows = webhook_subscription::Entity::find()
        .filter(webhook_subscription::Column::EndpointId.is_in(endpoint_ids.to_vec()))
        .order_by_asc(webhook_subscription::Column::Id)
        .all(db)
        .await?;
    let known = webhook_events();
    let mut out: HashMap<Id, Vec<String>> = HashMap::new();
    for row in rows {
        // An event this server does not send would never be delivered: say so instead of listing it.
        let event = stored_with(&row.event, "webhook_subscriptions", row.id, "webhook event", |e| known.iter().find(|k| *k == e).cloned())?;
        out.entry(row.endpoint_id).or_default().push(event);
    }
    Ok(out)
}

/// Replaces an endpoint's subscriptions with `events` (repeats dropped, order kept).
pub(super) async fn replace<C: ConnectionTrait>(db: &C, endpoint_id: Id, events: &[String]) -> Result<(), ApiError> {
    webhook_subscription::Entity::delete_many().filter(webhook_subscription::Column::EndpointId.eq(endpoint_id)).exec(db).await?;
    let rows: Vec<webhook_subscription::ActiveModel> = dedup(events)
        .into_iter()
        .map(|event| webhook_subscription::ActiveModel { endpoint_id: Set(endpoint_id), event: Set(event), ..Default::default() })
        .collect();
    if !rows.is_empty() {
        webhook_subscription::Entity::insert_many(rows).exec(db).await?;
    }
    Ok(())
}

/// Endpoints that hear `event`: those subscribed to it and those subscribed to nothing (every event).
pub(super) fn hears(event: &str) -> Condition {
    let subscribed = Query::select()
        .column(webhook_subscription::Column::EndpointId)
        .from(webhook_subscription::Entity)
        .and_where(webhook_subscription::Column::Event.eq(event))
        .to_owned();
    let with_any = Query::select().column(webhook_subscription::Column::EndpointId).from(webhook_subscription::Entity).to_owned();
    Condition::any().add(webhook_endpoint::Column::Id.in_subquery(subscribed)).add(webhook_endpoint::Column::Id.not_in_subquery(with_any))
}

/// The subscription list without repeats, in the order given.
fn dedup(events: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(events.len());
    for event in events {
        if !out.contains(event) {
            out.push(event.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_events_are_stored_once_in_the_order_given() {
        let events: Vec<String> = ["need.accept", "need.created", "need.accept"].map(str::to_owned).to_vec();
        assert_eq!(dedup(&events), ["need.accept", "need.created"]);
        assert!(dedup(&[]).is_empty());
    }
}
