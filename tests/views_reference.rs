//! The views (timeline, evidence gap map, comparison, map) count from the engine's bitmaps and
//! the columns; here they are checked against the plainest reading: evaluate the selection with
//! the one filter the view leaves out, then walk the whole records.

use mirador::aggregate::views::{self, GapColour, MapMeasure, SharedAtlas, Stack};
use mirador::engine::Index;
use mirador::geo::Atlas;
use mirador::i18n::Lang;
use mirador::model::{Effect, Evaluation, Focus, Intervention};
use mirador::selection::{Bounds, Facet, Selection};
use proptest::prelude::*;
use std::sync::Arc;

const COUNTRIES: [&str; 6] = ["BRA", "COL", "MEX", "JAM", "HND", "XXX"];

fn arb_selection() -> impl Strategy<Value = Selection> {
    (
        proptest::collection::vec(0..COUNTRIES.len(), 0..3),
        proptest::collection::vec(0..Focus::ALL.len(), 0..2),
        proptest::option::of((1995..2026i32, 0..12i32)),
        any::<bool>(),
    )
        .prop_map(|(countries, focus, years, outcome)| {
            let mut sel = Selection::new();
            for c in countries {
                sel.toggle(Facet::Country, COUNTRIES[c]);
            }
            for f in focus {
                sel.toggle(Facet::Focus, Focus::ALL[f].key());
            }
            if let Some((from, span)) = years {
                sel.year = Bounds {
                    min: Some(from),
                    max: Some(from + span),
                };
            }
            if outcome {
                sel.toggle(Facet::Outcome, "homicide");
            }
            sel
        })
}

/// Records of `index` passing `sel`, in dataset order.
fn passing(index: &Index, sel: &Selection) -> Vec<Intervention> {
    let r = index.evaluate(sel);
    r.matching
        .iter()
        .map(|i| index.record(i).into_owned())
        .collect()
}

fn focus_layers(r: &Intervention) -> Vec<usize> {
    let mut v: Vec<usize> = r.focus.iter().map(|f| f.index()).collect();
    v.sort();
    v.dedup();
    if v.is_empty() {
        v.push(Focus::ALL.len());
    }
    v
}

fn effect_rank(e: Effect) -> usize {
    match e {
        Effect::Effective => 5,
        Effect::Promising => 4,
        Effect::Mixed => 3,
        Effect::Unknown => 2,
        Effect::NoEffect => 1,
        Effect::Harmful => 0,
    }
}

