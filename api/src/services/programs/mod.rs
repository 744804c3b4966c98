//! Co-building programs: the catalogue, programs and their plan (partners, pledges, deliveries,
//! milestones, spend), the lifecycle, roll-ups, public disclosure and export.

mod act;
pub mod catalogue;
mod detail;
pub mod export;
mod list;
mod plan;
mod public;
mod rollup;
mod write;

pub use act::act;
pub use detail::detail;
pub use list::{ProgramFilter, list};
pub use plan::{add_delivery, add_milestone, add_partner, add_pledge, add_spend, update_milestone};
pub use public::{public_detail, public_list};
pub use rollup::rollup;
pub use write::{create, update};

use chrono::NaiveDate;
use sea_orm::ConnectionTrait;
use shared::{Id, ProgramStatus, Quantity, ResourceKind};

use crate::domain::caller::Caller;
use crate::domain::program_lifecycle::{ProgramRole, open_for_changes};
use crate::entities::program;
use crate::entities::stored::{StoredValueInvalid, stored};
use crate::error::ApiError;
use crate::policy::programs::roles;

/// The stored status of a program; an unknown one is an error (see [`stored`]).
pub(crate) fn status_of(p: &program::Model) -> Result<ProgramStatus, StoredValueInvalid> {
    stored(&p.status, "programs", p.id)
}

/// A program whose plan the caller may change now, or why not.
pub(crate) async fn editable<C: ConnectionTrait>(db: &C, caller: &Caller, id: Id) -> Result<program::Model, ApiError> {
    let p = crate::policy::load::<program::Entity, _>(db, caller, id).await?;
    if !roles(caller, &p).contains(&ProgramRole::Author) {
        return Err(ApiError::Forbidden("only staff running the program change it".into()));
    }
    if !open_for_changes(status_of(&p)?) {
        return Err(ApiError::Conflict(format!("a program that is {} no longer changes", p.status)));
    }
    Ok(p)
}

/// The measure fulfilment is counted in: money for funds and technology, person-days for talent,
/// quantity for materials.
pub(crate) fn measure(kind: ResourceKind, q: &Quantity) -> f64 {
    match kind {
        ResourceKind::Funds | ResourceKind::Technology => q.amount_fen.unwrap_or(0) as f64,
        ResourceKind::Talent => q.person_days.unwrap_or(0.0),
        ResourceKind::Materials => q.quantity.unwrap_or(0.0),
    }
}

/// The most a fulfilment shows: beyond a thousandfold the pledge was mistyped, and a ratio over a
/// vanishing pledge (say 1e-300 person-days) would otherwise overflow to infinity, which JSON cannot
/// carry (it would go out as `null`).
pub(crate) const MAX_FULFILMENT: f64 = 1000.0;

/// Delivered over pledged; 0 when nothing was pledged; at most [`MAX_FULFILMENT`].
pub(crate) fn fulfilment(kind: ResourceKind, pledged: &Quantity, delivered: &Quantity) -> f64 {
    let p = measure(kind, pledged);
    if p > 0.0 { (measure(kind, delivered) / p).min(MAX_FULFILMENT) } else { 0.0 }
}

/// Adds two quantities field by field (absent + absent stays absent).
pub(crate) fn add(a: &Quantity, b: &Quantity) -> Quantity {
    fn sum<T: std::ops::Add<Output = T> + Copy>(x: Option<T>, y: Option<T>) -> Option<T> {
        match (x, y) {
            (Some(x), Some(y)) => Some(x + y),
            (x, None) => x,
            (None, y) => y,
        }
    }
    Quantity {
        amount_fen: sum(a.amount_fen, b.amount_fen),
        people: sum(a.people, b.people),
        person_days: sum(a.person_days, b.person_days),
        quantity: sum(a.quantity, b.quantity),
    }
}

/// Milestones count as overdue from the day after their due date.
pub(crate) fn is_overdue(due_on: NaiveDate, done: bool, today: NaiveDate) -> bool {
    !done && due_on < today
}

/// Weighted share of milestones done.
pub(crate) fn progress(milestones: &[(i32, bool)]) -> f64 {
    let total: i64 = milestones.iter().map(|(w, _)| i64::from(*w)).sum();
    let done: i64 = milestones.iter().filter(|(_, d)| *d).map(|(w, _)| i64::from(*w)).sum();
    if total > 0 { done as f64 / total as f64 } else { 0.0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_is_the_weighted_share_done() {
        assert_eq!(progress(&[(30, true), (70, false)]), 0.3);
        assert_eq!(progress(&[]), 0.0);
    }

    #[test]
    fn fulfilment_counts_each_kind_in_its_own_measure() {
        let pledged = Quantity { amount_fen: Some(10_000), people: Some(3), person_days: Some(20.0), quantity: Some(100.0) };
        let delivered = Quantity { amount_fen: Some(2_500), people: Some(3), person_days: Some(5.0), quantity: Some(50.0) };
        assert_eq!(fulfilment(ResourceKind::Funds, &pledged, &delivered), 0.25);
        assert_eq!(fulfilment(ResourceKind::Talent, &pledged, &delivered), 0.25);
        assert_eq!(fulfilment(ResourceKind::Materials, &pledged, &delivered), 0.5);
        assert_eq!(fulfilment(ResourceKind::Funds, &Quantity::default(), &delivered), 0.0);
    }

    #[test]
    fn a_vanishing_pledge_shows_a_capped_fulfilment_never_infinity() {
        let pledged = Quantity { person_days: Some(1e-310), ..Default::default() };
        let delivered = Quantity { person_days: Some(5.0), ..Default::default() };
        assert_eq!(fulfilment(ResourceKind::Talent, &pledged, &delivered), MAX_FULFILMENT);
    }

    #[test]
    fn a_milestone_due_today_is_not_yet_overdue() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).expect("date");
        assert!(!is_overdue(today, false, today));
        assert!(is_overdue(today.pred_opt().expect("date"), false, today));
        assert!(!is_overdue(today.pred_opt().expect("date"), true, today));
    }
}
