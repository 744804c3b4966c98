//! The service space an activity is held in (服务空间): a select of the active spaces of the chosen
//! community, or "elsewhere" (the address is typed instead). Read again when the community changes.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{Id, ServiceSpace};

use crate::common::api;
use crate::common::i18n::{tr, use_i18n};
use crate::common::status::error_text;
use crate::resources::bits::all_pages;
use crate::resources::endpoints::SpaceFilter;

/// The spaces of a community as loaded: `None` while loading, the error text on failure.
pub type Spaces = RwSignal<Option<Result<Vec<ServiceSpace>, String>>>;

/// Loads the active spaces of `area` into `spaces` whenever `area` changes.
pub fn load_spaces(area: Memo<Option<Id>>, spaces: Spaces) {
    let i18n = use_i18n();
    Effect::new(move |_| {
        let Some(area_id) = area.get() else {
            spaces.set(Some(Ok(Vec::new())));
            return;
        };
        spaces.set(None);
        spawn_local(async move {
            let filter = SpaceFilter { area_id: Some(area_id), ..Default::default() };
            let found = all_pages(move |cursor| api::service_spaces(filter.clone(), cursor)).await;
            // A later community may have been picked meanwhile, or the form left (saved, or another
            // page): keep only the answer for the current one, and read nothing that is gone.
            if area.try_get_untracked() == Some(Some(area_id)) {
                spaces.set(Some(found.map(|all| all.into_iter().filter(|s| s.active).collect()).map_err(|e| error_text(i18n, &e))));
            }
        });
    });
}

/// The select; the empty entry means "elsewhere".
#[component]
pub fn SpaceSelect(value: RwSignal<Option<Id>>, spaces: Spaces) -> impl IntoView {
    let i18n = use_i18n();
    let options = move || {
        spaces.with(|l| match l {
            Some(Ok(items)) => items.iter().map(|s| (s.id, s.name.clone(), s.kind)).collect::<Vec<_>>(),
            _ => Vec::new(),
        })
    };
    view! {
        <select data-testid="activity-space" prop:value=move || { spaces.track(); value.get().map(|i| i.to_string()).unwrap_or_default() }
            on:change=move |ev| value.set(event_target_value(&ev).parse().ok())>
            <option value="">{move || i18n.t(k!("activity.space_elsewhere"))}</option>
            {move || options().into_iter().map(|(id, name, kind)| view! {
                <option value=id.to_string() selected=move || value.get() == Some(id)>
                    {name}" · "{move || i18n.space_kind(kind)}
                </option>
            }).collect_view()}
        </select>
        {move || match spaces.get() {
            None => Some(view! { <span class="field-hint">{tr(k!("state.loading"))}</span> }.into_any()),
            Some(Err(e)) => Some(view! { <span class="field-error">{e}</span> }.into_any()),
            Some(Ok(list)) if list.is_empty() => Some(view! { <span class="field-hint">{tr(k!("activity.no_spaces"))}</span> }.into_any()),
            Some(Ok(_)) => None,
        }}
    }
}
