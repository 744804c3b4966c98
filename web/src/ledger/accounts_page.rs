//! `/ledger` 账户与余额: the ledger accounts of the caller's area — holder, unit, balance and floor —
//! narrowed by holder name, unit, holder kind and area, in the order picked, with the totals per unit
//! of everything the filters select (not only the page shown). Admins also see the ledger check.

use leptos::prelude::*;
use shared::{Area, HolderKind, Id, LedgerAccount, LedgerUnit, Page, UnitTotal};

use crate::common::api::ApiResult;
use crate::common::area_picker::AreaSearch;
use crate::common::format::local_time;
use crate::common::i18n::{tr, tr_word, use_i18n};
use crate::common::paged::Paged;
use crate::common::session::use_session;
use crate::common::status::Empty;
use crate::common::widgets::HeadRow;
use crate::ledger::amount::{amount_text, unit_key};
use crate::ledger::check_panel::CheckPanel;
use crate::ledger::endpoints::{AccountFilter, ledger_accounts};
use crate::messages::Key;

const HEADS: [Key; 6] =
    [k!("ledger.holder"), k!("ledger.holder_kind"), k!("ledger.unit"), k!("ledger.balance"), k!("ledger.floor"), k!("ledger.opened")];
/// The orders the API offers, with their labels.
const SORTS: [(&str, Key); 3] =
    [("-id", k!("ledger.sort_newest")), ("id", k!("ledger.sort_oldest")), ("holder_name", k!("ledger.sort_holder"))];

/// `/ledger`.
#[component]
pub fn LedgerPage() -> impl IntoView {
    let session = use_session();
    view! {
        <div class="page-head">
            <h1 class="page-title">{tr(k!("nav.ledger"))}</h1>
            <div class="spacer"></div>
            <Show when=move || session.permissions().read_ledger>
                <a class="btn" href="/ledger/rules" data-testid="ledger-rules-link">{tr(k!("lrules.link"))}</a>
            </Show>
        </div>
        <Show when=move || session.permissions().read_ledger fallback=|| view! { <Empty key=k!("error.forbidden")/> }>
            <AccountList/>
        </Show>
        <Show when=move || session.permissions().check_ledger>
            <CheckPanel/>
        </Show>
    }
}

