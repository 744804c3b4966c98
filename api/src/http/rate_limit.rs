//! A sliding-window rate limiter kept in memory, used for login attempts.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::error::ApiError;

pub struct RateLimiter {
    max: usize,
    window: Duration,
    hits: Mutex<HashMap<String, VecDeque<Instant>>>,
}

impl RateLimiter {
    pub fn per_minute(max: u32) -> Self {
        Self { max: max as usize, window: Duration::from_secs(60), hits: Mutex::new(HashMap::new()) }
    }

    /// Counts one attempt for `key`; refuses it when the window is already full.
    pub fn hit(&self, key: &str) -> Result<(), ApiError> {
        self.hit_at(key, Instant::now())
    }

    fn hit_at(&self, key: &str, now: Instant) -> Result<(), ApiError> {
        let mut hits = self.hits.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        // Keep memory bounded: forget keys whose window has passed.
        if hits.len() > 10_000 {
            hits.retain(|_, q| q.back().is_some_and(|t| now.duration_since(*t) < self.window));
        }
        let queue = hits.entry(key.to_owned()).or_default();
        while queue.front().is_some_and(|t| now.duration_since(*t) >= self.window) {
            queue.pop_front();
        }
        if queue.len() >= self.max {
            let oldest = queue.front().copied().unwrap_or(now);
            let retry = self.window.saturating_sub(now.duration_since(oldest)).as_secs().max(1);
            return Err(ApiError::RateLimited { retry_after_secs: retry });
        }
        queue.push_back(now);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_attempt_after_the_limit_is_refused_until_the_window_passes() {
        let limiter = RateLimiter::per_minute(2);
        let t0 = Instant::now();
        assert!(limiter.hit_at("k", t0).is_ok());
        assert!(limiter.hit_at("k", t0).is_ok());
        assert!(matches!(limiter.hit_at("k", t0), Err(ApiError::RateLimited { .. })));
        assert!(limiter.hit_at("other", t0).is_ok());
        assert!(limiter.hit_at("k", t0 + Duration::from_secs(61)).is_ok());
    }
}
