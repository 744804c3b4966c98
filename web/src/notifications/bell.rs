//! The bell in both shells: the unread count, polled ([`Polled`]) while someone is signed in. The
//! inbox refreshes the same count after marking, so the bell and the list never disagree for long.

use futures::FutureExt;
use leptos::prelude::*;

use crate::common::i18n::use_i18n;
use crate::common::polled::Polled;
use crate::notifications::endpoints;

/// The unread count shared by the bell and the inbox of one shell.
pub type Unread = Polled<i64>;

/// Creates the shell's unread count and provides it to the pages inside (the inbox).
pub fn provide_unread() -> Unread {
    let unread = Unread::new(|| async { endpoints::unread_count().await.ok().map(|a| a.unread) }.boxed_local());
    provide_context(unread);
    unread
}

/// The shell's unread count, if the page sits in a shell with a bell.
pub fn use_unread() -> Option<Unread> {
    use_context::<Unread>()
}

/// The bell: a link to the inbox at `href` with the unread count, polled while it is mounted (the
/// shells mount it only while someone is signed in).
#[component]
pub fn Bell(unread: Unread, href: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    unread.poll_while_mounted();
    let count = move || unread.value.get().unwrap_or(0);
    let label = move || {
        let n = count();
        if n > 0 { format!("{} ({n})", i18n.t(k!("bell.label"))) } else { i18n.t(k!("bell.label")).to_owned() }
    };
    view! {
        <a class="btn btn-ghost bell" href=href data-testid="bell" aria-label=label title=label
            style="position: relative; padding: 4px 8px; flex-shrink: 0;">
            <span aria-hidden="true">"🔔"</span>
            {move || (count() > 0).then(|| view! {
                <span class="badge bell-count" data-testid="bell-count"
                    style="background: var(--bad); color: #fff; padding: 0 6px; margin-left: 2px;">
                    {move || { let n = count(); if n > 99 { "99+".to_owned() } else { n.to_string() } }}
                </span>
            })}
        </a>
    }
}
