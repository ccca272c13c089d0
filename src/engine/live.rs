//! The incremental engine: keeps, per filtered dimension, the bitmap of records passing its
//! filter, and the counts every view shows; when the selection changes it updates only what the
//! change touches.
//!
//! Nine dimensions: the six facets (`Facet::index()`), the start-year range, the budget range and
//! the search. A record counts towards a facet's (or the budget histogram's) counts when it
//! passes every dimension except that one; it matches when it passes all of them. An inactive
//! dimension has no bitmap (everyone passes).
//!
//! When dimension `d`'s filter changes, the records whose pass bit flips are `old_d XOR new_d`.
//! Two ways to bring the counts up to date, chosen by how many records flipped:
//!
//! - **Delta** (few flipped, as when dragging a range or typing): crossfilter's rule, per flipped
//!   record. If it passes every other dimension, every count (but `d`'s own) and the matching
//!   count gain or lose it under its values; if it fails exactly one other dimension `e`, only
//!   `e`'s counts do; otherwise nothing changes. Which case applies is found 64 records at a time
//!   from the other dimensions' words.
//! - **Recount** (more than one record in `RECOUNT_RATIO` flipped, as when picking one country out
//!   of thirty): each count that leaves out `t` is recomputed from the AND of the other
//!   dimensions' bitmaps, as popcount(that AND the value's bitmap), 64 records per instruction, or
//!   record by record when few records pass; counts whose only changed input is their own filter
//!   are skipped, and with nothing filtered the counts are a copy of the totals.
//!
//! Facet and range filters build their new bitmap from per-value bitmaps and sorted indexes
//! (moving a range bound toggles only the records between the old and the new bound); the search
//! narrows the previous term's tokens while a person types.

use super::bits;
use super::columns::{Columns, Values, BIN_NONE, BIN_UNKNOWN};
use super::text_index::{TextIndex, TextIndexBuilder};
use super::FilterResult;
use crate::selection::{Bounds, Facet, Selection};
use crate::text::fold;
use std::sync::Arc;

/// Dimensions: the facets (`Facet::index()`), then the ranges and the search.
const FACETS: usize = Facet::ALL.len();
const YEAR: usize = FACETS;
const BUDGET: usize = FACETS + 1;
const SEARCH: usize = FACETS + 2;
const DIMS: usize = FACETS + 3;
/// The dimensions with counts that leave their own filter out: the facets and the budget range.
const TARGETS: [usize; FACETS + 1] = [0, 1, 2, 3, 4, 5, 6, 7, 8, BUDGET];

/// Under `Strategy::Auto`, recount when more than one record in `RECOUNT_RATIO` flipped.
const RECOUNT_RATIO: usize = 32;
/// When recounting, count record by record rather than by value bitmaps when fewer than
/// (values × words) / `PER_RECORD_COST` records pass the other filters.
const PER_RECORD_COST: usize = 6;

/// What a selection yields, without the list of matching records (see [`Engine::result`]).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Counts {
    /// Records in the dataset.
    pub total: usize,
    /// Records passing every filter.
    pub matching: usize,
    /// As `FilterResult::facet_counts`.
    pub facet_counts: Vec<Vec<usize>>,
    /// As `FilterResult::budget_counts`.
    pub budget_counts: Vec<usize>,
    pub budget_unknown: usize,
    pub matching_with_budget: usize,
}

/// How `Engine::update` brings counts up to date. `Auto` picks per update; the others exist so
/// tests and benchmarks can force one path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Strategy {
    #[default]
    Auto,
    Delta,
    Recount,
}

/// What the last `update` did, for benchmarks and diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct UpdateStats {
    /// Dimensions whose filter changed.
    pub dimensions: usize,
    /// Records whose pass bit flipped, summed over those dimensions.
    pub flipped: usize,
    /// Whether the counts were recounted rather than updated record by record.
    pub recounted: bool,
}

