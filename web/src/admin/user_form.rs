//! Create a user, or change one (display name, role, home area, active, password reset).

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{Area, Id, NewUser, Role, User, UserPatch};

use crate::common::api;
use crate::common::area_picker::AreaSearch;
use crate::common::form::{Field, FormButtons, FormState, FormSummary, field_error};
use crate::common::i18n::use_i18n;
use crate::common::session::use_session;
use crate::resources::bits::ProviderSelect;

const PLACED: [&str; 7] = ["/username", "/display_name", "/role", "/area_id", "/provider_id", "/password", "/active"];

/// A new user with a role this admin may give and a home area inside their scope.
#[component]
pub fn UserCreateForm(on_created: Callback<User>, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    let username = RwSignal::new(String::new());
    let display_name = RwSignal::new(String::new());
    let role = RwSignal::new(String::new());
    let area = RwSignal::new(None::<(Id, String)>);
    let provider = RwSignal::new(None::<Id>);
    let password = RwSignal::new(String::new());

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.start();
        let mut errors = Vec::new();
        let chosen_role = Role::parse(&role.get_untracked());
        if chosen_role.is_none() {
            errors.push(field_error("/role", shared::FieldRule::Required, "is required"));
        }
        let chosen_area = area.get_untracked().map(|(id, _)| id);
        if chosen_area.is_none() {
            errors.push(field_error("/area_id", shared::FieldRule::Required, "is required"));
        }
        let sells = chosen_role == Some(Role::Merchant);
        if sells && provider.get_untracked().is_none() {
            errors.push(field_error("/provider_id", shared::FieldRule::Required, "is required"));
        }
        let (Some(role), Some(area_id), true) = (chosen_role, chosen_area, errors.is_empty()) else {
            return form.invalid(errors);
        };
        let new = NewUser {
            username: username.get_untracked().trim().to_owned(),
            display_name: display_name.get_untracked().trim().to_owned(),
            role,
            area_id,
            password: password.get_untracked(),
            provider_id: provider.get_untracked().filter(|_| sells),
        };
        spawn_local(async move {
            match api::create_user(&new).await {
                Ok(user) => {
                    form.done();
                    on_created.run(user);
                }
                Err(e) => form.failed(i18n, &e),
            }
        });
    };

    view! {
        <form class="form panel" on:submit=submit data-testid="user-create-form" novalidate>
            <h3>{move || i18n.t(k!("user.create"))}</h3>
            <FormSummary form placed=&PLACED/>
            <div class="grid-fields">
                <Field label=k!("user.username") pointer="/username" form hint=k!("user.username_hint")>
                    <input type="text" autocomplete="off" maxlength="32" data-testid="user-username"
                        prop:value=username on:input=move |ev| username.set(event_target_value(&ev))/>
                </Field>
                <Field label=k!("user.display_name") pointer="/display_name" form>
                    <input type="text" maxlength="50" data-testid="user-display-name"
                        prop:value=display_name on:input=move |ev| display_name.set(event_target_value(&ev))/>
                </Field>
                <Field label=k!("user.role") pointer="/role" form>
                    <RoleSelect value=role current=None/>
                </Field>
                <Field label=k!("user.area") pointer="/area_id" form>
                    <AreaChoice value=area/>
                </Field>
                <MerchantProvider role provider form/>
                <Field label=k!("user.password") pointer="/password" form hint=k!("user.password_hint")>
                    <input type="password" autocomplete="new-password" maxlength="128" data-testid="user-password"
                        prop:value=password on:input=move |ev| password.set(event_target_value(&ev))/>
                </Field>
            </div>
            <FormButtons form on_cancel submit_key=k!("action.create")/>
        </form>
    }
}

