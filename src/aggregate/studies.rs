//! The studies behind the current filters: a study matches when an intervention it evaluates
//! matches. `StudySet` links each study to the positions of its interventions in the `Index`
//! once, when a dataset loads; the Studies view sorts and pages what `matching` returns.

use crate::engine::{FilterResult, Index};
use crate::evidence::Study;
use crate::model::{Direction, Evaluation, Outcome};
use std::collections::HashMap;

/// The studies of a dataset, linked to its records.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StudySet {
    pub studies: Vec<Study>,
    /// Per study: the positions of the interventions it evaluates (unknown ids left out).
    records: Vec<Vec<u32>>,
    /// Per record position: the studies that evaluate it.
    by_record: HashMap<u32, Vec<u32>>,
    /// Per record position: its per-outcome verdicts (`evidence::derive`).
    verdicts: HashMap<u32, Vec<(Outcome, Direction)>>,
}

/// The Studies view's columns a person can sort by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StudySort {
    Year,
    Title,
    Design,
    Country,
}

impl StudySort {
    pub const ALL: [StudySort; 4] = [
        StudySort::Year,
        StudySort::Title,
        StudySort::Design,
        StudySort::Country,
    ];

    pub fn key(self) -> &'static str {
        match self {
            StudySort::Year => "year",
            StudySort::Title => "title",
            StudySort::Design => "design",
            StudySort::Country => "country",
        }
    }

    pub fn from_key(k: &str) -> Option<StudySort> {
        StudySort::ALL.into_iter().find(|s| s.key() == k)
    }
}

impl StudySet {
    pub fn new(index: &Index, studies: Vec<Study>) -> StudySet {
        let positions: HashMap<String, u32> = (0..index.len())
            .map(|i| (index.name_and_id(i).1.into_owned(), i as u32))
            .collect();
        let mut by_record: HashMap<u32, Vec<u32>> = HashMap::new();
        let records: Vec<Vec<u32>> = studies
            .iter()
            .enumerate()
            .map(|(s, study)| {
                let mut rs: Vec<u32> = study
                    .interventions
                    .iter()
                    .filter_map(|id| positions.get(id).copied())
                    .collect();
                rs.sort_unstable();
                rs.dedup();
                for r in &rs {
                    by_record.entry(*r).or_default().push(s as u32);
                }
                rs
            })
            .collect();
        let verdicts = by_record
            .iter()
            .filter_map(|(r, ss)| {
                let refs: Vec<&Study> = ss.iter().map(|s| &studies[*s as usize]).collect();
                crate::evidence::derive(&refs)
                    .filter(|d| !d.verdicts.is_empty())
                    .map(|d| (*r, d.verdicts))
            })
            .collect();
        StudySet {
            studies,
            records,
            by_record,
            verdicts,
        }
    }

    /// Record `i`'s per-outcome verdicts, derived from its studies.
    pub fn verdicts_of(&self, i: usize) -> &[(Outcome, Direction)] {
        self.verdicts.get(&(i as u32)).map_or(&[], Vec::as_slice)
    }

    /// What study `s`, if it is an impact study, found on `outcome` (its findings combined:
    /// the one reading they agree on, else mixed).
    pub fn study_direction(&self, s: usize, outcome: Outcome) -> Option<Direction> {
        let study = &self.studies[s];
        if !study.is_impact() {
            return None;
        }
        study
            .findings
            .iter()
            .filter(|f| f.outcome == outcome)
            .fold(None, |acc, f| Direction::combine(acc, f.reading()))
    }

    pub fn len(&self) -> usize {
        self.studies.len()
    }

    pub fn is_empty(&self) -> bool {
        self.studies.is_empty()
    }

    /// The studies (positions in `studies`) of record `i`, in file order.
    pub fn of_record(&self, i: usize) -> &[u32] {
        self.by_record.get(&(i as u32)).map_or(&[], Vec::as_slice)
    }

    /// The record positions study `s` evaluates.
    pub fn records_of(&self, s: usize) -> &[u32] {
        &self.records[s]
    }

