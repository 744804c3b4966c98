//! Tracing: readable lines in development, one JSON object per line in production.

use tracing_subscriber::{EnvFilter, fmt, prelude::*};

use crate::config::Environment;

/// Installs the global subscriber; `RUST_LOG` overrides the default filter.
pub fn init(environment: Environment) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn"));
    let registry = tracing_subscriber::registry().with(filter);
    // A second init (tests spawn many apps in one process) is harmless, so its error is ignored.
    let _ = match environment {
        Environment::Production => registry.with(fmt::layer().json().with_current_span(true)).try_init(),
        Environment::Development => registry.with(fmt::layer().compact()).try_init(),
    };
}
