//! Mirador's engine for Node (see bench/compare.mjs): builds the synthetic dataset inside the
//! WebAssembly module, applies selections the way the app does (an `Engine` updated
//! incrementally), and hands the same rows to JavaScript so crossfilter can index them too.
//!
//! Counts come out as one flat array: `[matching, matching_with_budget, budget_unknown,
//! budget bins…, facet 0 values…, …, facet 5 values…]` (lengths from `layout()`).

use mirador::engine::{Columns, Engine, Strategy};
use mirador::model::{Evaluation, Intervention};
use mirador::selection::{Bounds, Facet, Selection, NOT_STATED};
use mirador::synthetic;
use std::collections::HashMap;
use std::sync::Arc;
use wasm_bindgen::prelude::*;

/// The facets both engines hold and the comparison checks, in `compare.mjs`'s order. Ours also
/// keeps the outcome facet up to date on every change (extra work counted in our times); the
/// crossfilter model has no such dimension, so its counts are not compared.
const COMPARED: [Facet; 6] = [
    Facet::Country,
    Facet::Focus,
    Facet::Level,
    Facet::Funder,
    Facet::Evaluation,
    Facet::Effect,
];

fn facet_of(key: &str) -> Facet {
    Facet::from_key(key).unwrap_or_else(|| panic!("no facet {key}"))
}

#[wasm_bindgen]
pub struct Bench {
    seed: u64,
    columns: Arc<Columns>,
    engine: Engine,
    sel: Selection,
}

/// Bytes of WebAssembly linear memory (it only grows: this is the peak so far).
#[wasm_bindgen]
pub fn memory_bytes() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        (core::arch::wasm32::memory_size(0) * 65536) as f64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0.0
    }
}

/// A fingerprint of the first records, to check the generator gives the same data here as
/// natively (`synthetic::tests::known_values_do_not_drift`).
#[wasm_bindgen]
pub fn synthetic_fingerprint() -> String {
    synthetic::generate(synthetic::DEFAULT_SEED, 2000)
        .iter()
        .fold(0u64, |h, r| {
            let b = r.budget_usd.unwrap_or(-1.0).to_bits();
            let y = r.start_year.unwrap_or(0) as u64;
            (h ^ b ^ y ^ r.focus.len() as u64 ^ r.country.as_bytes()[0] as u64)
                .wrapping_mul(0x100_0000_01b3)
        })
        .to_string()
}

#[wasm_bindgen]
impl Bench {
    /// Generates `n` synthetic rows with `seed` and indexes them (rows are not kept).
    #[wasm_bindgen(constructor)]
    pub fn new(seed: u32, n: usize) -> Bench {
        let seed = seed as u64;
        let columns = Arc::new(Columns::build(synthetic::records(seed, n)));
        let engine = Engine::new(Arc::clone(&columns));
        Bench {
            seed,
            columns,
            engine,
            sel: Selection::new(),
        }
    }

    /// Forces an update path ("delta", "recount") or lets the engine choose ("auto").
    pub fn set_strategy(&mut self, strategy: &str) {
        let s = match strategy {
            "delta" => Strategy::Delta,
            "recount" => Strategy::Recount,
            _ => Strategy::Auto,
        };
        self.engine = Engine::new(Arc::clone(&self.columns)).with_strategy(s);
        self.engine.update(&self.sel);
    }

    pub fn columns_bytes(&self) -> f64 {
        self.columns.heap_bytes() as f64
    }

    pub fn engine_bytes(&self) -> f64 {
        self.engine.heap_bytes() as f64
    }

    pub fn facet_keys(&self, facet: &str) -> Vec<String> {
        self.columns.facet_keys(facet_of(facet)).to_vec()
    }

    pub fn budget_edges(&self) -> Vec<f64> {
        self.columns.budget_bins().edges.clone()
    }

