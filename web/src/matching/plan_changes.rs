//! 与上一方案相比: what a re-plan changed against the plan it re-planned — counts per kind of change and
//! one line per need (kind in words, the need, from → to service). Service names and need summaries
//! come from this plan's rows and, once loaded, the previous plan's.

use std::collections::HashMap;

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{Id, PlanChange, PlanChangeKind, PlanDetail, PlanRow};

use crate::common::api;
use crate::common::i18n::{tr, tr_word, use_i18n};
use crate::common::status::Empty;
use crate::needs::badges::excerpt;

const EXCERPT: usize = 30;

/// Service names and need summaries by id, from the rows of one or two plans.
#[derive(Debug, Clone, Default)]
struct Names {
    services: HashMap<Id, String>,
    needs: HashMap<Id, String>,
}

impl Names {
    fn add(&mut self, rows: &[PlanRow]) {
        for row in rows {
            if let (Some(id), Some(name)) = (row.service_id, &row.service_name) {
                self.services.entry(id).or_insert_with(|| name.clone());
            }
            self.needs.entry(row.need_id).or_insert_with(|| row.need_summary.clone());
        }
    }
}

/// The changes of a re-plan against plan `parent_id`.
#[component]
pub fn PlanChanges(parent_id: Id, changes: Vec<PlanChange>, rows: Vec<PlanRow>) -> impl IntoView {
    let names = RwSignal::new({
        let mut n = Names::default();
        n.add(&rows);
        n
    });
    // The previous plan knows the services and needs this one no longer has; without it ids are shown.
    spawn_local(async move {
        if let Ok(PlanDetail { rows: earlier, .. }) = api::plan(parent_id).await {
            let _ = names.try_update(|n| n.add(&earlier));
        }
    });
    let counts: Vec<(PlanChangeKind, usize)> =
        PlanChangeKind::ALL.iter().map(|k| (*k, changes.iter().filter(|c| c.kind == *k).count())).filter(|(_, n)| *n > 0).collect();
    view! {
        <section class="program-section" data-testid="plan-changes">
            <h3>
                {tr(k!("matching.compare"))}
                <a class="small" href=format!("/matching/plans/{parent_id}") data-testid="plan-parent">
                    "("{tr(k!("matching.parent"))}" #"{parent_id}")"
                </a>
            </h3>
            {if changes.is_empty() {
                view! { <Empty key=k!("matching.no_changes")/> }.into_any()
            } else {
                view! {
                    <div class="count-chips">
                        {counts.into_iter().map(|(kind, n)| view! {
                            <span class="count-chip" data-testid="change-count" data-kind=kind.as_str()>
                                {tr_word(words!("mchange"), kind.as_str().to_owned())}<b>{n}</b>
                            </span>
                        }).collect_view()}
                    </div>
                    <div class="table-wrap">
                        <table class="table" data-testid="changes-table">
                            <thead>
                                <tr>
                                    <th>{tr(k!("matching.change"))}</th>
                                    <th>{tr(k!("matching.need"))}</th>
                                    <th>{tr(k!("matching.from_to"))}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {changes.into_iter().map(|c| view! { <ChangeRow change=c names/> }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                .into_any()
            }}
        </section>
    }
}

#[component]
fn ChangeRow(change: PlanChange, names: RwSignal<Names>) -> impl IntoView {
    let i18n = use_i18n();
    let need = change.need_id;
    let service = move |id: Option<Id>| match id {
        None => "—".to_owned(),
        Some(id) => names.with(|n| n.services.get(&id).cloned()).unwrap_or_else(|| format!("{}{id}", i18n.t(k!("matching.service_no")))),
    };
    let (from, to) = (change.from_service_id, change.to_service_id);
    let summary = move || names.with(|n| n.needs.get(&need).map(|s| excerpt(s, EXCERPT))).unwrap_or_default();
    view! {
        <tr data-testid="plan-change" data-kind=change.kind.as_str() data-need-id=need>
            <td class="nowrap">{tr_word(words!("mchange"), change.kind.as_str().to_owned())}</td>
            <td><a href=format!("/needs/{need}")><span class="mono">{format!("#{need} ")}</span>{summary}</a></td>
            <td>{move || format!("{} → {}", service(from), service(to))}</td>
        </tr>
    }
}
