//! What changed from a plan to its re-plan, need by need: a pure comparison of their rows.

use std::collections::BTreeMap;

use shared::{Id, PlanChange, PlanChangeKind};

use crate::entities::plan_row;

/// What changed from the parent plan to this one, need by need.
pub fn changes(parent: &[plan_row::Model], child: &[plan_row::Model]) -> Vec<PlanChange> {
    let before: BTreeMap<Id, Option<Id>> = parent.iter().map(|r| (r.need_id, r.service_id)).collect();
    let after: BTreeMap<Id, Option<Id>> = child.iter().map(|r| (r.need_id, r.service_id)).collect();
    let mut needs: Vec<Id> = before.keys().chain(after.keys()).copied().collect();
    needs.sort_unstable();
    needs.dedup();
    needs
        .into_iter()
        .filter_map(|need_id| {
            let (from, to) = (before.get(&need_id).copied(), after.get(&need_id).copied());
            let kind = match (from, to) {
                (None, Some(_)) => PlanChangeKind::Added,
                (Some(_), None) => PlanChangeKind::Removed,
                (Some(None), Some(Some(_))) => PlanChangeKind::NowAssigned,
                (Some(Some(_)), Some(None)) => PlanChangeKind::NowUnassigned,
                (Some(Some(a)), Some(Some(b))) if a != b => PlanChangeKind::Moved,
                _ => return None,
            };
            Some(PlanChange { need_id, kind, from_service_id: from.flatten(), to_service_id: to.flatten() })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(need_id: Id, service_id: Option<Id>) -> plan_row::Model {
        plan_row::Model { id: 0, plan_id: 0, need_id, service_id, score: None, reason: None, outcome: None, outcome_note: None }
    }

    #[test]
    fn changes_name_every_kind_of_move() {
        let parent = [row(1, Some(10)), row(2, None), row(3, Some(10)), row(4, Some(11)), row(5, Some(12))];
        let child = [row(1, Some(10)), row(2, Some(11)), row(3, None), row(4, Some(12)), row(6, None)];
        let kinds: Vec<(Id, PlanChangeKind)> = changes(&parent, &child).into_iter().map(|c| (c.need_id, c.kind)).collect();
        assert_eq!(
            kinds,
            vec![
                (2, PlanChangeKind::NowAssigned),
                (3, PlanChangeKind::NowUnassigned),
                (4, PlanChangeKind::Moved),
                (5, PlanChangeKind::Removed),
                (6, PlanChangeKind::Added),
            ]
        );
    }
}
