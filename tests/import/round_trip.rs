//! The bundled data exported (CSV, JSON) and imported again gives back the same records.

use super::*;

#[test]
fn csv_export_then_import_gives_back_the_same_records() {
    let records = bundled();
    assert!(records.len() > 200);
    let csv = interventions_csv(&records, Origin::Bundled);
    // CSV carries what a spreadsheet can: a source as its address (titles and the fields each
    // states stay in the JSON), and no per-outcome verdicts (derived from studies, which CSV
    // does not carry).
    let records: Vec<mirador::model::Intervention> = records
        .into_iter()
        .map(|mut r| {
            r.sources = r
                .sources
                .into_iter()
                .map(|s| mirador::model::Source::from_url(s.url))
                .collect();
            r.verdicts.clear();
            r
        })
        .collect();
    let import = import::read(csv.as_bytes(), "mirador-export.csv").unwrap();
    assert_eq!(
        (import.encoding, import.delimiter),
        (Encoding::Utf8Bom, Some(b','))
    );
    // Every column is recognised: the schema's fields, then the converted budgets and their rate
    // (worked out again from the amounts, not stored), and last the release the rows came from.
    let (last, fields) = import.columns.split_last().unwrap();
    let (fields, converted) = fields.split_at(fields.len() - 2);
    assert!(
        fields.iter().all(|c| c.match_kind == MatchKind::Exact),
        "{:?}",
        import
            .columns
            .iter()
            .map(|c| (&c.header, c.match_kind))
            .collect::<Vec<_>>()
    );
    assert!(converted.iter().all(|c| c.match_kind == MatchKind::Derived));
    assert_eq!(
        (last.header.as_str(), last.match_kind),
        ("dataset", MatchKind::Release)
    );
    let loaded = import.apply(&import.mapping);
    check_invariants(&loaded);
    assert!(
        !loaded
            .report
            .warnings
            .iter()
            .any(|w| w.kind == "unmapped-column"),
        "the dataset column is not reported as lost data"
    );
    assert!(
        loaded.report.rejected.is_empty(),
        "{}",
        loaded.report.to_text()
    );
    for (a, b) in loaded.records.iter().zip(&records) {
        assert_eq!(a, b, "record {}", b.id);
    }
    assert_eq!(loaded.records, records);
    let unexpected: Vec<_> = loaded
        .report
        .warnings
        .iter()
        .filter(|w| w.kind != "usd-from-amount")
        .collect();
    assert!(
        unexpected.is_empty(),
        "an export reads back without coercion: {unexpected:?}"
    );
}

#[test]
fn json_export_then_import_gives_back_the_same_records() {
    let records = bundled();
    let import = import::read(
        to_json("interventions", &records, Origin::Bundled).as_bytes(),
        "mirador-export.json",
    )
    .unwrap();
    assert_eq!(
        (import.format, import.rows()),
        (Format::Json, records.len())
    );
    let loaded = import.apply(&import.mapping);
    check_invariants(&loaded);
    assert_eq!(loaded.records, records);
    // Without a file name, the content tells.
    let again = import::read(
        to_json("interventions", &records, Origin::Bundled).as_bytes(),
        "",
    )
    .unwrap();
    assert_eq!(again.format, Format::Json);
}
