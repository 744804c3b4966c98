//! The provider form: kind, name, home area (new providers only: a district, street or community of
//! the caller's scope), contact, the provider account that receives dispatched needs, verified,
//! description, and 启用 when editing.

use leptos::prelude::*;
use shared::{Id, NewProvider, Provider, ProviderKind, ProviderPatch};

use crate::common::api;
use crate::common::entity_form::EntityForm;
use crate::common::form::{Field, FieldGroup, FormButtons, FormSummary, field_error};
use crate::common::i18n::{tr, use_i18n};
use crate::common::session::use_session;
use crate::resources::bits::{HomeArea, changed_text, check_input, parse_opt_int, text_input};

const FORM: &str = "[data-testid=provider-form]";
const PLACED: [&str; 9] =
    ["/kind", "/name", "/area_id", "/contact_name", "/contact_phone", "/user_id", "/verified", "/description", "/active"];

/// New (`existing` = None) or edit; `on_saved` gets the provider afterwards.
#[component]
pub fn ProviderForm(existing: Option<Provider>, on_saved: Callback<Provider>, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let home = session.me.with_untracked(|m| m.as_ref().map(|m| (m.area.id, m.area.name.clone())));
    let p = existing.clone();
    let text = |f: fn(&Provider) -> String| RwSignal::new(p.as_ref().map(f).unwrap_or_default());
    let kind = RwSignal::new(p.as_ref().map_or(ProviderKind::SocialOrganisation, |p| p.kind));
    let area = RwSignal::new(p.as_ref().map(|p| (p.area_id, p.area_name.clone())).or(home));
    let name = text(|p| p.name.clone());
    let contact_name = text(|p| p.contact_name.clone().unwrap_or_default());
    let contact_phone = text(|p| p.contact_phone.clone().unwrap_or_default());
    let user_id = text(|p| p.user_id.map(|u| u.to_string()).unwrap_or_default());
    let verified = RwSignal::new(p.as_ref().is_some_and(|p| p.verified));
    let description = text(|p| p.description.clone());
    let active = RwSignal::new(p.as_ref().is_none_or(|p| p.active));
    let before = StoredValue::new(existing.clone());
    let creating = existing.is_none();
    let entity = EntityForm::new(
        FORM,
        |new: NewProvider, key| async move { api::create_provider(&new, &key).await },
        |id, patch: ProviderPatch| async move { api::patch_provider(id, &patch).await },
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
        let (Some(area_id), true) = (area_id, errors.is_empty()) else {
            return entity.invalid(errors);
        };
        let contact_name_v = contact_name.get_untracked().trim().to_owned();
        let contact_phone_v = contact_phone.get_untracked().trim().to_owned();
        let description_v = description.get_untracked().trim().to_owned();
        match before.get_value() {
            None => {
                let new = NewProvider {
                    kind: kind.get_untracked(),
                    name: name_v,
                    area_id,
                    contact_name: (!contact_name_v.is_empty()).then_some(contact_name_v),
                    contact_phone: (!contact_phone_v.is_empty()).then_some(contact_phone_v),
                    user_id: user,
                    verified: verified.get_untracked(),
                    description: description_v,
                };
                entity.create(new);
            }
            Some(b) => {
                let patch = ProviderPatch {
                    kind: (kind.get_untracked() != b.kind).then(|| kind.get_untracked()),
                    name: (name_v != b.name).then_some(name_v),
                    contact_name: changed_text(contact_name_v, b.contact_name.as_deref()),
                    contact_phone: changed_text(contact_phone_v, b.contact_phone.as_deref()),
                    user_id: user.filter(|u| Some(*u) != b.user_id),
                    verified: (verified.get_untracked() != b.verified).then(|| verified.get_untracked()),
                    description: (description_v != b.description).then_some(description_v),
                    active: (active.get_untracked() != b.active).then(|| active.get_untracked()),
                };
                entity.update(b.id, patch);
            }
        }
    };
    view! {
        <form class="form panel program-form" on:submit=submit on:input=move |_| entity.edited() data-testid="provider-form" novalidate>
            <FormSummary form placed=&PLACED/>
            <div class="grid-fields">
                <Field label=k!("res.provider_kind") pointer="/kind" form>
                    <select data-testid="provider-kind" prop:value=move || kind.get().as_str()
                        on:change=move |ev| if let Some(k) = ProviderKind::parse(&event_target_value(&ev)) { kind.set(k) }>
                        {ProviderKind::ALL.iter().map(|k| {
                            let k = *k;
                            view! { <option value=k.as_str() selected=move || kind.get() == k>{move || i18n.provider_kind(k)}</option> }
                        }).collect_view()}
                    </select>
                </Field>
                <Field label=k!("res.provider_name") pointer="/name" form>{text_input(name, "provider-name", "text")}</Field>
                <FieldGroup label=k!("res.area") pointer="/area_id" form hint=if creating { k!("res.provider_area_hint") } else { k!("res.area_fixed") }>
                    <HomeArea area creating testid="provider-area"/>
                </FieldGroup>
                <Field label=k!("res.contact_name") pointer="/contact_name" form>{text_input(contact_name, "provider-contact-name", "text")}</Field>
                <Field label=k!("res.contact_phone") pointer="/contact_phone" form>{text_input(contact_phone, "provider-contact-phone", "tel")}</Field>
                <Field label=k!("res.user_id") pointer="/user_id" form hint=k!("res.provider_user_hint")>
                    {text_input(user_id, "provider-user-id", "text")}
                </Field>
                <Field label=k!("res.verified") pointer="/verified" form>{check_input(verified, "provider-verified", k!("res.verified_yes"))}</Field>
                {(!creating).then(|| view! {
                    <Field label=k!("res.active") pointer="/active" form>{check_input(active, "provider-active", k!("res.active_yes"))}</Field>
                })}
            </div>
            <Field label=k!("res.description") pointer="/description" form>
                <textarea rows="3" maxlength="2000" data-testid="provider-description"
                    prop:value=description on:input=move |ev| description.set(event_target_value(&ev))></textarea>
            </Field>
            <p class="muted small">{tr(k!("res.contacts_note"))}</p>
            <FormButtons form on_cancel=Callback::new(move |()| entity.cancel()) submit_key=if creating { k!("action.create") } else { k!("action.save") }/>
        </form>
    }
}
