//! 民意调查 surveys: staff build a questionnaire for an area (a community or a subtree root), open it
//! for a window, residents answer it once (or staff enter a paper questionnaire), and results are
//! read from aggregates kept as answers arrive. Questions and options are numbered from 0 in the
//! order they are listed; a condition names an earlier question by that number.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{TargetGroup, code_enum};

code_enum! {
    /// Where a survey is in its lifecycle.
    pub enum SurveyStatus {
        /// 草稿 — being built; questions may change.
        Draft = "draft",
        /// 进行中 — taking answers within its window.
        Open = "open",
        /// 已结束 — no more answers; results stay.
        Closed = "closed",
    }
}

code_enum! {
    /// Something done to a survey; each is a row (state, action) of the lifecycle table.
    pub enum SurveyAction {
        /// Change the title, window, audience or questions (draft only).
        Edit = "edit",
        Open = "open",
        /// A response is recorded (open only, within the window).
        Answer = "answer",
        Close = "close",
    }
}

code_enum! {
    /// Who may answer.
    pub enum SurveyAudience {
        /// 全体居民 of the target area.
        AllResidents = "all_residents",
        /// 已认证居民 only.
        VerifiedResidents = "verified_residents",
    }
}

code_enum! {
    /// The kind of a question, which says what an answer carries.
    pub enum QuestionKind {
        /// 单选: `choices` holds one option.
        SingleChoice = "single_choice",
        /// 多选: `choices` holds between `min_picks` and `max_picks` options.
        MultipleChoice = "multiple_choice",
        /// 量表 1–5: `value`.
        Scale = "scale",
        /// 数值 between `min` and `max`: `value`.
        Number = "number",
        /// 文字: `text`, at most `max_length` characters.
        Text = "text",
    }
}

/// Show a question only if an earlier question's answer picked one of `options`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct QuestionCondition {
    /// The number (from 0) of an earlier single or multiple choice question.
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 99, example = 0))]
    pub question: u32,
    /// Option numbers (from 0) of that question; any one of them shows this question.
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 30, example = json!([3, 4])))]
    pub options: Vec<u32>,
}

/// One question of a survey.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SurveyQuestion {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 300, pattern = r"\S", example = "您对社区环境卫生是否满意？"))]
    pub text: String,
    pub kind: QuestionKind,
    #[serde(default)]
    pub required: bool,
    /// The options of a choice question (at least two), in order.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 30, example = json!(["非常满意", "满意", "一般", "不满意"])))]
    pub options: Vec<String>,
    /// Multiple choice: fewest and most options picked.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 30))]
    pub min_picks: Option<u32>,
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 30))]
    pub max_picks: Option<u32>,
    /// Number: the smallest and largest value accepted.
    #[cfg_attr(feature = "openapi", schema(minimum = -1_000_000_000, maximum = 1_000_000_000))]
    pub min: Option<f64>,
    #[cfg_attr(feature = "openapi", schema(minimum = -1_000_000_000, maximum = 1_000_000_000))]
    pub max: Option<f64>,
    /// Text: the longest answer, in characters (500 when not given).
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 2000))]
    pub max_length: Option<u32>,
    pub condition: Option<QuestionCondition>,
    /// Single choice: the options that count as satisfied (满意). The survey's satisfied answers ÷
    /// its answers to this question make 居民满意度（问卷）, the KPI seed 002's 90 % is judged on.
    /// At most one question of a survey.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "openapi", schema(max_items = 30, example = json!([0, 1])))]
    pub satisfied_options: Vec<u32>,
}

/// Whether question `i` is shown, given what was picked so far: `picked(q, o)` says whether option
/// `o` of question `q` is picked. A question without a condition is always shown; one with a
/// condition only when the earlier question it names is itself shown and one of the condition's
/// options is picked there. The API checks answers with this rule and the resident's form shows and
/// hides questions with it, so both agree.
pub fn question_shown(questions: &[SurveyQuestion], i: usize, picked: &impl Fn(usize, u32) -> bool) -> bool {
    match questions.get(i).and_then(|q| q.condition.as_ref()) {
        None => i < questions.len(),
        Some(cond) => {
            let q = cond.question as usize;
            q < i && question_shown(questions, q, picked) && cond.options.iter().any(|o| picked(q, *o))
        }
    }
}

/// A survey as staff write it: a new draft, or a draft's full replacement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SurveyDraft {
    /// The target: a community, or a street / district whose whole subtree is asked.
    #[cfg_attr(feature = "openapi", schema(example = 5))]
    pub area_id: i64,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100, pattern = r"\S", example = "2026年度居民满意度调查"))]
    pub title: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000, example = "请您对社区一年来的服务和环境作出评价。"))]
    pub description: String,
    pub audience: SurveyAudience,
    /// Anonymous: answers are stored without who gave them (participation is kept apart).
    #[serde(default)]
    pub anonymous: bool,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    #[cfg_attr(feature = "openapi", schema(max_items = 100))]
    pub questions: Vec<SurveyQuestion>,
    /// Only residents staff recorded in one of these target groups (目标群体) may answer; empty:
    /// no group restriction. Each group at most once.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 10, example = json!(["elderly", "elderly_living_alone"])))]
    pub target_groups: Vec<TargetGroup>,
}

