//! The filter engine checked against a slow, obvious reference on random datasets and selections.
//!
//! The reference restates the semantics directly: a record matches when it passes every filter;
//! a facet value's count is the number of records that have that value and pass every filter
//! except the facet's own. Any engine (today's bitmask pass, a later incremental one) must agree.

use mirador::engine::{record_values, search_haystack, Index};
use mirador::model::*;
use mirador::selection::{Bounds, Facet, Selection, NOT_STATED};
use mirador::text::SearchTerms;
use proptest::prelude::*;

const COUNTRIES: [&str; 5] = ["BRA", "COL", "JAM", "MEX", "TTO"];
const WORDS: [&str; 6] = ["Medellín", "policía", "youth", "São Paulo", "barrio", "Kingston"];

fn pick<T: Copy>(all: &[T], i: usize) -> T {
    all[i % all.len()]
}

prop_compose! {
    fn arb_intervention()(
        c in 0..5usize,
        level in proptest::option::of(0..4usize),
        focus in proptest::collection::vec(0..12usize, 0..3),
        funders in proptest::collection::vec(proptest::option::of(0..8usize), 0..3),
        start in proptest::option::of(1995..2025i32),
        budget in proptest::option::of(prop_oneof![Just(1e6), Just(1e7), 1e4..1e9f64]),
        eval in proptest::option::of(0..5usize),
        effect in proptest::option::of(0..6usize),
        words in proptest::collection::vec(0..6usize, 0..3),
        city in proptest::option::of(0..6usize),
    ) -> Intervention {
        Intervention {
            id: String::new(),
            name: words.iter().map(|w| WORDS[*w]).collect::<Vec<_>>().join(" "),
            description: None,
            country: COUNTRIES[c].to_owned(),
            admin_area: None,
            city: city.map(|w| WORDS[w].to_owned()),
            level: level.map(|i| pick(Level::ALL, i)),
            focus: focus.into_iter().map(|i| pick(Focus::ALL, i)).collect(),
            start_year: start,
            end_year: None,
            implementers: vec![],
            funders: funders.into_iter().map(|k| Actor { name: "Funder".into(), kind: k.map(|i| pick(ActorType::ALL, i)) }).collect(),
            budget_amount: budget,
            budget_currency: budget.map(|_| "USD".to_owned()),
            budget_year: None,
            budget_usd: budget,
            evaluation: eval.map(|i| pick(Evaluation::ALL, i)),
            effect: effect.map(|i| pick(Effect::ALL, i)),
            outcomes: vec![],
            sources: vec![],
        }
    }
}

fn facet_keys(f: Facet) -> Vec<String> {
    let mut keys: Vec<String> = match f {
        Facet::Country => COUNTRIES.iter().map(|s| s.to_string()).collect(),
        Facet::Focus => Focus::ALL.iter().map(|v| v.key().into()).collect(),
        Facet::Level => Level::ALL.iter().map(|v| v.key().into()).collect(),
        Facet::Funder => ActorType::ALL.iter().map(|v| v.key().into()).collect(),
        Facet::Evaluation => Evaluation::ALL.iter().map(|v| v.key().into()).collect(),
        Facet::Effect => Effect::ALL.iter().map(|v| v.key().into()).collect(),
    };
    keys.push(NOT_STATED.into());
    keys.push("XYZ".into()); // a value no record has
    keys
}

prop_compose! {
    fn arb_selection()(
        picks in proptest::collection::vec((0..6usize, 0..20usize), 0..5),
        year in proptest::option::of((proptest::option::of(1995..2025i32), proptest::option::of(1995..2025i32))),
        budget in proptest::option::of((proptest::option::of(prop_oneof![Just(1e6), 1e4..1e9f64]), proptest::option::of(prop_oneof![Just(1e7), 1e4..1e9f64]))),
        query in proptest::option::of((0..6usize, any::<bool>())),
    ) -> Selection {
        let mut s = Selection::new();
        for (f, v) in picks {
            let facet = Facet::ALL[f];
            let keys = facet_keys(facet);
            let key = &keys[v % keys.len()];
            if !s.is_selected(facet, key) {
                s.toggle(facet, key);
            }
        }
        if let Some((min, max)) = year { s.year = Bounds { min, max }; }
        if let Some((min, max)) = budget { s.budget = Bounds { min, max }; }
        if let Some((w, upper)) = query {
            let word = WORDS[w].split(' ').next().unwrap();
            s.query = if upper { word.to_uppercase() } else { mirador::text::fold(word) };
        }
        s
    }
}