/// The filters as applied, in the columns' terms, to see what a new selection changes.
#[derive(Debug, Clone, PartialEq, Default)]
struct Applied {
    /// Selected value ids, sorted; `Some(empty)` when only keys the data lacks are selected.
    facets: [Option<Vec<u16>>; FACETS],
    /// Runs of the sorted year and budget indexes.
    year: Option<(usize, usize)>,
    budget: Option<(usize, usize)>,
    search: Option<Vec<String>>,
}

/// A search term's matching tokens and records, kept to narrow the next keystroke.
#[derive(Clone)]
struct TermMatches {
    term: String,
    tokens: Vec<u32>,
    /// The term's tokens in the text added later (`Engine::add_search_text`).
    late_tokens: Vec<u32>,
    records: Vec<u64>,
}

/// A dataset being filtered: the current selection's bitmaps and counts (see the module doc).
#[derive(Clone)]
pub struct Engine {
    cols: Arc<Columns>,
    pass: [Option<Vec<u64>>; DIMS],
    applied: Applied,
    counts: Counts,
    strategy: Strategy,
    terms: Vec<TermMatches>,
    /// Text a search also looks in that came after the columns were built.
    late_text: Option<Arc<TextIndex>>,
    scratch: Vec<u64>,
    stats: UpdateStats,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("applied", &self.applied)
            .field("counts", &self.counts)
            .finish()
    }
}

impl Engine {
    /// An engine with nothing filtered.
    pub fn new(columns: Arc<Columns>) -> Engine {
        Engine {
            counts: columns.totals.clone(),
            cols: columns,
            pass: Default::default(),
            applied: Applied::default(),
            strategy: Strategy::Auto,
            terms: Vec::new(),
            late_text: None,
            scratch: Vec::new(),
            stats: UpdateStats::default(),
        }
    }

