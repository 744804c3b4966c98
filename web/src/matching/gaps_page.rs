//! `/matching/gaps` 服务缺口 (需求清单 against 资源清单): for the communities of an area (the home area
//! unless another is chosen) and each service category, the needs no service reaches out of the open
//! ones, coloured by the 15-minute-circle coverage. A red or amber cell offers "发起共建项目", which
//! drafts a co-building program for that gap and opens it.

use futures::future::OptionFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;
use shared::{Area, GapCell, GapReport, Id, NewGapProgram};

use crate::common::api;
use crate::common::area_picker::AreaSearch;
use crate::common::form::{FormState, FormSummary};
use crate::common::i18n::{I18n, tr, use_i18n};
use crate::common::session::use_session;
use crate::common::status::{Empty, ErrorBox, Loading};
use crate::messages::Key;
use crate::needs::labels::use_categories;

/// A cell's colour class by coverage: `good` ≥ 95 %, `mid` ≥ 60 %, `low` below, `none` without data.
pub fn coverage_tone(coverage: Option<f64>) -> &'static str {
    match coverage {
        None => "none",
        Some(c) if c >= 0.95 => "good",
        Some(c) if c >= 0.6 => "mid",
        Some(_) => "low",
    }
}

/// Inline colours of a tone (background, text).
fn tone_style(tone: &str) -> &'static str {
    match tone {
        "good" => "background: var(--ok-soft); color: var(--ok)",
        "mid" => "background: var(--warn-soft); color: var(--warn)",
        "low" => "background: var(--bad-soft); color: var(--bad)",
        _ => "background: #eef1f4; color: var(--muted)",
    }
}

/// The gap picked for a new program: community id and name, category code.
type Chosen = (Id, String, String);

#[component]
pub fn MatchingGapsPage() -> impl IntoView {
    let session = use_session();
    view! {
        <div class="page-head">
            <h1 class="page-title">{tr(k!("nav.matching_gaps"))}</h1>
            <div class="spacer"></div>
            <a class="btn" href="/matching/plans" data-testid="to-plans">{tr(k!("nav.matching_plans"))}</a>
        </div>
        <Show when=move || session.permissions().match_needs fallback=|| view! { <Empty key=k!("error.forbidden")/> }>
            <Gaps/>
        </Show>
    }
}

#[component]
fn Gaps() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let area = RwSignal::new(session.me.with_untracked(|m| m.as_ref().map(|m| (m.area.id, m.area.name.clone()))));
    let show_all = RwSignal::new(false);
    let chosen = RwSignal::new(None::<Chosen>);
    // Another area: its report (an answer for the area before is dropped), and no cell chosen.
    let report = LocalResource::new(move || OptionFuture::from(area.get().map(|(id, _)| api::gaps(id))));
    Effect::new(move |_| {
        area.track();
        chosen.set(None);
    });
    let retry = Callback::new(move |()| report.refetch());
    let on_pick = Callback::new(move |a: Area| area.set(Some((a.id, a.name))));
    let body = move || {
        report.get().flatten().map(|answer| match answer {
            Err(error) => view! { <ErrorBox error on_retry=retry/> }.into_any(),
            Ok(r) => view! { <GapTable report=r show_all chosen/> }.into_any(),
        })
    };
    view! {
        <p class="muted small" style="margin: -6px 0 10px">{tr(k!("matching.gaps_hint"))}</p>
        <div class="toolbar">
            <span class="muted">{tr(k!("matching.gaps_area"))}</span>
            <span class="chosen" data-testid="gaps-area">{move || area.get().map(|(_, n)| n).unwrap_or_default()}</span>
            <AreaSearch on_pick placeholder=k!("area.search") testid="gaps-area-search"/>
            <label class="checkbox">
                <input type="checkbox" data-testid="gaps-show-all" prop:checked=show_all
                    on:change=move |ev| show_all.set(event_target_checked(&ev))/>
                {move || i18n.t(k!("matching.show_all"))}
            </label>
        </div>
        <Legend/>
        {move || chosen.get().map(|gap| view! { <GapAction gap on_close=Callback::new(move |()| chosen.set(None))/> })}
        <Suspense fallback=|| view! { <Loading/> }>{body}</Suspense>
    }
}

