//! The queue's filters, kept in the URL (`/needs?status=accepted&overdue=true`) so the back button
//! from a need's detail returns to the same view, and the count chips that double as status filters.

use leptos::prelude::*;
use leptos_router::params::ParamsMap;
use shared::{Code, NeedCounts, NeedStatus};

use crate::common::api::{ApiResult, NeedFilter};
use crate::common::i18n::use_i18n;
use crate::common::status::ErrorBox;
use crate::needs::labels::{URGENCIES, use_categories};

/// The filter a URL's query describes; unknown values are ignored.
pub fn filter_from_query(q: &ParamsMap) -> NeedFilter {
    let text = |k: &str| q.get(k).unwrap_or_default();
    NeedFilter {
        status: NeedStatus::parse(&text("status")),
        category: text("category"),
        urgency: Code::parse(&text("urgency")),
        overdue: text("overdue") == "true",
        escalated: text("escalated") == "true",
        area_id: text("area_id").parse().ok(),
        assignee_id: text("assignee_id").parse().ok(),
        tag: Code::parse(&text("tag")),
        oldest_first: text("sort") == "id",
    }
}

/// `base` plus the filter's non-default values as a query string.
pub fn filter_url(base: &str, filter: &NeedFilter) -> String {
    let pairs: Vec<String> = filter
        .query()
        .into_iter()
        .filter(|(k, v)| !(v.is_empty() || k == "sort" && v == "-id"))
        .map(|(k, v)| format!("{k}={}", String::from(js_sys::encode_uri_component(&v))))
        .collect();
    if pairs.is_empty() { base.to_owned() } else { format!("{base}?{}", pairs.join("&")) }
}

/// Status, category, urgency, target group, overdue/escalated (the table's headers sort).
#[component]
pub fn NeedFilterBar(filter: Memo<NeedFilter>, on_change: Callback<NeedFilter>) -> impl IntoView {
    let i18n = use_i18n();
    let categories = use_categories();
    let change = move |edit: Box<dyn Fn(&mut NeedFilter)>| {
        let mut f = filter.get_untracked();
        edit(&mut f);
        on_change.run(f);
    };
    let current = move |get: fn(&NeedFilter) -> String| move || get(&filter.get());
    view! {
        <div class="toolbar" data-testid="need-filters">
            <select data-testid="filter-status" aria-label=move || i18n.t(k!("need.status"))
                prop:value=current(|f| f.status.map(|s| s.as_str().to_owned()).unwrap_or_default())
                on:change=move |ev| { let v = event_target_value(&ev); change(Box::new(move |f| f.status = NeedStatus::parse(&v))) }>
                <option value="">{move || i18n.t(k!("queue.all_statuses"))}</option>
                {NeedStatus::ALL.into_iter().map(|s| view! {
                    <option value=s.as_str()>{move || i18n.status(s)}</option>
                }).collect_view()}
            </select>
            <select data-testid="filter-category" aria-label=move || i18n.t(k!("need.category"))
                prop:value=current(|f| f.category.clone())
                on:change=move |ev| { let v = event_target_value(&ev); change(Box::new(move |f| f.category = v.clone())) }>
                <option value="">{move || i18n.t(k!("queue.all_categories"))}</option>
                {move || categories.list.get().into_iter().map(|c| {
                    let code = c.code.clone();
                    let selected = move || filter.with(|f| f.category == code);
                    view! { <option value=c.code.clone() selected=selected>{categories.name(i18n, &c.code)}</option> }
                }).collect_view()}
            </select>
            <select data-testid="filter-urgency" aria-label=move || i18n.t(k!("need.urgency"))
                prop:value=current(|f| f.urgency.map(|u| u.as_str().to_owned()).unwrap_or_default())
                on:change=move |ev| { let v = event_target_value(&ev); change(Box::new(move |f| f.urgency = Code::parse(&v))) }>
                <option value="">{move || i18n.t(k!("queue.all_urgencies"))}</option>
                {URGENCIES.into_iter().map(|u| view! {
                    <option value=u.as_str()>{move || i18n.urgency(u)}</option>
                }).collect_view()}
            </select>
            <select data-testid="filter-tag" aria-label=move || i18n.t(k!("need.tags"))
                prop:value=current(|f| f.tag.map(|t| t.as_str().to_owned()).unwrap_or_default())
                on:change=move |ev| { let v = event_target_value(&ev); change(Box::new(move |f| f.tag = Code::parse(&v))) }>
                <option value="">{move || i18n.t(k!("queue.all_tags"))}</option>
                {shared::TargetGroup::ALL.into_iter().map(|g| view! {
                    <option value=g.as_str()>{move || i18n.target_group(g)}</option>
                }).collect_view()}
            </select>
            <label class="checkbox">
                <input type="checkbox" data-testid="filter-overdue" prop:checked=move || filter.get().overdue
                    on:change=move |ev| { let on = event_target_checked(&ev); change(Box::new(move |f| f.overdue = on)) }/>
                {move || i18n.t(k!("queue.overdue_only"))}
            </label>
            <label class="checkbox">
                <input type="checkbox" data-testid="filter-escalated" prop:checked=move || filter.get().escalated
                    on:change=move |ev| { let on = event_target_checked(&ev); change(Box::new(move |f| f.escalated = on)) }/>
                {move || i18n.t(k!("queue.escalated_only"))}
            </label>
        </div>
    }
}

