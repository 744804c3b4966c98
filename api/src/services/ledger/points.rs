//! Points for taking part (参与积分) and the caps on every points credit.
//!
//! Taking part in consultation (co-signing a topic, rating its outcome) and answering a survey earn
//! the points of the district's rule, credited in the transaction that records the event, exactly
//! once: the transfer's idempotency key names the event and the person, and the events themselves
//! happen once per person (their UNIQUE rows decide a race).
//!
//! Every points credit — these, activities and served needs — goes through [`capped`]: it counts
//! what the person earned today and this month (China calendar) from earning transfers not reversed
//! since, and clips the credit to the room left. The person's points account and the issuance
//! account are locked first (a no-op update, in id order like `post`), so two credits at once on
//! PostgreSQL cannot both see the same room; on SQLite writers are serialised anyway.

use std::collections::HashSet;

use chrono::{DateTime, Datelike, NaiveTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use shared::{HolderKind, Id, LedgerUnit, TransferKind};

use super::post::{Draft, PostError, post};
use super::{Holder, community_of, ensure_account, issuance_account, person_holder, rules_at};
use crate::clock::{china, china_date};
use crate::domain::ledger::caps::{Capped, Caps, clip};
use crate::entities::stored::stored;
use crate::entities::{area, ledger_account, ledger_posting, ledger_transfer, user};
use crate::error::ApiError;

/// The transfers that count as earning points, for the caps.
const EARNING: [TransferKind; 3] = [TransferKind::NeedServed, TransferKind::Activity, TransferKind::Participation];

/// Something a resident took part in that earns points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Taking {
    /// Co-signed a consultation topic (联名).
    CosignTopic,
    /// Rated the outcome of a topic (评议).
    RateTopic,
    /// Answered a survey (民意调查), online or on paper entered by staff.
    AnswerSurvey,
}

impl Taking {
    fn key(self, source: Id, person: Id) -> String {
        let what = match self {
            Taking::CosignTopic => "topic_cosign",
            Taking::RateTopic => "topic_rating",
            Taking::AnswerSurvey => "survey_answer",
        };
        format!("{what}:{source}:{person}")
    }

    fn source_kind(self) -> &'static str {
        match self {
            Taking::CosignTopic | Taking::RateTopic => "topic",
            Taking::AnswerSurvey => "survey",
        }
    }

    fn memo(self, title: &str) -> String {
        let title: String = title.chars().take(60).collect();
        match self {
            Taking::CosignTopic => format!("联名议题「{title}」"),
            Taking::RateTopic => format!("评议议题「{title}」的办理结果"),
            Taking::AnswerSurvey => format!("参与问卷调查「{title}」"),
        }
    }
}

/// The start (UTC) of the China calendar day and month that `now` falls in.
fn day_and_month_start(now: DateTime<Utc>) -> (DateTime<Utc>, DateTime<Utc>) {
    let today = china_date(now);
    let start = |d: chrono::NaiveDate| d.and_time(NaiveTime::MIN).and_local_timezone(china()).single().map_or(now, |t| t.to_utc());
    (start(today), start(today.with_day(1).unwrap_or(today)))
}

