//! The filter engine checked against a slow, obvious reference on random datasets and selections.
//!
//! The reference restates the semantics directly: a record matches when it passes every filter;
//! a facet value's count is the number of records that have that value and pass every filter
//! except the facet's own. Every engine path must agree: `Index::evaluate` on single selections,
//! and the incremental `Engine` over random sequences of changes (toggle a value, move or drag a
//! range, type or erase a search, clear), under each update strategy.

use mirador::engine::{
    record_values, search_haystack, Engine, FilterResult, Index, Strategy as Update,
};
use mirador::model::*;
use mirador::selection::{Bounds, Facet, Selection, NOT_STATED};
use mirador::text::SearchTerms;
use proptest::prelude::*;
use proptest::strategy::ValueTree;

const COUNTRIES: [&str; 5] = ["BRA", "COL", "JAM", "MEX", "TTO"];
const WORDS: [&str; 6] = [
    "Medellín",
    "policía",
    "youth",
    "São Paulo",
    "barrio",
    "Kingston",
];

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
        budget in proptest::option::of(prop_oneof![Just(1e6), Just(1e7), Just(0.0), 1e4..1e9f64]),
        eval in proptest::option::of(0..5usize),
        effect in proptest::option::of(0..6usize),
        words in proptest::collection::vec(0..6usize, 0..3),
        city in proptest::option::of(0..6usize),
        outcomes in proptest::collection::vec(0..10usize, 0..3),
        found in proptest::collection::vec((0..10usize, 0..4usize), 0..3),
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
            budget_kind: None,
            evaluation: eval.map(|i| pick(Evaluation::ALL, i)),
            effect: effect.map(|i| pick(Effect::ALL, i)),
            outcomes: outcomes.into_iter().map(|i| pick(Outcome::ALL, i)).collect(),
            sources: vec![],
            verdicts: found
                .into_iter()
                .map(|(o, d)| Verdict { outcome: pick(Outcome::ALL, o), direction: pick(Direction::ALL, d) })
                .collect(),
        }
    }
}

fn facet_keys(f: Facet) -> Vec<String> {
    let mut keys: Vec<String> = match f {
        Facet::Country => COUNTRIES.iter().map(|s| s.to_string()).collect(),
        Facet::Region => Region::ALL.iter().map(|v| v.key().into()).collect(),
        Facet::Focus => Focus::ALL.iter().map(|v| v.key().into()).collect(),
        Facet::Level => Level::ALL.iter().map(|v| v.key().into()).collect(),
        Facet::Funder => ActorType::ALL.iter().map(|v| v.key().into()).collect(),
        Facet::Evaluation => Evaluation::ALL.iter().map(|v| v.key().into()).collect(),
        Facet::Effect => Effect::ALL.iter().map(|v| v.key().into()).collect(),
        Facet::Outcome => Outcome::ALL.iter().map(|v| v.key().into()).collect(),
        Facet::Finding => mirador::engine::FINDING_KEYS
            .iter()
            .map(|k| k.to_string())
            .collect(),
    };
    keys.push(NOT_STATED.into());
    keys.push("XYZ".into()); // a value no record has
    keys
}

prop_compose! {
    fn arb_selection()(
        picks in proptest::collection::vec((0..9usize, 0..44usize), 0..5),
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
        || r.start_year.is_some_and(|y| {
            sel.year.min.is_none_or(|m| y >= m) && sel.year.max.is_none_or(|m| y <= m)
        });
    let budget_ok = !sel.budget.is_active()
        || ref_usd(r).is_some_and(|b| {
            sel.budget.min.is_none_or(|m| b >= m) && sel.budget.max.is_none_or(|m| b < m)
        });
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
        prop_assert_eq!(&result.matching.to_vec(), &expected);
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
            match ref_usd(r) {
                Some(b) => if let Some(i) = bins.bin_of(b) { want[i] += 1 },
                None => unknown += 1,
            }
        }
        prop_assert_eq!(&result.budget_counts, &want);
        prop_assert_eq!(result.budget_unknown, unknown);
        prop_assert_eq!(result.matching_with_budget, expected.iter().filter(|i| ref_usd(&records[**i]).is_some()).count());
    }
}

