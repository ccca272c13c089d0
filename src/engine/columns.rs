//! The dataset as columns, prepared once when it loads: what filtering and counting read.
//!
//! - Each facet is dictionary-encoded: single-valued facets (country, level, evaluation, effect)
//!   hold one value id per record, multi-valued ones (focus, funder types) a bit set per record.
//!   Facets with at most `MAX_VALUE_MAPS` values also keep one bitmap per value, so that a
//!   facet's counts under any filter are a popcount of (records passing) AND (records with value).
//! - Start year and budget are kept as sorted (value, record) pairs: a range filter is a
//!   contiguous run of that order, found by binary search, and moving a bound only touches the
//!   records between the old and the new bound.
//! - Each record's budget-histogram bin, and bitmaps of records with a known / unknown budget.
//! - The search index (`text_index`).
//!
//! A record is not kept: columns can be built from records produced one at a time (a generator),
//! so a million rows cost tens of megabytes rather than the size of their structs.

use super::bits;
use super::live::Counts;
use super::text_index::{TextIndex, TextIndexBuilder};
use super::Matching;
use super::{search_haystack, BudgetBins};
use crate::model::{
    ActorType, Direction, Effect, Evaluation, Focus, Intervention, Level, Outcome, Region,
};
use crate::selection::{Facet, NOT_STATED};
use std::borrow::Borrow;
use std::collections::HashMap;

/// Facets (and budget histograms) with at most this many values keep a bitmap per value.
pub(crate) const MAX_VALUE_MAPS: usize = 64;

/// `Columns::bin` for a record without a known budget.
pub(crate) const BIN_UNKNOWN: u16 = u16::MAX;
/// `Columns::bin` for a known budget outside the histogram's axis (zero, say).
pub(crate) const BIN_NONE: u16 = u16::MAX - 1;
/// `Columns::year_of` for a record without a start year.
const NO_YEAR: i32 = i32::MIN;

#[derive(Clone)]
pub(crate) enum Values {
    /// One value id per record.
    Single(Vec<u16>),
    /// A bit set of value ids per record (at most 32 values).
    Multi(Vec<u32>),
    /// A bit set of value ids per record for a facet with up to 64 values (what the evidence
    /// found: outcome × direction).
    Wide(Vec<u64>),
}

#[derive(Clone)]
pub(crate) struct FacetColumn {
    /// Value keys in display order.
    pub keys: Vec<String>,
    ids: HashMap<String, u16>,
    pub values: Values,
    /// When present, bitmap of value `v` is `maps[v * words..(v + 1) * words]`.
    pub maps: Option<Vec<u64>>,
    /// Records per value with no filter.
    pub totals: Vec<usize>,
}

impl FacetColumn {
    pub fn id(&self, key: &str) -> Option<u16> {
        self.ids.get(key).copied()
    }

    pub fn map(&self, v: usize, words: usize) -> Option<&[u64]> {
        self.maps.as_ref().map(|m| &m[v * words..(v + 1) * words])
    }

    /// Calls `f` with each value id of record `r`.
    #[inline]
    pub fn for_each_value(&self, r: usize, mut f: impl FnMut(usize)) {
        match &self.values {
            Values::Single(ids) => f(ids[r] as usize),
            Values::Multi(sets) => bits::for_each_bit(sets[r] as u64, 0, f),
            Values::Wide(sets) => bits::for_each_bit(sets[r], 0, f),
        }
    }

    fn heap_bytes(&self) -> usize {
        let values = match &self.values {
            Values::Single(v) => 2 * v.capacity(),
            Values::Multi(v) => 4 * v.capacity(),
            Values::Wide(v) => 8 * v.capacity(),
        };
        values
            + self.maps.as_ref().map_or(0, |m| 8 * m.capacity())
            + self.keys.iter().map(|k| k.len() + 24).sum::<usize>()
    }
}

/// Values in ascending order, with the record holding each (records without a value are absent).
#[derive(Clone)]
pub(crate) struct Sorted<T> {
    pub values: Vec<T>,
    pub records: Vec<u32>,
}

