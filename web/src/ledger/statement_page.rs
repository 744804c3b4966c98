//! `/ledger/accounts/:id` 账户明细: one account — holder, unit, balance, floor — and its statement,
//! newest first, each line with the running balance after it, between two dates when given. Staff
//! who adjust the ledger reverse a line's transfer there ([`crate::ledger::reverse_form`]).

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::{HolderKind, Id, LedgerAccount, LedgerUnit, Page, StatementLine, TransferKind};

use crate::common::api::ApiResult;
use crate::common::format::{local_time, parse_date};
use crate::common::i18n::{tr, tr_word, use_i18n};
use crate::common::paged::Paged;
use crate::common::session::use_session;
use crate::common::status::Empty;
use crate::common::widgets::HeadRow;
use crate::ledger::amount::{amount_text, unit_key};
use crate::ledger::endpoints::account_statement;
use crate::ledger::reverse_form::ReverseForm;
use crate::messages::Key;

const HEADS: [Key; 5] = [k!("ledger.at"), k!("ledger.kind"), k!("ledger.reason"), k!("ledger.amount"), k!("ledger.balance_after")];

/// `/ledger/accounts/:id`.
#[component]
pub fn StatementPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|v| v.parse::<Id>().ok())));
    view! {
        <nav class="crumbs back-link">
            <a href="/ledger" data-testid="ledger-back">"← "{tr(k!("ledger.back"))}</a>
        </nav>
        {move || match id.get() {
            Some(id) => view! { <AccountStatement id/> }.into_any(),
            None => view! { <Empty key=k!("error.not_found")/> }.into_any(),
        }}
    }
}

#[component]
fn AccountStatement(id: Id) -> impl IntoView {
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let account = RwSignal::new(None::<LedgerAccount>);
    let lines = Paged::<StatementLine>::new();
    let fetch = move |cursor: Option<String>| {
        let (f, t) = (parse_date(&from.get_untracked()), parse_date(&to.get_untracked()));
        async move { statement_page(id, f, t, cursor, account).await }
    };
    Effect::new(move |_| {
        from.track();
        to.track();
        lines.reload(fetch);
    });
    let more = Callback::new(move |()| lines.more(fetch));
    let retry = Callback::new(move |()| lines.reload(fetch));
    // A reversal adds a line and changes the balance: read both again.
    let reversed = Callback::new(move |()| lines.reload(fetch));
    view! {
        {move || account.get().map(|a| view! { <AccountHead account=a/> })}
        <div class="toolbar" data-testid="statement-filters">
            <label class="inline-field">{tr(k!("ledger.from"))}
                <input type="date" data-testid="statement-from" prop:value=from on:change=move |ev| from.set(event_target_value(&ev))/>
            </label>
            <label class="inline-field">{tr(k!("ledger.to"))}
                <input type="date" data-testid="statement-to" prop:value=to on:change=move |ev| to.set(event_target_value(&ev))/>
            </label>
            {move || (!from.get().is_empty() || !to.get().is_empty()).then(|| view! {
                <button type="button" class="btn btn-ghost" data-testid="statement-clear"
                    on:click=move |_| { from.set(String::new()); to.set(String::new()); }>{tr(k!("ledger.all_dates"))}</button>
            })}
        </div>
        <div class="table-wrap">
            <table class="table statement-table" data-testid="statement">
                <HeadRow keys=&HEADS extra=1/>
                <tbody>
                    // Keyed by the reversal too: a line reversed since the last read is drawn again as 已冲正.
                    <For each=move || lines.items.get() key=|l| (l.posting_id, l.reversed_by) let:line>
                        <LineRow line unit=account.with_untracked(|a| a.as_ref().map_or(LedgerUnit::Points, |a| a.unit)) on_reversed=reversed/>
                    </For>
                </tbody>
            </table>
        </div>
        {lines.footer(k!("ledger.no_lines"), more, retry)}
    }
}

