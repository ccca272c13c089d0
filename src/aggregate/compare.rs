//! The country comparison's data: two to four countries side by side on shared scales, a chosen
//! country kept at zero with the reason (`chart/compare.rs` draws it).

use crate::engine::{FilterResult, Index};
use crate::i18n::{self, Lang};
use crate::model::{Effect, Evaluation, Focus};
use crate::selection::Facet;

/// One country of the comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct CountryProfile {
    pub code: String,
    pub name: String,
    /// "35 interventions · US$1.2B known budget".
    pub caption: String,
    pub count: usize,
    /// Interventions per focus (a multi-focus one counts in each).
    pub focus: Vec<usize>,
    /// Per effect, then "not stated" last.
    pub effect: Vec<usize>,
    /// With a process, quasi-experimental or experimental evaluation.
    pub evaluated: usize,
    /// Rated effective or promising.
    pub effective_or_promising: usize,
    pub budget_known: usize,
    pub budget_usd: f64,
    /// Interventions started per year over `CompareSeries::years`.
    pub per_year: Vec<usize>,
}

/// Two to four countries side by side, on shared scales.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareSeries {
    pub title: String,
    pub focus_labels: Vec<String>,
    pub effect_labels: Vec<String>,
    pub years: Vec<i32>,
    /// Label of the per-year strip.
    pub years_label: String,
    pub countries: Vec<CountryProfile>,
}

impl CompareSeries {
    /// The longest focus bar across all countries (the shared scale).
    pub fn focus_max(&self) -> usize {
        self.countries
            .iter()
            .flat_map(|c| c.focus.iter().copied())
            .max()
            .unwrap_or(0)
    }
}

/// The comparison: every filter applies, except that each column is one compared country.
pub fn compare(
    index: &Index,
    result: &FilterResult,
    countries: &[String],
    lang: Lang,
) -> CompareSeries {
    let years: Vec<i32> = index
        .year_span()
        .map(|(a, b)| (a..=b).collect())
        .unwrap_or_default();
    let cols = index.columns();
    let evaluated = cols.value_bitmap(
        Facet::Evaluation,
        &[
            Evaluation::Process.key(),
            Evaluation::QuasiExperimental.key(),
            Evaluation::Experimental.key(),
        ],
    );
    let good = cols.value_bitmap(
        Facet::Effect,
        &[Effect::Effective.key(), Effect::Promising.key()],
    );
    let profiles = countries
        .iter()
        .map(|code| {
            // Every filter but the country filter, within this country: counts by value from
            // the value bitmaps; budgets and years from the records with them.
            let set = result
                .without_country
                .and(&cols.value_bitmap(Facet::Country, &[code.as_str()]));
            let mut p = CountryProfile {
                code: code.clone(),
                name: i18n::country_name(lang, code),
                caption: String::new(),
                count: set.len(),
                focus: vec![0; Focus::ALL.len()],
                effect: vec![0; Effect::ALL.len() + 1],
                evaluated: set.count_in(&evaluated),
                effective_or_promising: set.count_in(&good),
                budget_known: 0,
                budget_usd: 0.0,
                per_year: vec![0; years.len()],
            };
            // Value ids are vocabulary indexes, "not stated" last (dropped for focus).
            for (v, n) in cols
                .count_values(&set, Facet::Focus)
                .into_iter()
                .enumerate()
            {
                if let Some(slot) = p.focus.get_mut(v) {
                    *slot = n;
                }
            }
            for (v, n) in cols
                .count_values(&set, Facet::Effect)
                .into_iter()
                .enumerate()
            {
                p.effect[v] = n;
            }
            for i in set.and(cols.known_budget()).iter() {
                p.budget_known += 1;
                p.budget_usd += cols.budget(i).unwrap_or(0.0);
            }
            if let Some(first) = years.first() {
                for i in set.iter() {
                    if let Some(y) = cols.year(i) {
                        if let Some(slot) = p.per_year.get_mut((y - first) as usize) {
                            *slot += 1;
                        }
                    }
                }
            }
            let in_dataset = index
                .facet_keys(Facet::Country)
                .iter()
                .position(|k| k == code)
                .map_or(0, |i| cols.totals().facet_counts[Facet::Country.index()][i]);
            p.caption =
                i18n::compare_caption(lang, p.count, p.budget_usd, p.budget_known, in_dataset);
            p
        })
        .collect();
    let mut effect_labels: Vec<String> = Effect::ALL
        .iter()
        .map(|e| i18n::effect_label(lang, *e).to_owned())
        .collect();
    effect_labels.push(i18n::text(lang, i18n::Msg::NotStated).to_owned());
    CompareSeries {
        title: i18n::text(lang, i18n::Msg::ChartCompare).to_owned(),
        focus_labels: Focus::ALL
            .iter()
            .map(|f| i18n::focus_label(lang, *f).to_owned())
            .collect(),
        effect_labels,
        years,
        years_label: i18n::text(lang, i18n::Msg::StartedPerYear).to_owned(),
        countries: profiles,
    }
}

/// The countries to compare when the link names none: the three with most matching interventions.
pub fn default_comparison(index: &Index, result: &FilterResult) -> Vec<String> {
    let keys = index.facet_keys(Facet::Country);
    let counts = &result.facet_counts[Facet::Country.index()];
    let mut pairs: Vec<(usize, &String)> = counts
        .iter()
        .copied()
        .zip(keys)
        .filter(|(c, _)| *c > 0)
        .collect();
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    pairs.into_iter().take(3).map(|(_, k)| k.clone()).collect()
}
