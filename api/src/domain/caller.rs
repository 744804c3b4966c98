//! The signed-in user making a request, as loaded fresh from the database for each request.

use shared::{AreaKind, Id, Role};

#[derive(Debug, Clone)]
pub struct Caller {
    pub id: Id,
    pub username: String,
    pub role: Role,
    pub area_id: Id,
    pub area_kind: AreaKind,
    /// Materialised path of the home area (`/1/7/`); the caller's scope is everything under it.
    pub area_path: String,
}
