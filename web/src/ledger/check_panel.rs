//! The ledger check (GET /ledger/check) for district and platform admins: run on demand, because it
//! reads every posting; shows whether the books balance and, per unit, the sums that must agree.

use leptos::prelude::*;
use shared::LedgerCheck;

use crate::common::i18n::{tr, use_i18n};
use crate::common::status::{ErrorBox, Loading};
use crate::common::widgets::HeadRow;
use crate::ledger::amount::unit_key;
use crate::ledger::endpoints::ledger_check;
use crate::messages::Key;

const HEADS: [Key; 6] = [
    k!("ledger.unit"),
    k!("ledger.check_accounts"),
    k!("ledger.check_postings"),
    k!("ledger.check_postings_sum"),
    k!("ledger.check_kept_sum"),
    k!("ledger.check_mismatched"),
];

/// "对账" with its result under it.
#[component]
pub fn CheckPanel() -> impl IntoView {
    let check = Action::new_local(|_: &()| ledger_check());
    let busy = check.pending();
    let run = move || {
        check.dispatch_local(());
    };
    let retry = Callback::new(move |()| run());
    view! {
        <section class="panel ledger-check" data-testid="ledger-check">
            <div class="page-head">
                <h2>{tr(k!("ledger.check"))}</h2>
                <div class="spacer"></div>
                <button type="button" class="btn" data-testid="ledger-check-run" disabled=busy on:click=move |_| run()>
                    {tr(k!("ledger.check_run"))}
                </button>
            </div>
            <p class="muted">{tr(k!("ledger.check_hint"))}</p>
            {move || if busy.get() {
                view! { <Loading/> }.into_any()
            } else {
                match check.value().get() {
                    None => ().into_any(),
                    Some(Err(error)) => view! { <ErrorBox error on_retry=retry/> }.into_any(),
                    Some(Ok(check)) => view! { <CheckResult check/> }.into_any(),
                }
            }}
        </section>
    }
}

#[component]
fn CheckResult(check: LedgerCheck) -> impl IntoView {
    let i18n = use_i18n();
    let (balanced, transfers, unbalanced, ms) = (check.balanced, check.transfers, check.unbalanced_transfers, check.checked_in_ms);
    view! {
        <p class={if balanced { "notice" } else { "notice notice-warn" }} role="status" data-testid="ledger-check-result"
            data-balanced=balanced.to_string()>
            {move || i18n.t(if balanced { k!("ledger.check_ok") } else { k!("ledger.check_bad") })}
            " "{move || i18n.t(k!("ledger.check_summary")).replace("{transfers}", &transfers.to_string())
                .replace("{unbalanced}", &unbalanced.to_string()).replace("{ms}", &ms.to_string())}
        </p>
        <div class="table-wrap">
            <table class="table" data-testid="ledger-check-units">
                <HeadRow keys=&HEADS/>
                <tbody>
                    {check.units.into_iter().map(|u| view! {
                        <tr data-unit=u.unit.as_str()>
                            <td>{tr(unit_key(u.unit))}</td>
                            <td class="num">{u.accounts}</td>
                            <td class="num">{u.postings}</td>
                            <td class="num">{u.postings_sum}</td>
                            <td class="num">{u.kept_sum}</td>
                            <td class="num" class:amount-out=u.mismatched_accounts != 0>{u.mismatched_accounts}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