#[component]
fn AccountList() -> impl IntoView {
    let i18n = use_i18n();
    let q = RwSignal::new(String::new());
    let unit = RwSignal::new(None::<LedgerUnit>);
    let holder_kind = RwSignal::new(None::<HolderKind>);
    let area = RwSignal::new(None::<(Id, String)>);
    let sort = RwSignal::new("-id");
    let filter = Memo::new(move |_| AccountFilter {
        q: q.get(),
        unit: unit.get(),
        holder_kind: holder_kind.get(),
        area_id: area.with(|a| a.as_ref().map(|(id, _)| *id)),
        sort: sort.get(),
    });
    let totals = RwSignal::new(Vec::<UnitTotal>::new());
    let accounts = Paged::<LedgerAccount>::new();
    let fetch = move |cursor: Option<String>| {
        let f = filter.get_untracked();
        async move { account_page(f, cursor, totals).await }
    };
    Effect::new(move |_| {
        filter.track();
        accounts.reload(fetch);
    });
    let more = Callback::new(move |()| accounts.more(fetch));
    let retry = Callback::new(move |()| accounts.reload(fetch));
    let pick_area = Callback::new(move |a: Area| area.set(Some((a.id, a.name))));
    view! {
        <div class="toolbar" data-testid="ledger-filters">
            <input type="search" data-testid="ledger-q" aria-label=tr(k!("ledger.search")) placeholder=tr(k!("ledger.search"))
                on:change=move |ev| q.set(event_target_value(&ev))/>
            <select data-testid="ledger-unit" aria-label=tr(k!("ledger.unit"))
                on:change=move |ev| unit.set(LedgerUnit::parse(&event_target_value(&ev)))>
                <option value="">{tr(k!("ledger.all_units"))}</option>
                {LedgerUnit::ALL.into_iter().map(|u| view! { <option value=u.as_str()>{tr(unit_key(u))}</option> }).collect_view()}
            </select>
            <select data-testid="ledger-holder-kind" aria-label=tr(k!("ledger.holder_kind"))
                on:change=move |ev| holder_kind.set(HolderKind::parse(&event_target_value(&ev)))>
                <option value="">{tr(k!("ledger.all_holders"))}</option>
                {HolderKind::ALL.into_iter().map(|k| view! {
                    <option value=k.as_str()>{tr_word(words!("holder"), k.as_str().to_owned())}</option>
                }).collect_view()}
            </select>
            <select data-testid="ledger-sort" aria-label=tr(k!("ledger.sort"))
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    sort.set(SORTS.iter().find(|(code, _)| *code == v).map_or("-id", |(code, _)| code));
                }>
                {SORTS.into_iter().map(|(code, key)| view! { <option value=code>{tr(key)}</option> }).collect_view()}
            </select>
            {move || match area.get() {
                Some((_, name)) => view! {
                    <span class="chip" data-testid="ledger-area">
                        {name}
                        <button type="button" class="chip-x" aria-label=tr(k!("ledger.clear_area"))
                            data-testid="ledger-area-clear" on:click=move |_| area.set(None)>"✕"</button>
                    </span>
                }.into_any(),
                None => view! { <AreaSearch on_pick=pick_area placeholder=k!("ledger.area_search") testid="ledger-area-search"/> }.into_any(),
            }}
        </div>
        <p class="totals" data-testid="ledger-totals">
            {move || totals.get().into_iter().map(|t| view! {
                <span class="total" data-testid="ledger-total" data-unit=t.unit.as_str()>
                    {tr(unit_key(t.unit))}": "
                    <strong>{move || amount_text(i18n, t.unit, t.balance, false)}</strong>
                    " · "{move || i18n.count(k!("ledger.accounts_count"), t.accounts)}
                </span>
            }).collect_view()}
        </p>
        <div class="table-wrap">
            <table class="table ledger-table" data-testid="ledger-accounts">
                <HeadRow keys=&HEADS/>
                <tbody>
                    <For each=move || accounts.items.get() key=|a| (a.id, a.balance) let:account>
                        <AccountRow account/>
                    </For>
                </tbody>
            </table>
        </div>
        {accounts.footer(k!("ledger.no_accounts"), more, retry)}
    }
}

async fn account_page(filter: AccountFilter, cursor: Option<String>, totals: RwSignal<Vec<UnitTotal>>) -> ApiResult<Page<LedgerAccount>> {
    let first = cursor.is_none();
    let page = ledger_accounts(filter, cursor).await?;
    if first {
        totals.set(page.totals);
    }
    Ok(Page { items: page.items, next_cursor: page.next_cursor })
}

#[component]
fn AccountRow(account: LedgerAccount) -> impl IntoView {
    let i18n = use_i18n();
    let (unit, balance, floor) = (account.unit, account.balance, account.floor);
    let tone = if balance < 0 { "amount-out" } else { "" };
    view! {
        <tr data-testid="ledger-account" data-account-id=account.id>
            <td><a href=format!("/ledger/accounts/{}", account.id) data-testid="ledger-account-link">{account.holder_name.clone()}</a></td>
            <td>{tr_word(words!("holder"), account.holder_kind.as_str().to_owned())}</td>
            <td>{tr(unit_key(unit))}</td>
            <td class=format!("num {tone}") data-testid="ledger-balance">{move || amount_text(i18n, unit, balance, false)}</td>
            <td class="num">{move || floor.map_or_else(|| i18n.t(k!("ledger.no_floor")).to_owned(), |f| amount_text(i18n, unit, f, false))}</td>
            <td class="small">{local_time(&account.created_at)}</td>
        </tr>
    }
}
