//! How long the last selection change took in the engine and in chart redraws (ms), written on
//! the page (`data-engine-ms`, `data-draw-ms`) for the browser measurements in BENCHMARKS.md.

use std::cell::Cell;

thread_local! {
    static ENGINE: Cell<f64> = const { Cell::new(0.0) };
    static DRAW: Cell<f64> = const { Cell::new(0.0) };
}

pub fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

fn publish() {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-engine-ms", &format!("{:.2}", ENGINE.get()));
        let _ = root.set_attribute("data-draw-ms", &format!("{:.2}", DRAW.get()));
    }
}

/// A new selection was evaluated in `ms`: chart time starts again from zero.
pub fn engine(ms: f64) {
    ENGINE.set(ms);
    DRAW.set(0.0);
    publish();
}

/// A chart was redrawn in `ms`.
pub fn draw(ms: f64) {
    DRAW.set(DRAW.get() + ms);
    publish();
}

/// Writes the WebAssembly memory in use on the page (`data-wasm-memory-bytes`) each time the
/// dataset changes, for the memory figures in BENCHMARKS.md.
pub fn watch_memory<T: Send + Sync + 'static>(data: leptos::prelude::Memo<T>) {
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    Effect::new(move |_| {
        data.track();
        if let Ok(memory) = wasm_bindgen::memory().dyn_into::<js_sys::WebAssembly::Memory>() {
            let bytes = memory
                .buffer()
                .unchecked_into::<js_sys::ArrayBuffer>()
                .byte_length();
            let _ = document()
                .document_element()
                .map(|e| e.set_attribute("data-wasm-memory-bytes", &bytes.to_string()));
        }
    });
}
