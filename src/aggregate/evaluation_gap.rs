//! The evaluation gap: for the current filters, by country and by focus, how many matching
//! interventions have no impact evaluation (quasi-experimental or experimental), and how much of
//! their known budget they hold. Unknown budgets are left out of the budget share, never counted
//! as zero.

use crate::engine::{FilterResult, Index};
use crate::i18n::{self, evidence as ev, Lang};
use crate::model::{Evaluation, Focus};
use crate::selection::{Facet, Selection};

/// One country or focus area.
#[derive(Debug, Clone, PartialEq)]
pub struct GapGroup {
    pub facet: Facet,
    pub key: String,
    pub label: String,
    /// Matching interventions in the group, and those without an impact evaluation.
    pub count: usize,
    pub without: usize,
    /// Known budgets (US$) of the group, and of its interventions without an impact evaluation.
    pub budget: f64,
    pub budget_without: f64,
    /// The group's value is part of the current filter.
    pub selected: bool,
    /// "12 of 15 · 80%", written at the end of the row.
    pub value_text: String,
}

impl GapGroup {
    /// Share of interventions without an impact evaluation (0 to 1).
    pub fn share(&self) -> f64 {
        if self.count == 0 {
            0.0
        } else {
            self.without as f64 / self.count as f64
        }
    }

    /// Share of known budget without an impact evaluation; `None` when no budget is known.
    pub fn budget_share(&self) -> Option<f64> {
        (self.budget > 0.0).then(|| self.budget_without / self.budget)
    }
}

/// Everything the evaluation-gap chart draws: countries first, then focus areas.
#[derive(Debug, Clone, PartialEq)]
pub struct EvaluationGapSeries {
    pub title: String,
    pub country_heading: String,
    pub focus_heading: String,
    pub countries: Vec<GapGroup>,
    pub focus: Vec<GapGroup>,
    pub note: String,
}

impl EvaluationGapSeries {
    /// Every group in drawing order (countries, then focus areas): the chart's item numbers.
    pub fn groups(&self) -> impl Iterator<Item = &GapGroup> {
        self.countries.iter().chain(&self.focus)
    }
}

pub fn evaluation_gap(
    index: &Index,
    result: &FilterResult,
    sel: &Selection,
    lang: Lang,
) -> EvaluationGapSeries {
    let columns = index.columns();
    let countries = columns.single_ids(Facet::Country).expect("single-valued");
    let evaluations = columns
        .single_ids(Facet::Evaluation)
        .expect("single-valued");
    let country_keys = index.facet_keys(Facet::Country);
    let group = |facet: Facet, key: &str, label: String| GapGroup {
        facet,
        key: key.to_owned(),
        label,
        count: 0,
        without: 0,
        budget: 0.0,
        budget_without: 0.0,
        selected: sel.is_selected(facet, key),
        value_text: String::new(),
    };
    let mut by_country: Vec<GapGroup> = country_keys
        .iter()
        .map(|k| group(Facet::Country, k, i18n::country_name(lang, k)))
        .collect();
    let mut by_focus: Vec<GapGroup> = Focus::ALL
        .iter()
        .map(|f| {
            group(
                Facet::Focus,
                f.key(),
                i18n::focus_label(lang, *f).to_owned(),
            )
        })
        .collect();
    let focus_mask = (1u64 << Focus::ALL.len()) - 1;
    let mut with_budget = 0;
    for i in result.matching.iter() {
        let impact = matches!(
            Evaluation::ALL.get(evaluations[i] as usize),
            Some(Evaluation::QuasiExperimental | Evaluation::Experimental)
        );
        let budget = columns.budget(i).filter(|b| b.is_finite());
        with_budget += usize::from(budget.is_some());
        let add = |g: &mut GapGroup| {
            g.count += 1;
            g.without += usize::from(!impact);
            if let Some(b) = budget {
                g.budget += b;
                if !impact {
                    g.budget_without += b;
                }
            }
        };
        add(&mut by_country[countries[i] as usize]);
        let set = u64::from(columns.value_set(Facet::Focus, i)) & focus_mask;
        for (f, g) in by_focus.iter_mut().enumerate() {
            if set >> f & 1 == 1 {
                add(g);
            }
        }
    }
    by_country.retain(|g| g.count > 0 || g.selected);
    for g in by_country.iter_mut().chain(by_focus.iter_mut()) {
        g.value_text = ev::without_line(lang, g.without, g.count);
    }
    // Most interventions first, so the countries a person compares lead.
    by_country.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));
    EvaluationGapSeries {
        title: ev::text(lang, ev::Ev::EvalGapTitle).to_owned(),
        country_heading: ev::text(lang, ev::Ev::ByCountry).to_owned(),
        focus_heading: ev::text(lang, ev::Ev::ByFocus).to_owned(),
        countries: by_country,
        focus: by_focus,
        note: ev::eval_gap_note(lang, with_budget, result.matching.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_interventions;

    #[test]
    fn counts_groups_and_leaves_unknown_budgets_out() {
        let records = parse_interventions(
            r#"[{"id":"a","name":"A","country":"BRA","focus":["youth"],"evaluation":"experimental","budget_amount":100,"budget_currency":"USD","budget_usd":100},
                {"id":"b","name":"B","country":"BRA","focus":["youth","policing"],"evaluation":"process","budget_amount":300,"budget_currency":"USD","budget_usd":300},
                {"id":"c","name":"C","country":"COL","focus":["policing"]},
                {"id":"d","name":"D","country":"MEX","focus":["urban"],"evaluation":"quasi-experimental"}]"#,
        )
        .unwrap()
        .records;
        let index = Index::new(records);
        let mut sel = Selection::default();
        let s = evaluation_gap(&index, &index.evaluate(&sel), &sel, Lang::En);
        let bra = &s.countries[0];
        assert_eq!((bra.key.as_str(), bra.count, bra.without), ("BRA", 2, 1));
        assert_eq!(bra.budget_share(), Some(0.75));
        let col = s.countries.iter().find(|g| g.key == "COL").unwrap();
        assert_eq!((col.count, col.without, col.budget_share()), (1, 1, None));
        let youth = s.focus.iter().find(|g| g.key == "youth").unwrap();
        assert_eq!((youth.count, youth.without), (2, 1));
        let policing = s.focus.iter().find(|g| g.key == "policing").unwrap();
        assert_eq!((policing.count, policing.without), (2, 2));
        assert!(s.note.contains("2 of 4"), "{}", s.note);
        // Filtering narrows every group.
        sel.toggle(Facet::Country, "BRA");
        let s = evaluation_gap(&index, &index.evaluate(&sel), &sel, Lang::En);
        assert_eq!(s.countries.len(), 1);
        assert!(s.countries[0].selected);
        assert_eq!(
            s.focus.iter().find(|g| g.key == "policing").unwrap().count,
            1
        );
    }
}
