//! Native benchmarks of the filter engine on synthetic data (see BENCHMARKS.md):
//! index build, one filter change, a 20-step range drag, a search, clear-all, and the one-shot
//! `evaluate` path, at 10k, 100k and 1M rows; plus the engine before issue 4 as a baseline.
//!
//! `make bench` runs them (with `-O3`: the release profile is tuned for size). Sizes can be
//! narrowed with `MIRADOR_BENCH_SIZES=10000,100000`, cases with criterion's filter argument
//! (`cargo bench --bench engine -- search`).

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion};
use mirador::engine::{Columns, Engine, Strategy};
use mirador::selection::{Bounds, Facet, Selection};
use mirador::synthetic;
use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

#[path = "support/baseline_engine.rs"]
mod baseline_engine;

/// The upper bounds a budget-range drag goes through (lower bound fixed at 100,000), the same
/// as in `bench/compare.mjs`.
const DRAG_MAX: [f64; 20] = [
    2e5, 3e5, 4e5, 5e5, 7e5, 1e6, 1.5e6, 2e6, 3e6, 4e6, 5e6, 7e6, 1e7, 1.5e7, 2e7, 3e7, 4e7, 5e7,
    7e7, 1e8,
];

fn sizes() -> Vec<usize> {
    match std::env::var("MIRADOR_BENCH_SIZES") {
        Ok(s) => s.split(',').filter_map(|n| n.trim().parse().ok()).collect(),
        Err(_) => vec![10_000, 100_000, 1_000_000],
    }
}

fn country() -> Selection {
    let mut s = Selection::new();
    s.toggle(Facet::Country, "BRA");
    s
}

fn country_focus() -> Selection {
    let mut s = country();
    s.toggle(Facet::Focus, "youth");
    s
}

fn dragged(i: usize) -> Selection {
    let mut s = country_focus();
    s.budget = Bounds {
        min: Some(1e5),
        max: Some(DRAG_MAX[i]),
    };
    s
}

fn everything() -> Selection {
    let mut s = dragged(10);
    s.query = "policia".into();
    s
}

/// `MIRADOR_BENCH_STRATEGY=delta|recount` forces one update path (to tune `Strategy::Auto`).
fn strategy() -> Strategy {
    match std::env::var("MIRADOR_BENCH_STRATEGY").as_deref() {
        Ok("delta") => Strategy::Delta,
        Ok("recount") => Strategy::Recount,
        _ => Strategy::Auto,
    }
}

fn at(columns: &Arc<Columns>, sel: &Selection) -> Engine {
    let mut e = Engine::new(Arc::clone(columns)).with_strategy(strategy());
    e.update(sel);
    e
}

fn engine_benches(c: &mut Criterion) {
    for n in sizes() {
        let records = synthetic::generate(synthetic::DEFAULT_SEED, n);
        let mut group = c.benchmark_group("engine");
        if n >= 1_000_000 {
            group
                .sample_size(10)
                .warm_up_time(Duration::from_millis(500))
                .measurement_time(Duration::from_secs(4));
        } else {
            group
                .sample_size(20)
                .warm_up_time(Duration::from_millis(500))
                .measurement_time(Duration::from_secs(2));
        }

        group.bench_function(BenchmarkId::new("build", n), |b| {
            b.iter(|| Columns::build(black_box(&records)))
        });
        let columns = Arc::new(Columns::build(&records));
        eprintln!(
            "{n} rows: columns hold {:.1} MB",
            columns.heap_bytes() as f64 / 1e6
        );

        // Each case: the selection before (set up, not timed) and the change (timed).
        let cases: [(&str, Selection, Vec<Selection>); 5] = [
            ("select_country", Selection::new(), vec![country()]),
            ("add_focus", country(), vec![country_focus()]),
            (
                "drag_budget_20_steps",
                country_focus(),
                (0..20).map(dragged).collect(),
            ),
            (
                "search",
                country_focus(),
                vec![{
                    let mut s = country_focus();
                    s.query = "policia".into();
                    s
                }],
            ),
            ("clear_all", everything(), vec![Selection::new()]),
        ];
        for (name, before, steps) in &cases {
            let start = at(&columns, before);
            let mut probe = start.clone();
            let stats: Vec<String> = steps
                .iter()
                .map(|s| {
                    probe.update(s);
                    let u = probe.last_update();
                    format!("{}{}", u.flipped, if u.recounted { "R" } else { "" })
                })
                .collect();
            eprintln!(
                "{n} rows, {name}: flipped (R = recounted) {}",
                stats.join(" ")
            );
            group.bench_function(BenchmarkId::new(*name, n), |b| {
                b.iter_batched_ref(
                    || start.clone(),
                    |e| {
                        for s in steps {
                            black_box(e.update(s));
                        }
                    },
                    BatchSize::LargeInput,
                )
            });
        }

        let sel = country_focus();
        group.bench_function(BenchmarkId::new("evaluate_one_shot", n), |b| {
            b.iter(|| {
                let mut e = Engine::new(Arc::clone(&columns));
                e.update(black_box(&sel));
                e.result()
            })
        });
        drop(columns);

        let old = baseline_engine::Index::new(records);
        group.bench_function(
            BenchmarkId::new("baseline_evaluate_before_issue_4", n),
            |b| b.iter(|| old.evaluate(black_box(&sel))),
        );
        group.finish();
    }
}

criterion_group!(benches, engine_benches);
criterion_main!(benches);
