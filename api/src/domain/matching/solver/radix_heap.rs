//! The priority queue of the min-cost search: a radix heap, because Dijkstra with non-negative
//! reduced costs only ever pushes keys at or above the last one popped.

/// A monotone priority queue (radix heap): keys pushed are never below the last key popped, as in
/// Dijkstra with non-negative reduced costs. Bucket `b` holds keys whose highest bit differing from
/// the last popped key is bit `b − 1`; a pop refills bucket 0 from the lowest non-empty bucket.
pub(super) struct RadixHeap {
    last: u64,
    len: usize,
    buckets: Vec<Vec<(u64, u32)>>,
}

impl RadixHeap {
    pub(super) fn new() -> RadixHeap {
        RadixHeap { last: 0, len: 0, buckets: (0..65).map(|_| Vec::new()).collect() }
    }

    pub(super) fn clear(&mut self) {
        if self.len > 0 {
            self.buckets.iter_mut().for_each(Vec::clear);
        }
        self.last = 0;
        self.len = 0;
    }

    fn bucket(last: u64, key: u64) -> usize {
        (64 - (key ^ last).leading_zeros()) as usize
    }

    pub(super) fn push(&mut self, key: u64, value: u32) {
        debug_assert!(key >= self.last, "radix heap keys must not decrease");
        self.buckets[Self::bucket(self.last, key)].push((key, value));
        self.len += 1;
    }

    pub(super) fn pop(&mut self) -> Option<(u64, u32)> {
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