/// Change a user; only the fields that differ are sent.
#[component]
pub fn UserEditForm(user: User, on_saved: Callback<User>, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    let display_name = RwSignal::new(user.display_name.clone());
    let role = RwSignal::new(user.role.as_str().to_owned());
    let area = RwSignal::new(Some((user.area_id, user.area_name.clone())));
    let active = RwSignal::new(user.active);
    let provider = RwSignal::new(user.provider_id);
    let password = RwSignal::new(String::new());
    let original = StoredValue::new(user.clone());

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.start();
        let before = original.get_value();
        let name = display_name.get_untracked().trim().to_owned();
        let new_role = Role::parse(&role.get_untracked()).filter(|r| *r != before.role);
        let new_area = area.get_untracked().map(|(id, _)| id).filter(|id| *id != before.area_id);
        let pass = password.get_untracked();
        let sells = Role::parse(&role.get_untracked()) == Some(Role::Merchant);
        let new_provider = provider.get_untracked().filter(|id| sells && Some(*id) != before.provider_id);
        let patch = UserPatch {
            display_name: (name != before.display_name).then_some(name),
            role: new_role,
            area_id: new_area,
            active: (active.get_untracked() != before.active).then_some(active.get_untracked()),
            password: (!pass.is_empty()).then_some(pass),
            provider_id: new_provider,
        };
        if patch == UserPatch::default() {
            form.done();
            return on_cancel.run(());
        }
        spawn_local(async move {
            match api::patch_user(before.id, &patch).await {
                Ok(saved) => {
                    form.done();
                    on_saved.run(saved);
                }
                Err(e) => form.failed(i18n, &e),
            }
        });
    };

    view! {
        <form class="form panel" on:submit=submit data-testid="user-edit-form" novalidate>
            <h3>{move || i18n.t(k!("user.edit"))}" · "<span class="mono">{user.username.clone()}</span></h3>
            <FormSummary form placed=&PLACED/>
            <div class="grid-fields">
                <Field label=k!("user.display_name") pointer="/display_name" form>
                    <input type="text" maxlength="50" data-testid="user-display-name"
                        prop:value=display_name on:input=move |ev| display_name.set(event_target_value(&ev))/>
                </Field>
                <Field label=k!("user.role") pointer="/role" form>
                    <RoleSelect value=role current=Some(user.role)/>
                </Field>
                <Field label=k!("user.area") pointer="/area_id" form>
                    <AreaChoice value=area/>
                </Field>
                <MerchantProvider role provider form/>
                <Field label=k!("user.active") pointer="/active" form>
                    <span class="checkbox">
                        <input type="checkbox" data-testid="user-active" prop:checked=active
                            on:change=move |ev| active.set(event_target_checked(&ev))/>
                        {move || if active.get() { i18n.t(k!("user.active_yes")) } else { i18n.t(k!("user.active_no")) }}
                    </span>
                </Field>
                <Field label=k!("user.new_password") pointer="/password" form hint=k!("user.new_password_hint")>
                    <input type="password" autocomplete="new-password" maxlength="128" data-testid="user-password"
                        prop:value=password on:input=move |ev| password.set(event_target_value(&ev))/>
                </Field>
            </div>
            <FormButtons form on_cancel submit_key=k!("action.save")/>
        </form>
    }
}

/// A merchant (商户) sells for a provider: the choice shows only while the role is merchant.
#[component]
fn MerchantProvider(role: RwSignal<String>, provider: RwSignal<Option<Id>>, form: FormState) -> impl IntoView {
    move || {
        (Role::parse(&role.get()) == Some(Role::Merchant)).then(|| {
            view! {
                <Field label=k!("user.provider") pointer="/provider_id" form hint=k!("user.provider_hint")>
                    <ProviderSelect value=provider testid="user-provider" empty_key=k!("user.pick_provider")/>
                </Field>
            }
        })
    }
}

/// The roles this admin may assign (plus the user's current one, so it is shown even if not assignable).
#[component]
fn RoleSelect(value: RwSignal<String>, current: Option<Role>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let roles = move || {
        let mut roles = session.permissions().assignable_roles;
        if let Some(current) = current.filter(|c| !roles.contains(c)) {
            roles.insert(0, current);
        }
        roles
    };
    view! {
        <select data-testid="user-role" prop:value=value on:change=move |ev| value.set(event_target_value(&ev))>
            <option value="" disabled=true>{move || i18n.t(k!("user.pick_role"))}</option>
            {move || roles().into_iter().map(|r| view! {
                <option value=r.as_str() selected=move || value.get() == r.as_str()>{move || i18n.role(r)}</option>
            }).collect_view()}
        </select>
    }
}

/// The chosen area plus a search to choose another.
#[component]
fn AreaChoice(value: RwSignal<Option<(Id, String)>>) -> impl IntoView {
    let i18n = use_i18n();
    let on_pick = Callback::new(move |area: Area| value.set(Some((area.id, area.name))));
    view! {
        <div class="area-choice">
            <span class="chosen" data-testid="user-area-chosen">
                {move || value.get().map_or_else(|| i18n.t(k!("user.no_area")).to_owned(), |(_, name)| name)}
            </span>
            <AreaSearch on_pick placeholder=k!("area.search") testid="user-area-search"/>
        </div>
    }
}