/// A dataset prepared for filtering (see the module documentation). Build it with
/// [`Columns::build`]; filter it with an [`Engine`](super::Engine).
#[derive(Clone)]
pub struct Columns {
    pub(crate) len: usize,
    /// By `Facet::index()`.
    pub(crate) facets: Vec<FacetColumn>,
    pub(crate) years: Sorted<i32>,
    /// Known budgets except NaN, which no range holds.
    pub(crate) budgets: Sorted<f64>,
    pub(crate) bins: BudgetBins,
    /// Per record: its histogram bin, `BIN_UNKNOWN` or `BIN_NONE`.
    pub(crate) bin: Vec<u16>,
    /// When the histogram has at most `MAX_VALUE_MAPS` bins: bin `b`'s records at
    /// `bin_maps[b * words..(b + 1) * words]`.
    pub(crate) bin_maps: Option<Vec<u64>>,
    /// Per record: its start year (`NO_YEAR` without one) and its budget (NaN when unknown,
    /// which `has_budget` tells apart from a known NaN), read by the views.
    pub(crate) year_of: Vec<i32>,
    pub(crate) budget_of: Vec<f64>,
    pub(crate) unknown_budget: Vec<u64>,
    pub(crate) has_budget: Vec<u64>,
    pub(crate) text: TextIndex,
    /// The counts with nothing filtered.
    pub(crate) totals: Counts,
}

impl std::fmt::Debug for Columns {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Columns")
            .field("len", &self.len)
            .field(
                "keys",
                &self.facets.iter().map(|c| c.keys.len()).collect::<Vec<_>>(),
            )
            .field("tokens", &self.text.token_count())
            .field("heap_bytes", &self.heap_bytes())
            .finish()
    }
}

/// The keys an enum facet offers before looking at the data (the schema's vocabulary).
pub fn vocabulary(facet: Facet) -> Vec<&'static str> {
    match facet {
        Facet::Country => vec![],
        Facet::Region => Region::ALL.iter().map(|v| v.key()).collect(),
        Facet::Focus => Focus::ALL.iter().map(|v| v.key()).collect(),
        Facet::Level => Level::ALL.iter().map(|v| v.key()).collect(),
        Facet::Funder => ActorType::ALL.iter().map(|v| v.key()).collect(),
        Facet::Evaluation => Evaluation::ALL.iter().map(|v| v.key()).collect(),
        Facet::Effect => Effect::ALL.iter().map(|v| v.key()).collect(),
        Facet::Outcome => Outcome::ALL.iter().map(|v| v.key()).collect(),
        Facet::Finding => FINDING_KEYS.to_vec(),
    }
}

/// The keys of the `finding` facet, `outcome:direction`, outcome by outcome.
pub const FINDING_KEYS: [&str; 40] = {
    // Written out so the keys are `&'static str`; `finding_index` keeps them in step.
    [
        "homicide:improved",
        "homicide:no-change",
        "homicide:worsened",
        "homicide:mixed",
        "violent-crime:improved",
        "violent-crime:no-change",
        "violent-crime:worsened",
        "violent-crime:mixed",
        "property-crime:improved",
        "property-crime:no-change",
        "property-crime:worsened",
        "property-crime:mixed",
        "victimization:improved",
        "victimization:no-change",
        "victimization:worsened",
        "victimization:mixed",
        "perception:improved",
        "perception:no-change",
        "perception:worsened",
        "perception:mixed",
        "recidivism:improved",
        "recidivism:no-change",
        "recidivism:worsened",
        "recidivism:mixed",
        "gender-violence:improved",
        "gender-violence:no-change",
        "gender-violence:worsened",
        "gender-violence:mixed",
        "youth-outcomes:improved",
        "youth-outcomes:no-change",
        "youth-outcomes:worsened",
        "youth-outcomes:mixed",
        "trust:improved",
        "trust:no-change",
        "trust:worsened",
        "trust:mixed",
        "other:improved",
        "other:no-change",
        "other:worsened",
        "other:mixed",
    ]
};

