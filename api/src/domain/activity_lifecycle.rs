//! The activity lifecycle, in one place: a table of (state, action, party) → state. Organisers are
//! the staff of the activity's area (`policy::activities::parties`); nobody else moves an activity.
//! Which sign-up and attendance moves each state allows is here too, so the services ask one table.

use shared::ActivityAction::{self, *};
use shared::ActivityStatus::{self, *};

/// What the caller is to an activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Party {
    /// Staff of the activity's area: publish, close, finish, cancel; record attendance.
    Organiser,
}

use Party::Organiser;

pub const TABLE: &[(ActivityStatus, ActivityAction, Party, ActivityStatus)] = &[
    (Draft, Publish, Organiser, Open),
    (Open, Close, Organiser, Closed),
    (Closed, Reopen, Organiser, Open),
    (Open, Finish, Organiser, Finished),
    (Closed, Finish, Organiser, Finished),
    (Draft, Cancel, Organiser, Cancelled),
    (Open, Cancel, Organiser, Cancelled),
    (Closed, Cancel, Organiser, Cancelled),
];

pub fn next(from: ActivityStatus, action: ActivityAction, parties: &[Party]) -> Option<ActivityStatus> {
    TABLE.iter().find(|(f, a, p, _)| *f == from && *a == action && parties.contains(p)).map(|(_, _, _, to)| *to)
}

pub fn allowed(from: ActivityStatus, parties: &[Party]) -> Vec<ActivityAction> {
    let mut actions = Vec::new();
    for (f, a, p, _) in TABLE {
        if *f == from && parties.contains(p) && !actions.contains(a) {
            actions.push(*a);
        }
    }
    actions
}

/// New sign-ups are taken only while the activity is open.
pub fn takes_signups(status: ActivityStatus) -> bool {
    status == Open
}

/// A sign-up can be cancelled (and the waiting list moves up) until the activity is held or called off.
pub fn takes_cancellations(status: ActivityStatus) -> bool {
    matches!(status, Open | Closed)
}

/// Attendance is recorded while the activity runs: open or closed for sign-ups, and also once
/// finished, so an organiser who marks it finished first can still check the last ones out.
pub fn takes_attendance(status: ActivityStatus) -> bool {
    matches!(status, Open | Closed | Finished)
}

/// Whether the fields of an activity may still be changed (not once held or called off).
pub fn editable(status: ActivityStatus) -> bool {
    matches!(status, Draft | Open | Closed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organisers_publish_drafts_and_finish_open_activities() {
        assert_eq!(next(Draft, Publish, &[Organiser]), Some(Open));
        assert_eq!(next(Open, Finish, &[Organiser]), Some(Finished));
    }

    #[test]
    fn nobody_without_a_part_moves_an_activity() {
        for from in ActivityStatus::ALL {
            assert!(allowed(from, &[]).is_empty());
        }
    }

    #[test]
    fn nothing_leads_out_of_finished_or_cancelled() {
        for status in [Finished, Cancelled] {
            assert!(allowed(status, &[Organiser]).is_empty());
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
        assert_eq!(reached.len(), ActivityStatus::ALL.len());
    }

    #[test]
    fn sign_ups_are_taken_only_while_open() {
        for status in ActivityStatus::ALL {
            assert_eq!(takes_signups(status), status == Open);
        }
        assert!(!takes_attendance(Draft) && !takes_attendance(Cancelled));
    }
}