/// The colours and what they mean.
#[component]
fn Legend() -> impl IntoView {
    let item = |tone: &'static str, key: Key| {
        view! {
            <span class="count-chip" style=format!("cursor: default; {}", tone_style(tone)) data-testid="gap-legend" data-tone=tone>
                {tr(key)}
            </span>
        }
    };
    view! {
        <div class="count-chips" aria-label=tr(k!("matching.legend"))>
            <span class="muted small" style="align-self: center">{tr(k!("matching.legend"))}":"</span>
            {item("good", k!("matching.cov_good"))}
            {item("mid", k!("matching.cov_mid"))}
            {item("low", k!("matching.cov_low"))}
            {item("none", k!("matching.cov_none"))}
            <span class="muted small" style="align-self: center">
                {tr(k!("matching.unreachable"))}" / "{tr(k!("matching.open_needs"))}
            </span>
        </div>
    }
}

/// Communities as rows, categories as columns.
#[component]
fn GapTable(report: GapReport, show_all: RwSignal<bool>, chosen: RwSignal<Option<Chosen>>) -> impl IntoView {
    let i18n = use_i18n();
    let categories = use_categories();
    if report.communities.is_empty() {
        return view! { <Empty key=k!("matching.no_communities")/> }.into_any();
    }
    let used: Vec<String> = report
        .categories
        .iter()
        .filter(|code| {
            report.communities.iter().flat_map(|r| &r.cells).any(|c| &c.category == *code && (c.open_needs > 0 || c.services > 0))
        })
        .cloned()
        .collect();
    let every = report.categories.clone();
    let hidden = every.len() - used.len();
    let report = StoredValue::new(report);
    let columns = move || if show_all.get() { every.clone() } else { used.clone() };
    let table = move || {
        let columns = columns();
        let head = columns
            .iter()
            .map(|code| {
                let (attr, code) = (code.clone(), code.clone());
                view! { <th class="nowrap" data-category=attr>{move || categories.name(i18n, &code)}</th> }
            })
            .collect_view();
        let rows = report.with_value(|r| {
            r.communities
                .iter()
                .map(|row| {
                    let cells = columns
                        .iter()
                        .map(|code| {
                            let cell = row.cells.iter().find(|c| &c.category == code).cloned();
                            view! { <Cell area_id=row.area_id area_name=row.area_name.clone() category=code.clone() cell chosen/> }
                        })
                        .collect_view();
                    view! {
                        <tr data-testid="gap-row" data-area-id=row.area_id>
                            <th scope="row" class="nowrap">{row.area_name.clone()}</th>
                            {cells}
                        </tr>
                    }
                })
                .collect_view()
        });
        view! {
            <table class="table gap-table" data-testid="gap-table">
                <thead>
                    <tr>
                        <th>{tr(k!("matching.community"))}</th>
                        {head}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        }
    };
    view! {
        <div class="table-wrap">{table}</div>
        {(hidden > 0).then(|| view! {
            <p class="muted small" data-testid="gaps-hidden" style="margin: 6px 0 0">
                {move || (!show_all.get()).then(|| format!("{} ({hidden})", i18n.t(k!("matching.no_categories"))))}
            </p>
        })}
    }
    .into_any()
}

