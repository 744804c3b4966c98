//! Step 1 of the solver: the most needs that can be assigned at all, by Hopcroft–Karp generalised
//! to service capacities; the min-cost steps then keep exactly that many.

use super::{NONE, Network};

impl Network {
    /// Step 1: how many needs can be assigned at most (Hopcroft–Karp with capacities).
    pub(super) fn max_flow(&mut self) -> usize {
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
}
