//! The area tree (区域树): roots of the caller's scope, children loaded when a node is opened, page by
//! page. Nodes listen to [`TreeContext`] so an edit or a new child shows up without a reload.

use std::collections::HashMap;

use leptos::prelude::*;
use shared::{Area, Id};

use crate::common::api;
use crate::common::i18n::use_i18n;
use crate::common::paged::Paged;

/// Shared by the tree and the detail panel of the areas page.
#[derive(Debug, Clone, Copy)]
pub struct TreeContext {
    /// The area shown in the detail panel.
    pub selected: Signal<Option<Id>>,
    /// Set to an area after it was edited; its node redraws.
    pub updated: RwSignal<Option<Area>>,
    /// Set to a parent's id after a child was added; that node reloads and opens.
    pub child_added: RwSignal<Option<Id>>,
    /// Every area seen so far, for breadcrumbs without extra requests.
    known: StoredValue<HashMap<Id, Area>>,
}

impl TreeContext {
    pub fn provide(selected: Signal<Option<Id>>) -> Self {
        let ctx =
            Self { selected, updated: RwSignal::new(None), child_added: RwSignal::new(None), known: StoredValue::new(HashMap::new()) };
        provide_context(ctx);
        ctx
    }

    pub fn remember(&self, areas: &[Area]) {
        self.known.update_value(|known| {
            for area in areas {
                known.insert(area.id, area.clone());
            }
        });
    }

    pub fn known(&self, id: Id) -> Option<Area> {
        self.known.with_value(|known| known.get(&id).cloned())
    }
}

fn use_tree() -> TreeContext {
    expect_context::<TreeContext>()
}

/// The tree, starting at `/areas/roots`. A single root opens by itself.
#[component]
pub fn AreaTree() -> impl IntoView {
    let ctx = use_tree();
    let roots = Paged::<Area>::new();
    let load = move || {
        roots.reload(move |_| async move {
            let page = api::area_roots().await?;
            ctx.remember(&page.items);
            // The scope has a handful of roots; there is no "next page" of them to offer.
            Ok(shared::Page { items: page.items, next_cursor: None })
        });
    };
    load();
    let retry = Callback::new(move |()| load());
    let more = Callback::new(move |()| load());
    view! {
        <ul class="tree" role="tree" data-testid="area-tree">
            {move || {
                let items = roots.items.get();
                let single = items.len() == 1;
                items.into_iter()
                    .map(|area| view! { <TreeNode area open_initially=single/> }.into_any())
                    .collect_view()
            }}
        </ul>
        {roots.footer(k!("state.no_areas"), more, retry)}
    }
}

#[component]
fn TreeNode(area: Area, open_initially: bool) -> impl IntoView {
    let ctx = use_tree();
    let i18n = use_i18n();
    let id = area.id;
    let area = RwSignal::new(area);
    let open = RwSignal::new(false);
    let children = Paged::<Area>::new();
    let fetch = move |cursor| async move {
        let page = api::area_children(id, cursor).await?;
        ctx.remember(&page.items);
        Ok(page)
    };
    let toggle = move || {
        let now = !open.get_untracked();
        open.set(now);
        if now && !children.loaded.get_untracked() && !children.loading.get_untracked() {
            children.reload(fetch);
        }
    };
    if open_initially && area.with_untracked(|a| a.child_count > 0) {
        toggle();
    }
    Effect::watch(
        move || ctx.updated.get(),
        move |updated, _, _| {
            if let Some(updated) = updated.as_ref().filter(|u| u.id == id) {
                area.set(updated.clone());
            }
        },
        false,
    );
    Effect::watch(
        move || ctx.child_added.get(),
        move |parent, _, _| {
            if *parent == Some(id) {
                open.set(true);
                children.reload(fetch);
            }
        },
        false,
    );

    let selected = move || ctx.selected.get() == Some(id);
    let has_children = move || area.with(|a| a.child_count > 0) || children.items.with(|c| !c.is_empty());
    let more = Callback::new(move |()| children.more(fetch));
    let retry = Callback::new(move |()| children.reload(fetch));
    view! {
        <li role="treeitem" class="tree-item" aria-selected=move || selected().to_string()
            aria-expanded=move || has_children().then(|| open.get().to_string())>
            <div class="tree-row" class:selected=selected>
                {move || if has_children() {
                    view! {
                        <button type="button" class="tree-toggle" data-testid="tree-toggle"
                            aria-expanded=move || open.get().to_string()
                            aria-label=move || if open.get() { i18n.t(k!("tree.collapse")) } else { i18n.t(k!("tree.expand")) }
                            on:click=move |_| toggle()>
                            {move || if open.get() { "▾" } else { "▸" }}
                        </button>
                    }.into_any()
                } else {
                    view! { <span class="tree-toggle tree-leaf" aria-hidden="true">"·"</span> }.into_any()
                }}
                <a href=format!("/areas/{id}") class="tree-label" data-testid="tree-node" data-area-id=id.to_string()>
                    {move || area.with(|a| a.name.clone())}
                </a>
                <span class="tree-kind">{move || i18n.kind(area.with(|a| a.kind))}</span>
                {move || area.with(|a| (a.child_count > 0).then_some(a.child_count)).map(|n| view! {
                    <span class="tree-count" title=move || i18n.t(k!("area.child_count"))>{n}</span>
                })}
            </div>
            {move || open.get().then(|| view! {
                <ul role="group" class="tree-children">
                    <For each=move || children.items.get() key=|a| (a.id, a.updated_at) let:child>
                        {view! { <TreeNode area=child open_initially=false/> }.into_any()}
                    </For>
                </ul>
                <div class="tree-footer">{children.footer(k!("state.no_children"), more, retry)}</div>
            })}
        </li>
    }
}