#[test]
fn own_filter_is_excluded_but_others_apply() {
    let mk = |id: &str, country: &str, focus: Vec<Focus>| Intervention {
        id: id.into(),
        name: id.into(),
        description: None,
        country: country.into(),
        admin_area: None,
        city: None,
        level: None,
        focus,
        start_year: None,
        end_year: None,
        implementers: vec![],
        funders: vec![],
        budget_amount: None,
        budget_currency: None,
        budget_year: None,
        budget_usd: None,
        budget_kind: None,
        evaluation: None,
        effect: None,
        outcomes: vec![],
        sources: vec![],
        verdicts: vec![],
    };
    let index = Index::new(vec![
        mk("a", "BRA", vec![Focus::Youth]),
        mk("b", "BRA", vec![Focus::Policing, Focus::Youth]),
        mk("c", "COL", vec![Focus::Policing]),
    ]);
    let mut sel = Selection::new();
    sel.toggle(Facet::Country, "BRA");
    let r = index.evaluate(&sel);
    assert_eq!(r.matching.to_vec(), vec![0, 1]);
    // Country counts ignore the country filter: COL still shows 1, so it can be added.
    assert_eq!(index.facet_count(&r, Facet::Country, "COL"), 1);
    // Focus counts apply it: policing is 1 (only b), youth 2; multi-valued b counts once in each.
    assert_eq!(index.facet_count(&r, Facet::Focus, "policing"), 1);
    assert_eq!(index.facet_count(&r, Facet::Focus, "youth"), 2);
    sel.toggle(Facet::Country, "COL");
    assert_eq!(
        index.evaluate(&sel).matching.to_vec(),
        vec![0, 1, 2],
        "values within a facet are OR-ed"
    );
}

/// Budget currencies and years for the records: one the rate table lacks (COP), and a year
/// before the table has BRL (2003).
const CURRENCIES: [&str; 4] = ["USD", "EUR", "BRL", "COP"];
const YEARS: [i32; 3] = [2003, 2013, 2024];

/// The slow reference for a record's budget in dollars: the stated dollars, or the amount over
/// its year's rate, looked up row by row in the bundled table.
fn ref_usd(r: &Intervention) -> Option<f64> {
    static RATES: std::sync::OnceLock<Vec<mirador::rates::Rate>> = std::sync::OnceLock::new();
    if r.budget_usd.is_some() {
        return r.budget_usd;
    }
    let (amount, currency, year) = (
        r.budget_amount?,
        r.budget_currency.as_deref()?,
        r.budget_year?,
    );
    if currency == "USD" {
        return None;
    }
    let rates = RATES.get_or_init(|| {
        mirador::rates::parse_table(include_str!("../data/exchange-rates.csv"))
            .expect("the table reads")
    });
    rates
        .iter()
        .find(|x| x.currency == currency && x.year == year)
        .map(|x| amount / x.per_usd)
}

/// Records for the sequence tests. `wide` spreads countries over 90 codes and budgets over 60
/// decades, past the sizes where the engine keeps a bitmap per value or per bin.
fn arb_records(wide: bool) -> impl Strategy<Value = Vec<Intervention>> {
    let max_len = if wide { 150 } else { 200 };
    let record = (
        arb_intervention(),
        0..90usize,
        -30.0..30.0f64,
        any::<bool>(),
        (0..CURRENCIES.len(), proptest::option::of(0..YEARS.len())),
    );
    proptest::collection::vec(record, 0..max_len).prop_map(move |rows| {
        rows.into_iter()
            .enumerate()
            .map(|(i, (mut r, c, exp, keep, (cur, year)))| {
                r.id = format!("r{i}");
                // Budgets in other currencies, with or without the year their rate needs.
                if r.budget_amount.is_some() && CURRENCIES[cur] != "USD" {
                    r.budget_currency = Some(CURRENCIES[cur].to_owned());
                    r.budget_year = year.map(|y| YEARS[y]);
                    r.budget_usd = None;
                }
                if wide {
                    r.country = format!("X{c:02}");
                    r.budget_usd = keep.then(|| 10f64.powf(exp));
                }
                r
            })
            .collect()
    })
}

