//! Demo consultation topics (民主协商) in 缤纷社区, one at each stage of the lifecycle, moved there
//! through the real service functions: proposed, on notice for co-signing, filed, in consultation
//! with a meeting waiting for its decision, being implemented through a program, and under review.
//! The community files a topic at one co-signer, as a small community may set it. The topic under
//! review is left for the demo resident to rate.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ConnectionTrait, EntityTrait, PaginatorTrait};
use shared::{
    Attended, ConsultationSettings, Id, Invited, MeetingDecision, NewMeeting, NewTopic, ParticipantKind, ProposerKind, SignedIn,
    ThresholdKind, TopicAction, TopicActionRequest, TopicCategory, TopicLink,
};

use super::demo_caller as caller;
use crate::entities::{area, program, topic};
use crate::error::ApiError;
use crate::services::consultation;

/// How far a demo topic goes.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Stage {
    Proposed,
    Cosigning,
    Filed,
    InConsultation,
    Implementing,
    Reviewed,
}

/// (stage, category, title, text), in the order they are created (ids 1–6 on a fresh database).
const TOPICS: [(Stage, TopicCategory, &str, &str); 6] = [
    (
        Stage::Proposed,
        TopicCategory::PublicOrder,
        "楼道堆放杂物清理与消防通道管理",
        "多个单元楼道长期堆放杂物，影响消防通道畅通，请居民共同商议清理办法和日常管理规则。",
    ),
    (Stage::Cosigning, TopicCategory::PublicSpace, "小区东门电动车充电棚选址", "东门空地是否建设电动车充电棚，请居民共同商议。"),
    (Stage::Filed, TopicCategory::Services, "老年食堂就餐时段调整", "老年食堂午餐时段较短，独居老人希望延长供餐时间并增加送餐上门。"),
    (Stage::InConsultation, TopicCategory::PublicSpace, "口袋公园改造方案", "社区西侧闲置绿地拟改造为口袋公园，需商定功能分区和维护方式。"),
    (Stage::Implementing, TopicCategory::Facilities, "老旧小区加装电梯费用分摊", "3幢、5幢居民申请加装电梯，需协商各楼层费用分摊比例。"),
    (
        Stage::Reviewed,
        TopicCategory::PropertyManagement,
        "垃圾分类投放点调整",
        "现有投放点距离部分楼栋过远，协商调整投放点位置和开放时间。",
    ),
];

/// Seeds the demo topics once (none are added when any topic exists); returns how many.
pub async fn seed<C: ConnectionTrait>(db: &C, now: DateTime<Utc>) -> Result<usize, ApiError> {
    if topic::Entity::find().count(db).await? > 0 {
        return Ok(0);
    }
    let staff = caller(db, "community").await?;
    let resident = caller(db, "resident").await?;
    let community = staff.area_id;
    let one_cosigner = ConsultationSettings {
        threshold_kind: ThresholdKind::Count,
        threshold_count: 1,
        household_share_pct: None,
        quorum_present_pct: 50,
        pass_pct: 50,
    };
    consultation::set_settings(db, &staff, community, &one_cosigner, now, None).await?;
    let program = running_program(db, community).await?;
    for (stage, category, title, text) in TOPICS {
        let new = NewTopic {
            area_id: community,
            category,
            title: title.into(),
            text: text.into(),
            proposer_kind: ProposerKind::Staff,
            proposer_org: None,
            need_ids: vec![],
        };
        let id = consultation::propose(db, &staff, &new, now, None).await?.topic.id;
        let step = |action| TopicActionRequest { action, note: None, notice_days: Some(14) };
        if stage >= Stage::Cosigning {
            consultation::act(db, &staff, id, &step(TopicAction::Publish), now, None).await?;
        }
        if stage >= Stage::Filed {
            consultation::cosign(db, &resident, id, now, None).await?;
            consultation::act(db, &staff, id, &TopicActionRequest { notice_days: None, ..step(TopicAction::File) }, now, None).await?;
        }
        if stage >= Stage::InConsultation {
            hold_meeting(db, &staff, id, now, stage > Stage::InConsultation, resident.id).await?;
        }
        if stage >= Stage::Implementing {
            consultation::act(db, &staff, id, &step(TopicAction::PublishResult), now, None).await?;
            let to = TopicLink { program_id: program, need_ids: vec![] };
            consultation::link(db, &staff, id, &to, now, None).await?;
        }
        if stage >= Stage::Reviewed {
            consultation::act(db, &staff, id, &TopicActionRequest { notice_days: None, ..step(TopicAction::OpenReview) }, now, None)
                .await?;
        }
    }
    Ok(TOPICS.len())
}

/// A meeting a week ago with residents and the property company; `decided` records its vote, with
/// the demo resident on the sign-in sheet as a voter.
async fn hold_meeting<C: ConnectionTrait>(
    db: &C,
    staff: &crate::domain::caller::Caller,
    id: Id,
    now: DateTime<Utc>,
    decided: bool,
    resident: Id,
) -> Result<(), ApiError> {
    let new = NewMeeting {
        held_at: now - Duration::days(7),
        place: Some("社区党群服务中心二楼会议室".into()),
        online: false,
        participants: vec![
            Invited { kind: ParticipantKind::Residents, invited: 30 },
            Invited { kind: ParticipantKind::PropertyCompany, invited: 2 },
        ],
        options: vec!["按方案实施".into(), "暂缓实施".into()],
    };
    let detail = consultation::create_meeting(db, staff, id, &new, now, None).await?;
    if decided {
        let meeting = detail.meetings.last().map(|m| m.id).ok_or_else(|| ApiError::Unexpected(anyhow::anyhow!("meeting not kept")))?;
        let decision = MeetingDecision {
            attended: vec![
                Attended { kind: ParticipantKind::Residents, attended: 24 },
                Attended { kind: ParticipantKind::PropertyCompany, attended: 2 },
            ],
            minutes: "与会居民代表充分讨论，物业说明了实施条件和费用。".into(),
            decision: "按方案实施，物业负责日常管理，三个月后评议。".into(),
            votes_for: 20,
            votes_against: 3,
            votes_abstaining: 1,
            signed_in: vec![SignedIn { resident_id: resident, voted: true }],
        };
        consultation::record_decision(db, staff, id, meeting, &decision, now, None).await?;
    }
    Ok(())
}

/// The community's running program, if the demo has one, for the topic being implemented.
async fn running_program<C: ConnectionTrait>(db: &C, community: Id) -> Result<Option<Id>, ApiError> {
    use sea_orm::{ColumnTrait, QueryFilter};
    let Some(home) = area::Entity::find_by_id(community).one(db).await? else { return Ok(None) };
    let found = program::Entity::find()
        .filter(program::Column::AreaPath.starts_with(&home.path))
        .filter(program::Column::Status.eq(shared::ProgramStatus::InProgress.as_str()))
        .one(db)
        .await?;
    Ok(found.map(|p| p.id))
}
