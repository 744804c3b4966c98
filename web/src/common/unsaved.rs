//! The unsaved-changes guard of a form. While its flag holds, closing or reloading the tab asks the
//! browser's own question, and following a link inside the dashboard, or pressing a button marked
//! `data-leaves` (signing out), asks ours first. The browser's back button is not guarded: the
//! router has already moved when it hears of it.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::common::i18n::{I18n, use_i18n};

/// Asks whether to leave with unsaved changes; `true` when the user agrees (or no window asks).
pub fn confirm_leave(i18n: I18n) -> bool {
    web_sys::window().is_none_or(|w| w.confirm_with_message(i18n.t(k!("state.unsaved_leave"))).unwrap_or(true))
}

/// Guards the page while `unsaved` holds, until the calling component is dropped. A link (or a
/// `data-leaves` button) the user agrees to follow clears the flag, so the browser does not ask a
/// second time.
pub fn guard_unsaved(unsaved: RwSignal<bool>) {
    let i18n = use_i18n();
    let Some(window) = web_sys::window() else { return };
    // Capture phase on the window: heard before the router's own click listener acts on the link.
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        let plain = ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key());
        if !unsaved.get_untracked() || ev.default_prevented() || !plain {
            return;
        }
        let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let Some(link) = target.and_then(|e| e.closest("a[href], [data-leaves]").ok().flatten()) else { return };
        if link.has_attribute("download") || link.get_attribute("target").is_some_and(|t| t == "_blank") {
            return;
        }
        if confirm_leave(i18n) {
            unsaved.set(false);
        } else {
            ev.prevent_default();
            ev.stop_immediate_propagation();
        }
    });
    let listener: &js_sys::Function = on_click.as_ref().unchecked_ref();
    // Adding a listener fails only for a callback that is not a function; removing one never added
    // does nothing. So neither result changes what happens next.
    let _ = window.add_event_listener_with_callback_and_bool("click", listener, true);
    let before_unload = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if unsaved.get_untracked() {
            ev.prevent_default();
            ev.set_return_value("");
        }
    });
    // The closure lives as long as the listener; both go when the form does.
    let on_click = SendWrapper::new((window, on_click));
    on_cleanup(move || {
        before_unload.remove();
        let (window, on_click) = on_click.take();
        let _ = window.remove_event_listener_with_callback_and_bool("click", on_click.as_ref().unchecked_ref(), true);
    });
}
