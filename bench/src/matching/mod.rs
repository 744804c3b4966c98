//! `bench-matching`: batch matching of needs to services. Each section adds its goals to one report;
//! a new section is a module here and one call in [`run`].
//!
//! - [`batch`]: the exact assignment solver against OR-Tools' SimpleMinCostFlow and greedy.
//! - [`ranking`]: one need's candidates over 100 000 services, p50 / p99.

pub mod batch;
pub mod generate;
pub mod ortools;
pub mod ranking;

use anyhow::Context as _;

use crate::stats::Report;

/// Command line: `[--quick] [--repeats N] [--python PATH]`.
#[derive(Debug, Clone)]
pub struct Args {
    /// Runs per solver on the large instance (median reported).
    pub repeats_large: usize,
    /// Runs per solver on each small instance.
    pub repeats_small: usize,
    /// The Python with OR-Tools.
    pub python: String,
}

impl Args {
    pub fn parse(args: impl IntoIterator<Item = String>) -> anyhow::Result<Args> {
        let mut out = Args { repeats_large: 5, repeats_small: 5, python: "python3".into() };
        let mut it = args.into_iter();
        while let Some(flag) = it.next() {
            let mut value = || it.next().with_context(|| format!("{flag} needs a value"));
            match flag.as_str() {
                "--quick" => (out.repeats_large, out.repeats_small) = (1, 1),
                "--repeats" => {
                    let n: usize = value()?.parse()?;
                    (out.repeats_large, out.repeats_small) = (n, n);
                }
                "--python" => out.python = value()?,
                other => anyhow::bail!("unknown argument {other}; see bench/src/matching/mod.rs"),
            }
        }
        anyhow::ensure!(out.repeats_large > 0 && out.repeats_small > 0, "--repeats must be at least 1");
        Ok(out)
    }
}

/// Every section, in order.
pub fn run(args: &Args) -> anyhow::Result<Report> {
    let mut report = Report::default();
    batch::run(args, &mut report)?;
    ranking::run(args, &mut report)?;
    Ok(report)
}
