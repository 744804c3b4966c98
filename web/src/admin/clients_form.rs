//! Register an integration client: name, the area it acts in, its scopes (each with what it lets
//! the client do) and its rate limit. The answer carries the secret, shown once by the page.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{ApiScope, Area, FieldRule, Id, IntegrationClientSecret, NewIntegrationClient};

use crate::admin::clients_endpoints as api;
use crate::common::area_picker::AreaSearch;
use crate::common::form::{Field, FieldGroup, FormButtons, FormState, FormSummary, field_error};
use crate::common::i18n::{tr, tr_word, use_i18n};

const PLACED: [&str; 4] = ["/name", "/area_id", "/scopes", "/rate_limit_per_minute"];

#[component]
pub fn ClientRegisterForm(on_registered: Callback<IntegrationClientSecret>, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    let name = RwSignal::new(String::new());
    let area = RwSignal::new(None::<(Id, String)>);
    let scopes = RwSignal::new(Vec::<ApiScope>::new());
    let limit = RwSignal::new(String::new());

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.start();
        let mut errors = Vec::new();
        if name.get_untracked().trim().is_empty() {
            errors.push(field_error("/name", FieldRule::Required, "is required"));
        }
        let area_id = area.get_untracked().map(|(id, _)| id);
        if area_id.is_none() {
            errors.push(field_error("/area_id", FieldRule::Required, "is required"));
        }
        let chosen = scopes.get_untracked();
        if chosen.is_empty() {
            errors.push(field_error("/scopes", FieldRule::Required, "pick at least one scope"));
        }
        let limit_text = limit.get_untracked();
        let rate = limit_text.trim().parse::<i32>().ok().filter(|n| (1..=100_000).contains(n));
        if !limit_text.trim().is_empty() && rate.is_none() {
            errors.push(field_error("/rate_limit_per_minute", FieldRule::OutOfRange, "between 1 and 100000"));
        }
        let (Some(area_id), true) = (area_id, errors.is_empty()) else {
            return form.invalid(errors);
        };
        let new =
            NewIntegrationClient { name: name.get_untracked().trim().to_owned(), area_id, scopes: chosen, rate_limit_per_minute: rate };
        spawn_local(async move {
            match api::register_client(&new).await {
                Ok(created) => {
                    form.done();
                    on_registered.run(created);
                }
                Err(e) => form.failed(i18n, &e),
            }
        });
    };
    let on_pick = Callback::new(move |a: Area| area.set(Some((a.id, a.name))));

    view! {
        <form class="form panel" on:submit=submit data-testid="client-form" novalidate>
            <h3>{tr(k!("client.register"))}</h3>
            <FormSummary form placed=&PLACED/>
            <div class="grid-fields">
                <Field label=k!("client.name") pointer="/name" form hint=k!("client.name_hint")>
                    <input type="text" maxlength="100" data-testid="client-name"
                        prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/>
                </Field>
                <FieldGroup label=k!("client.area") pointer="/area_id" form hint=k!("client.area_hint")>
                    <div class="area-choice">
                        <span class="chosen" data-testid="client-area-chosen">
                            {move || area.get().map_or_else(|| i18n.t(k!("client.no_area")).to_owned(), |(_, n)| n)}
                        </span>
                        <AreaSearch on_pick placeholder=k!("area.search") testid="client-area-search"/>
                    </div>
                </FieldGroup>
                <Field label=k!("client.rate_limit") pointer="/rate_limit_per_minute" form hint=k!("client.rate_limit_hint")>
                    <input type="number" min="1" max="100000" inputmode="numeric" data-testid="client-rate-limit"
                        prop:value=limit on:input=move |ev| limit.set(event_target_value(&ev))/>
                </Field>
            </div>
            <FieldGroup label=k!("client.scopes") pointer="/scopes" form>
                <ScopePicks chosen=scopes/>
            </FieldGroup>
            <FormButtons form on_cancel submit_key=k!("client.register")/>
        </form>
    }
}

/// A checkbox per scope: its name, its code in small text, and what it lets the client do.
#[component]
fn ScopePicks(chosen: RwSignal<Vec<ApiScope>>) -> impl IntoView {
    let toggle = move |scope: ApiScope, on: bool| {
        chosen.update(|list| {
            list.retain(|s| *s != scope);
            if on {
                list.push(scope);
                list.sort();
            }
        });
    };
    view! {
        <div class="scope-picks" style="display: grid; grid-template-columns: repeat(auto-fill, minmax(230px, 1fr)); gap: 6px">
            {ApiScope::ALL.into_iter().map(|scope| {
                let code = scope.as_str();
                view! {
                    <label class="checkbox" style="align-items: flex-start" data-testid="client-scope" data-code=code>
                        <input type="checkbox" prop:checked=move || chosen.with(|l| l.contains(&scope))
                            on:change=move |ev| toggle(scope, event_target_checked(&ev))/>
                        <span>
                            {tr_word(words!("scope"), code.to_owned())}" "<span class="mono small muted">{code}</span>
                            <br/><span class="small muted">{tr_word(words!("scope_desc"), code.to_owned())}</span>
                        </span>
                    </label>
                }
            }).collect_view()}
        </div>
    }
}