/// The records as the reference reads them: each facet's value keys (`not-stated` for none) and
/// the search text, computed once.
struct Prepared {
    values: Vec<Vec<Vec<String>>>,
    hay: Vec<String>,
}

fn prepare(records: &[Intervention]) -> Prepared {
    let values = records
        .iter()
        .map(|r| {
            Facet::ALL
                .iter()
                .map(|f| {
                    let mut v = record_values(r, *f);
                    if v.is_empty() {
                        v.push(NOT_STATED.into());
                    }
                    v
                })
                .collect()
        })
        .collect();
    Prepared {
        values,
        hay: records.iter().map(search_haystack).collect(),
    }
}

/// Facets, then the year range, the budget range and the search.
const FACETS: usize = Facet::ALL.len();
const YEAR: usize = FACETS;
const BUDGET: usize = FACETS + 1;
const SEARCH: usize = FACETS + 2;
const DIMS: usize = FACETS + 3;

/// Which filters record `i` passes: the facets (by `Facet::index()`), the year range, the budget
/// range, the search. The same statements as `passes`.
fn verdicts(
    r: &Intervention,
    p: &Prepared,
    i: usize,
    sel: &Selection,
    terms: &SearchTerms,
) -> [bool; DIMS] {
    let mut v = [true; DIMS];
    for f in Facet::ALL {
        v[f.index()] =
            !sel.is_facet_active(f) || p.values[i][f.index()].iter().any(|k| sel.is_selected(f, k));
    }
    v[YEAR] = !sel.year.is_active()
        || r.start_year.is_some_and(|y| {
            sel.year.min.is_none_or(|m| y >= m) && sel.year.max.is_none_or(|m| y <= m)
        });
    v[BUDGET] = !sel.budget.is_active()
        || ref_usd(r).is_some_and(|b| {
            sel.budget.min.is_none_or(|m| b >= m) && sel.budget.max.is_none_or(|m| b < m)
        });
    v[SEARCH] = terms.is_empty() || terms.matches(&p.hay[i]);
    v
}

/// The reference result of a selection, with facet counts aligned to the index's keys.
fn reference(
    records: &[Intervention],
    p: &Prepared,
    index: &Index,
    sel: &Selection,
) -> FilterResult {
    let terms = SearchTerms::new(&sel.query);
    let v: Vec<[bool; DIMS]> = records
        .iter()
        .enumerate()
        .map(|(i, r)| verdicts(r, p, i, sel, &terms))
        .collect();
    // Passes every filter except `skip`'s (DIMS: none skipped).
    let all_but = |i: usize, skip: usize| v[i].iter().enumerate().all(|(d, ok)| d == skip || *ok);
    let matching: Vec<usize> = (0..records.len()).filter(|i| all_but(*i, DIMS)).collect();
    let facet_counts = Facet::ALL
        .iter()
        .map(|f| {
            index
                .facet_keys(*f)
                .iter()
                .map(|key| {
                    (0..records.len())
                        .filter(|i| p.values[*i][f.index()].contains(key) && all_but(*i, f.index()))
                        .count()
                })
                .collect()
        })
        .collect();
    let bins = index.budget_bins();
    let mut budget_counts = vec![0; bins.len()];
    let mut budget_unknown = 0;
    for r in records
        .iter()
        .enumerate()
        .filter(|(i, _)| all_but(*i, BUDGET))
        .map(|(_, r)| r)
    {
        match ref_usd(r) {
            Some(b) => {
                if let Some(i) = bins.bin_of(b) {
                    budget_counts[i] += 1
                }
            }
            None => budget_unknown += 1,
        }
    }
    let matching_with_budget = matching
        .iter()
        .filter(|i| ref_usd(&records[**i]).is_some())
        .count();
    FilterResult {
        total: records.len(),
        matching: mirador::engine::Matching::from_positions(records.len(), matching),
        without_country: mirador::engine::Matching::from_positions(
            records.len(),
            (0..records.len()).filter(|i| all_but(*i, Facet::Country.index())),
        ),
        without_year: mirador::engine::Matching::from_positions(
            records.len(),
            (0..records.len()).filter(|i| all_but(*i, YEAR)),
        ),
        facet_counts,
        budget_counts,
        budget_unknown,
        matching_with_budget,
    }
}

