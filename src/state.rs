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
    pub const ALL: [SortKey; 7] =
        [SortKey::Name, SortKey::Country, SortKey::Level, SortKey::Start, SortKey::Budget, SortKey::Evaluation, SortKey::Effect];

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
        Sort { key: SortKey::Name, descending: false }
    }
}

impl Sort {
    /// Clicking a column header: the same column flips direction, another starts ascending
    /// (descending for numbers, where the largest is usually wanted first).
    pub fn clicked(self, key: SortKey) -> Sort {
        if self.key == key {
            Sort { key, descending: !self.descending }
        } else {
            Sort { key, descending: matches!(key, SortKey::Start | SortKey::Budget) }
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
    primary.then_with(|| name(a).cmp(&name(b))).then_with(|| a.id.cmp(&b.id))
}

/// The matching records sorted for the table.
pub fn sorted_rows(index: &Index, matching: &[usize], sort: Sort) -> Vec<usize> {
    let records = index.records();
    let mut rows = matching.to_vec();
    rows.sort_by(|x, y| compare(&records[*x], &records[*y], sort));
    rows
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

    #[test]
    fn sort_clicks() {
        let s = Sort::default().clicked(SortKey::Name);
        assert!(s.descending);
        let s = s.clicked(SortKey::Budget);
        assert_eq!(s, Sort { key: SortKey::Budget, descending: true });
    }
}
