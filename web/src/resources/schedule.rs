//! The weekly schedule editor (rows of weekday + start + end, China time, add/remove) and the closed
//! days editor (date + note). Errors of a row show in it: `/schedule/2/end` under row 3's end.

use leptos::prelude::*;
use shared::{ClosedDay, FieldError, TimeSlot};

use crate::common::form::{FormState, field_error};
use crate::common::format::parse_date;
use crate::common::i18n::{tr, use_i18n};
use crate::resources::bits::errors_at;
use crate::resources::labels::{is_time, normalise_time};

/// One slot as edited; `key` keeps a row's identity while rows above it are removed.
#[derive(Debug, Clone, Copy)]
pub struct SlotRow {
    key: u64,
    weekday: RwSignal<u8>,
    start: RwSignal<String>,
    end: RwSignal<String>,
}

/// The rows of a schedule editor. `Copy`.
#[derive(Debug, Clone, Copy)]
pub struct ScheduleDraft {
    rows: RwSignal<Vec<SlotRow>>,
    next_key: StoredValue<u64>,
}

impl ScheduleDraft {
    pub fn new(slots: &[TimeSlot]) -> Self {
        let draft = Self { rows: RwSignal::new(Vec::new()), next_key: StoredValue::new(0) };
        for s in slots {
            draft.push(s.weekday, s.start.clone(), s.end.clone());
        }
        draft
    }

    fn push(&self, weekday: u8, start: String, end: String) {
        self.next_key.update_value(|k| *k += 1);
        let row = SlotRow {
            key: self.next_key.get_value(),
            weekday: RwSignal::new(weekday),
            start: RwSignal::new(start),
            end: RwSignal::new(end),
        };
        self.rows.update(|r| r.push(row));
    }

    /// A new row: the day after the last row's, same hours (weekday runs are typed quickly), else
    /// Monday 08:30–17:30.
    fn add(&self) {
        let last =
            self.rows.with_untracked(|r| r.last().map(|l| (l.weekday.get_untracked(), l.start.get_untracked(), l.end.get_untracked())));
        match last {
            Some((day, start, end)) => self.push(day % 7 + 1, start, end),
            None => self.push(1, "08:30".into(), "17:30".into()),
        }
    }

    /// The slots as typed (times normalised), with `pointer`-based errors for bad times.
    pub fn parse(&self, pointer: &str, errors: &mut Vec<FieldError>) -> Vec<TimeSlot> {
        self.rows.with_untracked(|rows| {
            rows.iter()
                .enumerate()
                .map(|(i, r)| {
                    let start = normalise_time(&r.start.get_untracked());
                    let end = normalise_time(&r.end.get_untracked());
                    if !is_time(&start, false) {
                        errors.push(field_error(&format!("{pointer}/{i}/start"), shared::FieldRule::InvalidFormat, "a time like 08:30"));
                    }
                    if !is_time(&end, true) {
                        errors.push(field_error(
                            &format!("{pointer}/{i}/end"),
                            shared::FieldRule::InvalidFormat,
                            "a time like 17:30 (24:00 for midnight)",
                        ));
                    } else if is_time(&start, false) && end <= start {
                        errors.push(field_error(&format!("{pointer}/{i}/end"), shared::FieldRule::BeforeStart, "ends before it starts"));
                    }
                    TimeSlot { weekday: r.weekday.get_untracked(), start, end }
                })
                .collect()
        })
    }
}

/// The schedule rows with add/remove; `pointer` is `/schedule` (services) or `/opening_hours` (spaces).
#[component]
pub fn ScheduleEditor(draft: ScheduleDraft, form: FormState, pointer: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let rows = draft.rows;
    view! {
        <div class="schedule-editor" data-testid="schedule-editor">
            <For each=move || rows.get() key=|r| r.key let:row>
                {
                    let index = move || rows.with(|all| all.iter().position(|r| r.key == row.key).unwrap_or(0));
                    let at = move |field: &'static str| move || errors_at(form, i18n, &format!("{pointer}/{}{field}", index()), false);
                    let row_error = move || errors_at(form, i18n, &format!("{pointer}/{}", index()), false);
                    view! {
                        <div class="grid-fields slot-row" data-testid="slot-row">
                            <label class="field" class:invalid=move || at("/weekday")().is_some()>
                                <span class="field-label">{tr(k!("res.weekday"))}</span>
                                <select data-testid="slot-weekday" prop:value=move || row.weekday.get().to_string()
                                    on:change=move |ev| row.weekday.set(event_target_value(&ev).parse().unwrap_or(1))>
                                    {(1..=7u8).map(|d| view! {
                                        <option value=d.to_string() selected=move || row.weekday.get() == d>{move || i18n.weekday(d)}</option>
                                    }).collect_view()}
                                </select>
                                <span class="field-error">{at("/weekday")}</span>
                            </label>
                            <label class="field" class:invalid=move || at("/start")().is_some()>
                                <span class="field-label">{tr(k!("res.start"))}</span>
                                <input type="text" inputmode="numeric" maxlength="5" placeholder="08:30" data-testid="slot-start"
                                    prop:value=row.start on:input=move |ev| row.start.set(event_target_value(&ev))/>
                                <span class="field-error">{at("/start")}</span>
                            </label>
                            <label class="field" class:invalid=move || at("/end")().is_some()>
                                <span class="field-label">{tr(k!("res.end"))}</span>
                                <input type="text" inputmode="numeric" maxlength="5" placeholder="17:30" data-testid="slot-end"
                                    prop:value=row.end on:input=move |ev| row.end.set(event_target_value(&ev))/>
                                <span class="field-error">{at("/end")}</span>
                            </label>
                            <div class="field">
                                <span class="field-label">" "</span>
                                <button type="button" class="btn btn-ghost" data-testid="slot-remove"
                                    on:click=move |_| rows.update(|r| r.retain(|x| x.key != row.key))>
                                    "✕ "{tr(k!("res.remove"))}
                                </button>
                                <span class="field-error">{row_error}</span>
                            </div>
                        </div>
                    }
                }
            </For>
            {move || rows.with(Vec::is_empty).then(|| view! { <p class="muted small" data-testid="schedule-empty">{tr(k!("res.no_slots"))}</p> })}
            <button type="button" class="btn btn-small add-toggle" data-testid="slot-add" on:click=move |_| draft.add()>
                "+ "{tr(k!("res.add_slot"))}
            </button>
        </div>
    }
}

