//! Small pieces of the matching-plan pages: the status badge and what a status means for the page
//! (still being solved, may be applied).

use leptos::prelude::*;
use shared::PlanStatus;

use crate::common::i18n::tr_word;

/// Queued or running: the page polls and shows progress.
pub fn is_pending(status: PlanStatus) -> bool {
    matches!(status, PlanStatus::Queued | PlanStatus::Running)
}

/// 计算中 / 已完成 …, coloured by stage (the program badge colours: grey, blue, green, brand, red).
#[component]
pub fn PlanStatusBadge(status: PlanStatus) -> impl IntoView {
    let stage = match status {
        PlanStatus::Queued | PlanStatus::Superseded => "ps-draft",
        PlanStatus::Running => "ps-approved",
        PlanStatus::Done => "ps-completed",
        PlanStatus::Applied => "ps-in_progress",
        PlanStatus::Failed => "ps-cancelled",
    };
    view! {
        <span class=format!("need-status {stage}") data-testid="plan-status" data-status=status.as_str()>
            {tr_word(words!("plan_status"), status.as_str().to_owned())}
        </span>
    }
}
