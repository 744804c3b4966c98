//! 站内信: the bell with the unread count ([`bell`]), kept live by polling, and the inbox both shells
//! open from it ([`inbox`]: paged list, mark read, links to the subject) with the per-kind
//! preferences ([`preferences`]). The staff page is `/notifications`, the resident's `/m/notifications`
//! ([`pages`]); one inbox component serves both.

pub mod bell;
pub mod endpoints;
pub mod inbox;
pub mod pages;
pub mod preferences;
