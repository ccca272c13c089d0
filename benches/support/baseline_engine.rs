//! The engine before issue 4 (one full pass over the records per selection, rows stored as
//! `Intervention`s), kept only as a baseline for `benches/engine.rs`. Not used by the crate.
#![allow(dead_code)]

use mirador::engine::{record_values, search_haystack, vocabulary, BudgetBins};
use mirador::model::Intervention;
use mirador::selection::{Facet, Selection, NOT_STATED};
use mirador::text::SearchTerms;

/// The first bits are the facets (`Facet::index()`); then the ranges and the search.
const FACETS: usize = Facet::ALL.len();
const YEAR_BIT: u16 = 1 << FACETS;
const BUDGET_BIT: u16 = 1 << (FACETS + 1);
const SEARCH_BIT: u16 = 1 << (FACETS + 2);

/// One facet column: the dictionary of value keys and each record's value ids.
#[derive(Debug, Clone)]
struct FacetColumn {
    /// Value keys in display order.
    keys: Vec<String>,
    /// Record `r`'s values are `ids[starts[r]..starts[r + 1]]`, each at most once.
    starts: Vec<u32>,
    ids: Vec<u16>,
}

impl FacetColumn {
    fn build(records: &[Intervention], facet: Facet) -> FacetColumn {
        let mut keys: Vec<String> = vocabulary(facet).iter().map(|k| k.to_string()).collect();
        if facet == Facet::Country {
            let mut codes: Vec<String> = records.iter().map(|r| r.country.clone()).collect();
            codes.sort();
            codes.dedup();
            keys = codes;
        }
        let mut starts = Vec::with_capacity(records.len() + 1);
        let mut ids = Vec::with_capacity(records.len());
        let mut not_stated_used = false;
        starts.push(0);
        for r in records {
            let mut values = record_values(r, facet);
            if values.is_empty() {
                values.push(NOT_STATED.to_owned());
                not_stated_used = true;
            }
            values.sort();
            values.dedup();
            for v in values {
                let id = match keys.iter().position(|k| *k == v) {
                    Some(i) => i,
                    None => {
                        keys.push(v);
                        keys.len() - 1
                    }
                };
                ids.push(id as u16);
            }
            starts.push(ids.len() as u32);
        }
        // Keep "not stated" last, after every real value.
        if not_stated_used {
            let ns = keys
                .iter()
                .position(|k| k == NOT_STATED)
                .expect("pushed above");
            let last = keys.len() - 1;
            if ns != last {
                keys.swap(ns, last);
                for id in ids.iter_mut() {
                    if *id as usize == ns {
                        *id = last as u16;
                    } else if *id as usize == last {
                        *id = ns as u16;
                    }
                }
            }
        }
        FacetColumn { keys, starts, ids }
    }

    fn values(&self, record: usize) -> &[u16] {
        &self.ids[self.starts[record] as usize..self.starts[record + 1] as usize]
    }
}

/// A dataset prepared for filtering.
#[derive(Debug, Clone)]
pub struct Index {
    records: Vec<Intervention>,
    facets: Vec<FacetColumn>,
    text: Vec<String>,
    bins: BudgetBins,
}

/// What a selection yields: the numbers every view shows.
#[derive(Debug, Clone, PartialEq)]
pub struct FilterResult {
    /// Records in the dataset.
    pub total: usize,
    /// Positions of the matching records, in dataset order.
    pub matching: Vec<usize>,
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
}

impl FilterResult {
    pub fn matching_count(&self) -> usize {
        self.matching.len()
    }
}

impl Index {
    pub fn new(records: Vec<Intervention>) -> Index {
        let facets = Facet::ALL
            .iter()
            .map(|f| FacetColumn::build(&records, *f))
            .collect();
        let text = records.iter().map(search_haystack).collect();
        let bins = BudgetBins::for_amounts(records.iter().filter_map(|r| r.budget_usd));
        Index {
            records,
            facets,
            text,
            bins,
        }
    }

    pub fn records(&self) -> &[Intervention] {
        &self.records
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Every value key a facet offers, in display order (vocabulary order; countries by code;
    /// `not-stated` last when some record lacks the field).
    pub fn facet_keys(&self, facet: Facet) -> &[String] {
        &self.facets[facet.index()].keys
    }

    pub fn budget_bins(&self) -> &BudgetBins {
        &self.bins
    }

    /// The range of known start years, for the year filter's placeholders.
    pub fn year_span(&self) -> Option<(i32, i32)> {
        let years = self.records.iter().filter_map(|r| r.start_year);
        let (lo, hi) = years.fold((i32::MAX, i32::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
        (lo <= hi).then_some((lo, hi))
    }

    /// Applies a selection.
    pub fn evaluate(&self, sel: &Selection) -> FilterResult {
        let n = self.records.len();
        // Which dictionary ids are selected, per active facet.
        let wanted: Vec<Option<Vec<bool>>> = Facet::ALL
            .iter()
            .map(|f| {
                let col = &self.facets[f.index()];
                sel.is_facet_active(*f)
                    .then(|| col.keys.iter().map(|k| sel.is_selected(*f, k)).collect())
            })
            .collect();
        let terms = SearchTerms::new(&sel.query);

        let mut facet_counts: Vec<Vec<usize>> =
            self.facets.iter().map(|c| vec![0; c.keys.len()]).collect();
        let mut budget_counts = vec![0; self.bins.len()];
        let mut budget_unknown = 0;
        let mut matching = Vec::new();
        let mut matching_with_budget = 0;

        for r in 0..n {
            let rec = &self.records[r];
            let mut mask: u16 = 0;
            for (fi, want) in wanted.iter().enumerate() {
                if let Some(want) = want {
                    if !self.facets[fi]
                        .values(r)
                        .iter()
                        .any(|id| want[*id as usize])
                    {
                        mask |= 1 << fi;
                    }
                }
            }
            if !sel.year.contains_year(rec.start_year) {
                mask |= YEAR_BIT;
            }
            if !sel.budget.contains_amount(rec.budget_usd) {
                mask |= BUDGET_BIT;
            }
            if !terms.is_empty() && !terms.matches(&self.text[r]) {
                mask |= SEARCH_BIT;
            }

            if mask == 0 {
                matching.push(r);
                if rec.budget_usd.is_some() {
                    matching_with_budget += 1;
                }
            }
            for (fi, counts) in facet_counts.iter_mut().enumerate() {
                if mask & !(1 << fi) == 0 {
                    for id in self.facets[fi].values(r) {
                        counts[*id as usize] += 1;
                    }
                }
            }
            if mask & !BUDGET_BIT == 0 {
                match rec.budget_usd {
                    Some(b) => {
                        if let Some(bin) = self.bins.bin_of(b) {
                            budget_counts[bin] += 1;
                        }
                    }
                    None => budget_unknown += 1,
                }
            }
        }
        FilterResult {
            total: n,
            matching,
            facet_counts,
            budget_counts,
            budget_unknown,
            matching_with_budget,
        }
    }

    /// The count a facet value shows under a result, 0 for a key the facet does not hold.
    pub fn facet_count(&self, result: &FilterResult, facet: Facet, key: &str) -> usize {
        self.facet_keys(facet)
            .iter()
            .position(|k| k == key)
            .map_or(0, |i| result.facet_counts[facet.index()][i])
    }
}
