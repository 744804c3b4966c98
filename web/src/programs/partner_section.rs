//! 共建伙伴: the program's partners (name, kind, role, and the contact when the caller may see it)
//! and the form that adds one.

use leptos::prelude::*;
use shared::{Code, NewPartner, Partner, PartnerKind, ProgramDetail};

use crate::common::api;
use crate::common::form::{Field, FormButtons, FormState, FormSummary, field_error};
use crate::common::i18n::{tr, tr_word, use_i18n};
use crate::common::status::Empty;
use crate::common::widgets::HeadRow;
use crate::messages::Key;
use crate::programs::bits::{AddToggle, save_detail};
use crate::programs::labels::PARTNER_KINDS;

const PLACED: [&str; 5] = ["/name", "/kind", "/role", "/contact_name", "/contact_phone"];

const HEADS: [Key; 4] = [k!("partner.name"), k!("partner.kind"), k!("partner.role"), k!("partner.contact")];

/// The partners table, plus "添加伙伴" when `editable`.
#[component]
pub fn PartnerSection(detail: ProgramDetail, editable: bool, on_update: Callback<ProgramDetail>) -> impl IntoView {
    let open = RwSignal::new(false);
    let partners = detail.partners.clone();
    let contacts = partners.iter().any(|p| p.contact_name.is_some() || p.contact_phone.is_some());
    let id = detail.program.id;
    let done = Callback::new(move |d: ProgramDetail| {
        open.set(false);
        on_update.run(d);
    });
    view! {
        <section class="program-section" data-testid="partners">
            <h3>{tr(k!("partner.title"))}</h3>
            {if partners.is_empty() {
                view! { <Empty key=k!("partner.none")/> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="table">
                            <HeadRow keys=if contacts { &HEADS } else { &HEADS[..3] }/>
                            <tbody>
                                {partners.into_iter().map(|p| view! { <PartnerRow partner=p contacts/> }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            {editable.then(|| view! {
                <AddToggle label=k!("partner.add") open testid="partner-add">
                    <PartnerForm program_id=id on_done=done on_cancel=Callback::new(move |()| open.set(false))/>
                </AddToggle>
            })}
        </section>
    }
}

#[component]
fn PartnerRow(partner: Partner, contacts: bool) -> impl IntoView {
    let kind = partner.kind;
    let contact = [partner.contact_name.clone(), partner.contact_phone.clone()].into_iter().flatten().collect::<Vec<_>>().join(" ");
    view! {
        <tr data-testid="partner-row" data-partner-id=partner.id>
            <td>{partner.name.clone()}</td>
            <td class="nowrap">{tr_word(words!("partner_kind"), kind.as_str().into())}</td>
            <td>{partner.role.clone()}</td>
            {contacts.then(|| view! { <td class="nowrap" data-testid="partner-contact">{contact}</td> })}
        </tr>
    }
}

#[component]
fn PartnerForm(program_id: shared::Id, on_done: Callback<ProgramDetail>, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    let name = RwSignal::new(String::new());
    let kind = RwSignal::new(None::<PartnerKind>);
    let role = RwSignal::new(String::new());
    let contact_name = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.start();
        let mut errors = Vec::new();
        if name.get_untracked().trim().is_empty() {
            errors.push(field_error("/name", shared::FieldRule::Required, "is required"));
        }
        if role.get_untracked().trim().is_empty() {
            errors.push(field_error("/role", shared::FieldRule::Required, "is required"));
        }
        let chosen = kind.get_untracked();
        if chosen.is_none() {
            errors.push(field_error("/kind", shared::FieldRule::Required, "is required"));
        }
        let (Some(chosen), true) = (chosen, errors.is_empty()) else {
            return form.invalid(errors);
        };
        let optional = |s: RwSignal<String>| Some(s.get_untracked().trim().to_owned()).filter(|v| !v.is_empty());
        let new = NewPartner {
            name: name.get_untracked().trim().to_owned(),
            kind: chosen,
            role: role.get_untracked().trim().to_owned(),
            contact_name: optional(contact_name),
            contact_phone: optional(phone),
        };
        save_detail(form, i18n, async move { api::add_partner(program_id, &new).await }, on_done);
    };
    view! {
        <form class="form panel" on:submit=submit data-testid="partner-form" novalidate>
            <h4>{tr(k!("partner.add"))}</h4>
            <FormSummary form placed=&PLACED/>
            <div class="grid-fields">
                <Field label=k!("partner.name") pointer="/name" form>
                    <input type="text" maxlength="100" data-testid="partner-name"
                        prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/>
                </Field>
                <Field label=k!("partner.kind") pointer="/kind" form>
                    <select data-testid="partner-kind" on:change=move |ev| kind.set(Code::parse(&event_target_value(&ev)))>
                        <option value="" selected=true disabled=true>{tr(k!("form.choose"))}</option>
                        {PARTNER_KINDS.into_iter().map(|k| view! {
                            <option value=k.as_str()>{tr_word(words!("partner_kind"), k.as_str().into())}</option>
                        }).collect_view()}
                    </select>
                </Field>
                <Field label=k!("partner.role") pointer="/role" form hint=k!("partner.role_hint")>
                    <input type="text" maxlength="50" data-testid="partner-role"
                        prop:value=role on:input=move |ev| role.set(event_target_value(&ev))/>
                </Field>
                <Field label=k!("partner.contact_name") pointer="/contact_name" form>
                    <input type="text" maxlength="50" data-testid="partner-contact-name"
                        prop:value=contact_name on:input=move |ev| contact_name.set(event_target_value(&ev))/>
                </Field>
                <Field label=k!("partner.contact_phone") pointer="/contact_phone" form>
                    <input type="tel" maxlength="20" data-testid="partner-phone"
                        prop:value=phone on:input=move |ev| phone.set(event_target_value(&ev))/>
                </Field>
            </div>
            <FormButtons form on_cancel submit_key=k!("action.create")/>
        </form>
    }
}
