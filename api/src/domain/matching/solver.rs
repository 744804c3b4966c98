//! The exact batch assignment: needs to service capacity, most needs served first, then the best
//! total score, never over capacity. See `solve`.

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

/// Per node of the min-cost search: its potential and its tentative distance.
#[derive(Debug, Clone, Copy)]
struct Label {
    pi: i64,
    dist: i64,
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

impl Network {
    fn build(instance: &Instance) -> Network {
        let needs = instance.needs;
        let services = instance.capacities.len();
        let valid = |a: &&Arc| (a.need as usize) < needs && (a.service as usize) < services && instance.capacities[a.service as usize] > 0;

        // Counting sort of the arcs by need (the score kept in `cost` until `m` is known).
        let mut arc_start = vec![0u32; needs + 1];
        for a in instance.arcs.iter().filter(valid) {
            arc_start[a.need as usize + 1] += 1;
        }
        for i in 0..needs {
            arc_start[i + 1] += arc_start[i];
        }
        let mut fill: Vec<u32> = arc_start[..needs].to_vec();
        let mut out = vec![Out { service: 0, cost: 0 }; arc_start[needs] as usize];
        for a in instance.arcs.iter().filter(valid) {
            let at = &mut fill[a.need as usize];
            out[*at as usize] = Out { service: a.service, cost: a.score };
            *at += 1;
        }

        // Deduplicate each need's run in place, keeping the best score of a pair.
        let mut seen = vec![NONE; services]; // service → index of its arc in the current run
        let mut kept = 0usize;
        let mut start = 0usize;
        for i in 0..needs {
            let end = arc_start[i + 1] as usize;
            let first = kept;
            for k in start..end {
                let o = out[k];
                let at = seen[o.service as usize];
                if at != NONE && at as usize >= first {
                    out[at as usize].cost = out[at as usize].cost.max(o.cost);
                } else {
                    seen[o.service as usize] = kept as u32;
                    out[kept] = o;
                    kept += 1;
                }
            }
            start = end;
            arc_start[i + 1] = kept as u32;
        }
        out.truncate(kept);

        let max_score = out.iter().map(|o| o.cost).max().unwrap_or(0);
        for o in &mut out {
            o.cost = max_score - o.cost;
        }

        // A service never holds more needs than it has arcs.
        let mut degree = vec![0u32; services];
        for o in &out {
            degree[o.service as usize] += 1;
        }
        let mut cap: Vec<u32> = instance.capacities.iter().zip(&degree).map(|(&c, &d)| c.min(d)).collect();
        cap.push(0); // the park, sized by `min_cost`

        Network {
            needs,
            services,
            arc_start,
            out,
            max_score: i64::from(max_score),
            cap,
            slot_start: Vec::new(),
            load: Vec::new(),
            held: Vec::new(),
            need_service: Vec::new(),
            need_slot: Vec::new(),
        }
    }

    /// Empties every service (the park gets `park` places) and unassigns every need.
    fn reset(&mut self, park: u32) {
        self.cap[self.services] = park;
        self.slot_start.clear();
        let mut at = 0u32;
        for &c in &self.cap {
            self.slot_start.push(at);
            at += c;
        }
        self.held = vec![Held { need: NONE, cost: 0 }; at as usize];
        self.load = vec![0; self.cap.len()];
        self.need_service = vec![NONE; self.needs];
        self.need_slot = vec![NONE; self.needs];
    }

    fn arcs(&self, need: u32) -> std::ops::Range<usize> {
        self.arc_start[need as usize] as usize..self.arc_start[need as usize + 1] as usize
    }

    fn slots(&self, service: u32) -> std::ops::Range<usize> {
        let start = self.slot_start[service as usize] as usize;
        start..start + self.load[service as usize] as usize
    }

    fn is_free(&self, service: u32) -> bool {
        self.load[service as usize] < self.cap[service as usize]
    }

