//! The results of a matching plan, one row per need: the need (linking to it), category, community,
//! urgency, the service it goes to with the provider and the score — or why it goes nowhere — and,
//! once applied, what applying did. Filtered to all / assigned / unassigned.

use leptos::prelude::*;
use shared::PlanRow;

use crate::common::i18n::{tr, tr_word, use_i18n};
use crate::common::status::Empty;
use crate::matching::score_bars::ScoreBar;
use crate::needs::badges::{UrgencyBadge, excerpt};
use crate::needs::labels::use_categories;

/// Characters of the need's summary shown.
const EXCERPT: usize = 40;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RowFilter {
    All,
    Assigned,
    Unassigned,
}

impl RowFilter {
    fn keeps(self, row: &PlanRow) -> bool {
        match self {
            Self::All => true,
            Self::Assigned => row.service_id.is_some(),
            Self::Unassigned => row.service_id.is_none(),
        }
    }
}

/// The rows of a plan; `outcomes` adds the column of what applying did.
#[component]
pub fn PlanRows(rows: Vec<PlanRow>, outcomes: bool) -> impl IntoView {
    if rows.is_empty() {
        return view! { <Empty key=k!("matching.no_rows")/> }.into_any();
    }
    let shown = RwSignal::new(RowFilter::All);
    let assigned = rows.iter().filter(|r| r.service_id.is_some()).count();
    let counts = [
        (RowFilter::All, k!("matching.all"), rows.len(), "all"),
        (RowFilter::Assigned, k!("matching.assigned"), assigned, "assigned"),
        (RowFilter::Unassigned, k!("matching.unassigned"), rows.len() - assigned, "unassigned"),
    ];
    let rows = StoredValue::new(rows);
    let chips = counts
        .into_iter()
        .map(|(which, key, n, name)| {
            view! {
                <button type="button" class="count-chip" class:on=move || shown.get() == which
                    data-testid="rows-filter" data-filter=name aria-pressed=move || (shown.get() == which).to_string()
                    on:click=move |_| shown.set(which)>
                    {tr(key)}<b>{n}</b>
                </button>
            }
        })
        .collect_view();
    let body = move || {
        let which = shown.get();
        let list: Vec<PlanRow> = rows.with_value(|rows| rows.iter().filter(|r| which.keeps(r)).cloned().collect());
        if list.is_empty() {
            return view! { <tr><td colspan="8"><Empty key=k!("matching.no_rows_filtered")/></td></tr> }.into_any();
        }
        list.into_iter().map(|row| view! { <ResultRow row outcomes/> }).collect_view().into_any()
    };
    view! {
        <div class="count-chips" data-testid="rows-filters">{chips}</div>
        <div class="table-wrap">
            <table class="table plan-rows" data-testid="plan-rows">
                <thead>
                    <tr>
                        <th>{tr(k!("matching.need"))}</th>
                        <th>{tr(k!("matching.category"))}</th>
                        <th>{tr(k!("matching.community"))}</th>
                        <th>{tr(k!("need.urgency"))}</th>
                        <th>{tr(k!("matching.to_service"))}</th>
                        <th>{tr(k!("matching.offered_by"))}</th>
                        <th>{tr(k!("matching.score"))}</th>
                        {outcomes.then(|| view! { <th>{tr(k!("matching.outcome"))}</th> })}
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn ResultRow(row: PlanRow, outcomes: bool) -> impl IntoView {
    let i18n = use_i18n();
    let categories = use_categories();
    let id = row.need_id;
    let category = row.need_category.clone();
    let assigned = row.service_id.is_some();
    let service = match (row.service_name.clone(), row.reason) {
        (Some(name), _) => view! { <span data-testid="row-service">"→ "{name}</span> }.into_any(),
        (None, Some(reason)) => view! {
            <span class="due-soon" data-testid="row-reason" data-reason=reason.as_str()>
                {tr_word(words!("munassigned"), reason.as_str().to_owned())}
            </span>
        }
        .into_any(),
        (None, None) => view! { <span class="muted" data-testid="row-reason">{tr(k!("matching.unassigned"))}</span> }.into_any(),
    };
    let outcome = outcomes.then(|| {
        let note = row.outcome_note.clone();
        view! {
            <td data-testid="row-outcome" data-outcome=row.outcome.map(|o| o.as_str()).unwrap_or_default()>
                {row.outcome.map(|o| {
                    let class = if o.as_str() == "dispatched" { "need-status st-dispatched" } else { "need-status st-returned" };
                    view! { <span class=class>{tr_word(words!("moutcome"), o.as_str().to_owned())}</span> }
                })}
                {note.map(|n| view! { <div class="muted small">{n}</div> })}
            </td>
        }
    });
    view! {
        <tr data-testid="plan-row-result" data-need-id=id data-assigned=assigned.to_string()>
            <td class="need-text">
                <a href=format!("/needs/{id}") data-testid="row-need" title=row.need_summary.clone()>
                    <span class="mono">{format!("#{id} ")}</span>{excerpt(&row.need_summary, EXCERPT)}
                </a>
            </td>
            <td class="nowrap">{move || categories.name(i18n, &category)}</td>
            <td class="nowrap">{row.area_name.clone()}</td>
            <td><UrgencyBadge urgency=row.urgency/></td>
            <td>{service}</td>
            <td>{row.offered_by.clone().unwrap_or_default()}</td>
            <td class="bar-cell">
                {row.score.map_or_else(|| view! { <span class="muted">"—"</span> }.into_any(), |s| view! { <ScoreBar score=s/> }.into_any())}
            </td>
            {outcome}
        </tr>
    }
}
