//! The typed call every page needs (who is signed in) and the page size of the tables; each feature's own
//! calls are in its `endpoints.rs`. All are re-exported from [`crate::common::api`].

use shared::Me;

use crate::common::api::{ApiResult, get};

/// Rows per request for the tables; the tree asks for fewer.
pub const PAGE_SIZE: u64 = 50;

/// GET /me: who is signed in and what they may do.
pub async fn me() -> ApiResult<Me> {
    get("/me", &[]).await
}
