//! Integration clients (对接应用): district admins register them for a subtree with scopes, see the
//! secret once, rotate it (the old one works until the grace ends) and revoke them. Each client acts
//! as an account of its own, role `integration`, homed in the client's area, so its webhooks, inbox
//! and submitted needs belong to it exactly as a person's would. Tokens are issued in [`token`];
//! counting, the per-minute limit and the usage report are [`usage`].

pub mod token;
pub mod usage;

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set};
use shared::{ApiScope, FieldRule, Id, IntegrationClient, IntegrationClientSecret, NewIntegrationClient, Page, Role};
use shared::{AuditAction, AuditEntity};

use crate::domain::caller::Caller;
use crate::domain::client_secret::{hash_secret, new_client_id, new_secret};
use crate::domain::field_errors::FieldErrors;
use crate::domain::scope::Scope;
use crate::entities::stored::{StoredValueInvalid, stored_list};
use crate::entities::{area, integration_client, user};
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::services::audit::{self, Change};
use crate::services::page::{Keyset, PageRequest};

/// A password hash no password verifies: a client's account never signs in by password.
const NO_PASSWORD: &str = "!client-credentials-only";

/// Scopes as stored: `,a,b,` (one code between commas).
pub(crate) fn stored_scopes(scopes: &[ApiScope]) -> String {
    let mut sorted = scopes.to_vec();
    sorted.sort();
    sorted.dedup();
    format!(",{},", sorted.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(","))
}

pub(crate) fn scopes_of(m: &integration_client::Model) -> Result<Vec<ApiScope>, StoredValueInvalid> {
    stored_list(&m.scopes, "integration_clients", m.id)
}

fn to_dto(m: integration_client::Model) -> Result<IntegrationClient, StoredValueInvalid> {
    Ok(IntegrationClient {
        scopes: scopes_of(&m)?,
        id: m.id,
        name: m.name,
        client_id: m.client_id,
        area_id: m.area_id,
        rate_limit_per_minute: m.rate_limit_per_minute,
        user_id: m.user_id,
        previous_secret_valid_until: m.previous_valid_until,
        revoked_at: m.revoked_at,
        created_by: m.created_by,
        created_at: m.created_at,
        updated_at: m.updated_at,
    })
}

async fn record<C: ConnectionTrait>(
    db: &C,
    caller: Option<&Caller>,
    request_id: Option<&str>,
    action: AuditAction,
    before: Option<&IntegrationClient>,
    after: &IntegrationClient,
    area_path: &str,
) -> Result<(), ApiError> {
    // The DTO holds no secret, so the audit trail cannot leak one.
    let change = Change {
        action,
        entity: AuditEntity::IntegrationClient,
        entity_id: after.id,
        area: Some((after.area_id, area_path)),
        before,
        after: Some(after),
    };
    audit::record(db, caller, request_id, change).await
}

/// The clients of the caller's subtree, newest first.
pub async fn list<C: ConnectionTrait>(db: &C, caller: &Caller, page: PageRequest) -> Result<Page<IntegrationClient>, ApiError> {
    let keyset = Keyset::<integration_client::Entity> {
        name: "-id",
        column: None,
        desc: true,
        id: integration_client::Column::Id,
        key_of: |m| (None, m.id),
    };
    let (rows, next_cursor) = page.fetch(db, policy::visible::<integration_client::Entity>(caller)?, &keyset).await?;
    Ok(Page { items: rows.into_iter().map(to_dto).collect::<Result<_, _>>()?, next_cursor })
}

pub async fn get<C: ConnectionTrait>(db: &C, caller: &Caller, id: Id) -> Result<IntegrationClient, ApiError> {
    Ok(to_dto(policy::load::<integration_client::Entity, _>(db, caller, id).await?)?)
}

/// What registering writes, for the API and for demo seeding (which brings a known secret and an
/// existing account).
pub struct Registration<'a> {
    pub new: &'a NewIntegrationClient,
    pub rate_limit_per_minute: i32,
    pub secret: String,
    /// The account to act as; a new one is made when `None`.
    pub user_id: Option<Id>,
    /// The public id; a random one when `None`.
    pub client_id: Option<String>,
}

/// Registers a client in an area of the caller's subtree; the answer is the only place the secret
/// is shown.
pub async fn create<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    new: &NewIntegrationClient,
    default_rate_limit: i32,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<IntegrationClientSecret, ApiError> {
    policy::require(caller, Action::ManageIntegrationClients)?;
    let registration = Registration {
        new,
        rate_limit_per_minute: new.rate_limit_per_minute.unwrap_or(default_rate_limit),
        secret: new_secret(),
        user_id: None,
        client_id: None,
    };
    register(db, Some(caller), &Scope::of(caller), registration, now, request_id).await
}

