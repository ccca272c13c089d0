//! Dashboard state beyond the filters: how the table is sorted and paged, which record's detail
//! panel is open. Plain data with plain methods, so it is tested on the host.

use crate::engine::{Index, Matching};
use crate::model::Intervention;
use crate::selection::Selection;
use std::cmp::Ordering;

/// Rows per table page.
pub const PAGE_SIZE: usize = 25;

/// A sortable table column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Name,
    Country,
    Level,
    Start,
    Budget,
    Evaluation,
    Effect,
}

impl SortKey {
    pub const ALL: [SortKey; 7] = [
        SortKey::Name,
        SortKey::Country,
        SortKey::Level,
        SortKey::Start,
        SortKey::Budget,
        SortKey::Evaluation,
        SortKey::Effect,
    ];

    pub fn key(self) -> &'static str {
        match self {
            SortKey::Name => "name",
            SortKey::Country => "country",
            SortKey::Level => "level",
            SortKey::Start => "start",
            SortKey::Budget => "budget",
            SortKey::Evaluation => "evaluation",
            SortKey::Effect => "effect",
        }
    }
}

/// Column and direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

impl Default for Sort {
    fn default() -> Sort {
        Sort {
            key: SortKey::Name,
            descending: false,
        }
    }
}

impl Sort {
    /// Clicking a column header: the same column flips direction, another starts ascending
    /// (descending for numbers, where the largest is usually wanted first).
    pub fn clicked(self, key: SortKey) -> Sort {
        if self.key == key {
            Sort {
                key,
                descending: !self.descending,
            }
        } else {
            Sort {
                key,
                descending: matches!(key, SortKey::Start | SortKey::Budget),
            }
        }
    }
}

/// The whole state of the dashboard.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DashboardState {
    pub selection: Selection,
    pub sort: Sort,
    /// Zero-based table page.
    pub page: usize,
    /// Id of the record whose detail panel is open.
    pub record: Option<String>,
}

