//! The builder's questions as typed (strings, a condition naming an earlier question by its row's
//! key rather than its number, so reordering keeps it) and their conversion to and from the wire's
//! [`SurveyQuestion`], with every problem found at once as field errors at the server's pointers.

use shared::{FieldError, FieldRule, QuestionCondition, QuestionKind, SurveyQuestion};

use crate::common::form::field_error;

/// One question row of the builder.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionForm {
    /// Stable while the row lives (rows are reordered and removed).
    pub key: u32,
    pub text: String,
    pub kind: QuestionKind,
    pub required: bool,
    /// One option per line.
    pub options: String,
    pub min_picks: String,
    pub max_picks: String,
    pub min: String,
    pub max: String,
    pub max_length: String,
    /// The key of the earlier choice question this one depends on, and its option numbers.
    pub condition: Option<(u32, Vec<u32>)>,
    /// Single choice: the option numbers that count as satisfied (the survey's 满意度 question).
    pub satisfied: Vec<u32>,
}

impl QuestionForm {
    pub fn blank(key: u32) -> Self {
        Self {
            key,
            text: String::new(),
            kind: QuestionKind::SingleChoice,
            required: true,
            options: String::new(),
            min_picks: String::new(),
            max_picks: String::new(),
            min: String::new(),
            max: String::new(),
            max_length: String::new(),
            condition: None,
            satisfied: Vec::new(),
        }
    }

    /// The row for a template's question; `keys[i]` is the key of question `i`.
    pub fn from_question(q: &SurveyQuestion, key: u32, keys: &[u32]) -> Self {
        let num = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
        let int = |v: Option<u32>| v.map(|v| v.to_string()).unwrap_or_default();
        Self {
            key,
            text: q.text.clone(),
            kind: q.kind,
            required: q.required,
            options: q.options.join("\n"),
            min_picks: int(q.min_picks),
            max_picks: int(q.max_picks),
            min: num(q.min),
            max: num(q.max),
            max_length: int(q.max_length),
            condition: q.condition.as_ref().and_then(|c| keys.get(c.question as usize).map(|k| (*k, c.options.clone()))),
            satisfied: q.satisfied_options.clone(),
        }
    }

    /// The options as listed, blank lines left out.
    pub fn option_list(&self) -> Vec<String> {
        self.options.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect()
    }

    pub fn is_choice(&self) -> bool {
        matches!(self.kind, QuestionKind::SingleChoice | QuestionKind::MultipleChoice)
    }
}

/// The questions to send, or every problem at the pointer the server would name.
pub fn to_questions(forms: &[QuestionForm]) -> Result<Vec<SurveyQuestion>, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut out = Vec::new();
    for (i, f) in forms.iter().enumerate() {
        let at = |field: &str| format!("/questions/{i}/{field}");
        let text = f.text.trim().to_owned();
        if text.is_empty() {
            errors.push(field_error(&at("text"), FieldRule::Required, "is required"));
        }
        let options = if f.is_choice() { f.option_list() } else { Vec::new() };
        if f.is_choice() && options.len() < 2 {
            errors.push(field_error(&at("options"), FieldRule::TooShort, "at least two options"));
        }
        let mut number = |field: &str, value: &str| -> Option<f64> {
            let v = value.trim();
            if v.is_empty() {
                return None;
            }
            let parsed = v.parse::<f64>().ok();
            if parsed.is_none() {
                errors.push(field_error(&at(field), FieldRule::Invalid, "a number"));
            }
            parsed
        };
        let multiple = f.kind == QuestionKind::MultipleChoice;
        let min_picks = if multiple { number("min_picks", &f.min_picks).map(|v| v as u32) } else { None };
        let max_picks = if multiple { number("max_picks", &f.max_picks).map(|v| v as u32) } else { None };
        let is_number = f.kind == QuestionKind::Number;
        let min = if is_number { number("min", &f.min) } else { None };
        let max = if is_number { number("max", &f.max) } else { None };
        let max_length = if f.kind == QuestionKind::Text { number("max_length", &f.max_length).map(|v| v as u32) } else { None };
        let condition = match &f.condition {
            None => None,
            Some((key, picked)) => {
                let earlier = forms[..i].iter().position(|o| o.key == *key).filter(|p| forms[*p].is_choice());
                match earlier {
                    Some(q) if !picked.is_empty() => Some(QuestionCondition { question: q as u32, options: picked.clone() }),
                    _ => {
                        errors.push(field_error(&at("condition"), FieldRule::Invalid, "an earlier choice question and an option"));
                        None
                    }
                }
            }
        };
        // Options removed after being ticked no longer count; other kinds measure nothing.
        let satisfied_options = if f.kind == QuestionKind::SingleChoice {
            f.satisfied.iter().copied().filter(|o| (*o as usize) < options.len()).collect()
        } else {
            Vec::new()
        };
        out.push(SurveyQuestion {
            text,
            kind: f.kind,
            required: f.required,
            options,
            min_picks,
            max_picks,
            min,
            max,
            max_length,
            condition,
            satisfied_options,
        });
    }
    if errors.is_empty() { Ok(out) } else { Err(errors) }
}

