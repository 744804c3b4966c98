//! Search areas by name within the caller's scope (`GET /areas?q=`) and pick one. Used to find an area
//! on the areas page and to choose a user's home area.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::Area;

use crate::common::api::{self, ApiError};
use crate::common::i18n::use_i18n;
use crate::common::status::error_text;
use crate::messages::Key;

const RESULTS: u64 = 12;
/// Wait this long after the last keystroke before asking the server.
const DEBOUNCE: Duration = Duration::from_millis(250);

/// A search box with a result list; `on_pick` gets the chosen area.
#[component]
pub fn AreaSearch(on_pick: Callback<Area>, placeholder: Key, #[prop(optional)] testid: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let query = RwSignal::new(String::new());
    let results = RwSignal::new(None::<Result<Vec<Area>, ApiError>>);
    let generation = StoredValue::new(0_u64);

    let search = move |text: String| {
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        if text.trim().is_empty() {
            results.set(None);
            return;
        }
        set_timeout(
            move || {
                if generation.try_get_value() != Some(mine) {
                    return;
                }
                spawn_local(async move {
                    let found = api::search_areas(text.trim().to_owned(), None, RESULTS).await;
                    if generation.try_get_value() == Some(mine) {
                        results.set(Some(found.map(|page| page.items)));
                    }
                });
            },
            DEBOUNCE,
        );
    };
    let pick = move |area: Area| {
        generation.update_value(|g| *g += 1);
        query.set(String::new());
        results.set(None);
        on_pick.run(area);
    };
    let testid = if testid.is_empty() { "area-search" } else { testid };

    view! {
        <div class="area-search">
            <input type="search" data-testid=testid placeholder=move || i18n.t(placeholder)
                aria-label=move || i18n.t(placeholder)
                prop:value=query
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    query.set(text.clone());
                    search(text);
                }
                on:keydown=move |ev| if ev.key() == "Escape" { results.set(None) }/>
            {move || results.get().map(|found| match found {
                Ok(list) if list.is_empty() => view! {
                    <div class="search-results state state-empty">{move || i18n.t(k!("state.no_matches"))}</div>
                }.into_any(),
                Ok(list) => view! {
                    <ul class="search-results" role="listbox">
                        {list.into_iter().map(|area| {
                            let kind = area.kind;
                            let label = area.name.clone();
                            let code = area.code.clone().unwrap_or_default();
                            view! {
                                <li>
                                    <button type="button" role="option" data-testid="area-search-result"
                                        on:click=move |_| pick(area.clone())>
                                        <span>{label}</span>
                                        <span class="tree-kind">{move || i18n.kind(kind)}</span>
                                        <span class="mono muted">{code}</span>
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
                Err(e) => view! {
                    <div class="search-results state state-error">{error_text(i18n, &e)}</div>
                }.into_any(),
            })}
        </div>
    }
}
