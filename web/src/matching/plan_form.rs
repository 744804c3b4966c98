//! 新建匹配方案: the scope of a new matching plan — a district, street or community (the caller's home
//! area when it is one), optionally one category and one urgency. `on_created` gets the queued plan.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{Area, AreaKind, Code, Id, NewPlan, Plan};

use crate::common::api;
use crate::common::area_picker::AreaSearch;
use crate::common::form::{Field, FieldGroup, FormState, FormSummary, field_error};
use crate::common::i18n::{tr, use_i18n};
use crate::common::session::use_session;
use crate::needs::labels::{URGENCIES, use_categories};

const PLACED: [&str; 3] = ["/area_id", "/category", "/urgency"];

/// Plans are made for these levels only.
pub fn plannable(kind: AreaKind) -> bool {
    matches!(kind, AreaKind::District | AreaKind::Street | AreaKind::Community)
}

#[component]
pub fn NewPlanForm(on_created: Callback<Plan>, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let categories = use_categories();
    let home = session.me.with_untracked(|m| m.as_ref().filter(|m| plannable(m.area.kind)).map(|m| (m.area.id, m.area.name.clone())));
    let area = RwSignal::new(home.clone());
    let category = RwSignal::new(String::new());
    let urgency = RwSignal::new(String::new());
    let form = FormState::new();

    let on_pick = Callback::new(move |a: Area| {
        if plannable(a.kind) {
            form.errors.set(Vec::new());
            area.set(Some((a.id, a.name)));
        } else {
            form.invalid(vec![field_error("/area_id", shared::FieldRule::WrongKind, "choose a district, street or community")]);
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.start();
        let Some((area_id, _)) = area.get_untracked() else {
            form.invalid(vec![field_error("/area_id", shared::FieldRule::Required, "is required")]);
            return;
        };
        let code = category.get_untracked();
        let new = NewPlan { area_id, category: (!code.is_empty()).then_some(code), urgency: Code::parse(&urgency.get_untracked()) };
        spawn_local(async move {
            match api::create_plan(&new).await {
                Ok(plan) => {
                    form.done();
                    on_created.run(plan);
                }
                Err(e) => form.failed(i18n, &e),
            }
        });
    };
    let home_id: Option<Id> = home.as_ref().map(|(id, _)| *id);
    view! {
        <form class="form panel" data-testid="plan-form" on:submit=submit novalidate>
            <p class="muted small" style="margin: 0">{tr(k!("matching.plan_hint"))}</p>
            <div class="grid-fields">
                <FieldGroup label=k!("matching.plan_area") pointer="/area_id" form hint=k!("matching.area_hint")>
                    <div class="area-choice">
                        <span class="chosen" data-testid="plan-area">
                            {move || area.get().map(|(_, n)| n).unwrap_or_else(|| "—".to_owned())}
                        </span>
                        <AreaSearch on_pick placeholder=k!("area.search") testid="plan-area-search"/>
                        {home.clone().map(|h| view! {
                            <button type="button" class="btn btn-ghost btn-small" data-testid="plan-area-home"
                                style="align-self: flex-start"
                                disabled=move || area.with(|a| a.as_ref().map(|(id, _)| *id) == home_id)
                                on:click=move |_| area.set(Some(h.clone()))>
                                {tr(k!("matching.home_area"))}
                            </button>
                        })}
                    </div>
                </FieldGroup>
                <Field label=k!("matching.plan_category") pointer="/category" form>
                    <select data-testid="plan-category" prop:value=category
                        on:change=move |ev| category.set(event_target_value(&ev))>
                        <option value="">{tr(k!("queue.all_categories"))}</option>
                        {move || categories.list.get().into_iter().map(|c| {
                            let code = c.code.clone();
                            let selected = move || category.with(|v| *v == code);
                            view! { <option value=c.code.clone() selected=selected>{categories.name(i18n, &c.code)}</option> }
                        }).collect_view()}
                    </select>
                </Field>
                <Field label=k!("matching.plan_urgency") pointer="/urgency" form>
                    <select data-testid="plan-urgency" prop:value=urgency
                        on:change=move |ev| urgency.set(event_target_value(&ev))>
                        <option value="">{tr(k!("matching.any_urgency"))}</option>
                        {URGENCIES.into_iter().map(|u| view! {
                            <option value=u.as_str()>{move || i18n.urgency(u)}</option>
                        }).collect_view()}
                    </select>
                </Field>
            </div>
            <FormSummary form placed=&PLACED/>
            <div class="form-buttons">
                <button type="submit" class="btn btn-primary" data-testid="plan-create" disabled=form.busy>
                    {move || if form.busy.get() { i18n.t(k!("state.saving")) } else { i18n.t(k!("matching.start")) }}
                </button>
                <button type="button" class="btn" data-testid="plan-form-cancel" on:click=move |_| on_cancel.run(())>
                    {tr(k!("action.cancel"))}
                </button>
            </div>
        </form>
    }
}
