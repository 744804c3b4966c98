//! 我的积分 `/m/points`: the resident's service time (时间银行) and points balances, and the statement
//! of the account picked, newest first, each line with the running balance after it; below, the
//! offers of hours to and from family ([`crate::mobile::gift_offers`]).

use leptos::prelude::*;
use shared::{Id, LedgerAccount, LedgerUnit, MyLedger, Page, StatementLine, TransferKind};

use crate::common::api::ApiResult;
use crate::common::format::local_time;
use crate::common::i18n::{tr, tr_word, use_i18n};
use crate::common::paged::Paged;
use crate::common::status::{ErrorBox, Loading};
use crate::ledger::amount::{amount_text, unit_key};
use crate::ledger::endpoints::account_statement;
use crate::mobile::gift_offers::GiftOffers;
use crate::mobile::participate_tabs::{ParticipateTabs, Section};
use crate::mobile::points_endpoints;
use crate::mobile::shell::SignedIn;

/// `/m/points`.
#[component]
pub fn ResidentPointsPage() -> impl IntoView {
    let loaded = LocalResource::new(points_endpoints::my_ledger);
    let retry = Callback::new(move |()| loaded.refetch());
    view! {
        <ParticipateTabs current=Section::Points/>
        <h1 class="m-title">{tr(k!("mpoints.title"))}</h1>
        <Transition fallback=|| view! { <Loading/> }>
            {move || loaded.get().map(|found| match found {
                Err(error) => view! { <ErrorBox error on_retry=retry/> }.into_any(),
                Ok(ledger) => view! { <Balances ledger/> }.into_any(),
            })}
        </Transition>
        <SignedIn><GiftOffers/></SignedIn>
    }
}

#[component]
fn Balances(ledger: MyLedger) -> impl IntoView {
    let i18n = use_i18n();
    if ledger.accounts.is_empty() {
        return view! {
            <div class="state state-empty" data-testid="empty">{tr(k!("mpoints.none"))}</div>
            <a class="btn btn-block" href="/m/shop">{tr(k!("mpoints.to_shop"))}</a>
        }
        .into_any();
    }
    // Points first: what the shop spends.
    let mut accounts = ledger.accounts;
    accounts.sort_by_key(|a| a.unit != LedgerUnit::Points);
    let picked = RwSignal::new(accounts[0].id);
    view! {
        <div class="m-balances" data-testid="balances">
            {accounts.iter().cloned().map(|a: LedgerAccount| {
                let id = a.id;
                view! {
                    <button type="button" class="m-balance" class:on=move || picked.get() == id
                        aria-pressed=move || (picked.get() == id).to_string()
                        data-testid="balance" data-unit=a.unit.as_str() on:click=move |_| picked.set(id)>
                        <span class="muted">{tr(unit_key(a.unit))}</span>
                        <strong data-testid="balance-amount">{move || amount_text(i18n, a.unit, a.balance, false)}</strong>
                    </button>
                }
            }).collect_view()}
        </div>
        <a class="btn btn-block" href="/m/shop" data-testid="to-shop">{tr(k!("mpoints.to_shop"))}</a>
        <h2 class="m-subtitle">{tr(k!("mpoints.statement"))}</h2>
        {move || {
            let id = picked.get();
            let unit = accounts.iter().find(|a| a.id == id).map_or(LedgerUnit::Points, |a| a.unit);
            view! { <StatementList account=id unit/> }
        }}
    }
    .into_any()
}

async fn statement_page(account: Id, cursor: Option<String>) -> ApiResult<Page<StatementLine>> {
    let s = account_statement(account, None, None, cursor).await?;
    Ok(Page { items: s.items, next_cursor: s.next_cursor })
}

#[component]
fn StatementList(account: Id, unit: LedgerUnit) -> impl IntoView {
    let lines = Paged::<StatementLine>::new();
    lines.reload(move |c| statement_page(account, c));
    let more = Callback::new(move |()| lines.more(move |c| statement_page(account, c)));
    let retry = Callback::new(move |()| lines.reload(move |c| statement_page(account, c)));
    view! {
        <ul class="m-cards" data-testid="statement">
            <For each=move || lines.items.get() key=|l| l.posting_id let:line>
                <StatementRow line unit/>
            </For>
        </ul>
        {lines.footer(k!("mpoints.no_lines"), more, retry)}
    }
}

#[component]
fn StatementRow(line: StatementLine, unit: LedgerUnit) -> impl IntoView {
    let i18n = use_i18n();
    let (amount, after) = (line.amount, line.balance_after);
    let kind: TransferKind = line.kind;
    let tone = if amount < 0 { "amount-out" } else { "amount-in" };
    view! {
        <li class="m-card statement-line" data-testid="statement-line">
            <span class="m-card-head">
                <strong>{tr_word(words!("mtransfer"), kind.as_str().to_owned())}</strong>
                <strong class=tone>{move || amount_text(i18n, unit, amount, true)}</strong>
            </span>
            {(!line.reason.is_empty()).then(|| view! { <span class="m-card-text muted">{line.reason.clone()}</span> })}
            <span class="m-card-foot muted">
                {local_time(&line.at)}
                <span class="spacer"></span>
                <span data-testid="balance-after">{move || format!("{}{}", i18n.t(k!("mpoints.balance_after")), amount_text(i18n, unit, after, false))}</span>
            </span>
        </li>
    }
}