/// The position of `outcome:direction` in `FINDING_KEYS`.
pub fn finding_index(outcome: Outcome, direction: Direction) -> usize {
    outcome.index() * Direction::ALL.len() + direction.index()
}

/// The outcome and direction of a `finding` key.
pub fn parse_finding(key: &str) -> Option<(Outcome, Direction)> {
    let (o, d) = key.split_once(':')?;
    Some((Outcome::from_key(o)?, Direction::from_key(d)?))
}

// Multi-valued facets keep a 32-bit set per record: their vocabulary and "not stated" must fit.
const _: () = assert!(Focus::ALL.len() < 32 && ActorType::ALL.len() < 32);

/// Bit set of a multi-valued record's value ids; `not_stated` when it has none.
fn set_of(ids: impl Iterator<Item = usize>, not_stated: usize) -> u32 {
    let set = ids.fold(0u32, |s, i| s | 1 << i);
    if set == 0 {
        1 << not_stated
    } else {
        set
    }
}

struct Builder {
    len: usize,
    country_ids: HashMap<String, u16>,
    country_keys: Vec<String>,
    /// Country, level, evaluation, effect, region.
    single: [Vec<u16>; 5],
    /// Focus, funder types, outcomes.
    multi: [Vec<u32>; 3],
    /// What the evidence found (outcome × direction).
    findings: Vec<u64>,
    years: Vec<(i32, u32)>,
    budgets: Vec<(f64, u32)>,
    has_budget: Vec<u64>,
    text: TextIndexBuilder,
}

impl Builder {
    fn push(&mut self, r: &Intervention) {
        let i = self.len;
        let country = match self.country_ids.get(&r.country) {
            Some(id) => *id,
            None => {
                let id = u16::try_from(self.country_keys.len())
                    .expect("at most 65,536 distinct countries");
                self.country_ids.insert(r.country.clone(), id);
                self.country_keys.push(r.country.clone());
                id
            }
        };
        let opt = |v: Option<usize>, all: usize| v.unwrap_or(all) as u16;
        self.single[0].push(country);
        self.single[1].push(opt(r.level.map(Level::index), Level::ALL.len()));
        self.single[2].push(opt(
            r.evaluation.map(Evaluation::index),
            Evaluation::ALL.len(),
        ));
        self.single[3].push(opt(r.effect.map(Effect::index), Effect::ALL.len()));
        self.single[4].push(opt(
            Region::of_country(&r.country).map(Region::index),
            Region::ALL.len(),
        ));
        self.multi[0].push(set_of(r.focus.iter().map(|f| f.index()), Focus::ALL.len()));
        self.multi[1].push(set_of(
            r.funders
                .iter()
                .filter_map(|a| a.kind)
                .map(ActorType::index),
            ActorType::ALL.len(),
        ));
        self.multi[2].push(set_of(
            r.outcomes.iter().map(|o| o.index()),
            Outcome::ALL.len(),
        ));
        let found = r
            .verdicts
            .iter()
            .fold(0u64, |s, v| s | 1 << finding_index(v.outcome, v.direction));
        self.findings.push(if found == 0 {
            1 << FINDING_KEYS.len()
        } else {
            found
        });
        if let Some(y) = r.start_year {
            self.years.push((y, i as u32));
        }
        if i.is_multiple_of(64) {
            self.has_budget.push(0);
        }
        if let Some(b) = r.budget_in_usd() {
            bits::set(&mut self.has_budget, i);
            if !b.is_nan() {
                self.budgets.push((b, i as u32));
            }
        }
        self.text.push(&search_haystack(r));
        self.len += 1;
    }

