//! The import report: each bad row rejected with its line, column and reason, the arithmetic that
//! accounts for every row, JSON rejections, reading in steps, `mirador validate`, and (ignored by
//! default) the time 100k rows take.

use super::*;

#[test]
fn bad_rows_are_each_rejected_with_line_column_and_reason() {
    let (_, loaded) = fixture("synthetic-bad-rows.csv");
    let r = &loaded.report;
    assert_eq!(
        (r.rows, r.accepted, r.rejected.len()),
        (12, 4, 8),
        "{}",
        r.to_text()
    );
    assert_eq!(loaded.records[0].id, "ok-1");
    let got: Vec<(usize, &str, String)> = r
        .rejected
        .iter()
        .map(|x| (x.line, x.column.as_str(), x.reason.to_string()))
        .collect();
    let expect: [(usize, &str, &str); 8] = [
        (3, "country", "\"Atlantis\" is not a country code"),
        (
            5,
            "focus",
            "ambiguous as Focus: it could be youth or community or urban",
        ),
        (6, "", "has 11 cells but the header has 10"),
        (7, "name", "is empty"),
        (8, "id", "duplicate id: line 2 already uses it"),
        (9, "end_year", "ends (2010) before it starts (2015)"),
        (
            12,
            "sources",
            "\"javascript:alert(1)\" is not an http(s) URL",
        ),
        (13, "country", "names several countries"),
    ];
    for (g, e) in got.iter().zip(expect) {
        assert_eq!((g.0, g.1), (e.0, e.1), "{g:?}");
        assert!(
            g.2.contains(e.2),
            "line {}: {:?} should contain {:?}",
            g.0,
            g.2,
            e.2
        );
    }
    // A value that cannot be read leaves its field empty and the row loads, with a warning;
    // one that reads one way only is used, and said so.
    let warned = |line: usize, kind: &str| {
        r.warnings
            .iter()
            .find(|w| w.line == line && w.kind == kind)
            .unwrap_or_else(|| panic!("no {kind} warning on line {line}:\n{}", r.to_text()))
            .message
            .to_string()
    };
    assert!(warned(4, "left-empty").contains("\"soon\" is not a year"));
    assert!(warned(10, "left-empty").contains("approximate"));
    assert!(warned(11, "amount-in-words").contains("read as 2500000"));
    let row = |id: &str| loaded.records.iter().find(|x| x.id == id);
    let eleven = loaded
        .records
        .iter()
        .find(|x| x.budget_amount == Some(2_500_000.0));
    assert!(eleven.is_some(), "the amount in words loads");
    assert!(row("ok-1").is_some());
    // Misaligned cells: all the problems of the row are listed, not just the first.
    assert!(r.rejected[2].also.len() >= 2, "{:?}", r.rejected[2].also);
    let many = &r.rejected[7];
    let also: Vec<&str> = many.also.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(also, ["focus", "start_year", "evaluation"]);
    assert!(many.also[1]
        .reason
        .to_string()
        .contains("1800 is not a plausible year"));
    // The JSON report carries the same.
    let v: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
    assert_eq!(v["rows"], 12);
    assert_eq!(v["rejected"][0]["line"], 3);
    assert_eq!(v["rejected"][0]["column"], "country");
    assert_eq!(v["rejected"][4]["id"], "ok-1");
}

#[test]
fn report_arithmetic_holds_for_every_fixture_and_mapping() {
    for entry in std::fs::read_dir(DIR).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let import = import::read(&bytes, path.to_str().unwrap()).unwrap();
        check_invariants(&import.apply(&import.mapping));
        // Any mapping, even a useless one, accounts for every row.
        let mut m = import.mapping.clone();
        m.columns.iter_mut().for_each(|c| *c = None);
        let loaded = import.apply(&m);
        assert_eq!(
            (loaded.report.rows, loaded.report.accepted),
            (import.rows(), 0)
        );
        let unmapped = |r: &import::Rejected| {
            std::iter::once(&r.reason)
                .chain(r.also.iter().map(|p| &p.reason))
                .any(|t| t.to_string().contains("no column is mapped"))
        };
        assert!(
            loaded.report.rejected.iter().all(unmapped),
            "{}",
            loaded.report.to_text()
        );
        m.columns.reverse();
        m.columns[0] = Some(Field::Name);
        check_invariants(&import.apply(&m));
    }
}

