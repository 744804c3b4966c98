//! The temp directory a benchmark's database file lives in: removed when the benchmark ends, unless
//! `BENCH_KEEP=1` asks to leave it behind, to look at the database with the sqlite3 shell.

use std::path::Path;

pub struct ScratchDir(Option<tempfile::TempDir>);

impl ScratchDir {
    /// A new directory named `prefix…` under the system's temp dir.
    pub fn new(prefix: &str) -> std::io::Result<Self> {
        tempfile::Builder::new().prefix(prefix).tempdir().map(|d| Self(Some(d)))
    }

    pub fn path(&self) -> &Path {
        self.0.as_ref().map_or(Path::new(""), |d| d.path())
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        if std::env::var_os("BENCH_KEEP").is_some()
            && let Some(dir) = self.0.take()
        {
            eprintln!("kept {}", dir.keep().display());
        }
    }
}