    /// Adds text a search also looks in, for text that arrives after the index was built (the
    /// bundled records' descriptions load after the first charts): `text(i)` is record `i`'s.
    /// A search in force is run again by the next `update`.
    pub fn add_search_text<'a>(&mut self, text: impl Fn(usize) -> Option<&'a str>) {
        let mut builder = TextIndexBuilder::new();
        for i in 0..self.cols.len {
            builder.push(&fold(text(i).unwrap_or("")));
        }
        self.late_text = Some(Arc::new(builder.finish()));
        self.terms.clear();
        self.applied.search = None;
    }

    pub fn with_strategy(mut self, strategy: Strategy) -> Engine {
        self.strategy = strategy;
        self
    }

    pub fn columns(&self) -> &Arc<Columns> {
        &self.cols
    }

    /// The counts of the selection last applied.
    pub fn counts(&self) -> &Counts {
        &self.counts
    }

    pub fn last_update(&self) -> UpdateStats {
        self.stats
    }

    /// Applies a selection, updating only what changed since the last one.
    pub fn update(&mut self, sel: &Selection) -> &Counts {
        let cols = Arc::clone(&self.cols);
        let mut changes: Vec<(usize, Option<Vec<u64>>)> = Vec::new();

        for f in Facet::ALL {
            let i = f.index();
            let want = sel.is_facet_active(f).then(|| {
                let col = &cols.facets[i];
                let mut ids: Vec<u16> = sel.selected(f).iter().filter_map(|k| col.id(k)).collect();
                ids.sort_unstable();
                ids
            });
            if want != self.applied.facets[i] {
                changes.push((i, want.as_deref().map(|ids| facet_pass(&cols, i, ids))));
                self.applied.facets[i] = want;
            }
        }

        let want = sel
            .year
            .is_active()
            .then(|| year_span(&cols.years.values, sel.year));
        if want != self.applied.year {
            let old = self.applied.year.zip(self.pass[YEAR].as_deref());
            changes.push((
                YEAR,
                want.map(|span| range_pass(&cols.years.records, cols.len, old, span)),
            ));
            self.applied.year = want;
        }

        let want = sel
            .budget
            .is_active()
            .then(|| budget_span(&cols.budgets.values, sel.budget));
        if want != self.applied.budget {
            let old = self.applied.budget.zip(self.pass[BUDGET].as_deref());
            changes.push((
                BUDGET,
                want.map(|span| range_pass(&cols.budgets.records, cols.len, old, span)),
            ));
            self.applied.budget = want;
        }

        // The same terms as `text::SearchTerms`.
        let terms: Vec<String> = fold(&sel.query)
            .split_whitespace()
            .map(str::to_owned)
            .collect();
        let want = (!terms.is_empty()).then_some(terms);
        if want != self.applied.search {
            changes.push((SEARCH, want.as_deref().map(|t| self.search_pass(&cols, t))));
            self.applied.search = want;
        }

        let n = cols.len;
        let flipped: usize = changes
            .iter()
            .map(|(d, new)| flips(n, self.pass[*d].as_deref(), new.as_deref()))
            .sum();
        let recount = match self.strategy {
            Strategy::Delta => false,
            Strategy::Recount => true,
            Strategy::Auto => flipped * RECOUNT_RATIO > n,
        };
        self.stats = UpdateStats {
            dimensions: changes.len(),
            flipped,
            recounted: recount && !changes.is_empty(),
        };
        if changes.is_empty() {
            return &self.counts;
        }
        if recount {
            let mut dims = 0u16;
            for (d, new) in changes {
                dims |= 1 << d;
                self.pass[d] = new;
            }
            recount_all(&cols, &self.pass, dims, &mut self.scratch, &mut self.counts);
        } else {
            for (d, new) in changes {
                apply_delta(&cols, &self.pass, d, new.as_deref(), &mut self.counts);
                self.pass[d] = new;
            }
        }
        &self.counts
    }

    /// The bitmap of records holding every term (AND), reusing and narrowing the last terms'.
    fn search_pass(&mut self, cols: &Columns, terms: &[String]) -> Vec<u64> {
        let mut fresh: Vec<TermMatches> = Vec::with_capacity(terms.len());
        for term in terms {
            if fresh.iter().any(|m| m.term == *term) {
                continue;
            }
            if let Some(i) = self.terms.iter().position(|m| m.term == *term) {
                fresh.push(self.terms.swap_remove(i));
                continue;
            }
            let narrower = self
                .terms
                .iter()
                .chain(fresh.iter())
                .filter(|m| term.contains(m.term.as_str()))
                .min_by_key(|m| m.tokens.len());
            let tokens = cols
                .text
                .tokens_containing(term, narrower.map(|m| &m.tokens[..]));
            let mut records = cols.text.records_with(&tokens);
            let mut late_tokens = Vec::new();
            if let Some(late) = &self.late_text {
                late_tokens = late.tokens_containing(term, narrower.map(|m| &m.late_tokens[..]));
                for (r, l) in records.iter_mut().zip(late.records_with(&late_tokens)) {
                    *r |= l;
                }
            }
            fresh.push(TermMatches {
                term: term.clone(),
                tokens,
                late_tokens,
                records,
            });
        }
        let mut out = fresh[0].records.clone();
        for m in &fresh[1..] {
            for (o, x) in out.iter_mut().zip(&m.records) {
                *o &= x;
            }
        }
        self.terms = fresh;
        out
    }

    /// The records passing every filter but dimension `skip`'s (every filter when `skip` is
    /// not a dimension).
    fn passing_except(&self, skip: usize) -> super::Matching {
        let mut words = bits::ones(self.cols.len);
        for (_, b) in self.pass.iter().enumerate().filter(|(d, _)| *d != skip) {
            if let Some(b) = b {
                words.iter_mut().zip(b).for_each(|(x, y)| *x &= y);
            }
        }
        super::Matching::from_words(words)
    }

    pub fn is_matching(&self, record: usize) -> bool {
        record < self.cols.len && self.pass.iter().flatten().all(|b| bits::get(b, record))
    }

    /// The counts, and the matching records as bitmaps (all of them, and those passing every
    /// filter but the country's or the year range's, which the views count from).
    pub fn result(&self) -> FilterResult {
        let c = &self.counts;
        let matching = self.passing_except(DIMS);
        // Leaving out a dimension that filters nothing leaves the matching records.
        let without = |d: usize| match self.pass[d] {
            Some(_) => self.passing_except(d),
            None => matching.clone(),
        };
        FilterResult {
            total: c.total,
            facet_counts: c.facet_counts.clone(),
            budget_counts: c.budget_counts.clone(),
            budget_unknown: c.budget_unknown,
            matching_with_budget: c.matching_with_budget,
            without_country: without(Facet::Country.index()),
            without_year: without(YEAR),
            matching,
        }
    }

    /// Bytes this engine holds on the heap beyond its columns.
    pub fn heap_bytes(&self) -> usize {
        8 * (self.pass.iter().flatten().map(Vec::capacity).sum::<usize>() + self.scratch.capacity())
            + self
                .terms
                .iter()
                .map(|t| 4 * t.tokens.capacity() + 8 * t.records.capacity())
                .sum::<usize>()
    }
}