/// Errors of question `i` (`/questions/i/…`), for the row to show.
pub fn errors_of(errors: &[FieldError], i: usize) -> Vec<FieldError> {
    let prefix = format!("/questions/{i}");
    errors.iter().filter(|e| e.field == prefix || e.field.starts_with(&format!("{prefix}/"))).cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choice(key: u32, text: &str, options: &str) -> QuestionForm {
        QuestionForm { text: text.into(), options: options.into(), ..QuestionForm::blank(key) }
    }

    #[test]
    fn a_condition_names_the_earlier_question_by_its_number_after_reordering() {
        let first = choice(7, "您家有电动自行车吗？", "有\n没有");
        let second = QuestionForm {
            text: "每周充电几次？".into(),
            kind: QuestionKind::Number,
            min: "0".into(),
            max: "14".into(),
            condition: Some((7, vec![0])),
            ..QuestionForm::blank(9)
        };
        let sent = to_questions(&[first.clone(), second.clone()]).expect("a right draft");
        assert_eq!(sent[1].condition, Some(QuestionCondition { question: 0, options: vec![0] }));
        assert_eq!((sent[1].min, sent[1].max, sent[1].options.len()), (Some(0.0), Some(14.0), 0));
        // Moved above the question it depends on: the condition is wrong, and said so at its place.
        let errors = to_questions(&[second, first]).expect_err("a wrong draft");
        assert_eq!(errors[0].field, "/questions/0/condition");
    }

    #[test]
    fn every_problem_is_named_at_once() {
        let errors = to_questions(&[
            choice(1, " ", "只有一个"),
            QuestionForm { kind: QuestionKind::Number, min: "x".into(), ..choice(2, "数", "") },
        ])
        .expect_err("a wrong draft");
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["/questions/0/text", "/questions/0/options", "/questions/1/min"]);
        assert_eq!(errors_of(&errors, 0).len(), 2);
    }

    #[test]
    fn a_template_question_round_trips() {
        let q = SurveyQuestion {
            text: "满意吗".into(),
            kind: QuestionKind::MultipleChoice,
            required: false,
            options: vec!["甲".into(), "乙".into(), "丙".into()],
            min_picks: Some(1),
            max_picks: Some(2),
            min: None,
            max: None,
            max_length: None,
            condition: None,
            satisfied_options: Vec::new(),
        };
        let form = QuestionForm::from_question(&q, 3, &[3]);
        assert_eq!(to_questions(&[form]).expect("a right draft"), vec![q.clone()]);
        let measured =
            SurveyQuestion { kind: QuestionKind::SingleChoice, min_picks: None, max_picks: None, satisfied_options: vec![0, 1], ..q };
        let form = QuestionForm::from_question(&measured, 3, &[3]);
        assert_eq!(to_questions(&[form]).expect("a right draft"), vec![measured]);
    }
}