/// Start a draft from a shipped template: the target and the window.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SurveyFromTemplate {
    #[cfg_attr(feature = "openapi", schema(example = 5))]
    pub area_id: i64,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
}

/// A template shipped with the platform (as data).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyTemplate {
    /// Stable code (`annual_satisfaction`, `community_checkup`).
    pub code: String,
    pub title: String,
    pub description: String,
    /// Where it comes from (the seed document).
    pub source: String,
    pub audience: SurveyAudience,
    pub anonymous: bool,
    pub questions: Vec<SurveyQuestion>,
}

/// A survey as the API returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Survey {
    pub id: i64,
    pub status: SurveyStatus,
    pub area_id: i64,
    pub area_name: String,
    pub title: String,
    pub description: String,
    pub audience: SurveyAudience,
    pub anonymous: bool,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    pub questions: Vec<SurveyQuestion>,
    /// The target groups that may answer, in code order; empty: everyone of the audience.
    #[serde(default)]
    pub target_groups: Vec<TargetGroup>,
    pub response_count: i64,
    /// Whether the caller (a resident) has answered already.
    pub answered: bool,
    /// The moves the caller may make now.
    pub actions: Vec<SurveyAction>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// One answer; which field it carries depends on the question's kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SurveyAnswer {
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 99, example = 0))]
    pub question: u32,
    /// Choice questions: the option numbers picked.
    #[cfg_attr(feature = "openapi", schema(max_items = 30, example = json!([1])))]
    pub choices: Option<Vec<u32>>,
    /// Scale (1–5) and number questions.
    #[cfg_attr(feature = "openapi", schema(minimum = -1_000_000_000, maximum = 1_000_000_000))]
    pub value: Option<f64>,
    /// Text questions.
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub text: Option<String>,
}

/// A resident's response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SurveyResponseBody {
    #[cfg_attr(feature = "openapi", schema(max_items = 100))]
    pub answers: Vec<SurveyAnswer>,
}

/// A paper questionnaire entered by staff: for a resident, or anonymous with the community it
/// was collected in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PaperResponse {
    /// The resident who filled it in; none for an anonymous paper questionnaire.
    pub resident_id: Option<i64>,
    /// The community it was collected in (required without a resident unless the survey targets one community).
    pub community_id: Option<i64>,
    #[cfg_attr(feature = "openapi", schema(max_items = 100))]
    pub answers: Vec<SurveyAnswer>,
}

/// What was recorded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyReceipt {
    pub survey_id: i64,
    pub response_id: i64,
    pub paper: bool,
    pub created_at: DateTime<Utc>,
}

/// One option's count and share of those who answered the question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OptionResult {
    pub option: u32,
    pub label: String,
    pub count: i64,
    /// Percent of the question's answers, one decimal; none before any answer.
    pub share_pct: Option<f64>,
}

/// One question's results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuestionResult {
    pub question: u32,
    pub text: String,
    pub kind: QuestionKind,
    /// How many responses answered it.
    pub answered: i64,
    /// Choice questions.
    pub options: Vec<OptionResult>,
    /// Scale and number questions: the mean, two decimals.
    pub mean: Option<f64>,
    /// The survey's satisfaction question: the share of its answers that picked a satisfied
    /// option (满意率), one decimal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub satisfied_pct: Option<f64>,
}

/// The fewest responses a community needs before its answers are broken down on their own: with
/// fewer, a breakdown could point at who answered what (a survey's whole target is always shown).
pub const MIN_GROUP: i64 = 5;

/// How many responses came from one community, and whether its breakdown is shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CommunityResponses {
    pub community_id: i64,
    pub community_name: String,
    pub responses: i64,
    /// At least [`MIN_GROUP`] responses: read its breakdown with `?community_id=`.
    pub breakdown: bool,
}

/// One community's answers, per question, as for the whole survey.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CommunityResult {
    pub community_id: i64,
    pub community_name: String,
    pub responses: i64,
    pub questions: Vec<QuestionResult>,
}

/// How many responses came from one target group (目标群体), and its answers once it has
/// [`MIN_GROUP`] responses. A respondent counts once in each of their groups; those in none are
/// counted under `target_group: null` (未登记群体). Anonymous paper questionnaires name no resident and
/// count there too.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TargetGroupResult {
    /// `null`: respondents in no recorded group.
    pub target_group: Option<TargetGroup>,
    pub responses: i64,
    /// At least [`MIN_GROUP`] responses: `questions` holds the group's answers (else it is empty).
    pub breakdown: bool,
    pub questions: Vec<QuestionResult>,
}

