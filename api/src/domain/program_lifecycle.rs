//! The program lifecycle, in one place: a table of (state, action, role on the program).
//! Community staff (and staff above) draft and submit; street or district staff approve; nobody
//! approves their own program. What a caller is to a program is [`crate::policy::programs::roles`].

use shared::ProgramAction::{self, *};
use shared::ProgramStatus::{self, *};

/// What the caller is to a program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProgramRole {
    /// Staff of the program's area who run it: draft, submit, edit, start, complete, self-evaluate.
    Author,
    /// Street, district or platform staff over the area who did not create or submit it.
    Approver,
}

use ProgramRole::{Approver, Author};

pub const TABLE: &[(ProgramStatus, ProgramAction, ProgramRole, ProgramStatus)] = &[
    (Draft, Submit, Author, Submitted),
    (Submitted, Withdraw, Author, Draft),
    (Submitted, Approve, Approver, Approved),
    (Submitted, SendBack, Approver, Draft),
    (Approved, Start, Author, InProgress),
    (InProgress, Complete, Author, Completed),
    (Completed, Evaluate, Author, Evaluated),
    (Completed, Evaluate, Approver, Evaluated),
    (Approved, Suspend, Approver, Suspended),
    (InProgress, Suspend, Approver, Suspended),
    (Suspended, Resume, Approver, InProgress),
    (Draft, Cancel, Author, Cancelled),
    (Submitted, Cancel, Approver, Cancelled),
    (Approved, Cancel, Approver, Cancelled),
    (InProgress, Cancel, Approver, Cancelled),
    (Suspended, Cancel, Approver, Cancelled),
];

pub fn next(from: ProgramStatus, action: ProgramAction, roles: &[ProgramRole]) -> Option<ProgramStatus> {
    TABLE.iter().find(|(f, a, r, _)| *f == from && *a == action && roles.contains(r)).map(|(_, _, _, to)| *to)
}

pub fn allowed(from: ProgramStatus, roles: &[ProgramRole]) -> Vec<ProgramAction> {
    let mut actions = Vec::new();
    for (f, a, r, _) in TABLE {
        if *f == from && roles.contains(r) && !actions.contains(a) {
            actions.push(*a);
        }
    }
    actions
}

/// Whether a program in this state still takes changes to its plan (partners, pledges, milestones, spend).
pub fn open_for_changes(status: ProgramStatus) -> bool {
    !matches!(status, Evaluated | Cancelled)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authors_submit_drafts_and_approvers_approve_them() {
        assert_eq!(next(Draft, Submit, &[Author]), Some(Submitted));
        assert_eq!(next(Submitted, Approve, &[Approver]), Some(Approved));
    }

    #[test]
    fn an_author_alone_cannot_approve() {
        assert_eq!(next(Submitted, Approve, &[Author]), None);
    }

    #[test]
    fn nothing_leads_out_of_evaluated_or_cancelled() {
        for status in [Evaluated, Cancelled] {
            assert!(allowed(status, &[Author, Approver]).is_empty());
        }
    }

    #[test]
    fn every_state_is_reachable_from_draft() {
        let mut reached = vec![Draft];
        let mut frontier = vec![Draft];
        while let Some(state) = frontier.pop() {
            for (f, _, _, to) in TABLE {
                if *f == state && !reached.contains(to) {
                    reached.push(*to);
                    frontier.push(*to);
                }
            }
        }
        assert_eq!(reached.len(), ProgramStatus::ALL.len());
    }

    #[test]
    fn every_allowed_and_refused_transition_matches_the_table() {
        for from in ProgramStatus::ALL {
            for action in ProgramAction::ALL {
                for roles in [&[Author][..], &[Approver][..], &[Author, Approver][..], &[][..]] {
                    let in_table = TABLE.iter().any(|(f, a, r, _)| *f == from && *a == action && roles.contains(r));
                    assert_eq!(next(from, action, roles).is_some(), in_table, "{from:?} {action:?} {roles:?}");
                    assert_eq!(allowed(from, roles).contains(&action), in_table);
                }
            }
        }
    }
}
