//! 我要点单: the resident's submission form — category, what they need, where (their home community,
//! or one of its grids), whether someone should come to their home (上门, then the address is
//! required), address, who it is for, urgency, preferred time and phone. Field errors show
//! under their input; a retried submission carries the same `Idempotency-Key`, so it is stored once.

use leptos::prelude::*;
use shared::{AreaKind, Channel, NeedDetail, NewNeed, TargetGroup, Urgency};

use crate::common::api;
use crate::common::entity_form::EntityForm;
use crate::common::form::{Field, FieldGroup, FormSummary, field_error};
use crate::common::format::parse_local_time;
use crate::common::i18n::use_i18n;
use crate::common::session::use_session;
use crate::common::widgets::TargetGroupPicks;
use crate::mobile::need_area::AreaChoice;
use crate::needs::labels::{URGENCIES, use_categories};

/// Selector of the form, for scrolling to its first error.
const FORM: &str = "[data-testid=need-form]";

const PLACED: [&str; 9] =
    ["/category", "/text", "/area_id", "/at_home", "/address", "/tags", "/urgency", "/preferred_time", "/contact_phone"];

/// The form; `on_submitted` gets the stored need.
#[component]
pub fn NeedForm(on_submitted: Callback<NeedDetail>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let categories = use_categories();
    let home = session.me.with_untracked(|me| me.as_ref().map(|m| (m.area.id, m.area.name.clone(), m.area.kind == AreaKind::Community)));
    let category = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let area_id = RwSignal::new(home.as_ref().map(|(id, _, _)| *id));
    let address = RwSignal::new(String::new());
    let at_home = RwSignal::new(false);
    let tags = RwSignal::new(Vec::<TargetGroup>::new());
    let urgency = RwSignal::new(Urgency::Normal);
    let preferred = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let entity = EntityForm::creating(FORM, |new: NewNeed, key| async move { api::submit_need(&new, &key).await }, on_submitted);
    let form = entity.state;

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !entity.begin() {
            return;
        }
        let mut errors = Vec::new();
        if category.get_untracked().is_empty() {
            errors.push(field_error("/category", shared::FieldRule::Required, "is required"));
        }
        if text.get_untracked().trim().is_empty() {
            errors.push(field_error("/text", shared::FieldRule::Required, "is required"));
        }
        if at_home.get_untracked() && address.get_untracked().trim().is_empty() {
            errors.push(field_error("/address", shared::FieldRule::Required, "an at-home need gives the address"));
        }
        let when = preferred.get_untracked();
        let preferred_time = parse_local_time(&when);
        if !when.is_empty() && preferred_time.is_none() {
            errors.push(field_error("/preferred_time", shared::FieldRule::InvalidFormat, "not a date and time"));
        }
        let Some(area) = area_id.get_untracked() else {
            errors.push(field_error("/area_id", shared::FieldRule::Required, "is required"));
            return entity.invalid(errors);
        };
        if !errors.is_empty() {
            return entity.invalid(errors);
        }
        let optional = |s: RwSignal<String>| Some(s.get_untracked().trim().to_owned()).filter(|v| !v.is_empty());
        let new = NewNeed {
            category: category.get_untracked(),
            text: text.get_untracked().trim().to_owned(),
            area_id: area,
            address: optional(address),
            at_home: at_home.get_untracked(),
            lat: None,
            lng: None,
            tags: tags.get_untracked(),
            urgency: urgency.get_untracked(),
            preferred_time,
            channel: Channel::Web,
            contact_name: None,
            contact_phone: optional(phone),
        };
        entity.create(new);
    };

    view! {
        <form class="form m-form" on:submit=submit on:input=move |_| entity.edited() data-testid="need-form" novalidate>
            <FormSummary form placed=&PLACED/>
            <Field label=k!("m.category") pointer="/category" form>
                <select data-testid="need-category" prop:value=category
                    on:change=move |ev| category.set(event_target_value(&ev))>
                    <option value="" disabled=true selected=true>{move || i18n.t(k!("m.pick_category"))}</option>
                    {move || categories.list.get().into_iter().map(|c| {
                        let code = c.code.clone();
                        let chosen = move || category.get() == code;
                        view! { <option value=c.code.clone() selected=chosen>{categories.name(i18n, &c.code)}</option> }
                    }).collect_view()}
                </select>
            </Field>
            <Field label=k!("m.text") pointer="/text" form hint=k!("m.text_hint")>
                <textarea rows="4" maxlength="2000" data-testid="need-text-input"
                    prop:value=text on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            </Field>
            <AreaChoice form home value=area_id/>
            <label class="checkbox" data-testid="need-at-home">
                <input type="checkbox" prop:checked=at_home on:change=move |ev| at_home.set(event_target_checked(&ev))/>
                {move || i18n.t(k!("m.at_home"))}
            </label>
            <Field label=k!("m.address") pointer="/address" form hint=k!("m.address_hint")>
                <input type="text" maxlength="200" data-testid="need-address"
                    prop:value=address on:input=move |ev| address.set(event_target_value(&ev))/>
            </Field>
            <FieldGroup label=k!("m.tags") pointer="/tags" form>
                <TargetGroupPicks selected=tags testid="need-tags"/>
            </FieldGroup>
            <FieldGroup label=k!("m.urgency") pointer="/urgency" form>
                <div class="segmented" data-testid="need-urgency">
                    {URGENCIES.into_iter().map(|u| view! {
                        <label class:on=move || urgency.get() == u data-urgency=u.as_str()>
                            <input type="radio" name="urgency" prop:checked=move || urgency.get() == u
                                on:change=move |_| urgency.set(u)/>
                            {move || i18n.urgency(u)}
                        </label>
                    }).collect_view()}
                </div>
            </FieldGroup>
            <Field label=k!("m.preferred_time") pointer="/preferred_time" form>
                <input type="datetime-local" data-testid="need-preferred"
                    prop:value=preferred on:input=move |ev| preferred.set(event_target_value(&ev))/>
            </Field>
            <Field label=k!("m.contact_phone") pointer="/contact_phone" form>
                <input type="tel" maxlength="20" autocomplete="tel" inputmode="tel" data-testid="need-phone"
                    prop:value=phone on:input=move |ev| phone.set(event_target_value(&ev))/>
            </Field>
            <button type="submit" class="btn btn-primary btn-block btn-large" disabled=form.busy data-testid="need-submit">
                {move || if form.busy.get() { i18n.t(k!("m.submitting")) } else { i18n.t(k!("m.submit_btn")) }}
            </button>
        </form>
    }
}
