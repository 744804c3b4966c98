//! The consultation vocabulary as the pages use it: the board's stages in lifecycle order, grouping
//! topics into them, which allowed actions are steps of `POST /topics/{id}/actions` (the others have
//! forms of their own), and the arithmetic shown beside a meeting's vote (attendance against the
//! quorum, votes for against the pass line).

use shared::{Meeting, ParticipantKind, Topic, TopicAction, TopicCategory, TopicStatus};

use crate::common::i18n::I18n;

/// The board's columns, left to right: the lifecycle's order, the two ends (不予立案, 办结) last.
pub const STAGES: [TopicStatus; 11] = [
    TopicStatus::Proposed,
    TopicStatus::Cosigning,
    TopicStatus::Filed,
    TopicStatus::Referred,
    TopicStatus::InConsultation,
    TopicStatus::Decided,
    TopicStatus::ResultPublished,
    TopicStatus::Implementing,
    TopicStatus::Reviewed,
    TopicStatus::Closed,
    TopicStatus::Declined,
];

pub const CATEGORIES: [TopicCategory; 7] = TopicCategory::ALL;

pub const PARTICIPANT_KINDS: [ParticipantKind; 6] = ParticipantKind::ALL;

/// The topics of each stage in [`STAGES`] order, each column keeping the order the list came in.
pub fn group_by_stage(topics: &[Topic]) -> Vec<(TopicStatus, Vec<Topic>)> {
    STAGES.iter().map(|stage| (*stage, topics.iter().filter(|t| t.status == *stage).cloned().collect())).collect()
}

/// Steps taken through `POST /topics/{id}/actions`; 召开协商会 (convene), 备案 (decide), 落实
/// (implement), 联名 and 评议 have endpoints and forms of their own.
pub fn is_step(action: TopicAction) -> bool {
    matches!(
        action,
        TopicAction::Publish
            | TopicAction::File
            | TopicAction::Decline
            | TopicAction::Refer
            | TopicAction::PublishResult
            | TopicAction::OpenReview
            | TopicAction::Close
    )
}

/// The note of a decline is its reason and must be given.
pub fn needs_reason(action: TopicAction) -> bool {
    action == TopicAction::Decline
}

/// 公示 and 结果公示 stay up for a number of days.
pub fn takes_notice_days(action: TopicAction) -> bool {
    matches!(action, TopicAction::Publish | TopicAction::PublishResult)
}

/// Actions that end or refuse; drawn apart from the main ones.
pub fn is_negative(action: TopicAction) -> bool {
    action == TopicAction::Decline
}

/// Invited and attending participants in total (attending: only once the decision is recorded).
pub fn attendance(meeting: &Meeting) -> (i32, Option<i32>) {
    let invited = meeting.participants.iter().map(|p| p.invited).sum();
    let attended = meeting.participants.iter().map(|p| p.attended).sum::<Option<i32>>();
    (invited, attended)
}

/// Percent of `part` in `whole`, one decimal; none when `whole` is 0.
pub fn percent(part: i32, whole: i32) -> Option<f64> {
    (whole > 0).then(|| (f64::from(part) * 1000.0 / f64::from(whole)).round() / 10.0)
}

impl I18n {
    /// 协商中 / In consultation. Tracked.
    pub fn topic_status(&self, status: TopicStatus) -> String {
        self.dynamic(words!("tstatus"), status.as_str())
    }

    /// 立案 / File. Tracked.
    pub fn topic_action(&self, action: TopicAction) -> String {
        self.dynamic(words!("taction"), action.as_str())
    }
}

#[cfg(test)]
mod tests {
    use chrono::Utc;
    use shared::{Participants, ProposerKind};

    use super::*;

    fn topic(id: i64, status: TopicStatus) -> Topic {
        Topic {
            id,
            status,
            category: TopicCategory::PublicSpace,
            title: format!("议题 {id}"),
            text: String::new(),
            community_id: 5,
            community_name: "缤纷社区".into(),
            area_id: 5,
            area_name: "缤纷社区".into(),
            proposer_kind: ProposerKind::Staff,
            proposer_org: None,
            proposer_name: None,
            cosign_count: 0,
            cosign_threshold: 1,
            cosigned: false,
            notice_starts_at: None,
            notice_ends_at: None,
            result_notice_starts_at: None,
            result_notice_ends_at: None,
            decline_reason: None,
            decision: None,
            program_id: None,
            need_ids: vec![],
            rating_count: 0,
            rating_average: None,
            my_rating: None,
            created_at: Utc::now(),
            updated_at: Utc::now(),
        }
    }

    #[test]
    fn every_state_is_a_column_of_the_board_once() {
        for status in TopicStatus::ALL {
            assert_eq!(STAGES.iter().filter(|s| **s == status).count(), 1, "{status:?}");
        }
    }

    #[test]
    fn topics_fall_into_their_stage_in_the_order_they_came() {
        let topics = [topic(3, TopicStatus::Filed), topic(2, TopicStatus::Proposed), topic(1, TopicStatus::Filed)];
        let board = group_by_stage(&topics);
        assert_eq!(board.len(), STAGES.len());
        let ids = |status| board.iter().find(|(s, _)| *s == status).map(|(_, ts)| ts.iter().map(|t| t.id).collect::<Vec<_>>());
        assert_eq!(ids(TopicStatus::Filed), Some(vec![3, 1]));
        assert_eq!(ids(TopicStatus::Proposed), Some(vec![2]));
        assert_eq!(ids(TopicStatus::Closed), Some(vec![]));
    }

    #[test]
    fn meetings_votes_links_and_co_signing_are_not_steps() {
        for action in [TopicAction::Convene, TopicAction::Decide, TopicAction::Implement, TopicAction::Cosign, TopicAction::Rate] {
            assert!(!is_step(action), "{action:?}");
        }
        assert!(is_step(TopicAction::File) && is_step(TopicAction::Refer) && needs_reason(TopicAction::Decline));
    }

    #[test]
    fn attendance_is_counted_only_once_every_kind_is_recorded() {
        let mut meeting = Meeting {
            id: 1,
            topic_id: 1,
            held_at: Utc::now(),
            place: None,
            online: true,
            participants: vec![
                Participants { kind: ParticipantKind::Residents, invited: 30, attended: None },
                Participants { kind: ParticipantKind::Experts, invited: 2, attended: None },
            ],
            options: vec![],
            minutes: None,
            decision: None,
            votes_for: None,
            votes_against: None,
            votes_abstaining: None,
            outcome: None,
            quorum_present_pct: None,
            pass_pct: None,
            recorded_at: None,
            signed_in: 0,
            signed_in_voted: 0,
        };
        assert_eq!(attendance(&meeting), (32, None));
        meeting.participants[0].attended = Some(24);
        meeting.participants[1].attended = Some(2);
        assert_eq!(attendance(&meeting), (32, Some(26)));
        assert_eq!(percent(26, 32), Some(81.3));
        assert_eq!(percent(1, 0), None);
    }
}
