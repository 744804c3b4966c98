//! The program form: area (new programs only; the home area unless another district, street or
//! community of the caller's scope is chosen), title, description, lead organisation, dates, budget
//! in yuan, catalogue items and the 公开 flag. A new program is sent with an `Idempotency-Key` per
//! attempt; an edit sends only what changed (drafts only, the server answers 409 otherwise).

use leptos::prelude::*;
use shared::{Area, Id, NewProgram, Program, ProgramDetail, ProgramPatch};

use crate::common::api;
use crate::common::area_picker::AreaSearch;
use crate::common::entity_form::EntityForm;
use crate::common::form::{Field, FieldGroup, FormButtons, FormSummary, field_error};
use crate::common::format::{parse_date, parse_yuan, yuan_input};
use crate::common::i18n::tr;
use crate::common::session::use_session;
use crate::programs::catalogue_picker::CataloguePicker;

const FORM: &str = "[data-testid=program-form]";
const PLACED: [&str; 9] =
    ["/area_id", "/title", "/description", "/lead_org", "/start_date", "/end_date", "/budget_fen", "/catalogue_item_ids", "/public"];

/// New (`existing` = None) or edit; `on_saved` gets the program afterwards.
#[component]
pub fn ProgramForm(existing: Option<Program>, on_saved: Callback<ProgramDetail>, on_cancel: Callback<()>) -> impl IntoView {
    let session = use_session();
    let home = session.me.with_untracked(|m| m.as_ref().map(|m| (m.area.id, m.area.name.clone())));
    let p = existing.clone();
    let text = |f: fn(&Program) -> String| RwSignal::new(p.as_ref().map(f).unwrap_or_default());
    let area = RwSignal::new(p.as_ref().map(|p| (p.area_id, p.area_name.clone())).or(home));
    let title = text(|p| p.title.clone());
    let description = text(|p| p.description.clone());
    let lead_org = text(|p| p.lead_org.clone());
    let start = text(|p| p.start_date.to_string());
    let end = text(|p| p.end_date.to_string());
    let budget = text(|p| yuan_input(p.budget_fen));
    let items = RwSignal::new(p.as_ref().map(|p| p.catalogue_items.iter().map(|c| c.id).collect::<Vec<Id>>()).unwrap_or_default());
    let public = RwSignal::new(p.as_ref().is_some_and(|p| p.public));
    let before = StoredValue::new(existing.clone());
    let creating = existing.is_none();
    let entity = EntityForm::new(
        FORM,
        |new: NewProgram, key| async move { api::create_program(&new, &key).await },
        |id, patch: ProgramPatch| async move { api::patch_program(id, &patch).await },
        on_saved,
        on_cancel,
    );
    let form = entity.state;

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !entity.begin() {
            return;
        }
        let mut errors = Vec::new();
        let required = |s: RwSignal<String>, pointer: &str, errors: &mut Vec<_>| {
            let v = s.get_untracked().trim().to_owned();
            if v.is_empty() {
                errors.push(field_error(pointer, shared::FieldRule::Required, "is required"));
            }
            v
        };
        let title_v = required(title, "/title", &mut errors);
        let lead_v = required(lead_org, "/lead_org", &mut errors);
        let start_d = parse_date(&start.get_untracked());
        let end_d = parse_date(&end.get_untracked());
        if start_d.is_none() {
            errors.push(field_error("/start_date", shared::FieldRule::Required, "is required"));
        }
        if end_d.is_none() {
            errors.push(field_error("/end_date", shared::FieldRule::Required, "is required"));
        }
        if let (Some(s), Some(e)) = (start_d, end_d)
            && e < s
        {
            errors.push(field_error("/end_date", shared::FieldRule::BeforeStart, "ends before it starts"));
        }
        let budget_fen = parse_yuan(&budget.get_untracked());
        if budget_fen.is_none() {
            errors.push(field_error("/budget_fen", shared::FieldRule::InvalidFormat, "an amount in yuan"));
        }
        let item_ids = items.get_untracked();
        if item_ids.is_empty() {
            errors.push(field_error("/catalogue_item_ids", shared::FieldRule::RequiredOne, "choose at least one item"));
        }
        let area_id = area.get_untracked().map(|(id, _)| id);
        if area_id.is_none() {
            errors.push(field_error("/area_id", shared::FieldRule::Required, "is required"));
        }
        let (Some(start_date), Some(end_date), Some(budget_fen), Some(area_id), true) =
            (start_d, end_d, budget_fen, area_id, errors.is_empty())
        else {
            return entity.invalid(errors);
        };
        let description_v = description.get_untracked().trim().to_owned();
        match before.get_value() {
            None => {
                let new = NewProgram {
                    area_id,
                    title: title_v,
                    description: description_v,
                    lead_org: lead_v,
                    start_date,
                    end_date,
                    budget_fen,
                    catalogue_item_ids: item_ids,
                    public: public.get_untracked(),
                };
                entity.create(new);
            }
            Some(b) => {
                let changed = |new: String, old: &str| (new != old).then_some(new);
                let patch = ProgramPatch {
                    title: changed(title_v, &b.title),
                    description: changed(description_v, &b.description),
                    lead_org: changed(lead_v, &b.lead_org),
                    start_date: (start_date != b.start_date).then_some(start_date),
                    end_date: (end_date != b.end_date).then_some(end_date),
                    budget_fen: (budget_fen != b.budget_fen).then_some(budget_fen),
                    catalogue_item_ids: (item_ids != b.catalogue_items.iter().map(|c| c.id).collect::<Vec<_>>()).then_some(item_ids),
                    public: (public.get_untracked() != b.public).then_some(public.get_untracked()),
                };
                entity.update(b.id, patch);
            }
        }
    };
    let input = move |value: RwSignal<String>, testid: &'static str, kind: &'static str| {
        view! {
            <input type=kind data-testid=testid prop:value=value on:input=move |ev| value.set(event_target_value(&ev))/>
        }
    };
    let on_pick = Callback::new(move |a: Area| area.set(Some((a.id, a.name))));
    view! {
        <form class="form panel program-form" on:submit=submit on:input=move |_| entity.edited() data-testid="program-form" novalidate>
            <FormSummary form placed=&PLACED/>
            <div class="grid-fields">
                <FieldGroup label=k!("program.area") pointer="/area_id" form hint=if creating { k!("program.area_hint") } else { k!("program.area_fixed") }>
                    <div class="area-choice">
                        <span class="chosen" data-testid="program-area">{move || area.get().map(|(_, n)| n).unwrap_or_default()}</span>
                        {creating.then(|| view! { <AreaSearch on_pick placeholder=k!("area.search") testid="program-area-search"/> })}
                    </div>
                </FieldGroup>
                <Field label=k!("program.title") pointer="/title" form>{input(title, "program-title-input", "text")}</Field>
                <Field label=k!("program.lead_org") pointer="/lead_org" form hint=k!("program.lead_org_hint")>{input(lead_org, "program-lead-org", "text")}</Field>
                <Field label=k!("program.start_date") pointer="/start_date" form>{input(start, "program-start", "date")}</Field>
                <Field label=k!("program.end_date") pointer="/end_date" form>{input(end, "program-end", "date")}</Field>
                <Field label=k!("program.budget_yuan") pointer="/budget_fen" form hint=k!("form.yuan_hint")>{input(budget, "program-budget", "text")}</Field>
            </div>
            <Field label=k!("program.description") pointer="/description" form>
                <textarea rows="4" maxlength="5000" data-testid="program-description-input"
                    prop:value=description on:input=move |ev| description.set(event_target_value(&ev))></textarea>
            </Field>
            <FieldGroup label=k!("program.catalogue_items") pointer="/catalogue_item_ids" form hint=k!("program.items_hint")>
                <CataloguePicker value=items/>
            </FieldGroup>
            <Field label=k!("program.public") pointer="/public" form hint=k!("program.public_hint")>
                <span class="checkbox">
                    <input type="checkbox" data-testid="program-public" prop:checked=public
                        on:change=move |ev| public.set(event_target_checked(&ev))/>
                    {tr(k!("program.public_yes"))}
                </span>
            </Field>
            <FormButtons form on_cancel=Callback::new(move |()| entity.cancel()) submit_key=if creating { k!("action.create") } else { k!("action.save") }/>
        </form>
    }
}
