//! Typed calls of the workbench endpoints (`/workbench…`).

use shared::{Workbench, WorkbenchCounts};

use crate::common::api::{ApiResult, get};

/// GET /workbench: the counts, today's deadlines and my tasks.
pub async fn workbench() -> ApiResult<Workbench> {
    get("/workbench", &[]).await
}

/// GET /workbench/counts: the counts alone, for the menu badges.
pub async fn workbench_counts() -> ApiResult<WorkbenchCounts> {
    get("/workbench/counts", &[]).await
}
