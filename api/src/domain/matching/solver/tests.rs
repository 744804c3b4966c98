//! The solver checked against brute force on tiny instances and a textbook min-cost flow on
//! larger ones (proptest), and against the greedy baseline on hand-made cases.

use super::*;
use proptest::prelude::*;

fn arc(need: u32, service: u32, score: u32) -> Arc {
    Arc { need, service, score }
}

fn run(instance: &Instance) -> Solution {
    let mut calls = Vec::new();
    let s = solve(instance, &mut |p| calls.push(p));
    assert!(calls.iter().all(|p| (0.0..=1.0).contains(p)), "progress out of range: {calls:?}");
    assert!(calls.windows(2).all(|w| w[0] <= w[1]), "progress went back: {calls:?}");
    assert_eq!(calls.last(), Some(&1.0));
    check_feasible(instance, &s);
    s
}

/// Capacity respected, only listed arcs, and totals consistent with the assignment.
fn check_feasible(instance: &Instance, s: &Solution) {
    assert_eq!(s.assignment.len(), instance.needs);
    let mut load = vec![0u32; instance.capacities.len()];
    let mut score = 0u64;
    for (need, service) in s.assignment.iter().enumerate() {
        if let Some(service) = *service {
            let best = instance
                .arcs
                .iter()
                .filter(|a| a.need as usize == need && a.service == service)
                .map(|a| a.score)
                .max()
                .expect("the pair is a listed arc");
            score += u64::from(best);
            load[service as usize] += 1;
        }
    }
    for (service, (&l, &c)) in load.iter().zip(&instance.capacities).enumerate() {
        assert!(l <= c, "service {service} holds {l} > {c}");
    }
    assert_eq!(s.assigned, s.assignment.iter().flatten().count());
    assert_eq!(s.total_score, score);
}

/// Every way of assigning (or not) each need: the lexicographic best (assigned, score).
fn brute_force(instance: &Instance) -> (usize, u64) {
    fn go(instance: &Instance, need: usize, room: &mut Vec<u32>, assigned: usize, score: u64, best: &mut (usize, u64)) {
        if need == instance.needs {
            *best = (*best).max((assigned, score));
            return;
        }
        go(instance, need + 1, room, assigned, score, best);
        for a in instance.arcs.iter().filter(|a| a.need as usize == need) {
            let s = a.service as usize;
            if room[s] > 0 {
                room[s] -= 1;
                go(instance, need + 1, room, assigned + 1, score + u64::from(a.score), best);
                room[s] += 1;
            }
        }
    }
    let mut best = (0, 0);
    go(instance, 0, &mut instance.capacities.clone(), 0, 0, &mut best);
    best
}

/// Textbook min-cost max-flow: successive shortest paths found by Bellman–Ford, cost −score.
fn reference(instance: &Instance) -> (usize, u64) {
    let (n, m) = (instance.needs, instance.capacities.len());
    let (source, sink) = (n + m, n + m + 1);
    // (to, capacity, cost, reverse index)
    let mut g: Vec<Vec<(usize, i64, i64, usize)>> = vec![Vec::new(); n + m + 2];
    let add = |g: &mut Vec<Vec<(usize, i64, i64, usize)>>, a: usize, b: usize, cap: i64, cost: i64| {
        let (ra, rb) = (g[b].len(), g[a].len());
        g[a].push((b, cap, cost, ra));
        g[b].push((a, 0, -cost, rb));
    };
    for i in 0..n {
        add(&mut g, source, i, 1, 0);
    }
    for a in &instance.arcs {
        add(&mut g, a.need as usize, n + a.service as usize, 1, -i64::from(a.score));
    }
    for (s, &c) in instance.capacities.iter().enumerate() {
        add(&mut g, n + s, sink, i64::from(c), 0);
    }
    let (mut flow, mut cost) = (0usize, 0i64);
    loop {
        let mut dist = vec![i64::MAX; g.len()];
        let mut prev = vec![(usize::MAX, 0usize); g.len()];
        dist[source] = 0;
        for _ in 0..g.len() {
            let mut changed = false;
            for u in 0..g.len() {
                if dist[u] == i64::MAX {
                    continue;
                }
                for (k, &(v, cap, c, _)) in g[u].iter().enumerate() {
                    if cap > 0 && dist[u] + c < dist[v] {
                        dist[v] = dist[u] + c;
                        prev[v] = (u, k);
                        changed = true;
                    }
                }
            }
            if !changed {
                break;
            }
        }
        if dist[sink] == i64::MAX {
            return (flow, (-cost) as u64);
        }
        let mut v = sink;
        while v != source {
            let (u, k) = prev[v];
            g[u][k].1 -= 1;
            let r = g[u][k].3;
            g[v][r].1 += 1;
            v = u;
        }
        flow += 1;
        cost += dist[sink];
    }
}

