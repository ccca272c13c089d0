//! What a person has filtered: the `Selection`.
//!
//! Semantics (the crossfilter model): within a facet the selected values are OR-ed, across
//! dimensions the filters are AND-ed. Ranges: the year range is inclusive on both ends
//! (`2005..2010` keeps 2005 and 2010); the budget range is half-open, `min <= budget_usd < max`,
//! so that the budget histogram's bins tile the axis without a value counting in two bins.
//! A range with a bound set excludes records whose value is unknown. An empty search matches all.

use std::collections::BTreeSet;

/// The categorical dimensions a person can filter by ticking values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Facet {
    Country,
    /// A part of the region, from the country (`model::Region`).
    Region,
    Focus,
    Level,
    Funder,
    Evaluation,
    Effect,
    /// Outcomes an evaluation measured (the evidence gap map's columns).
    Outcome,
    /// What the impact evidence found, outcome by outcome (`homicide:improved`).
    Finding,
}

impl Facet {
    pub const ALL: [Facet; 9] = [
        Facet::Country,
        Facet::Region,
        Facet::Focus,
        Facet::Level,
        Facet::Funder,
        Facet::Evaluation,
        Facet::Effect,
        Facet::Outcome,
        Facet::Finding,
    ];

    /// The name used in URLs and JSON output.
    pub fn key(self) -> &'static str {
        match self {
            Facet::Country => "country",
            Facet::Region => "region",
            Facet::Focus => "focus",
            Facet::Level => "level",
            Facet::Funder => "funder",
            Facet::Evaluation => "evaluation",
            Facet::Effect => "effect",
            Facet::Outcome => "outcome",
            Facet::Finding => "finding",
        }
    }

    pub fn from_key(key: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|f| f.key() == key)
    }

    pub fn index(self) -> usize {
        self as usize
    }

    /// Multi-valued facets count a record once under each of its values.
    pub fn is_multi_valued(self) -> bool {
        matches!(
            self,
            Facet::Focus | Facet::Funder | Facet::Outcome | Facet::Finding
        )
    }
}

/// The facet value that stands for "the sources do not state it" (a null field or empty list).
pub const NOT_STATED: &str = "not-stated";

/// Optional lower and upper bounds.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Bounds<T> {
    pub min: Option<T>,
    pub max: Option<T>,
}

impl<T: Copy> Bounds<T> {
    pub const fn none() -> Bounds<T> {
        Bounds {
            min: None,
            max: None,
        }
    }
    pub fn is_active(&self) -> bool {
        self.min.is_some() || self.max.is_some()
    }
}

impl Bounds<i32> {
    /// Inclusive on both ends; an unknown year fails an active range.
    pub fn contains_year(&self, year: Option<i32>) -> bool {
        if !self.is_active() {
            return true;
        }
        match year {
            None => false,
            Some(y) => self.min.is_none_or(|m| y >= m) && self.max.is_none_or(|m| y <= m),
        }
    }
}

impl Bounds<f64> {
    /// `min <= v < max`; an unknown amount fails an active range.
    pub fn contains_amount(&self, amount: Option<f64>) -> bool {
        if !self.is_active() {
            return true;
        }
        match amount {
            None => false,
            Some(v) => self.min.is_none_or(|m| v >= m) && self.max.is_none_or(|m| v < m),
        }
    }
}

/// Every filter currently applied.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Selection {
    /// Selected value keys per facet, indexed by `Facet::index()`.
    values: [BTreeSet<String>; 9],
    pub year: Bounds<i32>,
    pub budget: Bounds<f64>,
    pub query: String,
}

impl Selection {
    pub fn new() -> Selection {
        Selection::default()
    }

    pub fn selected(&self, facet: Facet) -> &BTreeSet<String> {
        &self.values[facet.index()]
    }

    pub fn is_selected(&self, facet: Facet, key: &str) -> bool {
        self.values[facet.index()].contains(key)
    }

    /// Adds the value if absent, removes it if present.
    pub fn toggle(&mut self, facet: Facet, key: &str) {
        let set = &mut self.values[facet.index()];
        if !set.remove(key) {
            set.insert(key.to_owned());
        }
    }

    pub fn set_values(&mut self, facet: Facet, keys: impl IntoIterator<Item = String>) {
        self.values[facet.index()] = keys.into_iter().collect();
    }

    pub fn clear_facet(&mut self, facet: Facet) {
        self.values[facet.index()].clear();
    }

    pub fn clear_all(&mut self) {
        *self = Selection::default();
    }

    pub fn is_facet_active(&self, facet: Facet) -> bool {
        !self.values[facet.index()].is_empty()
    }

    /// True when nothing is filtered.
    pub fn is_empty(&self) -> bool {
        self.values.iter().all(BTreeSet::is_empty)
            && !self.year.is_active()
            && !self.budget.is_active()
            && self.query.trim().is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toggle_and_clear() {
        let mut s = Selection::new();
        assert!(s.is_empty());
        s.toggle(Facet::Country, "BRA");
        assert!(s.is_selected(Facet::Country, "BRA"));
        s.toggle(Facet::Country, "BRA");
        assert!(s.is_empty());
        s.toggle(Facet::Focus, "youth");
        s.query = "x".into();
        s.clear_facet(Facet::Focus);
        assert!(!s.is_empty());
        s.clear_all();
        assert!(s.is_empty());
    }

    #[test]
    fn ranges() {
        let y = Bounds {
            min: Some(2005),
            max: Some(2010),
        };
        assert!(y.contains_year(Some(2005)) && y.contains_year(Some(2010)));
        assert!(!y.contains_year(Some(2011)) && !y.contains_year(None));
        assert!(Bounds::<i32>::none().contains_year(None));
        let b = Bounds {
            min: Some(1e6),
            max: Some(1e7),
        };
        assert!(b.contains_amount(Some(1e6)) && !b.contains_amount(Some(1e7)));
        assert!(!b.contains_amount(None));
    }
}
