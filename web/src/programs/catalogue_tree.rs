//! The catalogue drawn as collapsible directions → sections → items, each with its Chinese and English
//! name and description; every item links to the programs working on it. Platform admins correct
//! names and descriptions in place (`PATCH /catalogue/{id}`).

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{CatalogueEntry, CatalogueEntryPatch};

use crate::common::api;
use crate::common::form::{Field, FormButtons, FormState, FormSummary};
use crate::common::i18n::{tr, use_i18n};
use crate::programs::catalogue::{Direction, entry_name};

const PLACED: [&str; 3] = ["/name_zh", "/name_en", "/description_zh"];

/// The whole tree; `editable` shows the edit buttons, `on_saved` hears about every corrected entry.
#[component]
pub fn CatalogueTree(tree: Vec<Direction>, editable: bool, on_saved: Callback<CatalogueEntry>) -> impl IntoView {
    view! {
        <div class="catalogue" data-testid="catalogue-tree">
            {tree.into_iter().map(|d| {
                let sections = d.sections;
                view! {
                    <Fold entry=d.entry editable on_saved class="cat-direction">
                        {sections.clone().into_iter().map(|s| {
                            let items = s.items;
                            view! {
                                <Fold entry=s.entry editable on_saved class="cat-section">
                                    <ul class="cat-items">
                                        {items.clone().into_iter().map(|item| view! {
                                            <li class="cat-item" data-testid="catalogue-item" data-code=item.code.clone()>
                                                <EntryLine entry=item.clone() editable on_saved/>
                                            </li>
                                        }).collect_view()}
                                    </ul>
                                </Fold>
                            }
                        }).collect_view()}
                    </Fold>
                }
            }).collect_view()}
        </div>
    }
}

/// An entry with a ▾/▸ toggle over its children (open at first).
#[component]
fn Fold(
    entry: CatalogueEntry,
    editable: bool,
    on_saved: Callback<CatalogueEntry>,
    class: &'static str,
    children: ChildrenFn,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(true);
    view! {
        <div class=class>
            <div class="cat-head">
                <button type="button" class="tree-toggle" aria-expanded=move || open.get().to_string()
                    title=move || i18n.t(if open.get() { k!("tree.collapse") } else { k!("tree.expand") })
                    on:click=move |_| open.update(|o| *o = !*o)>
                    {move || if open.get() { "▾" } else { "▸" }}
                </button>
                <div class="cat-body"><EntryLine entry editable on_saved/></div>
            </div>
            <Show when=move || open.get()>
                <div class="cat-children">{children()}</div>
            </Show>
        </div>
    }
}

/// Code, names and description of one entry, or its edit form.
#[component]
fn EntryLine(entry: CatalogueEntry, editable: bool, on_saved: Callback<CatalogueEntry>) -> impl IntoView {
    let i18n = use_i18n();
    let editing = RwSignal::new(false);
    let shown = RwSignal::new(entry);
    let saved = Callback::new(move |e: CatalogueEntry| {
        shown.set(e.clone());
        editing.set(false);
        on_saved.run(e);
    });
    let cancel = Callback::new(move |()| editing.set(false));
    move || {
        let e = shown.get();
        if editing.get() {
            return view! { <EntryEditor entry=e on_saved=saved on_cancel=cancel/> }.into_any();
        }
        let is_item = e.level == "item";
        let href = format!("/programs?catalogue_item_id={}", e.id);
        let (zh, en) = (e.name_zh.clone(), e.name_en.clone());
        view! {
            <span class="cat-line">
                <span class="mono cat-code">{e.code.clone()}</span>
                <span class="cat-name">{move || entry_name(i18n, &zh, &en)}</span>
                {is_item.then(|| view! {
                    <a class="cat-link" href=href data-testid="catalogue-programs">
                        {tr(k!("catalogue.programs"))}" →"
                    </a>
                })}
                {editable.then(|| view! {
                    <button type="button" class="btn btn-small btn-ghost" data-testid="catalogue-edit"
                        on:click=move |_| editing.set(true)>
                        {tr(k!("action.edit"))}
                    </button>
                })}
            </span>
            {e.description_zh.clone().filter(|d| !d.is_empty()).map(|d| view! {
                // The seed's description exists only in Chinese: marked as such, so English readers
                // (and their browsers' translators) know it is quoted source text.
                <p class="cat-desc" lang="zh-CN">{d}</p>
            })}
        }
        .into_any()
    }
}

/// Names and description of one entry; only what changed is sent.
#[component]
fn EntryEditor(entry: CatalogueEntry, on_saved: Callback<CatalogueEntry>, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    let name_zh = RwSignal::new(entry.name_zh.clone());
    let name_en = RwSignal::new(entry.name_en.clone());
    let description = RwSignal::new(entry.description_zh.clone().unwrap_or_default());
    let before = StoredValue::new(entry);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.start();
        let b = before.get_value();
        let changed = |new: String, old: &str| (new.trim() != old).then(|| new.trim().to_owned());
        let patch = CatalogueEntryPatch {
            name_zh: changed(name_zh.get_untracked(), &b.name_zh),
            name_en: changed(name_en.get_untracked(), &b.name_en),
            description_zh: changed(description.get_untracked(), b.description_zh.as_deref().unwrap_or("")),
        };
        if patch == CatalogueEntryPatch::default() {
            form.done();
            return on_cancel.run(());
        }
        spawn_local(async move {
            match api::patch_catalogue(b.id, &patch).await {
                Ok(saved) => {
                    form.done();
                    on_saved.run(saved);
                }
                Err(e) => form.failed(i18n, &e),
            }
        });
    };
    view! {
        <form class="form panel cat-editor" on:submit=submit
            data-testid="catalogue-editor" novalidate>
            <FormSummary form placed=&PLACED/>
            <div class="grid-fields">
                <Field label=k!("catalogue.name_zh") pointer="/name_zh" form>
                    <input type="text" maxlength="100" prop:value=name_zh
                        on:input=move |ev| name_zh.set(event_target_value(&ev))/>
                </Field>
                <Field label=k!("catalogue.name_en") pointer="/name_en" form>
                    <input type="text" maxlength="200" prop:value=name_en
                        on:input=move |ev| name_en.set(event_target_value(&ev))/>
                </Field>
            </div>
            <Field label=k!("catalogue.description") pointer="/description_zh" form>
                <textarea rows="3" maxlength="2000" prop:value=description
                    on:input=move |ev| description.set(event_target_value(&ev))></textarea>
            </Field>
            <FormButtons form on_cancel submit_key=k!("action.save")/>
        </form>
    }
}