/// `未覆盖 / 待派单` in the colour of the coverage; red and amber cells can be picked.
#[component]
fn Cell(area_id: Id, area_name: String, category: String, cell: Option<GapCell>, chosen: RwSignal<Option<Chosen>>) -> impl IntoView {
    let i18n = use_i18n();
    let categories = use_categories();
    let Some(cell) = cell else {
        return view! { <td class="num muted" data-testid="gap-cell" data-tone="empty">"—"</td> }.into_any();
    };
    let tone = coverage_tone(cell.coverage);
    let actionable = matches!(tone, "mid" | "low");
    let title = {
        let (area_name, category, cell) = (area_name.clone(), category.clone(), cell.clone());
        move || tooltip(i18n, &area_name, &categories.name(i18n, &category), &cell)
    };
    let is_chosen = {
        let category = category.clone();
        move || chosen.with(|c| c.as_ref().is_some_and(|(a, _, k)| *a == area_id && *k == category))
    };
    let pick = move || {
        if actionable {
            chosen.set(Some((area_id, area_name.clone(), category.clone())));
        }
    };
    let on_key = pick.clone();
    let base = format!(
        "{}; text-align: center; white-space: nowrap;{}",
        tone_style(tone),
        if actionable { " cursor: pointer; font-weight: 600;" } else { "" }
    );
    let style = move || format!("{base}{}", if is_chosen() { " outline: 2px solid var(--accent); outline-offset: -2px;" } else { "" });
    view! {
        <td style=style title=title data-testid="gap-cell" data-tone=tone data-category=cell.category.clone()
            data-coverage=cell.coverage.map(|c| format!("{c:.3}")).unwrap_or_default()
            data-actionable=actionable.to_string()
            tabindex=if actionable { "0" } else { "-1" } role=if actionable { "button" } else { "cell" }
            on:click=move |_| pick()
            on:keydown=move |ev| if ev.key() == "Enter" { on_key() }>
            {format!("{}/{}", cell.unreachable_needs, cell.open_needs)}
        </td>
    }
    .into_any()
}

/// 缤纷社区 · 养老服务: 无法触达 2 / 待派单需求 5 · 服务 1 · 覆盖率 40%.
fn tooltip(i18n: I18n, area: &str, category: &str, cell: &GapCell) -> String {
    let coverage = cell.coverage.map_or_else(|| i18n.t(k!("matching.cov_none")).to_owned(), |c| format!("{}%", (c * 100.0).round()));
    format!(
        "{area} · {category}: {} {} / {} {} · {} {} · {} {coverage}",
        i18n.t(k!("matching.unreachable")),
        cell.unreachable_needs,
        i18n.t(k!("matching.open_needs")),
        cell.open_needs,
        i18n.t(k!("matching.services")),
        cell.services,
        i18n.t(k!("matching.coverage")),
    )
}

/// The picked gap with "发起共建项目": drafts the program and opens it.
#[component]
fn GapAction(gap: Chosen, on_close: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let categories = use_categories();
    let navigate = use_navigate();
    let form = FormState::new();
    let (area_id, area_name, category) = gap;
    let name = {
        let category = category.clone();
        move || format!("{area_name} · {}", categories.name(i18n, &category))
    };
    let start = move |_| {
        form.start();
        let new = NewGapProgram { area_id, category: category.clone() };
        let navigate = navigate.clone();
        spawn_local(async move {
            match api::gap_program(&new).await {
                Ok(detail) => {
                    form.done();
                    navigate(&format!("/programs/{}", detail.program.id), NavigateOptions::default());
                }
                Err(e) => form.failed(i18n, &e),
            }
        });
    };
    view! {
        <section class="panel action-form" data-testid="gap-action" style="margin-bottom: 12px">
            <p style="margin: 0 0 8px">
                <span class="muted">{tr(k!("matching.gap_chosen"))}": "</span>
                <strong data-testid="gap-chosen">{name}</strong>
            </p>
            <p class="muted small" style="margin: 0 0 8px">{tr(k!("matching.start_program_hint"))}</p>
            <FormSummary form placed=&[]/>
            <div class="form-buttons" style="margin-top: 8px">
                <button type="button" class="btn btn-primary" data-testid="gap-program" disabled=form.busy on:click=start>
                    {tr(k!("matching.start_program"))}
                </button>
                <button type="button" class="btn" data-testid="gap-action-cancel" on:click=move |_| on_close.run(())>
                    {tr(k!("action.cancel"))}
                </button>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::coverage_tone;

    #[test]
    fn coverage_tones_follow_the_thresholds() {
        assert_eq!(coverage_tone(Some(0.95)), "good");
        assert_eq!(coverage_tone(Some(0.6)), "mid");
        assert_eq!(coverage_tone(Some(0.59)), "low");
        assert_eq!(coverage_tone(None), "none");
    }
}
