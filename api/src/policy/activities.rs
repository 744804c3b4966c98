//! Which volunteer activities and volunteers a caller reaches, and what they are to one activity.
//!
//! Activities belong to a community: residents and volunteers see the published ones of their own
//! community, staff those of their subtree; drafts only the organisers (managers of the subtree) see.
//! A sign-up is reached through its activity. A volunteer's profile is read by the person themselves
//! and by the staff of their home's subtree.

use sea_orm::{ColumnTrait, Condition};
use shared::{ActivityStatus, Role};

use super::{Action, may_in, role_may};
use crate::domain::activity_lifecycle::Party;
use crate::domain::caller::Caller;
use crate::domain::scope::Scope;
use crate::entities::{activity, activity_signup, user};

/// The activities the caller reaches: published ones of their community or subtree, and drafts
/// of the subtree for organisers.
pub fn reach(caller: &Caller) -> Condition {
    let published = || activity::Column::Status.ne(ActivityStatus::Draft.as_str());
    let scope = Scope::of(caller);
    let subtree = if role_may(caller.role, Action::OrganiseActivities) {
        scope.path_condition(activity::Column::AreaPath)
    } else {
        Condition::all().add(scope.path_condition(activity::Column::AreaPath)).add(published())
    };
    let mut reach = Condition::any().add(subtree);
    if let Some(community) = super::topics::community_of(caller) {
        reach = reach.add(Condition::all().add(activity::Column::AreaPath.eq(community)).add(published()));
    }
    reach
}

/// What the caller is to this activity; empty means they may not move it.
pub fn parties(caller: &Caller, a: &activity::Model) -> Vec<Party> {
    if may_in(caller, Action::OrganiseActivities, &a.area_path) { vec![Party::Organiser] } else { Vec::new() }
}

/// Whether the caller checks people in and out of this activity without a code: staff of its
/// subtree, and the grid workers of its community (who help on site).
pub fn records_attendance(caller: &Caller, a: &activity::Model) -> bool {
    may_in(caller, Action::RecordAttendance, &a.area_path)
        || (super::may(caller, Action::RecordAttendance) && super::topics::community_of(caller).is_some_and(|c| c == a.area_path))
}

/// Whether the caller sees this activity's sign-up list (its organisers and on-site staff).
pub fn sees_signups(caller: &Caller, a: &activity::Model) -> bool {
    records_attendance(caller, a) || may_in(caller, Action::OrganiseActivities, &a.area_path)
}

/// A person's name on a sign-up is shown to the person and to staff who handle personal data there.
pub fn reveals_person(caller: &Caller, s: &activity_signup::Model) -> bool {
    s.user_id == caller.id || may_in(caller, Action::HandlePersonalData, &s.area_path)
}

/// The people whose volunteer record the caller reads: those who earn hours (volunteers and
/// residents) with a home in the caller's subtree.
pub fn volunteer_reach(caller: &Caller) -> Condition {
    Condition::all()
        .add(Scope::of(caller).area_id_condition(user::Column::AreaId))
        .add(user::Column::Role.is_in([Role::Volunteer.as_str(), Role::Resident.as_str()]))
}
