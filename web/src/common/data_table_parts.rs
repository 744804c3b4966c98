//! The pieces of [`crate::common::data_table`]: the search box, the pager with its page size, the
//! column chooser and the export buttons.

use std::time::Duration;

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::common::api::{self, borrowed};
use crate::common::download::save_file;
use crate::common::i18n::use_i18n;
use crate::common::status::error_text;
use crate::messages::Key;

/// Page sizes a worker may pick; the first is the default.
pub const PAGE_SIZES: [u64; 3] = [20, 50, 100];

/// Where the export of a table is fetched: path, extra fixed parameters, and a file name to fall back on.
#[derive(Clone)]
pub struct Export {
    pub path: String,
    pub extra: Vec<(String, String)>,
    pub file: &'static str,
    /// Tables a CSV may hold, as `table` values with their message keys; empty when there is one.
    pub csv_tables: Vec<(&'static str, Key)>,
    /// The filter parameters the export reads, when it reads fewer than the list.
    pub keep: Option<&'static [&'static str]>,
}

pub(crate) fn hidden_key(id: &str) -> String {
    format!("hh.table.{id}.hidden")
}

/// Remembers the hidden columns of table `id`.
fn store_hidden(id: &str, hidden: &[String]) {
    // A full or disabled storage only forgets the choice.
    let _ = LocalStorage::set(hidden_key(id), hidden);
}

/// How long typing pauses before the keyword applies by itself.
const SEARCH_PAUSE: Duration = Duration::from_millis(400);

/// The keyword box: applies on Enter, and after a short pause in typing.
#[component]
pub fn SearchBox(q: RwSignal<String>, hint: Key) -> impl IntoView {
    let i18n = use_i18n();
    let typed = RwSignal::new(q.get_untracked());
    let pending = StoredValue::new(0_u64);
    let apply = move || {
        let text = typed.get_untracked();
        if text.trim() != q.get_untracked().trim() {
            q.set(text);
        }
    };
    let on_input = move |ev: leptos::ev::Event| {
        typed.set(event_target_value(&ev));
        pending.update_value(|p| *p += 1);
        let mine = pending.get_value();
        set_timeout(
            move || {
                if pending.try_get_value() == Some(mine) {
                    apply();
                }
            },
            SEARCH_PAUSE,
        );
    };
    view! {
        <input type="search" class="dt-search" data-testid="dt-search" enterkeyhint="search"
            placeholder=move || i18n.t(hint) aria-label=move || i18n.t(hint)
            prop:value=typed on:input=on_input
            on:keydown=move |ev| if ev.key() == "Enter" {
                pending.update_value(|p| *p += 1);
                apply();
            }/>
    }
}

/// 共 N 条 · ‹ 1 2 3 … 9 › · 每页 20 条. Pages reachable are those whose cursor is known.
#[component]
pub fn Pager(
    page: RwSignal<usize>,
    cursors: RwSignal<Vec<Option<String>>>,
    total: RwSignal<Option<u64>>,
    size: RwSignal<u64>,
    loading: RwSignal<bool>,
    go: Callback<usize>,
    storage: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let pages = move || total.get().map(|t| t.div_ceil(size.get()).max(1) as usize);
    let known = move || cursors.with(Vec::len);
    let numbers = move || {
        let reachable = known();
        let current = page.get();
        let last = pages();
        let mut list: Vec<usize> = (0..reachable).collect();
        if let Some(last) = last {
            list.retain(|i| *i < last);
        }
        let buttons = list
            .into_iter()
            .map(|i| {
                view! {
                    <button type="button" class="btn btn-small dt-page" class:on=i == current data-testid="dt-page"
                        data-page=i + 1 aria-current=(i == current).then_some("page") disabled=move || loading.get()
                        on:click=move |_| go.run(i)>{i + 1}</button>
                }
            })
            .collect_view();
        // Pages past the last cursor seen are reached through the pages before them.
        let rest = last.filter(|l| *l > reachable).map(|l| view! { <span class="muted dt-more">"… "{l}</span> });
        view! { {buttons}{rest} }
    };
    let has_next = move || page.get() + 1 < known();
    let set_size = move |ev: leptos::ev::Event| {
        let Ok(n) = event_target_value(&ev).parse::<u64>() else { return };
        // A full or disabled storage only forgets the choice.
        let _ = LocalStorage::set(&storage, n);
        size.set(n);
    };
    view! {
        <nav class="dt-pager" data-testid="dt-pager" aria-label=move || i18n.t(k!("table.pages"))>
            <span class="dt-total" data-testid="dt-total" data-total=move || total.get().map(|t| t.to_string())>
                {move || total.get().map(|t| i18n.t(k!("table.total")).replace("{n}", &t.to_string()))}
            </span>
            <button type="button" class="btn btn-small" data-testid="dt-prev"
                disabled=move || page.get() == 0 || loading.get()
                on:click=move |_| go.run(page.get_untracked().saturating_sub(1))>
                {move || i18n.t(k!("table.prev"))}
            </button>
            {numbers}
            <button type="button" class="btn btn-small" data-testid="dt-next"
                disabled=move || !has_next() || loading.get()
                on:click=move |_| go.run(page.get_untracked() + 1)>
                {move || i18n.t(k!("table.next"))}
            </button>
            <label class="dt-size">
                <select data-testid="dt-size" aria-label=move || i18n.t(k!("table.page_size"))
                    prop:value=move || size.get().to_string() on:change=set_size>
                    {PAGE_SIZES.into_iter().map(|n| view! {
                        <option value=n.to_string()>{move || i18n.t(k!("table.per_page")).replace("{n}", &n.to_string())}</option>
                    }).collect_view()}
                </select>
            </label>
        </nav>
    }
}

