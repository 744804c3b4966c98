//! The builder's rules: what makes a survey draft well formed, every bad field at once (一次告知).
//! A condition may only look back: it names an earlier choice question and options it has.

use shared::{FieldRule, QuestionKind, SurveyDraft, SurveyQuestion};

use crate::domain::field_errors::FieldErrors;

/// The longest text answer when a question does not say.
pub const DEFAULT_TEXT_LENGTH: u32 = 500;

/// Whether answers to this kind pick options.
pub fn is_choice(kind: QuestionKind) -> bool {
    matches!(kind, QuestionKind::SingleChoice | QuestionKind::MultipleChoice)
}

/// Adds an error for every rule `draft` breaks (the schema has checked lengths and ranges).
pub fn check_draft(draft: &SurveyDraft, errors: &mut FieldErrors) {
    if draft.closes_at <= draft.opens_at {
        errors.add("/closes_at", FieldRule::BeforeStart, "the survey must close after it opens");
    }
    crate::domain::target_groups::check(&draft.target_groups, "/target_groups", errors);
    check_questions(&draft.questions, errors);
}

/// Adds an error for every rule the questions break.
pub fn check_questions(questions: &[SurveyQuestion], errors: &mut FieldErrors) {
    for (i, q) in questions.iter().enumerate() {
        let at = |field: &str| format!("/questions/{i}/{field}");
        let choice = is_choice(q.kind);
        if choice {
            if q.options.len() < 2 {
                errors.add(&at("options"), FieldRule::TooShort, "a choice question needs at least two options");
            }
            for (j, option) in q.options.iter().enumerate() {
                let text = option.trim();
                if text.is_empty() || text.chars().count() > 100 {
                    errors.add(&at(&format!("options/{j}")), FieldRule::Invalid, "an option is 1 to 100 characters");
                } else if q.options[..j].iter().any(|o| o.trim() == text) {
                    errors.add(&at(&format!("options/{j}")), FieldRule::Duplicate, "the same option twice");
                }
            }
        } else if !q.options.is_empty() {
            errors.add(&at("options"), FieldRule::NotApplicable, "only choice questions have options");
        }
        let multiple = q.kind == QuestionKind::MultipleChoice;
        for (field, value) in [("min_picks", q.min_picks), ("max_picks", q.max_picks)] {
            if value.is_some() && !multiple {
                errors.add(&at(field), FieldRule::NotApplicable, "only multiple choice questions set picks");
            }
        }
        if multiple {
            let max = q.max_picks.unwrap_or(q.options.len() as u32);
            if q.min_picks.unwrap_or(1) > max {
                errors.add(&at("min_picks"), FieldRule::OutOfRange, "at least as many picks as at most");
            }
            if max as usize > q.options.len() {
                errors.add(&at("max_picks"), FieldRule::OutOfRange, "more picks than options");
            }
        }
        let number = q.kind == QuestionKind::Number;
        for (field, value) in [("min", q.min), ("max", q.max)] {
            if value.is_some() && !number {
                errors.add(&at(field), FieldRule::NotApplicable, "only number questions set a range");
            }
        }
        if let (true, Some(min), Some(max)) = (number, q.min, q.max)
            && min > max
        {
            errors.add(&at("max"), FieldRule::BeforeStart, "the largest value is below the smallest");
        }
        if q.max_length.is_some() && q.kind != QuestionKind::Text {
            errors.add(&at("max_length"), FieldRule::NotApplicable, "only text questions set a length");
        }
        check_satisfied(questions, i, errors);
        if let Some(cond) = &q.condition {
            match questions.get(cond.question as usize) {
                Some(_) if cond.question as usize >= i => {
                    errors.add(&at("condition/question"), FieldRule::Invalid, "a condition must refer to an earlier question")
                }
                None => errors.add(&at("condition/question"), FieldRule::NotFound, "no such question"),
                Some(earlier) if !is_choice(earlier.kind) => {
                    errors.add(&at("condition/question"), FieldRule::WrongKind, "a condition must refer to a choice question")
                }
                Some(earlier) => {
                    for (k, option) in cond.options.iter().enumerate() {
                        if *option as usize >= earlier.options.len() {
                            errors.add(&at(&format!("condition/options/{k}")), FieldRule::OutOfRange, "no such option of that question");
                        }
                    }
                }
            }
            if cond.options.is_empty() {
                errors.add(&at("condition/options"), FieldRule::TooShort, "name at least one option");
            }
        }
    }
}

