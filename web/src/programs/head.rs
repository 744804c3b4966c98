//! The top of a program: title with status and flags, the plan's facts (area, dates, lead org,
//! catalogue items, budget against spend, progress), the 公开 switch, and the evaluation panel.

use leptos::prelude::*;
use shared::{Evaluation, Program, ProgramDetail, ProgramPatch};

use crate::common::api;
use crate::common::form::{FormState, FormSummary};
use crate::common::i18n::{tr, tr_word, use_i18n};
use crate::common::widgets::Bar;
use crate::programs::bits::{BudgetBar, Money, ProgramStatusBadge, save_detail};
use crate::programs::catalogue::entry_name;

/// Title line: title, status, public flag (not on the public page itself), overdue milestones.
#[component]
pub fn ProgramHeading(program: Program, #[prop(optional)] public: bool) -> impl IntoView {
    let overdue = program.overdue_milestones;
    view! {
        <div class="detail-head">
            <h2 data-testid="program-title">{program.title.clone()}</h2>
            <ProgramStatusBadge status=program.status/>
            {(program.public && !public).then(|| view! {
                <span class="flag flag-public" data-testid="flag-public">{tr(k!("program.public_flag"))}</span>
            })}
            {(overdue > 0).then(|| view! {
                <span class="flag flag-escalated" data-testid="flag-overdue">
                    {tr(k!("program.overdue"))}" "{overdue}
                </span>
            })}
        </div>
    }
}

/// Every fact of the plan; on the `public` page the catalogue items are not links into the dashboard.
#[component]
pub fn ProgramFacts(program: Program, #[prop(optional)] public: bool) -> impl IntoView {
    let i18n = use_i18n();
    let items = program.catalogue_items.clone();
    let dates = format!("{} — {}", program.start_date, program.end_date);
    view! {
        <dl class="facts program-facts" data-testid="program-facts">
            <dt>{tr(k!("program.area"))}</dt>
            <dd>{program.area_name.clone()}</dd>
            <dt>{tr(k!("program.dates"))}</dt>
            <dd class="nowrap">{dates}</dd>
            <dt>{tr(k!("program.lead_org"))}</dt>
            <dd>{program.lead_org.clone()}</dd>
            <dt>{tr(k!("program.budget"))}</dt>
            <dd><Money fen=program.budget_fen/></dd>
            <dt>{tr(k!("program.catalogue_items"))}</dt>
            <dd class="chips">
                {items.into_iter().map(|c| {
                    let href = (!public).then(|| format!("/programs?catalogue_item_id={}", c.id));
                    let (zh, en) = (c.name_zh, c.name_en);
                    view! {
                        <a class="chip" href=href>{c.code}" "{move || entry_name(i18n, &zh, &en)}</a>
                    }
                }).collect_view()}
            </dd>
            <dt>{tr(k!("program.progress"))}</dt>
            <dd><Bar fraction=program.progress testid="progress-bar"/></dd>
            <dt>{tr(k!("program.budget_spent"))}</dt>
            <dd><BudgetBar spent=program.spent_fen budget=program.budget_fen/></dd>
        </dl>
        {(!program.description.is_empty()).then(|| view! {
            <p class="program-desc" data-testid="program-description">{program.description.clone()}</p>
        })}
    }
}

/// 公开到阳光社区: a switch that saves at once (allowed while the program is open).
#[component]
pub fn PublicToggle(detail: ProgramDetail, on_update: Callback<ProgramDetail>) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    let id = detail.program.id;
    let on = detail.program.public;
    let toggle = move |ev: leptos::ev::Event| {
        let public = event_target_checked(&ev);
        form.start();
        let patch = ProgramPatch { public: Some(public), ..Default::default() };
        save_detail(form, i18n, async move { api::patch_program(id, &patch).await }, on_update);
    };
    view! {
        <label class="checkbox public-toggle" title=tr(k!("program.public_hint"))>
            <input type="checkbox" data-testid="public-toggle" prop:checked=on disabled=form.busy
                on:change=toggle/>
            {tr(k!("program.public"))}
        </label>
        <FormSummary form placed=&[]/>
    }
}

/// Score, who evaluated, and their comments.
#[component]
pub fn EvaluationPanel(evaluation: Evaluation) -> impl IntoView {
    let kind = evaluation.evaluator_type;
    let score = evaluation.score;
    let tone = match score {
        s if s >= 80 => "ok",
        s if s >= 60 => "warn",
        _ => "bad",
    };
    view! {
        <section class="panel evaluation" data-testid="evaluation">
            <h3>{tr(k!("program.evaluation"))}</h3>
            <div class="kpi">
                <span class="kpi-value" data-testid="evaluation-score">{score}</span>
                <span class="kpi-label">{tr_word(words!("evaluator"), kind.as_str().into())}</span>
            </div>
            <Bar fraction=f64::from(score) / 100.0 text=format!("{score} / 100") tone/>
            {evaluation.comments.clone().filter(|c| !c.is_empty()).map(|c| view! { <p class="eval-comments">{c}</p> })}
        </section>
    }
}
