//! `/topics` 议题看板: the consultation topics of the caller's area as a kanban, one column per stage
//! in lifecycle order with its count (`GET /topics/counts`), filters kept in the URL (area, category,
//! words). On a phone the board shows one stage at a time, chosen with the stage picker.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::params::ParamsMap;
use shared::{Area, Id, Page, Topic, TopicCategory, TopicCounts, TopicStatus};

use crate::common::api::{self, ApiError, TopicFilter};
use crate::common::area_picker::AreaSearch;
use crate::common::i18n::{tr, tr_word, use_i18n};
use crate::common::session::use_session;
use crate::common::status::{Empty, ErrorBox, Loading};
use crate::consultation::labels::{CATEGORIES, STAGES, group_by_stage};

/// The filter a URL's query describes; unknown values are ignored.
pub fn filter_from_query(q: &ParamsMap) -> TopicFilter {
    let text = |k: &str| q.get(k).unwrap_or_default();
    TopicFilter { area_id: text("area_id").parse().ok(), category: TopicCategory::parse(&text("category")), q: text("q") }
}

fn filter_url(filter: &TopicFilter) -> String {
    let pairs: Vec<String> = filter
        .query()
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", String::from(js_sys::encode_uri_component(&v))))
        .collect();
    if pairs.is_empty() { "/topics".to_owned() } else { format!("/topics?{}", pairs.join("&")) }
}

#[component]
pub fn TopicsPage() -> impl IntoView {
    let session = use_session();
    view! {
        <div class="page-head">
            <h1 class="page-title">{tr(k!("nav.topics"))}</h1>
        </div>
        <p class="muted">{tr(k!("topic.board_hint"))}</p>
        <Show when=move || session.permissions().read_topics fallback=|| view! { <Empty key=k!("error.forbidden")/> }>
            <Board/>
        </Show>
    }
}

#[component]
fn Board() -> impl IntoView {
    let query = use_query_map();
    let navigate = use_navigate();
    let filter = Memo::new(move |_| query.with(filter_from_query));
    let topics = RwSignal::new(None::<Result<Page<Topic>, ApiError>>);
    let counts = RwSignal::new(None::<TopicCounts>);
    let generation = StoredValue::new(0u64);
    let load = move || {
        let f = filter.get_untracked();
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        topics.set(None);
        counts.set(None);
        spawn_local(async move {
            let (list, tally) = futures::future::join(api::board_topics(f.clone()), api::topic_counts(f)).await;
            // A late answer to an older filter, or to a board already left, is dropped.
            if generation.try_get_value() == Some(mine) {
                counts.set(tally.ok());
                topics.set(Some(list));
            }
        });
    };
    Effect::new(move |_| {
        filter.track();
        load();
    });
    let retry = Callback::new(move |()| load());
    let on_change = Callback::new(move |f: TopicFilter| {
        navigate(&filter_url(&f), NavigateOptions { replace: true, ..Default::default() });
    });
    // The stage a phone shows; the first with topics once they are known.
    let stage = RwSignal::new(None::<TopicStatus>);
    let count_of = move |status: TopicStatus| {
        counts.with(|c| c.as_ref().map(|c| c.by_status.iter().find(|s| s.status == status).map_or(0, |s| s.count)))
    };
    let body = move || match topics.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(error)) => view! { <ErrorBox error on_retry=retry/> }.into_any(),
        Some(Ok(page)) if page.items.is_empty() => view! { <Empty key=k!("topic.none")/> }.into_any(),
        Some(Ok(page)) => {
            let columns = group_by_stage(&page.items);
            if stage.get_untracked().is_none() {
                stage.set(columns.iter().find(|(_, ts)| !ts.is_empty()).map(|(s, _)| *s));
            }
            view! {
                <StagePicker stage count_of/>
                <div class="kanban" data-testid="topic-board">
                    {columns.into_iter().map(|(status, items)| view! {
                        <StageColumn status items count=Signal::derive(move || count_of(status))
                            shown=Signal::derive(move || stage.get() == Some(status))/>
                    }).collect_view()}
                </div>
            }
            .into_any()
        }
    };
    view! {
        <FilterBar filter on_change/>
        {move || counts.get().map(|c| view! {
            <p class="muted" data-testid="topic-total">{tr(k!("topic.total"))}": "{c.total}</p>
        })}
        {body}
    }
}

