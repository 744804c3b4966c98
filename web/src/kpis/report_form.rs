//! 填报数值: indicator (reported ones only), area, period, then either the value or — for ratios — the
//! numerator and denominator with the value they give shown as typed, and the source (required).
//! Every problem is shown at its field at once; a value already in force is replaced only on request.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{Area, ErrorCode, FieldError, Id, Indicator, KpiReport, KpiRollup, NewKpiReport};

use crate::common::area_picker::AreaSearch;
use crate::common::form::{Field, FieldGroup, FormState, FormSummary, field_error, reveal_first_error};
use crate::common::i18n::{Locale, tr, use_i18n};
use crate::kpis::endpoints::report_kpi;
use crate::kpis::period::Period;
use crate::kpis::period_picker::PeriodPicker;
use crate::kpis::report_bits::{Conflict, ConflictBox, SavedReport, current_report, report_id_in};

const FORM: &str = "[data-testid=kpi-report-form]";
const PLACED: [&str; 7] = ["/indicator", "/area_id", "/period", "/value", "/numerator", "/denominator", "/source_note"];

/// A number as typed (`1,234.5` allowed); `Err` when something else was typed, `Ok(None)` when empty.
fn parse_number(text: &str) -> Result<Option<f64>, ()> {
    let t = text.trim().replace(',', "");
    if t.is_empty() {
        return Ok(None);
    }
    t.parse::<f64>().map(Some).map_err(|_| ())
}

/// Reads a required number into `errors` at `pointer`.
fn required_number(text: &str, pointer: &str, errors: &mut Vec<FieldError>) -> Option<f64> {
    match parse_number(text) {
        Ok(Some(v)) => Some(v),
        Ok(None) => {
            errors.push(field_error(pointer, shared::FieldRule::Required, "is required"));
            None
        }
        Err(()) => {
            errors.push(field_error(pointer, shared::FieldRule::Type, "a number"));
            None
        }
    }
}

