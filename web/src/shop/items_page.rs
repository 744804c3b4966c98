//! `/shop` 积分商城物品: the points-shop items the caller may manage — merchants see their own, staff
//! every item of their subtree (the API scopes them) — with price, stock, limit per person, valid
//! dates, pick-up place and whether residents can redeem it now; searchable and sortable, with the
//! total. "上架物品" offers one; each row's 编辑 changes it in the same form.

use leptos::prelude::*;
use shared::{Page, ShopItem};

use crate::common::api::ApiResult;
use crate::common::format::local_time;
use crate::common::i18n::{tr, use_i18n};
use crate::common::paged::Paged;
use crate::common::session::use_session;
use crate::common::status::Empty;
use crate::common::widgets::HeadRow;
use crate::messages::Key;
use crate::shop::endpoints::shop_item_page;
use crate::shop::item_form::ItemForm;

const HEADS: [Key; 7] = [
    k!("shop.name"),
    k!("shop.points_price"),
    k!("shop.stock"),
    k!("shop.limit"),
    k!("shop.valid"),
    k!("shop.pickup_place"),
    k!("shop.state"),
];
const SORTS: [(&str, Key); 3] = [("-id", k!("shop.sort_newest")), ("id", k!("shop.sort_oldest")), ("name", k!("shop.sort_name"))];

/// Which form is open: none, a new item, or a change of one.
#[derive(Debug, Clone, PartialEq)]
enum Editing {
    Closed,
    New,
    // Boxed: an item is large beside the other two.
    Item(Box<ShopItem>),
}

/// `/shop`.
#[component]
pub fn ShopItemsPage() -> impl IntoView {
    let session = use_session();
    view! {
        <Show when=move || session.permissions().offer_shop_items fallback=|| view! {
            <h1 class="page-title">{tr(k!("nav.shop"))}</h1>
            <Empty key=k!("error.forbidden")/>
        }>
            <ItemList/>
        </Show>
    }
}

#[component]
fn ItemList() -> impl IntoView {
    let i18n = use_i18n();
    let q = RwSignal::new(String::new());
    let sort = RwSignal::new("-id");
    let total = RwSignal::new(None::<i64>);
    let editing = RwSignal::new(Editing::Closed);
    let items = Paged::<ShopItem>::new();
    let fetch = move |cursor: Option<String>| {
        let (q, sort) = (q.get_untracked(), sort.get_untracked());
        async move { item_page(q, sort, cursor, total).await }
    };
    Effect::new(move |_| {
        q.track();
        sort.track();
        items.reload(fetch);
    });
    let more = Callback::new(move |()| items.more(fetch));
    let retry = Callback::new(move |()| items.reload(fetch));
    let saved = Callback::new(move |_: ShopItem| {
        editing.set(Editing::Closed);
        items.reload(fetch);
    });
    let cancel = Callback::new(move |()| editing.set(Editing::Closed));
    view! {
        <div class="page-head">
            <h1 class="page-title">{tr(k!("nav.shop"))}</h1>
            <div class="spacer"></div>
            <a class="btn" href="/shop/orders" data-testid="shop-orders-link">{tr(k!("nav.shop_orders"))}</a>
            <button type="button" class="btn btn-primary" data-testid="shop-item-new" on:click=move |_| editing.set(Editing::New)>
                "+ "{tr(k!("shop.new_item"))}
            </button>
        </div>
        {move || match editing.get() {
            Editing::Closed => ().into_any(),
            Editing::New => view! { <ItemForm item=None on_saved=saved on_cancel=cancel/> }.into_any(),
            Editing::Item(item) => view! { <ItemForm item=Some(*item) on_saved=saved on_cancel=cancel/> }.into_any(),
        }}
        <div class="toolbar">
            <input type="search" data-testid="shop-q" aria-label=tr(k!("shop.search")) placeholder=tr(k!("shop.search"))
                on:change=move |ev| q.set(event_target_value(&ev))/>
            <select data-testid="shop-sort" aria-label=tr(k!("shop.sort"))
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    sort.set(SORTS.iter().find(|(code, _)| *code == v).map_or("-id", |(code, _)| code));
                }>
                {SORTS.into_iter().map(|(code, key)| view! { <option value=code>{tr(key)}</option> }).collect_view()}
            </select>
            <span class="muted" data-testid="shop-total">
                {move || total.get().map(|n| i18n.count(k!("shop.total_items"), n))}
            </span>
        </div>
        <div class="table-wrap">
            <table class="table shop-table" data-testid="shop-items-table">
                <HeadRow keys=&HEADS extra=1/>
                <tbody>
                    <For each=move || items.items.get() key=|i| (i.id, i.updated_at) let:item>
                        <ItemRow item on_edit=Callback::new(move |i| editing.set(Editing::Item(Box::new(i))))/>
                    </For>
                </tbody>
            </table>
        </div>
        {items.footer(k!("shop.no_items"), more, retry)}
    }
}

async fn item_page(q: String, sort: &'static str, cursor: Option<String>, total: RwSignal<Option<i64>>) -> ApiResult<Page<ShopItem>> {
    let first = cursor.is_none();
    let page = shop_item_page(q, sort, cursor).await?;
    if first {
        total.set(Some(page.total));
    }
    Ok(Page { items: page.items, next_cursor: page.next_cursor })
}

#[component]
fn ItemRow(item: ShopItem, on_edit: Callback<ShopItem>) -> impl IntoView {
    let i18n = use_i18n();
    let state = if item.available {
        k!("shop.state_available")
    } else if !item.active {
        k!("shop.state_inactive")
    } else if item.stock == 0 {
        k!("shop.state_sold_out")
    } else {
        k!("shop.state_out_of_dates")
    };
    let seller = item.provider_name.clone().unwrap_or_else(|| item.offered_by_name.clone());
    let price = item.points_price;
    let orders = format!("/shop/orders?item={}", item.id);
    let edit = item.clone();
    view! {
        <tr data-testid="shop-item-row" data-item-id=item.id data-available=item.available.to_string()>
            <td>
                <strong data-testid="shop-item-name">{item.name.clone()}</strong>
                <div class="small muted">{seller}</div>
            </td>
            <td class="num">{move || i18n.number(price as f64, 0)}</td>
            <td class="num" data-testid="shop-item-stock">{item.stock}</td>
            <td class="num">{item.limit_per_person}</td>
            <td class="small">{local_time(&item.valid_from)}" – "{local_time(&item.valid_to)}</td>
            <td>{item.pickup_place.clone()}</td>
            <td><span class="badge" data-testid="shop-item-state">{tr(state)}</span></td>
            <td class="row-actions">
                <button type="button" class="btn btn-small" data-testid="shop-item-edit" on:click=move |_| on_edit.run(edit.clone())>
                    {tr(k!("action.edit"))}
                </button>
                <a class="btn btn-small btn-ghost" href=orders data-testid="shop-item-orders">{tr(k!("shop.item_orders"))}</a>
            </td>
        </tr>
    }
}
