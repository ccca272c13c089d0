//! The filter engine: turns a dataset and a `Selection` into the matching records and the counts
//! every view shows.
//!
//! Two layers, after crossfilter:
//!
//! - [`Columns`] (`columns`): the dataset prepared once when it loads: dictionary-encoded facet
//!   columns with a bitmap per value, sorted indexes of start years and budgets, budget-histogram
//!   bins, and a search index of folded tokens (`text_index`).
//! - [`Engine`] (`live`): one bitmap per filtered dimension (the records passing its filter) and
//!   the counts; `Engine::update` applies a new selection by touching only what changed, either
//!   record by record or by recounting 64 records per instruction, whichever is cheaper.
//!
//! [`Index`] holds the records (or, for synthetic data, only the seed to generate them again) and
//! their columns; matching records come out as a [`Matching`] bitmap. `Index::evaluate` is the
//! one-shot path (a fresh
//! engine per call), the app can keep an `Engine` for incremental updates. Both give the same
//! numbers: `tests/engine_reference.rs` checks them against a slow, obvious reference, over single
//! selections and over random sequences of changes.

mod bits;
mod columns;
mod live;
mod matching;
mod text_index;

pub use columns::{finding_index, parse_finding, vocabulary, Columns, FINDING_KEYS};
pub use live::{Counts, Engine, Strategy, UpdateStats};
pub use matching::Matching;

use crate::model::Intervention;
use crate::selection::{Facet, Selection};
use crate::text::fold;
use std::sync::Arc;

/// A record's value keys for a facet (empty when the sources do not state it).
pub fn record_values(r: &Intervention, facet: Facet) -> Vec<String> {
    match facet {
        Facet::Country => vec![r.country.clone()],
        Facet::Region => crate::model::Region::of_country(&r.country)
            .map(|g| g.key().to_owned())
            .into_iter()
            .collect(),
        Facet::Focus => r.focus.iter().map(|f| f.key().to_owned()).collect(),
        Facet::Level => r.level.iter().map(|v| v.key().to_owned()).collect(),
        Facet::Funder => r
            .funder_types()
            .iter()
            .map(|v| v.key().to_owned())
            .collect(),
        Facet::Evaluation => r.evaluation.iter().map(|v| v.key().to_owned()).collect(),
        Facet::Effect => r.effect.iter().map(|v| v.key().to_owned()).collect(),
        Facet::Outcome => {
            let mut v: Vec<String> = r.outcomes.iter().map(|o| o.key().to_owned()).collect();
            v.sort();
            v.dedup();
            v
        }
        Facet::Finding => {
            let mut v: Vec<String> = r
                .verdicts
                .iter()
                .map(|v| format!("{}:{}", v.outcome.key(), v.direction.key()))
                .collect();
            v.sort();
            v.dedup();
            v
        }
    }
}

/// The text a search looks in: name, description, country, area, city, implementers and funders.
pub fn search_haystack(r: &Intervention) -> String {
    let mut parts: Vec<&str> = vec![&r.name];
    parts.extend(r.description.as_deref());
    parts.extend(r.admin_area.as_deref());
    parts.extend(r.city.as_deref());
    parts.extend(r.implementers.iter().map(|a| a.name.as_str()));
    parts.extend(r.funders.iter().map(|a| a.name.as_str()));
    fold(&parts.join(" \u{1f} "))
}

/// Fixed log-scale bins for the budget histogram, spanning the whole dataset so the axis does not
/// move while a person filters. Bin `i` holds `edges[i] <= budget_usd < edges[i + 1]`.
#[derive(Debug, Clone, PartialEq)]
pub struct BudgetBins {
    pub edges: Vec<f64>,
}

impl BudgetBins {
    /// Two bins per decade (edges at 10^k and 10^(k+1/2)) from the decade below the smallest
    /// known budget to the one above the largest; a single default decade range when none is known.
    pub fn for_amounts(amounts: impl Iterator<Item = f64>) -> BudgetBins {
        let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
        for a in amounts.filter(|a| *a > 0.0 && a.is_finite()) {
            lo = lo.min(a);
            hi = hi.max(a);
        }
        let (k0, k1) = if lo.is_finite() {
            (
                lo.log10().floor() as i32,
                (hi.log10().floor() as i32 + 1).max(lo.log10().floor() as i32 + 1),
            )
        } else {
            (5, 9)
        };
        let mut edges = Vec::new();
        for k in k0..k1 {
            edges.push(10f64.powi(k));
            edges.push(round_sig(10f64.powf(k as f64 + 0.5)));
        }
        edges.push(10f64.powi(k1));
        BudgetBins { edges }
    }

