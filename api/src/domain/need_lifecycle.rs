//! The need lifecycle, in one table: every allowed (state, action, party) and the state it leads to.
//! Anything not in the table is refused with 409 and the actions that are allowed.

use shared::NeedAction::{self, *};
use shared::NeedStatus::{self, *};

/// Who acts, relative to the need. A caller may be several at once (staff dispatching to themselves).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Party {
    /// The resident the need belongs to.
    Resident,
    /// Staff whose scope holds the need's area (community staff, grid workers, street and district staff).
    Staff,
    /// The provider, volunteer or staff member the need is dispatched to.
    Assignee,
    /// The platform itself: deadlines, claim windows, low ratings.
    System,
}

use Party::{Assignee, Resident, Staff, System};

/// (from, action, party, to). Escalation flags a need without moving it.
pub const TABLE: &[(NeedStatus, NeedAction, Party, NeedStatus)] = &[
    // 受理 (首问负责), 退回 (一次告知), 不予受理
    (Submitted, Accept, Staff, Accepted),
    (Submitted, Return, Staff, Returned),
    (Submitted, Reject, Staff, Rejected),
    (Accepted, Reject, Staff, Rejected),
    (Returned, Resubmit, Resident, Submitted),
    (Returned, Resubmit, Staff, Submitted),
    // 社区派单 → 接单 / 拒单 / 超时未接
    (Accepted, Dispatch, Staff, Dispatched),
    (Dispatched, Dispatch, Staff, Dispatched),
    (Dispatched, Claim, Assignee, Claimed),
    (Dispatched, Decline, Assignee, Accepted),
    (Dispatched, ClaimTimeout, System, Accepted),
    // 办理 → 办结
    (Claimed, Start, Assignee, InProgress),
    (Claimed, Resolve, Assignee, Resolved),
    (InProgress, Resolve, Assignee, Resolved),
    // 评价; a low rating or an objection reopens the need
    (Resolved, Rate, Resident, Rated),
    // 回访: staff call the resident and record the rating they gave on the phone.
    (Resolved, ReturnVisit, Staff, Rated),
    (Resolved, Object, Resident, Accepted),
    (Rated, Object, Resident, Accepted),
    (Rated, Reopen, System, Accepted),
    (Rated, Close, Staff, Closed),
    (Rated, Close, System, Closed),
    // Unrated for too long: closed by the platform.
    (Resolved, Close, System, Closed),
    // 撤销
    (Submitted, Cancel, Resident, Cancelled),
    (Returned, Cancel, Resident, Cancelled),
    (Accepted, Cancel, Resident, Cancelled),
    (Submitted, Cancel, Staff, Cancelled),
    (Returned, Cancel, Staff, Cancelled),
    (Accepted, Cancel, Staff, Cancelled),
    (Dispatched, Cancel, Staff, Cancelled),
    // 街镇吹哨: overdue needs are flagged for the street, state unchanged; a need left unaccepted
    // past its acceptance deadline (受理时限) too.
    (Submitted, Escalate, System, Submitted),
    (Accepted, Escalate, System, Accepted),
    (Dispatched, Escalate, System, Dispatched),
    (Claimed, Escalate, System, Claimed),
    (InProgress, Escalate, System, InProgress),
];

/// The state `action` by any of `parties` leads to from `from`, if the table allows it.
pub fn next(from: NeedStatus, action: NeedAction, parties: &[Party]) -> Option<NeedStatus> {
    TABLE.iter().find(|(f, a, p, _)| *f == from && *a == action && parties.contains(p)).map(|(_, _, _, to)| *to)
}

/// The actions `parties` may take in `from`, each once, in table order.
pub fn allowed(from: NeedStatus, parties: &[Party]) -> Vec<NeedAction> {
    let mut actions: Vec<NeedAction> = Vec::new();
    for (f, a, p, _) in TABLE {
        if *f == from && parties.contains(p) && !actions.contains(a) {
            actions.push(*a);
        }
    }
    actions
}

