//! `just bench-matching [--quick] [--repeats N] [--python PATH]`
//!
//! Batch matching: our exact solver (`api::domain::matching::solver`) against OR-Tools'
//! SimpleMinCostFlow on the same networks, and greedy, on a seeded large instance (10 000 needs,
//! 2 000 services × 5 places, 10 candidates each) and 20 small ones; objective and time side by side.
//!
//! Goals: the objective equals OR-Tools' on every instance; time ≤ OR-Tools' on the large one.
//! Missed goals are reported, not failed: the exit code is non-zero only when something breaks.

use std::time::Instant;

fn main() -> anyhow::Result<()> {
    let args = bench::matching::Args::parse(std::env::args().skip(1))?;
    let began = Instant::now();
    let report = bench::matching::run(&args)?;
    let (met, checked) = report.score();
    println!("\n{}", report.render());
    println!("{met} of {checked} goals met; total {:.0}s", began.elapsed().as_secs_f64());
    Ok(())
}
