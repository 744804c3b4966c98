//! The language an answer is written in. The type and its `Accept-Language` rule live in `shared`,
//! so the dashboard picks the same words as the server's exports and notifications.

pub use shared::Lang;
