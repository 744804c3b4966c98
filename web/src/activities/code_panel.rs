//! The check-in code of this minute (签到码), for the organiser to show on site: six large digits
//! that volunteers type on their phones, read again when the minute turns (the server still takes
//! the previous code for one minute more, so a code typed as it changes is not lost).

use std::time::Duration;

use leptos::prelude::*;
use shared::Id;

use crate::activities::endpoints::check_in_code;
use crate::common::format::local_time;
use crate::common::i18n::tr;
use crate::common::session::use_session;
use crate::common::status::ErrorBox;

/// Shown to the staff on site (those who record attendance), on request: the code is for the room,
/// not for the screen all day.
#[component]
pub fn CodePanel(id: Id) -> impl IntoView {
    let session = use_session();
    let shown = RwSignal::new(false);
    view! {
        <Show when=move || session.permissions().record_attendance>
            <section class="panel code-panel" data-testid="code-panel">
                <div class="page-head">
                    <h2>{tr(k!("activity.code"))}</h2>
                    <div class="spacer"></div>
                    <button type="button" class="btn" data-testid="code-toggle" on:click=move |_| shown.update(|s| *s = !*s)>
                        {move || tr(if shown.get() { k!("activity.code_hide") } else { k!("activity.code_show") })()}
                    </button>
                </div>
                <Show when=move || shown.get() fallback=|| view! { <p class="muted">{tr(k!("activity.code_hint"))}</p> }>
                    <LiveCode id/>
                </Show>
            </section>
        </Show>
    }
}

#[component]
fn LiveCode(id: Id) -> impl IntoView {
    let current = LocalResource::new(move || check_in_code(id));
    // Each code is read again as it changes, for as long as it is shown: one timer at a time,
    // cleared when the panel closes.
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let clear = move || {
        if let Some(Some(handle)) = timer.try_update_value(Option::take) {
            handle.clear();
        }
    };
    Effect::new(move |_| {
        let Some(changes_at) = current.with(|c| c.as_ref().and_then(|c| c.as_ref().ok()).map(|code| code.changes_at)) else {
            return;
        };
        clear();
        let wait = (changes_at - crate::common::format::now()).num_milliseconds().clamp(1_000, 60_000);
        let handle = set_timeout_with_handle(move || current.refetch(), Duration::from_millis(wait as u64 + 200)).ok();
        timer.set_value(handle);
    });
    on_cleanup(clear);
    let retry = Callback::new(move |()| current.refetch());
    view! {
        <Transition fallback=|| ()>
            {move || current.get().map(|answer| match answer {
                Err(error) => view! { <ErrorBox error on_retry=retry/> }.into_any(),
                Ok(code) => view! {
                    <div class="checkin-code" data-testid="checkin-code">
                        <strong class="pickup-code" data-testid="checkin-code-digits">{code.code.clone()}</strong>
                        <span class="muted">{tr(k!("activity.code_changes"))}{local_time(&code.changes_at)}</span>
                    </div>
                }
                .into_any(),
            })}
        </Transition>
    }
}
