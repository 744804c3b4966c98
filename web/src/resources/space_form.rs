//! The service space form: kind (fixed once created), name, area (new only: a street or community),
//! address and point, floor area, capacity, the operating provider, the weekly opening hours (the
//! same editor as a service's schedule; under 8 hours a day is flagged), and 启用 when editing.

use leptos::prelude::*;
use shared::{NewServiceSpace, ServiceSpace, ServiceSpacePatch, SpaceKind};

use crate::common::api;
use crate::common::entity_form::EntityForm;
use crate::common::form::{Field, FieldGroup, FormButtons, field_error};
use crate::common::i18n::use_i18n;
use crate::common::session::use_session;
use crate::resources::bits::{HomeArea, ProviderSelect, ResGroup, ResSummary, changed_text, check_input, parse_point, text_input};
use crate::resources::schedule::{ScheduleDraft, ScheduleEditor};

const FORM: &str = "[data-testid=space-form]";

fn placed(pointer: &str) -> bool {
    const FIELDS: [&str; 12] = [
        "/kind",
        "/name",
        "/area_id",
        "/address",
        "/point",
        "/point/lat",
        "/point/lng",
        "/floor_area_m2",
        "/capacity",
        "/provider_id",
        "/active",
        "/opening_hours",
    ];
    FIELDS.contains(&pointer) || pointer.starts_with("/opening_hours/")
}

