//! The service form: who offers it (a provider of the caller's scope, or a person; fixed once
//! created), name, category, description, target groups, age range, cost and price in yuan, weekly
//! capacity, mode, the weekly schedule and closed days, and where it serves (areas, or a point and
//! a radius). A new service is sent with an `Idempotency-Key` per attempt; an edit sends only what
//! changed. The server's field errors show where they belong, down to `/schedule/2/end`.

use leptos::prelude::*;
use shared::{CostKind, Id, NewService, Service, ServiceMode, ServicePatch};

use crate::common::api;
use crate::common::entity_form::EntityForm;
use crate::common::form::{Field, FormButtons, field_error};
use crate::common::format::{parse_yuan, yuan_input};
use crate::common::i18n::{tr, use_i18n};
use crate::common::widgets::TargetGroupPicks;
use crate::needs::labels::use_categories;
use crate::resources::bits::{
    AreaListPicker, PersonSelect, ProviderSelect, ResGroup, ResSummary, name_areas, parse_opt_int, parse_point, text_input,
};
use crate::resources::schedule::{ClosedDaysEditor, ClosedDraft, ScheduleDraft, ScheduleEditor};

const FORM: &str = "[data-testid=service-form]";

/// Pointers this form shows next to an input (rows and lists include everything below them).
fn placed(pointer: &str) -> bool {
    const FIELDS: [&str; 19] = [
        "/provider_id",
        "/person_id",
        "/name",
        "/category",
        "/description",
        "/min_age",
        "/max_age",
        "/cost",
        "/price_fen",
        "/capacity_per_week",
        "/mode",
        "/point",
        "/point/lat",
        "/point/lng",
        "/radius_m",
        "/active",
        "/schedule",
        "/closed_days",
        "/target_groups",
    ];
    FIELDS.contains(&pointer)
        || ["/schedule/", "/closed_days/", "/served_area_ids", "/target_groups/"].iter().any(|p| pointer.starts_with(p))
}

/// Offered by an organisation or by one person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OfferedBy {
    Provider,
    Person,
}