/// Actions only the platform takes; no caller may ask for them through the API. (提交 has no row:
/// it is the submission itself, not a move on the table.)
pub fn is_system_only(action: NeedAction) -> bool {
    let mut rows = TABLE.iter().filter(|(_, a, _, _)| *a == action).peekable();
    rows.peek().is_some() && rows.all(|(_, _, p, _)| *p == System)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn staff_accept_a_submitted_need() {
        assert_eq!(next(Submitted, Accept, &[Staff]), Some(Accepted));
    }

    #[test]
    fn a_resident_cannot_accept_their_own_need() {
        assert_eq!(next(Submitted, Accept, &[Resident]), None);
    }

    #[test]
    fn only_the_assignee_claims_a_dispatched_need() {
        assert_eq!(next(Dispatched, Claim, &[Assignee]), Some(Claimed));
        assert_eq!(next(Dispatched, Claim, &[Staff]), None);
        assert_eq!(next(Dispatched, Claim, &[Resident]), None);
    }

    #[test]
    fn dispatching_a_closed_need_is_rejected() {
        assert_eq!(next(Closed, Dispatch, &[Staff]), None);
    }

    #[test]
    fn a_declined_or_unclaimed_dispatch_goes_back_to_the_queue() {
        assert_eq!(next(Dispatched, Decline, &[Assignee]), Some(Accepted));
        assert_eq!(next(Dispatched, ClaimTimeout, &[System]), Some(Accepted));
    }

    #[test]
    fn an_objection_reopens_a_resolved_need() {
        assert_eq!(next(Resolved, Object, &[Resident]), Some(Accepted));
        assert_eq!(next(Rated, Reopen, &[System]), Some(Accepted));
    }

    #[test]
    fn escalation_flags_without_moving() {
        for status in [Accepted, Dispatched, Claimed, InProgress] {
            assert_eq!(next(status, Escalate, &[System]), Some(status));
        }
        assert_eq!(next(Resolved, Escalate, &[System]), None);
    }

    #[test]
    fn nothing_leads_out_of_an_end_state() {
        for status in NeedStatus::ALL.into_iter().filter(|s| s.is_final()) {
            assert!(allowed(status, &[Resident, Staff, Assignee, System]).is_empty(), "{status:?}");
        }
    }

    #[test]
    fn every_state_but_the_ends_has_a_way_out() {
        for status in NeedStatus::ALL.into_iter().filter(|s| !s.is_final()) {
            assert!(!allowed(status, &[Resident, Staff, Assignee, System]).is_empty(), "{status:?}");
        }
    }

    #[test]
    fn every_end_state_is_reachable_from_submitted() {
        let mut reached = vec![Submitted];
        let mut frontier = vec![Submitted];
        while let Some(state) = frontier.pop() {
            for (f, _, _, to) in TABLE {
                if *f == state && !reached.contains(to) {
                    reached.push(*to);
                    frontier.push(*to);
                }
            }
        }
        for status in NeedStatus::ALL {
            assert!(reached.contains(&status), "{status:?} unreachable");
        }
    }

    #[test]
    fn system_only_actions_are_the_automatic_ones() {
        let system_only: Vec<NeedAction> = NeedAction::ALL.into_iter().filter(|a| is_system_only(*a)).collect();
        assert_eq!(system_only, vec![ClaimTimeout, Reopen, Escalate]);
    }

    fn party() -> impl Strategy<Value = Party> {
        prop_oneof![Just(Resident), Just(Staff), Just(Assignee), Just(System)]
    }

    fn action() -> impl Strategy<Value = NeedAction> {
        proptest::sample::select(NeedAction::ALL.to_vec())
    }

    proptest! {
        /// Random sequences of actions by random parties only ever walk the table's edges, and the
        /// timeline gets exactly one event per accepted transition.
        #[test]
        fn random_walks_stay_on_the_table(steps in proptest::collection::vec((action(), party()), 0..60)) {
            let mut state = Submitted;
            let mut timeline: Vec<(NeedStatus, NeedAction, NeedStatus)> = Vec::new();
            let mut accepted = 0;
            for (action, party) in steps {
                if let Some(to) = next(state, action, &[party]) {
                    prop_assert!(TABLE.contains(&(state, action, party, to)));
                    timeline.push((state, action, to));
                    accepted += 1;
                    state = to;
                } else {
                    prop_assert!(!allowed(state, &[party]).contains(&action));
                }
            }
            prop_assert_eq!(timeline.len(), accepted);
            for pair in timeline.windows(2) {
                prop_assert_eq!(pair[0].2, pair[1].0);
            }
        }
    }
}