/// Records whose bit differs between two bitmaps (`None`: everyone).
fn flips(n: usize, old: Option<&[u64]>, new: Option<&[u64]>) -> usize {
    (0..bits::words(n))
        .map(|w| {
            let v = bits::valid_word(n, w);
            (old.map_or(v, |b| b[w]) ^ new.map_or(v, |b| b[w])).count_ones() as usize
        })
        .sum()
}

/// Records having any of the value ids (sorted) of facet `f`.
fn facet_pass(cols: &Columns, f: usize, ids: &[u16]) -> Vec<u64> {
    let n = cols.len;
    let words = bits::words(n);
    let col = &cols.facets[f];
    let mut out = vec![0u64; words];
    if col.maps.is_some() {
        for &v in ids {
            let m = col.map(v as usize, words).expect("maps");
            for (o, x) in out.iter_mut().zip(m) {
                *o |= x;
            }
        }
    } else {
        let mut want = vec![false; col.keys.len()];
        for &v in ids {
            want[v as usize] = true;
        }
        for r in 0..n {
            let mut any = false;
            col.for_each_value(r, |v| any |= want[v]);
            if any {
                bits::set(&mut out, r);
            }
        }
    }
    out
}

/// The run of sorted years inside an inclusive range.
fn year_span(values: &[i32], b: Bounds<i32>) -> (usize, usize) {
    let lo = b.min.map_or(0, |m| values.partition_point(|v| *v < m));
    let hi = b
        .max
        .map_or(values.len(), |m| values.partition_point(|v| *v <= m));
    (lo, hi.max(lo))
}

/// The run of sorted budgets inside a half-open range `[min, max)`.
fn budget_span(values: &[f64], b: Bounds<f64>) -> (usize, usize) {
    if b.min.is_some_and(f64::is_nan) || b.max.is_some_and(f64::is_nan) {
        return (0, 0);
    }
    let lo = b.min.map_or(0, |m| values.partition_point(|v| *v < m));
    let hi = b
        .max
        .map_or(values.len(), |m| values.partition_point(|v| *v < m));
    (lo, hi.max(lo))
}

/// The bitmap of the records at `records[c..d]`. When the old run `[a, b)` and its bitmap are
/// given and the bounds moved less than the run is long, only the records between the old and
/// new bounds are toggled: XOR of [a, b) and [c, d) is [min(a,c), max(a,c)) XOR [min(b,d), max(b,d)).
fn range_pass(
    records: &[u32],
    n: usize,
    old: Option<((usize, usize), &[u64])>,
    (c, d): (usize, usize),
) -> Vec<u64> {
    if let Some(((a, b), old_bits)) = old {
        if a.abs_diff(c) + b.abs_diff(d) < d - c {
            let mut out = old_bits.to_vec();
            for r in records[a.min(c)..a.max(c)]
                .iter()
                .chain(&records[b.min(d)..b.max(d)])
            {
                bits::toggle(&mut out, *r as usize);
            }
            return out;
        }
    }
    let mut out = vec![0u64; bits::words(n)];
    for r in &records[c..d] {
        bits::set(&mut out, *r as usize);
    }
    out
}

