//! 项目节点: the milestones as a timeline ordered by due date — done in green, overdue in red — with
//! weight and owner (责任人, absent on the public page), buttons that move a milestone on
//! (开始 → 完成), and the form that adds one.

use leptos::prelude::*;
use shared::{Id, Milestone, MilestonePatch, MilestoneStatus, ProgramDetail};

use crate::common::api;
use crate::common::form::{FormState, FormSummary};
use crate::common::i18n::{tr, tr_word, use_i18n};
use crate::common::status::Empty;
use crate::programs::bits::{AddToggle, save_detail};
use crate::programs::milestone_form::MilestoneForm;

/// The timeline; `editable` adds the status buttons and the add form.
#[component]
pub fn MilestoneSection(detail: ProgramDetail, editable: bool, on_update: Callback<ProgramDetail>) -> impl IntoView {
    let open = RwSignal::new(false);
    let program_id = detail.program.id;
    let mut milestones = detail.milestones.clone();
    milestones.sort_by_key(|m| (m.due_on, m.id));
    let total_weight: i32 = milestones.iter().map(|m| m.weight).sum();
    let done = Callback::new(move |d: ProgramDetail| {
        open.set(false);
        on_update.run(d);
    });
    view! {
        <section class="program-section" data-testid="milestones">
            <h3>
                {tr(k!("milestone.title"))}
                {(total_weight > 0).then(|| view! {
                    <span class="muted small">" · "{tr(k!("milestone.total_weight"))}" "{total_weight}</span>
                })}
            </h3>
            {if milestones.is_empty() {
                view! { <Empty key=k!("milestone.none")/> }.into_any()
            } else {
                view! {
                    <ol class="timeline milestone-timeline" data-testid="milestone-timeline">
                        {milestones.into_iter().map(|m| view! {
                            <MilestoneStep milestone=m program_id editable on_update/>
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
            {editable.then(|| view! {
                <AddToggle label=k!("milestone.add") open testid="milestone-add">
                    <MilestoneForm program_id on_done=done on_cancel=Callback::new(move |()| open.set(false))/>
                </AddToggle>
            })}
        </section>
    }
}

#[component]
fn MilestoneStep(milestone: Milestone, program_id: Id, editable: bool, on_update: Callback<ProgramDetail>) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    let status = milestone.status;
    let id = milestone.id;
    let class = match (status, milestone.overdue) {
        (MilestoneStatus::Done, _) => "timeline-step ms-done",
        (_, true) => "timeline-step ms-overdue",
        (MilestoneStatus::InProgress, _) => "timeline-step ms-active",
        _ => "timeline-step",
    };
    let move_to = move |next: MilestoneStatus| {
        form.start();
        let patch = MilestonePatch { status: Some(next), ..Default::default() };
        save_detail(form, i18n, async move { api::patch_milestone(program_id, id, &patch).await }, on_update);
    };
    let due = milestone.due_on.to_string();
    let done_on = milestone.done_on.map(|d| d.to_string());
    view! {
        <li class=class data-testid="milestone" data-milestone-id=id data-status=status.as_str()
            data-overdue=milestone.overdue.to_string()>
            <span class="timeline-at nowrap">
                {tr(k!("milestone.due"))}" "{due.clone()}
                {milestone.overdue.then(|| view! { <b class="due-over">" · "{tr(k!("milestone.overdue"))}</b> })}
                {done_on.clone().map(|d| view! { <span>" · "{tr(k!("milestone.done_on"))}" "{d.clone()}</span> })}
            </span>
            <span class="timeline-what"><strong>{milestone.title.clone()}</strong></span>
            <span class=format!("ms-status ms-{}", status.as_str())>{tr_word(words!("mstatus"), status.as_str().into())}</span>
            <span class="muted">{tr(k!("milestone.weight"))}" "{milestone.weight}</span>
            {milestone.owner_name.clone().map(|o| view! {
                <span class="timeline-who">{tr(k!("milestone.owner"))}" "{o.clone()}</span>
            })}
            {(editable && status != MilestoneStatus::Done).then(|| view! {
                <span class="ms-buttons">
                    {(status == MilestoneStatus::Pending).then(|| view! {
                        <button type="button" class="btn btn-small" disabled=form.busy data-testid="milestone-start"
                            on:click=move |_| move_to(MilestoneStatus::InProgress)>
                            {tr(k!("milestone.start"))}
                        </button>
                    })}
                    <button type="button" class="btn btn-small btn-primary" disabled=form.busy data-testid="milestone-done"
                        on:click=move |_| move_to(MilestoneStatus::Done)>
                        {tr(k!("milestone.mark_done"))}
                    </button>
                </span>
            })}
            <FormSummary form placed=&[]/>
        </li>
    }
}
