//! Steps 2–3 of the solver: the best total score among the largest assignments, as a cheapest
//! complete assignment with a park, by successive shortest paths with potentials, need by need.

use super::radix_heap::RadixHeap;
use super::{Held, NONE, Network};

/// Per node of the min-cost search: its potential and its tentative distance.
#[derive(Debug, Clone, Copy)]
struct Label {
    pi: i64,
    dist: i64,
}

impl Network {
    /// Steps 2–3: the cheapest complete assignment with `N − flow` places in the park.
    pub(super) fn min_cost(&mut self, flow: usize, progress: &mut dyn FnMut(f32)) {
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
}
