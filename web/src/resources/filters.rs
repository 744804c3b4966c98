//! The resource directory's tab and filters, kept in the URL (`/resources?tab=services&mode=at_home`)
//! so the back button from a record returns to the same view: area (searched by name), kind,
//! verified, category, mode, cost, short hours only — each tab shows the ones it has (the table searches names).

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::params::ParamsMap;
use shared::{Area, CostKind, Id, PersonKind, ProviderKind, ResourceTable, ServiceMode, SpaceKind};

use crate::common::api::{self, PersonFilter, ProviderFilter, ServiceFilter, SpaceFilter};
use crate::common::area_picker::AreaSearch;
use crate::common::i18n::{I18n, tr, use_i18n};
use crate::messages::Key;
use crate::needs::labels::use_categories;

/// A tab of the directory.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ResourceTab {
    Providers,
    #[default]
    Services,
    People,
    Spaces,
}

impl ResourceTab {
    pub const ALL: [ResourceTab; 4] = [Self::Providers, Self::Services, Self::People, Self::Spaces];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Providers => "providers",
            Self::Services => "services",
            Self::People => "people",
            Self::Spaces => "spaces",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// The export table of the tab.
    pub fn table(self) -> ResourceTable {
        match self {
            Self::Providers => ResourceTable::Providers,
            Self::Services => ResourceTable::Services,
            Self::People => ResourceTable::People,
            Self::Spaces => ResourceTable::Spaces,
        }
    }

    /// The tab's title (message key).
    pub fn label(self) -> Key {
        match self {
            Self::Providers => k!("res.tab_providers"),
            Self::Services => k!("res.tab_services"),
            Self::People => k!("res.tab_people"),
            Self::Spaces => k!("res.tab_spaces"),
        }
    }
}

/// What the URL asks for: the tab and its filters (the `kind` code belongs to the tab).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ResourceQuery {
    pub tab: ResourceTab,
    pub area_id: Option<Id>,
    pub kind: String,
    pub verified: Option<bool>,
    pub category: String,
    pub mode: Option<ServiceMode>,
    pub cost: Option<CostKind>,
    pub short_hours: bool,
    /// Services or people of one provider (the provider page's count links here).
    pub provider_id: Option<Id>,
    pub q: String,
}

impl ResourceQuery {
    /// The query a URL describes; unknown values are ignored.
    pub fn from_query(q: &ParamsMap) -> Self {
        let text = |k: &str| q.get(k).unwrap_or_default();
        Self {
            tab: ResourceTab::parse(&text("tab")).unwrap_or_default(),
            area_id: text("area_id").parse().ok(),
            kind: text("kind"),
            verified: match text("verified").as_str() {
                "true" => Some(true),
                "false" => Some(false),
                _ => None,
            },
            category: text("category"),
            mode: ServiceMode::parse(&text("mode")),
            cost: CostKind::parse(&text("cost")),
            short_hours: text("short_hours") == "true",
            provider_id: text("provider_id").parse().ok(),
            q: text("q"),
        }
    }

    /// `/resources?tab=…` plus the non-default values.
    pub fn url(&self) -> String {
        let pairs = [
            ("tab", self.tab.as_str().to_owned()),
            ("area_id", self.area_id.map(|i| i.to_string()).unwrap_or_default()),
            ("kind", self.kind.clone()),
            ("verified", self.verified.map(|v| v.to_string()).unwrap_or_default()),
            ("category", self.category.clone()),
            ("mode", self.mode.map(|m| m.as_str().to_owned()).unwrap_or_default()),
            ("cost", self.cost.map(|c| c.as_str().to_owned()).unwrap_or_default()),
            ("short_hours", if self.short_hours { "true" } else { "" }.to_owned()),
            ("provider_id", self.provider_id.map(|i| i.to_string()).unwrap_or_default()),
            ("q", self.q.trim().to_owned()),
        ];
        let pairs: Vec<String> = pairs
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={}", String::from(js_sys::encode_uri_component(&v))))
            .collect();
        format!("/resources?{}", pairs.join("&"))
    }

    /// The same area on another tab, other filters cleared.
    pub fn on_tab(&self, tab: ResourceTab) -> Self {
        Self { tab, area_id: self.area_id, ..Default::default() }
    }

