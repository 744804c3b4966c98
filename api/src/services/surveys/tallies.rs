//! Kept aggregates read back as results: per question the answers and sum of values, per option
//! the picks, turned into shares, means and the satisfaction question's 满意率. The whole target's,
//! a community's and a target group's results are all read through [`Tallies`].

use std::collections::HashMap;

use shared::{OptionResult, QuestionKind, QuestionResult, SurveyQuestion};

use crate::domain::surveys::build::is_choice;

fn round(v: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (v * f).round() / f
}

/// One question's result from its totals (answered, sum) and option counts.
fn question_result(i: usize, q: &SurveyQuestion, answered: i64, sum: f64, counts: &HashMap<i32, i64>) -> QuestionResult {
    let options = if is_choice(q.kind) {
        q.options
            .iter()
            .enumerate()
            .map(|(o, label)| {
                let count = counts.get(&(o as i32)).copied().unwrap_or(0);
                OptionResult {
                    option: o as u32,
                    label: label.clone(),
                    count,
                    share_pct: (answered > 0).then(|| round(count as f64 * 100.0 / answered as f64, 1)),
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    let mean = (matches!(q.kind, QuestionKind::Scale | QuestionKind::Number) && answered > 0).then(|| round(sum / answered as f64, 2));
    let satisfied: i64 = q.satisfied_options.iter().map(|o| counts.get(&(*o as i32)).copied().unwrap_or(0)).sum();
    let satisfied_pct = (!q.satisfied_options.is_empty() && answered > 0).then(|| round(satisfied as f64 * 100.0 / answered as f64, 1));
    QuestionResult { question: i as u32, text: q.text.clone(), kind: q.kind, answered, options, mean, satisfied_pct }
}

/// Per question: (answered, sum of values); per question and option: count.
#[derive(Default)]
pub(crate) struct Tallies {
    totals: HashMap<i32, (i64, f64)>,
    counts: HashMap<i32, HashMap<i32, i64>>,
}

impl Tallies {
    pub(crate) fn add_total(&mut self, question: i32, answered: i64, sum: f64) {
        self.totals.insert(question, (answered, sum));
    }

    pub(crate) fn add_count(&mut self, question: i32, option: i32, count: i64) {
        self.counts.entry(question).or_default().insert(option, count);
    }

    pub(crate) fn questions(&self, questions: &[SurveyQuestion]) -> Vec<QuestionResult> {
        let none = HashMap::new();
        questions
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let (answered, sum) = self.totals.get(&(i as i32)).copied().unwrap_or((0, 0.0));
                question_result(i, q, answered, sum, self.counts.get(&(i as i32)).unwrap_or(&none))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_are_of_those_who_answered_and_means_of_the_values() {
        let q = SurveyQuestion {
            text: "满意吗".into(),
            kind: QuestionKind::SingleChoice,
            required: true,
            options: vec!["满意".into(), "一般".into(), "不满意".into()],
            min_picks: None,
            max_picks: None,
            min: None,
            max: None,
            max_length: None,
            condition: None,
            satisfied_options: Vec::new(),
        };
        let counts = HashMap::from([(0, 2), (2, 1)]);
        let r = question_result(0, &q, 3, 0.0, &counts);
        assert_eq!(
            r.options.iter().map(|o| (o.count, o.share_pct)).collect::<Vec<_>>(),
            vec![(2, Some(66.7)), (0, Some(0.0)), (1, Some(33.3))]
        );
        assert_eq!(r.satisfied_pct, None, "not the satisfaction question");
        let measured = SurveyQuestion { satisfied_options: vec![0, 1], ..q.clone() };
        assert_eq!(question_result(0, &measured, 3, 0.0, &counts).satisfied_pct, Some(66.7));
        let scale = SurveyQuestion { kind: QuestionKind::Scale, options: vec![], ..q };
        assert_eq!(question_result(1, &scale, 3, 13.0, &HashMap::new()).mean, Some(4.33));
    }
}
