//! The consultation topic lifecycle (民主协商议事流程), in one table: every allowed
//! (state, action, party) and the state it leads to. Anything not in the table is refused with 409
//! and the actions that are allowed. Seed 003: 议题提出、立案、落实、评议; seed 004's 三级六步:
//! 确定议题、审查议题、公示议题、协商、备案、结果公示.

use shared::TopicAction::{self, *};
use shared::TopicStatus::{self, *};

/// Who acts, relative to the topic. A caller may be several at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Party {
    /// Staff (community level and up) whose scope holds the area the topic is run at.
    Staff,
    /// A resident of the topic's community (verified residence is checked where it matters).
    Resident,
}

use Party::{Resident, Staff};

/// (from, action, party, to). Co-signing, further meetings, further links and ratings keep the state.
pub const TABLE: &[(TopicStatus, TopicAction, Party, TopicStatus)] = &[
    // 审查议题 → 公示议题: the notice window opens; residents co-sign (联名).
    (Proposed, Publish, Staff, Cosigning),
    (Cosigning, Cosign, Resident, Cosigning),
    // 立案 (once the threshold is reached) or 不予立案 with a reason.
    (Cosigning, File, Staff, Filed),
    (Proposed, Decline, Staff, Declined),
    (Cosigning, Decline, Staff, Declined),
    // 小事不出社区、大事不出街道: community → street → district.
    (Filed, Refer, Staff, Referred),
    (Referred, Refer, Staff, Referred),
    // 协商: meetings are held; one whose vote passes under the quorum rule decides (备案).
    (Filed, Convene, Staff, InConsultation),
    (Referred, Convene, Staff, InConsultation),
    (InConsultation, Convene, Staff, InConsultation),
    (InConsultation, Decide, Staff, Decided),
    // No agreement can be reached: closed without a decision, with the reason.
    (InConsultation, Decline, Staff, Declined),
    // 结果公示 → 落实 → 评议 → 办结
    (Decided, PublishResult, Staff, ResultPublished),
    (ResultPublished, Implement, Staff, Implementing),
    (Implementing, Implement, Staff, Implementing),
    (Implementing, OpenReview, Staff, Reviewed),
    (Reviewed, Rate, Resident, Reviewed),
    (Reviewed, Close, Staff, Closed),
];

/// The state `action` by any of `parties` leads to from `from`, if the table allows it.
pub fn next(from: TopicStatus, action: TopicAction, parties: &[Party]) -> Option<TopicStatus> {
    TABLE.iter().find(|(f, a, p, _)| *f == from && *a == action && parties.contains(p)).map(|(_, _, _, to)| *to)
}

/// The actions `parties` may take in `from`, each once, in table order.
pub fn allowed(from: TopicStatus, parties: &[Party]) -> Vec<TopicAction> {
    let mut actions: Vec<TopicAction> = Vec::new();
    for (f, a, p, _) in TABLE {
        if *f == from && parties.contains(p) && !actions.contains(a) {
            actions.push(*a);
        }
    }
    actions
}

/// Actions taken through an endpoint of their own (proposal, co-sign, meetings, links, ratings), never
/// through `POST /topics/{id}/actions`.
pub fn has_own_endpoint(action: TopicAction) -> bool {
    matches!(action, Propose | Cosign | Convene | Decide | Implement | Rate)
}

/// Declining says why; every other action's note is optional.
pub fn needs_note(action: TopicAction) -> bool {
    action == Decline
}

/// Publishing a topic or its result opens a notice window of `notice_days`; no other action takes one.
pub fn takes_notice_days(action: TopicAction) -> bool {
    matches!(action, Publish | PublishResult)
}