/// One closed day as edited.
#[derive(Debug, Clone, Copy)]
pub struct ClosedRow {
    key: u64,
    date: RwSignal<String>,
    note: RwSignal<String>,
}

/// The rows of a closed days editor. `Copy`.
#[derive(Debug, Clone, Copy)]
pub struct ClosedDraft {
    rows: RwSignal<Vec<ClosedRow>>,
    next_key: StoredValue<u64>,
}

impl ClosedDraft {
    pub fn new(days: &[ClosedDay]) -> Self {
        let draft = Self { rows: RwSignal::new(Vec::new()), next_key: StoredValue::new(0) };
        for d in days {
            draft.push(d.date.to_string(), d.note.clone().unwrap_or_default());
        }
        draft
    }

    fn push(&self, date: String, note: String) {
        self.next_key.update_value(|k| *k += 1);
        let row = ClosedRow { key: self.next_key.get_value(), date: RwSignal::new(date), note: RwSignal::new(note) };
        self.rows.update(|r| r.push(row));
    }

    /// The days as typed, with errors for missing or bad dates.
    pub fn parse(&self, errors: &mut Vec<FieldError>) -> Vec<ClosedDay> {
        self.rows.with_untracked(|rows| {
            rows.iter()
                .enumerate()
                .filter_map(|(i, r)| {
                    let date = parse_date(&r.date.get_untracked());
                    if date.is_none() {
                        errors.push(field_error(&format!("/closed_days/{i}/date"), shared::FieldRule::Required, "is required"));
                    }
                    let note = r.note.get_untracked().trim().to_owned();
                    date.map(|date| ClosedDay { date, note: (!note.is_empty()).then_some(note) })
                })
                .collect()
        })
    }
}

/// The closed days with add/remove.
#[component]
pub fn ClosedDaysEditor(draft: ClosedDraft, form: FormState) -> impl IntoView {
    let i18n = use_i18n();
    let rows = draft.rows;
    view! {
        <div class="closed-editor" data-testid="closed-editor">
            <For each=move || rows.get() key=|r| r.key let:row>
                {
                    let index = move || rows.with(|all| all.iter().position(|r| r.key == row.key).unwrap_or(0));
                    let at = move |field: &'static str| move || errors_at(form, i18n, &format!("/closed_days/{}{field}", index()), false);
                    view! {
                        <div class="grid-fields closed-row" data-testid="closed-row">
                            <label class="field" class:invalid=move || at("/date")().is_some()>
                                <span class="field-label">{tr(k!("res.closed_date"))}</span>
                                <input type="date" data-testid="closed-date" prop:value=row.date
                                    on:input=move |ev| row.date.set(event_target_value(&ev))/>
                                <span class="field-error">{at("/date")}</span>
                            </label>
                            <label class="field" class:invalid=move || at("/note")().is_some()>
                                <span class="field-label">{tr(k!("res.closed_note"))}</span>
                                <input type="text" maxlength="100" data-testid="closed-note" prop:value=row.note
                                    on:input=move |ev| row.note.set(event_target_value(&ev))/>
                                <span class="field-error">{at("/note")}</span>
                            </label>
                            <div class="field">
                                <span class="field-label">" "</span>
                                <button type="button" class="btn btn-ghost" data-testid="closed-remove"
                                    on:click=move |_| rows.update(|r| r.retain(|x| x.key != row.key))>
                                    "✕ "{tr(k!("res.remove"))}
                                </button>
                                <span class="field-error">{at("")}</span>
                            </div>
                        </div>
                    }
                }
            </For>
            <button type="button" class="btn btn-small add-toggle" data-testid="closed-add"
                on:click=move |_| draft.push(String::new(), String::new())>
                "+ "{tr(k!("res.add_closed"))}
            </button>
        </div>
    }
}
