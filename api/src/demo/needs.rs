//! Demo needs: a few hundred, deterministic, spread over the ten communities, the last six months and
//! every state — each one walked through the real lifecycle (`apply`) at back-dated times, so the
//! timelines, deadlines and (later) KPIs have something true to show.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};
use shared::{Channel, NeedAction, NeedActionRequest, NewNeed, TargetGroup, Urgency};

use crate::domain::caller::Caller;
use crate::domain::need_categories::CATEGORIES;
use crate::entities::{area, need};
use crate::error::ApiError;
use crate::services::needs::{Actor, apply, submit};

/// How many demo needs to create.
pub const DEMO_NEEDS: usize = 300;

/// A small deterministic generator (SplitMix64) so every demo database is the same.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

const TEXTS: &[(&str, &str)] = &[
    ("elderly_care", "独居老人需要每周上门助浴、助洁"),
    ("elderly_care", "80岁以上老人希望社区食堂送餐上门"),
    ("childcare", "双职工家庭需要临时托育服务"),
    ("minors", "困境儿童需要课后辅导和陪伴"),
    ("disability", "残疾人家庭申请辅具适配和康复指导"),
    ("employment", "失业人员希望获得职业技能培训信息"),
    ("health", "慢性病老人需要家庭医生上门随访"),
    ("mental_health", "居民情绪低落，希望获得心理疏导"),
    ("education", "希望社区开设老年智能手机课程"),
    ("culture_sports", "广场舞队需要固定的活动场地"),
    ("legal", "咨询房屋租赁纠纷的法律问题"),
    ("emergency", "楼道堆放杂物，存在消防隐患"),
    ("property", "电梯经常故障，需要物业维修"),
    ("property", "小区路灯损坏，夜间出行不便"),
    ("housekeeping", "需要家政人员定期保洁"),
    ("convenience", "希望小区增设快递柜和便民维修点"),
    ("social_assistance", "低保家庭申请临时救助"),
    ("veterans", "退役军人咨询优待政策"),
    ("safety", "小区门禁损坏，陌生人随意进出"),
    ("dispute", "邻里之间因噪音发生矛盾，需要调解"),
];

const NAMES: &[&str] = &["张阿姨", "李大爷", "王女士", "刘先生", "陈奶奶", "杨阿姨", "赵大爷", "黄女士"];

/// How far along the lifecycle a demo need goes (walked in this order).
const PATH: &[NeedAction] = &[
    NeedAction::Accept,
    NeedAction::Dispatch,
    NeedAction::Claim,
    NeedAction::Start,
    NeedAction::Resolve,
    NeedAction::Rate,
    NeedAction::Close,
];

fn request(action: NeedAction, note: Option<&str>) -> NeedActionRequest {
    NeedActionRequest {
        action,
        note: note.map(str::to_owned),
        missing: None,
        assignee_id: None,
        service_id: None,
        rating: None,
        hours: None,
    }
}

use super::demo_caller as caller;