fn instances(max_needs: usize, max_services: usize, max_cap: u32, max_arcs: usize) -> impl Strategy<Value = Instance> {
    (0..=max_needs, 1..=max_services).prop_flat_map(move |(needs, services)| {
        let arcs = if needs == 0 {
            Just(Vec::new()).boxed()
        } else {
            proptest::collection::vec((0..needs as u32, 0..services as u32, 1..=1000u32), 0..=max_arcs)
                .prop_map(|v| v.into_iter().map(|(n, s, score)| arc(n, s, score)).collect())
                .boxed()
        };
        (proptest::collection::vec(0..=max_cap, services), arcs).prop_map(move |(capacities, arcs)| Instance { needs, capacities, arcs })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// (a) never over capacity, (b) only listed arcs, (c) the brute-force lexicographic optimum.
    #[test]
    fn tiny_instances_match_brute_force(instance in instances(6, 4, 3, 14)) {
        let s = run(&instance);
        prop_assert_eq!((s.assigned, s.total_score), brute_force(&instance));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Larger instances, with duplicate pairs and tight capacities, against a textbook min-cost flow.
    #[test]
    fn medium_instances_match_a_reference_min_cost_flow(instance in instances(40, 12, 4, 160)) {
        let s = run(&instance);
        prop_assert_eq!((s.assigned, s.total_score), reference(&instance));
    }
}

#[test]
fn beats_greedy_on_score() {
    // Greedy takes 0→0 (1000) and is left with 1→1 (100): 1100. The optimum swaps: 600 + 900.
    let instance =
        Instance { needs: 2, capacities: vec![1, 1], arcs: vec![arc(0, 0, 1000), arc(0, 1, 600), arc(1, 0, 900), arc(1, 1, 100)] };
    let g = crate::domain::matching::greedy::greedy(&instance);
    assert_eq!((g.assigned, g.total_score), (2, 1100));
    let s = run(&instance);
    assert_eq!(s.assignment, vec![Some(1), Some(0)]);
    assert_eq!((s.assigned, s.total_score), (2, 1500));
}

#[test]
fn beats_greedy_on_needs_served_before_score() {
    // Greedy gives service 0 to need 0 (1000) and need 1 goes without; serving both is worth
    // less in points (1 + 1) but comes first.
    let instance = Instance { needs: 2, capacities: vec![1, 1], arcs: vec![arc(0, 0, 1000), arc(0, 1, 1), arc(1, 0, 1)] };
    let g = crate::domain::matching::greedy::greedy(&instance);
    assert_eq!((g.assigned, g.total_score), (1, 1000));
    let s = run(&instance);
    assert_eq!(s.assignment, vec![Some(1), Some(0)]);
    assert_eq!((s.assigned, s.total_score), (2, 2));
}

#[test]
fn a_later_need_takes_the_place_when_it_scores_higher() {
    // One place, two needs: the first one processed must give way.
    let instance = Instance { needs: 2, capacities: vec![1], arcs: vec![arc(0, 0, 1), arc(1, 0, 1000)] };
    let s = run(&instance);
    assert_eq!(s.assignment, vec![None, Some(0)]);
    assert_eq!(s.total_score, 1000);
}

#[test]
fn degenerate_instances() {
    let empty = run(&Instance::default());
    assert_eq!((empty.assignment.len(), empty.assigned, empty.total_score), (0, 0, 0));

    let no_arcs = run(&Instance { needs: 3, capacities: vec![2, 2], arcs: vec![] });
    assert_eq!(no_arcs.assignment, vec![None; 3]);

    let no_services = run(&Instance { needs: 2, capacities: vec![], arcs: vec![arc(0, 0, 5)] });
    assert_eq!(no_services.assignment, vec![None; 2]);

    let no_room = run(&Instance { needs: 2, capacities: vec![0, 0], arcs: vec![arc(0, 0, 5), arc(1, 1, 7)] });
    assert_eq!(no_room.assignment, vec![None; 2]);

    // Out-of-range arcs are ignored.
    let out_of_range = run(&Instance { needs: 1, capacities: vec![1], arcs: vec![arc(0, 3, 900), arc(4, 0, 900), arc(0, 0, 10)] });
    assert_eq!((out_of_range.assignment.clone(), out_of_range.total_score), (vec![Some(0)], 10));

    // Duplicate pairs: the best score counts.
    let dup =
        run(&Instance { needs: 2, capacities: vec![1, 1], arcs: vec![arc(0, 0, 10), arc(0, 0, 700), arc(1, 0, 500), arc(1, 1, 100)] });
    assert_eq!(dup.assignment, vec![Some(0), Some(1)]);
    assert_eq!(dup.total_score, 800);

    // Huge capacities are capped by the arcs; equal scores everywhere.
    let flat = run(&Instance { needs: 3, capacities: vec![u32::MAX], arcs: (0..3).map(|n| arc(n, 0, 1000)).collect() });
    assert_eq!((flat.assigned, flat.total_score), (3, 3000));
}