/// One thing a person does to the selection.
#[derive(Debug, Clone)]
enum Op {
    /// Ticks or unticks the value at this position of the facet's keys (plus `not-stated` and a
    /// key no record has).
    Toggle(usize, usize),
    ClearFacet(usize),
    Year(Option<i32>, Option<i32>),
    Budget(Option<f64>, Option<f64>),
    /// Moves one bound, keeping the other, as dragging a slider does.
    DragBudget(bool, f64),
    DragYear(bool, i32),
    Type(char),
    Backspace,
    Query(usize, bool),
    ClearAll,
    /// Ticks or unticks a named value.
    Tick(Facet, String),
}

fn arb_op() -> impl Strategy<Value = Op> {
    let budget = || {
        proptest::option::of(prop_oneof![
            Just(1e6),
            Just(1e7),
            Just(0.0),
            1e3..1e10f64,
            -1e31..1e31f64
        ])
    };
    let year = || proptest::option::of(1990..2030i32);
    prop_oneof![
        6 => (0..6usize, 0..100usize).prop_map(|(f, k)| Op::Toggle(f, k)),
        1 => (0..6usize).prop_map(Op::ClearFacet),
        2 => (year(), year()).prop_map(|(a, b)| Op::Year(a, b)),
        2 => (budget(), budget()).prop_map(|(a, b)| Op::Budget(a, b)),
        4 => (any::<bool>(), prop_oneof![1e3..1e10f64, -1e31..1e31f64]).prop_map(|(m, v)| Op::DragBudget(m, v)),
        2 => (any::<bool>(), 1990..2030i32).prop_map(|(m, v)| Op::DragYear(m, v)),
        4 => prop::sample::select(vec!['m', 'e', 'd', 'l', 'í', 'n', 'P', 'o', 'a', ' ', 'ã', 'u', '\u{1f}', 'y', 'k'])
            .prop_map(Op::Type),
        2 => Just(Op::Backspace),
        1 => (0..6usize, any::<bool>()).prop_map(|(w, u)| Op::Query(w, u)),
        1 => Just(Op::ClearAll),
    ]
}

fn apply(op: &Op, sel: &mut Selection, index: &Index) {
    match op {
        Op::Toggle(f, k) => {
            let facet = Facet::ALL[*f];
            let mut keys: Vec<String> = index.facet_keys(facet).to_vec();
            keys.push(NOT_STATED.into());
            keys.push("XYZ".into());
            sel.toggle(facet, &keys[k % keys.len()]);
        }
        Op::ClearFacet(f) => sel.clear_facet(Facet::ALL[*f]),
        Op::Year(a, b) => sel.year = Bounds { min: *a, max: *b },
        Op::Budget(a, b) => sel.budget = Bounds { min: *a, max: *b },
        Op::DragBudget(min, v) => {
            if *min {
                sel.budget.min = Some(*v)
            } else {
                sel.budget.max = Some(*v)
            }
        }
        Op::DragYear(min, v) => {
            if *min {
                sel.year.min = Some(*v)
            } else {
                sel.year.max = Some(*v)
            }
        }
        Op::Type(c) => sel.query.push(*c),
        Op::Backspace => {
            sel.query.pop();
        }
        Op::Query(w, upper) => {
            let word = WORDS[*w].split(' ').next().unwrap();
            sel.query = if *upper {
                word.to_uppercase()
            } else {
                mirador::text::fold(word)
            };
        }
        Op::ClearAll => sel.clear_all(),
        Op::Tick(f, key) => sel.toggle(*f, key),
    }
}

