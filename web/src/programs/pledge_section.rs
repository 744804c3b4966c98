//! 资源认捐: what each partner pledged and what has been delivered, with a fulfilment bar per pledge,
//! totals per resource kind and per partner (each kind in its own measure), the record-delivery form
//! of each pledge and the form that adds a pledge.

use leptos::prelude::*;
use shared::{Pledge, ProgramDetail, ResourceKind};

use crate::common::i18n::{tr, tr_label, use_i18n};
use crate::common::status::Empty;
use crate::common::widgets::{Bar, HeadRow};
use crate::messages::Key;
use crate::programs::bits::{AddToggle, is_running};
use crate::programs::labels::{RESOURCE_KINDS, measure};
use crate::programs::pledge_forms::{DeliveryForm, PledgeForm};

const HEADS: [Key; 6] = [
    k!("pledge.partner"),
    k!("pledge.kind"),
    k!("pledge.description"),
    k!("pledge.pledged"),
    k!("pledge.delivered"),
    k!("pledge.fulfilment"),
];

/// One kind's pledged and delivered totals in its measure; the unit when all its pledges share one.
struct KindTotal {
    kind: ResourceKind,
    pledged: f64,
    delivered: f64,
    unit: Option<String>,
}

fn totals<'a>(pledges: impl Iterator<Item = &'a Pledge> + Clone) -> Vec<KindTotal> {
    RESOURCE_KINDS
        .into_iter()
        .filter_map(|kind| {
            let of_kind: Vec<&Pledge> = pledges.clone().filter(|p| p.kind == kind).collect();
            let first_unit = of_kind.first().and_then(|p| p.unit.clone());
            (!of_kind.is_empty()).then(|| KindTotal {
                kind,
                pledged: of_kind.iter().map(|p| measure(kind, &p.pledged)).sum(),
                delivered: of_kind.iter().map(|p| measure(kind, &p.delivered)).sum(),
                unit: first_unit.filter(|u| of_kind.iter().all(|p| p.unit.as_ref() == Some(u))),
            })
        })
        .collect()
}

fn share(delivered: f64, pledged: f64) -> f64 {
    if pledged > 0.0 { delivered / pledged } else { 0.0 }
}