fn cmp_option<T: PartialOrd>(a: &Option<T>, b: &Option<T>, descending: bool) -> Ordering {
    // Unknown values go last whichever the direction.
    match (a, b) {
        (Some(x), Some(y)) => {
            let o = x.partial_cmp(y).unwrap_or(Ordering::Equal);
            if descending {
                o.reverse()
            } else {
                o
            }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

fn compare(a: &Intervention, b: &Intervention, sort: Sort) -> Ordering {
    let name = |r: &Intervention| crate::text::fold(&r.name);
    let primary = match sort.key {
        SortKey::Name => {
            // Descending by name reverses the whole order, ties by id included.
            let o = name(a).cmp(&name(b)).then_with(|| a.id.cmp(&b.id));
            return if sort.descending { o.reverse() } else { o };
        }
        SortKey::Country => cmp_option(&Some(&a.country), &Some(&b.country), sort.descending),
        SortKey::Level => cmp_option(&a.level, &b.level, sort.descending),
        SortKey::Start => cmp_option(&a.start_year, &b.start_year, sort.descending),
        SortKey::Budget => cmp_option(&a.budget_in_usd(), &b.budget_in_usd(), sort.descending),
        SortKey::Evaluation => cmp_option(&a.evaluation, &b.evaluation, sort.descending),
        SortKey::Effect => cmp_option(&a.effect, &b.effect, sort.descending),
    };
    primary
        .then_with(|| name(a).cmp(&name(b)))
        .then_with(|| a.id.cmp(&b.id))
}

/// The matching records in table order, by sorting them all: the plain definition that
/// [`ColumnOrder::page`] (what the table uses) is checked against.
pub fn sorted_rows(index: &Index, matching: &[usize], sort: Sort) -> Vec<usize> {
    let records: Vec<_> = index.records().collect();
    let mut rows = matching.to_vec();
    rows.sort_by(|x, y| compare(&records[*x], &records[*y], sort));
    rows
}

/// Every record's rank by folded name (ties by id), computed once per dataset so the table can
/// sort without building strings.
#[derive(Debug, Clone, PartialEq)]
pub struct NameOrder(Vec<u32>);

impl NameOrder {
    /// Folds every name once into one buffer (no string per record is kept, so a million
    /// synthetic names cost tens of megabytes for the moment of sorting), then sorts.
    pub fn new(index: &Index) -> NameOrder {
        let n = index.len();
        let mut text = String::new();
        let mut starts = Vec::with_capacity(n + 1);
        for i in 0..n {
            starts.push(text.len());
            text.push_str(&crate::text::fold(&index.name_and_id(i).0));
        }
        starts.push(text.len());
        let name = |i: u32| &text[starts[i as usize]..starts[i as usize + 1]];
        let mut by_name: Vec<u32> = (0..n as u32).collect();
        by_name.sort_unstable_by(|a, b| {
            name(*a).cmp(name(*b)).then_with(|| {
                index
                    .name_and_id(*a as usize)
                    .1
                    .cmp(&index.name_and_id(*b as usize).1)
            })
        });
        drop((text, starts));
        let mut rank = vec![0u32; n];
        for (r, i) in by_name.into_iter().enumerate() {
            rank[i as usize] = r as u32;
        }
        NameOrder(rank)
    }

    /// Record positions in name order.
    fn records(&self) -> Vec<u32> {
        let mut rows = vec![0u32; self.0.len()];
        for (i, r) in self.0.iter().enumerate() {
            rows[*r as usize] = i as u32;
        }
        rows
    }
}

/// The whole dataset in one column's table order, computed once per dataset and column: a page
/// of any selection is then read off it by walking it and keeping matching rows, without
/// sorting, so a page costs about (page end) × (dataset ÷ matching) steps.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnOrder {
    /// Records with a value, ascending by value, equal values by name.
    rows: Vec<u32>,
    /// Where each run of equal values starts in `rows`, so descending can walk the runs
    /// backwards, each still by name. `None` for names, where every run is one record.
    runs: Option<Vec<u32>>,
    /// Records without a value, by name: last in either direction.
    unknown: Vec<u32>,
}

impl ColumnOrder {
    pub fn new(index: &Index, names: &NameOrder, key: SortKey) -> ColumnOrder {
        use crate::selection::Facet;
        let by_name = names.records();
        let cols = index.columns();
        // Each record's class: equal values equal classes, ascending with the value.
        let classes: Vec<u32> = match key {
            SortKey::Name => {
                return ColumnOrder {
                    rows: by_name,
                    runs: None,
                    unknown: Vec::new(),
                }
            }
            SortKey::Start => cols.year_ranks(),
            SortKey::Budget => cols.budget_ranks(),
            SortKey::Country | SortKey::Level | SortKey::Evaluation | SortKey::Effect => {
                let facet = match key {
                    SortKey::Country => Facet::Country,
                    SortKey::Level => Facet::Level,
                    SortKey::Evaluation => Facet::Evaluation,
                    _ => Facet::Effect,
                };
                let not_stated = index
                    .facet_keys(facet)
                    .iter()
                    .position(|k| k == crate::selection::NOT_STATED);
                let ids = cols.single_ids(facet).expect("a single-valued facet");
                ids.iter()
                    .map(|id| match not_stated {
                        Some(ns) if *id as usize == ns => u32::MAX,
                        _ => *id as u32,
                    })
                    .collect()
            }
        };
        // A stable counting sort by class of the records in name order.
        let class_count = classes
            .iter()
            .filter(|c| **c != u32::MAX)
            .max()
            .map_or(0, |m| *m as usize + 1);
        let mut starts = vec![0u32; class_count + 1];
        for c in classes.iter().filter(|c| **c != u32::MAX) {
            starts[*c as usize + 1] += 1;
        }
        for c in 0..class_count {
            starts[c + 1] += starts[c];
        }
        let known = starts[class_count] as usize;
        let mut rows = vec![0u32; known];
        let mut unknown = Vec::with_capacity(by_name.len() - known);
        let mut next = starts.clone();
        for r in by_name {
            match classes[r as usize] {
                u32::MAX => unknown.push(r),
                c => {
                    rows[next[c as usize] as usize] = r;
                    next[c as usize] += 1;
                }
            }
        }
        starts.pop();
        starts.dedup();
        ColumnOrder {
            rows,
            runs: Some(starts),
            unknown,
        }
    }

    /// Every record in table order for this direction.
    fn walk(&self, descending: bool) -> Box<dyn Iterator<Item = u32> + '_> {
        let known: Box<dyn Iterator<Item = u32> + '_> = match (&self.runs, descending) {
            (_, false) => Box::new(self.rows.iter().copied()),
            (None, true) => Box::new(self.rows.iter().rev().copied()),
            (Some(runs), true) => Box::new((0..runs.len()).rev().flat_map(move |k| {
                let end = runs.get(k + 1).map_or(self.rows.len(), |e| *e as usize);
                self.rows[runs[k] as usize..end].iter().copied()
            })),
        };
        Box::new(known.chain(self.unknown.iter().copied()))
    }

    /// The rows of table page `page` (clamped to the last page) among the matching records, in
    /// the order [`sorted_rows`] gives.
    pub fn page(&self, matching: &Matching, descending: bool, page: usize) -> Vec<usize> {
        let page = page.min(page_count(matching.len()) - 1);
        self.walk(descending)
            .map(|r| r as usize)
            .filter(|r| matching.contains(*r))
            .skip(page * PAGE_SIZE)
            .take(PAGE_SIZE)
            .collect()
    }
}