/// The phone's stage picker (hidden on wider screens, where every column shows).
#[component]
fn StagePicker(
    stage: RwSignal<Option<TopicStatus>>,
    count_of: impl Fn(TopicStatus) -> Option<i64> + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="field stage-picker">
            <span class="field-label">{tr(k!("topic.stage"))}</span>
            <select data-testid="stage-picker"
                on:change=move |ev| stage.set(TopicStatus::parse(&event_target_value(&ev)))>
                {STAGES.into_iter().map(|s| view! {
                    <option value=s.as_str() selected=move || stage.get() == Some(s)>
                        {move || format!("{} ({})", i18n.topic_status(s), count_of(s).map_or_else(|| "…".to_owned(), |n| n.to_string()))}
                    </option>
                }).collect_view()}
            </select>
        </label>
    }
}

#[component]
fn StageColumn(status: TopicStatus, items: Vec<Topic>, count: Signal<Option<i64>>, shown: Signal<bool>) -> impl IntoView {
    let loaded = items.len() as i64;
    let cards = if items.is_empty() {
        view! { <p class="muted small kanban-empty">{tr(k!("topic.none_in_stage"))}</p> }.into_any()
    } else {
        items.into_iter().map(|topic| view! { <TopicCard topic/> }).collect_view().into_any()
    };
    view! {
        <section class="kanban-col" class:shown=shown data-testid="stage-column" data-status=status.as_str()>
            <h2 class="kanban-head">
                <span class=format!("topic-status ts-{}", status.as_str())>{tr_word(words!("tstatus"), status.as_str().to_owned())}</span>
                <span class="kanban-count" data-testid="stage-count">{move || count.get().map(|n| n.to_string())}</span>
            </h2>
            {cards}
            {move || count.get().is_some_and(|n| n > loaded).then(|| view! {
                <p class="muted small">{tr(k!("topic.more_in_stage"))}</p>
            })}
        </section>
    }
}

#[component]
fn TopicCard(topic: Topic) -> impl IntoView {
    let i18n = use_i18n();
    let category = topic.category;
    view! {
        <a class="kanban-card" href=format!("/topics/{}", topic.id) data-testid="topic-card" data-topic-id=topic.id>
            <strong class="kanban-title">{topic.title.clone()}</strong>
            <span class="muted small">{topic.community_name.clone()}" · "{move || i18n.dynamic(words!("tcategory"), category.as_str())}</span>
            {(topic.status == TopicStatus::Cosigning).then(|| view! {
                <span class="small">{tr(k!("topic.cosigners"))}" "{topic.cosign_count}" / "{topic.cosign_threshold}</span>
            })}
        </a>
    }
}

/// Area, category and words; every change goes to `on_change` (which puts it into the URL).
#[component]
fn FilterBar(filter: Memo<TopicFilter>, on_change: Callback<TopicFilter>) -> impl IntoView {
    let q = RwSignal::new(filter.get_untracked().q);
    Effect::new(move |_| q.set(filter.get().q));
    let change = move |edit: Box<dyn Fn(&mut TopicFilter)>| {
        let mut f = filter.get_untracked();
        edit(&mut f);
        on_change.run(f);
    };
    let filtered = move || filter.with(|f| *f != TopicFilter::default());
    view! {
        <form class="toolbar" data-testid="topic-filters"
            on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default();
                let text = q.get_untracked(); change(Box::new(move |f| f.q = text.clone())) }>
            <AreaFilter filter on_change/>
            <select data-testid="filter-category" aria-label=tr(k!("topic.category"))
                on:change=move |ev| { let v = event_target_value(&ev); change(Box::new(move |f| f.category = TopicCategory::parse(&v))) }>
                <option value="">{tr(k!("topic.all_categories"))}</option>
                {CATEGORIES.into_iter().map(|c| view! {
                    <option value=c.as_str() selected=move || filter.get().category == Some(c)>{tr_word(words!("tcategory"), c.as_str().to_owned())}</option>
                }).collect_view()}
            </select>
            <input type="search" data-testid="filter-q" placeholder=tr(k!("topic.search")) aria-label=tr(k!("topic.search"))
                maxlength="100" prop:value=q on:input=move |ev| q.set(event_target_value(&ev))/>
            <button type="submit" class="btn">{tr(k!("action.search"))}</button>
            {move || filtered().then(|| view! {
                <a class="btn btn-ghost" href="/topics" data-testid="filters-clear">{tr(k!("topic.clear_filters"))}</a>
            })}
        </form>
    }
}

/// The chosen area as a chip (✕ to drop it), or a search to choose one.
#[component]
fn AreaFilter(filter: Memo<TopicFilter>, on_change: Callback<TopicFilter>) -> impl IntoView {
    let names = RwSignal::new(Vec::<(Id, String)>::new());
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
                    <button type="button" class="chip-x" aria-label=tr(k!("action.clear")) on:click=move |_| set(None)>"×"</button>
                </span>
            }
            .into_any()
        }
        None => view! { <AreaSearch on_pick placeholder=k!("topic.area_search") testid="filter-area"/> }.into_any(),
    }
}
