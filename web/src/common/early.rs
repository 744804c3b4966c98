//! The answers `index.html` asked for before the main module ran (`window.hhEarly`): a page opened
//! directly reads `/me` and, for a few pages, its first list while its code is still downloading.
//! A GET that matches one of them, by URL and access token, takes that answer instead of asking
//! again; anything else, or an early request that failed, is sent as usual.

use gloo_net::http::Response;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The early answer to `url` asked with `access`, once; `None` when there is none to take.
pub async fn take(url: &str, access: &str) -> Option<Response> {
    let early = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("hhEarly")).ok()?;
    let take: js_sys::Function = js_sys::Reflect::get(&early, &JsValue::from_str("take")).ok()?.dyn_into().ok()?;
    let answer: js_sys::Promise = take.call2(&early, &JsValue::from_str(url), &JsValue::from_str(access)).ok()?.dyn_into().ok()?;
    let raw: web_sys::Response = JsFuture::from(answer).await.ok()?.dyn_into().ok()?;
    Some(Response::from(raw))
}
