//! 积分商城, staff and merchant side: the items with their offer form (`/shop`, [`items_page`],
//! [`item_form`]) and the orders with hand-over and cancellation (`/shop/orders`, [`orders_page`],
//! [`order_actions`]); their API calls (also the resident's phone page's cancellation).

pub mod endpoints;
pub mod item_form;
pub mod items_page;
pub mod order_actions;
pub mod orders_page;
