//! When nothing matches, say why: for each active filter, how many interventions would match
//! without it ("Without Outcomes measured: Homicide: 15 interventions"), so a person sees which
//! filter empties the result and what removing it gives.

use crate::engine::Index;
use crate::i18n::{self, Lang, Msg};
use crate::selection::{Bounds, Facet, Selection};

/// Which filter a `Without` is about, so the page can remove it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    Facet(Facet),
    Year,
    Budget,
    Search,
}

impl Filter {
    /// Removes this filter from a selection.
    pub fn clear(self, sel: &mut Selection) {
        match self {
            Filter::Facet(f) => sel.clear_facet(f),
            Filter::Year => sel.year = Bounds::none(),
            Filter::Budget => sel.budget = Bounds::none(),
            Filter::Search => sel.query.clear(),
        }
    }
}

/// One active filter and what removing it would give.
#[derive(Debug, Clone, PartialEq)]
pub struct Without {
    pub which: Filter,
    /// The filter as a person reads it ("Country: Mexico").
    pub filter: String,
    /// Interventions matching every other filter.
    pub matching: usize,
}

/// For an empty result: each active filter with the count its removal gives, the most helpful
/// first. Empty when the selection has matches or no filter is active.
pub fn explain_empty(index: &Index, sel: &Selection, lang: Lang) -> Vec<Without> {
    if sel.is_empty() || index.evaluate(sel).matching_count() > 0 {
        return Vec::new();
    }
    // Each active filter, as a person reads it.
    let mut active: Vec<(Filter, String)> = Vec::new();
    for facet in Facet::ALL {
        let values = sel.selected(facet);
        if values.is_empty() {
            continue;
        }
        let labels: Vec<String> = values
            .iter()
            .map(|v| i18n::value_label(lang, facet, v))
            .collect();
        active.push((
            Filter::Facet(facet),
            format!("{}: {}", i18n::facet_title(lang, facet), labels.join(", ")),
        ));
    }
    if sel.year.is_active() {
        let show = |v: Option<i32>| v.map(|y| y.to_string()).unwrap_or_default();
        active.push((
            Filter::Year,
            format!(
                "{}: {}–{}",
                i18n::text(lang, Msg::StartYear),
                show(sel.year.min),
                show(sel.year.max)
            ),
        ));
    }
    if sel.budget.is_active() {
        let show = |v: Option<f64>| {
            v.map(|b| i18n::format_usd_short(lang, b))
                .unwrap_or_default()
        };
        active.push((
            Filter::Budget,
            format!(
                "{}: {}–{}",
                i18n::text(lang, Msg::BudgetUsd),
                show(sel.budget.min),
                show(sel.budget.max)
            ),
        ));
    }
    if !sel.query.trim().is_empty() {
        active.push((
            Filter::Search,
            format!(
                "{}: \u{201c}{}\u{201d}",
                i18n::text(lang, Msg::Search),
                sel.query.trim()
            ),
        ));
    }
    // What each gives when removed (the same clearing the page's button does).
    let mut out: Vec<Without> = active
        .into_iter()
        .map(|(which, filter)| {
            let mut without = sel.clone();
            which.clear(&mut without);
            Without {
                which,
                filter,
                matching: index.evaluate(&without).matching_count(),
            }
        })
        .collect();
    out.sort_by(|a, b| b.matching.cmp(&a.matching));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_interventions;

    #[test]
    fn each_filter_says_what_removing_it_gives() {
        let records = parse_interventions(
            r#"[{"id":"a","name":"A","country":"MEX","outcomes":["perception"]},
                {"id":"b","name":"B","country":"MEX"},
                {"id":"c","name":"C","country":"COL","outcomes":["homicide"]}]"#,
        )
        .unwrap()
        .records;
        let index = Index::new(records);
        let mut sel = Selection::new();
        sel.toggle(Facet::Country, "MEX");
        assert!(
            explain_empty(&index, &sel, Lang::En).is_empty(),
            "Mexico alone matches"
        );
        sel.toggle(Facet::Outcome, "homicide");
        let why = explain_empty(&index, &sel, Lang::En);
        assert_eq!(
            why,
            vec![
                Without {
                    which: Filter::Facet(Facet::Outcome),
                    filter: "Outcomes measured: Homicide".into(),
                    matching: 2
                },
                Without {
                    which: Filter::Facet(Facet::Country),
                    filter: "Country: Mexico".into(),
                    matching: 1
                },
            ]
        );
        let mut cleared = sel.clone();
        why[0].which.clear(&mut cleared);
        assert_eq!(index.evaluate(&cleared).matching_count(), why[0].matching);
        let es = explain_empty(&index, &sel, Lang::Es);
        assert!(
            es[0].filter.starts_with("Resultados medidos"),
            "{:?}",
            es[0]
        );
    }
}