/// Adds (`up`) or removes the records `rows` to target `t`'s counts: one tight loop per column
/// kind, rather than a dispatch per record.
fn bump_all(cols: &Columns, counts: &mut Counts, t: usize, rows: &[u32], up: bool) {
    if rows.is_empty() {
        return;
    }
    // Counts change by +1 or -1 per value; wrapping arithmetic on the two's complement of 1 does
    // both without a branch per record.
    let step = if up { 1usize } else { usize::MAX };
    if t == BUDGET {
        for r in rows {
            match cols.bin[*r as usize] {
                BIN_UNKNOWN => counts.budget_unknown = counts.budget_unknown.wrapping_add(step),
                BIN_NONE => {}
                b => {
                    let c = &mut counts.budget_counts[b as usize];
                    *c = c.wrapping_add(step);
                }
            }
        }
        return;
    }
    let c = &mut counts.facet_counts[t];
    match &cols.facets[t].values {
        Values::Single(ids) => {
            for r in rows {
                let v = &mut c[ids[*r as usize] as usize];
                *v = v.wrapping_add(step);
            }
        }
        Values::Multi(sets) => {
            for r in rows {
                bits::for_each_bit(sets[*r as usize] as u64, 0, |v| {
                    c[v] = c[v].wrapping_add(step)
                });
            }
        }
        Values::Wide(sets) => {
            for r in rows {
                bits::for_each_bit(sets[*r as usize], 0, |v| c[v] = c[v].wrapping_add(step));
            }
        }
    }
}

/// Pushes the record of each set bit of `word` (bit 0 is record `base`) onto `rows`.
#[inline]
fn push_bits(rows: &mut Vec<u32>, word: u64, base: usize) {
    bits::for_each_bit(word, base, |r| rows.push(r as u32));
}

/// Updates `counts` for dimension `d`'s bitmap going from `pass[d]` to `new`, record by record.
///
/// A flipped record changes the counts that leave out `t` only if it passes every other
/// dimension but `t`: if it passes them all, every count changes (but `d`'s own); if it fails
/// exactly one active dimension `e`, only `e`'s counts; otherwise none. The records are sorted
/// into those cases 64 at a time from the bitmaps' words, then each case's counts are updated
/// column by column.
fn apply_delta(
    cols: &Columns,
    pass: &[Option<Vec<u64>>; DIMS],
    d: usize,
    new: Option<&[u64]>,
    counts: &mut Counts,
) {
    let n = cols.len;
    let old = pass[d].as_deref();
    let others: Vec<(usize, &[u64])> = (0..DIMS)
        .filter(|e| *e != d)
        .filter_map(|e| pass[e].as_deref().map(|b| (e, b)))
        .collect();
    let k = others.len();
    let targets: Vec<usize> = TARGETS.iter().copied().filter(|t| *t != d).collect();
    let is_target = |e: usize| TARGETS.contains(&e);
    let mut vals = [0u64; DIMS];
    let mut pre = [0u64; DIMS + 1];
    let mut suf = [0u64; DIMS + 1];
    // Records passing every other dimension that joined / left; per other dimension `others[j]`,
    // records failing only it that joined / left.
    let (mut gained, mut lost) = (Vec::new(), Vec::new());
    let mut only: Vec<(Vec<u32>, Vec<u32>)> = vec![Default::default(); k];
    for w in 0..bits::words(n) {
        let valid = bits::valid_word(n, w);
        let (o, nw) = (old.map_or(valid, |b| b[w]), new.map_or(valid, |b| b[w]));
        let delta = o ^ nw;
        if delta == 0 {
            continue;
        }
        // pre[j]: AND of others[..j]; suf[j]: AND of others[j..].
        pre[0] = valid;
        for j in 0..k {
            vals[j] = others[j].1[w];
            pre[j + 1] = pre[j] & vals[j];
        }
        suf[k] = !0;
        for j in (0..k).rev() {
            suf[j] = suf[j + 1] & vals[j];
        }
        let base = w * 64;
        let all = pre[k] & delta;
        if all != 0 {
            let (up, down) = (all & nw, all & o);
            counts.matching =
                counts.matching + up.count_ones() as usize - down.count_ones() as usize;
            let hb = cols.has_budget[w];
            counts.matching_with_budget = counts.matching_with_budget
                + (up & hb).count_ones() as usize
                - (down & hb).count_ones() as usize;
            push_bits(&mut gained, up, base);
            push_bits(&mut lost, down, base);
        }
        for j in 0..k {
            if is_target(others[j].0) {
                let only_e = pre[j] & suf[j + 1] & !vals[j] & delta;
                if only_e != 0 {
                    push_bits(&mut only[j].0, only_e & nw, base);
                    push_bits(&mut only[j].1, only_e & o, base);
                }
            }
        }
    }
    for &t in &targets {
        bump_all(cols, counts, t, &gained, true);
        bump_all(cols, counts, t, &lost, false);
    }
    for (j, (up, down)) in only.iter().enumerate() {
        bump_all(cols, counts, others[j].0, up, true);
        bump_all(cols, counts, others[j].0, down, false);
    }
}