fn atlas() -> SharedAtlas {
    SharedAtlas(Arc::new(
        Atlas::from_json(include_str!("../data/geo/lac.json")).unwrap(),
    ))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn views_count_what_the_records_say(seed in 0u64..1000, n in 0usize..400, sel in arb_selection(), by_effect in any::<bool>()) {
        let mut records = mirador::synthetic::generate(seed, n);
        // Some records repeat a focus area or an outcome: they still count once.
        for r in records.iter_mut().step_by(7) {
            if let Some(f) = r.focus.first().copied() { r.focus.push(f); }
            if let Some(o) = r.outcomes.first().copied() { r.outcomes.push(o); }
        }
        let index = Index::new(records);
        let result = index.evaluate(&sel);
        let lang = Lang::En;

        // Timeline: every filter but the year range.
        let stack = if by_effect { Stack::Effect } else { Stack::Focus };
        let t = views::timeline(&index, &result, &sel, &[], stack, lang);
        let mut no_year = sel.clone();
        no_year.year = Bounds::none();
        let mut totals = vec![0usize; t.years.len()];
        let mut counts = vec![vec![0usize; t.layers.len()]; t.years.len()];
        for r in passing(&index, &no_year) {
            if let Some(y) = r.start_year {
                let yi = t.years.iter().position(|v| *v == y).unwrap();
                totals[yi] += 1;
                let layers = if by_effect { vec![r.effect.map_or(Effect::ALL.len(), |e| e.index())] } else { focus_layers(&r) };
                for l in layers { counts[yi][l] += 1; }
            }
        }
        prop_assert_eq!(&t.totals, &totals);
        prop_assert_eq!(&t.counts, &counts);

        // Gap map: matching records with outcomes, each focus × outcome once.
        let g = views::gap(&index, &result, &sel, GapColour::default(), views::GapCount::default(), None, lang);
        let mut cells = vec![vec![(0usize, None::<Evaluation>, None::<Effect>); g.cells[0].len()]; g.cells.len()];
        for r in passing(&index, &sel) {
            let mut outcomes: Vec<usize> = r.outcomes.iter().map(|o| o.index()).collect();
            outcomes.sort();
            outcomes.dedup();
            let mut focus: Vec<usize> = r.focus.iter().map(|f| f.index()).collect();
            focus.sort();
            focus.dedup();
            for f in &focus {
                for o in &outcomes {
                    let c = &mut cells[*f][*o];
                    c.0 += 1;
                    c.1 = c.1.max(r.evaluation);
                    if let Some(e) = r.effect {
                        if c.2.is_none_or(|b| effect_rank(e) > effect_rank(b)) { c.2 = Some(e); }
                    }
                }
            }
        }
        let got: Vec<Vec<_>> = g.cells.iter().map(|row| row.iter().map(|c| (c.count, c.strongest, c.best)).collect()).collect();
        prop_assert_eq!(got, cells);

        // Comparison: each country with every other filter.
        let chosen: Vec<String> = ["BRA", "MEX", "XXX"].iter().map(|c| c.to_string()).collect();
        let cmp = views::compare(&index, &result, &chosen, lang);
        for (p, code) in cmp.countries.iter().zip(&chosen) {
            let mut s = sel.clone();
            s.set_values(Facet::Country, [code.clone()]);
            let rows = passing(&index, &s);
            prop_assert_eq!(p.count, rows.len());
            let mut focus = vec![0; Focus::ALL.len()];
            let mut effect = vec![0; Effect::ALL.len() + 1];
            let (mut evaluated, mut good, mut known, mut sum) = (0, 0, 0, 0.0);
            let mut per_year = vec![0; cmp.years.len()];
            for r in &rows {
                for f in focus_layers(r) { if f < focus.len() { focus[f] += 1; } }
                effect[r.effect.map_or(Effect::ALL.len(), |e| e.index())] += 1;
                if matches!(r.evaluation, Some(Evaluation::Process | Evaluation::QuasiExperimental | Evaluation::Experimental)) { evaluated += 1; }
                if matches!(r.effect, Some(Effect::Effective | Effect::Promising)) { good += 1; }
                if let Some(b) = r.budget_usd { known += 1; sum += b; }
                if let Some(y) = r.start_year { per_year[(y - cmp.years[0]) as usize] += 1; }
            }
            prop_assert_eq!(&p.focus, &focus);
            prop_assert_eq!(&p.effect, &effect);
            prop_assert_eq!((p.evaluated, p.effective_or_promising, p.budget_known), (evaluated, good, known));
            prop_assert!((p.budget_usd - sum).abs() <= 1e-6 * sum.abs().max(1.0));
            prop_assert_eq!(&p.per_year, &per_year);
        }

        // Map: every filter but the country filter, per country of the atlas.
        let atlas = atlas();
        let m = views::map(&index, &result, &sel, MapMeasure::Count, Some(&atlas), lang);
        let mut s = sel.clone();
        s.clear_facet(Facet::Country);
        let rows = passing(&index, &s);
        let want: Vec<usize> = atlas.0.countries().iter().map(|c| rows.iter().filter(|r| r.country == c.code).count()).collect();
        prop_assert_eq!(&m.counts, &want);
        let m = views::map(&index, &result, &sel, MapMeasure::Effective, Some(&atlas), lang);
        let share: Vec<Option<f64>> = atlas.0.countries().iter().map(|c| {
            // Of the rated interventions only: a country with none rated has no value (unknown
            // is not zero).
            let rated: Vec<_> = rows
                .iter()
                .filter(|r| r.country == c.code)
                .filter(|r| matches!(r.effect, Some(e) if e != Effect::Unknown))
                .collect();
            (!rated.is_empty()).then(|| rated.iter().filter(|r| matches!(r.effect, Some(Effect::Effective | Effect::Promising))).count() as f64 / rated.len() as f64)
        }).collect();
        prop_assert_eq!(m.series.values.iter().map(|v| v.1).collect::<Vec<_>>(), share);
        let m = views::map(&index, &result, &sel, MapMeasure::Budget, Some(&atlas), lang);
        let budget: Vec<Option<f64>> = atlas.0.countries().iter().map(|c| {
            let known: Vec<f64> = rows.iter().filter(|r| r.country == c.code).filter_map(|r| r.budget_usd).collect();
            (!known.is_empty()).then(|| known.iter().sum())
        }).collect();
        prop_assert_eq!(m.series.values.iter().map(|v| v.1).collect::<Vec<_>>(), budget);
    }
}
