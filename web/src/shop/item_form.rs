//! Offering or changing a points-shop item: community, name, description, points price, stock,
//! limit per person, valid from/to and the pick-up place. Every field that is wrong is named at
//! once, by the browser's checks first and the server's after.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{Area, FieldError, FieldRule, Id, ShopItem, ShopItemInput};

use crate::common::area_picker::AreaSearch;
use crate::common::form::{Field, FieldGroup, FormButtons, FormState, FormSummary, field_error, reveal_first_error};
use crate::common::format::{local_input, parse_local_time};
use crate::common::i18n::{tr, use_i18n};
use crate::common::session::use_session;
use crate::shop::endpoints::{change_item, offer_item};

const PLACED: [&str; 9] =
    ["/area_id", "/name", "/description", "/points_price", "/stock", "/limit_per_person", "/valid_from", "/valid_to", "/pickup_place"];

/// The form's text inputs, as typed.
#[derive(Debug, Clone, Default, PartialEq)]
struct Typed {
    name: String,
    description: String,
    price: String,
    stock: String,
    limit: String,
    from: String,
    to: String,
    pickup: String,
    active: bool,
}

impl Typed {
    fn of(item: &ShopItem) -> Self {
        Self {
            name: item.name.clone(),
            description: item.description.clone(),
            price: item.points_price.to_string(),
            stock: item.stock.to_string(),
            limit: item.limit_per_person.to_string(),
            from: local_input(&item.valid_from),
            to: local_input(&item.valid_to),
            pickup: item.pickup_place.clone(),
            active: item.active,
        }
    }

    fn blank() -> Self {
        let now = crate::common::format::now();
        Self {
            limit: "1".to_owned(),
            from: local_input(&now),
            to: local_input(&(now + chrono::Duration::days(30))),
            active: true,
            ..Self::default()
        }
    }

    /// The input, or every field that is wrong.
    fn input(&self, area_id: Option<Id>) -> Result<ShopItemInput, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut number = |pointer: &str, text: &str, least: i64| match text.trim().parse::<i64>() {
            Ok(n) if n >= least => n,
            Ok(_) => {
                errors.push(field_error(pointer, FieldRule::OutOfRange, "too small"));
                0
            }
            Err(_) => {
                errors.push(field_error(pointer, FieldRule::Required, "a whole number is required"));
                0
            }
        };
        let points_price = number("/points_price", &self.price, 1);
        let stock = number("/stock", &self.stock, 0);
        let limit_per_person = number("/limit_per_person", &self.limit, 1);
        if area_id.is_none() {
            errors.push(field_error("/area_id", FieldRule::Required, "is required"));
        }
        if self.name.trim().is_empty() {
            errors.push(field_error("/name", FieldRule::Required, "is required"));
        }
        if self.pickup.trim().is_empty() {
            errors.push(field_error("/pickup_place", FieldRule::Required, "is required"));
        }
        let (from, to) = (parse_local_time(&self.from), parse_local_time(&self.to));
        if from.is_none() {
            errors.push(field_error("/valid_from", FieldRule::Required, "is required"));
        }
        match (from, to) {
            (_, None) => errors.push(field_error("/valid_to", FieldRule::Required, "is required")),
            (Some(f), Some(t)) if t <= f => errors.push(field_error("/valid_to", FieldRule::BeforeStart, "after valid from")),
            _ => {}
        }
        match (area_id, from, to, errors.is_empty()) {
            (Some(area_id), Some(valid_from), Some(valid_to), true) => Ok(ShopItemInput {
                area_id,
                name: self.name.trim().to_owned(),
                description: self.description.trim().to_owned(),
                points_price,
                stock,
                limit_per_person,
                valid_from,
                valid_to,
                pickup_place: self.pickup.trim().to_owned(),
                active: self.active,
            }),
            _ => Err(errors),
        }
    }
}

