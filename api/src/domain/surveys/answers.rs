//! Checking a response against the survey's questions and conditions, every bad field at once: a
//! question hidden by its condition must not be answered, a required visible one must be, and each
//! answer carries what its kind asks for, within the question's limits.

use shared::{FieldRule, QuestionKind, SurveyAnswer, SurveyQuestion};

use super::build::{DEFAULT_TEXT_LENGTH, is_choice};
use crate::domain::field_errors::{FieldErrors, Invalid};

/// One checked answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Given {
    Choices(Vec<u32>),
    Value(f64),
    Text(String),
}

/// The answers by question number (none where a question was skipped or hidden).
pub type Checked = Vec<Option<Given>>;

/// Whether question `i` is shown, given the answers to the questions before it (the rule is
/// [`shared::question_shown`], which the resident's form uses too).
fn visible(questions: &[SurveyQuestion], given: &Checked, i: usize) -> bool {
    shared::question_shown(questions, i, &|q, o| matches!(&given[q], Some(Given::Choices(c)) if c.contains(&o)))
}

/// The answers checked against the questions, or every problem at once.
pub fn check(questions: &[SurveyQuestion], answers: &[SurveyAnswer]) -> Result<Checked, Invalid> {
    let mut errors = FieldErrors::default();
    let mut given: Checked = vec![None; questions.len()];
    let mut at_of: Vec<Option<usize>> = vec![None; questions.len()];
    for (k, a) in answers.iter().enumerate() {
        let at = |field: &str| format!("/answers/{k}/{field}");
        let Some(q) = questions.get(a.question as usize) else {
            errors.add(&at("question"), FieldRule::NotFound, "no such question");
            continue;
        };
        if at_of[a.question as usize].is_some() {
            errors.add(&at("question"), FieldRule::Duplicate, "the same question answered twice");
            continue;
        }
        at_of[a.question as usize] = Some(k);
        let wanted = if is_choice(q.kind) {
            "choices"
        } else if q.kind == QuestionKind::Text {
            "text"
        } else {
            "value"
        };
        for (field, present) in [("choices", a.choices.is_some()), ("value", a.value.is_some()), ("text", a.text.is_some())] {
            if present && field != wanted {
                errors.add(&at(field), FieldRule::NotApplicable, format!("a {} question takes `{wanted}`", q.kind.as_str()));
            }
        }
        given[a.question as usize] = match q.kind {
            QuestionKind::SingleChoice | QuestionKind::MultipleChoice => choices(q, a.choices.as_deref(), &at, &mut errors),
            QuestionKind::Scale => a.value.filter(|v| (1.0..=5.0).contains(v) && v.fract() == 0.0).map(Given::Value).or_else(|| {
                errors.add(&at("value"), FieldRule::OutOfRange, "a whole number from 1 to 5");
                None
            }),
            QuestionKind::Number => {
                let ok = |v: &f64| q.min.is_none_or(|m| *v >= m) && q.max.is_none_or(|m| *v <= m);
                a.value.filter(ok).map(Given::Value).or_else(|| {
                    let range =
                        format!("{} to {}", q.min.map_or("any".into(), |m| m.to_string()), q.max.map_or("any".into(), |m| m.to_string()));
                    errors.add(&at("value"), FieldRule::OutOfRange, format!("a number from {range}"));
                    None
                })
            }
            QuestionKind::Text => {
                let text = a.text.as_deref().map(str::trim).unwrap_or_default();
                let max = q.max_length.unwrap_or(DEFAULT_TEXT_LENGTH) as usize;
                if text.is_empty() {
                    errors.add(&at("text"), FieldRule::TooShort, "write something, or leave the question out");
                    None
                } else if text.chars().count() > max {
                    errors.add(&at("text"), FieldRule::TooLong, format!("at most {max} characters"));
                    None
                } else {
                    Some(Given::Text(text.to_owned()))
                }
            }
        };
    }
    let mut missing = Vec::new();
    for i in 0..questions.len() {
        let shown = visible(questions, &given, i);
        match (shown, at_of[i]) {
            (false, Some(k)) => {
                errors.add(&format!("/answers/{k}"), FieldRule::NotApplicable, format!("question {i} is not shown for the answers given"));
                given[i] = None;
            }
            (true, None) if questions[i].required => missing.push(i.to_string()),
            _ => {}
        }
    }
    if !missing.is_empty() {
        errors.add("/answers", FieldRule::Required, format!("required questions not answered: {}", missing.join(", ")));
    }
    errors.finish().map(|()| given)
}

