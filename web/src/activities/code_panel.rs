//! The check-in code of this minute (签到码), for the organiser to show on site: six large digits
//! that volunteers type on their phones, read again when the minute turns (the server still takes
//! the previous code for one minute more, so a code typed as it changes is not lost).

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{CheckInCode, Id};

use crate::activities::endpoints::check_in_code;
use crate::common::api::ApiError;
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
    let current = RwSignal::new(None::<Result<CheckInCode, ApiError>>);
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let alive = StoredValue::new(true);
    // Reads the code, then again when it changes, for as long as it is shown.
    fn read(
        id: Id,
        current: RwSignal<Option<Result<CheckInCode, ApiError>>>,
        timer: StoredValue<Option<TimeoutHandle>>,
        alive: StoredValue<bool>,
    ) {
        spawn_local(async move {
            let answer = check_in_code(id).await;
            if alive.try_get_value() != Some(true) {
                return;
            }
            let wait = match &answer {
                Ok(code) => (code.changes_at - crate::common::format::now()).num_milliseconds().clamp(1_000, 60_000),
                Err(_) => return current.set(Some(answer)),
            };
            current.set(Some(answer));
            let handle = set_timeout_with_handle(move || read(id, current, timer, alive), Duration::from_millis(wait as u64 + 200)).ok();
            timer.set_value(handle);
        });
    }
    read(id, current, timer, alive);
    // Once unmounted, `alive` is gone with the component, so an answer still on its way stops there.
    on_cleanup(move || {
        if let Some(Some(handle)) = timer.try_get_value() {
            handle.clear();
        }
    });
    let retry = Callback::new(move |()| read(id, current, timer, alive));
    move || match current.get() {
        None => ().into_any(),
        Some(Err(error)) => view! { <ErrorBox error on_retry=retry/> }.into_any(),
        Some(Ok(code)) => view! {
            <div class="checkin-code" data-testid="checkin-code">
                <strong class="pickup-code" data-testid="checkin-code-digits">{code.code.clone()}</strong>
                <span class="muted">{tr(k!("activity.code_changes"))}{local_time(&code.changes_at)}</span>
            </div>
        }
        .into_any(),
    }
}
