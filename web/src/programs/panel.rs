//! One program, loaded by id: heading, the buttons of exactly the actions the server allows
//! (`allowed_actions`) with the chosen action's form, 编辑 for drafts, the 公开 switch, then the
//! facts, evaluation, partners, pledges, milestones and spending. With `public` it reads the
//! signed-out endpoint and offers nothing to change (阳光社区).

use leptos::prelude::*;
use shared::{Id, ProgramAction, ProgramDetail, ProgramStatus};

use crate::common::api;
use crate::common::i18n::{tr, tr_word};
use crate::common::status::{ErrorBox, Loading, reload_quietly};
use crate::programs::action_form::{ProgramActionForm, needs_reason};
use crate::programs::head::{EvaluationPanel, ProgramFacts, ProgramHeading, PublicToggle};
use crate::programs::milestone_section::MilestoneSection;
use crate::programs::partner_section::PartnerSection;
use crate::programs::pledge_section::PledgeSection;
use crate::programs::spend_section::SpendSection;

/// Actions that stop, undo or refuse; drawn apart from the main ones.
fn is_negative(action: ProgramAction) -> bool {
    needs_reason(action) || action == ProgramAction::Withdraw
}

#[component]
pub fn ProgramPanel(id: Id, #[prop(optional)] public: bool) -> impl IntoView {
    let fetch = move || async move { if public { api::public_program(id).await } else { api::program(id).await } };
    let detail = LocalResource::new(fetch);
    let chosen = RwSignal::new(None::<ProgramAction>);
    let retry = Callback::new(move |()| detail.refetch());
    let on_update = Callback::new(move |fresh: ProgramDetail| detail.set(Some(Ok(fresh))));
    let on_done = Callback::new(move |fresh: ProgramDetail| {
        chosen.set(None);
        detail.set(Some(Ok(fresh)));
    });
    let on_cancel = Callback::new(move |()| chosen.set(None));
    let on_stale = Callback::new(move |()| reload_quietly(detail, fetch()));

    let top = move || match detail.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(error)) => view! { <ErrorBox error on_retry=retry/> }.into_any(),
        Some(Ok(d)) => {
            let editable = d.editable && !public;
            let draft = d.program.status == ProgramStatus::Draft;
            let actions = if public { Vec::new() } else { d.allowed_actions.clone() };
            let buttons = actions
                .into_iter()
                .map(|action| {
                    let class = if is_negative(action) { "btn" } else { "btn btn-primary" };
                    view! {
                        <button type="button" class=class class:active=move || chosen.get() == Some(action)
                            data-testid=format!("action-{}", action.as_str())
                            on:click=move |_| chosen.set(Some(action))>
                            {tr_word(words!("paction"), action.as_str().to_owned())}
                        </button>
                    }
                })
                .collect_view();
            view! {
                <ProgramHeading program=d.program.clone() public/>
                {(!public).then(|| view! {
                    <section class="need-actions" aria-label=tr(k!("need.actions"))>
                        {buttons}
                        {(editable && draft).then(|| view! {
                            <a class="btn" href=format!("/programs/{id}/edit") data-testid="program-edit">
                                {tr(k!("action.edit"))}
                            </a>
                        })}
                        {editable.then(|| view! { <PublicToggle detail=d.clone() on_update/> })}
                        {(d.allowed_actions.is_empty() && !editable).then(|| view! {
                            <span class="muted" data-testid="no-actions">{tr(k!("need.no_actions"))}</span>
                        })}
                    </section>
                })}
            }
            .into_any()
        }
    };
    let form = move || {
        chosen.get().map(|action| {
            view! {
                <ProgramActionForm program_id=id action on_done on_cancel on_stale/>
            }
        })
    };
    let body = move || match detail.get() {
        Some(Ok(d)) => {
            let editable = d.editable && !public;
            Some(view! {
                <div class="program-columns">
                    <section class="panel"><ProgramFacts program=d.program.clone() public/></section>
                    {d.evaluation.clone().map(|evaluation| view! { <EvaluationPanel evaluation/> })}
                </div>
                <PartnerSection detail=d.clone() editable on_update/>
                <PledgeSection detail=d.clone() editable on_update/>
                <MilestoneSection detail=d.clone() editable on_update/>
                <SpendSection detail=d editable on_update/>
            })
        }
        _ => None,
    };
    let status = move || {
        detail.with(|d| match d {
            Some(Ok(d)) => d.program.status.as_str(),
            _ => "",
        })
    };
    view! {
        <article class="program-detail" data-testid="program-detail" data-program-id=id data-status=status>
            {top}
            {form}
            {body}
        </article>
    }
}
