//! One need, loaded by id: heading, the buttons of exactly the actions the server allows this caller
//! (`allowed_actions`, system-only ones never), the form of the chosen action, the fields and the
//! timeline. Used by `/needs/:id` and by the resident's `/m/needs/:id`.

use leptos::prelude::*;
use shared::{Id, NeedAction, NeedDetail, NeedStatus};

use crate::common::api;
use crate::common::i18n::use_i18n;
use crate::common::status::{ErrorBox, Loading, reload_quietly};
use crate::needs::action_form::ActionForm;
use crate::needs::candidates_panel::need_candidates;
use crate::needs::view::{NeedFacts, NeedHeading, NeedTimeline};

/// Actions only the platform takes; they appear on the timeline, never as buttons.
fn is_system_only(action: NeedAction) -> bool {
    matches!(action, NeedAction::ClaimTimeout | NeedAction::Reopen | NeedAction::Escalate)
}

/// Actions that end or undo something; shown apart from the main ones.
fn is_negative(action: NeedAction) -> bool {
    matches!(action, NeedAction::Reject | NeedAction::Cancel | NeedAction::Decline | NeedAction::Object)
}

/// The need `id` with its actions; `on_changed` hears about every successful action.
#[component]
pub fn NeedPanel(id: Id, #[prop(optional)] on_changed: Option<Callback<NeedDetail>>) -> impl IntoView {
    let i18n = use_i18n();
    let detail = LocalResource::new(move || api::need(id));
    let chosen = RwSignal::new(None::<NeedAction>);
    let retry = Callback::new(move |()| detail.refetch());
    let on_done = Callback::new(move |fresh: NeedDetail| {
        chosen.set(None);
        detail.set(Some(Ok(fresh.clone())));
        if let Some(cb) = on_changed {
            cb.run(fresh);
        }
    });
    let on_cancel = Callback::new(move |()| chosen.set(None));
    let on_stale = Callback::new(move |()| reload_quietly(detail, api::need(id)));

    // Three siblings, so a reload after a 409 refreshes the buttons and the facts while the open
    // form keeps showing what went wrong.
    let top = move || match detail.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(error)) => view! { <ErrorBox error on_retry=retry/> }.into_any(),
        Some(Ok(d)) => {
            let actions: Vec<NeedAction> = d.allowed_actions.iter().copied().filter(|a| !is_system_only(*a)).collect();
            let none_allowed = actions.is_empty();
            // Dispatching a need already dispatched hands it to someone else: 改派.
            let redispatch = d.need.status == NeedStatus::Dispatched;
            let buttons = actions
                .into_iter()
                .map(|action| {
                    let class = if is_negative(action) { "btn" } else { "btn btn-primary" };
                    view! {
                        <button type="button" class=class class:active=move || chosen.get() == Some(action)
                            data-testid=format!("action-{}", action.as_str())
                            on:click=move |_| chosen.set(Some(action))>
                            {move || if redispatch && action == NeedAction::Dispatch {
                                i18n.t(k!("action.redispatch")).to_owned()
                            } else {
                                i18n.need_action(action)
                            }}
                        </button>
                    }
                })
                .collect_view();
            view! {
                <NeedHeading need=d.need.clone()/>
                <section class="need-actions" aria-label=move || i18n.t(k!("need.actions"))>
                    {buttons}
                    {none_allowed.then(|| view! {
                        <span class="muted" data-testid="no-actions">{move || i18n.t(k!("need.no_actions"))}</span>
                    })}
                </section>
            }
            .into_any()
        }
    };
    let form = move || {
        chosen.get().map(|action| {
            view! {
                <ActionForm need_id=id action on_done on_cancel on_stale/>
            }
        })
    };
    let bottom = move || match detail.get() {
        Some(Ok(d)) => Some(view! {
            <div class="need-columns">
                <section><NeedFacts need=d.need.clone()/></section>
                <section>
                    <h3>{move || i18n.t(k!("need.timeline"))}</h3>
                    <NeedTimeline events=d.timeline/>
                </section>
            </div>
        }),
        _ => None,
    };
    let status = move || {
        detail.with(|d| match d {
            Some(Ok(d)) => d.need.status.as_str(),
            _ => "",
        })
    };
    view! {
        <article class="need-detail" data-testid="need-detail" data-need-id=id data-status=status>
            {top}
            {form}
            {need_candidates(id, detail, on_done)}
            {bottom}
        </article>
    }
}
