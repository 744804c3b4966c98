//! `bench-surveys`: a survey's results read from the kept aggregates (`services::surveys::results`)
//! against a full scan of its stored responses, at 10k and 100k responses over 30 questions; and how
//! the results' latency grows with the number of responses (it must not: its cost is questions ×
//! options × communities).

pub mod baseline;
pub mod setup;