/// Recomputes every count from the bitmaps, except those whose only changed input (`dims`, a bit
/// per dimension) is their own filter.
fn recount_all(
    cols: &Columns,
    pass: &[Option<Vec<u64>>; DIMS],
    dims: u16,
    ex: &mut Vec<u64>,
    counts: &mut Counts,
) {
    let n = cols.len;
    let words = bits::words(n);
    let active: Vec<(usize, &[u64])> = (0..DIMS)
        .filter_map(|e| pass[e].as_deref().map(|b| (e, b)))
        .collect();
    if active.is_empty() {
        *counts = cols.totals.clone();
        return;
    }
    ex.clear();
    ex.extend_from_slice(active[0].1);
    for (_, b) in &active[1..] {
        for (x, y) in ex.iter_mut().zip(*b) {
            *x &= y;
        }
    }
    counts.matching = ex.iter().map(|w| w.count_ones() as usize).sum();
    counts.matching_with_budget = bits::count_and(ex, &cols.has_budget);

    for t in TARGETS {
        if dims & !(1 << t) == 0 {
            continue;
        }
        let others: Vec<&[u64]> = active
            .iter()
            .filter(|(e, _)| *e != t)
            .map(|(_, b)| *b)
            .collect();
        if others.is_empty() {
            if t == BUDGET {
                counts.budget_counts.clone_from(&cols.totals.budget_counts);
                counts.budget_unknown = cols.totals.budget_unknown;
            } else {
                counts.facet_counts[t].clone_from(&cols.totals.facet_counts[t]);
            }
            continue;
        }
        ex.clear();
        ex.extend_from_slice(others[0]);
        for b in &others[1..] {
            for (x, y) in ex.iter_mut().zip(*b) {
                *x &= y;
            }
        }
        let passing: usize = ex.iter().map(|w| w.count_ones() as usize).sum();
        // Bitmaps cost a pass over `words` per value; record by record costs a lookup per
        // record passing. Few records pass when several other filters are on.
        let by_record = |values: usize| passing * PER_RECORD_COST < values * words;
        if t == BUDGET {
            counts.budget_unknown = bits::count_and(ex, &cols.unknown_budget);
            let c = &mut counts.budget_counts;
            match &cols.bin_maps {
                Some(maps) if !by_record(c.len()) => {
                    for (b, slot) in c.iter_mut().enumerate() {
                        *slot = bits::count_and(ex, &maps[b * words..(b + 1) * words]);
                    }
                }
                _ => {
                    c.fill(0);
                    for (w, x) in ex.iter().enumerate() {
                        bits::for_each_bit(*x, w * 64, |r| {
                            if cols.bin[r] < BIN_NONE {
                                c[cols.bin[r] as usize] += 1
                            }
                        });
                    }
                }
            }
        } else {
            let col = &cols.facets[t];
            let c = &mut counts.facet_counts[t];
            match &col.maps {
                Some(maps) if !by_record(c.len()) => {
                    for (v, slot) in c.iter_mut().enumerate() {
                        *slot = bits::count_and(ex, &maps[v * words..(v + 1) * words]);
                    }
                }
                _ => {
                    c.fill(0);
                    for (w, x) in ex.iter().enumerate() {
                        bits::for_each_bit(*x, w * 64, |r| col.for_each_value(r, |v| c[v] += 1));
                    }
                }
            }
        }
    }
}
