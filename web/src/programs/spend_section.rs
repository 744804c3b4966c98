//! 经费支出: budget against spend as a bar, the spending entries, and the form that records one
//! (date, amount in yuan, purpose) once the program is approved.

use leptos::prelude::*;
use shared::{Id, NewSpend, ProgramDetail};

use crate::common::api;
use crate::common::form::{Field, FormButtons, FormState, FormSummary, field_error};
use crate::common::format::{parse_date, parse_yuan, today};
use crate::common::i18n::{tr, use_i18n};
use crate::common::status::Empty;
use crate::common::widgets::HeadRow;
use crate::programs::bits::{AddToggle, BudgetBar, Money, is_running, save_detail};

const PLACED: [&str; 3] = ["/spent_on", "/amount_fen", "/purpose"];

#[component]
pub fn SpendSection(detail: ProgramDetail, editable: bool, on_update: Callback<ProgramDetail>) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let program = detail.program.clone();
    let running = is_running(program.status);
    let mut spends = detail.spends.clone();
    spends.sort_by_key(|s| (s.spent_on, s.id));
    let done = Callback::new(move |d: ProgramDetail| {
        open.set(false);
        on_update.run(d);
    });
    let left = program.budget_fen - program.spent_fen;
    view! {
        <section class="program-section" data-testid="spends">
            <h3>{tr(k!("spend.title"))}</h3>
            <div class="spend-summary">
                <BudgetBar spent=program.spent_fen budget=program.budget_fen/>
                <span class="muted small">
                    {move || i18n.t(if left >= 0 { k!("spend.left") } else { k!("spend.over") })}" "<Money fen=left.abs()/>
                </span>
            </div>
            {if spends.is_empty() {
                view! { <Empty key=k!("spend.none")/> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="table">
                            <HeadRow keys=&[k!("spend.on"), k!("spend.amount"), k!("spend.purpose")]/>
                            <tbody>
                                {spends.into_iter().map(|s| view! {
                                    <tr data-testid="spend-row">
                                        <td class="nowrap">{s.spent_on.to_string()}</td>
                                        <td class="num"><Money fen=s.amount_fen/></td>
                                        <td>{s.purpose}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            {(editable && !running).then(|| view! { <p class="muted small">{tr(k!("spend.later"))}</p> })}
            {(editable && running).then(|| view! {
                <AddToggle label=k!("spend.add") open testid="spend-add">
                    <SpendForm program_id=program.id on_done=done on_cancel=Callback::new(move |()| open.set(false))/>
                </AddToggle>
            })}
        </section>
    }
}

#[component]
fn SpendForm(program_id: Id, on_done: Callback<ProgramDetail>, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    let on = RwSignal::new(today());
    let amount = RwSignal::new(String::new());
    let purpose = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.start();
        let mut errors = Vec::new();
        let spent_on = parse_date(&on.get_untracked());
        if spent_on.is_none() {
            errors.push(field_error("/spent_on", shared::FieldRule::Required, "is required"));
        }
        let fen = parse_yuan(&amount.get_untracked()).filter(|f| *f > 0);
        if fen.is_none() {
            errors.push(field_error("/amount_fen", shared::FieldRule::InvalidFormat, "an amount in yuan, more than 0"));
        }
        if purpose.get_untracked().trim().is_empty() {
            errors.push(field_error("/purpose", shared::FieldRule::Required, "is required"));
        }
        let (Some(spent_on), Some(amount_fen), true) = (spent_on, fen, errors.is_empty()) else {
            return form.invalid(errors);
        };
        let new = NewSpend { spent_on, amount_fen, purpose: purpose.get_untracked().trim().to_owned() };
        save_detail(form, i18n, async move { api::add_spend(program_id, &new).await }, on_done);
    };
    view! {
        <form class="form panel" on:submit=submit data-testid="spend-form" novalidate>
            <h4>{tr(k!("spend.add"))}</h4>
            <FormSummary form placed=&PLACED/>
            <div class="grid-fields">
                <Field label=k!("spend.on") pointer="/spent_on" form>
                    <input type="date" data-testid="spend-date" prop:value=on on:input=move |ev| on.set(event_target_value(&ev))/>
                </Field>
                <Field label=k!("spend.amount") pointer="/amount_fen" form hint=k!("form.yuan_hint")>
                    <input type="text" inputmode="decimal" data-testid="spend-amount"
                        prop:value=amount on:input=move |ev| amount.set(event_target_value(&ev))/>
                </Field>
                <Field label=k!("spend.purpose") pointer="/purpose" form>
                    <input type="text" maxlength="200" data-testid="spend-purpose"
                        prop:value=purpose on:input=move |ev| purpose.set(event_target_value(&ev))/>
                </Field>
            </div>
            <FormButtons form on_cancel submit_key=k!("action.create")/>
        </form>
    }
}
