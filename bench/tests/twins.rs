//! The benchmark's twin must keep sending exactly the service's statements. Checked in every
//! `just test`, so a change to the needs service that the twin does not follow fails here, not only
//! when someone next runs the (release-built, long) benchmark.

use bench::needs::{self, setup::Fixture};

#[tokio::test]
async fn the_needs_twin_sends_the_service_s_statements_on_create_and_list() {
    bench::capture::install();
    let f = Fixture::fresh().await.expect("fixture");
    let created = needs::check_create_statements(&f).await.expect("create statements differ");
    assert!(created.iter().any(|s| s.starts_with("INSERT INTO \"needs\"")), "the create inserted no need: {created:?}");
    // The list check walks 21 pages of 50 as a community worker, who sees one community in ten.
    f.load_to(12_000).await.expect("bulk load");
    let listed = needs::check_list_statements(&f).await.expect("list statements differ");
    assert!(listed.len() >= 4, "four pages were compared: {listed:?}");
}
