//! The baseline: OR-Tools' SimpleMinCostFlow, run by `bench/ortools/mcf.py` on the instance written
//! to a file. Python starts once per instance; only its solve call is timed (inside Python).

use std::io::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use anyhow::Context as _;
use api::domain::matching::solver::Instance;

use crate::stats::Samples;

/// The script, next to this crate.
pub const SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/ortools/mcf.py");

/// OR-Tools' optimum and its timings.
#[derive(Debug)]
pub struct OrTools {
    pub assigned: usize,
    pub score: u64,
    /// The solve call alone, per repeat.
    pub solve: Samples,
    /// Building the network (fresh per repeat), not counted in `solve`.
    pub build: Samples,
}

/// The OR-Tools version, or why it cannot be used.
pub fn version(python: &str) -> anyhow::Result<String> {
    let out = Command::new(python)
        .args(["-c", "import ortools; print(ortools.__version__)"])
        .output()
        .with_context(|| format!("running {python}"))?;
    anyhow::ensure!(
        out.status.success(),
        "{python} cannot import ortools ({}); `just bench-matching` installs bench/ortools/requirements.txt",
        String::from_utf8_lossy(&out.stderr).trim()
    );
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// The text format `mcf.py` reads: `needs services arcs`, the capacities, then `need service score`
/// per arc.
pub fn write(instance: &Instance, path: &Path) -> anyhow::Result<()> {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path)?);
    writeln!(f, "{} {} {}", instance.needs, instance.capacities.len(), instance.arcs.len())?;
    for c in &instance.capacities {
        writeln!(f, "{c}")?;
    }
    for a in &instance.arcs {
        writeln!(f, "{} {} {}", a.need, a.service, a.score)?;
    }
    f.flush()?;
    Ok(())
}

/// Solves the instance in `path` `repeats` times (a fresh network each time).
pub fn solve(python: &str, path: &Path, repeats: usize) -> anyhow::Result<OrTools> {
    let out = Command::new(python)
        .arg(SCRIPT)
        .arg(path)
        .args(["--repeat", &repeats.to_string()])
        .output()
        .with_context(|| format!("running {python} {SCRIPT}"))?;
    anyhow::ensure!(out.status.success(), "{SCRIPT} failed: {}", String::from_utf8_lossy(&out.stderr).trim());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).with_context(|| format!("{SCRIPT} printed no JSON"))?;
    let number = |key: &str| v[key].as_u64().with_context(|| format!("{SCRIPT}: no {key}"));
    let samples = |key: &str| -> anyhow::Result<Samples> {
        let mut s = Samples::default();
        for x in v[key].as_array().with_context(|| format!("{SCRIPT}: no {key}"))? {
            s.push(Duration::from_secs_f64(x.as_f64().context("a time is not a number")? / 1000.0));
        }
        Ok(s)
    };
    Ok(OrTools {
        assigned: number("assigned")? as usize,
        score: number("score")?,
        solve: samples("solve_ms")?,
        build: samples("build_ms")?,
    })
}
