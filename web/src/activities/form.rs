//! Organising an activity, or changing one (`/activities/new`, `/activities/:id/edit`): community,
//! the organiser (the community, or an organisation picked from the resource catalogue), title,
//! description, where (a service space of the community picked from a list, or an address), start
//! and end, places and the minutes credited for attending. Every wrong field is named at once; a new
//! activity is saved as a draft and published from its page.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map};
use shared::{Activity, ActivityInput, Area, FieldError, FieldRule, Id};

use crate::activities::endpoints::{activity, change_activity, create_activity};
use crate::activities::space_select::{SpaceSelect, Spaces, load_spaces};
use crate::common::area_picker::AreaSearch;
use crate::common::form::{Field, FieldGroup, FormButtons, FormState, FormSummary, field_error, reveal_first_error};
use crate::common::format::{local_input, parse_local_time};
use crate::common::i18n::{tr, use_i18n};
use crate::common::session::use_session;
use crate::common::status::{Empty, ErrorBox, Loading};
use crate::resources::bits::ProviderSelect;

const PLACED: [&str; 10] = [
    "/area_id",
    "/provider_id",
    "/title",
    "/description",
    "/address",
    "/space_id",
    "/starts_at",
    "/ends_at",
    "/capacity",
    "/credit_minutes",
];

/// `/activities/new`.
#[component]
pub fn ActivityNewPage() -> impl IntoView {
    let session = use_session();
    view! {
        <nav class="crumbs back-link"><a href="/activities">"← "{tr(k!("activity.back"))}</a></nav>
        <h1 class="page-title">{tr(k!("activity.new"))}</h1>
        <Show when=move || session.permissions().organise_activities fallback=|| view! { <Empty key=k!("error.forbidden")/> }>
            <ActivityForm activity=None/>
        </Show>
    }
}

/// `/activities/:id/edit`.
#[component]
pub fn ActivityEditPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|v| v.parse::<Id>().ok())));
    let loaded = LocalResource::new(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => Some(activity(id).await),
                None => None,
            }
        }
    });
    view! {
        <nav class="crumbs back-link">
            <a href=move || id.get().map_or_else(|| "/activities".to_owned(), |id| format!("/activities/{id}"))>"← "{tr(k!("activity.back_to_one"))}</a>
        </nav>
        <h1 class="page-title">{tr(k!("activity.edit"))}</h1>
        <Suspense fallback=|| view! { <Loading/> }>
            {move || loaded.get().map(|found| match found {
                None => view! { <Empty key=k!("error.not_found")/> }.into_any(),
                Some(Err(error)) => view! { <ErrorBox error/> }.into_any(),
                Some(Ok(a)) => view! { <ActivityForm activity=Some(a)/> }.into_any(),
            })}
        </Suspense>
    }
}

/// The form's inputs, as typed.
#[derive(Debug, Clone, PartialEq)]
struct Typed {
    title: String,
    description: String,
    place: String,
    starts: String,
    ends: String,
    capacity: String,
    credit: String,
}

impl Typed {
    fn of(a: &Activity) -> Self {
        Self {
            title: a.title.clone(),
            description: a.description.clone(),
            place: a.place.clone(),
            starts: local_input(&a.starts_at),
            ends: local_input(&a.ends_at),
            capacity: a.capacity.to_string(),
            credit: a.credit_minutes.to_string(),
        }
    }

    fn blank() -> Self {
        let start = crate::common::format::now() + chrono::Duration::days(7);
        Self {
            title: String::new(),
            description: String::new(),
            place: String::new(),
            starts: local_input(&start),
            ends: local_input(&(start + chrono::Duration::hours(2))),
            capacity: "20".to_owned(),
            credit: "120".to_owned(),
        }
    }
}

/// Who organises it and where: the organisation (none: the community) and the service space (none:
/// the address typed is the place).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Chosen {
    area_id: Option<Id>,
    provider_id: Option<Id>,
    space_id: Option<Id>,
}

