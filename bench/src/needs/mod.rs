//! `bench-needs`: create and list throughput of the needs service against a raw-sqlx twin on the
//! same database file, and how list latency grows from 10k to 1M needs.

pub mod create;
pub mod list;
pub mod setup;
pub mod sql;
pub mod twin;

use chrono::Utc;

use crate::capture::statements_of;
use setup::Fixture;

/// Fails unless the service and the twin sent the same statements in the same order; returns them.
fn same(what: &str, service: Vec<String>, twin: Vec<String>) -> anyhow::Result<Vec<String>> {
    if service != twin {
        let mut diff = format!("{what}: the twin does not send the service's statements\n");
        for i in 0..service.len().max(twin.len()) {
            diff.push_str(&format!(
                "  service[{i}]: {}\n  twin[{i}]:    {}\n",
                service.get(i).map_or("-", |s| s),
                twin.get(i).map_or("-", |s| s)
            ));
        }
        anyhow::bail!(diff);
    }
    Ok(service)
}

/// One create each way, recorded: the twin must send exactly the statements `submit` sends.
pub async fn check_create_statements(f: &Fixture) -> anyhow::Result<Vec<String>> {
    let places = f.home_places();
    // Two numbers nobody holds yet, so each side looks the number up and creates its resident record.
    let (first, second) = (create::new_need(0, places[0]), create::new_need(1, places[0]));
    let service = statements_of(create::by_service(f, &f.community, &first)).await?;
    let twin = statements_of(create::by_twin(f, &f.community, &second, Utc::now())).await?;
    same("create", service, twin)
}

/// Each measured page each way, recorded and compared, then compared row by row.
pub async fn check_list_statements(f: &Fixture) -> anyhow::Result<Vec<String>> {
    let mut all = Vec::new();
    for caller in [&f.street, &f.community] {
        for start in list::starts(f, caller).await? {
            let cursor = start.cursor.clone();
            let service = statements_of(async {
                let page = api::services::page::PageRequest::parse(cursor.as_ref().map(|c| c.0.as_str()), Some(list::LIMIT), "-id")?;
                Ok(api::services::needs::list(&f.db, caller, Default::default(), shared::NeedSort::Newest, page, Utc::now()).await?)
            })
            .await?;
            let twin =
                statements_of(async { Ok(twin::list(&f.pool, caller, cursor.as_ref().map(|c| c.1), list::LIMIT as i64).await?) }).await?;
            all.extend(same(&format!("list {} as {}", start.name, caller.username), service, twin)?);
            list::check_same(f, caller, &start).await?;
        }
    }
    Ok(all)
}