    /// Lengths of the flat counts' parts: budget bins, then each facet's values.
    pub fn layout(&self) -> Vec<u32> {
        let mut l = vec![self.columns.budget_bins().len() as u32];
        l.extend(
            COMPARED
                .iter()
                .map(|f| self.columns.facet_keys(*f).len() as u32),
        );
        l
    }

    pub fn toggle(&mut self, facet: &str, key: &str) {
        self.sel.toggle(facet_of(facet), key);
    }

    pub fn set_budget(&mut self, min: Option<f64>, max: Option<f64>) {
        self.sel.budget = Bounds { min, max };
    }

    pub fn set_year(&mut self, min: Option<i32>, max: Option<i32>) {
        self.sel.year = Bounds { min, max };
    }

    pub fn set_query(&mut self, query: &str) {
        self.sel.query = query.to_owned();
    }

    pub fn clear(&mut self) {
        self.sel.clear_all();
    }

    /// Applies the selection and returns the flat counts.
    pub fn update(&mut self) -> Vec<u32> {
        let c = self.engine.update(&self.sel);
        let mut out = Vec::with_capacity(64);
        out.extend([
            c.matching as u32,
            c.matching_with_budget as u32,
            c.budget_unknown as u32,
        ]);
        out.extend(c.budget_counts.iter().map(|v| *v as u32));
        for f in COMPARED {
            out.extend(c.facet_counts[f.index()].iter().map(|v| *v as u32));
        }
        out
    }

    /// What the last update did: `[records flipped, 1 if recounted]`.
    pub fn last_update(&self) -> Vec<u32> {
        let u = self.engine.last_update();
        vec![u.flipped as u32, u.recounted as u32]
    }

    /// Rows `start..end` as crossfilter will index them, regenerated from the seed (the same
    /// rows the engine indexed): see `Rows`.
    pub fn rows(&self, start: usize, end: usize) -> Rows {
        let ids: Vec<HashMap<&str, u32>> = Facet::ALL
            .iter()
            .map(|f| {
                self.columns
                    .facet_keys(*f)
                    .iter()
                    .enumerate()
                    .map(|(i, k)| (k.as_str(), i as u32))
                    .collect()
            })
            .collect();
        let id = |f: Facet, key: &str| ids[f.index()][key];
        let mut rows = Rows::default();
        for i in start..end {
            let r: Intervention = synthetic::record(self.seed, i);
            let single = |f: Facet, v: Option<&str>| id(f, v.unwrap_or(NOT_STATED));
            rows.country.push(id(Facet::Country, &r.country));
            rows.level
                .push(single(Facet::Level, r.level.map(|v| v.key())));
            rows.evaluation
                .push(single(Facet::Evaluation, r.evaluation.map(Evaluation::key)));
            rows.effect
                .push(single(Facet::Effect, r.effect.map(|v| v.key())));
            let set = |f: Facet| {
                let mut keys = mirador::engine::record_values(&r, f);
                if keys.is_empty() {
                    keys.push(NOT_STATED.to_owned());
                }
                keys.iter().fold(0u32, |s, k| s | 1 << id(f, k))
            };
            rows.focus.push(set(Facet::Focus));
            rows.funder.push(set(Facet::Funder));
            rows.year.push(r.start_year.map_or(f64::NAN, f64::from));
            rows.budget.push(r.budget_usd.unwrap_or(f64::NAN));
            rows.text.push_str(&mirador::engine::search_haystack(&r));
            rows.text.push('\n');
        }
        rows
    }
}

/// A chunk of rows as columns: value ids (positions in `facet_keys`), multi-valued facets as bit
/// sets, NaN for unknown years and budgets, and the folded search texts one per line.
#[wasm_bindgen(getter_with_clone)]
#[derive(Default)]
pub struct Rows {
    pub country: Vec<u32>,
    pub level: Vec<u32>,
    pub evaluation: Vec<u32>,
    pub effect: Vec<u32>,
    pub focus: Vec<u32>,
    pub funder: Vec<u32>,
    pub year: Vec<f64>,
    pub budget: Vec<f64>,
    pub text: String,
}