/// Registers a client inside `scope` (the caller's, or everything for the system).
pub async fn register<C: ConnectionTrait>(
    db: &C,
    actor: Option<&Caller>,
    scope: &Scope,
    registration: Registration<'_>,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<IntegrationClientSecret, ApiError> {
    let new = registration.new;
    let mut errors = FieldErrors::default();
    if new.name.trim().is_empty() {
        errors.add("/name", FieldRule::Required, "the name cannot be blank");
    }
    if new.scopes.is_empty() {
        errors.add("/scopes", FieldRule::Required, "name at least one scope");
    }
    let home = match area::Entity::find_by_id(new.area_id).one(db).await? {
        Some(a) if scope.contains(&a.path) => Some(a),
        _ => {
            errors.add("/area_id", FieldRule::NotFound, "no such area in your scope");
            None
        }
    };
    errors.finish()?;
    let home = home.ok_or(ApiError::NotFound("area"))?;
    let client_id = registration.client_id.unwrap_or_else(new_client_id);
    let user_id = match registration.user_id {
        Some(id) => id,
        None => {
            user::ActiveModel {
                username: Set(format!("client-{client_id}")),
                display_name: Set(new.name.trim().to_owned()),
                role: Set(Role::Integration.as_str().into()),
                area_id: Set(home.id),
                password_hash: Set(NO_PASSWORD.into()),
                active: Set(true),
                demo: Set(false),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(db)
            .await?
            .id
        }
    };
    let saved = integration_client::ActiveModel {
        name: Set(new.name.trim().to_owned()),
        client_id: Set(client_id),
        user_id: Set(user_id),
        area_id: Set(home.id),
        area_path: Set(home.path.clone()),
        scopes: Set(stored_scopes(&new.scopes)),
        secret_hash: Set(hash_secret(&registration.secret)),
        previous_secret_hash: Set(None),
        previous_valid_until: Set(None),
        rate_limit_per_minute: Set(registration.rate_limit_per_minute),
        revoked_at: Set(None),
        created_by: Set(actor.map_or(user_id, |a| a.id)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let client = to_dto(saved)?;
    record(db, actor, request_id, AuditAction::Create, None, &client, &home.path).await?;
    Ok(IntegrationClientSecret { client, client_secret: registration.secret })
}

/// Issues a new secret; the old one keeps working for the grace time (only the latest old secret:
/// rotating again ends the grace of the one before).
pub async fn rotate<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    grace: Duration,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<IntegrationClientSecret, ApiError> {
    let current = policy::load::<integration_client::Entity, _>(db, caller, id).await?;
    if current.revoked_at.is_some() {
        return Err(ApiError::Conflict("the client is revoked; register a new one".into()));
    }
    let (area_path, before) = (current.area_path.clone(), to_dto(current.clone())?);
    let secret = new_secret();
    let mut model: integration_client::ActiveModel = current.clone().into();
    model.previous_secret_hash = Set(Some(current.secret_hash));
    model.previous_valid_until = Set(Some(now + grace));
    model.secret_hash = Set(hash_secret(&secret));
    model.updated_at = Set(now);
    let client = to_dto(model.update(db).await?)?;
    record(db, Some(caller), request_id, AuditAction::RotateSecret, Some(&before), &client, &area_path).await?;
    Ok(IntegrationClientSecret { client, client_secret: secret })
}

/// Revokes a client: no more tokens, and tokens already issued stop working at once (each request
/// reads the client). Revoking again changes nothing.
pub async fn revoke<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<IntegrationClient, ApiError> {
    let current = policy::load::<integration_client::Entity, _>(db, caller, id).await?;
    if current.revoked_at.is_some() {
        return Ok(to_dto(current)?);
    }
    let (area_path, before) = (current.area_path.clone(), to_dto(current.clone())?);
    let mut model: integration_client::ActiveModel = current.into();
    model.revoked_at = Set(Some(now));
    model.previous_valid_until = Set(None);
    model.previous_secret_hash = Set(None);
    model.updated_at = Set(now);
    let client = to_dto(model.update(db).await?)?;
    record(db, Some(caller), request_id, AuditAction::Revoke, Some(&before), &client, &area_path).await?;
    Ok(client)
}