    fn facet(&mut self, facet: Facet) -> FacetColumn {
        let n = self.len;
        let words = bits::words(n);
        let (mut keys, values) = match facet {
            Facet::Country => {
                // Countries in code order.
                let mut order: Vec<usize> = (0..self.country_keys.len()).collect();
                order.sort_by(|a, b| self.country_keys[*a].cmp(&self.country_keys[*b]));
                let mut new_id = vec![0u16; order.len()];
                for (new, old) in order.iter().enumerate() {
                    new_id[*old] = new as u16;
                }
                let mut ids = std::mem::take(&mut self.single[0]);
                for id in ids.iter_mut() {
                    *id = new_id[*id as usize];
                }
                (
                    order
                        .iter()
                        .map(|o| self.country_keys[*o].clone())
                        .collect::<Vec<String>>(),
                    Values::Single(ids),
                )
            }
            Facet::Level => (vec![], Values::Single(std::mem::take(&mut self.single[1]))),
            Facet::Evaluation => (vec![], Values::Single(std::mem::take(&mut self.single[2]))),
            Facet::Effect => (vec![], Values::Single(std::mem::take(&mut self.single[3]))),
            Facet::Region => (vec![], Values::Single(std::mem::take(&mut self.single[4]))),
            Facet::Focus => (vec![], Values::Multi(std::mem::take(&mut self.multi[0]))),
            Facet::Funder => (vec![], Values::Multi(std::mem::take(&mut self.multi[1]))),
            Facet::Outcome => (vec![], Values::Multi(std::mem::take(&mut self.multi[2]))),
            Facet::Finding => (vec![], Values::Wide(std::mem::take(&mut self.findings))),
        };
        if facet != Facet::Country {
            keys = vocabulary(facet).iter().map(|k| k.to_string()).collect();
            // "Not stated" (id = vocabulary length), last, only when some record lacks the field.
            let ns = keys.len();
            let used = match &values {
                Values::Single(ids) => ids.iter().any(|id| *id as usize == ns),
                Values::Multi(sets) => sets.iter().any(|s| s >> ns & 1 == 1),
                Values::Wide(sets) => sets.iter().any(|s| s >> ns & 1 == 1),
            };
            if used {
                keys.push(NOT_STATED.to_owned());
            }
        }
        let mut col = FacetColumn {
            ids: keys
                .iter()
                .enumerate()
                .map(|(i, k)| (k.clone(), i as u16))
                .collect(),
            totals: vec![0; keys.len()],
            maps: (keys.len() <= MAX_VALUE_MAPS).then(|| vec![0u64; keys.len() * words]),
            keys,
            values,
        };
        for r in 0..n {
            let (totals, maps) = (&mut col.totals, &mut col.maps);
            let mut add = |v: usize| {
                totals[v] += 1;
                if let Some(m) = maps.as_mut() {
                    bits::set(&mut m[v * words..(v + 1) * words], r);
                }
            };
            match &col.values {
                Values::Single(ids) => add(ids[r] as usize),
                Values::Multi(sets) => bits::for_each_bit(sets[r] as u64, 0, add),
                Values::Wide(sets) => bits::for_each_bit(sets[r], 0, add),
            }
        }
        col
    }

    /// Room for `n` records, so per-record columns do not grow by copying themselves.
    fn reserve(&mut self, n: usize) {
        self.single.iter_mut().for_each(|c| c.reserve_exact(n));
        self.multi.iter_mut().for_each(|c| c.reserve_exact(n));
        self.findings.reserve_exact(n);
        self.years.reserve_exact(n);
        self.has_budget.reserve_exact(bits::words(n));
    }