    /// Whether anything narrows the list (the empty state then says "no match", not "none yet").
    pub fn is_filtered(&self) -> bool {
        *self != self.on_tab(self.tab) || self.area_id.is_some()
    }

    /// The tab's filters as query pairs, without the name and order (the table's own).
    pub fn pairs(&self) -> Vec<(String, String)> {
        let pairs = match self.tab {
            ResourceTab::Providers => shared::query_pairs(&self.providers().list_query()),
            ResourceTab::Services => shared::query_pairs(&self.services().list_query()),
            ResourceTab::People => shared::query_pairs(&self.people().list_query()),
            ResourceTab::Spaces => shared::query_pairs(&self.spaces().list_query()),
        };
        pairs.into_iter().filter(|(k, _)| k != "q" && k != "sort").collect()
    }

    pub fn providers(&self) -> ProviderFilter {
        ProviderFilter {
            area_id: self.area_id,
            kind: ProviderKind::parse(&self.kind),
            verified: self.verified,
            active: None,
            q: self.q.clone(),
        }
    }

    pub fn services(&self) -> ServiceFilter {
        ServiceFilter {
            area_id: self.area_id,
            category: self.category.clone(),
            mode: self.mode,
            cost: self.cost,
            provider_id: self.provider_id,
            q: self.q.clone(),
            ..Default::default()
        }
    }

    pub fn people(&self) -> PersonFilter {
        PersonFilter { area_id: self.area_id, kind: PersonKind::parse(&self.kind), provider_id: self.provider_id, q: self.q.clone() }
    }

    pub fn spaces(&self) -> SpaceFilter {
        SpaceFilter { area_id: self.area_id, kind: SpaceKind::parse(&self.kind), short_hours: self.short_hours, q: self.q.clone() }
    }
}

/// The tab's kind options: `(code, label)`, labels tracked.
fn kind_options(i18n: I18n, tab: ResourceTab) -> Vec<(&'static str, String)> {
    match tab {
        ResourceTab::Providers => ProviderKind::ALL.iter().map(|k| (k.as_str(), i18n.provider_kind(*k))).collect(),
        ResourceTab::People => PersonKind::ALL.iter().map(|k| (k.as_str(), i18n.person_kind(*k))).collect(),
        ResourceTab::Spaces => SpaceKind::ALL.iter().map(|k| (k.as_str(), i18n.space_kind(*k))).collect(),
        ResourceTab::Services => Vec::new(),
    }
}

