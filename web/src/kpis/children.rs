//! 下级区域: the child areas of the dashboard's area, each opening the same overview one level down.
//! A grid has none; it says so and points back up the path instead of ending there.

use leptos::prelude::*;
use shared::ChildArea;

use crate::common::i18n::{tr, use_i18n};
use crate::common::status::Empty;
use crate::kpis::period::{Period, kpi_url};

#[component]
pub fn ChildAreas(children: Vec<ChildArea>, period: Period) -> impl IntoView {
    let i18n = use_i18n();
    let count = children.len();
    view! {
        <section class="panel kpi-children" data-testid="kpi-children" data-count=count>
            <h3>{tr("kpi.children")}" "<span class="muted small">{tr("kpi.children_hint")}</span></h3>
            {if children.is_empty() {
                view! { <Empty key="kpi.no_children"/> }.into_any()
            } else {
                view! {
                    <div class="kpi-child-list">
                        {children.into_iter().map(|c| {
                            let kind = c.kind;
                            view! {
                                <a class="kpi-child" href=kpi_url("/kpis", c.id, period, None) data-testid="kpi-child"
                                    data-area-id=c.id data-kind=kind.as_str()>
                                    <span class="kpi-child-name">{c.name}</span>
                                    <span class="tree-kind">{move || i18n.kind(kind)}</span>
                                    <span class="kpi-child-go" aria-hidden="true">"›"</span>
                                </a>
                            }
                        }).collect_view()}
                    </div>
                }.into_any()
            }}
        </section>
    }
}
