//! Forms to change an area (name, code, profile) and to add a child area under it.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{Area, AreaKind, AreaPatch, NewArea};

use crate::areas::profile_fields::{PROFILE_POINTERS, ProfileDraft, ProfileFields};
use crate::common::api;
use crate::common::form::{Field, FormButtons, FormState, FormSummary, field_error};
use crate::common::i18n::use_i18n;

const PLACED: [&str; 12] = [
    "/name",
    "/code",
    PROFILE_POINTERS[0],
    PROFILE_POINTERS[1],
    PROFILE_POINTERS[2],
    PROFILE_POINTERS[3],
    PROFILE_POINTERS[4],
    PROFILE_POINTERS[5],
    PROFILE_POINTERS[6],
    PROFILE_POINTERS[7],
    PROFILE_POINTERS[8],
    PROFILE_POINTERS[9],
];

/// The kind of area that sits directly under `parent`; grids have no children.
pub fn child_kind(parent: AreaKind) -> Option<AreaKind> {
    match parent {
        AreaKind::Province => Some(AreaKind::City),
        AreaKind::City => Some(AreaKind::District),
        AreaKind::District => Some(AreaKind::Street),
        AreaKind::Street => Some(AreaKind::Community),
        AreaKind::Community => Some(AreaKind::Grid),
        AreaKind::Grid => None,
    }
}

/// Edit name, code and (for communities) the profile. Sends only what changed.
#[component]
pub fn AreaEditForm(area: Area, on_saved: Callback<Area>, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    let name = RwSignal::new(area.name.clone());
    let code = RwSignal::new(area.code.clone().unwrap_or_default());
    let is_community = area.kind == AreaKind::Community;
    let draft = ProfileDraft::new(area.profile.as_ref());
    let original = StoredValue::new(area.clone());

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.start();
        let before = original.get_value();
        let profile = if is_community {
            match draft.parse() {
                Ok(p) => Some(p),
                Err(errors) => return form.invalid(errors),
            }
        } else {
            None
        };
        let new_name = name.get_untracked().trim().to_owned();
        let new_code = code.get_untracked().trim().to_owned();
        let patch = AreaPatch {
            name: (new_name != before.name).then_some(new_name),
            code: (before.kind.requires_code() && Some(&new_code) != before.code.as_ref()).then_some(new_code),
            // A blank profile on an area that never had one is no change either.
            profile: profile.filter(|p| Some(p) != before.profile.as_ref() && !(before.profile.is_none() && draft.is_blank())),
        };
        if patch == AreaPatch::default() {
            form.done();
            return on_cancel.run(());
        }
        spawn_local(async move {
            match api::patch_area(before.id, &patch).await {
                Ok(saved) => {
                    form.done();
                    on_saved.run(saved);
                }
                Err(e) => form.failed(i18n, &e),
            }
        });
    };

    view! {
        <form class="form" on:submit=submit data-testid="area-edit-form" novalidate>
            <FormSummary form placed=&PLACED/>
            <div class="grid-fields">
                <Field label=k!("area.name") pointer="/name" form>
                    <input type="text" required maxlength="100" data-testid="area-name-input"
                        prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/>
                </Field>
                {area.kind.requires_code().then(|| view! {
                    <Field label=k!("area.code") pointer="/code" form hint=k!("area.code_hint")>
                        <input type="text" inputmode="numeric" maxlength="12" class="mono" data-testid="area-code-input"
                            prop:value=code on:input=move |ev| code.set(event_target_value(&ev))/>
                    </Field>
                })}
            </div>
            {is_community.then(|| view! { <ProfileFields draft form/> })}
            <FormButtons form on_cancel submit_key=k!("action.save")/>
        </form>
    }
}

/// Add an area of the next level under `parent`.
#[component]
pub fn AreaCreateForm(parent: Area, on_created: Callback<Area>, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    // The caller only offers this form when there is a child level.
    let kind = child_kind(parent.kind).unwrap_or(AreaKind::Grid);
    let name = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let draft = ProfileDraft::new(None);
    let parent_id = parent.id;
    let code_placeholder = parent.code.clone().unwrap_or_default();

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.start();
        let mut errors = Vec::new();
        let new_name = name.get_untracked().trim().to_owned();
        if new_name.is_empty() {
            errors.push(field_error("/name", shared::FieldRule::Required, "is required"));
        }
        let profile = if kind == AreaKind::Community && !draft.is_blank() {
            match draft.parse() {
                Ok(p) => Some(p),
                Err(more) => {
                    errors.extend(more);
                    None
                }
            }
        } else {
            None
        };
        if !errors.is_empty() {
            return form.invalid(errors);
        }
        let new_code = code.get_untracked().trim().to_owned();
        let new = NewArea { parent_id: Some(parent_id), kind, name: new_name, code: (kind.requires_code()).then_some(new_code), profile };
        spawn_local(async move {
            match api::create_area(&new).await {
                Ok(created) => {
                    form.done();
                    on_created.run(created);
                }
                Err(e) => form.failed(i18n, &e),
            }
        });
    };

    view! {
        <form class="form" on:submit=submit data-testid="area-create-form" novalidate>
            <h3>{move || format!("{}：{}", i18n.t(k!("area.add_child")), i18n.kind(kind))}</h3>
            <FormSummary form placed=&PLACED/>
            <div class="grid-fields">
                <Field label=k!("area.name") pointer="/name" form>
                    <input type="text" required maxlength="100" data-testid="area-name-input"
                        prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/>
                </Field>
                {kind.requires_code().then(|| view! {
                    <Field label=k!("area.code") pointer="/code" form hint=k!("area.code_hint")>
                        <input type="text" inputmode="numeric" maxlength="12" class="mono" data-testid="area-code-input"
                            placeholder=code_placeholder
                            prop:value=code on:input=move |ev| code.set(event_target_value(&ev))/>
                    </Field>
                })}
            </div>
            {(kind == AreaKind::Community).then(|| view! { <ProfileFields draft form/> })}
            <FormButtons form on_cancel submit_key=k!("action.create")/>
        </form>
    }
}