/// The input of the form, or every field that is wrong.
fn to_input(t: &Typed, chosen: Chosen) -> Result<ActivityInput, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut number = |pointer: &str, text: &str, least: i64| match text.trim().parse::<i64>() {
        Ok(n) if n >= least => n,
        Ok(_) => {
            errors.push(field_error(pointer, FieldRule::OutOfRange, "too small"));
            0
        }
        Err(_) => {
            errors.push(field_error(pointer, FieldRule::Required, "a whole number is required"));
            0
        }
    };
    let capacity = number("/capacity", &t.capacity, 1);
    let credit_minutes = number("/credit_minutes", &t.credit, 0);
    if chosen.area_id.is_none() {
        errors.push(field_error("/area_id", FieldRule::Required, "is required"));
    }
    if t.title.trim().is_empty() {
        errors.push(field_error("/title", FieldRule::Required, "is required"));
    }
    let address = Some(t.place.trim().to_owned()).filter(|p| !p.is_empty());
    if chosen.space_id.is_none() && address.is_none() {
        errors.push(field_error("/address", FieldRule::Required, "is required"));
    }
    let (starts, ends) = (parse_local_time(&t.starts), parse_local_time(&t.ends));
    if starts.is_none() {
        errors.push(field_error("/starts_at", FieldRule::Required, "is required"));
    }
    match (starts, ends) {
        (_, None) => errors.push(field_error("/ends_at", FieldRule::Required, "is required")),
        (Some(s), Some(e)) if e <= s => errors.push(field_error("/ends_at", FieldRule::BeforeStart, "after the start")),
        _ => {}
    }
    match (chosen.area_id, starts, ends, errors.is_empty()) {
        (Some(area_id), Some(starts_at), Some(ends_at), true) => Ok(ActivityInput {
            area_id,
            provider_id: chosen.provider_id,
            title: t.title.trim().to_owned(),
            description: t.description.trim().to_owned(),
            space_id: chosen.space_id,
            address,
            starts_at,
            ends_at,
            capacity,
            credit_minutes,
        }),
        _ => Err(errors),
    }
}