/// Does `r` pass every filter of `sel` except `skip`'s (when given)?
fn passes(r: &Intervention, sel: &Selection, skip: Option<Facet>) -> bool {
    for f in Facet::ALL {
        if Some(f) == skip || !sel.is_facet_active(f) {
            continue;
        }
        let mut values = record_values(r, f);
        if values.is_empty() {
            values.push(NOT_STATED.into());
        }
        if !values.iter().any(|v| sel.is_selected(f, v)) {
            return false;
        }
    }
    let year_ok = !sel.year.is_active()
        || r.start_year.is_some_and(|y| sel.year.min.is_none_or(|m| y >= m) && sel.year.max.is_none_or(|m| y <= m));
    let budget_ok = !sel.budget.is_active()
        || r.budget_usd.is_some_and(|b| sel.budget.min.is_none_or(|m| b >= m) && sel.budget.max.is_none_or(|m| b < m));
    let terms = SearchTerms::new(&sel.query);
    year_ok && budget_ok && (terms.is_empty() || terms.matches(&search_haystack(r)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn engine_matches_reference(
        mut records in proptest::collection::vec(arb_intervention(), 0..60),
        sel in arb_selection(),
    ) {
        for (i, r) in records.iter_mut().enumerate() {
            r.id = format!("r{i}");
        }
        let index = Index::new(records.clone());
        let result = index.evaluate(&sel);

        let expected: Vec<usize> = (0..records.len()).filter(|i| passes(&records[*i], &sel, None)).collect();
        prop_assert_eq!(&result.matching, &expected);
        prop_assert_eq!(result.total, records.len());

        for f in Facet::ALL {
            for key in facet_keys(f) {
                let want = records.iter().filter(|r| {
                    let mut values = record_values(r, f);
                    if values.is_empty() { values.push(NOT_STATED.into()); }
                    values.contains(&key) && passes(r, &sel, Some(f))
                }).count();
                prop_assert_eq!(index.facet_count(&result, f, &key), want, "facet {:?} value {}", f, key);
            }
        }

        // Budget histogram: records passing all but the budget filter, by bin; unknowns apart.
        let bins = index.budget_bins();
        let mut want = vec![0; bins.len()];
        let mut unknown = 0;
        let mut all_but_budget = sel.clone();
        all_but_budget.budget = Bounds::none();
        for r in records.iter().filter(|r| passes(r, &all_but_budget, None)) {
            match r.budget_usd {
                Some(b) => if let Some(i) = bins.bin_of(b) { want[i] += 1 },
                None => unknown += 1,
            }
        }
        prop_assert_eq!(&result.budget_counts, &want);
        prop_assert_eq!(result.budget_unknown, unknown);
        prop_assert_eq!(result.matching_with_budget, expected.iter().filter(|i| records[**i].budget_usd.is_some()).count());
    }
}

#[test]
fn own_filter_is_excluded_but_others_apply() {
    let mk = |id: &str, country: &str, focus: Vec<Focus>| Intervention {
        id: id.into(), name: id.into(), description: None, country: country.into(), admin_area: None, city: None,
        level: None, focus, start_year: None, end_year: None, implementers: vec![], funders: vec![],
        budget_amount: None, budget_currency: None, budget_year: None, budget_usd: None, evaluation: None,
        effect: None, outcomes: vec![], sources: vec![],
    };
    let index = Index::new(vec![
        mk("a", "BRA", vec![Focus::Youth]),
        mk("b", "BRA", vec![Focus::Policing, Focus::Youth]),
        mk("c", "COL", vec![Focus::Policing]),
    ]);
    let mut sel = Selection::new();
    sel.toggle(Facet::Country, "BRA");
    let r = index.evaluate(&sel);
    assert_eq!(r.matching, vec![0, 1]);
    // Country counts ignore the country filter: COL still shows 1, so it can be added.
    assert_eq!(index.facet_count(&r, Facet::Country, "COL"), 1);
    // Focus counts apply it: policing is 1 (only b), youth 2; multi-valued b counts once in each.
    assert_eq!(index.facet_count(&r, Facet::Focus, "policing"), 1);
    assert_eq!(index.facet_count(&r, Facet::Focus, "youth"), 2);
    sel.toggle(Facet::Country, "COL");
    assert_eq!(index.evaluate(&sel).matching, vec![0, 1, 2], "values within a facet are OR-ed");
}
