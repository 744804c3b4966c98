//! The residual network built from an instance (arcs by need, deduplicated, scores turned into
//! costs), the places of each service, and the solution read off it at the end.

use super::{Arc, Held, Instance, NONE, Network, Out, Solution};

impl Network {
    pub(super) fn build(instance: &Instance) -> Network {
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
    pub(super) fn reset(&mut self, park: u32) {
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

    pub(super) fn arcs(&self, need: u32) -> std::ops::Range<usize> {
        self.arc_start[need as usize] as usize..self.arc_start[need as usize + 1] as usize
    }

    pub(super) fn slots(&self, service: u32) -> std::ops::Range<usize> {
        let start = self.slot_start[service as usize] as usize;
        start..start + self.load[service as usize] as usize
    }

    pub(super) fn is_free(&self, service: u32) -> bool {
        self.load[service as usize] < self.cap[service as usize]
    }

    /// Puts `need` in `slot` of `service` (a new slot at the end when `slot` is `NONE`) and returns
    /// the slot it leaves (`NONE` if it had none).
    pub(super) fn place(&mut self, need: u32, service: u32, slot: u32, cost: u32) -> u32 {
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

    pub(super) fn solution(&self) -> Solution {
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
