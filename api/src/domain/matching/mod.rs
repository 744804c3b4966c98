//! Matching needs to services (需求评估 → 资源匹配 → 动态优化), free of HTTP and the database:
//! the score of one (need, service) pair, and the exact assignment of many needs at once.

pub mod categories;
pub mod dispatch;
pub mod geo;
pub mod greedy;
pub mod schedule;
pub mod score;
pub mod solver;