fn check_sequence(records: Vec<Intervention>, ops: Vec<Op>) -> Result<(), TestCaseError> {
    let index = Index::new(records.clone());
    let prepared = prepare(&records);
    let mut engines: Vec<(Update, Engine)> = [Update::Auto, Update::Delta, Update::Recount]
        .into_iter()
        .map(|s| (s, index.engine().with_strategy(s)))
        .collect();
    // The same records without their descriptions, which reach this engine halfway through
    // (as the bundled descriptions reach the app after its first charts), with a search perhaps
    // in force: from then on it must answer as if it had always had them.
    let bare: Vec<Intervention> = records
        .iter()
        .cloned()
        .map(|r| Intervention {
            description: None,
            ..r
        })
        .collect();
    let mut late = Index::new(bare).engine();
    let arrives = ops.len() / 2;
    let mut sel = Selection::new();
    for (step, op) in ops.iter().enumerate() {
        apply(op, &mut sel, &index);
        let want = reference(&records, &prepared, &index, &sel);
        late.update(&sel);
        if step == arrives {
            late.add_search_text(|i| records[i].description.as_deref());
        }
        if step >= arrives {
            late.update(&sel);
            prop_assert_eq!(
                &late.result(),
                &want,
                "descriptions added at step {}, after step {} ({:?}): {:?}",
                arrives,
                step,
                op,
                sel
            );
        }
        for (strategy, engine) in engines.iter_mut() {
            let counts = engine.update(&sel).clone();
            prop_assert_eq!(
                counts.matching,
                want.matching.len(),
                "{:?} after step {} ({:?}): {:?}",
                strategy,
                step,
                op,
                sel
            );
            let got = engine.result();
            prop_assert_eq!(
                &got,
                &want,
                "{:?} after step {} ({:?}): {:?}",
                strategy,
                step,
                op,
                sel
            );
            prop_assert_eq!(got.matching.iter().all(|r| engine.is_matching(r)), true);
        }
        prop_assert_eq!(
            &index.evaluate(&sel),
            &want,
            "evaluate after step {}: {:?}",
            step,
            sel
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(250))]

    /// The incremental engine, under every strategy, agrees with the reference after each change.
    #[test]
    fn engine_sequences_match_reference(records in arb_records(false), ops in proptest::collection::vec(arb_op(), 1..30)) {
        check_sequence(records, ops)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(60))]

    /// The same with more values than the engine keeps bitmaps for (countries, budget bins).
    #[test]
    fn engine_sequences_match_reference_wide(records in arb_records(true), ops in proptest::collection::vec(arb_op(), 1..30)) {
        check_sequence(records, ops)?;
    }
}

#[test]
fn a_long_session_on_many_records_matches_the_reference() {
    // Several hundred records (many 64-record words), one long scripted session.
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let records = proptest::collection::vec(arb_intervention(), 700)
        .new_tree(&mut runner)
        .unwrap()
        .current()
        .into_iter()
        .enumerate()
        .map(|(i, mut r)| {
            r.id = format!("r{i}");
            r
        })
        .collect::<Vec<_>>();
    let ops = proptest::collection::vec(arb_op(), 200)
        .new_tree(&mut runner)
        .unwrap()
        .current();
    check_sequence(records, ops).unwrap();
}

#[test]
fn a_synthetic_session_matches_the_reference() {
    // Realistic data (dense and rare search tokens, skewed countries, multi-valued facets) and
    // the session `make bench` times, plus a few more changes.
    let records = mirador::synthetic::generate(mirador::synthetic::DEFAULT_SEED, 3000);
    let mut ops = vec![
        Op::Tick(Facet::Country, "BRA".into()),
        Op::Tick(Facet::Focus, "youth".into()),
    ];
    for max in [2e5, 3e5, 5e5, 1e6, 2e6, 5e6, 1e7, 5e7, 1e8] {
        ops.push(Op::Budget(Some(1e5), Some(max)));
    }
    ops.extend("policia".chars().map(Op::Type));
    ops.extend([
        Op::Tick(Facet::Country, "COL".into()),
        Op::Year(Some(2005), Some(2015)),
        Op::Backspace,
        Op::Tick(Facet::Funder, "multilateral".into()),
        Op::Tick(Facet::Focus, "youth".into()),
        Op::DragYear(false, 2010),
        Op::ClearAll,
        Op::Query(0, false),
        Op::Tick(Facet::Effect, NOT_STATED.into()),
        Op::ClearAll,
    ]);
    check_sequence(records, ops).unwrap();
}

