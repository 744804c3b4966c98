//! 区域 (areas): the tree and one area's detail with its community profile and forms (`/areas`, `/areas/:id`,
//! [`page`]).

pub mod detail;
pub mod endpoints;
pub mod form;
pub mod page;
pub mod profile_fields;
pub mod tree;
