//! `/ledger/rules` 积分规则: the ledger's rules as data for one district or community — points per
//! hour served, per good rating, per activity, per consultation and per survey taken part in, the
//! daily and monthly caps, and the time-bank overdraft. Each rule shows what applies there and
//! whether the area sets it itself or inherits it; an empty box inherits. A save replaces the area's
//! own rules whole, and the server's field errors show under the box they name.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{Area, AreaKind, EffectiveLedgerRules, FieldRule, Id, LedgerRules, SetLedgerRules};

use crate::common::area_picker::AreaSearch;
use crate::common::form::{Field, FormState, FormSummary, field_error};
use crate::common::i18n::{tr, tr_word, use_i18n};
use crate::common::session::use_session;
use crate::common::status::{Empty, error_text};
use crate::ledger::endpoints::{ledger_rules, set_ledger_rules};
use crate::messages::Key;

/// One rule: its JSON pointer (the field of [`SetLedgerRules`]), its label, and whether a community
/// may set it (only the overdraft; points and caps are a district's).
struct Rule {
    pointer: &'static str,
    label: Key,
    community_sets: bool,
}

const RULES: [Rule; 8] = [
    Rule { pointer: "/points_per_hour", label: k!("lrules.points_per_hour"), community_sets: false },
    Rule { pointer: "/points_per_activity", label: k!("lrules.points_per_activity"), community_sets: false },
    Rule { pointer: "/points_per_consultation", label: k!("lrules.points_per_consultation"), community_sets: false },
    Rule { pointer: "/points_per_survey", label: k!("lrules.points_per_survey"), community_sets: false },
    Rule { pointer: "/points_per_good_rating", label: k!("lrules.points_per_good_rating"), community_sets: false },
    Rule { pointer: "/daily_points_cap", label: k!("lrules.daily_points_cap"), community_sets: false },
    Rule { pointer: "/monthly_points_cap", label: k!("lrules.monthly_points_cap"), community_sets: false },
    Rule { pointer: "/overdraft_minutes", label: k!("lrules.overdraft_minutes"), community_sets: true },
];
const PLACED: [&str; 8] = [
    "/points_per_hour",
    "/points_per_activity",
    "/points_per_consultation",
    "/points_per_survey",
    "/points_per_good_rating",
    "/daily_points_cap",
    "/monthly_points_cap",
    "/overdraft_minutes",
];

/// The slot of `pointer` in the area's own rules.
fn own_slot<'a>(own: &'a mut SetLedgerRules, pointer: &str) -> Option<&'a mut Option<i64>> {
    Some(match pointer {
        "/points_per_hour" => &mut own.points_per_hour,
        "/points_per_activity" => &mut own.points_per_activity,
        "/points_per_consultation" => &mut own.points_per_consultation,
        "/points_per_survey" => &mut own.points_per_survey,
        "/points_per_good_rating" => &mut own.points_per_good_rating,
        "/daily_points_cap" => &mut own.daily_points_cap,
        "/monthly_points_cap" => &mut own.monthly_points_cap,
        "/overdraft_minutes" => &mut own.overdraft_minutes,
        _ => return None,
    })
}

/// What applies at the area for `pointer`; `None` is "no cap".
fn effective_of(e: &EffectiveLedgerRules, pointer: &str) -> Option<i64> {
    match pointer {
        "/points_per_hour" => Some(e.points_per_hour),
        "/points_per_activity" => Some(e.points_per_activity),
        "/points_per_consultation" => Some(e.points_per_consultation),
        "/points_per_survey" => Some(e.points_per_survey),
        "/points_per_good_rating" => Some(e.points_per_good_rating),
        "/daily_points_cap" => e.daily_points_cap,
        "/monthly_points_cap" => e.monthly_points_cap,
        "/overdraft_minutes" => Some(e.overdraft_minutes),
        _ => None,
    }
}

/// `/ledger/rules`.
#[component]
pub fn LedgerRulesPage() -> impl IntoView {
    let session = use_session();
    // Starts at the caller's home area when it is one that sets rules; otherwise the picker.
    let home = session.me.with_untracked(|me| {
        me.as_ref()
            .filter(|m| matches!(m.area.kind, AreaKind::District | AreaKind::Community))
            .map(|m| (m.area.id, m.area.name.clone(), m.area.kind))
    });
    let area = RwSignal::new(home);
    let pick = Callback::new(move |a: Area| area.set(Some((a.id, a.name, a.kind))));
    view! {
        <nav class="crumbs back-link">
            <a href="/ledger" data-testid="ledger-back">"← "{tr(k!("ledger.back"))}</a>
        </nav>
        <div class="page-head">
            <h1 class="page-title">{tr(k!("lrules.title"))}</h1>
        </div>
        <Show when=move || session.permissions().read_ledger fallback=|| view! { <Empty key=k!("error.forbidden")/> }>
            <p class="muted small">{tr(k!("lrules.hint"))}</p>
            <div class="toolbar" data-testid="lrules-area">
                {move || area.get().map(|(_, name, kind)| view! {
                    <span class="chip" data-testid="lrules-area-name">{name}" · "{tr_word(words!("kind"), kind.as_str().to_owned())}</span>
                })}
                <AreaSearch on_pick=pick placeholder=k!("lrules.area_search") testid="lrules-area-search"/>
            </div>
            {move || match area.get() {
                Some((id, _, kind)) => view! { <RulesLoader id kind/> }.into_any(),
                None => view! { <Empty key=k!("lrules.pick_area")/> }.into_any(),
            }}
        </Show>
    }
}

