//! The greedy baseline: best-scoring pairs first while capacity lasts. Not optimal; used by the
//! benchmark to show what the exact solver buys.

use super::solver::{Instance, Solution};

/// Takes the pairs by score, best first (ties by need, then service), and assigns a pair while its
/// need is still free and its service has room. Out-of-range arcs are ignored.
pub fn greedy(instance: &Instance) -> Solution {
    let services = instance.capacities.len();
    let mut arcs: Vec<_> = instance.arcs.iter().filter(|a| (a.need as usize) < instance.needs && (a.service as usize) < services).collect();
    arcs.sort_unstable_by_key(|a| (std::cmp::Reverse(a.score), a.need, a.service));
    let mut room = instance.capacities.clone();
    let mut assignment = vec![None; instance.needs];
    let mut assigned = 0;
    let mut total_score = 0u64;
    for a in arcs {
        let (need, service) = (a.need as usize, a.service as usize);
        if assignment[need].is_none() && room[service] > 0 {
            room[service] -= 1;
            assignment[need] = Some(a.service);
            assigned += 1;
            total_score += u64::from(a.score);
        }
    }
    Solution { assignment, assigned, total_score }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::matching::solver::Arc;

    fn arc(need: u32, service: u32, score: u32) -> Arc {
        Arc { need, service, score }
    }

    #[test]
    fn takes_the_best_pairs_first_within_capacity() {
        // Service 0 has one place: need 1 scores it higher, so need 0 falls back to service 1; service
        // 2 has no room at all.
        let instance = Instance {
            needs: 3,
            capacities: vec![1, 1, 0],
            arcs: vec![arc(0, 0, 800), arc(0, 1, 300), arc(1, 0, 900), arc(2, 2, 1000), arc(2, 1, 100)],
        };
        let s = greedy(&instance);
        assert_eq!(s.assignment, vec![Some(1), Some(0), None]);
        assert_eq!((s.assigned, s.total_score), (2, 1200));
    }

    #[test]
    fn ties_go_to_the_lower_need_then_service() {
        let instance = Instance { needs: 2, capacities: vec![1, 1], arcs: vec![arc(1, 0, 500), arc(0, 1, 500), arc(0, 0, 500)] };
        let s = greedy(&instance);
        assert_eq!(s.assignment, vec![Some(0), None]);
        assert_eq!((s.assigned, s.total_score), (1, 500));
    }

    #[test]
    fn empty_instances_assign_nothing() {
        let s = greedy(&Instance::default());
        assert_eq!((s.assignment.len(), s.assigned, s.total_score), (0, 0, 0));
    }
}
