//! The survey lifecycle in one table: draft → open → closed. Questions change only in draft;
//! answers are taken only while open (and within the window, checked where the answer is taken).

use shared::SurveyAction::{self, Answer, Close, Edit};
use shared::SurveyStatus::{self, Closed, Draft};
use shared::{SurveyAction as A, SurveyStatus as S};

/// Who acts, relative to the survey.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Party {
    /// Staff (community level and up) whose scope holds the survey's target area.
    Staff,
    /// A resident of the target subtree (audience checked where it matters).
    Resident,
}

use Party::{Resident, Staff};

/// (from, action, party, to).
pub const TABLE: &[(SurveyStatus, SurveyAction, Party, SurveyStatus)] = &[
    (Draft, Edit, Staff, Draft),
    (Draft, A::Open, Staff, S::Open),
    (S::Open, Answer, Resident, S::Open),
    // A paper questionnaire entered by staff is an answer too.
    (S::Open, Answer, Staff, S::Open),
    (S::Open, Close, Staff, Closed),
];

/// The state `action` by any of `parties` leads to from `from`, if the table allows it.
pub fn next(from: SurveyStatus, action: SurveyAction, parties: &[Party]) -> Option<SurveyStatus> {
    TABLE.iter().find(|(f, a, p, _)| *f == from && *a == action && parties.contains(p)).map(|(_, _, _, to)| *to)
}

/// The actions `parties` may take in `from`, each once, in table order.
pub fn allowed(from: SurveyStatus, parties: &[Party]) -> Vec<SurveyAction> {
    let mut actions: Vec<SurveyAction> = Vec::new();
    for (f, a, p, _) in TABLE {
        if *f == from && parties.contains(p) && !actions.contains(a) {
            actions.push(*a);
        }
    }
    actions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_change_only_in_draft() {
        assert_eq!(next(Draft, Edit, &[Staff]), Some(Draft));
        assert_eq!(next(S::Open, Edit, &[Staff]), None);
        assert_eq!(next(Closed, Edit, &[Staff]), None);
    }

    #[test]
    fn residents_answer_only_open_surveys_and_never_open_or_close_them() {
        assert_eq!(next(S::Open, Answer, &[Resident]), Some(S::Open));
        assert_eq!(next(Draft, Answer, &[Resident]), None);
        assert_eq!(next(Closed, Answer, &[Resident]), None);
        assert!(allowed(Draft, &[Resident]).is_empty());
        assert_eq!(allowed(S::Open, &[Staff]), vec![Answer, Close]);
    }

    #[test]
    fn a_closed_survey_is_an_end() {
        for action in SurveyAction::ALL {
            assert_eq!(next(Closed, action, &[Staff, Resident]), None);
        }
    }
}