    /// Puts `need` in `slot` of `service` (a new slot at the end when `slot` is `NONE`) and returns
    /// the slot it leaves (`NONE` if it had none).
    fn place(&mut self, need: u32, service: u32, slot: u32, cost: u32) -> u32 {
        let slot = if slot == NONE {
            let s = self.slot_start[service as usize] + self.load[service as usize];
            self.load[service as usize] += 1;
            s
        } else {
            slot
        };
        self.held[slot as usize] = Held { need, cost };
        self.need_service[need as usize] = service;
        std::mem::replace(&mut self.need_slot[need as usize], slot)
    }

    /// Step 1: how many needs can be assigned at most (Hopcroft–Karp with capacities).
    fn max_flow(&mut self) -> usize {
        self.reset(0);
        let n = self.needs;
        let mut flow = 0;
        // Greedy start: each need takes its first service with room.
        for u in 0..n as u32 {
            if let Some(k) = self.arcs(u).find(|&k| self.is_free(self.out[k].service)) {
                self.place(u, self.out[k].service, NONE, 0);
                flow += 1;
            }
        }
        let mut level = vec![NONE; n]; // BFS level of a need
        let mut reached = vec![NONE; self.services]; // level of the need that first reached a service
        let mut slot_ptr = vec![0u32; self.services];
        let mut arc_ptr = vec![0u32; n];
        let mut queue: Vec<u32> = Vec::with_capacity(n);
        let mut stack: Vec<u32> = Vec::new();
        loop {
            // BFS: layers of needs from the free ones, up to the first layer that reaches room.
            level.fill(NONE);
            reached.fill(NONE);
            queue.clear();
            queue.extend((0..n as u32).filter(|&u| self.need_service[u as usize] == NONE && !self.arcs(u).is_empty()));
            for &u in &queue {
                level[u as usize] = 0;
            }
            let mut found = false;
            let mut head = 0;
            while head < queue.len() {
                let u = queue[head];
                head += 1;
                let lu = level[u as usize];
                for k in self.arcs(u) {
                    let s = self.out[k].service;
                    if reached[s as usize] != NONE {
                        continue;
                    }
                    reached[s as usize] = lu;
                    if self.is_free(s) {
                        found = true;
                    } else if !found {
                        for slot in self.slots(s) {
                            let j = self.held[slot].need as usize;
                            if level[j] == NONE {
                                level[j] = lu + 1;
                                queue.push(j as u32);
                            }
                        }
                    }
                }
            }
            if !found {
                return flow;
            }

            // DFS from each free need along the layers; dead needs and services are dropped.
            arc_ptr.copy_from_slice(&self.arc_start[..n]);
            slot_ptr.fill(0);
            for root in 0..n as u32 {
                if level[root as usize] != 0 || self.need_service[root as usize] != NONE {
                    continue;
                }
                stack.clear();
                stack.push(root);
                while let Some(&u) = stack.last() {
                    let ui = u as usize;
                    let mut next = NONE;
                    let mut end = false;
                    while arc_ptr[ui] < self.arc_start[ui + 1] {
                        let s = self.out[arc_ptr[ui] as usize].service as usize;
                        if reached[s] == level[ui] {
                            if self.is_free(s as u32) {
                                end = true;
                                break;
                            }
                            let slots = self.slots(s as u32);
                            while (slot_ptr[s] as usize) < slots.len() {
                                let j = self.held[slots.start + slot_ptr[s] as usize].need;
                                if level[j as usize] == level[ui] + 1 {
                                    next = j;
                                    break;
                                }
                                slot_ptr[s] += 1;
                            }
                            if next != NONE {
                                break;
                            }
                            reached[s] = NONE; // every need in it is dead or used
                        }
                        arc_ptr[ui] += 1;
                    }
                    if end {
                        // Each need on the stack moves to the service its arc pointer names.
                        let mut slot = NONE;
                        for &v in stack.iter().rev() {
                            let s = self.out[arc_ptr[v as usize] as usize].service;
                            level[v as usize] = NONE;
                            slot = self.place(v, s, slot, 0);
                        }
                        flow += 1;
                        break;
                    } else if next != NONE {
                        slot_ptr[self.out[arc_ptr[ui] as usize].service as usize] += 1;
                        stack.push(next);
                    } else {
                        level[ui] = NONE; // dead end
                        stack.pop();
                    }
                }
            }
        }
    }

