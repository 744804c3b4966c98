//! Demo surveys (民意调查) in 缤纷社区, through the real service functions: the annual satisfaction
//! survey from its template, open, with a few paper questionnaires entered by the community worker
//! (so results, free text and exports have something to show); and a draft of the 社区体检
//! questionnaire and of the satisfaction survey, for the builder. The demo resident has not answered, so they can.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ConnectionTrait, EntityTrait, PaginatorTrait};
use shared::{PaperResponse, SurveyAnswer, SurveyFromTemplate, SurveyStep};

use super::demo_caller as caller;
use crate::entities::survey;
use crate::error::ApiError;
use crate::services::surveys;

fn choice(question: u32, option: u32) -> SurveyAnswer {
    SurveyAnswer { question, choices: Some(vec![option]), value: None, text: None }
}

fn scale(question: u32, value: f64) -> SurveyAnswer {
    SurveyAnswer { question, choices: None, value: Some(value), text: None }
}

/// One paper questionnaire: overall (option), four scales, picks when dissatisfied, took part
/// (option), comment.
type Paper = (u32, [f64; 4], &'static [u32], u32, &'static str);

const PAPERS: [Paper; 5] = [
    (0, [5.0, 5.0, 4.0, 4.0], &[], 0, "希望多组织亲子活动"),
    (1, [4.0, 4.0, 5.0, 3.0], &[], 1, ""),
    (1, [4.0, 3.0, 4.0, 4.0], &[], 0, "东门充电棚建得很及时"),
    (2, [3.0, 3.0, 4.0, 2.0], &[], 1, ""),
    (3, [2.0, 2.0, 3.0, 2.0], &[5, 7], 1, "停车位太少，物业响应慢"),
];

/// Seeds the demo surveys once (none when any survey exists); returns how many.
pub async fn seed<C: ConnectionTrait>(db: &C, now: DateTime<Utc>) -> Result<usize, ApiError> {
    if survey::Entity::find().count(db).await? > 0 {
        return Ok(0);
    }
    let staff = caller(db, "community").await?;
    let window = SurveyFromTemplate { area_id: staff.area_id, opens_at: now - Duration::days(7), closes_at: now + Duration::days(90) };
    let satisfaction = surveys::from_template(db, &staff, "annual_satisfaction", &window, now, None).await?;
    surveys::act(db, &staff, satisfaction.id, SurveyStep::Open, now, None).await?;
    for (overall, scales, picks, took_part, comment) in PAPERS {
        let mut answers = vec![choice(0, overall)];
        answers.extend(scales.iter().enumerate().map(|(i, v)| scale(i as u32 + 1, *v)));
        if !picks.is_empty() {
            answers.push(SurveyAnswer { question: 5, choices: Some(picks.to_vec()), value: None, text: None });
        }
        answers.push(choice(6, took_part));
        if took_part == 1 {
            answers.push(choice(7, 0));
        }
        if !comment.is_empty() {
            answers.push(SurveyAnswer { question: 8, choices: None, value: None, text: Some(comment.into()) });
        }
        let paper = PaperResponse { resident_id: None, community_id: Some(staff.area_id), answers };
        surveys::enter_paper(db, &staff, satisfaction.id, &paper, now).await?;
    }
    // Two drafts: one to edit, one to open (ids 2 and 3 on a fresh database).
    surveys::from_template(db, &staff, "community_checkup", &window, now, None).await?;
    surveys::from_template(db, &staff, "annual_satisfaction", &window, now, None).await?;
    Ok(3)
}
