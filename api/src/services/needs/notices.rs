//! Who is told what when a need moves: the resident, the assignee (new and former) and the staff of
//! the need's area. Each notice goes through [`notifications::notify`] in the same transaction as
//! the move; the staff of an area are picked by the policy's one rule ([`recipients::need_staff`]).

use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;
use shared::NotificationKind::{self, *};
use shared::{AreaKind, Id, NeedAction, NeedStatus, SubjectKind};

use crate::domain::notification_text::Facts;
use crate::entities::need;
use crate::error::ApiError;
use crate::policy::recipients;
use crate::services::notifications::{self, Notice};

fn facts(n: &need::Model) -> Facts {
    Facts {
        id: n.id,
        category: Some(n.category.clone()),
        missing: n.missing.as_deref().and_then(|m| serde_json::from_str(m).ok()).unwrap_or_default(),
        reason: n.reason.clone(),
        ..Default::default()
    }
}

/// Writes one notice about `n` to `recipients` (the actor excepted).
pub(super) async fn tell<C: ConnectionTrait>(
    db: &C,
    recipients: &[Id],
    actor: Option<Id>,
    kind: NotificationKind,
    n: &need::Model,
    facts: Facts,
    now: DateTime<Utc>,
) -> Result<usize, ApiError> {
    let notice = Notice { kind, subject: SubjectKind::Need, area_path: &n.area_path, facts };
    notifications::notify(db, recipients, actor, &notice, now).await
}

/// A new need (or a returned one submitted again): the community's staff have something to accept.
pub(super) async fn submitted<C: ConnectionTrait>(db: &C, actor: Option<Id>, n: &need::Model, now: DateTime<Utc>) -> Result<(), ApiError> {
    let staff = recipients::need_staff(db, &n.area_path, AreaKind::Community).await?;
    tell(db, &staff, actor, NeedSubmitted, n, facts(n), now).await?;
    Ok(())
}

/// Everyone concerned by `action`, which took `before` to `after`.
pub(super) async fn after_action<C: ConnectionTrait>(
    db: &C,
    actor: Option<Id>,
    action: NeedAction,
    before: &need::Model,
    after: &need::Model,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let resident: Vec<Id> = after.resident_id.into_iter().collect();
    let resident_hears = match action {
        NeedAction::Accept => Some(NeedAccepted),
        NeedAction::Return => Some(NeedReturned),
        NeedAction::Reject => Some(NeedRejected),
        // Told once: a re-dispatch to someone else changes nothing for the resident.
        NeedAction::Dispatch if before.status != NeedStatus::Dispatched.as_str() => Some(NeedDispatched),
        NeedAction::Resolve => Some(NeedResolved),
        NeedAction::Object | NeedAction::Reopen => Some(NeedReopened),
        _ => None,
    };
    if let Some(kind) = resident_hears {
        tell(db, &resident, actor, kind, after, facts(after), now).await?;
    }
    // The assignee: a dispatch is theirs to claim; losing it (re-dispatch, claim window, cancel) is said too.
    if action == NeedAction::Dispatch && before.assignee_id != after.assignee_id {
        let new: Vec<Id> = after.assignee_id.into_iter().collect();
        tell(db, &new, actor, NeedAssigned, after, facts(after), now).await?;
    }
    let taken_off = matches!(action, NeedAction::Dispatch | NeedAction::ClaimTimeout | NeedAction::Cancel);
    let former: Vec<Id> = before.assignee_id.filter(|f| taken_off && Some(*f) != after.assignee_id).into_iter().collect();
    tell(db, &former, actor, NeedReassigned, after, facts(after), now).await?;
    match action {
        NeedAction::Resubmit => submitted(db, actor, after, now).await?,
        NeedAction::Escalate => {
            let community = recipients::need_staff(db, &after.area_path, AreaKind::Community).await?;
            tell(db, &community, actor, NeedOverdue, after, facts(after), now).await?;
            let street = recipients::need_staff(db, &after.area_path, AreaKind::Street).await?;
            tell(db, &street, actor, NeedEscalated, after, facts(after), now).await?;
        }
        _ => {}
    }
    Ok(())
}

/// The assignee of a dispatched need whose claim window closes within `hours_left`: told once per dispatch.
pub(super) async fn claim_closing<C: ConnectionTrait>(
    db: &C,
    n: &need::Model,
    hours_left: i64,
    now: DateTime<Utc>,
) -> Result<usize, ApiError> {
    let (Some(assignee), Some(dispatched_at)) = (n.assignee_id, n.dispatched_at) else { return Ok(0) };
    if notifications::sent_since(db, assignee, NeedClaimClosing, SubjectKind::Need, n.id, dispatched_at).await? {
        return Ok(0);
    }
    tell(db, &[assignee], None, NeedClaimClosing, n, Facts { hours_left: Some(hours_left), ..facts(n) }, now).await
}
