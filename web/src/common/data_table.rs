//! One table for the staff lists (needs, programs, resources, users, audit): keyword search, an
//! optional date range, the page's own filters slotted in, sortable headers, page numbers with the
//! total and a page size, a column chooser and export of exactly what is filtered (台账).
//!
//! Paging is keyset: a page is reached through the cursor the page before it returned, so the table
//! keeps the cursors it has seen and offers the pages they reach (1..=known+1). Page size and hidden
//! columns are remembered per table in localStorage. Below 600 px each row becomes a card whose cells
//! carry their header as a label (`data-label`).

use std::sync::Arc;

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::common::api::{self, ApiError, borrowed};
pub use crate::common::data_table_parts::Export;
use crate::common::data_table_parts::{ColumnChooser, ExportButtons, PAGE_SIZES, Pager, SearchBox, hidden_key};
use crate::common::i18n::use_i18n;
use crate::common::status::{Empty, ErrorBox, Loading};
use crate::messages::Key;

/// How a cell of a column shows a row.
pub type CellFn<T> = Arc<dyn Fn(&T) -> AnyView + Send + Sync>;

/// One column: its key (for the chooser and tests), header message, cell, optional server sort.
pub struct Column<T> {
    pub key: &'static str,
    /// Message key of the header.
    pub header: Key,
    pub cell: CellFn<T>,
    /// The server's sort names for ascending and descending.
    pub sort: Option<(&'static str, &'static str)>,
    /// Whether the column chooser may hide it.
    pub hideable: bool,
    pub class: &'static str,
}

impl<T> Clone for Column<T> {
    fn clone(&self) -> Self {
        Self { key: self.key, header: self.header, cell: self.cell.clone(), sort: self.sort, hideable: self.hideable, class: self.class }
    }
}

impl<T> Column<T> {
    pub fn new<V: IntoView + 'static>(key: &'static str, header: Key, cell: impl Fn(&T) -> V + Send + Sync + 'static) -> Self {
        Self { key, header, cell: Arc::new(move |row| cell(row).into_any()), sort: None, hideable: true, class: "" }
    }

    /// Sortable by the server's `asc` and `desc` orders.
    pub fn sort(mut self, asc: &'static str, desc: &'static str) -> Self {
        self.sort = Some((asc, desc));
        self
    }

    /// Always shown (the column chooser does not offer it).
    pub fn fixed(mut self) -> Self {
        self.hideable = false;
        self
    }

    pub fn class(mut self, class: &'static str) -> Self {
        self.class = class;
        self
    }
}

/// A page of rows and, once the server counts, how many rows match in all.
#[derive(Debug, Clone, Deserialize)]
pub struct CountedRows<T> {
    pub items: Vec<T>,
    pub next_cursor: Option<String>,
    /// Absent from lists that do not count (yet): the pager then shows the pages it knows.
    #[serde(default)]
    pub total: Option<u64>,
}

/// The table's own state; `Copy`, every field is a signal.
pub struct TableState<T: Send + Sync + 'static> {
    pub q: RwSignal<String>,
    pub from: RwSignal<String>,
    pub to: RwSignal<String>,
    pub sort: RwSignal<Option<&'static str>>,
    pub size: RwSignal<u64>,
    /// Index of the page shown (0 = first).
    pub page: RwSignal<usize>,
    /// `cursors[i]` fetches page i; the first is `None`.
    pub cursors: RwSignal<Vec<Option<String>>>,
    pub total: RwSignal<Option<u64>>,
    pub rows: RwSignal<Vec<T>>,
    pub loading: RwSignal<bool>,
    pub error: RwSignal<Option<ApiError>>,
    pub loaded: RwSignal<bool>,
    pub hidden: RwSignal<Vec<String>>,
    generation: StoredValue<u64>,
}

impl<T: Send + Sync + 'static> Clone for TableState<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for TableState<T> {}

fn size_key(id: &str) -> String {
    format!("hh.table.{id}.size")
}