fn choices(q: &SurveyQuestion, picked: Option<&[u32]>, at: &dyn Fn(&str) -> String, errors: &mut FieldErrors) -> Option<Given> {
    let Some(picked) = picked else {
        errors.add(&at("choices"), FieldRule::Required, "pick from the options");
        return None;
    };
    let before = errors.pointers().len();
    for (j, o) in picked.iter().enumerate() {
        if *o as usize >= q.options.len() {
            errors.add(&at(&format!("choices/{j}")), FieldRule::OutOfRange, "no such option");
        } else if picked[..j].contains(o) {
            errors.add(&at(&format!("choices/{j}")), FieldRule::Duplicate, "the same option twice");
        }
    }
    let (min, max) = match q.kind {
        QuestionKind::SingleChoice => (1, 1),
        _ => (q.min_picks.unwrap_or(1) as usize, q.max_picks.map_or(q.options.len(), |m| m as usize)),
    };
    if !(min..=max).contains(&picked.len()) {
        errors.add(&at("choices"), FieldRule::OutOfRange, format!("pick from {min} to {max} options"));
    }
    (errors.pointers().len() == before).then(|| Given::Choices(picked.to_vec()))
}

#[cfg(test)]
mod tests {
    use shared::QuestionCondition;

    use super::*;

    fn q(kind: QuestionKind, options: &[&str], required: bool) -> SurveyQuestion {
        SurveyQuestion {
            text: "问题".into(),
            kind,
            required,
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

    fn answer(question: u32, choices: Option<Vec<u32>>, value: Option<f64>, text: Option<&str>) -> SurveyAnswer {
        SurveyAnswer { question, choices, value, text: text.map(str::to_owned) }
    }

    /// 0: satisfied? (是/否); 1: why not (shown only after 否, required); 2: scale.
    fn questions() -> Vec<SurveyQuestion> {
        let mut why = q(QuestionKind::Text, &[], true);
        why.condition = Some(QuestionCondition { question: 0, options: vec![1] });
        vec![q(QuestionKind::SingleChoice, &["是", "否"], true), why, q(QuestionKind::Scale, &[], false)]
    }

    #[test]
    fn a_hidden_question_must_not_be_answered() {
        let err = check(&questions(), &[answer(0, Some(vec![0]), None, None), answer(1, None, None, Some("太吵"))]).expect_err("hidden");
        assert_eq!(err.0.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(), vec!["/answers/1"]);
    }

    #[test]
    fn a_required_question_its_condition_shows_must_be_answered() {
        let err = check(&questions(), &[answer(0, Some(vec![1]), None, None)]).expect_err("required");
        assert_eq!(err.0[0].field, "/answers");
        assert!(err.0[0].message.contains('1'));
        let ok = check(&questions(), &[answer(0, Some(vec![1]), None, None), answer(1, None, None, Some("太吵"))]).expect("valid");
        assert_eq!(ok[1], Some(Given::Text("太吵".into())));
    }

    #[test]
    fn every_bad_answer_is_named_at_once() {
        let err = check(
            &questions(),
            &[answer(0, Some(vec![0, 1]), None, Some("x")), answer(2, None, Some(6.0), None), answer(7, None, None, None)],
        )
        .expect_err("bad");
        let fields: Vec<&str> = err.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, vec!["/answers/0/text", "/answers/0/choices", "/answers/1/value", "/answers/2/question"]);
    }
}
