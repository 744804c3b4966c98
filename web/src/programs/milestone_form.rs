//! Add a milestone (节点): title, owner (责任人), due date and weight. The owner is the signed-in user
//! unless they manage users, who may search the users of their scope (`GET /users?q=`).

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{Id, NewMilestone, ProgramDetail, User};

use crate::common::api::{self, ApiError, UserFilter};
use crate::common::form::{Field, FieldGroup, FormButtons, FormState, FormSummary, field_error};
use crate::common::format::parse_date;
use crate::common::i18n::{tr, use_i18n};
use crate::common::session::use_session;
use crate::common::status::error_text;
use crate::programs::bits::save_detail;

const PLACED: [&str; 4] = ["/title", "/owner_id", "/due_on", "/weight"];
const DEBOUNCE: Duration = Duration::from_millis(250);

#[component]
pub fn MilestoneForm(program_id: Id, on_done: Callback<ProgramDetail>, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let form = FormState::new();
    let me = session.me.with_untracked(|m| m.as_ref().map(|m| (m.user.id, m.user.display_name.clone())));
    let title = RwSignal::new(String::new());
    let owner = RwSignal::new(me.clone());
    let due = RwSignal::new(String::new());
    let weight = RwSignal::new("10".to_owned());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.start();
        let mut errors = Vec::new();
        if title.get_untracked().trim().is_empty() {
            errors.push(field_error("/title", shared::FieldRule::Required, "is required"));
        }
        let due_on = parse_date(&due.get_untracked());
        if due_on.is_none() {
            errors.push(field_error("/due_on", shared::FieldRule::Required, "is required"));
        }
        let share = weight.get_untracked().trim().parse::<i32>().ok().filter(|w| (1..=100).contains(w));
        if share.is_none() {
            errors.push(field_error("/weight", shared::FieldRule::OutOfRange, "1 to 100"));
        }
        let owner_id = owner.get_untracked().map(|(id, _)| id);
        if owner_id.is_none() {
            errors.push(field_error("/owner_id", shared::FieldRule::Required, "is required"));
        }
        let (Some(due_on), Some(weight), Some(owner_id), true) = (due_on, share, owner_id, errors.is_empty()) else {
            return form.invalid(errors);
        };
        let new = NewMilestone { title: title.get_untracked().trim().to_owned(), owner_id, due_on, weight };
        save_detail(form, i18n, async move { api::add_milestone(program_id, &new).await }, on_done);
    };
    view! {
        <form class="form panel" on:submit=submit data-testid="milestone-form" novalidate>
            <h4>{tr(k!("milestone.add"))}</h4>
            <FormSummary form placed=&PLACED/>
            <div class="grid-fields">
                <Field label=k!("milestone.name") pointer="/title" form>
                    <input type="text" maxlength="100" data-testid="milestone-title"
                        prop:value=title on:input=move |ev| title.set(event_target_value(&ev))/>
                </Field>
                <Field label=k!("milestone.due") pointer="/due_on" form>
                    <input type="date" data-testid="milestone-due" prop:value=due on:input=move |ev| due.set(event_target_value(&ev))/>
                </Field>
                <Field label=k!("milestone.weight") pointer="/weight" form hint=k!("milestone.weight_hint")>
                    <input type="number" min="1" max="100" step="1" data-testid="milestone-weight"
                        prop:value=weight on:input=move |ev| weight.set(event_target_value(&ev))/>
                </Field>
            </div>
            <FieldGroup label=k!("milestone.owner") pointer="/owner_id" form>
                <OwnerPicker value=owner me=me.map(|(id, _)| id)/>
            </FieldGroup>
            <FormButtons form on_cancel submit_key=k!("action.create")/>
        </form>
    }
}

/// The chosen owner; "我" and, for user managers, a search among the users of their scope.
#[component]
fn OwnerPicker(value: RwSignal<Option<(Id, String)>>, me: Option<Id>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let query = RwSignal::new(String::new());
    let found = RwSignal::new(None::<Result<Vec<User>, ApiError>>);
    let generation = StoredValue::new(0_u64);
    let search = move |text: String| {
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        if text.trim().is_empty() {
            return found.set(None);
        }
        set_timeout(
            move || {
                if generation.try_get_value() != Some(mine) {
                    return;
                }
                spawn_local(async move {
                    let filter = UserFilter { q: text, active: Some(true), ..Default::default() };
                    let answer = api::users(filter, None).await.map(|p| p.items);
                    if generation.try_get_value() == Some(mine) {
                        found.set(Some(answer));
                    }
                });
            },
            DEBOUNCE,
        );
    };
    let pick = move |user: User| {
        value.set(Some((user.id, user.display_name)));
        query.set(String::new());
        found.set(None);
    };
    view! {
        <div class="area-choice owner-picker">
            <span class="chosen" data-testid="milestone-owner">
                {move || value.get().map(|(id, name)| if Some(id) == me { format!("{name}（{}）", i18n.t(k!("milestone.me"))) } else { name })}
            </span>
            {move || session.permissions().manage_users.then(|| view! {
                <div class="area-search">
                    <input type="search" data-testid="owner-search" placeholder=tr(k!("milestone.owner_search"))
                        prop:value=query on:input=move |ev| { let t = event_target_value(&ev); query.set(t.clone()); search(t); }/>
                    {move || found.get().map(|answer| match answer {
                        Ok(list) if list.is_empty() => view! {
                            <div class="search-results state state-empty">{tr(k!("state.no_users"))}</div>
                        }.into_any(),
                        Ok(list) => view! {
                            <ul class="search-results" role="listbox">
                                {list.into_iter().map(|u| {
                                    let (name, area, role) = (u.display_name.clone(), u.area_name.clone(), u.role);
                                    view! {
                                        <li><button type="button" role="option" on:click=move |_| pick(u.clone())>
                                            <span>{name}</span>
                                            <span class="tree-kind">{move || i18n.role(role)}</span>
                                            <span class="muted">{area}</span>
                                        </button></li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(e) => view! { <div class="search-results state state-error">{error_text(i18n, &e)}</div> }.into_any(),
                    })}
                </div>
            })}
        </div>
    }
}