impl<T: Clone + DeserializeOwned + Send + Sync + 'static> TableState<T> {
    fn new(id: &str, sort: Option<&'static str>) -> Self {
        let size = LocalStorage::get::<u64>(size_key(id)).ok().filter(|s| PAGE_SIZES.contains(s)).unwrap_or(PAGE_SIZES[0]);
        let hidden = LocalStorage::get::<Vec<String>>(hidden_key(id)).unwrap_or_default();
        Self {
            q: RwSignal::new(String::new()),
            from: RwSignal::new(String::new()),
            to: RwSignal::new(String::new()),
            sort: RwSignal::new(sort),
            size: RwSignal::new(size),
            page: RwSignal::new(0),
            cursors: RwSignal::new(vec![None]),
            total: RwSignal::new(None),
            rows: RwSignal::new(Vec::new()),
            loading: RwSignal::new(false),
            error: RwSignal::new(None),
            loaded: RwSignal::new(false),
            hidden: RwSignal::new(hidden),
            generation: StoredValue::new(0),
        }
    }

    /// The filters as query parameters (the page's own, then keyword, dates and order).
    pub fn filter_pairs(self, spec: &TableSpec, page_filters: &[(String, String)]) -> Vec<(String, String)> {
        let mut pairs = page_filters.to_vec();
        let q = self.q.get_untracked().trim().to_owned();
        if !q.is_empty() {
            pairs.push(("q".into(), q));
        }
        if let Some((from, to)) = spec.dates {
            pairs.push((from.into(), self.from.get_untracked()));
            pairs.push((to.into(), self.to.get_untracked()));
        }
        pairs.retain(|(_, v)| !v.is_empty());
        pairs
    }

    /// Loads page `index` through the cursor that reaches it; a late answer to an older request is dropped.
    fn load(self, spec: TableSpec, page_filters: Vec<(String, String)>, index: usize) {
        let Some(cursor) = self.cursors.with_untracked(|c| c.get(index).cloned()) else { return };
        self.generation.update_value(|g| *g += 1);
        let generation = self.generation.get_value();
        self.loading.set(true);
        self.error.set(None);
        let mut pairs = self.filter_pairs(&spec, &page_filters);
        if let Some(sort) = self.sort.get_untracked() {
            pairs.push(("sort".into(), sort.into()));
        }
        pairs.push(("limit".into(), self.size.get_untracked().to_string()));
        if let Some(cursor) = cursor {
            pairs.push(("cursor".into(), cursor));
        }
        spawn_local(async move {
            let answer = api::get::<CountedRows<T>>(&spec.path, &borrowed(&pairs)).await;
            if self.generation.try_get_value() != Some(generation) {
                return;
            }
            match answer {
                Ok(page) => {
                    self.cursors.update(|c| {
                        c.truncate(index + 1);
                        if let Some(next) = page.next_cursor {
                            c.push(Some(next));
                        }
                    });
                    // The total is the same on every page of one filter; keep it if a later page leaves it out.
                    if page.total.is_some() || index == 0 {
                        self.total.set(page.total);
                    }
                    self.rows.set(page.items);
                    self.page.set(index);
                    self.loaded.set(true);
                }
                Err(e) => self.error.set(Some(e)),
            }
            self.loading.set(false);
        });
    }
}

/// What a table reads besides its columns.
#[derive(Clone)]
pub struct TableSpec {
    /// Names the table in localStorage and in `data-testid`s (`{id}-table`).
    pub id: &'static str,
    /// GET path answering a (counted) page.
    pub path: String,
    /// Query names of the date range (e.g. `submitted_from`, `submitted_to`), when the list has one.
    pub dates: Option<(&'static str, &'static str)>,
    pub export: Option<Export>,
    /// Message key shown when nothing matches.
    pub empty_key: Key,
    /// Message key of the search box's placeholder; `None` where the list has no keyword (`q`).
    pub search_hint: Option<Key>,
    /// Extra class of the `<table>` (e.g. `need-table`).
    pub class: &'static str,
}

/// Renders one row group (a `<tbody>`) given the row and its cells; pages with row behaviour
/// (a click that opens the record, an expandable diff) supply their own.
pub type RowFn<T> = Arc<dyn Fn(T, AnyView) -> AnyView + Send + Sync>;