#[test]
fn json_rejections_have_lines() {
    let text = "[\n{\"id\":\"a\",\"name\":\"A\",\"country\":\"BRA\"},\n{\"id\":\"b\",\"name\":\"B\",\"country\":\"BRA\",\n \"focus\":[\"x\"]},\n{\"name\":\"Sin id\",\"country\":\"PER\"}\n]";
    let import = import::read(text.as_bytes(), "data.json").unwrap();
    let loaded = import.apply(&import.mapping);
    check_invariants(&loaded);
    assert_eq!((loaded.report.rows, loaded.report.accepted), (3, 2));
    let r = &loaded.report.rejected[0];
    assert_eq!(
        (r.line, r.record, r.column.as_str(), r.field.as_str()),
        (3, 2, "focus[0]", "focus")
    );
    assert!(loaded.records[1].id.starts_with("per-sin-id-"));
    assert!(matches!(
        import::read(b"[{", "x.json"),
        Err(import::ImportError::Json(_))
    ));
    assert_eq!(
        import::read(b"  \n\n", "x.csv").unwrap_err(),
        import::ImportError::Empty
    );
    assert!(import::read(b"PK\x03\x04rest", "book.xlsx")
        .unwrap_err()
        .to_string()
        .contains("save it as CSV"));
}

#[test]
fn reading_in_steps_gives_the_same_result() {
    let csv = interventions_csv(&bundled(), Origin::Bundled);
    let whole = import::read(csv.as_bytes(), "a.csv").unwrap();
    let mut reading = Reading::start(csv.as_bytes(), "a.csv").unwrap();
    let mut steps = 0;
    while !reading.step(10) {
        steps += 1;
        assert!((0.0..=1.0).contains(&reading.progress()));
    }
    assert!(steps >= 20);
    let stepped = reading.finish();
    assert_eq!(stepped.rows(), whole.rows());
    let mut applying = stepped.applying(&stepped.mapping);
    let mut last = 0.0;
    while !applying.step(25) {
        assert!(applying.progress() >= last);
        last = applying.progress();
    }
    assert_eq!(applying.finish(), whole.apply(&whole.mapping));
}

#[test]
fn validate_reads_csv() {
    let (code, out, err) = mirador(&[
        "validate",
        "tests/fixtures/import/synthetic-bad-rows.csv",
        "--json",
    ]);
    assert_eq!(code, 1, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    assert_eq!(
        (v["rows"].as_u64(), v["accepted"].as_u64()),
        (Some(12), Some(4))
    );
    assert_eq!(v["rejected"].as_array().unwrap().len(), 8);
    assert_eq!(v["rejected"][0]["line"], 3);
    assert_eq!(v["rejected"][0]["column"], "country");
    assert!(v["rejected"][0]["reason"]
        .as_str()
        .unwrap()
        .contains("Atlantis"));
    assert!(v["warnings"].is_array());

    let (code, out, _) = mirador(&[
        "validate",
        "tests/fixtures/import/synthetic-es-semicolon.csv",
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("4 rows: 4 loaded, 0 rejected"), "{out}");
    assert!(out.contains("Nombre del programa → name"), "{out}");
}

fn time_import(label: &str, csv: &str) {
    let t = Instant::now();
    let mut reading = Reading::start(csv.as_bytes(), "big.csv").unwrap();
    let mut chunks = 0;
    while !reading.step(5_000) {
        chunks += 1;
    }
    let import = reading.finish();
    let read = t.elapsed();
    let t = Instant::now();
    let loaded = import.apply(&import.mapping);
    let apply = t.elapsed();
    assert_eq!(loaded.records.len(), 100_000);
    assert!(chunks >= 19);
    println!(
        "{label}: 100k rows, {:.1} MB: read {:.0} ms, apply {:.0} ms, total {:.0} ms",
        csv.len() as f64 / 1e6,
        read.as_secs_f64() * 1e3,
        apply.as_secs_f64() * 1e3,
        (read + apply).as_secs_f64() * 1e3
    );
}

/// `cargo test --release --test import -- --ignored --nocapture speed`: prints how long 100k
/// rows take to read (in chunks of 5,000) and to load. Not a pass/fail timing: machines differ.
/// (To build it quickly with the size-optimised code the browser gets: `CARGO_PROFILE_RELEASE_LTO=false
/// CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_PANIC=unwind`.)
#[test]
#[ignore]
fn speed_100k_rows() {
    let base = bundled();
    let mut records: Vec<_> = (0..100_000)
        .map(|i| {
            let mut r = base[i % base.len()].clone();
            r.id = format!("{}-{i}", r.id);
            r
        })
        .collect();
    time_import(
        "bundled records repeated (long descriptions, several sources)",
        &interventions_csv(&records, Origin::Bundled),
    );
    // A spreadsheet as researchers keep one: no description, one source.
    for r in &mut records {
        r.description = None;
        r.sources.truncate(1);
    }
    time_import(
        "spreadsheet-like rows (no description, one source)",
        &interventions_csv(&records, Origin::Bundled),
    );
}
