//! The inbox (站内信) both shells show: newest first, page by page, unread ones marked; mark one or
//! all read; each notification links to its subject's page (a need → its page) and opening it marks
//! it read.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;
use shared::{Notification, NotificationSubject, SubjectKind};

use crate::common::format::local_time;
use crate::common::i18n::use_i18n;
use crate::common::paged::Paged;
use crate::common::status::error_text;
use crate::notifications::bell::use_unread;
use crate::notifications::endpoints;

/// Where a notification's subject is shown in this shell, if it has a page there.
pub fn subject_page(subject: &NotificationSubject, resident: bool) -> Option<String> {
    match (subject.kind, resident) {
        (SubjectKind::Need, false) => Some(format!("/needs/{}", subject.id)),
        (SubjectKind::Need, true) => Some(format!("/m/needs/{}", subject.id)),
        (SubjectKind::Program, false) => Some(format!("/programs/{}", subject.id)),
        // Offers of hours are answered (or withdrawn) on the resident's points page.
        (SubjectKind::GiftOffer, true) => Some("/m/points".to_owned()),
        _ => None,
    }
}

/// The list with its filter (all / unread) and "mark all read". `resident`: links go to `/m` pages.
#[component]
pub fn Inbox(resident: bool) -> impl IntoView {
    let i18n = use_i18n();
    let unread = use_unread();
    let unread_only = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let list = Paged::<Notification>::new();
    let fetch = move |cursor| endpoints::notifications(unread_only.get_untracked(), cursor, untrack(move || i18n.locale()));
    list.reload(fetch);
    // Texts are written by the server in the language asked for: ask again when the language changes.
    Effect::watch(move || i18n.locale(), move |_, _, _| list.reload(fetch), false);
    let more = Callback::new(move |()| list.more(fetch));
    let retry = Callback::new(move |()| list.reload(fetch));
    let show = move |only: bool| {
        unread_only.set(only);
        list.reload(fetch);
    };
    let mark_all = move |_| {
        error.set(None);
        spawn_local(async move {
            match endpoints::mark_all_read().await {
                Ok(_) => {
                    list.reload(fetch);
                    if let Some(u) = unread {
                        u.refresh();
                    }
                }
                Err(e) => error.set(Some(error_text(i18n, &e))),
            }
        });
    };
    let mark_one = Callback::new(move |id: i64| {
        error.set(None);
        spawn_local(async move {
            match endpoints::mark_read(id).await {
                // Opening a notification marks it read and leaves the page: the list may be gone.
                Ok(read) => {
                    let only_unread = unread_only.try_get_untracked().unwrap_or(false);
                    list.items.try_update(|items| {
                        if let Some(item) = items.iter_mut().find(|n| n.id == id) {
                            *item = read;
                        }
                        if only_unread {
                            items.retain(|n| !n.read);
                        }
                    });
                    if let Some(u) = unread {
                        u.refresh();
                    }
                }
                Err(e) => {
                    error.try_set(Some(error_text(i18n, &e)));
                }
            }
        });
    });
    view! {
        <div class="toolbar" data-testid="inbox-toolbar">
            <div class="segmented" role="group" aria-label=move || i18n.t(k!("inbox.filter"))>
                <label class:on=move || !unread_only.get()>
                    <input type="radio" name="inbox-filter" prop:checked=move || !unread_only.get()
                        on:change=move |_| show(false) data-testid="inbox-all"/>
                    {move || i18n.t(k!("inbox.all"))}
                </label>
                <label class:on=move || unread_only.get()>
                    <input type="radio" name="inbox-filter" prop:checked=move || unread_only.get()
                        on:change=move |_| show(true) data-testid="inbox-unread"/>
                    {move || i18n.t(k!("inbox.unread"))}
                </label>
            </div>
            <button type="button" class="btn btn-small" data-testid="inbox-read-all" on:click=mark_all
                disabled=move || unread.is_some_and(|u| u.value.get() == Some(0))>
                {move || i18n.t(k!("inbox.read_all"))}
            </button>
        </div>
        {move || error.get().map(|e| view! { <p class="form-summary" role="alert">{e}</p> })}
        <ul class="m-cards" data-testid="inbox">
            <For each=move || list.items.get() key=|n| (n.id, n.read) let:item>
                <InboxItem item resident mark_one/>
            </For>
        </ul>
        {list.footer(k!("inbox.empty"), more, retry)}
    }
}

#[component]
fn InboxItem(item: Notification, resident: bool, mark_one: Callback<i64>) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let id = item.id;
    let read = item.read;
    let page = subject_page(&item.subject, resident);
    let open = page.clone().map(|href| {
        move |ev: leptos::ev::MouseEvent| {
            ev.prevent_default();
            if !read {
                mark_one.run(id);
            }
            navigate(&href, NavigateOptions::default());
        }
    });
    let style = if read { "" } else { "border-left: 3px solid var(--brand);" };
    view! {
        <li class="m-card" data-testid="notification" data-read=read.to_string() data-kind=item.kind.as_str() style=style>
            <span class="m-card-head">
                <strong>{item.title.clone()}</strong>
                {(!read).then(|| view! { <span class="badge" data-testid="unread-mark">{move || i18n.t(k!("inbox.unread_mark"))}</span> })}
            </span>
            <span class="m-card-text">{item.body.clone()}</span>
            <span class="m-card-foot muted">
                {local_time(&item.created_at)}
                {page.map(|href| view! {
                    <a href=href on:click=move |ev| if let Some(open) = &open { open(ev) } data-testid="notification-open">
                        {move || i18n.t(k!("inbox.open"))}
                    </a>
                })}
                {(!read).then(|| view! {
                    <button type="button" class="btn btn-small btn-ghost" data-testid="notification-read"
                        on:click=move |_| mark_one.run(id)>
                        {move || i18n.t(k!("inbox.mark_read"))}
                    </button>
                })}
            </span>
        </li>
    }
}