/// The table. `filters` are the page's own query parameters: a change goes back to page 1.
/// Bumping `refresh` reloads the page shown (after a bulk action).
#[component]
pub fn DataTable<T: Clone + DeserializeOwned + Send + Sync + 'static>(
    spec: TableSpec,
    columns: Vec<Column<T>>,
    #[prop(into)] filters: Signal<Vec<(String, String)>>,
    /// Key of a row, for keyed redraws.
    row_key: fn(&T) -> String,
    #[prop(optional)] row: Option<RowFn<T>>,
    /// The server's order to start with.
    #[prop(optional)]
    sort: Option<&'static str>,
    #[prop(optional, into)] refresh: Option<Signal<u64>>,
    /// A keyword to start with (a link's `?q=`).
    #[prop(optional, into)]
    keyword: String,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = TableState::<T>::new(spec.id, sort);
    state.q.set(keyword);
    let columns = Arc::new(columns);
    let spec_load = spec.clone();
    let load = move |index: usize| state.load(spec_load.clone(), filters.get_untracked(), index);
    let load_first = load.clone();
    // Filters, keyword, dates, order or size changed: back to page 1.
    Effect::new(move |_| {
        filters.track();
        state.q.track();
        state.from.track();
        state.to.track();
        state.sort.track();
        state.size.track();
        state.cursors.set(vec![None]);
        load_first(0);
    });
    if let Some(refresh) = refresh {
        let load = load.clone();
        Effect::new(move |first: Option<()>| {
            refresh.track();
            if first.is_some() {
                load(state.page.get_untracked());
            }
        });
    }
    let go = Callback::new(move |index: usize| load(index));

    let id = spec.id;
    let head_columns = columns.clone();
    let header = move || {
        head_columns
            .iter()
            .map(|c| {
                let (key, header, sortable) = (c.key, c.header, c.sort);
                let hidden = move || state.hidden.with(|h| h.iter().any(|k| k == key));
                let aria = move || match (sortable, state.sort.get()) {
                    (Some((asc, _)), Some(s)) if s == asc => "ascending",
                    (Some((_, desc)), Some(s)) if s == desc => "descending",
                    _ => "none",
                };
                let label = move || i18n.t(header);
                let content = match sortable {
                    Some((asc, desc)) => view! {
                        <button type="button" class="dt-sort" data-testid="dt-sort" data-column=key
                            on:click=move |_| state.sort.set(Some(if state.sort.get_untracked() == Some(asc) { desc } else { asc }))>
                            {label}
                            <span class="dt-sort-mark" aria-hidden="true">{move || match aria() {
                                "ascending" => "▲",
                                "descending" => "▼",
                                _ => "↕",
                            }}</span>
                        </button>
                    }
                    .into_any(),
                    None => view! { <span>{label}</span> }.into_any(),
                };
                view! {
                    <th class=c.class class:dt-hidden=hidden data-column=key
                        aria-sort=move || sortable.map(|_| aria())>{content}</th>
                }
            })
            .collect_view()
    };
    let row_columns = columns.clone();
    let render_row = move |item: T| {
        let cells = row_columns
            .iter()
            .map(|c| {
                let (key, header) = (c.key, c.header);
                let hidden = move || state.hidden.with(|h| h.iter().any(|k| k == key));
                view! {
                    <td class=c.class class:dt-hidden=hidden data-column=key data-label=move || i18n.t(header)>
                        {(c.cell)(&item)}
                    </td>
                }
            })
            .collect_view()
            .into_any();
        match &row {
            Some(row) => row(item, cells),
            None => view! { <tbody class="dt-row"><tr data-testid="dt-row">{cells}</tr></tbody> }.into_any(),
        }
    };
    let chooser: Vec<(&'static str, Key)> = columns.iter().filter(|c| c.hideable).map(|c| (c.key, c.header)).collect();
    let spec_export = spec.clone();
    let export_pairs = Signal::derive(move || {
        filters.track();
        state.q.track();
        state.from.track();
        state.to.track();
        state.filter_pairs(&spec_export, &filters.get_untracked())
    });
    let retry = Callback::new(move |()| go.run(state.page.get_untracked()));
    let empty_key = spec.empty_key;

    view! {
        <div class="data-table-box" data-testid=format!("{id}-box")>
            <div class="toolbar dt-toolbar">
                {spec.search_hint.map(|hint| view! { <SearchBox q=state.q hint/> })}
                {children.map(|c| c())}
                {spec.dates.map(|_| view! {
                    <span class="dt-dates">
                        <input type="date" data-testid="dt-from" aria-label=move || i18n.t(k!("table.from"))
                            prop:value=state.from on:change=move |ev| state.from.set(event_target_value(&ev))/>
                        <span aria-hidden="true">"–"</span>
                        <input type="date" data-testid="dt-to" aria-label=move || i18n.t(k!("table.to"))
                            prop:value=state.to on:change=move |ev| state.to.set(event_target_value(&ev))/>
                    </span>
                })}
                <div class="spacer"></div>
                <ColumnChooser id columns=chooser hidden=state.hidden/>
                {spec.export.clone().map(|export| view! { <ExportButtons export pairs=export_pairs/> })}
            </div>
            <div class="table-wrap">
                <table class=format!("table data-table {}", spec.class) data-testid=format!("{id}-table")
                    aria-busy=move || state.loading.get().to_string()>
                    <thead><tr>{header}</tr></thead>
                    <For each=move || state.rows.get() key=row_key let:item>
                        {render_row(item)}
                    </For>
                </table>
            </div>
            {move || {
                if let Some(error) = state.error.get() {
                    return view! { <ErrorBox error on_retry=retry/> }.into_any();
                }
                if state.loading.get() && !state.loaded.get() {
                    return view! { <Loading/> }.into_any();
                }
                if state.loaded.get() && state.rows.with(Vec::is_empty) {
                    return view! { <Empty key=empty_key/> }.into_any();
                }
                ().into_any()
            }}
            <Pager page=state.page cursors=state.cursors total=state.total size=state.size loading=state.loading
                go storage=size_key(id)/>
        </div>
    }
}
