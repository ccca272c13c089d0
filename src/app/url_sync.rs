//! Keeps the address bar and the dashboard in step. Opening a link restores its view; every change
//! writes the canonical query string back. A discrete change (a filter ticked, a page turned, a
//! record opened) adds a history entry, so Back undoes it; typing in search only replaces the
//! current entry, so Back does not walk through every keystroke. Settings the link carried that
//! could not be used are listed in a notice the person can dismiss.

use super::Ctx;
use crate::url_state::{parse_query, to_query, Notice, UrlState};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The query string of the current address, without `?`.
pub fn current_query() -> String {
    let search = window().location().search().unwrap_or_default();
    search.strip_prefix('?').unwrap_or(&search).to_owned()
}

/// Reads the address bar.
pub fn read_location() -> (UrlState, Vec<Notice>) {
    parse_query(&current_query())
}

/// The full link to a state (origin + path + query).
pub fn link_to(state: &UrlState) -> String {
    let loc = window().location();
    let base = format!(
        "{}{}",
        loc.origin().unwrap_or_default(),
        loc.pathname().unwrap_or_default()
    );
    let q = to_query(state);
    if q.is_empty() {
        base
    } else {
        format!("{base}?{q}")
    }
}

/// True when `b` differs from `a` only in the search text (typing).
fn only_typing(a: &UrlState, b: &UrlState) -> bool {
    let mut a2 = a.clone();
    a2.dashboard.selection.query = b.dashboard.selection.query.clone();
    a2.dashboard.page = b.dashboard.page;
    a2 == *b
}

/// Installs the two-way sync; call once in the app.
pub fn install(ctx: Ctx) {
    Effect::new(move |prev: Option<UrlState>| {
        let current = ctx.url_state();
        let query = to_query(&current);
        if query != current_query() {
            let path = window().location().pathname().unwrap_or_default();
            let url = if query.is_empty() {
                path
            } else {
                format!("{path}?{query}")
            };
            if let Ok(history) = window().history() {
                let push = prev.as_ref().is_some_and(|p| !only_typing(p, &current));
                let _ = if push {
                    history.push_state_with_url(&JsValue::NULL, "", Some(&url))
                } else {
                    history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
                };
            }
        }
        current
    });
    let listener = window_event_listener(leptos::ev::popstate, move |_| {
        let (state, _) = read_location();
        ctx.apply(state);
    });
    // The listener lives as long as the page.
    std::mem::forget(listener);
}