/// The filters of the current tab; every change goes to `on_change` (which puts it into the URL).
#[component]
pub fn ResourceFilterBar(query: Memo<ResourceQuery>, on_change: Callback<ResourceQuery>) -> impl IntoView {
    let i18n = use_i18n();
    let categories = use_categories();
    let change = move |edit: Box<dyn Fn(&mut ResourceQuery)>| {
        let mut f = query.get_untracked();
        edit(&mut f);
        on_change.run(f);
    };
    let tab = move || query.with(|f| f.tab);
    view! {
        <div class="toolbar" data-testid="resource-filters">
            <AreaFilter query on_change/>
            {move || query.with(|f| f.provider_id).map(|id| view! {
                <span class="chip" data-testid="filter-provider-chip">
                    {tr(k!("res.provider"))}" #"{id}
                    <button type="button" class="chip-x" aria-label=tr(k!("action.clear"))
                        on:click=move |_| change(Box::new(|f| f.provider_id = None))>"×"</button>
                </span>
            })}
            {move || (tab() != ResourceTab::Services).then(|| view! {
                <select data-testid="filter-kind" aria-label=tr(k!("res.kind"))
                    on:change=move |ev| { let v = event_target_value(&ev); change(Box::new(move |f| f.kind = v.clone())) }>
                    <option value="">{tr(k!("res.all_kinds"))}</option>
                    {move || kind_options(i18n, tab()).into_iter().map(|(code, label)| view! {
                        <option value=code selected=move || query.with(|f| f.kind == code)>{label}</option>
                    }).collect_view()}
                </select>
            })}
            {move || (tab() == ResourceTab::Providers).then(|| view! {
                <select data-testid="filter-verified" aria-label=tr(k!("res.verified"))
                    prop:value=move || query.with(|f| f.verified.map(|v| v.to_string()).unwrap_or_default())
                    on:change=move |ev| { let v = event_target_value(&ev);
                        change(Box::new(move |f| f.verified = v.parse().ok())) }>
                    <option value="">{tr(k!("res.any_verified"))}</option>
                    <option value="true">{tr(k!("res.verified_yes"))}</option>
                    <option value="false">{tr(k!("res.verified_no"))}</option>
                </select>
            })}
            {move || (tab() == ResourceTab::Services).then(|| view! {
                <select data-testid="filter-category" aria-label=tr(k!("res.category"))
                    on:change=move |ev| { let v = event_target_value(&ev); change(Box::new(move |f| f.category = v.clone())) }>
                    <option value="">{tr(k!("res.all_categories"))}</option>
                    {move || categories.list.get().into_iter().map(|c| {
                        let code = c.code.clone();
                        view! {
                            <option value=c.code.clone() selected=move || query.with(|f| f.category == code)>
                                {categories.name(i18n, &c.code)}
                            </option>
                        }
                    }).collect_view()}
                </select>
                <select data-testid="filter-mode" aria-label=tr(k!("res.mode"))
                    on:change=move |ev| { let v = event_target_value(&ev); change(Box::new(move |f| f.mode = ServiceMode::parse(&v))) }>
                    <option value="">{tr(k!("res.all_modes"))}</option>
                    {ServiceMode::ALL.iter().map(|m| {
                        let m = *m;
                        view! { <option value=m.as_str() selected=move || query.with(|f| f.mode == Some(m))>{move || i18n.service_mode(m)}</option> }
                    }).collect_view()}
                </select>
                <select data-testid="filter-cost" aria-label=tr(k!("res.cost"))
                    on:change=move |ev| { let v = event_target_value(&ev); change(Box::new(move |f| f.cost = CostKind::parse(&v))) }>
                    <option value="">{tr(k!("res.all_costs"))}</option>
                    {CostKind::ALL.iter().map(|c| {
                        let c = *c;
                        view! { <option value=c.as_str() selected=move || query.with(|f| f.cost == Some(c))>{move || i18n.cost_kind(c)}</option> }
                    }).collect_view()}
                </select>
            })}
            {move || (tab() == ResourceTab::Spaces).then(|| view! {
                <label class="checkbox">
                    <input type="checkbox" data-testid="filter-short-hours" prop:checked=move || query.with(|f| f.short_hours)
                        on:change=move |ev| { let on = event_target_checked(&ev); change(Box::new(move |f| f.short_hours = on)) }/>
                    {tr(k!("res.short_hours_only"))}
                </label>
            })}
        </div>
    }
}

/// The chosen area as a chip (✕ to drop it), or a search to choose one.
#[component]
fn AreaFilter(query: Memo<ResourceQuery>, on_change: Callback<ResourceQuery>) -> impl IntoView {
    let names = RwSignal::new(Vec::<(Id, String)>::new());
    // An area id from the URL (a link, the back button) is named by asking the server once.
    Effect::new(move |_| {
        if let Some(id) = query.get().area_id
            && !names.with_untracked(|n| n.iter().any(|(i, _)| *i == id))
        {
            spawn_local(async move {
                if let Ok(area) = api::area(id).await {
                    names.update(|n| n.push((area.id, area.name)));
                }
            });
        }
    });
    let set = move |area_id: Option<Id>| {
        let mut f = query.get_untracked();
        f.area_id = area_id;
        on_change.run(f);
    };
    let on_pick = Callback::new(move |area: Area| {
        names.update(|n| n.push((area.id, area.name.clone())));
        set(Some(area.id));
    });
    move || match query.get().area_id {
        Some(id) => {
            let name = move || names.with(|n| n.iter().find(|(i, _)| *i == id).map(|(_, n)| n.clone())).unwrap_or_else(|| format!("#{id}"));
            view! {
                <span class="chip" data-testid="filter-area-chip">
                    {name}
                    <button type="button" class="chip-x" aria-label=tr(k!("action.clear")) on:click=move |_| set(None)>"×"</button>
                </span>
            }
            .into_any()
        }
        None => view! { <AreaSearch on_pick placeholder=k!("program.area_search") testid="filter-area"/> }.into_any(),
    }
}
