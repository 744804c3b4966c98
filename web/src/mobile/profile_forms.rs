//! The forms under the resident's profile: name, address and home (community, grid) — moving asks
//! for verification again — and a new phone number proven by a code sent to it.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{CodePurpose, FieldRule, PhoneChange, ProfilePatch, ResidentProfile};

use crate::common::form::{Field, FormButtons, FormState, FormSummary, field_error};
use crate::common::i18n::use_i18n;
use crate::mobile::account_endpoints;
use crate::mobile::code_sender::{CodeSender, typed_phone_and_code};
use crate::mobile::community_picker::CommunityPicker;

/// Only what changed is sent.
#[component]
pub fn ProfileForm(profile: ResidentProfile, on_saved: Callback<ResidentProfile>, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    let name = RwSignal::new(profile.display_name.clone());
    let address = RwSignal::new(profile.address.clone().unwrap_or_default());
    let community = RwSignal::new(Some(profile.community_id));
    let grid = RwSignal::new(profile.grid_id);
    let before = StoredValue::new(profile);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if form.busy.get_untracked() {
            return;
        }
        form.start();
        let old = before.get_value();
        let new_name = name.get_untracked().trim().to_owned();
        if new_name.is_empty() {
            form.invalid(vec![field_error("/display_name", FieldRule::Required, i18n.t(k!("account.name_required")))]);
            return;
        }
        let new_address = address.get_untracked().trim().to_owned();
        let (new_community, new_grid) = (community.get_untracked(), grid.get_untracked());
        let moved = new_community != Some(old.community_id) || new_grid != old.grid_id;
        let patch = ProfilePatch {
            display_name: (new_name != old.display_name).then_some(new_name),
            address: (!new_address.is_empty() && Some(&new_address) != old.address.as_ref()).then_some(new_address),
            community_id: if moved { new_community } else { None },
            grid_id: if moved { new_grid } else { None },
        };
        spawn_local(async move {
            match account_endpoints::update_profile(patch).await {
                Ok(saved) => {
                    form.done();
                    on_saved.run(saved);
                }
                Err(e) => form.failed(i18n, &e),
            }
        });
    };
    view! {
        <form class="m-form" on:submit=submit data-testid="profile-form" novalidate
            style="display: flex; flex-direction: column; gap: 8px; margin-bottom: 12px;">
            <Field label=k!("account.name") pointer="/display_name" form>
                <input type="text" maxlength="50" data-testid="profile-name-input" prop:value=name
                    on:input=move |ev| name.set(event_target_value(&ev))/>
            </Field>
            <Field label=k!("account.address") pointer="/address" form>
                <input type="text" maxlength="200" data-testid="profile-address" prop:value=address
                    on:input=move |ev| address.set(event_target_value(&ev))/>
            </Field>
            <p class="muted" style="margin: 0; font-size: 13px;">{move || i18n.t(k!("account.move_hint"))}</p>
            <CommunityPicker community grid form/>
            <FormSummary form placed=&["/display_name", "/address", "/community_id", "/grid_id"]/>
            <FormButtons form on_cancel submit_key=k!("action.save")/>
        </form>
    }
}

/// The code goes to the new number; the account moves once it is entered.
#[component]
pub fn PhoneChangeForm(on_saved: Callback<ResidentProfile>, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    let phone = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let sent = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if form.busy.get_untracked() {
            return;
        }
        form.start();
        let (number, digits, bad) = typed_phone_and_code(i18n, phone, code);
        if !bad.is_empty() {
            form.invalid(bad);
            return;
        }
        spawn_local(async move {
            match account_endpoints::change_phone(PhoneChange { phone: number, code: digits }).await {
                Ok(saved) => {
                    form.done();
                    on_saved.run(saved);
                }
                Err(e) if e.status() == 401 => {
                    form.general.set(Some(i18n.t(k!("account.code_refused")).to_owned()));
                    form.done();
                }
                Err(e) => form.failed(i18n, &e),
            }
        });
    };
    view! {
        <form class="m-form" on:submit=submit data-testid="phone-form" novalidate
            style="display: flex; flex-direction: column; gap: 8px; margin-bottom: 12px;">
            <Field label=k!("account.new_phone") pointer="/phone" form>
                <input type="tel" inputmode="numeric" maxlength="11" data-testid="new-phone" prop:value=phone
                    on:input=move |ev| phone.set(event_target_value(&ev))/>
            </Field>
            <CodeSender phone purpose=CodePurpose::ChangePhone form sent/>
            <Field label=k!("account.code") pointer="/code" form>
                <input type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="6" data-testid="phone-code"
                    prop:value=code on:input=move |ev| code.set(event_target_value(&ev))/>
            </Field>
            <FormSummary form placed=&["/phone", "/code"]/>
            <FormButtons form on_cancel submit_key=k!("account.change_phone")/>
        </form>
    }
}