/// 全部 · 已提交 3 · 已受理 5 … · 已超时 2 · 街镇吹哨 1; a click filters by that chip.
#[component]
pub fn CountChips(
    counts: LocalResource<ApiResult<NeedCounts>>,
    filter: Memo<NeedFilter>,
    on_change: Callback<NeedFilter>,
    on_retry: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pick = move |edit: fn(&mut NeedFilter)| {
        let mut f = filter.get_untracked();
        edit(&mut f);
        on_change.run(f);
    };
    // A Transition: a new filter keeps the chips shown until its counts are in.
    let chips = move || {
        counts.get().map(|answer| match answer {
            Err(error) => view! { <ErrorBox error on_retry/> }.into_any(),
            Ok(c) => {
                let f = filter.get();
                let total: i64 = c.by_status.iter().map(|s| s.count).sum();
                let chips = c
                    .by_status
                    .into_iter()
                    .filter(|s| s.count > 0 || f.status == Some(s.status))
                    .map(|s| {
                        let status = s.status;
                        let on = f.status == Some(status);
                        view! {
                            <button type="button" class="count-chip" class:on=on data-testid="count-chip"
                                data-status=status.as_str()
                                on:click=move |_| { let mut f = filter.get_untracked();
                                    f.status = if on { None } else { Some(status) }; on_change.run(f); }>
                                {move || i18n.status(status)}<b>{s.count}</b>
                            </button>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="count-chips" role="group" aria-label=move || i18n.t(k!("queue.counts")) data-testid="count-chips">
                        <button type="button" class="count-chip" class:on=f.status.is_none()
                            on:click=move |_| pick(|f| f.status = None)>
                            {move || i18n.t(k!("queue.all"))}<b data-testid="count-total">{total}</b>
                        </button>
                        {chips}
                        <button type="button" class="count-chip chip-overdue" class:on=f.overdue data-testid="count-overdue"
                            on:click=move |_| pick(|f| f.overdue = !f.overdue)>
                            {move || i18n.t(k!("need.overdue"))}<b>{c.overdue}</b>
                        </button>
                        <button type="button" class="count-chip chip-escalated" class:on=f.escalated data-testid="count-escalated"
                            on:click=move |_| pick(|f| f.escalated = !f.escalated)>
                            {move || i18n.t(k!("need.flag_escalated"))}<b>{c.escalated}</b>
                        </button>
                    </div>
                }
                .into_any()
            }
        })
    };
    view! {
        <Transition fallback=|| view! { <div class="count-chips muted">"…"</div> }>{chips}</Transition>
    }
}