#[component]
fn ActivityForm(activity: Option<Activity>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let form = FormState::new();
    let before = StoredValue::new(activity.clone());
    let editing = activity.as_ref().map(|a| a.id);
    let typed = RwSignal::new(activity.as_ref().map_or_else(Typed::blank, Typed::of));
    let home = session.me.with_untracked(|me| me.as_ref().map(|m| (m.area.id, m.area.name.clone())));
    let area = RwSignal::new(activity.as_ref().map(|a| (a.area_id, a.area_name.clone())).or(home));
    let provider = RwSignal::new(activity.as_ref().and_then(|a| a.provider_id));
    let space = RwSignal::new(activity.as_ref().and_then(|a| a.space_id));
    let area_id = Memo::new(move |_| area.with(|a| a.as_ref().map(|(id, _)| *id)));
    let spaces: Spaces = RwSignal::new(None);
    load_spaces(area_id, spaces);
    // The place of an activity in a space reads "space name + address": the box holds the address.
    Effect::new(move |_| {
        let Some(Ok(list)) = spaces.get() else { return };
        let Some(name) = space.with_untracked(|s| s.and_then(|id| list.iter().find(|x| x.id == id)).map(|x| x.name.clone())) else {
            return;
        };
        if before.with_value(|b| b.as_ref().is_some_and(|b| b.place.starts_with(&name))) {
            typed.update(|t| {
                if let Some(rest) = t.place.strip_prefix(&name) {
                    t.place = rest.trim().to_owned();
                }
            });
        }
    });
    // A space belongs to its community: another community starts without one.
    let on_pick = Callback::new(move |a: Area| {
        space.set(None);
        area.set(Some((a.id, a.name)));
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.start();
        let chosen = Chosen { area_id: area_id.get_untracked(), provider_id: provider.get_untracked(), space_id: space.get_untracked() };
        let input = match typed.with_untracked(|t| to_input(t, chosen)) {
            Ok(input) => input,
            Err(errors) => {
                form.invalid(errors);
                return reveal_first_error(".activity-form");
            }
        };
        let navigate = navigate.clone();
        spawn_local(async move {
            let answer = match editing {
                Some(id) => change_activity(id, &input).await,
                None => create_activity(&input).await,
            };
            match answer {
                Ok(saved) => {
                    form.done();
                    navigate(&format!("/activities/{}", saved.id), Default::default());
                }
                Err(e) => {
                    form.failed(i18n, &e);
                    reveal_first_error(".activity-form");
                }
            }
        });
    };
    let back = use_navigate();
    let on_cancel = Callback::new(move |()| {
        let to = editing.map_or_else(|| "/activities".to_owned(), |id| format!("/activities/{id}"));
        back(&to, Default::default());
    });
    let text = move |get: fn(&Typed) -> String| move || typed.with(get);
    macro_rules! set {
        ($field:ident) => {
            move |ev| {
                let v = event_target_value(&ev);
                typed.update(|t| t.$field = v)
            }
        };
    }
    view! {
        <form class="form panel activity-form" on:submit=submit novalidate data-testid="activity-form">
            <FormSummary form placed=&PLACED/>
            <div class="grid-fields">
                <Field label=k!("activity.title") pointer="/title" form>
                    <input type="text" maxlength="100" data-testid="activity-title-input" prop:value=text(|t| t.title.clone()) on:input=set!(title)/>
                </Field>
                <FieldGroup label=k!("activity.area") pointer="/area_id" form>
                    {move || match area.get() {
                        Some((_, name)) => view! {
                            <span class="chip" data-testid="activity-area-chip">{name}
                                <button type="button" class="chip-x" aria-label=tr(k!("action.clear"))
                                    on:click=move |_| { space.set(None); area.set(None); }>"×"</button>
                            </span>
                        }.into_any(),
                        None => view! { <AreaSearch on_pick placeholder=k!("activity.area_search") testid="activity-area"/> }.into_any(),
                    }}
                </FieldGroup>
                <Field label=k!("activity.organiser") pointer="/provider_id" form hint=k!("activity.organiser_hint")>
                    <ProviderSelect value=provider testid="activity-organiser" empty_key=k!("activity.organiser_community")/>
                </Field>
                <Field label=k!("activity.space") pointer="/space_id" form>
                    <SpaceSelect value=space spaces/>
                </Field>
                <Field label=k!("activity.place") pointer="/address" form hint=k!("activity.place_hint")>
                    <input type="text" maxlength="200" data-testid="activity-place-input" prop:value=text(|t| t.place.clone()) on:input=set!(place)/>
                </Field>
                <Field label=k!("activity.starts_at") pointer="/starts_at" form>
                    <input type="datetime-local" data-testid="activity-starts" prop:value=text(|t| t.starts.clone()) on:input=set!(starts)/>
                </Field>
                <Field label=k!("activity.ends_at") pointer="/ends_at" form hint=k!("activity.ends_hint")>
                    <input type="datetime-local" data-testid="activity-ends" prop:value=text(|t| t.ends.clone()) on:input=set!(ends)/>
                </Field>
                <Field label=k!("activity.capacity") pointer="/capacity" form hint=k!("activity.capacity_hint")>
                    <input type="number" min="1" inputmode="numeric" data-testid="activity-capacity" prop:value=text(|t| t.capacity.clone()) on:input=set!(capacity)/>
                </Field>
                <Field label=k!("activity.credit_minutes") pointer="/credit_minutes" form hint=k!("activity.credit_hint")>
                    <input type="number" min="0" max="1440" inputmode="numeric" data-testid="activity-credit" prop:value=text(|t| t.credit.clone()) on:input=set!(credit)/>
                </Field>
            </div>
            <Field label=k!("activity.description") pointer="/description" form>
                <textarea maxlength="2000" rows="3" data-testid="activity-description" prop:value=text(|t| t.description.clone()) on:input=set!(description)></textarea>
            </Field>
            <FormButtons form on_cancel submit_key={if editing.is_some() { k!("action.save") } else { k!("activity.save_draft") }}/>
        </form>
    }
}
