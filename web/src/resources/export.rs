//! 导出: a resource table as Excel or CSV (within the chosen area), and handing any file the API sends
//! (an export, the import template) to the browser as a download. The export needs the
//! `Authorization` header, so a plain link will not do.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{Id, ResourceTable};
use wasm_bindgen::JsCast;

use crate::common::api::{self, File};
use crate::common::status::error_text;
use crate::common::i18n::{tr, use_i18n};

/// Excel and CSV of `table` (the current tab), narrowed to `area_id`.
#[component]
pub fn ResourceExport(table: Signal<ResourceTable>, area_id: Signal<Option<Id>>) -> impl IntoView {
    let i18n = use_i18n();
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let export = move |format: &'static str| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        let (t, area) = (table.get_untracked(), area_id.get_untracked());
        spawn_local(async move {
            match api::export_resources(t, format, area).await {
                Ok(file) => {
                    if save_file(&file, &format!("{}.{format}", t.as_str())).is_err() {
                        error.set(Some(i18n.t("error.unexpected").to_owned()));
                    }
                }
                Err(e) => error.set(Some(error_text(i18n, &e))),
            }
            busy.set(false);
        });
    };
    view! {
        <div class="export-buttons" data-testid="export-buttons">
            <button type="button" class="btn" disabled=busy data-testid="export-xlsx" on:click=move |_| export("xlsx")>
                {tr("export.xlsx")}
            </button>
            <button type="button" class="btn" disabled=busy data-testid="export-csv" on:click=move |_| export("csv")>
                {tr("export.csv")}
            </button>
            {move || error.get().map(|e| view! { <span class="state-error" role="alert">{e}</span> })}
        </div>
    }
}

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
