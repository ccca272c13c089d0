//! Bring your own data (`src/import/`): every CSV dialect of the fixtures (all synthetic, see
//! `tests/fixtures/import/README.md`), the report's arithmetic, header and country matching,
//! stable ids, the export → import round trip on the bundled data, chunked reading, and
//! `mirador validate FILE.csv --json`. One file per concern: `dialects` (the fixtures' CSV
//! dialects), `mapping` (headers, countries, ids, labels), `report` (rejections, arithmetic, steps,
//! the command line) and `round_trip` (export → import); the helpers they share are here.

use mirador::export::{interventions_csv, to_json, Origin};
use mirador::import::{self, Decimal, Encoding, Field, Format, Import, Loaded, MatchKind, Reading};
use mirador::model::{ActorType, Effect, Evaluation, Focus, Level, Outcome};
use mirador::parse::parse_interventions;
use std::time::Instant;

const DIR: &str = "tests/fixtures/import";

mod dialects;
mod mapping;
mod report;
mod round_trip;

fn fixture(name: &str) -> (Import, Loaded) {
    let path = format!("{DIR}/{name}");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let import = import::read(&bytes, name).unwrap_or_else(|e| panic!("{path}: {e}"));
    let loaded = import.apply(&import.mapping);
    check_invariants(&loaded);
    (import, loaded)
}

/// What must hold for every import: nothing lost, and what loads is a valid dataset.
fn check_invariants(loaded: &Loaded) {
    let r = &loaded.report;
    assert_eq!(r.accepted, loaded.records.len());
    assert_eq!(
        r.accepted + r.rejected.len(),
        r.rows,
        "accepted + rejected = rows\n{}",
        r.to_text()
    );
    assert!(r.is_complete());
    let lines: Vec<usize> = r.rejected.iter().map(|x| x.record).collect();
    assert!(
        lines.windows(2).all(|w| w[0] < w[1]),
        "one entry per rejected row, in order: {lines:?}"
    );
    let back =
        parse_interventions(&to_json("interventions", &loaded.records, Origin::Bundled)).unwrap();
    assert!(
        back.rejected.is_empty(),
        "accepted records must pass the JSON loader: {:?}",
        back.rejected
    );
    assert_eq!(back.records, loaded.records);
}

fn mapped(import: &Import) -> Vec<(String, Option<&'static str>)> {
    import
        .headers
        .iter()
        .cloned()
        .zip(import.mapping.columns.iter().map(|f| f.map(Field::key)))
        .collect()
}

fn kinds(loaded: &Loaded) -> Vec<&'static str> {
    loaded.report.warnings.iter().map(|w| w.kind).collect()
}

fn bundled() -> Vec<mirador::model::Intervention> {
    let report =
        parse_interventions(&std::fs::read_to_string("data/interventions.json").unwrap()).unwrap();
    assert!(report.rejected.is_empty());
    report.records
}

fn mirador(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_mirador"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