/// Number of pages for `rows` rows (at least one, which may be empty).
pub fn page_count(rows: usize) -> usize {
    rows.div_ceil(PAGE_SIZE).max(1)
}

/// The rows of page `page`, clamped to the last page.
pub fn page_rows(rows: &[usize], page: usize) -> &[usize] {
    let page = page.min(page_count(rows.len()) - 1);
    let start = page * PAGE_SIZE;
    &rows[start.min(rows.len())..(start + PAGE_SIZE).min(rows.len())]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paging() {
        let rows: Vec<usize> = (0..60).collect();
        assert_eq!(page_count(60), 3);
        assert_eq!(page_count(0), 1);
        assert_eq!(page_rows(&rows, 0).len(), 25);
        assert_eq!(page_rows(&rows, 2), &rows[50..60]);
        assert_eq!(page_rows(&rows, 9), &rows[50..60]);
        assert!(page_rows(&[], 0).is_empty());
    }

    proptest::proptest! {
        #[test]
        fn a_page_equals_the_page_of_the_full_sort(
            seed in 0u64..500, n in 0usize..120, key in 0usize..7, descending in proptest::bool::ANY, page in 0usize..7, keep in 1usize..4, names in 1usize..200,
        ) {
            // Held records share names (ties go by id); the generated ones keep theirs.
            let mut records: Vec<Intervention> = crate::synthetic::records(seed, n).collect();
            for (i, r) in records.iter_mut().enumerate() {
                r.name = format!("Name {}", i % names);
            }
            let held = Index::new(records);
            let generated = Index::synthetic(seed, n);
            let matching: Vec<usize> = (0..n).filter(|i| i % keep == 0).collect();
            let sort = Sort { key: SortKey::ALL[key], descending };
            for index in [&held, &generated] {
                let full = sorted_rows(index, &matching, sort);
                let order = ColumnOrder::new(index, &NameOrder::new(index), sort.key);
                let m = Matching::from_positions(n, matching.iter().copied());
                proptest::prop_assert_eq!(order.page(&m, descending, page), page_rows(&full, page).to_vec());
            }
        }
    }

    #[test]
    fn sort_clicks() {
        let s = Sort::default().clicked(SortKey::Name);
        assert!(s.descending);
        let s = s.clicked(SortKey::Budget);
        assert_eq!(
            s,
            Sort {
                key: SortKey::Budget,
                descending: true
            }
        );
    }
}
