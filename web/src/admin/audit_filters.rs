//! The audit trail's own filters, kept in the URL (`/audit?entity=need&entity_id=12&actor_id=3&action=dispatch`)
//! so links from a record's page land filtered: object (kind and number), operator (picked by searching
//! the users) and action. The date range is the table's.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::params::ParamsMap;
use shared::{AuditAction, AuditEntity, Id, User};

use crate::common::api::{self, UserFilter};
use crate::common::i18n::use_i18n;

/// What the URL filters the trail by.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AuditFilter {
    pub entity: Option<AuditEntity>,
    pub entity_id: Option<Id>,
    pub actor_id: Option<Id>,
    pub action: Option<AuditAction>,
}

impl AuditFilter {
    pub fn from_query(q: &ParamsMap) -> Self {
        let text = |k: &str| q.get(k).unwrap_or_default();
        Self {
            entity: AuditEntity::parse(&text("entity")),
            entity_id: text("entity_id").parse().ok(),
            actor_id: text("actor_id").parse().ok(),
            action: AuditAction::parse(&text("action")),
        }
    }

    /// The set filters as query pairs, as the URL and the API both spell them.
    pub fn pairs(&self) -> Vec<(String, String)> {
        let mut pairs = Vec::new();
        if let Some(e) = self.entity {
            pairs.push(("entity".to_owned(), e.as_str().to_owned()));
        }
        if let Some(id) = self.entity_id {
            pairs.push(("entity_id".to_owned(), id.to_string()));
        }
        if let Some(id) = self.actor_id {
            pairs.push(("actor_id".to_owned(), id.to_string()));
        }
        if let Some(a) = self.action {
            pairs.push(("action".to_owned(), a.as_str().to_owned()));
        }
        pairs
    }

    pub fn url(&self) -> String {
        let pairs: Vec<String> =
            self.pairs().into_iter().map(|(k, v)| format!("{k}={}", String::from(js_sys::encode_uri_component(&v)))).collect();
        if pairs.is_empty() { "/audit".to_owned() } else { format!("/audit?{}", pairs.join("&")) }
    }
}

/// Object kind and number, operator and action.
#[component]
pub fn AuditFilterBar(filter: Memo<AuditFilter>, on_change: Callback<AuditFilter>) -> impl IntoView {
    let i18n = use_i18n();
    let change = move |edit: Box<dyn Fn(&mut AuditFilter)>| {
        let mut f = filter.get_untracked();
        edit(&mut f);
        on_change.run(f);
    };
    let change_id = change;
    let change_action = change;
    view! {
        <select data-testid="audit-filter-entity" aria-label=move || i18n.t(k!("audit.entity"))
            prop:value=move || filter.with(|f| f.entity.map_or("", AuditEntity::as_str).to_owned())
            on:change=move |ev| { let v = event_target_value(&ev); change(Box::new(move |f| { f.entity = AuditEntity::parse(&v); f.entity_id = None; })) }>
            <option value="">{move || i18n.t(k!("audit.all_entities"))}</option>
            {AuditEntity::ALL.into_iter().map(|e| view! {
                <option value=e.as_str() selected=move || filter.with(|f| f.entity == Some(e))>{move || i18n.label(e)}</option>
            }).collect_view()}
        </select>
        <input type="number" min="1" class="audit-id-filter" data-testid="audit-filter-id"
            placeholder=move || i18n.t(k!("audit.entity_id")) aria-label=move || i18n.t(k!("audit.entity_id"))
            prop:value=move || filter.with(|f| f.entity_id.map(|i| i.to_string()).unwrap_or_default())
            on:change=move |ev| { let v = event_target_value(&ev); change_id(Box::new(move |f| f.entity_id = v.trim().parse().ok())) }/>
        <select data-testid="audit-filter-action" aria-label=move || i18n.t(k!("audit.action"))
            prop:value=move || filter.with(|f| f.action.map_or("", AuditAction::as_str).to_owned())
            on:change=move |ev| { let v = event_target_value(&ev); change_action(Box::new(move |f| f.action = AuditAction::parse(&v))) }>
            <option value="">{move || i18n.t(k!("audit.all_actions"))}</option>
            {AuditAction::ALL.into_iter().map(|a| view! {
                <option value=a.as_str() selected=move || filter.with(|f| f.action == Some(a))>{move || i18n.label(a)}</option>
            }).collect_view()}
        </select>
        <ActorPicker filter on_change/>
    }
}

/// 操作人: search users by name, pick one; the chosen operator shows as a chip that clears.
#[component]
fn ActorPicker(filter: Memo<AuditFilter>, on_change: Callback<AuditFilter>) -> impl IntoView {
    let i18n = use_i18n();
    let text = RwSignal::new(String::new());
    let found = RwSignal::new(Vec::<User>::new());
    let chosen = RwSignal::new(None::<User>);
    let asked = StoredValue::new(0_u64);
    let search = move |q: String| {
        asked.update_value(|a| *a += 1);
        let mine = asked.get_value();
        if q.trim().is_empty() {
            found.set(Vec::new());
            return;
        }
        spawn_local(async move {
            let answer = api::users(UserFilter { q, ..Default::default() }, None).await;
            if asked.try_get_value() == Some(mine) {
                found.set(answer.map(|p| p.items).unwrap_or_default());
            }
        });
    };
    let set_actor = move |user: Option<User>| {
        let mut f = filter.get_untracked();
        f.actor_id = user.as_ref().map(|u| u.id);
        chosen.set(user);
        found.set(Vec::new());
        text.set(String::new());
        on_change.run(f);
    };
    let name = move || {
        let id = filter.with(|f| f.actor_id)?;
        Some(chosen.with(|c| c.as_ref().filter(|u| u.id == id).map(|u| u.display_name.clone())).unwrap_or_else(|| format!("#{id}")))
    };
    view! {
        <span class="actor-picker" data-testid="audit-filter-actor">
            {move || match name() {
                Some(name) => view! {
                    <span class="chip" data-testid="audit-actor-chip">
                        {move || i18n.t(k!("audit.actor"))}": "{name}
                        <button type="button" class="chip-x" aria-label=move || i18n.t(k!("action.clear"))
                            on:click=move |_| set_actor(None)>"×"</button>
                    </span>
                }
                .into_any(),
                None => view! {
                    <input type="search" data-testid="audit-actor-search" placeholder=move || i18n.t(k!("audit.actor_search"))
                        aria-label=move || i18n.t(k!("audit.actor_search")) prop:value=text
                        on:input=move |ev| { let v = event_target_value(&ev); text.set(v.clone()); search(v); }/>
                }
                .into_any(),
            }}
            {move || (!found.with(Vec::is_empty)).then(|| view! {
                <ul class="picker-results" role="listbox">
                    {found.get().into_iter().map(|u| {
                        let label = format!("{} ({})", u.display_name, u.username);
                        view! {
                            <li><button type="button" class="btn-link" data-testid="audit-actor-option"
                                on:click=move |_| set_actor(Some(u.clone()))>{label}</button></li>
                        }
                    }).collect_view()}
                </ul>
            })}
        </span>
    }
}