/// Points earned into `account` since the start of this month and of today, not reversed since.
async fn earned<C: ConnectionTrait>(db: &C, account: Id, now: DateTime<Utc>) -> Result<(i64, i64), ApiError> {
    let (day, month) = day_and_month_start(now);
    let postings = ledger_posting::Entity::find()
        .filter(ledger_posting::Column::AccountId.eq(account))
        .filter(ledger_posting::Column::CreatedAt.gte(month))
        .all(db)
        .await?;
    let ids: Vec<Id> = postings.iter().map(|p| p.transfer_id).collect();
    let earning: HashSet<Id> = ledger_transfer::Entity::find()
        .filter(ledger_transfer::Column::Id.is_in(ids))
        .filter(ledger_transfer::Column::Kind.is_in(EARNING.map(|k| k.as_str())))
        .all(db)
        .await?
        .into_iter()
        .map(|t| t.id)
        .collect();
    let reversed: HashSet<Id> = ledger_transfer::Entity::find()
        .filter(ledger_transfer::Column::ReversesId.is_in(earning.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|t| t.reverses_id)
        .collect();
    let counted = postings.iter().filter(|p| earning.contains(&p.transfer_id) && !reversed.contains(&p.transfer_id));
    let (mut today, mut this_month) = (0, 0);
    for p in counted {
        this_month += p.amount;
        if p.created_at >= day {
            today += p.amount;
        }
    }
    Ok((today, this_month))
}

/// Clips a credit of `wanted` points into `account` (from `issuance`) to the caps.
pub async fn capped<C: ConnectionTrait>(
    db: &C,
    account: &ledger_account::Model,
    issuance: &ledger_account::Model,
    wanted: i64,
    caps: Caps,
    now: DateTime<Utc>,
) -> Result<Capped, ApiError> {
    if caps == Caps::default() {
        return Ok(clip(wanted, 0, 0, caps));
    }
    let mut ids = [account.id, issuance.id];
    ids.sort_unstable();
    for id in ids {
        // Takes the row lock on PostgreSQL until the transaction ends: the next credit waits here.
        ledger_account::Entity::update_many()
            .col_expr(ledger_account::Column::Balance, Expr::col(ledger_account::Column::Balance))
            .filter(ledger_account::Column::Id.eq(id))
            .exec(db)
            .await?;
    }
    let (today, this_month) = earned(db, account.id, now).await?;
    Ok(clip(wanted, today, this_month, caps))
}

/// The memo of a credit, with the cap that clipped it if any.
pub fn memo(reason: String, capped: Capped, caps: Caps) -> String {
    match capped.clipped_by {
        Some(cap) => {
            let limit = match cap {
                crate::domain::ledger::caps::Cap::Daily => caps.daily,
                crate::domain::ledger::caps::Cap::Monthly => caps.monthly,
            };
            format!("{reason}{}", cap.memo(limit.unwrap_or(0)))
        }
        None => reason,
    }
}

/// Credits `person` the points for taking part in `source` (a topic or survey titled `title`), in
/// the caller's transaction; returns the transfer, or none when the rule grants nothing, the caps
/// leave no room, or the person lives outside any community.
pub async fn credit_taking_part<C: ConnectionTrait>(
    db: &C,
    person: Id,
    taking: Taking,
    source: Id,
    title: &str,
    now: DateTime<Utc>,
) -> Result<Option<Id>, ApiError> {
    let key = taking.key(source, person);
    if let Some(t) = ledger_transfer::Entity::find().filter(ledger_transfer::Column::IdempotencyKey.eq(key.as_str())).one(db).await? {
        return Ok(Some(t.id));
    }
    let Some((who, Some(home))) = user::Entity::find_by_id(person).find_also_related(area::Entity).one(db).await? else {
        return Ok(None);
    };
    let Some(community) = community_of(db, &home.path).await? else { return Ok(None) };
    let rules = rules_at(db, &home.path).await?;
    let wanted = match taking {
        Taking::CosignTopic | Taking::RateTopic => rules.points.per_consultation,
        Taking::AnswerSurvey => rules.points.per_survey,
    };
    if wanted <= 0 {
        return Ok(None);
    }
    let kind: HolderKind = person_holder(stored(&who.role, "users", who.id)?);
    let holder = Holder { kind, id: who.id, name: &who.display_name, area_id: home.id, area_path: &home.path };
    let account = ensure_account(db, &holder, LedgerUnit::Points, now).await?;
    let issuance = issuance_account(db, &community, LedgerUnit::Points, now).await?;
    let got = capped(db, &account, &issuance, wanted, rules.caps, now).await?;
    if got.granted == 0 {
        return Ok(None);
    }
    let draft = Draft {
        kind: TransferKind::Participation,
        reason: memo(taking.memo(title), got, rules.caps),
        source: Some((taking.source_kind(), source)),
        reverses: None,
        idempotency_key: Some(key),
        created_by: None,
        legs: vec![(account, got.granted), (issuance, -got.granted)],
        now,
    };
    match post(db, draft).await {
        Ok((t, _)) => Ok(Some(t.id)),
        Err(PostError::Api(e)) => Err(e),
        Err(other) => Err(ApiError::Unexpected(anyhow::anyhow!("points for taking part refused by the ledger: {other}"))),
    }
}