/// The satisfaction options of question `i`: a single-choice question's own options, each once,
/// on one question of the survey only.
fn check_satisfied(questions: &[SurveyQuestion], i: usize, errors: &mut FieldErrors) {
    let q = &questions[i];
    let at = |field: &str| format!("/questions/{i}/{field}");
    if q.satisfied_options.is_empty() {
        return;
    }
    if q.kind != QuestionKind::SingleChoice {
        errors.add(&at("satisfied_options"), FieldRule::NotApplicable, "only a single choice question measures satisfaction");
        return;
    }
    if questions[..i].iter().any(|earlier| !earlier.satisfied_options.is_empty()) {
        errors.add(&at("satisfied_options"), FieldRule::Duplicate, "one question of a survey measures satisfaction");
    }
    for (k, option) in q.satisfied_options.iter().enumerate() {
        if *option as usize >= q.options.len() {
            errors.add(&at(&format!("satisfied_options/{k}")), FieldRule::OutOfRange, "no such option of this question");
        } else if q.satisfied_options[..k].contains(option) {
            errors.add(&at(&format!("satisfied_options/{k}")), FieldRule::Duplicate, "the same option twice");
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, Utc};
    use shared::{QuestionCondition, SurveyAudience};

    use super::*;

    pub fn question(kind: QuestionKind, options: &[&str]) -> SurveyQuestion {
        SurveyQuestion {
            text: "问题".into(),
            kind,
            required: false,
            options: options.iter().map(|o| (*o).to_owned()).collect(),
            min_picks: None,
            max_picks: None,
            min: None,
            max: None,
            max_length: None,
            condition: None,
            satisfied_options: Vec::new(),
        }
    }

    fn draft(questions: Vec<SurveyQuestion>) -> SurveyDraft {
        let now = Utc::now();
        SurveyDraft {
            area_id: 1,
            title: "t".into(),
            description: String::new(),
            audience: SurveyAudience::AllResidents,
            anonymous: false,
            opens_at: now,
            closes_at: now - Duration::days(1),
            questions,
            target_groups: Vec::new(),
        }
    }

    #[test]
    fn every_bad_field_is_named_at_once() {
        let mut later = question(QuestionKind::Scale, &[]);
        later.condition = Some(QuestionCondition { question: 2, options: vec![0] });
        let mut picks = question(QuestionKind::MultipleChoice, &["a", "b"]);
        picks.max_picks = Some(3);
        let mut errors = FieldErrors::default();
        check_draft(&draft(vec![question(QuestionKind::SingleChoice, &["only"]), later, picks]), &mut errors);
        assert_eq!(
            errors.pointers(),
            vec!["/closes_at", "/questions/0/options", "/questions/1/condition/question", "/questions/2/max_picks"]
        );
    }

    #[test]
    fn a_condition_on_an_earlier_choice_question_is_accepted() {
        let mut shown = question(QuestionKind::Text, &[]);
        shown.condition = Some(QuestionCondition { question: 0, options: vec![1] });
        let mut errors = FieldErrors::default();
        check_questions(&[question(QuestionKind::SingleChoice, &["是", "否"]), shown], &mut errors);
        assert!(errors.is_empty(), "{:?}", errors.pointers());
    }

    #[test]
    fn a_condition_on_a_scale_question_or_a_missing_option_is_refused() {
        let mut on_scale = question(QuestionKind::Text, &[]);
        on_scale.condition = Some(QuestionCondition { question: 0, options: vec![0] });
        let mut bad_option = question(QuestionKind::Text, &[]);
        bad_option.condition = Some(QuestionCondition { question: 2, options: vec![5] });
        let mut errors = FieldErrors::default();
        check_questions(
            &[question(QuestionKind::Scale, &[]), on_scale, question(QuestionKind::SingleChoice, &["是", "否"]), bad_option],
            &mut errors,
        );
        assert_eq!(errors.pointers(), vec!["/questions/1/condition/question", "/questions/3/condition/options/0"]);
    }

    #[test]
    fn one_single_choice_question_measures_satisfaction_with_its_own_options() {
        let mut first = question(QuestionKind::SingleChoice, &["满意", "一般", "不满意"]);
        first.satisfied_options = vec![0];
        let mut second = first.clone();
        second.satisfied_options = vec![0, 3, 0];
        let mut on_scale = question(QuestionKind::Scale, &[]);
        on_scale.satisfied_options = vec![4];
        let mut errors = FieldErrors::default();
        check_questions(&[first.clone(), second, on_scale], &mut errors);
        assert_eq!(
            errors.pointers(),
            vec![
                "/questions/1/satisfied_options",
                "/questions/1/satisfied_options/1",
                "/questions/1/satisfied_options/2",
                "/questions/2/satisfied_options"
            ]
        );
        let mut errors = FieldErrors::default();
        check_questions(&[first], &mut errors);
        assert!(errors.is_empty());
    }
}