    pub fn len(&self) -> usize {
        self.edges.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The bin holding `amount`, if it lies inside the axis (zero budgets lie below it).
    pub fn bin_of(&self, amount: f64) -> Option<usize> {
        if amount < self.edges[0] || amount >= *self.edges.last().expect("edges") {
            return None;
        }
        Some(self.edges.partition_point(|e| *e <= amount) - 1)
    }
}

/// 10^(k+1/2) rounded to two significant digits (3,200,000 rather than 3,162,277.66), so bin
/// edges read well in labels and URLs.
fn round_sig(x: f64) -> f64 {
    let p = 10f64.powi(x.log10().floor() as i32 - 1);
    (x / p).round() * p
}

/// A dataset prepared for filtering: its records and their [`Columns`].
#[derive(Debug, Clone)]
pub struct Index {
    records: Records,
    columns: Arc<Columns>,
}

/// Where an index's whole records come from when one is shown (the table, the detail panel, an
/// export): held, or rebuilt on demand by the synthetic generator, so a million synthetic rows
/// cost only their columns.
#[derive(Debug, Clone)]
enum Records {
    Held(Vec<Intervention>),
    Synthetic { seed: u64, len: usize },
}

/// What a selection yields: the numbers every view shows.
#[derive(Debug, Clone, PartialEq)]
pub struct FilterResult {
    /// Records in the dataset.
    pub total: usize,
    /// The matching records (a bitmap; iterate it for their positions in dataset order).
    pub matching: Matching,
    /// Per facet (by `Facet::index()`), counts aligned with `Index::facet_keys`, each counting the
    /// records that pass every filter except that facet's own.
    pub facet_counts: Vec<Vec<usize>>,
    /// Budget histogram over records passing every filter except the budget range, aligned
    /// with `Index::budget_bins()`.
    pub budget_counts: Vec<usize>,
    /// Of those records, how many have no known budget (not drawn: unknown is not zero).
    pub budget_unknown: usize,
    /// Matching records with a known budget in US dollars.
    pub matching_with_budget: usize,
    /// The records passing every filter except the country filter (what the map and the
    /// comparison count from), and except the start-year range (the timeline).
    pub without_country: Matching,
    pub without_year: Matching,
}

impl FilterResult {
    pub fn matching_count(&self) -> usize {
        self.matching.len()
    }
}

impl Index {
    pub fn new(records: Vec<Intervention>) -> Index {
        let columns = Arc::new(Columns::build(&records));
        Index {
            records: Records::Held(records),
            columns,
        }
    }

    /// `len` synthetic records of this seed (`crate::synthetic`). Only their columns are kept:
    /// a record is generated again when one is shown.
    pub fn synthetic(seed: u64, len: usize) -> Index {
        let columns = Arc::new(Columns::build(crate::synthetic::records(seed, len)));
        Index {
            records: Records::Synthetic { seed, len },
            columns,
        }
    }

    /// Whether the records come from the synthetic generator.
    pub fn is_synthetic(&self) -> bool {
        matches!(self.records, Records::Synthetic { .. })
    }

    /// Record `i` (< `len()`): borrowed when held, generated when synthetic.
    pub fn record(&self, i: usize) -> std::borrow::Cow<'_, Intervention> {
        match &self.records {
            Records::Held(r) => std::borrow::Cow::Borrowed(&r[i]),
            Records::Synthetic { seed, .. } => {
                std::borrow::Cow::Owned(crate::synthetic::record(*seed, i))
            }
        }
    }

    /// Every record in dataset order (generated one at a time when synthetic).
    pub fn records(&self) -> impl Iterator<Item = std::borrow::Cow<'_, Intervention>> + '_ {
        (0..self.len()).map(|i| self.record(i))
    }

    /// Record `i`'s name and id (cheap even when synthetic: no whole record is built).
    pub fn name_and_id(&self, i: usize) -> (std::borrow::Cow<'_, str>, std::borrow::Cow<'_, str>) {
        match &self.records {
            Records::Held(r) => (r[i].name.as_str().into(), r[i].id.as_str().into()),
            Records::Synthetic { .. } => (
                crate::synthetic::name(i).into(),
                crate::synthetic::id(i).into(),
            ),
        }
    }

    /// The position of the record with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        match &self.records {
            Records::Held(r) => r.iter().position(|r| r.id == id),
            Records::Synthetic { len, .. } => crate::synthetic::position(id).filter(|i| i < len),
        }
    }

    pub fn len(&self) -> usize {
        self.columns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The prepared columns, shared with any `Engine` made from this index.
    pub fn columns(&self) -> &Arc<Columns> {
        &self.columns
    }

    /// An incremental engine over this index, with nothing filtered.
    pub fn engine(&self) -> Engine {
        Engine::new(Arc::clone(&self.columns))
    }

    /// Every value key a facet offers, in display order (vocabulary order; countries by code;
    /// `not-stated` last when some record lacks the field).
    pub fn facet_keys(&self, facet: Facet) -> &[String] {
        self.columns.facet_keys(facet)
    }

    pub fn budget_bins(&self) -> &BudgetBins {
        self.columns.budget_bins()
    }

    /// The range of known start years, for the year filter's placeholders.
    pub fn year_span(&self) -> Option<(i32, i32)> {
        self.columns.year_span()
    }

    /// Applies a selection (a fresh engine each call; keep an [`Engine`] to update incrementally).
    pub fn evaluate(&self, sel: &Selection) -> FilterResult {
        let mut engine = self.engine();
        engine.update(sel);
        engine.result()
    }

    /// The count a facet value shows under a result, 0 for a key the facet does not hold.
    pub fn facet_count(&self, result: &FilterResult, facet: Facet, key: &str) -> usize {
        self.facet_keys(facet)
            .iter()
            .position(|k| k == key)
            .map_or(0, |i| result.facet_counts[facet.index()][i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bins_tile_the_axis() {
        let b = BudgetBins::for_amounts([150_000.0, 21_000_000.0].into_iter());
        assert_eq!(b.edges.first(), Some(&100_000.0));
        assert_eq!(b.edges.last(), Some(&100_000_000.0));
        assert_eq!(b.edges[1], 320_000.0);
        assert_eq!(b.bin_of(100_000.0), Some(0));
        assert_eq!(b.bin_of(320_000.0), Some(1));
        assert_eq!(b.bin_of(21_000_000.0), Some(4));
        assert_eq!(b.bin_of(99_999_999.0), Some(5));
        assert_eq!(b.bin_of(1e8), None);
        assert_eq!(b.bin_of(0.0), None);
        let single = BudgetBins::for_amounts([1e7].into_iter());
        assert_eq!(single.edges, vec![1e7, 3.2e7, 1e8]);
        assert!(!BudgetBins::for_amounts(std::iter::empty()).is_empty());
    }
}
