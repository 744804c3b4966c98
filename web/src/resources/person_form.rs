//! The form of a person who serves: kind (志愿者, 报到党员, 社会工作者; fixed once created), name,
//! phone, area (new only), the provider they belong to, their own account, the social-work
//! certificate, the day a party member reported to the community, and 启用 when editing.

use leptos::prelude::*;
use shared::{Id, NewServicePerson, PersonKind, ServicePerson, ServicePersonPatch};

use crate::common::api;
use crate::common::entity_form::EntityForm;
use crate::common::form::{Field, FieldGroup, FormButtons, FormSummary, field_error};
use crate::common::format::parse_date;
use crate::common::i18n::use_i18n;
use crate::common::session::use_session;
use crate::resources::bits::{HomeArea, ProviderSelect, changed_text, check_input, parse_opt_int, text_input};

const FORM: &str = "[data-testid=person-form]";
const PLACED: [&str; 9] = ["/kind", "/name", "/phone", "/area_id", "/provider_id", "/user_id", "/certified", "/reported_on", "/active"];

/// New (`existing` = None) or edit; `on_saved` gets the person afterwards.
#[component]
pub fn PersonForm(existing: Option<ServicePerson>, on_saved: Callback<ServicePerson>, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let home = session.me.with_untracked(|m| m.as_ref().map(|m| (m.area.id, m.area.name.clone())));
    let p = existing.clone();
    let text = |f: fn(&ServicePerson) -> String| RwSignal::new(p.as_ref().map(f).unwrap_or_default());
    let kind = RwSignal::new(p.as_ref().map_or(PersonKind::Volunteer, |p| p.kind));
    let area = RwSignal::new(p.as_ref().map(|p| (p.area_id, p.area_name.clone())).or(home));
    let name = text(|p| p.name.clone());
    let phone = text(|p| p.phone.clone().unwrap_or_default());
    let provider = RwSignal::new(p.as_ref().and_then(|p| p.provider_id));
    let user_id = text(|p| p.user_id.map(|u| u.to_string()).unwrap_or_default());
    let certified = RwSignal::new(p.as_ref().is_some_and(|p| p.certified));
    let reported_on = text(|p| p.reported_on.map(|d| d.to_string()).unwrap_or_default());
    let active = RwSignal::new(p.as_ref().is_none_or(|p| p.active));
    let before = StoredValue::new(existing.clone());
    let creating = existing.is_none();
    let entity = EntityForm::new(
        FORM,
        |new: NewServicePerson, key| async move { api::create_service_person(&new, &key).await },
        |id, patch: ServicePersonPatch| async move { api::patch_service_person(id, &patch).await },
        on_saved,
        on_cancel,
    );
    let form = entity.state;

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !entity.begin() {
            return;
        }
        let mut errors = Vec::new();
        let name_v = name.get_untracked().trim().to_owned();
        if name_v.is_empty() {
            errors.push(field_error("/name", shared::FieldRule::Required, "is required"));
        }
        let area_id = area.get_untracked().map(|(id, _)| id);
        if area_id.is_none() {
            errors.push(field_error("/area_id", shared::FieldRule::Required, "is required"));
        }
        let user = parse_opt_int::<Id>(&user_id.get_untracked()).unwrap_or_else(|()| {
            errors.push(field_error("/user_id", shared::FieldRule::Type, "an account number"));
            None
        });
        let reported_text = reported_on.get_untracked();
        let reported = parse_date(&reported_text);
        if !reported_text.trim().is_empty() && reported.is_none() {
            errors.push(field_error("/reported_on", shared::FieldRule::InvalidFormat, "a date"));
        }
        let (Some(area_id), true) = (area_id, errors.is_empty()) else {
            return entity.invalid(errors);
        };
        let phone_v = phone.get_untracked().trim().to_owned();
        let kind_v = kind.get_untracked();
        match before.get_value() {
            None => {
                let new = NewServicePerson {
                    kind: kind_v,
                    name: name_v,
                    phone: (!phone_v.is_empty()).then_some(phone_v),
                    area_id,
                    provider_id: provider.get_untracked(),
                    user_id: user,
                    certified: kind_v.holds_certificate() && certified.get_untracked(),
                    reported_on: reported.filter(|_| kind_v.reports_to_community()),
                };
                entity.create(new);
            }
            Some(b) => {
                let patch = ServicePersonPatch {
                    name: (name_v != b.name).then_some(name_v),
                    phone: changed_text(phone_v, b.phone.as_deref()),
                    provider_id: provider.get_untracked().filter(|v| Some(*v) != b.provider_id),
                    user_id: user.filter(|u| Some(*u) != b.user_id),
                    certified: (certified.get_untracked() != b.certified).then(|| certified.get_untracked()),
                    reported_on: reported.filter(|d| Some(*d) != b.reported_on),
                    active: (active.get_untracked() != b.active).then(|| active.get_untracked()),
                };
                entity.update(b.id, patch);
            }
        }
    };
    view! {
        <form class="form panel program-form" on:submit=submit on:input=move |_| entity.edited() data-testid="person-form" novalidate>
            <FormSummary form placed=&PLACED/>
            <div class="grid-fields">
                <Field label=k!("res.person_kind") pointer="/kind" form hint=(!creating).then_some(k!("res.kind_fixed"))>
                    <select data-testid="person-kind" disabled=!creating prop:value=move || kind.get().as_str()
                        on:change=move |ev| if let Some(k) = PersonKind::parse(&event_target_value(&ev)) { kind.set(k) }>
                        {PersonKind::ALL.iter().map(|k| {
                            let k = *k;
                            view! { <option value=k.as_str() selected=move || kind.get() == k>{move || i18n.person_kind(k)}</option> }
                        }).collect_view()}
                    </select>
                </Field>
                <Field label=k!("res.person_name") pointer="/name" form>{text_input(name, "person-name", "text")}</Field>
                <Field label=k!("res.phone") pointer="/phone" form>{text_input(phone, "person-phone", "tel")}</Field>
                <FieldGroup label=k!("res.area") pointer="/area_id" form hint=if creating { k!("res.person_area_hint") } else { k!("res.area_fixed") }>
                    <HomeArea area creating testid="person-area"/>
                </FieldGroup>
                <Field label=k!("res.provider") pointer="/provider_id" form hint=k!("res.person_provider_hint")>
                    <ProviderSelect value=provider testid="person-provider" empty_key=k!("res.no_provider")/>
                </Field>
                <Field label=k!("res.user_id") pointer="/user_id" form hint=k!("res.person_user_hint")>
                    {text_input(user_id, "person-user-id", "text")}
                </Field>
                <Show when=move || kind.get().holds_certificate()>
                    <Field label=k!("res.certified") pointer="/certified" form>
                        {check_input(certified, "person-certified", k!("res.certified_yes"))}
                    </Field>
                </Show>
                <Show when=move || kind.get().reports_to_community()>
                    <Field label=k!("res.reported_on") pointer="/reported_on" form>{text_input(reported_on, "person-reported-on", "date")}</Field>
                </Show>
                {(!creating).then(|| view! {
                    <Field label=k!("res.active") pointer="/active" form>{check_input(active, "person-active", k!("res.active_yes"))}</Field>
                })}
            </div>
            <FormButtons form on_cancel=Callback::new(move |()| entity.cancel()) submit_key=if creating { k!("action.create") } else { k!("action.save") }/>
        </form>
    }
}
