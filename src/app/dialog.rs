//! How every dialog and panel behaves for keyboard and screen-reader users: it takes focus when
//! it opens, Tab and Shift+Tab stay inside it, Escape closes it, and focus goes back to what
//! opened it.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};

const FOCUSABLE: &str = "a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex='-1'])";

/// The element that has focus now (to give it back on close).
pub fn active_element() -> Option<HtmlElement> {
    web_sys::window()?
        .document()?
        .active_element()?
        .dyn_into::<HtmlElement>()
        .ok()
}

/// Focuses the first focusable element inside `container`.
pub fn focus_first(container: &Element) {
    if let Ok(Some(e)) = container.query_selector(FOCUSABLE) {
        if let Ok(e) = e.dyn_into::<HtmlElement>() {
            let _ = e.focus();
        }
    }
}

/// Handles a key inside a dialog: Escape calls `close`; Tab at either end wraps to the other.
pub fn on_keydown(ev: &KeyboardEvent, container: &Element, close: impl FnOnce()) {
    match ev.key().as_str() {
        "Escape" => {
            ev.prevent_default();
            close();
        }
        "Tab" => {
            let Ok(list) = container.query_selector_all(FOCUSABLE) else {
                return;
            };
            let items: Vec<HtmlElement> = (0..list.length())
                .filter_map(|i| list.item(i))
                .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
                .collect();
            let (Some(first), Some(last)) = (items.first(), items.last()) else {
                return;
            };
            let active = active_element();
            let at = |e: &HtmlElement| active.as_ref().is_some_and(|a| a == e);
            if ev.shift_key() && at(first) {
                ev.prevent_default();
                let _ = last.focus();
            } else if !ev.shift_key() && at(last) {
                ev.prevent_default();
                let _ = first.focus();
            }
        }
        _ => {}
    }
}