#[component]
fn RulesLoader(id: Id, kind: AreaKind) -> impl IntoView {
    let i18n = use_i18n();
    let rules = LocalResource::new(move || ledger_rules(id));
    view! {
        <Transition fallback=|| view! { <Empty key=k!("state.loading")/> }>
            {move || rules.get().map(|found| match found {
                Ok(r) => view! { <RulesForm rules=r kind/> }.into_any(),
                Err(e) => view! { <p class="form-summary" role="alert">{error_text(i18n, &e)}</p> }.into_any(),
            })}
        </Transition>
    }
}

/// Reads the boxes into the area's own rules; a box that is not a whole number ≥ 0 is named.
fn read_boxes(values: &[RwSignal<String>]) -> Result<SetLedgerRules, Vec<shared::FieldError>> {
    let mut own = SetLedgerRules::default();
    let mut errors = Vec::new();
    for (rule, value) in RULES.iter().zip(values) {
        let text = value.get_untracked().trim().to_owned();
        if text.is_empty() {
            continue;
        }
        match text.parse::<i64>() {
            Ok(n) => {
                if let Some(slot) = own_slot(&mut own, rule.pointer) {
                    *slot = Some(n);
                }
            }
            Err(_) => errors.push(field_error(rule.pointer, FieldRule::Type, "a whole number")),
        }
    }
    if errors.is_empty() { Ok(own) } else { Err(errors) }
}

#[component]
fn RulesForm(rules: LedgerRules, kind: AreaKind) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let form = FormState::new();
    let current = RwSignal::new(rules);
    let saved = RwSignal::new(false);
    let own_text = move |r: &LedgerRules, pointer: &str| {
        let mut own = r.own.clone();
        own_slot(&mut own, pointer).and_then(|v| *v).map(|n| n.to_string()).unwrap_or_default()
    };
    let values: Vec<RwSignal<String>> =
        RULES.iter().map(|rule| RwSignal::new(current.with_untracked(|r| own_text(r, rule.pointer)))).collect();
    let values = StoredValue::new(values);
    let sets_rules = matches!(kind, AreaKind::District | AreaKind::Community);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        let own = match values.with_value(|v| read_boxes(v)) {
            Ok(own) => own,
            Err(errors) => return form.invalid(errors),
        };
        form.start();
        let area = current.with_untracked(|r| r.area_id);
        spawn_local(async move {
            match set_ledger_rules(area, &own).await {
                Ok(r) => {
                    values.try_with_value(|v| {
                        for (rule, value) in RULES.iter().zip(v) {
                            value.set(own_text(&r, rule.pointer));
                        }
                    });
                    current.set(r);
                    saved.set(true);
                    form.done();
                }
                Err(e) => form.failed(i18n, &e),
            }
        });
    };
    let editable = move || sets_rules && session.permissions().set_ledger_rules;
    view! {
        <form class="form rules-form" data-testid="lrules-form" on:submit=submit novalidate>
            <FormSummary form placed=&PLACED/>
            {(!sets_rules).then(|| view! { <p class="notice notice-warn" data-testid="lrules-not-here">{tr(k!("lrules.not_here"))}</p> })}
            {RULES.iter().enumerate().map(|(i, rule)| {
                let value = values.with_value(|v| v[i]);
                let pointer = rule.pointer;
                let locked = kind == AreaKind::Community && !rule.community_sets;
                let state = move || current.with(|r| {
                    let own = own_text(r, pointer);
                    let applies = effective_of(&r.effective, pointer)
                        .map_or_else(|| i18n.t(k!("lrules.no_cap")).to_owned(), |n| n.to_string());
                    let whose = if own.is_empty() { i18n.t(k!("lrules.inherited")) } else { i18n.t(k!("lrules.own")) };
                    (applies, whose, !own.is_empty())
                });
                view! {
                    <Field label=rule.label pointer form>
                        <div class="rule-row">
                            <input type="number" min="0" step="1" inputmode="numeric" data-testid="lrules-input" data-rule=pointer
                                placeholder=move || i18n.t(k!("lrules.inherit_placeholder"))
                                disabled=move || locked || !editable()
                                prop:value=value on:input=move |ev| { value.set(event_target_value(&ev)); saved.set(false); }/>
                            <span class="muted small" data-testid="lrules-effective" data-rule=pointer data-own=move || state().2.to_string()>
                                {move || { let (applies, whose, _) = state(); format!("{}: {applies} · {whose}", i18n.t(k!("lrules.applies"))) }}
                            </span>
                        </div>
                        {locked.then(|| view! { <span class="field-hint">{tr(k!("lrules.district_only"))}</span> })}
                    </Field>
                }
            }).collect_view()}
            {move || saved.get().then(|| view! { <p class="notice" role="status" data-testid="lrules-saved">{tr(k!("lrules.saved"))}</p> })}
            {move || editable().then(|| view! {
                <div class="form-buttons">
                    <button type="submit" class="btn btn-primary" disabled=form.busy data-testid="lrules-save">
                        {move || i18n.t(if form.busy.get() { k!("state.saving") } else { k!("action.save") })}
                    </button>
                </div>
            })}
        </form>
    }
}
