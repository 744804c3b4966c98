//! What a caller is to one survey, and which surveys they reach. Residents reach the surveys
//! (not drafts) that target their home or an area above it and, when a survey names target groups
//! (目标群体), only if they are recorded in one of them; staff those of their subtree and, to
//! collect paper questionnaires, open ones targeting an area above them.

use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{ColumnTrait, Condition};
use shared::SurveyStatus;

use super::Action;
use crate::domain::caller::Caller;
use crate::domain::scope::{Scope, path_ids};
use crate::domain::surveys::lifecycle::Party;
use crate::entities::{resident_target_group, survey, survey_target_group};

/// The paths of the caller's home and every area above it (`/1/`, `/1/7/`, `/1/7/9/`).
fn home_and_above(caller: &Caller) -> Vec<String> {
    let ids = path_ids(&caller.area_path);
    (1..=ids.len()).map(|n| format!("/{}/", ids[..n].iter().map(|i| i.to_string()).collect::<Vec<_>>().join("/"))).collect()
}

/// Whether the survey's target subtree holds the caller's home.
pub fn targets(caller: &Caller, s: &survey::Model) -> bool {
    Scope::subtree(&s.area_path).contains(&caller.area_path)
}

/// Whether a respondent recorded in `mine` may answer a survey asking `asked`: no groups asked, or
/// one shared. [`open_to_groups_of`] is the same rule as a query, for listing.
pub fn in_asked_groups(asked: &[shared::TargetGroup], mine: &[shared::TargetGroup]) -> bool {
    asked.is_empty() || asked.iter().any(|g| mine.contains(g))
}

/// Surveys naming no target group, or one the resident `resident_id` is recorded in.
fn open_to_groups_of(resident_id: i64) -> Condition {
    use resident_target_group::Column as R;
    use survey_target_group::Column as S;
    let restricted = Query::select().column(S::SurveyId).from(survey_target_group::Entity).to_owned();
    let shared_group = Query::select()
        .column((survey_target_group::Entity, S::SurveyId))
        .from(survey_target_group::Entity)
        .inner_join(
            resident_target_group::Entity,
            Expr::col((survey_target_group::Entity, S::TargetGroup)).equals((resident_target_group::Entity, R::TargetGroup)),
        )
        .and_where(Expr::col((resident_target_group::Entity, R::ResidentId)).eq(resident_id))
        .to_owned();
    Condition::any().add(survey::Column::Id.not_in_subquery(restricted)).add(survey::Column::Id.in_subquery(shared_group))
}

/// The surveys the caller reaches.
pub fn reach(caller: &Caller) -> Condition {
    let above = Condition::all()
        .add(survey::Column::AreaPath.is_in(home_and_above(caller)))
        .add(survey::Column::Status.ne(SurveyStatus::Draft.as_str()));
    if super::may(caller, Action::AnswerSurveys) {
        // A resident is not offered a survey of groups they are not in (answering it is a 403).
        return above.add(open_to_groups_of(caller.id));
    }
    let scope = Scope::of(caller);
    if scope.is_global() {
        return Condition::all();
    }
    Condition::any().add(scope.path_condition(survey::Column::AreaPath)).add(above)
}

/// What the caller is to this survey; empty means they may not act on it.
pub fn parties(caller: &Caller, s: &survey::Model) -> Vec<Party> {
    let mut parties = Vec::new();
    if super::may_in(caller, Action::ManageSurveys, &s.area_path) {
        parties.push(Party::Staff);
    }
    if super::may(caller, Action::AnswerSurveys) && targets(caller, s) {
        parties.push(Party::Resident);
    }
    parties
}

/// Whether the caller may enter paper questionnaires collected in the community at
/// `community_path`: staff whose area holds it, or a grid worker of one of its grids.
pub fn covers_community(caller: &Caller, community_path: &str) -> bool {
    super::may(caller, Action::EnterPaperResponses)
        && (Scope::of(caller).contains(community_path) || caller.area_path.starts_with(community_path))
}

/// Results and exports: staff whose scope holds the whole target (a community's staff do not read
/// a district survey's other communities).
pub fn reads_results(caller: &Caller, s: &survey::Model) -> bool {
    super::may_in(caller, Action::ReadSurveyResults, &s.area_path)
}

#[cfg(test)]
mod tests {
    use shared::{AreaKind, Role};

    use super::*;

    #[test]
    fn a_callers_home_and_the_areas_above_it_are_listed_root_first() {
        let caller = Caller {
            id: 1,
            username: "r".into(),
            role: Role::Resident,
            area_id: 9,
            area_kind: AreaKind::Community,
            area_path: "/1/7/9/".into(),
            client: None,
        };
        assert_eq!(home_and_above(&caller), vec!["/1/", "/1/7/", "/1/7/9/"]);
    }
}
