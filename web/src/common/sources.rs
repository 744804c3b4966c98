//! The dashboard's own sources, for tests that check a rule across the code (no `Utc::now()`, every
//! message key named exists). Host only.

use std::path::Path;

/// Every `.rs` file under `web/src` as (path, its code before its tests begin).
pub fn dashboard_code() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).expect("read web/src").flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("read a source");
                let code = text.split("#[cfg(test)]").next().unwrap_or_default().to_owned();
                out.push((path.display().to_string(), code));
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    assert!(out.len() > 50, "the dashboard's sources are found");
    out
}