/// 显示列: a checkbox per hideable column, remembered per table.
#[component]
pub fn ColumnChooser(id: &'static str, columns: Vec<(&'static str, Key)>, hidden: RwSignal<Vec<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let boxes = columns
        .into_iter()
        .map(|(key, header)| {
            let shown = move || hidden.with(|h| !h.iter().any(|k| k == key));
            let toggle = move |ev: leptos::ev::Event| {
                let on = event_target_checked(&ev);
                hidden.update(|h| {
                    h.retain(|k| k != key);
                    if !on {
                        h.push(key.to_owned());
                    }
                });
                hidden.with_untracked(|h| store_hidden(id, h));
            };
            view! {
                <label class="checkbox" data-testid="dt-column" data-column=key>
                    <input type="checkbox" prop:checked=shown on:change=toggle/>
                    {move || i18n.t(header)}
                </label>
            }
        })
        .collect_view();
    view! {
        <details class="dt-columns" data-testid="dt-columns">
            <summary class="btn btn-small">{move || i18n.t(k!("table.columns"))}</summary>
            <div class="dt-columns-list">{boxes}</div>
        </details>
    }
}

/// Excel and CSV of exactly the rows the filters select.
#[component]
pub fn ExportButtons(export: Export, pairs: Signal<Vec<(String, String)>>) -> impl IntoView {
    let i18n = use_i18n();
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let table = RwSignal::new(export.csv_tables.first().map(|(t, _)| (*t).to_owned()));
    let tables = export.csv_tables.clone();
    let run = move |format: &'static str| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        let export = export.clone();
        let mut query = pairs.get_untracked();
        if let Some(keep) = export.keep {
            query.retain(|(k, _)| keep.contains(&k.as_str()));
        }
        query.extend(export.extra.iter().cloned());
        query.push(("format".into(), format.into()));
        if let Some(t) = table.get_untracked() {
            query.push(("table".into(), t));
        }
        spawn_local(async move {
            match api::get_file(&export.path, &borrowed(&query)).await {
                Ok(file) => {
                    if save_file(&file, &format!("{}.{format}", export.file)).is_err() {
                        error.set(Some(i18n.t(k!("error.unexpected")).to_owned()));
                    }
                }
                Err(e) => error.set(Some(error_text(i18n, &e))),
            }
            busy.set(false);
        });
    };
    let run_csv = run.clone();
    view! {
        <span class="export-buttons" data-testid="export-buttons">
            <button type="button" class="btn btn-small" disabled=busy data-testid="export-xlsx" on:click=move |_| run("xlsx")>
                {move || i18n.t(k!("export.xlsx"))}
            </button>
            {(!tables.is_empty()).then(|| view! {
                <select aria-label=move || i18n.t(k!("export.table")) data-testid="export-table"
                    on:change=move |ev| table.set(Some(event_target_value(&ev)))>
                    {tables.into_iter().map(|(t, key)| view! { <option value=t>{move || i18n.t(key)}</option> }).collect_view()}
                </select>
            })}
            <button type="button" class="btn btn-small" disabled=busy data-testid="export-csv" on:click=move |_| run_csv("csv")>
                {move || i18n.t(k!("export.csv"))}
            </button>
            {move || error.get().map(|e| view! { <span class="state-error" role="alert">{e}</span> })}
        </span>
    }
}
