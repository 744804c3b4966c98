//! 目标设定: the targets set for an indicator in an area's subtree for a year (overriding the
//! catalogue's), and — for district and street staff — setting the area's own target for that year.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{AreaTarget, Comparator, Id, Indicator, SetTarget};

use crate::common::form::{Field, FormState, FormSummary, field_error};
use crate::common::format::local_time;
use crate::common::i18n::{tr, use_i18n};
use crate::common::session::use_session;
use crate::common::status::{Empty, ErrorBox, Loading};
use crate::common::widgets::HeadRow;
use crate::kpis::endpoints::{kpi_targets, set_kpi_target};
use crate::kpis::labels::comparator_symbol;
use crate::messages::Key;

const HEAD: [Key; 5] = [k!("kpi.area"), k!("kpi.target"), k!("kpi.target_note"), k!("kpi.set_by"), k!("kpi.reported_at")];
const PLACED: [&str; 3] = ["/comparator", "/value", "/note"];

/// `on_saved` runs after a target was set, so the page can judge the values again.
#[component]
pub fn TargetSection(indicator: Indicator, area: Id, area_name: String, year: i32, on_saved: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let code = indicator.code.clone();
    let list = LocalResource::new({
        let code = code.clone();
        move || {
            let code = code.clone();
            async move { kpi_targets(area, year).await.map(|all| all.into_iter().filter(|t| t.indicator == code).collect::<Vec<AreaTarget>>()) }
        }
    });
    let retry = Callback::new(move |()| list.refetch());
    let saved = Callback::new(move |()| {
        list.refetch();
        on_saved.run(());
    });
    let unit = indicator.unit.clone();
    let table = move || {
        list.get().map(|answer| match answer {
            Err(error) => view! { <ErrorBox error on_retry=retry/> }.into_any(),
            Ok(rows) if rows.is_empty() => view! { <Empty key=k!("kpi.no_targets")/> }.into_any(),
            Ok(rows) => {
                let unit = unit.clone();
                view! {
                    <div class="table-wrap">
                        <table class="table" data-testid="targets-table">
                            <HeadRow keys=&HEAD/>
                            <tbody>
                                {rows.into_iter().map(|t| {
                                    let text = format!("{} {}", comparator_symbol(t.comparator), t.value);
                                    let unit = unit.clone();
                                    view! {
                                        <tr data-testid="target-row" data-area-id=t.area_id>
                                            <td>{t.area_name}</td>
                                            <td class="nowrap">{text}" "{move || i18n.unit(&unit)}</td>
                                            <td>{t.note.unwrap_or_default()}</td>
                                            <td class="nowrap">{t.set_by}</td>
                                            <td class="nowrap small">{local_time(&t.set_at)}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                .into_any()
            }
        })
    };
    view! {
        <div data-testid="kpi-targets">
            <p class="muted small">{tr(k!("kpi.targets_hint"))}</p>
            <Transition fallback=|| view! { <Loading/> }>{table}</Transition>
            {move || session.permissions().set_kpi_targets.then(|| view! {
                <TargetForm indicator=code.clone() area area_name=area_name.clone() year on_saved=saved/>
            })}
        </div>
    }
}

#[component]
fn TargetForm(indicator: String, area: Id, area_name: String, year: i32, on_saved: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    let comparator = RwSignal::new(Comparator::AtLeast);
    let value = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let done = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if form.busy.get_untracked() {
            return;
        }
        form.start();
        done.set(false);
        let Ok(v) = value.get_untracked().trim().parse::<f64>() else {
            return form.invalid(vec![field_error("/value", shared::FieldRule::Type, "a number")]);
        };
        let text = note.get_untracked().trim().to_owned();
        let body = SetTarget {
            indicator: indicator.clone(),
            area_id: area,
            year,
            comparator: comparator.get_untracked(),
            value: v,
            note: (!text.is_empty()).then_some(text),
        };
        spawn_local(async move {
            match set_kpi_target(&body).await {
                Ok(_) => {
                    form.done();
                    done.set(true);
                    on_saved.run(());
                }
                Err(e) => form.failed(i18n, &e),
            }
        });
    };
    let heading = move || i18n.t(k!("kpi.set_target")).replace("{area}", &area_name).replace("{year}", &year.to_string());
    view! {
        <form class="form panel kpi-target-form" on:submit=submit data-testid="target-form" novalidate>
            <h4>{heading}</h4>
            <FormSummary form placed=&PLACED/>
            <div class="grid-fields">
                <Field label=k!("kpi.comparator") pointer="/comparator" form>
                    <select data-testid="target-comparator"
                        on:change=move |ev| if let Some(c) = Comparator::parse(&event_target_value(&ev)) { comparator.set(c) }>
                        {Comparator::ALL.iter().map(|c| {
                            let c = *c;
                            view! { <option value=c.as_str() selected=move || comparator.get() == c>{comparator_symbol(c)}</option> }
                        }).collect_view()}
                    </select>
                </Field>
                <Field label=k!("kpi.target_value") pointer="/value" form>
                    <input type="number" step="any" data-testid="target-value" prop:value=value
                        on:input=move |ev| value.set(event_target_value(&ev))/>
                </Field>
                <Field label=k!("kpi.target_note") pointer="/note" form>
                    <input type="text" maxlength="500" data-testid="target-note" prop:value=note
                        on:input=move |ev| note.set(event_target_value(&ev))/>
                </Field>
            </div>
            <div class="form-buttons">
                <button type="submit" class="btn btn-primary" disabled=form.busy data-testid="target-submit">
                    {move || if form.busy.get() { i18n.t(k!("state.saving")) } else { i18n.t(k!("action.save")) }}
                </button>
                {move || done.get().then(|| view! { <span class="notice small" role="status" data-testid="target-saved">{tr(k!("kpi.target_saved"))}</span> })}
            </div>
        </form>
    }
}
