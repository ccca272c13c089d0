//! Work put off until the browser is idle, so the first charts are drawn and answer sooner.

use leptos::prelude::*;

/// Runs `f` when the browser is next idle (at most a second later), or after 300 ms where it
/// cannot say (`requestIdleCallback` is missing in some browsers).
pub fn when_idle(f: impl Fn() + Copy + 'static) {
    let asked = web_sys::window().and_then(|w| {
        let options = web_sys::IdleRequestOptions::new();
        options.set_timeout(1000);
        let callback = wasm_bindgen::closure::Closure::once_into_js(f);
        w.request_idle_callback_with_options(
            wasm_bindgen::JsCast::unchecked_ref(&callback),
            &options,
        )
        .ok()
    });
    if asked.is_none() {
        set_timeout(f, std::time::Duration::from_millis(300));
    }
}
