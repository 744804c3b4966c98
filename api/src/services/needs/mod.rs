//! Resident needs: submit, read, list, act on them through the lifecycle, co-sign, and the sweeper
//! that enforces deadlines (限时办结) and claim windows.

pub(crate) mod act;
mod assignees;
mod contact;
mod cosign;
mod deadlines;
pub mod export;
mod notices;
mod photos;
mod read;
mod submit;
mod sweep;

pub use act::{Actor, act, apply, bulk_dispatch};
pub use assignees::assignees;
pub use contact::reveal_contact;
pub use cosign::{community_needs, cosign};
pub use deadlines::{categories, deadlines_of, set_deadline};
pub use photos::{MAX_PHOTOS, add_photo, read_photo, sniff};
pub use read::{NeedFilter, counts, detail, list};
pub(crate) use read::{due_today_condition, next_deadline, overdue_condition};
pub use submit::submit;
pub use sweep::{SweepReport, spawn_sweeper, sweep};

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use shared::{Id, Need, NeedStatus, TargetGroup};

use crate::domain::caller::Caller;
use crate::domain::masking::{mask_address, mask_name, mask_phone};
use crate::entities::stored::{StoredValueInvalid, stored, stored_list};
use crate::entities::{area, need, service, user};
use crate::error::ApiError;
use crate::policy::needs::{reveals_personal_data, shows_contact_unasked};

/// `,a,b,` — each tag between commas so that one tag is one LIKE.
pub(crate) fn encode_tags(tags: &[TargetGroup]) -> String {
    let mut names: Vec<&str> = tags.iter().map(|t| t.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    format!(",{},", names.join(","))
}

/// The stored status of a need; an unknown one is an error (see [`stored`]).
pub(crate) fn status_of(m: &need::Model) -> Result<NeedStatus, StoredValueInvalid> {
    stored(&m.status, "needs", m.id)
}

/// Names of the areas, users and services a page of needs refers to, loaded with three queries.
pub(crate) struct Names {
    areas: HashMap<Id, String>,
    users: HashMap<Id, String>,
    services: HashMap<Id, String>,
    /// The time the page is read at, which decides what is overdue.
    now: DateTime<Utc>,
}

impl Names {
    pub async fn load<C: ConnectionTrait>(db: &C, needs: &[need::Model], now: DateTime<Utc>) -> Result<Self, ApiError> {
        let area_ids: Vec<Id> = needs.iter().map(|n| n.area_id).collect();
        let user_ids: Vec<Id> = needs.iter().flat_map(|n| [n.owner_id, n.assignee_id]).flatten().collect();
        let areas =
            area::Entity::find().filter(area::Column::Id.is_in(area_ids)).all(db).await?.into_iter().map(|a| (a.id, a.name)).collect();
        let users = if user_ids.is_empty() {
            HashMap::new()
        } else {
            user::Entity::find()
                .filter(user::Column::Id.is_in(user_ids))
                .all(db)
                .await?
                .into_iter()
                .map(|u| (u.id, u.display_name))
                .collect()
        };
        let services = service_names(db, needs.iter().filter_map(|n| n.service_id).collect()).await?;
        Ok(Self { areas, users, services, now })
    }

    pub fn service(&self, id: Option<Id>) -> Option<String> {
        id.and_then(|id| self.services.get(&id).cloned())
    }

    pub fn user(&self, id: Option<Id>) -> Option<String> {
        id.and_then(|id| self.users.get(&id).cloned())
    }

    pub fn area(&self, id: Id) -> String {
        self.areas.get(&id).cloned().unwrap_or_default()
    }
}

/// The names of services a need or its timeline refers to.
pub(crate) async fn service_names<C: ConnectionTrait>(db: &C, ids: Vec<Id>) -> Result<HashMap<Id, String>, ApiError> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(service::Entity::find().filter(service::Column::Id.is_in(ids)).all(db).await?.into_iter().map(|s| (s.id, s.name)).collect())
}

/// The wire form of a need as `caller` may see it: the address masked unless they handle the need,
/// the contact masked unless it is their own need (those who handle it reveal it, audited: [`contact`]).
pub(crate) fn to_dto(m: need::Model, names: &Names, caller: &Caller) -> Result<Need, StoredValueInvalid> {
    let reveal = reveals_personal_data(caller, &m);
    let contact = shows_contact_unasked(caller, &m);
    dto(m, names, Reveal { address: reveal, contact })
}

/// The wire form with personal data masked, for webhooks and anyone who does not handle the need.
pub(crate) fn masked_dto(m: need::Model, names: &Names) -> Result<Need, StoredValueInvalid> {
    dto(m, names, Reveal { address: false, contact: false })
}

/// Which personal data of a need a DTO carries in full.
struct Reveal {
    /// The exact address and position.
    address: bool,
    /// The contact's name and phone.
    contact: bool,
}

fn dto(m: need::Model, names: &Names, Reveal { address: reveal, contact }: Reveal) -> Result<Need, StoredValueInvalid> {
    let round = |v: Option<f64>| if reveal { v } else { v.map(|x| (x * 100.0).round() / 100.0) };
    Ok(Need {
        id: m.id,
        status: status_of(&m)?,
        category: m.category.clone(),
        text: m.text.clone(),
        area_id: m.area_id,
        area_name: names.area(m.area_id),
        address: m.address.as_deref().map(|a| if reveal { a.to_owned() } else { mask_address(a) }),
        at_home: m.at_home,
        lat: round(m.lat),
        lng: round(m.lng),
        tags: stored_list(&m.tags, "needs", m.id)?,
        urgency: stored(&m.urgency, "needs", m.id)?,
        preferred_time: m.preferred_time,
        channel: stored(&m.channel, "needs", m.id)?,
        contact_name: m.contact_name.as_deref().map(|n| if contact { n.to_owned() } else { mask_name(n) }),
        contact_phone: m.contact_phone.as_deref().map(|p| if contact { p.to_owned() } else { mask_phone(p) }),
        resident_id: m.resident_id,
        owner_id: m.owner_id,
        owner_name: names.user(m.owner_id),
        assignee_id: m.assignee_id,
        assignee_name: names.user(m.assignee_id),
        service_id: m.service_id,
        service_name: names.service(m.service_id),
        missing: m.missing.as_deref().and_then(|j| serde_json::from_str(j).ok()).unwrap_or_default(),
        acceptance_due_at: m.acceptance_due_at,
        response_due_at: m.response_due_at,
        completion_due_at: m.completion_due_at,
        overdue: read::is_overdue(&m, names.now),
        escalated: m.escalated_at.is_some(),
        unclaimed: m.unclaimed,
        reopen_count: m.reopen_count,
        rating: m.rating,
        rating_comment: m.rating_comment,
        return_visit: m.return_visit,
        resolution: m.resolution,
        reason: m.reason,
        cosign_count: m.cosign_count,
        created_at: m.created_at,
        updated_at: m.updated_at,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_stored_sorted_between_commas_and_read_back() {
        let stored = encode_tags(&[TargetGroup::Disabled, TargetGroup::Elderly, TargetGroup::Elderly]);
        assert_eq!(stored, ",disabled,elderly,");
        assert_eq!(stored_list(&stored, "needs", 1), Ok(vec![TargetGroup::Disabled, TargetGroup::Elderly]));
        assert_eq!(stored_list::<TargetGroup>(",,", "needs", 1), Ok(vec![]));
    }
}
