//! The baseline: a survey's results by reading every stored response and counting its answers, for
//! the whole survey and per community, the way a platform without kept aggregates would; and the
//! check that both give the same numbers.

use std::collections::{BTreeMap, HashMap};

use shared::{CommunityResult, QuestionResult, SurveyAnswer, SurveyResults};
use sqlx::SqlitePool;

/// One question's tally: how many answered, the sum of values, picks per option.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Tally {
    pub answered: i64,
    pub sum: f64,
    pub picks: HashMap<u32, i64>,
}

/// Tallies per question, for the whole survey and per community.
#[derive(Debug, Default)]
pub struct Scan {
    pub responses: i64,
    pub questions: BTreeMap<u32, Tally>,
    pub communities: BTreeMap<i64, (i64, BTreeMap<u32, Tally>)>,
}

fn add(tallies: &mut BTreeMap<u32, Tally>, a: &SurveyAnswer) {
    let t = tallies.entry(a.question).or_default();
    t.answered += 1;
    t.sum += a.value.unwrap_or(0.0);
    for o in a.choices.iter().flatten() {
        *t.picks.entry(*o).or_default() += 1;
    }
}

/// Reads every response of the survey and counts.
pub async fn full_scan(pool: &SqlitePool, survey_id: i64) -> anyhow::Result<Scan> {
    let rows: Vec<(i64, String)> =
        sqlx::query_as("SELECT community_id, answers FROM survey_responses WHERE survey_id = ?").bind(survey_id).fetch_all(pool).await?;
    let mut scan = Scan::default();
    for (community, answers) in rows {
        let answers: Vec<SurveyAnswer> = serde_json::from_str(&answers)?;
        scan.responses += 1;
        let (count, per_community) = scan.communities.entry(community).or_default();
        *count += 1;
        for a in &answers {
            add(&mut scan.questions, a);
            add(per_community, a);
        }
    }
    Ok(scan)
}

fn same(results: &[QuestionResult], tallies: &BTreeMap<u32, Tally>) -> bool {
    results.iter().all(|r| {
        let t = tallies.get(&r.question).cloned().unwrap_or_default();
        let mean = (t.answered > 0).then(|| (t.sum / t.answered as f64 * 100.0).round() / 100.0);
        r.answered == t.answered
            && r.options.iter().all(|o| o.count == t.picks.get(&o.option).copied().unwrap_or(0))
            && (r.mean.is_none() || r.mean == mean)
    })
}

/// Whether the kept aggregates' results say what the full scan counted: overall, the responses of
/// every community, and each community's breakdown (`breakdowns`, read one by one).
pub fn agrees(results: &SurveyResults, breakdowns: &[CommunityResult], scan: &Scan) -> bool {
    results.responses == scan.responses
        && same(&results.questions, &scan.questions)
        && results.communities.len() == scan.communities.len()
        && results.communities.iter().all(|c| scan.communities.get(&c.community_id).is_some_and(|(count, _)| *count == c.responses))
        && breakdowns.len() == results.communities.iter().filter(|c| c.breakdown).count()
        && breakdowns.iter().all(|c| {
            scan.communities.get(&c.community_id).is_some_and(|(count, tallies)| *count == c.responses && same(&c.questions, tallies))
        })
}
