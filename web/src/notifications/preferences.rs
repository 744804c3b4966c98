//! Which kinds of notification reach the inbox: one switch per kind, named by label, saved at once.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{NotificationPreference, NotificationPreferencesUpdate};

use crate::common::i18n::use_i18n;
use crate::common::status::{ErrorBox, Loading, error_text};
use crate::notifications::endpoints;

/// The switches; kinds the server does not know a label for show as sent.
#[component]
pub fn Preferences() -> impl IntoView {
    let i18n = use_i18n();
    let prefs = LocalResource::new(endpoints::preferences);
    let saved = RwSignal::new(None::<Vec<NotificationPreference>>);
    let error = RwSignal::new(None::<String>);
    let toggle = move |pref: NotificationPreference| {
        error.set(None);
        let wanted = NotificationPreference { kind: pref.kind, enabled: !pref.enabled };
        spawn_local(async move {
            match endpoints::set_preferences(NotificationPreferencesUpdate { preferences: vec![wanted] }).await {
                Ok(all) => saved.set(Some(all.preferences)),
                Err(e) => error.set(Some(error_text(i18n, &e))),
            }
        });
    };
    let retry = Callback::new(move |()| prefs.refetch());
    view! {
        <details class="panel" data-testid="notification-preferences" style="margin-top: 16px;">
            <summary>{move || i18n.t(k!("inbox.preferences"))}</summary>
            <p class="muted">{move || i18n.t(k!("inbox.preferences_hint"))}</p>
            {move || error.get().map(|e| view! { <p class="form-summary" role="alert">{e}</p> })}
            <Suspense fallback=|| view! { <Loading/> }>
                {move || prefs.get().map(|answer| match answer {
                    Err(error) => view! { <ErrorBox error on_retry=retry/> }.into_any(),
                    Ok(loaded) => {
                        let list = move || saved.get().unwrap_or_else(|| loaded.preferences.clone());
                        view! {
                            <ul class="pref-list" style="list-style: none; padding: 0; margin: 0; display: flex; flex-direction: column; gap: 6px;">
                                <For each=list key=|p| (p.kind, p.enabled) let:pref>
                                    <li>
                                        <label style="display: flex; gap: 8px; align-items: center;">
                                            <input type="checkbox" prop:checked=pref.enabled data-testid="preference"
                                                data-kind=pref.kind.as_str() on:change=move |_| toggle(pref)/>
                                            <span>{move || i18n.dynamic(words!("nkind"), pref.kind.as_str())}</span>
                                        </label>
                                    </li>
                                </For>
                            </ul>
                        }.into_any()
                    }
                })}
            </Suspense>
        </details>
    }
}
