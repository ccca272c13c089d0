//! Heap used by the engine at 10k, 100k and 1M synthetic rows: the peak while building the
//! columns (records are generated one at a time and not kept) and what the columns keep, counted
//! by a global allocator. WebAssembly's linear memory never shrinks, so the peak is what a
//! browser tab pays; `make bench` also reports the WebAssembly figure from Node.
//!
//! `cargo bench --bench memory` (no criterion: it measures bytes, not time).

use mirador::engine::{Columns, Engine};
use mirador::selection::{Bounds, Facet, Selection};
use mirador::synthetic;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

struct Counting;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = NOW.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        NOW.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // Counted as a fresh allocation while both exist, as a moving realloc needs.
        let now = NOW.fetch_add(new_size, Ordering::Relaxed) + new_size;
        PEAK.fetch_max(now, Ordering::Relaxed);
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        NOW.fetch_sub(layout.size(), Ordering::Relaxed);
        p
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn mb(b: usize) -> String {
    format!("{:.1} MB", b as f64 / 1e6)
}

fn main() {
    // `cargo bench` passes `--bench`; sizes may come from MIRADOR_BENCH_SIZES.
    let sizes: Vec<usize> = std::env::var("MIRADOR_BENCH_SIZES")
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|_| vec![10_000, 100_000, 1_000_000]);
    for n in sizes {
        let base = NOW.load(Ordering::Relaxed);
        PEAK.store(base, Ordering::Relaxed);
        let columns = Arc::new(Columns::build(synthetic::records(
            synthetic::DEFAULT_SEED,
            n,
        )));
        let build_peak = PEAK.load(Ordering::Relaxed) - base;
        let kept = NOW.load(Ordering::Relaxed) - base;
        let mut engine = Engine::new(Arc::clone(&columns));
        let mut sel = Selection::new();
        sel.toggle(Facet::Country, "BRA");
        sel.toggle(Facet::Focus, "youth");
        sel.budget = Bounds {
            min: Some(1e5),
            max: Some(5e6),
        };
        sel.query = "policia".into();
        engine.update(&sel);
        let with_engine = NOW.load(Ordering::Relaxed) - base;
        let peak = PEAK.load(Ordering::Relaxed) - base;
        drop(engine);
        drop(columns);
        // For comparison: the same rows held as `Intervention` structs (what `Index::new` keeps).
        let before = NOW.load(Ordering::Relaxed);
        let records = synthetic::generate(synthetic::DEFAULT_SEED, n);
        let structs = NOW.load(Ordering::Relaxed) - before;
        drop(records);
        println!(
            "{n} rows: build peak {}, columns keep {}, with an engine and every filter on {}, overall peak {}; \
             the rows as Intervention structs would take {}",
            mb(build_peak),
            mb(kept),
            mb(with_engine),
            mb(peak),
            mb(structs),
        );
    }
}