/// A record's values of a facet as the columns number them: vocabulary indexes, "not stated"
/// (the vocabulary's length) when it has none.
fn value_set(ids: impl Iterator<Item = usize>, not_stated: usize) -> u32 {
    let set = ids.fold(0u32, |s, i| s | 1 << i);
    if set == 0 {
        1 << not_stated
    } else {
        set
    }
}

proptest! {
    /// What the views read per record from the columns (start year, budget, value sets) is what
    /// the records say.
    #[test]
    fn per_record_columns_are_the_records(mut records in arb_records(false), nan in any::<bool>()) {
        if nan && !records.is_empty() {
            records[0].budget_usd = Some(f64::NAN);
        }
        let index = Index::new(records.clone());
        let cols = index.columns();
        for (i, r) in records.iter().enumerate() {
            prop_assert_eq!(cols.year(i), r.start_year);
            // NaN is not equal to itself: compare budgets by bits.
            prop_assert_eq!(cols.budget(i).map(f64::to_bits), ref_usd(r).map(f64::to_bits));
            prop_assert_eq!(cols.value_set(Facet::Focus, i), value_set(r.focus.iter().map(|f| f.index()), Focus::ALL.len()));
            prop_assert_eq!(cols.value_set(Facet::Outcome, i), value_set(r.outcomes.iter().map(|o| o.index()), Outcome::ALL.len()));
            prop_assert_eq!(cols.value_set(Facet::Effect, i), value_set(r.effect.iter().map(|e| e.index()), Effect::ALL.len()));
            let evaluation = cols.single_ids(Facet::Evaluation).unwrap()[i] as usize;
            prop_assert_eq!(evaluation, r.evaluation.map_or(Evaluation::ALL.len(), |e| e.index()));
            let country = cols.single_ids(Facet::Country).unwrap()[i] as usize;
            prop_assert_eq!(&index.facet_keys(Facet::Country)[country], &r.country);
        }
    }
}

#[test]
fn a_synthetic_index_keeps_only_columns_and_agrees_with_held_records() {
    let n = 2000;
    let seed = mirador::synthetic::DEFAULT_SEED;
    let held = Index::new(mirador::synthetic::generate(seed, n));
    let generated = Index::synthetic(seed, n);
    assert!(generated.is_synthetic() && !held.is_synthetic());
    let mut sel = Selection::new();
    sel.toggle(Facet::Country, "BRA");
    sel.query = "policia".into();
    assert_eq!(held.evaluate(&sel), generated.evaluate(&sel));
    for i in [0, 1, 999, n - 1] {
        assert_eq!(held.record(i), generated.record(i));
        assert_eq!(held.columns().year(i), generated.columns().year(i));
        assert_eq!(held.columns().budget(i), generated.columns().budget(i));
        let (name, id) = generated.name_and_id(i);
        assert_eq!(
            (name.as_ref(), id.as_ref()),
            (held.record(i).name.as_str(), held.record(i).id.as_str())
        );
        assert_eq!(generated.position(&id), Some(i));
        assert_eq!(held.position(&id), Some(i));
    }
    // Ids the data does not hold, including ones shaped like a synthetic id.
    for id in [
        format!("synthetic-{n}"),
        "synthetic-01".into(),
        "synthetic-".into(),
        "x".into(),
    ] {
        assert_eq!(generated.position(&id), None, "{id}");
        assert_eq!(held.position(&id), None, "{id}");
    }
}
