//! Who hears of a topic's steps: its proposer, of filing, declining and the decision (through the
//! notification inbox and `notification.created`).

use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;
use shared::{NotificationKind, SubjectKind};

use crate::domain::caller::Caller;
use crate::domain::notification_text::Facts;
use crate::entities::topic;
use crate::error::ApiError;
use crate::services::notifications::{self, Notice};

/// Tells the topic's proposer (unless they acted themselves).
pub(crate) async fn tell_proposer<C: ConnectionTrait>(
    db: &C,
    actor: &Caller,
    t: &topic::Model,
    kind: NotificationKind,
    reason: Option<String>,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let facts = Facts { id: t.id, title: Some(t.title.clone()), reason, ..Default::default() };
    let notice = Notice { kind, subject: SubjectKind::Topic, area_path: &t.community_path, facts };
    notifications::notify(db, &[t.proposer_id], Some(actor.id), &notice, now).await?;
    Ok(())
}