    /// The studies with at least one matching intervention, in file order.
    pub fn matching(&self, result: &FilterResult) -> Vec<usize> {
        (0..self.studies.len())
            .filter(|s| {
                self.records[*s]
                    .iter()
                    .any(|r| result.matching.contains(*r as usize))
            })
            .collect()
    }

    /// Sorts study positions by a column; ties keep the year-then-title order, unknown last.
    pub fn sort(&self, rows: &mut [usize], key: StudySort, descending: bool) {
        let design_rank = |d: Evaluation| d as usize;
        rows.sort_by(|a, b| {
            let (x, y) = (&self.studies[*a], &self.studies[*b]);
            let primary = match key {
                StudySort::Year => cmp_unknown_last(x.year, y.year, descending),
                StudySort::Title => crate::text::fold(&x.title).cmp(&crate::text::fold(&y.title)),
                StudySort::Design => design_rank(x.design).cmp(&design_rank(y.design)),
                StudySort::Country => {
                    cmp_unknown_last(x.country.as_ref(), y.country.as_ref(), descending)
                }
            };
            let primary = if descending && !matches!(key, StudySort::Year | StudySort::Country) {
                primary.reverse()
            } else {
                primary
            };
            primary
                .then_with(|| cmp_unknown_last(y.year, x.year, false))
                .then_with(|| x.title.cmp(&y.title))
        });
    }
}

/// Orders known values (ascending, or descending when asked) before unknown ones.
fn cmp_unknown_last<T: Ord>(a: Option<T>, b: Option<T>, descending: bool) -> std::cmp::Ordering {
    use std::cmp::Ordering::*;
    match (a, b) {
        (Some(a), Some(b)) => {
            if descending {
                b.cmp(&a)
            } else {
                a.cmp(&b)
            }
        }
        (Some(_), None) => Less,
        (None, Some(_)) => Greater,
        (None, None) => Equal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_interventions;
    use crate::selection::{Facet, Selection};

    fn set() -> (Index, StudySet) {
        let records = parse_interventions(
            r#"[{"id":"a","name":"A","country":"BRA"},{"id":"b","name":"B","country":"COL"},{"id":"c","name":"C","country":"MEX"}]"#,
        )
        .unwrap()
        .records;
        let index = Index::new(records);
        let studies: Vec<Study> = serde_json::from_str(
            r#"[{"id":"s1","title":"Beta","year":2010,"design":"process","url":"https://x.org","interventions":["a","b"]},
                {"id":"s2","title":"alpha","year":null,"design":"experimental","url":"https://x.org","interventions":["c"]},
                {"id":"s3","title":"Gamma","year":2015,"design":"monitoring","url":"https://x.org","interventions":["b","zzz"]}]"#,
        )
        .unwrap();
        let set = StudySet::new(&index, studies);
        (index, set)
    }

    #[test]
    fn a_study_matches_when_one_of_its_interventions_does() {
        let (index, set) = set();
        let mut sel = Selection::default();
        assert_eq!(set.matching(&index.evaluate(&sel)), vec![0, 1, 2]);
        sel.toggle(Facet::Country, "COL");
        assert_eq!(set.matching(&index.evaluate(&sel)), vec![0, 2]);
        sel.toggle(Facet::Country, "COL");
        sel.toggle(Facet::Country, "MEX");
        assert_eq!(set.matching(&index.evaluate(&sel)), vec![1]);
        assert_eq!(set.of_record(1), &[0, 2]);
        assert_eq!(set.records_of(2), &[1], "unknown ids are left out");
    }

    #[test]
    fn sorting_puts_unknown_last() {
        let (_, set) = set();
        let mut rows = vec![0, 1, 2];
        set.sort(&mut rows, StudySort::Year, false);
        assert_eq!(rows, vec![0, 2, 1]);
        set.sort(&mut rows, StudySort::Year, true);
        assert_eq!(rows, vec![2, 0, 1]);
        set.sort(&mut rows, StudySort::Title, false);
        assert_eq!(rows, vec![1, 0, 2]);
        set.sort(&mut rows, StudySort::Design, true);
        assert_eq!(rows, vec![1, 0, 2]);
    }
}
