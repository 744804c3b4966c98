//! 居民认证: community staff and grid workers confirm residents' residence (待认证 → 已认证, or refuse
//! with a reason) on `/residents` ([`page`], the refusal form in [`refuse_form`]), and record the
//! target groups a resident belongs to ([`groups_form`]). The names of the
//! verification states and refusal reasons (`ver.*`, `refusal.*` in `web/locales`) also serve the
//! resident's own `/m/me`.

pub mod endpoints;
pub mod groups_form;
pub mod page;
pub mod refuse_form;
