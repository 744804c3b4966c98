//! `bench-surveys`: a survey's results read from the kept aggregates (`services::surveys::results`)
//! against a full scan of its stored responses, at 10k and 100k responses over 30 questions; and how
//! the results' latency grows with the number of responses (it must not: it reads the whole target's
//! rows, questions × options, and one row per community for the responses per community).

pub mod baseline;
pub mod setup;
