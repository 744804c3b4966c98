//! Handing any file the API sends (an export, an import template) to the browser as a download. Such
//! files need the `Authorization` header, so a plain link will not do: they are fetched with the typed
//! client and saved through an object URL.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::common::api::File;

/// Hands `file` to the browser as a download (named as the server suggests, else `fallback`).
pub fn save_file(file: &File, fallback: &str) -> Result<(), wasm_bindgen::JsValue> {
    let bytes = js_sys::Uint8Array::from(file.bytes.as_slice());
    let parts = js_sys::Array::of1(&bytes);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(&file.content_type);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or_else(|| wasm_bindgen::JsValue::from_str("no document"))?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(file.name.as_deref().unwrap_or(fallback));
    link.click();
    // Some browsers read the URL after click() returns; free it a little later.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}
