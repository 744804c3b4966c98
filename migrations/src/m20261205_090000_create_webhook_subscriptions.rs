//! Webhook subscriptions move out of the endpoints' `events` column (`,need.created,need.accept,`) into
//! one row per (endpoint, event): the pair is unique, an event is one indexed lookup instead of a
//! `LIKE`, and deleting an endpoint deletes its subscriptions. An endpoint without rows still hears
//! every event, as an empty column did.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::ConnectionTrait;

use crate::m20261124_000005_create_webhooks::WebhookEndpoints;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(WebhookSubscriptions::Table)
                    .col(big_pk_auto(WebhookSubscriptions::Id))
                    .col(big_integer(WebhookSubscriptions::EndpointId))
                    .col(string_len(WebhookSubscriptions::Event, 64))
                    .foreign_key(
                        ForeignKey::create()
                            .from(WebhookSubscriptions::Table, WebhookSubscriptions::EndpointId)
                            .to(WebhookEndpoints::Table, WebhookEndpoints::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_webhook_subscriptions_pair")
                    .table(WebhookSubscriptions::Table)
                    .col(WebhookSubscriptions::EndpointId)
                    .col(WebhookSubscriptions::Event)
                    .unique()
                    .to_owned(),
            )
            .await?;
        // Queueing an event asks which endpoints subscribe to it.
        manager
            .create_index(
                Index::create()
                    .name("idx_webhook_subscriptions_event")
                    .table(WebhookSubscriptions::Table)
                    .col(WebhookSubscriptions::Event)
                    .to_owned(),
            )
            .await?;

        // Move the data: read each endpoint's list here, so the same code runs on SQLite and PostgreSQL.
        let db = manager.get_connection();
        let rows = db
            .query_all(&Query::select().columns([WebhookEndpoints::Id, WebhookEndpoints::Events]).from(WebhookEndpoints::Table).to_owned())
            .await?;
        for row in rows {
            let id: i64 = row.try_get("", &WebhookEndpoints::Id.to_string())?;
            let events: String = row.try_get("", &WebhookEndpoints::Events.to_string())?;
            let mut seen: Vec<&str> = Vec::new();
            for event in events.split(',').filter(|e| !e.is_empty()) {
                if seen.contains(&event) {
                    continue;
                }
                seen.push(event);
                let mut insert = Query::insert();
                insert
                    .into_table(WebhookSubscriptions::Table)
                    .columns([WebhookSubscriptions::EndpointId, WebhookSubscriptions::Event])
                    .values([id.into(), event.into()])
                    .map_err(|e| DbErr::Custom(e.to_string()))?;
                db.execute(&insert).await?;
            }
        }
        manager.alter_table(Table::alter().table(WebhookEndpoints::Table).drop_column(WebhookEndpoints::Events).to_owned()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(Table::alter().table(WebhookEndpoints::Table).add_column(text(WebhookEndpoints::Events).default("")).to_owned())
            .await?;
        let db = manager.get_connection();
        let rows = db
            .query_all(
                &Query::select()
                    .columns([WebhookSubscriptions::EndpointId, WebhookSubscriptions::Event])
                    .from(WebhookSubscriptions::Table)
                    .order_by(WebhookSubscriptions::Id, Order::Asc)
                    .to_owned(),
            )
            .await?;
        let mut lists: Vec<(i64, Vec<String>)> = Vec::new();
        for row in rows {
            let id: i64 = row.try_get("", &WebhookSubscriptions::EndpointId.to_string())?;
            let event: String = row.try_get("", &WebhookSubscriptions::Event.to_string())?;
            match lists.iter_mut().find(|(e, _)| *e == id) {
                Some((_, events)) => events.push(event),
                None => lists.push((id, vec![event])),
            }
        }
        for (id, events) in lists {
            let update = Query::update()
                .table(WebhookEndpoints::Table)
                .value(WebhookEndpoints::Events, format!(",{},", events.join(",")))
                .and_where(Expr::col(WebhookEndpoints::Id).eq(id))
                .to_owned();
            db.execute(&update).await?;
        }
        manager.drop_table(Table::drop().table(WebhookSubscriptions::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum WebhookSubscriptions {
    Table,
    Id,
    EndpointId,
    Event,
}
