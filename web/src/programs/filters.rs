//! The program list's filters, kept in the URL (`/programs?status=approved&area_id=5`) so the back
//! button from a program returns to the same view, and the catalogue item links and the roll-up's
//! counts can open a filtered list: area (searched by name), status, catalogue item, overdue only (the
//! table searches titles and sorts).

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::params::ParamsMap;
use shared::{Area, Id, ProgramStatus};

use crate::common::api::{self, ProgramFilter};
use crate::common::area_picker::AreaSearch;
use crate::common::i18n::{tr, tr_label, use_i18n};
use crate::programs::catalogue::{entry_name, use_catalogue};

/// The filter a URL's query describes; unknown values are ignored.
pub fn filter_from_query(q: &ParamsMap) -> ProgramFilter {
    let text = |k: &str| q.get(k).unwrap_or_default();
    let sort = text("sort");
    ProgramFilter {
        area_id: text("area_id").parse().ok(),
        status: ProgramStatus::parse(&text("status")),
        catalogue_item_id: text("catalogue_item_id").parse().ok(),
        overdue: text("overdue") == "true",
        q: text("q"),
        sort: if matches!(sort.as_str(), "id" | "title") { sort } else { String::new() },
    }
}

/// `/programs` plus the filter's non-default values as a query string.
pub fn filter_url(filter: &ProgramFilter) -> String {
    let pairs: Vec<String> = filter
        .query()
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", String::from(js_sys::encode_uri_component(&v))))
        .collect();
    if pairs.is_empty() { "/programs".to_owned() } else { format!("/programs?{}", pairs.join("&")) }
}

/// The toolbar; every change goes to `on_change` (which puts it into the URL).
#[component]
pub fn ProgramFilterBar(filter: Memo<ProgramFilter>, on_change: Callback<ProgramFilter>) -> impl IntoView {
    let i18n = use_i18n();
    let catalogue = use_catalogue();
    let change = move |edit: Box<dyn Fn(&mut ProgramFilter)>| {
        let mut f = filter.get_untracked();
        edit(&mut f);
        on_change.run(f);
    };
    let current = move |get: fn(&ProgramFilter) -> String| move || get(&filter.get());
    view! {
        <div class="toolbar" data-testid="program-filters">
            <AreaFilter filter on_change/>
            <select data-testid="filter-status" aria-label=tr(k!("program.status"))
                prop:value=current(|f| f.status.map(|s| s.as_str().to_owned()).unwrap_or_default())
                on:change=move |ev| { let v = event_target_value(&ev); change(Box::new(move |f| f.status = ProgramStatus::parse(&v))) }>
                <option value="">{tr(k!("program.all_statuses"))}</option>
                {ProgramStatus::ALL.into_iter().map(|s| view! {
                    <option value=s.as_str() selected=move || filter.get().status == Some(s)>{tr_label(s)}</option>
                }).collect_view()}
            </select>
            <select data-testid="filter-item" aria-label=tr(k!("program.catalogue_items"))
                on:change=move |ev| { let v = event_target_value(&ev); change(Box::new(move |f| f.catalogue_item_id = v.parse().ok())) }>
                <option value="">{tr(k!("program.all_items"))}</option>
                {move || catalogue.items().into_iter().map(|item| {
                    let id = item.id;
                    view! {
                        <option value=id.to_string() selected=move || filter.get().catalogue_item_id == Some(id)>
                            {item.code.clone()}" "{entry_name(i18n, &item.name_zh, &item.name_en)}
                        </option>
                    }
                }).collect_view()}
            </select>
            <label class="checkbox">
                <input type="checkbox" data-testid="filter-overdue" prop:checked=move || filter.get().overdue
                    on:change=move |ev| { let on = event_target_checked(&ev); change(Box::new(move |f| f.overdue = on)) }/>
                {tr(k!("program.overdue_only"))}
            </label>
        </div>
    }
}

/// The chosen area as a chip (✕ to drop it), or a search to choose one.
#[component]
fn AreaFilter(filter: Memo<ProgramFilter>, on_change: Callback<ProgramFilter>) -> impl IntoView {
    let names = RwSignal::new(Vec::<(Id, String)>::new());
    // An area id from the URL (a link, the back button) is named by asking the server once.
    Effect::new(move |_| {
        if let Some(id) = filter.get().area_id
            && !names.with_untracked(|n| n.iter().any(|(i, _)| *i == id))
        {
            spawn_local(async move {
                if let Ok(area) = api::area(id).await {
                    names.update(|n| n.push((area.id, area.name)));
                }
            });
        }
    });
    let set = move |area_id: Option<Id>| {
        let mut f = filter.get_untracked();
        f.area_id = area_id;
        on_change.run(f);
    };
    let on_pick = Callback::new(move |area: Area| {
        names.update(|n| n.push((area.id, area.name.clone())));
        set(Some(area.id));
    });
    move || match filter.get().area_id {
        Some(id) => {
            let name = move || names.with(|n| n.iter().find(|(i, _)| *i == id).map(|(_, n)| n.clone())).unwrap_or_else(|| format!("#{id}"));
            view! {
                <span class="chip" data-testid="filter-area-chip">
                    {name}
                    <button type="button" class="chip-x" aria-label=tr(k!("action.clear"))
                        on:click=move |_| set(None)>"×"</button>
                </span>
            }
            .into_any()
        }
        None => view! { <AreaSearch on_pick placeholder=k!("program.area_search") testid="filter-area"/> }.into_any(),
    }
}