/// New (`existing` = None) or edit; `on_saved` gets the service afterwards.
#[component]
pub fn ServiceForm(existing: Option<Service>, on_saved: Callback<Service>, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let categories = use_categories();
    let s = existing.clone();
    let text = |f: fn(&Service) -> String| RwSignal::new(s.as_ref().map(f).unwrap_or_default());
    let offered = RwSignal::new(if s.as_ref().is_some_and(|s| s.provider_id.is_none() && s.person_id.is_some()) {
        OfferedBy::Person
    } else {
        OfferedBy::Provider
    });
    let provider = RwSignal::new(s.as_ref().and_then(|s| s.provider_id));
    let person = RwSignal::new(s.as_ref().and_then(|s| s.person_id));
    let name = text(|s| s.name.clone());
    let category = text(|s| s.category.clone());
    let description = text(|s| s.description.clone());
    let groups = RwSignal::new(s.as_ref().map(|s| s.target_groups.clone()).unwrap_or_default());
    let min_age = text(|s| s.min_age.map(|a| a.to_string()).unwrap_or_default());
    let max_age = text(|s| s.max_age.map(|a| a.to_string()).unwrap_or_default());
    let cost = RwSignal::new(s.as_ref().map_or(CostKind::Free, |s| s.cost));
    let price = text(|s| s.price_fen.map(yuan_input).unwrap_or_default());
    let capacity = text(|s| s.capacity_per_week.to_string());
    let mode = RwSignal::new(s.as_ref().map_or(ServiceMode::OnSite, |s| s.mode));
    let schedule = ScheduleDraft::new(s.as_ref().map(|s| s.schedule.as_slice()).unwrap_or_default());
    let closed = ClosedDraft::new(s.as_ref().map(|s| s.closed_days.as_slice()).unwrap_or_default());
    let served = RwSignal::new(Vec::<(Id, String)>::new());
    if let Some(s) = &s {
        name_areas(s.served_area_ids.clone(), served);
    }
    let lat = text(|s| s.point.map(|p| p.lat.to_string()).unwrap_or_default());
    let lng = text(|s| s.point.map(|p| p.lng.to_string()).unwrap_or_default());
    let radius = text(|s| s.radius_m.map(|r| r.to_string()).unwrap_or_default());
    let active = RwSignal::new(s.as_ref().is_none_or(|s| s.active));
    let before = StoredValue::new(existing.clone());
    let creating = existing.is_none();
    let entity = EntityForm::new(
        FORM,
        |new: NewService, key| async move { api::create_service(&new, &key).await },
        |id, patch: ServicePatch| async move { api::patch_service(id, &patch).await },
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
        let category_v = category.get_untracked();
        if category_v.is_empty() {
            errors.push(field_error("/category", shared::FieldRule::Required, "is required"));
        }
        let by = offered.get_untracked();
        let (provider_id, person_id) = match by {
            OfferedBy::Provider => (provider.get_untracked(), None),
            OfferedBy::Person => (None, person.get_untracked()),
        };
        if creating && provider_id.is_none() && person_id.is_none() {
            let pointer = if by == OfferedBy::Provider { "/provider_id" } else { "/person_id" };
            errors.push(field_error(pointer, shared::FieldRule::Required, "is required"));
        }
        let mut int = |value: RwSignal<String>, pointer: &str| {
            parse_opt_int::<i32>(&value.get_untracked()).unwrap_or_else(|()| {
                errors.push(field_error(pointer, shared::FieldRule::Type, "a whole number"));
                None
            })
        };
        let min_age_v = int(min_age, "/min_age");
        let max_age_v = int(max_age, "/max_age");
        let radius_v = int(radius, "/radius_m");
        let capacity_v = int(capacity, "/capacity_per_week");
        if capacity_v.is_none() && !errors.iter().any(|e| e.field == "/capacity_per_week") {
            errors.push(field_error("/capacity_per_week", shared::FieldRule::Required, "is required"));
        }
        let cost_v = cost.get_untracked();
        let price_fen = if cost_v == CostKind::Free {
            None
        } else {
            let fen = parse_yuan(&price.get_untracked());
            if fen.is_none() {
                errors.push(field_error("/price_fen", shared::FieldRule::InvalidFormat, "an amount in yuan"));
            }
            fen
        };
        let point = parse_point(&lat.get_untracked(), &lng.get_untracked(), &mut errors);
        let slots = schedule.parse("/schedule", &mut errors);
        let closed_days = closed.parse(&mut errors);
        let (Some(capacity_per_week), true) = (capacity_v, errors.is_empty()) else {
            return entity.invalid(errors);
        };
        let target_groups = groups.get_untracked();
        let served_area_ids: Vec<Id> = served.get_untracked().into_iter().map(|(id, _)| id).collect();
        let description_v = description.get_untracked().trim().to_owned();
        match before.get_value() {
            None => {
                let new = NewService {
                    provider_id,
                    person_id,
                    name: name_v,
                    category: category_v,
                    description: description_v,
                    target_groups,
                    min_age: min_age_v,
                    max_age: max_age_v,
                    cost: cost_v,
                    price_fen,
                    capacity_per_week,
                    schedule: slots,
                    closed_days,
                    mode: mode.get_untracked(),
                    served_area_ids,
                    point,
                    radius_m: radius_v,
                };
                entity.create(new);
            }
            Some(b) => {
                let same_groups = {
                    let (mut a, mut o) = (target_groups.clone(), b.target_groups.clone());
                    a.sort();
                    o.sort();
                    a == o
                };
                let patch = ServicePatch {
                    name: (name_v != b.name).then_some(name_v),
                    description: (description_v != b.description).then_some(description_v),
                    target_groups: (!same_groups).then_some(target_groups),
                    min_age: min_age_v.filter(|v| Some(*v) != b.min_age),
                    max_age: max_age_v.filter(|v| Some(*v) != b.max_age),
                    cost: (cost_v != b.cost).then_some(cost_v),
                    // A patch cannot drop the price; 0 is what a free service may carry.
                    price_fen: match cost_v {
                        CostKind::Free => b.price_fen.filter(|p| *p > 0).map(|_| 0),
                        _ => price_fen.filter(|p| Some(*p) != b.price_fen),
                    },
                    capacity_per_week: (capacity_per_week != b.capacity_per_week).then_some(capacity_per_week),
                    schedule: (slots != b.schedule).then_some(slots),
                    closed_days: (closed_days != b.closed_days).then_some(closed_days),
                    mode: (mode.get_untracked() != b.mode).then(|| mode.get_untracked()),
                    served_area_ids: (served_area_ids != b.served_area_ids).then_some(served_area_ids),
                    point: point.filter(|p| Some(*p) != b.point),
                    radius_m: radius_v.filter(|r| Some(*r) != b.radius_m),
                    active: (active.get_untracked() != b.active).then(|| active.get_untracked()),
                };
                entity.update(b.id, patch);
            }
        }
    };

    let offered_by_fixed = s.as_ref().map(|s| s.provider_name.clone().or_else(|| s.person_name.clone()).unwrap_or_default());
    view! {
        <form class="form panel program-form" on:submit=submit on:input=move |_| entity.edited() data-testid="service-form" novalidate>
            <ResSummary form placed/>
            <div class="grid-fields">
                {match offered_by_fixed {
                    Some(who) => view! {
                        <ResGroup label=k!("res.offered_by") pointer="/provider_id" form hint=k!("res.offered_fixed")>
                            <span class="chosen" data-testid="service-offered-by">{who}</span>
                        </ResGroup>
                    }.into_any(),
                    None => view! {
                        <ResGroup label=k!("res.offered_by") pointer="/provider_id" form>
                            <div class="segmented" data-testid="service-offered">
                                <label class:on=move || offered.get() == OfferedBy::Provider>
                                    <input type="radio" name="offered" data-testid="offered-provider"
                                        prop:checked=move || offered.get() == OfferedBy::Provider
                                        on:change=move |_| offered.set(OfferedBy::Provider)/>
                                    {tr(k!("res.by_provider"))}
                                </label>
                                <label class:on=move || offered.get() == OfferedBy::Person>
                                    <input type="radio" name="offered" data-testid="offered-person"
                                        prop:checked=move || offered.get() == OfferedBy::Person
                                        on:change=move |_| offered.set(OfferedBy::Person)/>
                                    {tr(k!("res.by_person"))}
                                </label>
                            </div>
                            {move || match offered.get() {
                                OfferedBy::Provider => view! {
                                    <ProviderSelect value=provider testid="service-provider" empty_key=k!("res.choose_provider")/>
                                }.into_any(),
                                OfferedBy::Person => view! {
                                    <div class="field" class:invalid=move || form.error_at(i18n, "/person_id").is_some()>
                                        <PersonSelect value=person testid="service-person"/>
                                        <span class="field-error">{move || form.error_at(i18n, "/person_id")}</span>
                                    </div>
                                }.into_any(),
                            }}
                        </ResGroup>
                    }.into_any(),
                }}
                <Field label=k!("res.service_name") pointer="/name" form>{text_input(name, "service-name", "text")}</Field>
                <Field label=k!("res.category") pointer="/category" form hint=(!creating).then_some(k!("res.kind_fixed"))>
                    <select data-testid="service-category" disabled=!creating prop:value=move || { categories.list.track(); category.get() }
                        on:change=move |ev| category.set(event_target_value(&ev))>
                        <option value="">{tr(k!("res.choose_category"))}</option>
                        {move || categories.list.get().into_iter().map(|c| {
                            let code = c.code.clone();
                            view! {
                                <option value=c.code.clone() selected=move || category.with(|v| *v == code)>
                                    {categories.name(i18n, &c.code)}
                                </option>
                            }
                        }).collect_view()}
                    </select>
                </Field>
                <Field label=k!("res.mode") pointer="/mode" form>
                    <select data-testid="service-mode" prop:value=move || mode.get().as_str()
                        on:change=move |ev| if let Some(m) = ServiceMode::parse(&event_target_value(&ev)) { mode.set(m) }>
                        {ServiceMode::ALL.iter().map(|m| {
                            let m = *m;
                            view! { <option value=m.as_str() selected=move || mode.get() == m>{move || i18n.service_mode(m)}</option> }
                        }).collect_view()}
                    </select>
                </Field>
                <Field label=k!("res.cost") pointer="/cost" form>
                    <select data-testid="service-cost" prop:value=move || cost.get().as_str()
                        on:change=move |ev| if let Some(c) = CostKind::parse(&event_target_value(&ev)) { cost.set(c) }>
                        {CostKind::ALL.iter().map(|c| {
                            let c = *c;
                            view! { <option value=c.as_str() selected=move || cost.get() == c>{move || i18n.cost_kind(c)}</option> }
                        }).collect_view()}
                    </select>
                </Field>
                <Show when=move || cost.get() != CostKind::Free>
                    <Field label=k!("res.price_yuan") pointer="/price_fen" form hint=k!("res.price_hint")>
                        {text_input(price, "service-price", "text")}
                    </Field>
                </Show>
                <Field label=k!("res.capacity_week") pointer="/capacity_per_week" form hint=k!("res.capacity_hint")>
                    <input type="number" min="0" step="1" data-testid="service-capacity" prop:value=capacity
                        on:input=move |ev| capacity.set(event_target_value(&ev))/>
                </Field>
                <Field label=k!("res.min_age") pointer="/min_age" form>
                    <input type="number" min="0" max="150" step="1" data-testid="service-min-age" prop:value=min_age
                        on:input=move |ev| min_age.set(event_target_value(&ev))/>
                </Field>
                <Field label=k!("res.max_age") pointer="/max_age" form>
                    <input type="number" min="0" max="150" step="1" data-testid="service-max-age" prop:value=max_age
                        on:input=move |ev| max_age.set(event_target_value(&ev))/>
                </Field>
                {(!creating).then(|| view! {
                    <Field label=k!("res.active") pointer="/active" form>
                        {crate::resources::bits::check_input(active, "service-active", k!("res.active_yes"))}
                    </Field>
                })}
            </div>
            <Field label=k!("res.description") pointer="/description" form>
                <textarea rows="3" maxlength="2000" data-testid="service-description"
                    prop:value=description on:input=move |ev| description.set(event_target_value(&ev))></textarea>
            </Field>
            <ResGroup label=k!("res.target_groups") pointer="/target_groups" form nested=true hint=k!("res.target_groups_hint")>
                <TargetGroupPicks selected=groups testid="service-groups"/>
            </ResGroup>
            <ResGroup label=k!("res.schedule") pointer="/schedule" form hint=k!("res.schedule_hint")>
                <ScheduleEditor draft=schedule form pointer="/schedule"/>
            </ResGroup>
            <ResGroup label=k!("res.closed_days") pointer="/closed_days" form>
                <ClosedDaysEditor draft=closed form/>
            </ResGroup>
            <ResGroup label=k!("res.served_areas") pointer="/served_area_ids" form nested=true hint=k!("res.served_hint")>
                <AreaListPicker value=served/>
            </ResGroup>
            <div class="grid-fields">
                <Field label=k!("res.lat") pointer="/point/lat" form>{text_input(lat, "service-lat", "text")}</Field>
                <Field label=k!("res.lng") pointer="/point/lng" form>{text_input(lng, "service-lng", "text")}</Field>
                <Field label=k!("res.radius_m") pointer="/radius_m" form hint=k!("res.radius_hint")>
                    <input type="number" min="50" max="50000" step="50" data-testid="service-radius" prop:value=radius
                        on:input=move |ev| radius.set(event_target_value(&ev))/>
                </Field>
            </div>
            <span class="field-error" data-field="/point">{move || form.error_at(i18n, "/point")}</span>
            <FormButtons form on_cancel=Callback::new(move |()| entity.cancel()) submit_key=if creating { k!("action.create") } else { k!("action.save") }/>
        </form>
    }
}
