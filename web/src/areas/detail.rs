//! The detail panel of one area: breadcrumbs, facts, the community profile with its derived KPIs,
//! and (when allowed) the edit form and the "add child area" form.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;
use shared::{Area, AreaCrumb, AreaKind, Id};

use crate::areas::form::{AreaCreateForm, AreaEditForm, child_kind};
use crate::areas::tree::TreeContext;
use crate::common::api;
use crate::common::format::local_time;
use crate::common::i18n::{I18n, use_i18n};
use crate::common::session::use_session;
use crate::common::status::{ErrorBox, Loading};
use crate::messages::Key;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Mode {
    View,
    Edit,
    AddChild,
}

/// Loads area `id` and shows it.
#[component]
pub fn AreaDetail(id: Id) -> impl IntoView {
    let area = LocalResource::new(move || api::area(id));
    let retry = Callback::new(move |()| area.refetch());
    view! {
        <Transition fallback=|| view! { <Loading/> }>
            {move || area.get().map(|result| match result {
                Ok(loaded) => view! { <AreaView area=loaded/> }.into_any(),
                Err(error) => view! { <ErrorBox error on_retry=retry/> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn AreaView(area: Area) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let ctx = expect_context::<TreeContext>();
    let navigate = use_navigate();
    let current = RwSignal::new(area);
    let mode = RwSignal::new(Mode::View);
    let perms = move || session.permissions();
    let kind = move || current.with(|a| a.kind);

    let on_saved = Callback::new(move |saved: Area| {
        ctx.remember(std::slice::from_ref(&saved));
        ctx.updated.set(Some(saved.clone()));
        current.set(saved);
        mode.set(Mode::View);
    });
    let on_created = Callback::new(move |created: Area| {
        ctx.remember(std::slice::from_ref(&created));
        if let Some(parent) = created.parent_id {
            current.update(|a| a.child_count += 1);
            ctx.updated.set(Some(current.get_untracked()));
            ctx.child_added.set(Some(parent));
        }
        navigate(&format!("/areas/{}", created.id), NavigateOptions::default());
    });
    let on_cancel = Callback::new(move |()| mode.set(Mode::View));

    view! {
        <article class="detail" data-testid="area-detail">
            <Breadcrumbs area=current.get_untracked()/>
            <header class="detail-head">
                <h2 data-testid="area-name">{move || current.with(|a| a.name.clone())}</h2>
                <span class="badge">{move || i18n.kind(kind())}</span>
                <div class="spacer"></div>
                {move || (perms().edit_areas && mode.get() == Mode::View).then(|| view! {
                    <button type="button" class="btn" data-testid="area-edit" on:click=move |_| mode.set(Mode::Edit)>
                        {move || i18n.t(k!("action.edit"))}
                    </button>
                })}
                {move || (perms().create_areas && mode.get() == Mode::View && child_kind(kind()).is_some()).then(|| view! {
                    <button type="button" class="btn" data-testid="area-add-child" on:click=move |_| mode.set(Mode::AddChild)>
                        {move || i18n.t(k!("area.add_child"))}
                    </button>
                })}
                {move || perms().read_audit.then(|| view! {
                    <a class="btn btn-ghost" href=format!("/audit?entity=area&entity_id={}", current.with(|a| a.id))>
                        {move || i18n.t(k!("area.history"))}
                    </a>
                })}
            </header>
            {move || match mode.get() {
                Mode::View => view! { <Facts area=current.get()/> }.into_any(),
                Mode::Edit => view! { <AreaEditForm area=current.get_untracked() on_saved on_cancel/> }.into_any(),
                Mode::AddChild => view! { <AreaCreateForm parent=current.get_untracked() on_created on_cancel/> }.into_any(),
            }}
        </article>
    }
}

/// Root → … → this area; the part above the caller's scope comes from `/me`'s `area_path`.
#[component]
fn Breadcrumbs(area: Area) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let ctx = expect_context::<TreeContext>();
    let home_path = session.me.with_untracked(|me| me.as_ref().map(|m| m.area_path.clone()).unwrap_or_default());
    let crumbs = LocalResource::new(move || crumbs_for(area.clone(), ctx, home_path.clone()));
    view! {
        <nav class="crumbs" aria-label=move || i18n.t(k!("area.breadcrumbs")) data-testid="breadcrumbs">
            {move || crumbs.get().unwrap_or_default().into_iter().enumerate().map(|(i, (c, linked))| view! {
                {(i > 0).then_some(view! { <span class="crumb-sep" aria-hidden="true">"/"</span> })}
                {if linked {
                    view! { <a href=format!("/areas/{}", c.id)>{c.name}</a> }.into_any()
                } else {
                    view! { <span class="crumb-outside">{c.name}</span> }.into_any()
                }}
            }).collect_view()}
        </nav>
    }
}

/// Walks up through known or fetched parents until the caller's home path (or scope) is reached.
/// The flag says whether the crumb may be a link: ancestors of the home area that the tree has not
/// shown lie outside the caller's scope, and opening them would only answer "not found".
async fn crumbs_for(area: Area, ctx: TreeContext, home_path: Vec<AreaCrumb>) -> Vec<(AreaCrumb, bool)> {
    let home = home_path.last().map(|c| c.id);
    let crumb = |a: &Area| AreaCrumb { id: a.id, name: a.name.clone(), kind: a.kind };
    let mut chain = vec![crumb(&area)];
    let mut parent = area.parent_id;
    // The tree is at most six levels deep; the bound only guards against a cycle in bad data.
    for _ in 0..AreaKind::ALL.len() {
        let Some(pid) = parent else { break };
        if let Some(pos) = home_path.iter().position(|c| c.id == pid) {
            chain.extend(home_path[..=pos].iter().rev().cloned());
            break;
        }
        let up = match ctx.known(pid) {
            Some(known) => known,
            None => match api::area(pid).await {
                Ok(fetched) => fetched,
                Err(_) => break,
            },
        };
        chain.push(crumb(&up));
        parent = up.parent_id;
    }
    chain.reverse();
    chain
        .into_iter()
        .map(|c| {
            let linked = Some(c.id) == home || ctx.known(c.id).is_some() || !home_path.iter().any(|h| h.id == c.id);
            (c, linked)
        })
        .collect()
}

#[component]
fn Facts(area: Area) -> impl IntoView {
    let i18n = use_i18n();
    let profile = area.profile.clone().filter(|_| area.kind == AreaKind::Community);
    view! {
        <dl class="facts">
            <dt>{move || i18n.t(k!("area.kind"))}</dt><dd>{move || i18n.kind(area.kind)}</dd>
            <dt>{move || i18n.t(k!("area.code"))}</dt>
            <dd class="mono" data-testid="area-code">{area.code.clone().unwrap_or_else(|| "—".into())}</dd>
            <dt>{move || i18n.t(k!("area.child_count"))}</dt><dd>{area.child_count}</dd>
            <dt>{move || i18n.t(k!("area.updated_at"))}</dt><dd>{local_time(&area.updated_at)}</dd>
        </dl>
        {(area.kind == AreaKind::Community).then(|| match profile {
            Some(p) => view! { <ProfileTable profile=p/> }.into_any(),
            None => view! { <p class="state state-empty">{move || i18n.t(k!("profile.none"))}</p> }.into_any(),
        })}
    }
}

/// A profile value, rendered reactively so numbers follow the locale.
type ValueFn = Box<dyn Fn() -> String + Send + Sync>;

#[component]
fn ProfileTable(profile: shared::CommunityProfile) -> impl IntoView {
    let i18n = use_i18n();
    let p = profile;
    let (per100, elderly) = (p.facility_m2_per_100_households(), p.elderly_share());
    let num = move |v: Option<f64>, d: usize| v.map_or_else(|| "—".to_owned(), |v| i18n.number(v, d));
    let int = move |v: Option<i64>| num(v.map(|v| v as f64), 0);
    let settlement = p.settlement;
    let coords = match (p.center_lat, p.center_lng) {
        (Some(lat), Some(lng)) => format!("{lat:.5}, {lng:.5}"),
        _ => "—".into(),
    };
    let rows: Vec<(Key, ValueFn)> = vec![
        (k!("profile.settlement"), Box::new(move || settlement_name(i18n, settlement))),
        (k!("profile.area_ha"), Box::new(move || num(p.area_ha, 2))),
        (k!("profile.households"), Box::new(move || int(p.households))),
        (k!("profile.population"), Box::new(move || int(p.population))),
        (
            k!("profile.population_60_plus"),
            Box::new(move || {
                let share = elderly.map(|s| format!(" ({s:.1}%)")).unwrap_or_default();
                format!("{}{share}", int(p.population_60_plus))
            }),
        ),
        (k!("profile.building_area_m2"), Box::new(move || num(p.building_area_m2, 0))),
        (k!("profile.facility_area_m2"), Box::new(move || num(p.facility_area_m2, 0))),
        (k!("profile.center"), Box::new(move || coords.clone())),
    ];
    view! {
        <h3>{move || i18n.t(k!("profile.title"))}</h3>
        <dl class="facts" data-testid="area-profile">
            {rows.into_iter().map(|(key, value)| view! {
                <dt>{move || i18n.t(key)}</dt><dd>{value}</dd>
            }).collect_view()}
        </dl>
        <div class="kpi" data-testid="kpi-facility-per-100">
            <span class="kpi-value">{move || num(per100, 1)}</span>
            <span class="kpi-label">{move || i18n.t(k!("profile.facility_per_100"))}</span>
        </div>
    }
}

/// 城市社区 / 农村社区, or a dash.
pub fn settlement_name(i18n: I18n, settlement: Option<shared::Settlement>) -> String {
    match settlement {
        Some(shared::Settlement::Urban) => i18n.t(k!("profile.urban")).to_owned(),
        Some(shared::Settlement::Rural) => i18n.t(k!("profile.rural")).to_owned(),
        None => "—".to_owned(),
    }
}