/// Everything about pledges; `editable` adds the forms (deliveries only once the program runs).
#[component]
pub fn PledgeSection(detail: ProgramDetail, editable: bool, on_update: Callback<ProgramDetail>) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let program_id = detail.program.id;
    let running = is_running(detail.program.status);
    let pledges = detail.pledges.clone();
    let partners = detail.partners.clone();
    let deliveries = detail.deliveries.clone();
    let done = Callback::new(move |d: ProgramDetail| {
        open.set(false);
        on_update.run(d);
    });
    let by_kind = totals(pledges.iter());
    let by_partner: Vec<(String, Vec<KindTotal>, f64)> = partners
        .iter()
        .filter_map(|partner| {
            let own = pledges.iter().filter(|p| p.partner_id == partner.id);
            let count = own.clone().count();
            let mean = own.clone().map(|p| p.fulfilment.min(1.0)).sum::<f64>() / count.max(1) as f64;
            (count > 0).then(|| (partner.name.clone(), totals(own), mean))
        })
        .collect();
    let line = move |t: &KindTotal| {
        let unit = t.unit.clone();
        let (kind, pledged, delivered) = (t.kind, t.pledged, t.delivered);
        move || i18n.measure_pair(kind, delivered, pledged, unit.as_deref())
    };
    view! {
        <section class="program-section" data-testid="pledges">
            <h3>{tr(k!("pledge.title"))}</h3>
            {(!by_kind.is_empty()).then(|| view! {
                <div class="kind-totals" data-testid="kind-totals">
                    {by_kind.iter().map(|t| {
                        let kind = t.kind;
                        view! {
                            <div class="kind-total" data-kind=kind.as_str()>
                                <span class="kind-name">{tr_label(kind)}</span>
                                <Bar fraction=share(t.delivered, t.pledged) testid="kind-bar"/>
                                <span class="muted small">{line(t)}</span>
                            </div>
                        }
                    }).collect_view()}
                </div>
            })}
            {if pledges.is_empty() {
                view! { <Empty key=k!("pledge.none")/> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="table pledge-table">
                            <HeadRow keys=&HEADS extra=usize::from(editable && running)/>
                            <tbody>
                                {pledges.iter().cloned().map(|pledge| {
                                    let times = deliveries.iter().filter(|d| d.pledge_id == pledge.id).count();
                                    view! { <PledgeRow pledge times program_id can_deliver=editable && running on_update/> }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            {(by_partner.len() > 1).then(|| view! {
                <h4>{tr(k!("pledge.by_partner"))}</h4>
                <ul class="partner-totals" data-testid="partner-totals">
                    {by_partner.iter().map(|(name, kinds, mean)| view! {
                        <li>
                            <span class="partner-name">{name.clone()}</span>
                            <Bar fraction=*mean/>
                            <span class="muted small">
                                {kinds.iter().map(|t| {
                                    let kind = t.kind;
                                    let text = line(t);
                                    view! { <span class="kind-chip">{tr_label(kind)}" "{text}</span> }
                                }).collect_view()}
                            </span>
                        </li>
                    }).collect_view()}
                </ul>
            })}
            {(editable && !running).then(|| view! { <p class="muted small">{tr(k!("pledge.deliver_later"))}</p> })}
            {editable.then(|| if partners.is_empty() {
                view! { <p class="muted" data-testid="pledge-needs-partner">{tr(k!("pledge.needs_partner"))}</p> }.into_any()
            } else {
                view! {
                    <AddToggle label=k!("pledge.add") open testid="pledge-add">
                        <PledgeForm program_id partners=partners.clone() on_done=done
                            on_cancel=Callback::new(move |()| open.set(false))/>
                    </AddToggle>
                }.into_any()
            })}
        </section>
    }
}

#[component]
fn PledgeRow(pledge: Pledge, times: usize, program_id: shared::Id, can_deliver: bool, on_update: Callback<ProgramDetail>) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let kind = pledge.kind;
    let unit = pledge.unit.clone();
    let (pledged, delivered) = (pledge.pledged.clone(), pledge.delivered.clone());
    let unit2 = unit.clone();
    let done = Callback::new(move |d: ProgramDetail| {
        open.set(false);
        on_update.run(d);
    });
    let columns = if can_deliver { "7" } else { "6" };
    view! {
        <tr data-testid="pledge-row" data-pledge-id=pledge.id data-kind=kind.as_str()>
            <td>{pledge.partner_name.clone()}</td>
            <td class="nowrap"><span class="kind-chip">{tr_label(kind)}</span></td>
            <td>{pledge.description.clone()}</td>
            <td class="nowrap">{move || i18n.quantity_text(kind, &pledged, unit.as_deref())}</td>
            <td class="nowrap">
                {move || i18n.quantity_text(kind, &delivered, unit2.as_deref())}
                {(times > 0).then(|| view! { <span class="muted small">" ("{times}")"</span> })}
            </td>
            <td class="bar-cell"><Bar fraction=pledge.fulfilment testid="fulfilment-bar"/></td>
            {can_deliver.then(|| view! {
                <td class="actions">
                    <button type="button" class="btn btn-small" data-testid="delivery-add"
                        on:click=move |_| open.update(|o| *o = !*o)>
                        {tr(k!("delivery.add"))}
                    </button>
                </td>
            })}
        </tr>
        {move || open.get().then(|| view! {
            <tr class="form-row">
                <td colspan=columns>
                    <DeliveryForm program_id pledge=pledge.clone() on_done=done
                        on_cancel=Callback::new(move |()| open.set(false))/>
                </td>
            </tr>
        })}
    }
}
