//! Dashboard state beyond the filters: how the table is sorted and paged, which record's detail
//! panel is open. Plain data with plain methods, so it is tested on the host.

use crate::engine::Index;
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
        SortKey::Name => cmp_option(&Some(name(a)), &Some(name(b)), sort.descending),
        SortKey::Country => cmp_option(&Some(&a.country), &Some(&b.country), sort.descending),
        SortKey::Level => cmp_option(&a.level, &b.level, sort.descending),
        SortKey::Start => cmp_option(&a.start_year, &b.start_year, sort.descending),
        SortKey::Budget => cmp_option(&a.budget_usd, &b.budget_usd, sort.descending),
        SortKey::Evaluation => cmp_option(&a.evaluation, &b.evaluation, sort.descending),
        SortKey::Effect => cmp_option(&a.effect, &b.effect, sort.descending),
    };
    primary
        .then_with(|| name(a).cmp(&name(b)))
        .then_with(|| a.id.cmp(&b.id))
}

/// The matching records in table order, by sorting them all: the plain definition that
/// `page_of_sorted` (what the table uses) is checked against.
pub fn sorted_rows(index: &Index, matching: &[usize], sort: Sort) -> Vec<usize> {
    let records = index.records();
    let mut rows = matching.to_vec();
    rows.sort_by(|x, y| compare(&records[*x], &records[*y], sort));
    rows
}

/// Every record's rank by folded name (ties by id), computed once per dataset so the table can
/// sort without building strings.
#[derive(Debug, Clone, PartialEq)]
pub struct NameOrder(Vec<u32>);

impl NameOrder {
    pub fn new(records: &[Intervention]) -> NameOrder {
        let mut idx: Vec<usize> = (0..records.len()).collect();
        idx.sort_by_cached_key(|i| (crate::text::fold(&records[*i].name), records[*i].id.clone()));
        let mut rank = vec![0u32; records.len()];
        for (r, i) in idx.into_iter().enumerate() {
            rank[i] = r as u32;
        }
        NameOrder(rank)
    }
}

fn compare_ranked(a: &Intervention, b: &Intervention, ra: u32, rb: u32, sort: Sort) -> Ordering {
    let primary = match sort.key {
        SortKey::Name => {
            let o = ra.cmp(&rb);
            return if sort.descending { o.reverse() } else { o };
        }
        SortKey::Country => cmp_option(&Some(&a.country), &Some(&b.country), sort.descending),
        SortKey::Level => cmp_option(&a.level, &b.level, sort.descending),
        SortKey::Start => cmp_option(&a.start_year, &b.start_year, sort.descending),
        SortKey::Budget => cmp_option(&a.budget_usd, &b.budget_usd, sort.descending),
        SortKey::Evaluation => cmp_option(&a.evaluation, &b.evaluation, sort.descending),
        SortKey::Effect => cmp_option(&a.effect, &b.effect, sort.descending),
    };
    primary.then(ra.cmp(&rb))
}

/// The rows of table page `page` (clamped to the last page), in the order `sorted_rows` gives,
/// without sorting every matching row: only the rows up to the end of the page are selected and
/// sorted, so a page costs O(matching + page × log) however many rows match.
pub fn page_of_sorted(
    index: &Index,
    order: &NameOrder,
    matching: &[usize],
    sort: Sort,
    page: usize,
) -> Vec<usize> {
    let records = index.records();
    let page = page.min(page_count(matching.len()) - 1);
    let end = ((page + 1) * PAGE_SIZE).min(matching.len());
    let start = (page * PAGE_SIZE).min(end);
    let cmp = |x: &usize, y: &usize| {
        compare_ranked(&records[*x], &records[*y], order.0[*x], order.0[*y], sort)
    };
    let mut rows = matching.to_vec();
    if end < rows.len() && end > 0 {
        rows.select_nth_unstable_by(end - 1, cmp);
        rows.truncate(end);
    }
    rows.sort_by(cmp);
    rows[start..end.min(rows.len())].to_vec()
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
            seed in 0u64..500, n in 0usize..120, key in 0usize..7, descending in proptest::bool::ANY, page in 0usize..7, keep in 1usize..4,
        ) {
            let records: Vec<Intervention> = crate::synthetic::records(seed, n).collect();
            let index = Index::new(records);
            let order = NameOrder::new(index.records());
            let matching: Vec<usize> = (0..n).filter(|i| i % keep == 0).collect();
            let sort = Sort { key: SortKey::ALL[key], descending };
            let full = sorted_rows(&index, &matching, sort);
            proptest::prop_assert_eq!(page_of_sorted(&index, &order, &matching, sort, page), page_rows(&full, page).to_vec());
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
