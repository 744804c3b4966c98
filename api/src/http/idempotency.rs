//! `Idempotency-Key` for creates: the same key with the same request returns the stored response
//! (and creates nothing); the same key with another request is refused with 422.

use actix_web::dev::Payload;
use actix_web::http::StatusCode;
use actix_web::{FromRequest, HttpRequest, HttpResponse};
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde::Serialize;
use shared::{FieldRule, Id};

use crate::domain::tokens::sha256_hex;
use crate::entities::idempotency_key;
use crate::error::ApiError;

pub const HEADER: &str = "Idempotency-Key";

/// Runs a create in one write transaction with `Idempotency-Key` handling: a replay returns the stored
/// response, otherwise `$create(&txn)` runs and its result is stored with the key and answered 201.
/// Every create endpoint goes through here, so the replay always sits in the create's transaction.
#[macro_export]
macro_rules! create_idempotently {
    ($state:expr, $caller:expr, $key:expr, $body:expr, $create:expr) => {{
        let txn = $state.begin_write().await?;
        if let Some(replay) = $key.replay(&txn.txn, $caller.id, &$body.raw).await? {
            return Ok(replay);
        }
        let created = $create(&txn.txn).await?;
        let response = $key.respond(&txn.txn, $caller.id, &$body.raw, actix_web::http::StatusCode::CREATED, &created).await?;
        txn.commit().await?;
        Ok(response)
    }};
}

/// The optional `Idempotency-Key` header plus the request's fingerprint (method, path, query).
pub struct IdempotencyKey {
    key: Option<String>,
    target: String,
}

impl FromRequest for IdempotencyKey {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let key = match req.headers().get(HEADER) {
            None => Ok(None),
            Some(v) => match v.to_str() {
                Ok(s) if !s.is_empty() && s.len() <= 255 && s.bytes().all(|b| b.is_ascii_graphic()) => Ok(Some(s.to_owned())),
                _ => Err(ApiError::field(HEADER, FieldRule::Invalid, "1 to 255 visible ASCII characters")),
            },
        };
        let target = format!("{} {}", req.method(), req.uri());
        std::future::ready(key.map(|key| Self { key, target }))
    }
}

impl IdempotencyKey {
    /// The key the client sent, if any.
    pub fn value(&self) -> Option<&str> {
        self.key.as_deref()
    }

    fn fingerprint(&self, body: &serde_json::Value) -> String {
        sha256_hex(format!("{}\n{}", self.target, body).as_bytes())
    }

    /// The stored response when this key was used before with the same request, `None` when the
    /// request is new. Call inside the write transaction, before making anything.
    pub async fn replay<C: ConnectionTrait>(
        &self,
        db: &C,
        user_id: Id,
        body: &serde_json::Value,
    ) -> Result<Option<HttpResponse>, ApiError> {
        let Some(key) = &self.key else { return Ok(None) };
        let stored = idempotency_key::Entity::find()
            .filter(idempotency_key::Column::UserId.eq(user_id))
            .filter(idempotency_key::Column::Key.eq(key.as_str()))
            .one(db)
            .await?;
        match stored {
            None => Ok(None),
            Some(row) if row.request_hash == self.fingerprint(body) => {
                let status = StatusCode::from_u16(row.status as u16).unwrap_or(StatusCode::OK);
                Ok(Some(
                    HttpResponse::build(status)
                        .content_type("application/json")
                        .insert_header(("Idempotent-Replayed", "true"))
                        .body(row.body),
                ))
            }
            Some(_) => Err(ApiError::IdempotencyKeyReused),
        }
    }

    /// Builds the response and, when a key was given, stores it in the same transaction as the write.
    pub async fn respond<C: ConnectionTrait, T: Serialize>(
        &self,
        db: &C,
        user_id: Id,
        body: &serde_json::Value,
        status: StatusCode,
        response: &T,
    ) -> Result<HttpResponse, ApiError> {
        let json = serde_json::to_string(response).map_err(anyhow::Error::from)?;
        if let Some(key) = &self.key {
            idempotency_key::ActiveModel {
                user_id: Set(user_id),
                key: Set(key.clone()),
                request_hash: Set(self.fingerprint(body)),
                status: Set(status.as_u16() as i16),
                body: Set(json.clone()),
                created_at: Set(Utc::now()),
                ..Default::default()
            }
            .insert(db)
            .await?;
        }
        Ok(HttpResponse::build(status).content_type("application/json").body(json))
    }
}
