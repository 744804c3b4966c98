//! Residents who signed up through the mini-program and wait for their residence check (待认证), a
//! few per demo community, so the verification list has someone to confirm or refuse; some are
//! already recorded in a target group (目标群体), so group-targeted surveys have someone to ask.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use shared::{Role, TargetGroup, Verification};

use super::communities::COMMUNITIES;
use crate::entities::{area, resident_target_group, user};
use crate::error::ApiError;
use crate::services::residents::{NO_PASSWORD, code_only_username};

const PER_COMMUNITY: usize = 3;
const NAMES: [&str; PER_COMMUNITY] = ["新住户", "租户", "随迁老人家属"];
/// The target groups of each of [`NAMES`].
const GROUPS: [&[TargetGroup]; PER_COMMUNITY] = [&[], &[TargetGroup::LowIncome], &[TargetGroup::Elderly]];

/// Creates the waiting residents that are missing; returns how many it created.
pub async fn seed<C: ConnectionTrait>(db: &C, now: DateTime<Utc>) -> Result<usize, ApiError> {
    let mut created = 0;
    for (n, c) in COMMUNITIES.iter().enumerate() {
        let Some(home) = area::Entity::find().filter(area::Column::Code.eq(c.code)).one(db).await? else { continue };
        for (k, name) in NAMES.iter().enumerate() {
            // 139 0000 nnkk: reserved for the demo, one block per community.
            let phone = format!("1390000{n:02}{k:02}");
            if user::Entity::find().filter(user::Column::Phone.eq(phone.as_str())).one(db).await?.is_some() {
                continue;
            }
            let signed_up = now - Duration::hours(6 * (k as i64 + 1));
            let saved = user::ActiveModel {
                username: Set(code_only_username()),
                display_name: Set(format!("{}{}", c.name, name)),
                role: Set(Role::Resident.as_str().into()),
                area_id: Set(home.id),
                password_hash: Set(NO_PASSWORD.into()),
                active: Set(true),
                demo: Set(true),
                phone: Set(Some(phone)),
                verification: Set(Verification::Pending.as_str().into()),
                signed_up_at: Set(Some(signed_up)),
                created_at: Set(signed_up),
                updated_at: Set(signed_up),
                ..Default::default()
            }
            .insert(db)
            .await?;
            for g in GROUPS[k] {
                resident_target_group::ActiveModel {
                    resident_id: Set(saved.id),
                    target_group: Set(g.as_str().into()),
                    ..Default::default()
                }
                .insert(db)
                .await?;
            }
            created += 1;
        }
    }
    Ok(created)
}
