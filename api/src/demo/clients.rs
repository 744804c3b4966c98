//! The demo mini-program backend as an integration client: the demo `integration` account of 滨江区
//! becomes the account of client `hhc_demo_binjiang`, whose secret is the `demo.client_secret`
//! setting, so `just run` (and schemathesis) can get a client token with the documented request.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use shared::{ApiScope, NewIntegrationClient};

use super::demo_caller;
use crate::domain::scope::Scope;
use crate::entities::{area, integration_client};
use crate::error::ApiError;
use crate::services::integration_clients::{Registration, register};

/// The demo client's public id.
pub const DEMO_CLIENT_ID: &str = "hhc_demo_binjiang";
/// A second demo client to try rotation and revocation on without breaking the first (schemathesis
/// rotates and revokes it).
pub const SANDBOX_CLIENT_ID: &str = "hhc_demo_sandbox";

/// What the demo mini-program reads and writes.
const SCOPES: [ApiScope; 8] = [
    ApiScope::AreasRead,
    ApiScope::NeedsRead,
    ApiScope::NeedsWrite,
    ApiScope::ResidentsWrite,
    ApiScope::ResourcesRead,
    ApiScope::ProgramsRead,
    ApiScope::NotificationsRead,
    ApiScope::TopicsRead,
];

/// Registers the demo client once; returns whether it was added.
pub async fn seed<C: ConnectionTrait>(db: &C, secret: &str, now: DateTime<Utc>) -> Result<bool, ApiError> {
    let exists = integration_client::Entity::find().filter(integration_client::Column::ClientId.eq(DEMO_CLIENT_ID)).one(db).await?;
    if exists.is_some() {
        return Ok(false);
    }
    let account = demo_caller(db, "integration").await?;
    let district = area::Entity::find().filter(area::Column::Name.eq("滨江区")).one(db).await?;
    let district = district.ok_or_else(|| ApiError::Unexpected(anyhow::anyhow!("demo area 滨江区 missing")))?;
    let new = NewIntegrationClient {
        name: "缤纷社区小程序后台".into(),
        area_id: district.id,
        scopes: SCOPES.to_vec(),
        rate_limit_per_minute: Some(600),
    };
    let registration = Registration {
        new: &new,
        rate_limit_per_minute: 600,
        secret: secret.to_owned(),
        user_id: Some(account.id),
        client_id: Some(DEMO_CLIENT_ID.into()),
    };
    register(db, None, &Scope::everything(), registration, now, None).await?;
    let sandbox = NewIntegrationClient {
        name: "滨江区对接测试应用".into(),
        area_id: district.id,
        scopes: vec![ApiScope::NeedsRead],
        rate_limit_per_minute: Some(60),
    };
    let registration = Registration {
        new: &sandbox,
        rate_limit_per_minute: 60,
        secret: secret.to_owned(),
        user_id: None,
        client_id: Some(SANDBOX_CLIENT_ID.into()),
    };
    register(db, None, &Scope::everything(), registration, now, None).await?;
    Ok(true)
}
