//! The exact batch assignment: needs to service capacity, most needs served first, then the best
//! total score, never over capacity. See `solve`.
//!
//! The instance, the solution and the residual network are here; building the network and reading
//! the solution off it in `network`, step 1 (most needs) in `max_flow`, steps 2–3 (best score) in
//! `min_cost` with its `radix_heap`; the property tests against brute force and a reference flow
//! in `tests`.

mod max_flow;
mod min_cost;
mod network;
mod radix_heap;
#[cfg(test)]
mod tests;

/// One assignment problem. Needs are `0..needs`; services are `0..capacities.len()`.
#[derive(Debug, Clone, Default)]
pub struct Instance {
    pub needs: usize,
    /// Places left per service.
    pub capacities: Vec<u32>,
    /// The eligible (need, service) pairs; pairs not listed cannot be assigned.
    pub arcs: Vec<Arc>,
}

/// An eligible pair and its score in points (1..=1000: the 0–100 score with one decimal).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arc {
    pub need: u32,
    pub service: u32,
    pub score: u32,
}

/// The optimum: per need the service it goes to, or `None`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Solution {
    pub assignment: Vec<Option<u32>>,
    pub assigned: usize,
    pub total_score: u64,
}

/// Lexicographic optimum: the most needs assigned, and among those the highest total score.
/// `progress` receives 0.0..=1.0 as the work advances (about a hundred calls, the last one 1.0).
///
/// Arcs naming a need or service out of range, or a service without capacity, are ignored; of
/// duplicate arcs for one pair the best score counts.
///
/// # Algorithm, and why it is exact
///
/// 1. **Most needs.** Hopcroft–Karp generalised to capacities (from a greedy start, phases of a BFS
///    layering from the free needs and vertex-disjoint augmenting paths along the layers) gives a
///    maximum flow `F` of source → need (1) → service (1) → sink (capacity). It stops only when no
///    augmenting path is left, which by Ford–Fulkerson means `F` is maximum.
/// 2. **Best score among those.** Add a *park* that every need can use at cost `D`, with `N − F`
///    places, and give a real pair the cost `m − score` (`m` the highest score, so costs are ≥ 0).
///    Assigning *every* need to a real service or to the park uses the park at most `N − F` times and
///    real services at most `F` times, so exactly `F` real pairs: these complete assignments are the
///    maximum flows (plus parking), and cost `m·F + D·(N − F) − score`, a constant minus the score.
///    The cheapest complete assignment is therefore the lexicographic optimum, whatever `D` is.
/// 3. That transportation problem is solved exactly by successive shortest paths, one need at a
///    time (the Hungarian method on sparse, capacitated columns): Dijkstra from the new need over the
///    residual graph with Johnson potentials, up to the first service (or park) with a free place;
///    augment; lower the potentials of the settled nodes by their gap to that distance. This keeps
///    the reduced cost of every residual arc ≥ 0, so the residual graph never has a negative cycle
///    (the optimality criterion of min-cost flow), and a path always exists because a complete
///    assignment exists for every subset of the needs. After the last need the complete assignment
///    is optimal. The order of the needs and `D` change only the work: the most contested needs go
///    first (see `Network::order`) and `D = 2m`.
///
/// Complexity, with `E` arcs, `V = N + S` nodes and costs up to `C`: step 1 is O(E·√V); step 3 is
/// one Dijkstra per need over the region it settles before it reaches a free place, with a radix
/// heap: O(N·(E + V·log C)) in the worst case, but most needs settle a handful of nodes (their best
/// service still has room) and needs in over-subscribed neighbourhoods a few hundred. Memory is
/// O(N + S + E). The large benchmark instance (10 000 needs, 2 000 services, 100 000 arcs) takes
/// tens of milliseconds.
pub fn solve(instance: &Instance, progress: &mut dyn FnMut(f32)) -> Solution {
    progress(0.0);
    let mut net = Network::build(instance);
    let flow = net.max_flow();
    progress(0.1);
    net.min_cost(flow, progress);
    let solution = net.solution();
    progress(1.0);
    solution
}

/// No need / no service / no slot / no level.
const NONE: u32 = u32::MAX;

/// An arc out of a need: the service and the cost `m − score`.
#[derive(Debug, Clone, Copy)]
struct Out {
    service: u32,
    cost: u32,
}

/// A taken place: the need in it and the cost of its pair (unused in the park, whose cost is fixed).
#[derive(Debug, Clone, Copy)]
struct Held {
    need: u32,
    cost: u32,
}

/// The residual network in compact arrays. Services `0..services` are real; `services` is the park.
struct Network {
    needs: usize,
    services: usize,
    /// The deduplicated arcs, by need (CSR).
    arc_start: Vec<u32>,
    out: Vec<Out>,
    /// The highest score `m`.
    max_score: i64,
    /// Places per service (at most its number of arcs), the park's last.
    cap: Vec<u32>,
    /// The needs in each service: `held[slot_start[s]..][..load[s]]`.
    slot_start: Vec<u32>,
    load: Vec<u32>,
    held: Vec<Held>,
    /// Per need: its service (`NONE` if none) and its slot.
    need_service: Vec<u32>,
    need_slot: Vec<u32>,
}