/// Creates the demo needs unless there are needs already.
pub async fn seed<C: ConnectionTrait>(db: &C, now: DateTime<Utc>) -> Result<usize, ApiError> {
    if need::Entity::find().count(db).await? > 0 {
        return Ok(0);
    }
    let communities = area::Entity::find().filter(area::Column::Kind.eq("community")).all(db).await?;
    let admin = caller(db, "admin").await?;
    let mut locals: Vec<(area::Model, Caller, Caller, Caller)> = Vec::new();
    for community in &communities {
        // Only the demo communities have local demo accounts.
        let Some(n) = super::communities::COMMUNITIES.iter().position(|c| c.name == community.name) else { continue };
        let (volunteer, resident) = super::local_usernames(n);
        // 缤纷社区 has a community worker account; elsewhere the platform admin stands in for local staff.
        let staff = if n == 0 { caller(db, "community").await? } else { admin.clone() };
        locals.push((community.clone(), staff, caller(db, &volunteer).await?, caller(db, &resident).await?));
    }
    if locals.is_empty() {
        return Ok(0);
    }
    let mut dice = Dice(20_251_124);
    let mut created = 0;
    for i in 0..DEMO_NEEDS {
        let (community, staff, volunteer, resident_account) = &locals[i % locals.len()];
        let resident = (dice.below(2) == 0).then_some(resident_account);
        let (category, text) = *dice.pick(TEXTS);
        debug_assert!(CATEGORIES.iter().any(|c| c.code == category));
        let mut at = now - Duration::minutes(dice.below(180 * 24 * 60) as i64);
        let urgency = match dice.below(10) {
            0 => Urgency::Emergency,
            1 | 2 => Urgency::Urgent,
            _ => Urgency::Normal,
        };
        let tags = match category {
            "elderly_care" | "health" => vec![TargetGroup::Elderly],
            "disability" => vec![TargetGroup::Disabled],
            "minors" => vec![TargetGroup::ChildrenInDifficulty],
            "social_assistance" => vec![TargetGroup::LowIncome],
            "veterans" => vec![TargetGroup::Veterans],
            _ => vec![],
        };
        let new = NewNeed {
            category: category.into(),
            text: text.into(),
            area_id: community.id,
            address: Some(format!("{}{}幢{}单元", community.name, 1 + dice.below(20), 1 + dice.below(4))),
            // Every demo need has an address, so one asking for a visit (上门) may say so.
            at_home: text.contains("上门"),
            lat: None,
            lng: None,
            tags,
            urgency,
            preferred_time: None,
            channel: if resident.is_some() {
                Channel::MiniProgram
            } else {
                *dice.pick(&[Channel::Phone, Channel::Visit, Channel::GridPatrol])
            },
            contact_name: Some((*dice.pick(NAMES)).into()),
            contact_phone: Some(format!("139{:08}", dice.below(100_000_000))),
        };
        let submitter = resident.unwrap_or(staff);
        let detail = submit(db, submitter, &new, at, None).await?;
        let mut current = need::Entity::find_by_id(detail.need.id).one(db).await?.ok_or(ApiError::NotFound("need"))?;
        created += 1;

        // Where this need stops: a few refused or cancelled, the rest spread along the path.
        match dice.below(20) {
            0 => {
                at += Duration::hours(2);
                apply(
                    db,
                    &Actor::Caller(staff),
                    current,
                    &request(NeedAction::Reject, Some("不属于社区服务范围，已转交相关部门")),
                    at,
                    None,
                )
                .await?;
                continue;
            }
            1 => {
                at += Duration::hours(1);
                apply(db, &Actor::Caller(staff), current, &request(NeedAction::Cancel, Some("居民来电撤销")), at, None).await?;
                continue;
            }
            _ => {}
        }
        let stop = dice.below(PATH.len() as u64 + 3) as usize; // weight towards the full path
        for action in PATH.iter().take(stop.min(PATH.len())) {
            let step = Duration::minutes(
                30 + dice.below(match action {
                    NeedAction::Resolve => 48 * 60,
                    NeedAction::Close => 3 * 24 * 60,
                    _ => 6 * 60,
                }) as i64,
            );
            if at + step > now {
                break;
            }
            at += step;
            let mut req = request(*action, None);
            let actor = match action {
                NeedAction::Accept | NeedAction::Dispatch | NeedAction::Close => Actor::Caller(staff),
                NeedAction::Claim | NeedAction::Start | NeedAction::Resolve => Actor::Caller(volunteer),
                NeedAction::Rate => match resident {
                    Some(r) => Actor::Caller(r),
                    None => break,
                },
                _ => Actor::System,
            };
            match action {
                NeedAction::Dispatch => req.assignee_id = Some(volunteer.id),
                NeedAction::Resolve => {
                    req.note = Some("已上门办理完毕".into());
                    req.hours = Some(0.5 + dice.below(6) as f64 * 0.5);
                }
                NeedAction::Rate => req.rating = Some([5, 5, 4, 5, 3, 4, 5, 2][dice.below(8) as usize]),
                _ => {}
            }
            current = apply(db, &actor, current, &req, at, None).await?;
            if *action == NeedAction::Rate && req.rating.is_some_and(|r| r <= 2) {
                break;
            }
        }
    }
    Ok(created)
}