/// New (`existing` = None) or edit; `on_saved` gets the space afterwards.
#[component]
pub fn SpaceForm(existing: Option<ServiceSpace>, on_saved: Callback<ServiceSpace>, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let home = session.me.with_untracked(|m| m.as_ref().map(|m| (m.area.id, m.area.name.clone())));
    let p = existing.clone();
    let text = |f: fn(&ServiceSpace) -> String| RwSignal::new(p.as_ref().map(f).unwrap_or_default());
    let kind = RwSignal::new(p.as_ref().map_or(SpaceKind::Elderly, |p| p.kind));
    let area = RwSignal::new(p.as_ref().map(|p| (p.area_id, p.area_name.clone())).or(home));
    let name = text(|p| p.name.clone());
    let address = text(|p| p.address.clone().unwrap_or_default());
    let lat = text(|p| p.point.map(|g| g.lat.to_string()).unwrap_or_default());
    let lng = text(|p| p.point.map(|g| g.lng.to_string()).unwrap_or_default());
    let floor = text(|p| p.floor_area_m2.to_string());
    let capacity = text(|p| p.capacity.to_string());
    let provider = RwSignal::new(p.as_ref().and_then(|p| p.provider_id));
    let hours = ScheduleDraft::new(p.as_ref().map(|p| p.opening_hours.as_slice()).unwrap_or_default());
    let active = RwSignal::new(p.as_ref().is_none_or(|p| p.active));
    let before = StoredValue::new(existing.clone());
    let creating = existing.is_none();
    let entity = EntityForm::new(
        FORM,
        |new: NewServiceSpace, key| async move { api::create_service_space(&new, &key).await },
        |id, patch: ServiceSpacePatch| async move { api::patch_service_space(id, &patch).await },
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
        let floor_v = floor.get_untracked().trim().parse::<f64>().ok().filter(|v| v.is_finite() && *v > 0.0);
        if floor_v.is_none() {
            errors.push(field_error("/floor_area_m2", shared::FieldRule::Type, "square metres, more than 0"));
        }
        let capacity_v = capacity.get_untracked().trim().parse::<i32>().ok();
        if capacity_v.is_none() {
            errors.push(field_error("/capacity", shared::FieldRule::Type, "a whole number"));
        }
        let point = parse_point(&lat.get_untracked(), &lng.get_untracked(), &mut errors);
        let opening_hours = hours.parse("/opening_hours", &mut errors);
        let (Some(area_id), Some(floor_area_m2), Some(capacity_v), true) = (area_id, floor_v, capacity_v, errors.is_empty()) else {
            return entity.invalid(errors);
        };
        let address_v = address.get_untracked().trim().to_owned();
        match before.get_value() {
            None => {
                let new = NewServiceSpace {
                    kind: kind.get_untracked(),
                    name: name_v,
                    area_id,
                    address: (!address_v.is_empty()).then_some(address_v),
                    point,
                    floor_area_m2,
                    opening_hours,
                    capacity: capacity_v,
                    provider_id: provider.get_untracked(),
                };
                entity.create(new);
            }
            Some(b) => {
                let patch = ServiceSpacePatch {
                    name: (name_v != b.name).then_some(name_v),
                    address: changed_text(address_v, b.address.as_deref()),
                    point: point.filter(|g| Some(*g) != b.point),
                    floor_area_m2: ((floor_area_m2 - b.floor_area_m2).abs() > f64::EPSILON).then_some(floor_area_m2),
                    opening_hours: (opening_hours != b.opening_hours).then_some(opening_hours),
                    capacity: (capacity_v != b.capacity).then_some(capacity_v),
                    provider_id: provider.get_untracked().filter(|v| Some(*v) != b.provider_id),
                    active: (active.get_untracked() != b.active).then(|| active.get_untracked()),
                };
                entity.update(b.id, patch);
            }
        }
    };
    view! {
        <form class="form panel program-form" on:submit=submit on:input=move |_| entity.edited() data-testid="space-form" novalidate>
            <ResSummary form placed/>
            <div class="grid-fields">
                <Field label=k!("res.space_kind") pointer="/kind" form hint=(!creating).then_some(k!("res.kind_fixed"))>
                    <select data-testid="space-kind" disabled=!creating prop:value=move || kind.get().as_str()
                        on:change=move |ev| if let Some(k) = SpaceKind::parse(&event_target_value(&ev)) { kind.set(k) }>
                        {SpaceKind::ALL.iter().map(|k| {
                            let k = *k;
                            view! { <option value=k.as_str() selected=move || kind.get() == k>{move || i18n.space_kind(k)}</option> }
                        }).collect_view()}
                    </select>
                </Field>
                <Field label=k!("res.space_name") pointer="/name" form>{text_input(name, "space-name", "text")}</Field>
                <FieldGroup label=k!("res.area") pointer="/area_id" form hint=if creating { k!("res.space_area_hint") } else { k!("res.area_fixed") }>
                    <HomeArea area creating testid="space-area"/>
                </FieldGroup>
                <Field label=k!("res.address") pointer="/address" form>{text_input(address, "space-address", "text")}</Field>
                <Field label=k!("res.floor_area") pointer="/floor_area_m2" form>
                    <input type="number" min="1" step="any" data-testid="space-floor" prop:value=floor
                        on:input=move |ev| floor.set(event_target_value(&ev))/>
                </Field>
                <Field label=k!("res.capacity") pointer="/capacity" form hint=k!("res.capacity_space_hint")>
                    <input type="number" min="0" step="1" data-testid="space-capacity" prop:value=capacity
                        on:input=move |ev| capacity.set(event_target_value(&ev))/>
                </Field>
                <Field label=k!("res.operator") pointer="/provider_id" form>
                    <ProviderSelect value=provider testid="space-provider" empty_key=k!("res.no_provider")/>
                </Field>
                <Field label=k!("res.lat") pointer="/point/lat" form>{text_input(lat, "space-lat", "text")}</Field>
                <Field label=k!("res.lng") pointer="/point/lng" form>{text_input(lng, "space-lng", "text")}</Field>
                {(!creating).then(|| view! {
                    <Field label=k!("res.active") pointer="/active" form>{check_input(active, "space-active", k!("res.active_yes"))}</Field>
                })}
            </div>
            <span class="field-error" data-field="/point">{move || form.error_at(i18n, "/point")}</span>
            <ResGroup label=k!("res.opening_hours") pointer="/opening_hours" form hint=k!("res.opening_hint")>
                <ScheduleEditor draft=hours form pointer="/opening_hours"/>
            </ResGroup>
            <FormButtons form on_cancel=Callback::new(move |()| entity.cancel()) submit_key=if creating { k!("action.create") } else { k!("action.save") }/>
        </form>
    }
}
