//! `/notifications` (staff shell) and `/m/notifications` (the resident's): the same inbox and
//! preferences, links pointing into the shell they are opened from.

use leptos::prelude::*;

use crate::common::i18n::use_i18n;
use crate::notifications::inbox::Inbox;
use crate::notifications::preferences::Preferences;

/// `/notifications`.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1 class="page-title">{move || i18n.t(k!("inbox.title"))}</h1>
        <div style="max-width: 720px;">
            <Inbox resident=false/>
            <Preferences/>
        </div>
    }
}

/// `/m/notifications`.
#[component]
pub fn ResidentNotificationsPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1 class="m-title">{move || i18n.t(k!("inbox.title"))}</h1>
        <Inbox resident=true/>
        <Preferences/>
    }
}