async fn statement_page(
    id: Id,
    from: Option<chrono::NaiveDate>,
    to: Option<chrono::NaiveDate>,
    cursor: Option<String>,
    account: RwSignal<Option<LedgerAccount>>,
) -> ApiResult<Page<StatementLine>> {
    let statement = account_statement(id, from, to, cursor).await?;
    account.set(Some(statement.account));
    Ok(Page { items: statement.items, next_cursor: statement.next_cursor })
}

#[component]
fn AccountHead(account: LedgerAccount) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let (unit, balance, floor) = (account.unit, account.balance, account.floor);
    let person = matches!(account.holder_kind, HolderKind::Volunteer | HolderKind::Resident);
    let profile = format!("/volunteers/{}", account.holder_id);
    view! {
        <div class="page-head">
            <h1 class="page-title" data-testid="statement-holder">{account.holder_name.clone()}</h1>
            <span class="badge">{tr_word(words!("holder"), account.holder_kind.as_str().to_owned())}</span>
            <div class="spacer"></div>
            {move || (person && session.permissions().read_volunteers).then(|| view! {
                <a class="btn" href=profile.clone() data-testid="statement-volunteer">{tr(k!("ledger.volunteer_profile"))}</a>
            })}
        </div>
        <dl class="facts" data-testid="statement-account">
            <dt>{tr(k!("ledger.unit"))}</dt><dd>{tr(unit_key(unit))}</dd>
            <dt>{tr(k!("ledger.balance"))}</dt>
            <dd data-testid="statement-balance"><strong>{move || amount_text(i18n, unit, balance, false)}</strong></dd>
            <dt>{tr(k!("ledger.floor"))}</dt>
            <dd>{move || floor.map_or_else(|| i18n.t(k!("ledger.no_floor")).to_owned(), |f| amount_text(i18n, unit, f, false))}</dd>
            <dt>{tr(k!("ledger.opened"))}</dt><dd>{local_time(&account.created_at)}</dd>
        </dl>
    }
}

#[component]
fn LineRow(line: StatementLine, unit: LedgerUnit, on_reversed: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let (amount, after, transfer) = (line.amount, line.balance_after, line.transfer_id);
    let tone = if amount < 0 { "num amount-out" } else { "num amount-in" };
    let open = RwSignal::new(false);
    // A reversal is itself a correction, and a transfer is reversed once: neither is offered again.
    let reversed_by = line.reversed_by;
    let reversible = line.kind != TransferKind::Reversal && reversed_by.is_none();
    view! {
        <tr data-testid="statement-line" data-transfer-id=transfer data-kind=line.kind.as_str()
            data-reversed-by=reversed_by.map(|r| r.to_string())>
            <td class="small">{local_time(&line.at)}</td>
            <td>{tr_word(words!("mtransfer"), line.kind.as_str().to_owned())}</td>
            <td>{line.reason.clone()}</td>
            <td class=tone data-testid="statement-amount">{move || amount_text(i18n, unit, amount, true)}</td>
            <td class="num" data-testid="balance-after">{move || amount_text(i18n, unit, after, false)}</td>
            <td>
                {reversed_by.map(|by| view! {
                    <span class="badge" data-testid="statement-reversed" title=move || i18n.t(k!("ledger.reversed_by")).replace("{id}", &by.to_string())>
                        {tr(k!("ledger.reversed"))}" #"{by}
                    </span>
                })}
                {move || (reversible && session.permissions().adjust_ledger && !open.get()).then(|| view! {
                    <button type="button" class="btn btn-small" data-testid="reverse-open" on:click=move |_| open.set(true)>
                        {tr(k!("ledger.reverse"))}
                    </button>
                })}
            </td>
        </tr>
        {move || open.get().then(|| view! {
            <tr class="inline-form-row">
                <td colspan="6">
                    <ReverseForm transfer on_done=Callback::new(move |()| { open.set(false); on_reversed.run(()); })
                        on_cancel=Callback::new(move |()| open.set(false))/>
                </td>
            </tr>
        })}
    }
}
