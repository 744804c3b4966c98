//! `/shop/orders` 兑换订单: the orders of the items the caller manages (merchants: their own), newest
//! first, by status and, from an item's row, by item; with the count and points of everything the
//! filter selects. A reserved order is handed over against the pick-up code the resident shows, or
//! cancelled with a reason (the points go back by reversal).

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use shared::{Id, Page, ShopOrder, ShopOrderStatus};

use crate::common::api::ApiResult;
use crate::common::format::local_time;
use crate::common::i18n::{tr, tr_word, use_i18n};
use crate::common::paged::Paged;
use crate::common::session::use_session;
use crate::common::status::Empty;
use crate::common::widgets::HeadRow;
use crate::messages::Key;
use crate::shop::endpoints::shop_order_page;
use crate::shop::order_actions::OrderActions;

const HEADS: [Key; 7] = [
    k!("shop.order_no"),
    k!("shop.order_item"),
    k!("shop.resident"),
    k!("shop.points_paid"),
    k!("shop.order_status"),
    k!("shop.ordered_at"),
    k!("shop.expires"),
];

/// `/shop/orders`.
#[component]
pub fn ShopOrdersPage() -> impl IntoView {
    let session = use_session();
    view! {
        <div class="page-head">
            <h1 class="page-title">{tr(k!("nav.shop_orders"))}</h1>
            <div class="spacer"></div>
            {move || session.permissions().offer_shop_items.then(|| view! {
                <a class="btn" href="/shop" data-testid="shop-items-link">{tr(k!("nav.shop"))}</a>
            })}
        </div>
        <Show when=move || session.permissions().read_shop_orders fallback=|| view! { <Empty key=k!("error.forbidden")/> }>
            <OrderList/>
        </Show>
    }
}

/// The list URL with the filters kept (`status`, `item`).
fn list_url(status: Option<ShopOrderStatus>, item: Option<Id>) -> String {
    let mut parts = Vec::new();
    if let Some(s) = status {
        parts.push(format!("status={}", s.as_str()));
    }
    if let Some(i) = item {
        parts.push(format!("item={i}"));
    }
    if parts.is_empty() { "/shop/orders".to_owned() } else { format!("/shop/orders?{}", parts.join("&")) }
}

#[component]
fn OrderList() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let navigate = use_navigate();
    let status = Memo::new(move |_| query.with(|q| ShopOrderStatus::parse(&q.get("status").unwrap_or_default())));
    let item = Memo::new(move |_| query.with(|q| q.get("item").and_then(|v| v.parse::<Id>().ok())));
    let totals = RwSignal::new(None::<(i64, i64)>);
    let orders = Paged::<ShopOrder>::new();
    let fetch = move |cursor: Option<String>| {
        let (s, i) = (status.get_untracked(), item.get_untracked());
        async move { order_page(s, i, cursor, totals).await }
    };
    Effect::new(move |_| {
        status.track();
        item.track();
        orders.reload(fetch);
    });
    let more = Callback::new(move |()| orders.more(fetch));
    let retry = Callback::new(move |()| orders.reload(fetch));
    let go = move |url: String| navigate(&url, NavigateOptions { replace: true, ..Default::default() });
    let go_item = go.clone();
    view! {
        <div class="toolbar">
            <select data-testid="order-filter-status" aria-label=tr(k!("shop.order_status"))
                on:change=move |ev| go(list_url(ShopOrderStatus::parse(&event_target_value(&ev)), item.get_untracked()))>
                <option value="">{tr(k!("shop.all_statuses"))}</option>
                {ShopOrderStatus::ALL.into_iter().map(|s| view! {
                    <option value=s.as_str() selected=move || status.get() == Some(s)>{tr_word(words!("morder"), s.as_str().to_owned())}</option>
                }).collect_view()}
            </select>
            {move || item.get().map(|_| {
                let go_item = go_item.clone();
                view! {
                    <span class="chip" data-testid="order-item-filter">{tr(k!("shop.one_item"))}
                        <button type="button" class="chip-x" aria-label=tr(k!("action.clear"))
                            on:click=move |_| go_item(list_url(status.get_untracked(), None))>"×"</button>
                    </span>
                }
            })}
            <span class="muted" data-testid="order-totals">
                {move || totals.get().map(|(n, points)| i18n.count(k!("shop.order_totals"), n)
                    .replace("{points}", &i18n.number(points as f64, 0)))}
            </span>
        </div>
        <div class="table-wrap">
            <table class="table order-table" data-testid="shop-orders-table">
                <HeadRow keys=&HEADS extra=1/>
                <tbody>
                    <For each=move || orders.items.get() key=|o| o.id let:order>
                        <OrderRow order/>
                    </For>
                </tbody>
            </table>
        </div>
        {orders.footer(k!("shop.no_orders"), more, retry)}
    }
}

async fn order_page(
    status: Option<ShopOrderStatus>,
    item: Option<Id>,
    cursor: Option<String>,
    totals: RwSignal<Option<(i64, i64)>>,
) -> ApiResult<Page<ShopOrder>> {
    let first = cursor.is_none();
    let page = shop_order_page(status, item, cursor).await?;
    if first {
        totals.set(Some((page.total, page.total_points)));
    }
    Ok(Page { items: page.items, next_cursor: page.next_cursor })
}

#[component]
fn OrderRow(order: ShopOrder) -> impl IntoView {
    let i18n = use_i18n();
    let id = order.id;
    let current = RwSignal::new(order);
    let field = move |get: fn(&ShopOrder) -> String| move || current.with(get);
    view! {
        <tr data-testid="shop-order-row" data-order-id=id data-status=move || current.with(|o| o.status.as_str())>
            <td class="num">"#"{id}</td>
            <td>{field(|o| format!("{} × {}", o.item_name, o.quantity))}</td>
            <td>{field(|o| o.resident_name.clone())}</td>
            <td class="num">{move || current.with(|o| i18n.number(o.points as f64, 0))}</td>
            <td>
                <span class=move || format!("badge order-{}", current.with(|o| o.status.as_str())) data-testid="shop-order-status">
                    {move || i18n.dynamic(words!("morder"), current.with(|o| o.status.as_str()))}
                </span>
            </td>
            <td class="small">{field(|o| local_time(&o.created_at))}</td>
            <td class="small">{move || current.with(|o| match o.closed_at {
                Some(at) => local_time(&at),
                None => local_time(&o.expires_at),
            })}</td>
            <td class="row-actions">
                <OrderActions order=current/>
            </td>
        </tr>
    }
}