/// A topic proposed for a resident unit or an organisation names it.
pub fn names_organisation(kind: shared::ProposerKind) -> bool {
    matches!(kind, shared::ProposerKind::ResidentUnit | shared::ProposerKind::Organisation)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staff_publish_a_proposed_topic_for_co_signing() {
        assert_eq!(next(Proposed, Publish, &[Staff]), Some(Cosigning));
        assert_eq!(next(Proposed, Publish, &[Resident]), None);
    }

    #[test]
    fn only_residents_co_sign_and_only_while_it_is_on_notice() {
        assert_eq!(next(Cosigning, Cosign, &[Resident]), Some(Cosigning));
        assert_eq!(next(Cosigning, Cosign, &[Staff]), None);
        assert_eq!(next(Filed, Cosign, &[Resident]), None);
    }

    #[test]
    fn a_topic_is_filed_or_declined_by_staff() {
        assert_eq!(next(Cosigning, File, &[Staff]), Some(Filed));
        assert_eq!(next(Cosigning, Decline, &[Staff]), Some(Declined));
        assert_eq!(next(Proposed, File, &[Staff]), None, "filing needs the notice first");
    }

    #[test]
    fn referral_goes_up_and_a_referred_topic_can_still_be_consulted_on() {
        assert_eq!(next(Filed, Refer, &[Staff]), Some(Referred));
        assert_eq!(next(Referred, Refer, &[Staff]), Some(Referred));
        assert_eq!(next(Referred, Convene, &[Staff]), Some(InConsultation));
    }

    #[test]
    fn a_meeting_that_does_not_decide_keeps_the_topic_in_consultation() {
        assert_eq!(next(InConsultation, Convene, &[Staff]), Some(InConsultation));
        assert_eq!(next(InConsultation, Decide, &[Staff]), Some(Decided));
    }

    #[test]
    fn residents_rate_only_during_review() {
        assert_eq!(next(Reviewed, Rate, &[Resident]), Some(Reviewed));
        assert_eq!(next(Implementing, Rate, &[Resident]), None);
        assert_eq!(next(Reviewed, Rate, &[Staff]), None);
    }

    #[test]
    fn nothing_leads_out_of_an_end_state() {
        for status in TopicStatus::ALL.into_iter().filter(|s| s.is_final()) {
            assert!(allowed(status, &[Staff, Resident]).is_empty(), "{status:?}");
        }
    }

    #[test]
    fn every_state_but_the_ends_has_a_way_out() {
        for status in TopicStatus::ALL.into_iter().filter(|s| !s.is_final()) {
            assert!(!allowed(status, &[Staff, Resident]).is_empty(), "{status:?}");
        }
    }

    #[test]
    fn every_state_is_reachable_from_proposed() {
        let mut reached = vec![Proposed];
        let mut frontier = vec![Proposed];
        while let Some(state) = frontier.pop() {
            for (f, _, _, to) in TABLE {
                if *f == state && !reached.contains(to) {
                    reached.push(*to);
                    frontier.push(*to);
                }
            }
        }
        assert_eq!(reached.len(), TopicStatus::ALL.len());
    }

    #[test]
    fn the_whole_path_walks_the_table_in_the_seed_order() {
        let path = [
            (Publish, Staff),
            (Cosign, Resident),
            (File, Staff),
            (Convene, Staff),
            (Decide, Staff),
            (PublishResult, Staff),
            (Implement, Staff),
            (OpenReview, Staff),
            (Rate, Resident),
            (Close, Staff),
        ];
        let mut state = Proposed;
        for (action, party) in path {
            state = next(state, action, &[party]).unwrap_or_else(|| panic!("{action:?} from {state:?}"));
        }
        assert_eq!(state, Closed);
    }

    #[test]
    fn every_allowed_and_refused_transition_matches_the_table() {
        for from in TopicStatus::ALL {
            for action in TopicAction::ALL {
                for parties in [&[Staff][..], &[Resident][..], &[Staff, Resident][..], &[][..]] {
                    let in_table = TABLE.iter().any(|(f, a, p, _)| *f == from && *a == action && parties.contains(p));
                    assert_eq!(next(from, action, parties).is_some(), in_table, "{from:?} {action:?} {parties:?}");
                    assert_eq!(allowed(from, parties).contains(&action), in_table);
                }
            }
        }
    }
}