    /// Steps 2–3: the cheapest complete assignment with `N − flow` places in the park.
    fn min_cost(&mut self, flow: usize, progress: &mut dyn FnMut(f32)) {
        let n = self.needs;
        let park = self.services as u32;
        self.reset((n - flow) as u32);
        // Parking costs twice the dearest pair, so a need parks only when every real way is dear.
        let park_cost = 2 * self.max_score;
        let park_open = n > flow;
        let nodes = n + self.services + 1; // needs, then services, then the park
        let mut label = vec![Label { pi: 0, dist: i64::MAX }; nodes];
        let mut done = vec![false; nodes];
        let mut pred = vec![Held { need: NONE, cost: 0 }; self.services + 1]; // per service: from which need, at what cost
        let mut touched: Vec<u32> = Vec::new();
        let mut settled: Vec<u32> = Vec::new();
        let mut heap = RadixHeap::new();
        let step = (n / 100).max(1);

        for (index, &root) in self.order().iter().enumerate() {
            if index % step == 0 {
                progress(0.1 + 0.9 * index as f32 / n as f32);
            }
            heap.clear();
            label[root as usize].dist = 0;
            touched.push(root);
            heap.push(0, root);
            let mut end = None;
            while let Some((key, v)) = heap.pop() {
                let (vi, d) = (v as usize, key as i64);
                if done[vi] || d > label[vi].dist {
                    continue;
                }
                done[vi] = true;
                settled.push(v);
                if vi < n {
                    // A need: arcs to the services it is not in, and to the park.
                    let base = d + label[vi].pi;
                    let current = self.need_service[vi];
                    let arcs = self.out[self.arc_start[vi] as usize..self.arc_start[vi + 1] as usize]
                        .iter()
                        .map(|o| (o.service, i64::from(o.cost)));
                    let parking = (park_open && current != park).then_some((park, park_cost));
                    for (s, c) in arcs.chain(parking) {
                        if s == current {
                            continue;
                        }
                        let w = n + s as usize;
                        let nd = base + c - label[w].pi;
                        if nd < label[w].dist {
                            if label[w].dist == i64::MAX {
                                touched.push(w as u32);
                            }
                            label[w].dist = nd;
                            pred[s as usize] = Held { need: v, cost: c as u32 };
                            heap.push(nd as u64, w as u32);
                        }
                    }
                } else {
                    // A service: the end if it has room, else back along the pairs of its needs.
                    let s = (vi - n) as u32;
                    if self.is_free(s) {
                        end = Some((s, d));
                        break;
                    }
                    let base = d + label[vi].pi;
                    for slot in self.slots(s) {
                        let h = self.held[slot];
                        let j = h.need as usize;
                        let c = if s == park { park_cost } else { i64::from(h.cost) };
                        let nd = base - c - label[j].pi;
                        if nd < label[j].dist {
                            if label[j].dist == i64::MAX {
                                touched.push(j as u32);
                            }
                            label[j].dist = nd;
                            heap.push(nd as u64, j as u32);
                        }
                    }
                }
            }

            // With `flow` maximum a free place is always reached; were it not, the need would
            // simply stay unassigned and nothing change.
            if let Some((end, end_dist)) = end {
                // Potentials: the settled nodes closer than the end come down by the gap.
                for &v in &settled {
                    let l = &mut label[v as usize];
                    if l.dist < end_dist {
                        l.pi -= end_dist - l.dist;
                    }
                }
                // Augment from the end back to the root: each need takes the slot the next one leaves.
                let mut s = end;
                let mut slot = NONE;
                loop {
                    let Held { need: u, cost } = pred[s as usize];
                    let from = self.need_service[u as usize];
                    slot = self.place(u, s, slot, cost);
                    if u == root {
                        break;
                    }
                    s = from;
                }
            }
            for &v in &touched {
                label[v as usize].dist = i64::MAX;
                done[v as usize] = false;
            }
            touched.clear();
            settled.clear();
        }
    }

