//! Records the SQL statements sqlx sends while switched on, so the benchmark can prove that the
//! service and its twin send the same statements in the same order. Off, it costs one atomic load
//! per statement: sqlx asks whether its `sqlx::query` event is enabled, and the answer is no.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use tracing::field::{Field, Visit};
use tracing::subscriber::Interest;
use tracing::{Event, Metadata, Subscriber};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt as _};
use tracing_subscriber::util::SubscriberInitExt as _;

static ON: AtomicBool = AtomicBool::new(false);
static STATEMENTS: Mutex<Vec<String>> = Mutex::new(Vec::new());
const TARGET: &str = "sqlx::query";

struct Capture;

#[derive(Default)]
struct Statement {
    summary: String,
    full: String,
}

impl Visit for Statement {
    fn record_str(&mut self, field: &Field, value: &str) {
        match field.name() {
            "summary" => self.summary = value.to_owned(),
            "db.statement" => self.full = value.trim().to_owned(),
            _ => {}
        }
    }

    fn record_debug(&mut self, _field: &Field, _value: &dyn std::fmt::Debug) {}
}

impl<S: Subscriber> Layer<S> for Capture {
    fn register_callsite(&self, metadata: &'static Metadata<'static>) -> Interest {
        if metadata.target() == TARGET { Interest::sometimes() } else { Interest::never() }
    }

    fn enabled(&self, metadata: &Metadata<'_>, _ctx: Context<'_, S>) -> bool {
        metadata.target() == TARGET && ON.load(Ordering::Relaxed)
    }

    fn on_event(&self, event: &Event<'_>, _ctx: Context<'_, S>) {
        let mut statement = Statement::default();
        event.record(&mut statement);
        let sql = if statement.full.is_empty() { statement.summary } else { statement.full };
        // A connection the pool opens meanwhile sends its PRAGMAs: setup, not the work being compared.
        if sql.starts_with("PRAGMA") {
            return;
        }
        if let Ok(mut all) = STATEMENTS.lock() {
            all.push(sql);
        }
    }
}

/// Installs the recorder as the global subscriber (once, at start).
pub fn install() {
    let _ = tracing_subscriber::registry().with(Capture).try_init();
}

/// The statements `work` sent, in order.
pub async fn statements_of<T>(work: impl std::future::Future<Output = anyhow::Result<T>>) -> anyhow::Result<Vec<String>> {
    if let Ok(mut all) = STATEMENTS.lock() {
        all.clear();
    }
    ON.store(true, Ordering::Relaxed);
    let result = work.await;
    ON.store(false, Ordering::Relaxed);
    result?;
    Ok(STATEMENTS.lock().map(|mut all| std::mem::take(&mut *all)).unwrap_or_default())
}
