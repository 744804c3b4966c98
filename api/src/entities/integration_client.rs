//! `integration_clients`: systems that sign in with client credentials (OAuth 2.0 §4.4).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "integration_clients")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub name: String,
    /// The public `client_id`.
    pub client_id: String,
    /// The account the client acts as.
    pub user_id: i64,
    pub area_id: i64,
    pub area_path: String,
    /// `ApiScope` codes as `,needs:read,needs:write,`.
    pub scopes: String,
    /// SHA-256 (hex) of the secret; see `domain::client_secret` for why a fast hash is enough.
    pub secret_hash: String,
    pub previous_secret_hash: Option<String>,
    pub previous_valid_until: Option<DateTimeUtc>,
    pub rate_limit_per_minute: i32,
    pub revoked_at: Option<DateTimeUtc>,
    pub created_by: i64,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
