//! Inputs of the community profile (社区画像), kept as text while typing and parsed on submit so a
//! typo becomes a field error under its input instead of a silently dropped value.

use leptos::prelude::*;
use shared::{CommunityProfile, FieldError, Settlement};

use crate::common::form::{Field, FormState, field_error};
use crate::common::i18n::use_i18n;
use crate::messages::Key;

/// The pointers this block shows errors for.
pub const PROFILE_POINTERS: [&str; 10] = [
    "/profile",
    "/profile/settlement",
    "/profile/area_ha",
    "/profile/households",
    "/profile/population",
    "/profile/population_60_plus",
    "/profile/building_area_m2",
    "/profile/facility_area_m2",
    "/profile/center_lat",
    "/profile/center_lng",
];

/// The profile being edited. `Copy`: every field is a signal.
#[derive(Debug, Clone, Copy)]
pub struct ProfileDraft {
    settlement: RwSignal<String>,
    numbers: [RwSignal<String>; 8],
}

/// (pointer, label key, integer?) in the order of `ProfileDraft::numbers`.
const NUMBER_FIELDS: [(&str, Key, bool); 8] = [
    ("/profile/area_ha", k!("profile.area_ha"), false),
    ("/profile/households", k!("profile.households"), true),
    ("/profile/population", k!("profile.population"), true),
    ("/profile/population_60_plus", k!("profile.population_60_plus"), true),
    ("/profile/building_area_m2", k!("profile.building_area_m2"), false),
    ("/profile/facility_area_m2", k!("profile.facility_area_m2"), false),
    ("/profile/center_lat", k!("profile.center_lat"), false),
    ("/profile/center_lng", k!("profile.center_lng"), false),
];

impl ProfileDraft {
    pub fn new(profile: Option<&CommunityProfile>) -> Self {
        let p = profile.cloned().unwrap_or_default();
        let f = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
        let i = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
        let texts = [
            f(p.area_ha),
            i(p.households),
            i(p.population),
            i(p.population_60_plus),
            f(p.building_area_m2),
            f(p.facility_area_m2),
            f(p.center_lat),
            f(p.center_lng),
        ];
        let settlement = match p.settlement {
            Some(Settlement::Urban) => "urban",
            Some(Settlement::Rural) => "rural",
            None => "",
        };
        Self { settlement: RwSignal::new(settlement.to_owned()), numbers: texts.map(RwSignal::new) }
    }

    /// Whether nothing at all was entered.
    pub fn is_blank(&self) -> bool {
        self.settlement.with_untracked(String::is_empty) && self.numbers.iter().all(|n| n.with_untracked(|t| t.trim().is_empty()))
    }

    /// The profile, or an error per field that is not a number.
    pub fn parse(&self) -> Result<CommunityProfile, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut floats = [None; 8];
        let mut ints = [None; 8];
        for (idx, (pointer, _, integer)) in NUMBER_FIELDS.iter().enumerate() {
            let text = self.numbers[idx].get_untracked().trim().replace([',', '，'], "");
            if text.is_empty() {
                continue;
            }
            if *integer {
                match text.parse::<i64>() {
                    Ok(v) => ints[idx] = Some(v),
                    Err(_) => errors.push(field_error(pointer, shared::FieldRule::Type, "must be a whole number")),
                }
            } else {
                match text.parse::<f64>() {
                    Ok(v) if v.is_finite() => floats[idx] = Some(v),
                    _ => errors.push(field_error(pointer, shared::FieldRule::Type, "must be a number")),
                }
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let settlement = match self.settlement.get_untracked().as_str() {
            "urban" => Some(Settlement::Urban),
            "rural" => Some(Settlement::Rural),
            _ => None,
        };
        Ok(CommunityProfile {
            settlement,
            area_ha: floats[0],
            households: ints[1],
            population: ints[2],
            population_60_plus: ints[3],
            building_area_m2: floats[4],
            facility_area_m2: floats[5],
            center_lat: floats[6],
            center_lng: floats[7],
        })
    }
}

/// The profile inputs in a compact grid.
#[component]
pub fn ProfileFields(draft: ProfileDraft, form: FormState) -> impl IntoView {
    let i18n = use_i18n();
    let settlement = draft.settlement;
    view! {
        <fieldset class="profile-fields">
            <legend>{move || i18n.t(k!("profile.title"))}</legend>
            <div class="grid-fields">
                <Field label=k!("profile.settlement") pointer="/profile/settlement" form>
                    <select data-testid="profile-settlement" prop:value=settlement
                        on:change=move |ev| settlement.set(event_target_value(&ev))>
                        <option value="">"—"</option>
                        <option value="urban">{move || i18n.t(k!("profile.urban"))}</option>
                        <option value="rural">{move || i18n.t(k!("profile.rural"))}</option>
                    </select>
                </Field>
                {NUMBER_FIELDS.into_iter().zip(draft.numbers).map(|((pointer, label, integer), value)| {
                    let mode = if integer { "numeric" } else { "decimal" };
                    view! {
                        <Field label=label pointer=pointer form>
                            <input type="text" inputmode=mode data-testid=format!("profile-{}", &pointer[9..])
                                prop:value=value on:input=move |ev| value.set(event_target_value(&ev))/>
                        </Field>
                    }
                }).collect_view()}
            </div>
        </fieldset>
    }
}
