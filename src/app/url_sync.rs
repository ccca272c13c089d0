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

/// The link "Copy link" and the citation give: this view's link, naming the version of the bundled
/// dataset it shows, so whoever opens it later is told when the data has changed since. A
/// person's own data (a file, a `data=` link, synthetic rows) has no version of ours.
pub fn shared_link(ctx: &Ctx) -> String {
    let mut s = ctx.url_state();
    let bundled = s.data.is_none()
        && s.demo.is_none()
        && ctx
            .data
            .with(|d| d.as_ref().is_some_and(|d| d.source.is_none()));
    if bundled {
        s.version = Some(crate::model::DATASET_VERSION.to_owned());
    }
    link_to(&s)
}

/// True when `b` differs from `a` only in the search text (typing).
fn only_typing(a: &UrlState, b: &UrlState) -> bool {
    let mut a2 = a.clone();
    a2.dashboard.selection.query = b.dashboard.selection.query.clone();
    a2.dashboard.page = b.dashboard.page;
    a2 == *b
}

/// Writes the address once the frame showing the change is painted: `pushState` costs a few
/// milliseconds in Chromium, which would otherwise delay that frame. Changes made before the write
/// happens share one history entry, pushed if any of them asked for one.
fn write_after_paint(pending: StoredValue<Option<(String, bool)>>, url: String, push: bool) {
    let scheduled = pending.with_value(Option::is_some);
    pending.update_value(|p| {
        let push = push || p.as_ref().is_some_and(|(_, pushed)| *pushed);
        *p = Some((url, push));
    });
    if scheduled {
        return;
    }
    request_animation_frame(move || {
        set_timeout(
            move || {
                let Some((url, push)) = pending.try_update_value(Option::take).flatten() else {
                    return;
                };
                if let Ok(history) = window().history() {
                    let _ = if push {
                        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
                    } else {
                        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
                    };
                }
            },
            std::time::Duration::ZERO,
        )
    });
}

/// Installs the two-way sync; call once in the app.
pub fn install(ctx: Ctx) {
    let pending = StoredValue::new(None::<(String, bool)>);
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
            let push = prev.as_ref().is_some_and(|p| !only_typing(p, &current));
            write_after_paint(pending, url, push);
        } else {
            // Back where the address already is: a write still waiting is out of date.
            pending.set_value(None);
        }
        current
    });
    let listener = window_event_listener(leptos::ev::popstate, move |_| {
        // The address moved: a write still waiting would undo that.
        pending.set_value(None);
        let (state, _) = read_location();
        ctx.apply(state);
    });
    // The listener lives as long as the page.
    std::mem::forget(listener);
}
