//! The pledge form (partner, kind, description, and only the fields of the chosen kind: 资金 an amount,
//! 技术 a value, 人才 people and person-days, 物资 quantity, unit and an optional value) and the
//! record-delivery form of one pledge (date, the kind's measure only, note). Money is typed in yuan.

use leptos::prelude::*;
use shared::{Code, Id, NewDelivery, NewPledge, Partner, Pledge, ProgramDetail, Quantity, ResourceKind};

use crate::common::api;
use crate::common::form::{Field, FormButtons, FormState, FormSummary, field_error};
use crate::common::format::{parse_date, parse_yuan, today};
use crate::common::i18n::{tr, tr_label, use_i18n};
use crate::programs::bits::save_detail;
use crate::programs::labels::{RESOURCE_KINDS, kind_is_money};

const PLEDGE_PLACED: [&str; 8] = [
    "/partner_id",
    "/kind",
    "/description",
    "/unit",
    "/pledged/amount_fen",
    "/pledged/people",
    "/pledged/person_days",
    "/pledged/quantity",
];
const DELIVERY_PLACED: [&str; 5] = ["/delivered_on", "/delivered/amount_fen", "/delivered/person_days", "/delivered/quantity", "/note"];

/// A non-negative number as typed (`12.5`, `1,000`).
fn parse_number(text: &str) -> Option<f64> {
    let cleaned: String = text.trim().chars().filter(|c| *c != ',').collect();
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite() && *v >= 0.0)
}

/// Pushes an error for `pointer` when `text` is not empty and does not parse.
fn check<T>(
    text: &str,
    parse: impl Fn(&str) -> Option<T>,
    pointer: &str,
    required: bool,
    errors: &mut Vec<shared::FieldError>,
) -> Option<T> {
    let value = parse(text);
    if value.is_none() && (required || !text.trim().is_empty()) {
        let code = if text.trim().is_empty() { shared::FieldRule::Required } else { shared::FieldRule::InvalidFormat };
        errors.push(field_error(pointer, code, "a number"));
    }
    value
}

/// Add a pledge by one of the program's partners.
#[component]
pub fn PledgeForm(program_id: Id, partners: Vec<Partner>, on_done: Callback<ProgramDetail>, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    let partner = RwSignal::new(partners.first().map(|p| p.id));
    let kind = RwSignal::new(ResourceKind::Funds);
    let description = RwSignal::new(String::new());
    let amount = RwSignal::new(String::new());
    let people = RwSignal::new(String::new());
    let person_days = RwSignal::new(String::new());
    let quantity = RwSignal::new(String::new());
    let unit = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.start();
        let k = kind.get_untracked();
        let mut errors = Vec::new();
        if description.get_untracked().trim().is_empty() {
            errors.push(field_error("/description", shared::FieldRule::Required, "is required"));
        }
        let mut pledged = Quantity::default();
        match k {
            ResourceKind::Funds | ResourceKind::Technology => {
                pledged.amount_fen = check(&amount.get_untracked(), parse_yuan, "/pledged/amount_fen", true, &mut errors);
            }
            ResourceKind::Talent => {
                pledged.people = check(&people.get_untracked(), |t| t.trim().parse::<i64>().ok(), "/pledged/people", true, &mut errors);
                pledged.person_days = check(&person_days.get_untracked(), parse_number, "/pledged/person_days", true, &mut errors);
            }
            ResourceKind::Materials => {
                pledged.quantity = check(&quantity.get_untracked(), parse_number, "/pledged/quantity", true, &mut errors);
                pledged.amount_fen = check(&amount.get_untracked(), parse_yuan, "/pledged/amount_fen", false, &mut errors);
                if unit.get_untracked().trim().is_empty() {
                    errors.push(field_error("/unit", shared::FieldRule::Required, "is required"));
                }
            }
        }
        let Some(partner_id) = partner.get_untracked() else {
            errors.push(field_error("/partner_id", shared::FieldRule::Required, "is required"));
            return form.invalid(errors);
        };
        if !errors.is_empty() {
            return form.invalid(errors);
        }
        let new = NewPledge {
            partner_id,
            kind: k,
            description: description.get_untracked().trim().to_owned(),
            unit: (k == ResourceKind::Materials).then(|| unit.get_untracked().trim().to_owned()),
            pledged,
        };
        save_detail(form, i18n, async move { api::add_pledge(program_id, &new).await }, on_done);
    };
    let money_label = move || {
        if kind.get() == ResourceKind::Funds { k!("pledge.amount") } else { k!("pledge.value") }
    };
    view! {
        <form class="form panel" on:submit=submit data-testid="pledge-form" novalidate>
            <h4>{tr(k!("pledge.add"))}</h4>
            <FormSummary form placed=&PLEDGE_PLACED/>
            <div class="grid-fields">
                <Field label=k!("pledge.partner") pointer="/partner_id" form>
                    <select data-testid="pledge-partner" on:change=move |ev| partner.set(event_target_value(&ev).parse().ok())>
                        {partners.into_iter().map(|p| view! { <option value=p.id.to_string()>{p.name}</option> }).collect_view()}
                    </select>
                </Field>
                <Field label=k!("pledge.kind") pointer="/kind" form>
                    <select data-testid="pledge-kind" on:change=move |ev| {
                        if let Some(k) = Code::parse(&event_target_value(&ev)) { kind.set(k) } }>
                        {RESOURCE_KINDS.into_iter().map(|k| view! {
                            <option value=k.as_str() selected=move || kind.get() == k>{tr_label(k)}</option>
                        }).collect_view()}
                    </select>
                </Field>
                <Field label=k!("pledge.description") pointer="/description" form>
                    <input type="text" maxlength="200" data-testid="pledge-description"
                        prop:value=description on:input=move |ev| description.set(event_target_value(&ev))/>
                </Field>
                {move || match kind.get() {
                    ResourceKind::Talent => view! {
                        <Field label=k!("pledge.people") pointer="/pledged/people" form>
                            <input type="number" min="0" step="1" data-testid="pledge-people"
                                prop:value=people on:input=move |ev| people.set(event_target_value(&ev))/>
                        </Field>
                        <Field label=k!("pledge.person_days") pointer="/pledged/person_days" form>
                            <input type="number" min="0" step="0.5" data-testid="pledge-person-days"
                                prop:value=person_days on:input=move |ev| person_days.set(event_target_value(&ev))/>
                        </Field>
                    }.into_any(),
                    ResourceKind::Materials => view! {
                        <Field label=k!("pledge.quantity") pointer="/pledged/quantity" form>
                            <input type="number" min="0" step="any" data-testid="pledge-quantity"
                                prop:value=quantity on:input=move |ev| quantity.set(event_target_value(&ev))/>
                        </Field>
                        <Field label=k!("pledge.unit") pointer="/unit" form hint=k!("pledge.unit_hint")>
                            <input type="text" maxlength="10" data-testid="pledge-unit"
                                prop:value=unit on:input=move |ev| unit.set(event_target_value(&ev))/>
                        </Field>
                        <Field label=k!("pledge.value_optional") pointer="/pledged/amount_fen" form hint=k!("form.yuan_hint")>
                            <input type="text" inputmode="decimal" data-testid="pledge-amount"
                                prop:value=amount on:input=move |ev| amount.set(event_target_value(&ev))/>
                        </Field>
                    }.into_any(),
                    _ => view! {
                        <Field label=money_label() pointer="/pledged/amount_fen" form hint=k!("form.yuan_hint")>
                            <input type="text" inputmode="decimal" data-testid="pledge-amount"
                                prop:value=amount on:input=move |ev| amount.set(event_target_value(&ev))/>
                        </Field>
                    }.into_any(),
                }}
            </div>
            <FormButtons form on_cancel submit_key=k!("action.create")/>
        </form>
    }
}