    fn finish(mut self) -> Columns {
        let n = self.len;
        let words = bits::words(n);
        // The search index first: it frees the largest temporary (each record's tokens).
        let text = std::mem::replace(&mut self.text, TextIndexBuilder::new()).finish();
        let facets: Vec<FacetColumn> = Facet::ALL.iter().map(|f| self.facet(*f)).collect();
        let mut years = std::mem::take(&mut self.years);
        years.sort_unstable();
        let years = Sorted {
            values: years.iter().map(|p| p.0).collect(),
            records: years.iter().map(|p| p.1).collect(),
        };
        let mut budgets = std::mem::take(&mut self.budgets);
        budgets.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let budgets = Sorted {
            values: budgets.iter().map(|p| p.0).collect(),
            records: budgets.iter().map(|p| p.1).collect(),
        };

        let mut year_of = vec![NO_YEAR; n];
        for (y, r) in years.values.iter().zip(&years.records) {
            year_of[*r as usize] = *y;
        }
        let mut budget_of = vec![f64::NAN; n];
        for (b, r) in budgets.values.iter().zip(&budgets.records) {
            budget_of[*r as usize] = *b;
        }

        let bins = BudgetBins::for_amounts(budgets.values.iter().copied());
        let mut bin = vec![BIN_UNKNOWN; n];
        let has_budget = self.has_budget;
        for (r, b) in bin.iter_mut().enumerate() {
            if bits::get(&has_budget, r) {
                *b = BIN_NONE;
            }
        }
        for (v, r) in budgets.values.iter().zip(&budgets.records) {
            if let Some(b) = bins.bin_of(*v) {
                bin[*r as usize] = b as u16;
            }
        }
        let unknown_budget: Vec<u64> = (0..words)
            .map(|w| bits::valid_word(n, w) & !has_budget[w])
            .collect();
        let mut budget_counts = vec![0; bins.len()];
        let mut bin_maps = (bins.len() <= MAX_VALUE_MAPS).then(|| vec![0u64; bins.len() * words]);
        for (r, b) in bin.iter().enumerate() {
            if *b < BIN_NONE {
                budget_counts[*b as usize] += 1;
                if let Some(m) = bin_maps.as_mut() {
                    bits::set(&mut m[*b as usize * words..(*b as usize + 1) * words], r);
                }
            }
        }
        let known = has_budget.iter().map(|w| w.count_ones() as usize).sum();
        let totals = Counts {
            total: n,
            matching: n,
            facet_counts: facets.iter().map(|c| c.totals.clone()).collect(),
            budget_counts,
            budget_unknown: n - known,
            matching_with_budget: known,
        };
        Columns {
            len: n,
            facets,
            years,
            budgets,
            bins,
            bin,
            bin_maps,
            year_of,
            budget_of,
            unknown_budget,
            has_budget,
            text,
            totals,
        }
    }
}

impl<T: PartialEq> Sorted<T> {
    /// Per record (of `n`), the dense rank of its value: 0 for the smallest, equal values equal
    /// ranks; `u32::MAX` for records without a value.
    fn dense_ranks(&self, n: usize) -> Vec<u32> {
        let mut ranks = vec![u32::MAX; n];
        let mut rank = 0u32;
        for (p, (v, r)) in self.values.iter().zip(&self.records).enumerate() {
            if p > 0 && self.values[p - 1] != *v {
                rank += 1;
            }
            ranks[*r as usize] = rank;
        }
        ranks
    }
}

impl Columns {
    /// Prepares records for filtering. Records are read one at a time and not kept, so they can
    /// come from a generator.
    pub fn build<I>(records: I) -> Columns
    where
        I: IntoIterator,
        I::Item: Borrow<Intervention>,
    {
        let mut b = Builder {
            len: 0,
            country_ids: HashMap::new(),
            country_keys: Vec::new(),
            single: Default::default(),
            multi: Default::default(),
            findings: Vec::new(),
            years: Vec::new(),
            budgets: Vec::new(),
            has_budget: Vec::new(),
            text: TextIndexBuilder::new(),
        };
        let records = records.into_iter();
        b.reserve(records.size_hint().0);
        for r in records {
            b.push(r.borrow());
        }
        b.finish()
    }

    /// Records in the dataset.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Every value key a facet offers, in display order (vocabulary order; countries by code;
    /// `not-stated` last when some record lacks the field).
    pub fn facet_keys(&self, facet: Facet) -> &[String] {
        &self.facets[facet.index()].keys
    }

    pub fn budget_bins(&self) -> &BudgetBins {
        &self.bins
    }

    /// The range of known start years.
    pub fn year_span(&self) -> Option<(i32, i32)> {
        Some((*self.years.values.first()?, *self.years.values.last()?))
    }

    /// The counts with nothing filtered.
    pub fn totals(&self) -> &Counts {
        &self.totals
    }

