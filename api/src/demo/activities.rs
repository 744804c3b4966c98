//! Demo volunteer activities (志愿活动) of 缤纷社区, through the real service functions: two open
//! for sign-up in the coming days (the demo volunteer signed up for both, the second one full with a
//! waiting list), and a draft. No attendance yet, so no hours are credited by the demo.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ConnectionTrait, EntityTrait, PaginatorTrait};
use shared::{ActivityAction, ActivityActionRequest, ActivityInput};

use super::demo_caller as caller;
use crate::entities::activity;
use crate::error::ApiError;
use crate::services::activities::{manage, signups};

/// (title, description, address, starts in days, hours long, capacity, publish)
const ACTIVITIES: [(&str, &str, &str, i64, i64, i64, bool); 3] = [
    ("周末助老清洁", "为独居老人打扫房间、整理物品，自带手套", "缤纷社区党群服务中心集合", 2, 3, 20, true),
    ("垃圾分类宣传", "在小区入口向居民讲解垃圾分类，发放宣传册", "缤纷小区东门", 5, 2, 1, true),
    ("社区义诊志愿服务", "协助社区卫生服务中心开展义诊，负责引导和登记", "缤纷社区广场", 12, 4, 10, false),
];

/// Seeds the demo activities once (nothing when any activity exists); returns how many.
pub async fn seed<C: ConnectionTrait>(db: &C, now: DateTime<Utc>) -> Result<usize, ApiError> {
    if activity::Entity::find().count(db).await? > 0 {
        return Ok(0);
    }
    let staff = caller(db, "community").await?;
    let volunteer = caller(db, "volunteer").await?;
    let resident = caller(db, "resident").await?;
    let mut created = 0;
    for (title, description, address, in_days, hours, capacity, publish) in ACTIVITIES {
        let starts_at = now + Duration::days(in_days);
        let input = ActivityInput {
            area_id: staff.area_id,
            provider_id: None,
            title: title.into(),
            description: description.into(),
            space_id: None,
            address: Some(address.into()),
            starts_at,
            ends_at: starts_at + Duration::hours(hours),
            capacity,
            credit_minutes: hours * 60,
        };
        let saved = manage::create(db, &staff, &input, now, None).await?;
        created += 1;
        if publish {
            let open = ActivityActionRequest { action: ActivityAction::Publish, note: None };
            manage::act(db, &staff, saved.id, &open, now, None).await?;
            signups::sign_up(db, &volunteer, saved.id, now).await?;
            signups::sign_up(db, &resident, saved.id, now).await?;
        }
    }
    Ok(created)
}