/// Record a delivery against `pledge`, in its kind's measure only.
#[component]
pub fn DeliveryForm(program_id: Id, pledge: Pledge, on_done: Callback<ProgramDetail>, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    let on = RwSignal::new(today());
    let value = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let kind = pledge.kind;
    let pledge_id = pledge.id;
    let (label, pointer, hint) = match kind {
        ResourceKind::Funds => (k!("pledge.amount"), "/delivered/amount_fen", k!("form.yuan_hint")),
        ResourceKind::Technology => (k!("pledge.value"), "/delivered/amount_fen", k!("form.yuan_hint")),
        ResourceKind::Talent => (k!("pledge.person_days"), "/delivered/person_days", k!("delivery.person_days_hint")),
        ResourceKind::Materials => (k!("pledge.quantity"), "/delivered/quantity", k!("delivery.quantity_hint")),
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.start();
        let mut errors = Vec::new();
        let date = parse_date(&on.get_untracked());
        if date.is_none() {
            errors.push(field_error("/delivered_on", shared::FieldRule::Required, "is required"));
        }
        let text = value.get_untracked();
        let mut delivered = Quantity::default();
        match kind {
            k if kind_is_money(k) => delivered.amount_fen = check(&text, parse_yuan, pointer, true, &mut errors),
            ResourceKind::Talent => delivered.person_days = check(&text, parse_number, pointer, true, &mut errors),
            _ => delivered.quantity = check(&text, parse_number, pointer, true, &mut errors),
        }
        let (Some(delivered_on), true) = (date, errors.is_empty()) else {
            return form.invalid(errors);
        };
        let remark = note.get_untracked().trim().to_owned();
        let new = NewDelivery { delivered_on, delivered, note: (!remark.is_empty()).then_some(remark) };
        save_detail(form, i18n, async move { api::add_delivery(program_id, pledge_id, &new).await }, on_done);
    };
    view! {
        <form class="form delivery-form" on:submit=submit data-testid="delivery-form" novalidate>
            <FormSummary form placed=&DELIVERY_PLACED/>
            <div class="grid-fields">
                <Field label=k!("delivery.on") pointer="/delivered_on" form>
                    <input type="date" data-testid="delivery-date" prop:value=on on:input=move |ev| on.set(event_target_value(&ev))/>
                </Field>
                <Field label=label pointer=pointer form hint=hint>
                    <input type="text" inputmode="decimal" data-testid="delivery-value"
                        prop:value=value on:input=move |ev| value.set(event_target_value(&ev))/>
                </Field>
                <Field label=k!("form.note") pointer="/note" form>
                    <input type="text" maxlength="500" data-testid="delivery-note"
                        prop:value=note on:input=move |ev| note.set(event_target_value(&ev))/>
                </Field>
            </div>
            <FormButtons form on_cancel submit_key=k!("delivery.save")/>
        </form>
    }
}