    /// The records holding any of these values of a facet (keys the facet lacks hold none).
    pub fn value_bitmap(&self, facet: Facet, keys: &[&str]) -> Vec<u64> {
        let col = &self.facets[facet.index()];
        let words = bits::words(self.len);
        let ids: Vec<usize> = keys
            .iter()
            .filter_map(|k| col.id(k))
            .map(usize::from)
            .collect();
        let mut out = vec![0u64; words];
        if col.maps.is_some() {
            for id in ids {
                let map = col.map(id, words).expect("maps");
                out.iter_mut().zip(map).for_each(|(o, m)| *o |= m);
            }
        } else {
            for r in 0..self.len {
                let mut hit = false;
                col.for_each_value(r, |v| hit |= ids.contains(&v));
                if hit {
                    bits::set(&mut out, r);
                }
            }
        }
        out
    }

    /// Per value of a facet (aligned with `facet_keys`), how many records of `set` hold it.
    pub fn count_values(&self, set: &Matching, facet: Facet) -> Vec<usize> {
        let col = &self.facets[facet.index()];
        let words = bits::words(self.len);
        match &col.maps {
            Some(_) => (0..col.keys.len())
                .map(|v| set.count_in(col.map(v, words).expect("maps")))
                .collect(),
            None => {
                let mut counts = vec![0; col.keys.len()];
                for r in set.iter() {
                    col.for_each_value(r, |v| counts[v] += 1);
                }
                counts
            }
        }
    }

    /// The records with a known budget.
    pub fn known_budget(&self) -> &[u64] {
        &self.has_budget
    }

    /// Record `r`'s start year.
    #[inline]
    pub fn year(&self, r: usize) -> Option<i32> {
        (self.year_of[r] != NO_YEAR).then_some(self.year_of[r])
    }

    /// Record `r`'s budget in US dollars, `None` when unknown.
    #[inline]
    pub fn budget(&self, r: usize) -> Option<f64> {
        bits::get(&self.has_budget, r).then_some(self.budget_of[r])
    }

    /// Record `r`'s value ids in a facet as a bit set (bit `id`; "not stated" included), for
    /// facets with at most 32 values (every facet but countries and findings).
    #[inline]
    pub fn value_set(&self, facet: Facet, r: usize) -> u32 {
        match &self.facets[facet.index()].values {
            Values::Multi(sets) => sets[r],
            Values::Single(ids) => 1u32.checked_shl(ids[r] as u32).unwrap_or(0),
            Values::Wide(sets) => sets[r] as u32,
        }
    }

    /// Each record's value id in a single-valued facet (country, level, evaluation, effect);
    /// `None` for a multi-valued one. Ids follow `facet_keys` order.
    pub fn single_ids(&self, facet: Facet) -> Option<&[u16]> {
        match &self.facets[facet.index()].values {
            Values::Single(ids) => Some(ids),
            Values::Multi(_) | Values::Wide(_) => None,
        }
    }

    /// Each record's start year as a dense rank (0 for the earliest year in the data, equal
    /// years equal ranks), `u32::MAX` without one: what sorting by year needs.
    pub fn year_ranks(&self) -> Vec<u32> {
        self.years.dense_ranks(self.len)
    }

    /// As `year_ranks`, for known budgets (`u32::MAX` for unknown and NaN).
    pub fn budget_ranks(&self) -> Vec<u32> {
        self.budgets.dense_ranks(self.len)
    }

    /// Bytes these columns hold on the heap (capacity, not counting allocator overhead).
    pub fn heap_bytes(&self) -> usize {
        self.facets
            .iter()
            .map(FacetColumn::heap_bytes)
            .sum::<usize>()
            + 4 * (self.years.values.capacity() + self.years.records.capacity())
            + 8 * self.budgets.values.capacity()
            + 4 * self.budgets.records.capacity()
            + 2 * self.bin.capacity()
            + self.bin_maps.as_ref().map_or(0, |m| 8 * m.capacity())
            + 4 * self.year_of.capacity()
            + 8 * self.budget_of.capacity()
            + 8 * (self.unknown_budget.capacity() + self.has_budget.capacity())
            + self.text.heap_bytes()
    }
}