/// New item (`item` none) or a change of `item`; `on_saved` gets what the server kept.
#[component]
pub fn ItemForm(item: Option<ShopItem>, on_saved: Callback<ShopItem>, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let form = FormState::new();
    let editing = item.as_ref().map(|i| i.id);
    let typed = RwSignal::new(item.as_ref().map_or_else(Typed::blank, Typed::of));
    // A merchant offers in their own community; staff start from their home area and may pick another.
    let home = session.me.with_untracked(|me| me.as_ref().map(|m| (m.area.id, m.area.name.clone())));
    let area =
        RwSignal::new(item.as_ref().map(|i| (i.area_id, String::new())).filter(|(id, _)| Some(*id) != home.as_ref().map(|h| h.0)).or(home));
    let on_pick = Callback::new(move |a: Area| area.set(Some((a.id, a.name))));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.start();
        let input = match typed.with_untracked(|t| t.input(area.with_untracked(|a| a.as_ref().map(|(id, _)| *id)))) {
            Ok(input) => input,
            Err(errors) => {
                form.invalid(errors);
                return reveal_first_error(".shop-item-form");
            }
        };
        spawn_local(async move {
            let answer = match editing {
                Some(id) => change_item(id, &input).await,
                None => offer_item(&input).await,
            };
            match answer {
                Ok(saved) => {
                    form.done();
                    on_saved.run(saved);
                }
                Err(e) => {
                    form.failed(i18n, &e);
                    reveal_first_error(".shop-item-form");
                }
            }
        });
    };
    let text = move |get: fn(&Typed) -> String| move || typed.with(get);
    macro_rules! set {
        ($field:ident) => {
            move |ev| {
                let v = event_target_value(&ev);
                typed.update(|t| t.$field = v)
            }
        };
    }
    view! {
        <form class="form panel shop-item-form" on:submit=submit novalidate data-testid="shop-item-form">
            <h2>{tr(if editing.is_some() { k!("shop.edit_item") } else { k!("shop.new_item") })}</h2>
            <FormSummary form placed=&PLACED/>
            <div class="grid-fields">
                <FieldGroup label=k!("shop.area") pointer="/area_id" form>
                    {move || match area.get() {
                        Some((_, name)) => view! {
                            <span class="chip" data-testid="shop-area-chip">
                                {if name.is_empty() { i18n.t(k!("shop.item_area")).to_owned() } else { name }}
                                <button type="button" class="chip-x" aria-label=tr(k!("action.clear")) on:click=move |_| area.set(None)>"×"</button>
                            </span>
                        }.into_any(),
                        None => view! { <AreaSearch on_pick placeholder=k!("shop.area_search") testid="shop-area"/> }.into_any(),
                    }}
                </FieldGroup>
                <Field label=k!("shop.name") pointer="/name" form>
                    <input type="text" maxlength="100" data-testid="shop-name" prop:value=text(|t| t.name.clone()) on:input=set!(name)/>
                </Field>
                <Field label=k!("shop.points_price") pointer="/points_price" form>
                    <input type="number" min="1" inputmode="numeric" data-testid="shop-price" prop:value=text(|t| t.price.clone()) on:input=set!(price)/>
                </Field>
                <Field label=k!("shop.stock") pointer="/stock" form hint=k!("shop.stock_hint")>
                    <input type="number" min="0" inputmode="numeric" data-testid="shop-stock-input" prop:value=text(|t| t.stock.clone()) on:input=set!(stock)/>
                </Field>
                <Field label=k!("shop.limit") pointer="/limit_per_person" form>
                    <input type="number" min="1" inputmode="numeric" data-testid="shop-limit" prop:value=text(|t| t.limit.clone()) on:input=set!(limit)/>
                </Field>
                <Field label=k!("shop.valid_from") pointer="/valid_from" form>
                    <input type="datetime-local" data-testid="shop-from" prop:value=text(|t| t.from.clone()) on:input=set!(from)/>
                </Field>
                <Field label=k!("shop.valid_to") pointer="/valid_to" form>
                    <input type="datetime-local" data-testid="shop-to" prop:value=text(|t| t.to.clone()) on:input=set!(to)/>
                </Field>
                <Field label=k!("shop.pickup_place") pointer="/pickup_place" form>
                    <input type="text" maxlength="200" data-testid="shop-pickup" prop:value=text(|t| t.pickup.clone()) on:input=set!(pickup)/>
                </Field>
            </div>
            <Field label=k!("shop.description") pointer="/description" form>
                <textarea maxlength="2000" rows="3" data-testid="shop-description" prop:value=text(|t| t.description.clone()) on:input=set!(description)></textarea>
            </Field>
            <label class="checkbox">
                <input type="checkbox" data-testid="shop-active" prop:checked=move || typed.with(|t| t.active)
                    on:change=move |ev| { let on = event_target_checked(&ev); typed.update(|t| t.active = on) }/>
                {tr(k!("shop.active"))}
            </label>
            <FormButtons form on_cancel submit_key={if editing.is_some() { k!("action.save") } else { k!("shop.offer") }}/>
        </form>
    }
}