/// Results while the survey runs and after, read from the kept aggregates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyResults {
    pub survey_id: i64,
    pub status: SurveyStatus,
    pub responses: i64,
    /// The whole target.
    pub questions: Vec<QuestionResult>,
    /// Every community that answered, most responses first.
    pub communities: Vec<CommunityResponses>,
    /// The community asked for with `community_id`.
    pub community: Option<CommunityResult>,
    /// Every target group that answered (in code order, `null` last), with its answers past
    /// [`MIN_GROUP`] responses.
    #[serde(default)]
    pub by_target_group: Vec<TargetGroupResult>,
}

/// Which community's breakdown to add to a survey's results.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct ResultsQuery {
    /// A community with at least [`MIN_GROUP`] responses (see `communities[].breakdown`).
    #[cfg_attr(feature = "openapi", param(minimum = 1, example = 5))]
    pub community_id: Option<i64>,
}

/// One free-text answer (no name: answers are listed without who gave them).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TextAnswer {
    pub id: i64,
    pub question: u32,
    pub community_id: i64,
    pub text: String,
    pub created_at: DateTime<Utc>,
}

/// Filters of the survey list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct SurveyListQuery {
    pub status: Option<SurveyStatus>,
    #[cfg_attr(feature = "openapi", param(max_length = 512))]
    pub cursor: Option<String>,
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 200))]
    pub limit: Option<u64>,
}

/// Paging through one question's free-text answers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct TextAnswerQuery {
    /// The question's number (from 0); all text questions when absent.
    #[cfg_attr(feature = "openapi", param(minimum = 0, maximum = 99))]
    pub question: Option<u32>,
    #[cfg_attr(feature = "openapi", param(max_length = 512))]
    pub cursor: Option<String>,
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 200))]
    pub limit: Option<u64>,
}

/// 居民决策性参与比例: distinct residents who took part in a decision in the period ÷ residents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Participation {
    pub area_id: i64,
    pub period: crate::Period,
    /// Residents who co-signed a topic, rated an outcome or answered a survey in the period.
    pub participants: i64,
    /// Resident accounts whose home is in the area.
    pub residents: i64,
    /// Percent, one decimal; none without residents.
    pub percent: Option<f64>,
}

/// A lifecycle step asked of a survey: `open` or `close` (editing and answering have endpoints of
/// their own).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SurveyActionRequest {
    pub action: SurveyStep,
}

code_enum! {
    /// The steps `POST /surveys/{id}/actions` takes.
    pub enum SurveyStep {
        Open = "open",
        Close = "close",
    }
}

impl SurveyStep {
    /// The lifecycle action this step is.
    pub fn action(self) -> SurveyAction {
        match self {
            Self::Open => SurveyAction::Open,
            Self::Close => SurveyAction::Close,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(condition: Option<(u32, Vec<u32>)>) -> SurveyQuestion {
        SurveyQuestion {
            text: "问题".into(),
            kind: QuestionKind::SingleChoice,
            required: false,
            options: vec!["是".into(), "否".into()],
            min_picks: None,
            max_picks: None,
            min: None,
            max: None,
            max_length: None,
            condition: condition.map(|(question, options)| QuestionCondition { question, options }),
            satisfied_options: Vec::new(),
        }
    }

    #[test]
    fn a_conditional_question_shows_once_its_option_is_picked_and_its_parent_shows() {
        // 0 → 1 shown after 否 at 0 → 2 shown after 是 at 1.
        let qs = vec![question(None), question(Some((0, vec![1]))), question(Some((1, vec![0])))];
        let nothing = |_: usize, _: u32| false;
        assert!(question_shown(&qs, 0, &nothing));
        assert!(!question_shown(&qs, 1, &nothing));
        let no_then_yes = |q: usize, o: u32| (q, o) == (0, 1) || (q, o) == (1, 0);
        assert!(question_shown(&qs, 1, &no_then_yes) && question_shown(&qs, 2, &no_then_yes));
        // A stale pick under a hidden question shows nothing below it.
        let yes_then_yes = |q: usize, o: u32| (q, o) == (0, 0) || (q, o) == (1, 0);
        assert!(!question_shown(&qs, 2, &yes_then_yes));
    }

    #[test]
    fn a_condition_on_a_later_question_or_a_missing_one_hides_it() {
        let qs = vec![question(Some((1, vec![0]))), question(None)];
        assert!(!question_shown(&qs, 0, &|_, _| true));
        assert!(!question_shown(&qs, 5, &|_, _| true));
    }
}