    /// The order in which step 3 takes the needs: the most contested first (the sum over a need's
    /// services of their candidates per place), ties by index. Any order gives the optimum; this one
    /// settles the crowded neighbourhoods while free places are still near, so the needs taken later
    /// mostly find their best service free: on clustered demand it halves the work.
    fn order(&self) -> Vec<u32> {
        let mut demand = vec![0u64; self.services];
        for o in &self.out {
            demand[o.service as usize] += 1;
        }
        let pressure: Vec<u64> = (0..self.needs as u32)
            .map(|u| {
                self.arcs(u)
                    .map(|k| {
                        let s = self.out[k].service as usize;
                        (demand[s] << 10) / u64::from(self.cap[s].max(1))
                    })
                    .sum()
            })
            .collect();
        let mut order: Vec<u32> = (0..self.needs as u32).collect();
        order.sort_by_key(|&u| std::cmp::Reverse(pressure[u as usize]));
        order
    }

    fn solution(&self) -> Solution {
        let mut assigned = 0;
        let mut total_score = 0u64;
        let assignment = (0..self.needs)
            .map(|u| {
                let s = self.need_service[u];
                (s != NONE && (s as usize) < self.services).then(|| {
                    assigned += 1;
                    total_score += (self.max_score - i64::from(self.held[self.need_slot[u] as usize].cost)) as u64;
                    s
                })
            })
            .collect();
        Solution { assignment, assigned, total_score }
    }
}

/// A monotone priority queue (radix heap): keys pushed are never below the last key popped, as in
/// Dijkstra with non-negative reduced costs. Bucket `b` holds keys whose highest bit differing from
/// the last popped key is bit `b − 1`; a pop refills bucket 0 from the lowest non-empty bucket.
struct RadixHeap {
    last: u64,
    len: usize,
    buckets: Vec<Vec<(u64, u32)>>,
}

impl RadixHeap {
    fn new() -> RadixHeap {
        RadixHeap { last: 0, len: 0, buckets: (0..65).map(|_| Vec::new()).collect() }
    }

    fn clear(&mut self) {
        if self.len > 0 {
            self.buckets.iter_mut().for_each(Vec::clear);
        }
        self.last = 0;
        self.len = 0;
    }

    fn bucket(last: u64, key: u64) -> usize {
        (64 - (key ^ last).leading_zeros()) as usize
    }

    fn push(&mut self, key: u64, value: u32) {
        debug_assert!(key >= self.last, "radix heap keys must not decrease");
        self.buckets[Self::bucket(self.last, key)].push((key, value));
        self.len += 1;
    }

    fn pop(&mut self) -> Option<(u64, u32)> {
        if self.len == 0 {
            return None;
        }
        if self.buckets[0].is_empty() {
            let i = self.buckets.iter().position(|b| !b.is_empty())?;
            let mut bucket = std::mem::take(&mut self.buckets[i]);
            self.last = bucket.iter().map(|e| e.0).min()?;
            for &(key, value) in &bucket {
                self.buckets[Self::bucket(self.last, key)].push((key, value));
            }
            bucket.clear();
            self.buckets[i] = bucket;
        }
        self.len -= 1;
        self.buckets[0].pop()
    }
}

#[cfg(test)]
mod tests {
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
            (proptest::collection::vec(0..=max_cap, services), arcs).prop_map(move |(capacities, arcs)| Instance {
                needs,
                capacities,
                arcs,
            })
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
}