/// `indicators` are the reported ones; the rest are the starting choices.
#[component]
pub fn KpiReportForm(indicators: Vec<Indicator>, indicator: String, area: Option<(Id, String)>, period: Period) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    let first = indicators.iter().find(|i| i.code == indicator).or(indicators.first()).map(|i| i.code.clone()).unwrap_or_default();
    let catalogue = StoredValue::new(indicators);
    let code = RwSignal::new(first);
    let area = RwSignal::new(area);
    let period = RwSignal::new(period);
    let (value, numerator, denominator, note) =
        (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let conflict = RwSignal::new(None::<(NewKpiReport, Conflict)>);
    let saved = RwSignal::new(None::<KpiReport>);
    let chosen = Memo::new(move |_| code.with(|c| catalogue.with_value(|all| all.iter().find(|i| &i.code == c).cloned())));
    let ratio = move || chosen.with(|i| i.as_ref().is_some_and(|i| i.rollup == KpiRollup::Ratio));
    let unit = move || chosen.with(|i| i.as_ref().map(|i| i.unit.clone()).unwrap_or_default());

    let send = move |body: NewKpiReport| {
        form.start();
        conflict.set(None);
        spawn_local(async move {
            match report_kpi(&body).await {
                Ok(r) => {
                    form.done();
                    saved.set(Some(r));
                }
                Err(e) if e.code() == Some(ErrorCode::Conflict) => {
                    form.done();
                    let detail = e.detail();
                    let current = current_report(body.indicator.clone(), body.area_id, body.period.clone()).await;
                    conflict.set(Some((body, Conflict { current, current_id: report_id_in(&detail), detail })));
                }
                Err(e) => {
                    form.failed(i18n, &e);
                    reveal_first_error(FORM);
                }
            }
        });
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if form.busy.get_untracked() {
            return;
        }
        let mut errors = Vec::new();
        let indicator = code.get_untracked();
        if indicator.is_empty() {
            errors.push(field_error("/indicator", shared::FieldRule::Required, "is required"));
        }
        let area_id = area.get_untracked().map(|(id, _)| id);
        if area_id.is_none() {
            errors.push(field_error("/area_id", shared::FieldRule::Required, "is required"));
        }
        let (mut v, mut n, mut d) = (None, None, None);
        if ratio() {
            n = required_number(&numerator.get_untracked(), "/numerator", &mut errors);
            d = required_number(&denominator.get_untracked(), "/denominator", &mut errors);
        } else {
            v = required_number(&value.get_untracked(), "/value", &mut errors);
        }
        let source_note = note.get_untracked().trim().to_owned();
        if source_note.is_empty() {
            errors.push(field_error("/source_note", shared::FieldRule::Required, "say where the figure comes from"));
        }
        let (Some(area_id), true) = (area_id, errors.is_empty()) else {
            conflict.set(None);
            form.invalid(errors);
            form.general.set(Some(i18n.t(k!("error.validation")).to_owned()));
            return reveal_first_error(FORM);
        };
        let period = period.get_untracked().to_string();
        send(NewKpiReport { indicator, area_id, period, value: v, numerator: n, denominator: d, source_note, replaces: None });
    };
    let on_replace = Callback::new(move |id: Id| {
        if let Some((body, _)) = conflict.get_untracked() {
            send(NewKpiReport { replaces: Some(id), ..body });
        }
    });
    let on_cancel = Callback::new(move |()| conflict.set(None));
    let on_again = Callback::new(move |()| {
        for s in [value, numerator, denominator, note] {
            s.set(String::new());
        }
        saved.set(None);
    });
    let on_pick = Callback::new(move |a: Area| area.set(Some((a.id, a.name))));
    let on_period = Callback::new(move |p: Period| period.set(p));
    let computed = move || {
        let (n, d) = (parse_number(&numerator.get()), parse_number(&denominator.get()));
        let scale = chosen.with(|i| i.as_ref().map_or(1.0, |i| i.scale));
        match (n, d) {
            (Ok(Some(n)), Ok(Some(d))) if d > 0.0 => i18n.kpi_value(&unit(), Some(n / d * scale)),
            _ => "—".to_owned(),
        }
    };
    let words = move |numerator: bool| {
        chosen.with(|i| {
            // The catalogue words its parts in Chinese only; an English reader has the field's label.
            let zh = i18n.locale() == Locale::Zh;
            i.as_ref()
                .filter(|_| zh)
                .and_then(|i| if numerator { i.numerator_zh.clone() } else { i.denominator_zh.clone() })
                .unwrap_or_default()
        })
    };

    move || {
        if let Some(report) = saved.get() {
            let name = chosen.with_untracked(|i| i.as_ref().map(|i| i18n.indicator_name(i)).unwrap_or_default());
            return view! { <SavedReport report indicator_name=name unit=unit() on_again/> }.into_any();
        }
        view! {
            <form class="form panel kpi-report-form" on:submit=submit data-testid="kpi-report-form" novalidate>
                <FormSummary form placed=&PLACED/>
                {move || conflict.get().map(|(_, c)| view! { <ConflictBox conflict=c unit=unit() on_replace on_cancel busy=form.busy/> })}
                <div class="grid-fields">
                    <Field label=k!("kpi.indicator") pointer="/indicator" form>
                        <select data-testid="kpi-indicator" prop:value=code on:change=move |ev| code.set(event_target_value(&ev))>
                            {catalogue.with_value(|all| all.iter().map(|i| {
                                let (c, i) = (i.code.clone(), i.clone());
                                let c2 = c.clone();
                                view! { <option value=c selected=move || code.with(|x| *x == c2)>{move || i18n.indicator_name(&i)}</option> }
                            }).collect_view())}
                        </select>
                    </Field>
                    <FieldGroup label=k!("kpi.area") pointer="/area_id" form hint=k!("kpi.area_hint")>
                        <span class="chosen" data-testid="kpi-area">{move || area.get().map(|(_, n)| n).unwrap_or_else(|| "—".to_owned())}</span>
                        <AreaSearch on_pick placeholder=k!("area.search") testid="kpi-area-search"/>
                    </FieldGroup>
                    <FieldGroup label=k!("kpi.period") pointer="/period" form>
                        <PeriodPicker period=period.into() on_change=on_period testid="kpi-period"/>
                    </FieldGroup>
                </div>
                {move || if ratio() {
                    view! {
                        <div class="grid-fields" data-testid="kpi-ratio-fields">
                            <Field label=k!("kpi.numerator") pointer="/numerator" form>
                                <input type="text" inputmode="decimal" data-testid="kpi-numerator" prop:value=numerator
                                    on:input=move |ev| numerator.set(event_target_value(&ev))/>
                                <span class="field-hint">{move || words(true)}</span>
                            </Field>
                            <Field label=k!("kpi.denominator") pointer="/denominator" form>
                                <input type="text" inputmode="decimal" data-testid="kpi-denominator" prop:value=denominator
                                    on:input=move |ev| denominator.set(event_target_value(&ev))/>
                                <span class="field-hint">{move || words(false)}</span>
                            </Field>
                            <div class="field">
                                <span class="field-label">{tr(k!("kpi.computed_value"))}</span>
                                <strong class="kpi-live" data-testid="kpi-computed">{computed}</strong>
                            </div>
                        </div>
                    }.into_any()
                } else {
                    view! {
                        <div class="grid-fields">
                            <Field label=k!("kpi.value") pointer="/value" form>
                                <input type="text" inputmode="decimal" data-testid="kpi-value-input" prop:value=value
                                    on:input=move |ev| value.set(event_target_value(&ev))/>
                                <span class="field-hint">{move || format!("{} {}", i18n.t(k!("kpi.unit")), i18n.unit(&unit()))}</span>
                            </Field>
                        </div>
                    }.into_any()
                }}
                <Field label=k!("kpi.source_note") pointer="/source_note" form hint=k!("kpi.source_hint")>
                    <textarea rows="2" maxlength="500" data-testid="kpi-source-note" prop:value=note
                        on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                </Field>
                <div class="form-buttons">
                    <button type="submit" class="btn btn-primary" disabled=form.busy data-testid="form-submit">
                        {move || if form.busy.get() { i18n.t(k!("state.saving")) } else { i18n.t(k!("kpi.submit")) }}
                    </button>
                </div>
            </form>
        }
        .into_any()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_typed() {
        assert_eq!(parse_number(" 1,234.5 "), Ok(Some(1234.5)));
        assert_eq!(parse_number(""), Ok(None));
        assert_eq!(parse_number("12a"), Err(()));
    }

    #[test]
    fn a_conflict_names_the_report() {
        let detail = "home_service_elderly_share already has a value for 2026 (16.2, report 42); send it again with \"replaces\": 42";
        assert_eq!(report_id_in(detail), Some(42));
        assert_eq!(report_id_in("nothing here"), None);
    }
}
