//! What a questionnaire being filled in holds, free of the page: one [`Draft`] per question, which
//! questions show under their conditions (a question whose condition names a hidden question is
//! hidden too), and the answers sent for the shown and answered ones. Used by the builder's preview
//! and the paper-entry form alike.

use shared::{QuestionKind, SurveyAnswer, SurveyQuestion};

/// One question's answer as typed so far.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Draft {
    pub choices: Vec<u32>,
    /// Scale and number questions, as typed.
    pub value: String,
    pub text: String,
}

impl Draft {
    /// Picks `option` (single choice: replaces; multiple: toggles).
    pub fn pick(&mut self, kind: QuestionKind, option: u32) {
        if kind == QuestionKind::MultipleChoice {
            if let Some(at) = self.choices.iter().position(|c| *c == option) {
                self.choices.remove(at);
            } else {
                self.choices.push(option);
                self.choices.sort_unstable();
            }
        } else {
            self.choices = vec![option];
        }
    }
}

/// Whether each question shows, given the answers so far.
pub fn visible(questions: &[SurveyQuestion], drafts: &[Draft]) -> Vec<bool> {
    let mut shown: Vec<bool> = Vec::with_capacity(questions.len());
    for q in questions {
        let show = match &q.condition {
            None => true,
            Some(c) => {
                let at = c.question as usize;
                at < shown.len() && shown[at] && drafts.get(at).is_some_and(|d| d.choices.iter().any(|picked| c.options.contains(picked)))
            }
        };
        shown.push(show);
    }
    shown
}

/// The answers to send: shown questions with something given, each in its kind's field. A value
/// that is not a number is sent as none, so the server names the question.
pub fn answers(questions: &[SurveyQuestion], drafts: &[Draft]) -> Vec<SurveyAnswer> {
    let shown = visible(questions, drafts);
    questions
        .iter()
        .zip(drafts)
        .enumerate()
        .filter(|(i, _)| shown[*i])
        .filter_map(|(i, (q, d))| {
            let question = i as u32;
            let blank = SurveyAnswer { question, choices: None, value: None, text: None };
            match q.kind {
                QuestionKind::SingleChoice | QuestionKind::MultipleChoice => {
                    (!d.choices.is_empty()).then(|| SurveyAnswer { choices: Some(d.choices.clone()), ..blank })
                }
                QuestionKind::Scale | QuestionKind::Number => {
                    let v = d.value.trim();
                    (!v.is_empty()).then(|| SurveyAnswer { value: v.parse::<f64>().ok(), ..blank })
                }
                QuestionKind::Text => {
                    let t = d.text.trim();
                    (!t.is_empty()).then(|| SurveyAnswer { text: Some(t.to_owned()), ..blank })
                }
            }
        })
        .collect()
}

/// Required questions that show and have no answer yet (their numbers, from 0).
pub fn missing_required(questions: &[SurveyQuestion], drafts: &[Draft]) -> Vec<u32> {
    let given: Vec<u32> = answers(questions, drafts).iter().map(|a| a.question).collect();
    let shown = visible(questions, drafts);
    (0..questions.len() as u32).filter(|i| questions[*i as usize].required && shown[*i as usize] && !given.contains(i)).collect()
}

#[cfg(test)]
mod tests {
    use shared::QuestionCondition;

    use super::*;

    fn question(kind: QuestionKind, options: &[&str], condition: Option<(u32, &[u32])>) -> SurveyQuestion {
        SurveyQuestion {
            text: "问题".into(),
            kind,
            required: true,
            options: options.iter().map(|o| (*o).to_owned()).collect(),
            min_picks: None,
            max_picks: None,
            min: None,
            max: None,
            max_length: None,
            condition: condition.map(|(question, options)| QuestionCondition { question, options: options.to_vec() }),
            satisfied_options: Vec::new(),
        }
    }

    fn survey() -> Vec<SurveyQuestion> {
        vec![
            question(QuestionKind::SingleChoice, &["有", "没有"], None),
            question(QuestionKind::Number, &[], Some((0, &[0]))),
            question(QuestionKind::MultipleChoice, &["早", "中", "晚"], Some((0, &[0]))),
            question(QuestionKind::Text, &[], Some((2, &[2]))),
        ]
    }

    #[test]
    fn a_conditional_question_shows_once_its_option_is_picked() {
        let qs = survey();
        let mut drafts = vec![Draft::default(); 4];
        assert_eq!(visible(&qs, &drafts), [true, false, false, false]);
        drafts[0].pick(QuestionKind::SingleChoice, 0);
        assert_eq!(visible(&qs, &drafts), [true, true, true, false]);
        drafts[2].pick(QuestionKind::MultipleChoice, 2);
        assert_eq!(visible(&qs, &drafts), [true, true, true, true]);
    }

    #[test]
    fn hiding_a_question_hides_the_ones_that_depend_on_it() {
        let qs = survey();
        let mut drafts = vec![Draft::default(); 4];
        drafts[0].pick(QuestionKind::SingleChoice, 0);
        drafts[2].pick(QuestionKind::MultipleChoice, 2);
        drafts[0].pick(QuestionKind::SingleChoice, 1);
        assert_eq!(visible(&qs, &drafts), [true, false, false, false]);
    }

    #[test]
    fn only_shown_answered_questions_are_sent_each_in_its_field() {
        let qs = survey();
        let mut drafts = vec![Draft::default(); 4];
        drafts[0].pick(QuestionKind::SingleChoice, 0);
        drafts[1].value = " 3 ".into();
        drafts[3].text = "不会显示".into();
        let sent = answers(&qs, &drafts);
        assert_eq!(sent.len(), 2);
        assert_eq!(sent[0].choices, Some(vec![0]));
        assert_eq!((sent[1].question, sent[1].value), (1, Some(3.0)));
        assert_eq!(missing_required(&qs, &drafts), vec![2]);
    }

    #[test]
    fn multiple_choice_toggles_and_single_choice_replaces() {
        let mut d = Draft::default();
        d.pick(QuestionKind::MultipleChoice, 2);
        d.pick(QuestionKind::MultipleChoice, 0);
        assert_eq!(d.choices, [0, 2]);
        d.pick(QuestionKind::MultipleChoice, 2);
        assert_eq!(d.choices, [0]);
        d.pick(QuestionKind::SingleChoice, 1);
        assert_eq!(d.choices, [1]);
    }
}
