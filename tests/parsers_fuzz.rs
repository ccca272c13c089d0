//! Parsers never panic, and the CSV importer keeps every cell: bounded proptest fuzzing (a few
//! hundred cases per target, a few seconds in all) run with the ordinary test suite.
//!
//! - `import::read` (and `apply` with the proposed mapping) on arbitrary bytes and on
//!   CSV-looking text: no panic, and accepted + rejected = rows.
//! - `parse::parse_interventions` / `parse_events` on arbitrary and JSON-looking text.
//! - `url_state::parse_query` on arbitrary and query-looking text.
//! - Structured: random tables whose cells hold quotes, delimiters, line breaks and non-Latin
//!   text, written by the `csv` crate in every dialect (comma, semicolon, tab; CRLF or LF; BOM or
//!   not; UTF-8 or Windows-1252; blank lines between rows) read back cell for cell, line for line.
//! - Records: random valid interventions → `export::interventions_csv` → import → the same records.

use mirador::export::interventions_csv;
use mirador::import::{self, encode_windows_1252, ReadOptions};
use mirador::model::*;
use proptest::prelude::*;

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn import_never_panics(bytes: &[u8], name: &str) {
    if let Ok(import) = import::read(bytes, name) {
        let loaded = import.apply(&import.mapping);
        let r = &loaded.report;
        assert_eq!(r.accepted + r.rejected.len(), r.rows);
        assert_eq!(r.accepted, loaded.records.len());
        let _ = r.to_json();
        let _ = r.to_text();
        let _ = import.preview(3);
    }
}

proptest! {
    #![proptest_config(config(500))]

    #[test]
    fn import_reads_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600), csv in any::<bool>()) {
        import_never_panics(&bytes, if csv { "x.csv" } else { "" });
    }

    #[test]
    fn import_reads_csv_looking_text(text in "[a-z0-9 ,;\t\"\r\n.éñ€()$%-]{0,300}", header in "(name|país|country|presupuesto|año|focus|fuente|id)([,;\t](name|país|country|presupuesto|año|focus|fuente|id|nivel|efecto)){0,6}\r?\n") {
        let full = format!("{header}{text}");
        import_never_panics(full.as_bytes(), "x.csv");
        import_never_panics(&encode_windows_1252(&full), "x.csv");
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(full.encode_utf16().flat_map(u16::to_le_bytes));
        import_never_panics(&utf16, "x.txt");
    }

    #[test]
    fn import_reads_json_looking_text(text in r#"[\[\]{}",:0-9a-z_ \n]{0,200}"#) {
        import_never_panics(text.as_bytes(), "x.json");
    }

    #[test]
    fn json_parser_never_panics(s in "\\PC{0,300}", j in r#"\[(\{("(id|name|country|focus|start_year|sources)":("[a-zA-Z]{0,5}"|[0-9]{1,5}|null|\[\]|\["[a-z]{0,5}"\]),?){0,6}\},?){0,4}\]"#) {
        let _ = mirador::parse::parse_interventions(&s);
        let _ = mirador::parse::parse_events(&s);
        let _ = mirador::parse::parse_interventions(&j);
        let _ = mirador::parse::parse_events(&j);
    }

    #[test]
    fn url_state_parser_never_panics(s in "\\PC{0,200}", q in "((country|focus|level|year|budget|q|sort|page|open|lang|view|data)=[A-Za-z0-9,.%+&=-]{0,12}&?){0,6}") {
        let _ = mirador::url_state::parse_query(&s);
        let _ = mirador::url_state::parse_query(&q);
    }
}

/// Cell text: every troublesome character a spreadsheet cell can hold.
fn cell() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => "[a-zA-Z0-9]",
            1 => Just(",".to_owned()), 1 => Just(";".to_owned()), 1 => Just("\t".to_owned()), 1 => Just("\"".to_owned()),
            1 => Just("\n".to_owned()), 1 => Just("\r\n".to_owned()), 1 => Just("\r".to_owned()), 1 => Just(" ".to_owned()),
            1 => Just("é".to_owned()), 1 => Just("ñ".to_owned()), 1 => Just("€".to_owned()), 1 => Just("“".to_owned()),
            1 => Just("中".to_owned()), 1 => Just("😀".to_owned()), 1 => Just("\u{202e}".to_owned()), 1 => Just("'".to_owned()),
        ],
        0..10,
    )
    .prop_map(|parts| parts.concat())
}

/// Line breaks before offset `end`, counted as the importer does (`\r\n`, `\n`, lone `\r`).
fn line_breaks(text: &str, end: usize) -> usize {
    let b = &text.as_bytes()[..end];
    (0..b.len())
        .filter(|&i| b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n')))
        .count()
}

#[derive(Debug, Clone)]
struct Dialect {
    delimiter: u8,
    crlf: bool,
    bom: bool,
    windows_1252: bool,
    /// Quote every cell (then the delimiter is detected) or only where needed (then it is given).
    quote_all: bool,
}

fn dialect() -> impl Strategy<Value = Dialect> {
    (
        prop::sample::select(vec![b',', b';', b'\t']),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(delimiter, crlf, bom, windows_1252, quote_all)| Dialect {
            delimiter,
            crlf,
            bom,
            windows_1252,
            quote_all,
        })
}

fn table() -> impl Strategy<Value = (usize, Vec<Vec<String>>, Vec<usize>)> {
    (1usize..6).prop_flat_map(|cols| {
        (
            Just(cols),
            prop::collection::vec(prop::collection::vec(cell(), cols), 0..12),
            prop::collection::vec(0usize..3, 12),
        )
    })
}

/// Only characters Windows-1252 can hold.
fn cp1252_safe(s: &str) -> String {
    s.chars()
        .map(|c| {
            if matches!(c, '中' | '😀' | '\u{202e}') {
                'x'
            } else {
                c
            }
        })
        .collect()
}

proptest! {
    #![proptest_config(config(400))]

    #[test]
    fn csv_cells_round_trip((cols, rows, blanks) in table(), d in dialect()) {
        let fix = |s: String| if d.windows_1252 { cp1252_safe(&s) } else { s };
        // The header: "name" so it is recognised, and in Windows-1252 files an accent that is not
        // valid UTF-8 ("éx") so the encoding is detected.
        let mut header: Vec<String> = (0..cols).map(|j| format!("c{j}")).collect();
        header[cols - 1] = "name".into();
        if d.windows_1252 {
            header[0] = format!("éx{}", header[0]);
        }
        // Every row has a non-blank first cell (rows of blank cells are skipped by design).
        let rows: Vec<Vec<String>> = rows
            .into_iter()
            .enumerate()
            .map(|(i, r)| r.into_iter().enumerate().map(|(j, c)| fix(if j == 0 { format!("r{i}{c}") } else { c })).collect())
            .collect();

        let terminator = if d.crlf { "\r\n" } else { "\n" };
        let mut text = String::new();
        let mut starts = Vec::new();
        for (k, record) in std::iter::once(&header).chain(&rows).enumerate() {
            if k > 0 {
                text.push_str(&terminator.repeat(blanks[k % blanks.len()]));
            }
            starts.push(text.len());
            let mut w = csv::WriterBuilder::new()
                .delimiter(d.delimiter)
                .quote_style(if d.quote_all { csv::QuoteStyle::Always } else { csv::QuoteStyle::Necessary })
                .terminator(if d.crlf { csv::Terminator::CRLF } else { csv::Terminator::Any(b'\n') })
                .from_writer(Vec::new());
            w.write_record(record).unwrap();
            text.push_str(&String::from_utf8(w.into_inner().unwrap()).unwrap());
        }
        let mut bytes = if d.windows_1252 { encode_windows_1252(&text) } else { text.clone().into_bytes() };
        if d.bom && !d.windows_1252 {
            bytes.splice(0..0, [0xEF, 0xBB, 0xBF]);
        }
        let options = ReadOptions { delimiter: (!d.quote_all).then_some(d.delimiter), ..Default::default() };
        let import = import::read_with(&bytes, "fuzz.csv", options).unwrap();
        prop_assert_eq!(import.delimiter, Some(if cols == 1 && d.quote_all { import.delimiter.unwrap() } else { d.delimiter }));
        prop_assert_eq!(&import.headers, &header);
        prop_assert_eq!(import.rows(), rows.len());
        for (i, row) in rows.iter().enumerate() {
            let (line, cells) = import.row(i).unwrap();
            prop_assert_eq!(&cells, row);
            prop_assert_eq!(line, line_breaks(&text, starts[i + 1]) + 1);
        }
        let loaded = import.apply(&import.mapping);
        prop_assert_eq!(loaded.report.accepted + loaded.report.rejected.len(), rows.len());
    }
}

/// Text that survives a cell: starts with a letter, no surrounding whitespace, never a
/// "not stated" marker.
fn text(max: usize) -> impl Strategy<Value = String> {
    ("[A-Za-zÁÉÍÓÚáéíóúñÑçÇãõ]", prop::collection::vec(prop_oneof![6 => "[a-zA-Z0-9áéñ]", 1 => Just(" ".to_owned()), 1 => Just(",".to_owned()), 1 => Just("\"".to_owned()), 1 => Just(";".to_owned()), 1 => Just("\n".to_owned()), 1 => Just("'".to_owned())], 0..max))
        .prop_map(|(first, rest)| format!("{first}{}", rest.concat()).trim_end().to_owned())
        .prop_filter("not a \"not stated\" marker", |s| !import::is_not_stated(s))
}

/// Actor names cannot hold the list separators or parentheses (see `split_actors`).
fn actor() -> impl Strategy<Value = Actor> {
    (
        "[A-Za-zÁÉñ][A-Za-z0-9 ,.áé'-]{0,20}",
        prop::option::of(prop::sample::select(ActorType::ALL.to_vec())),
    )
        .prop_map(|(name, kind)| Actor {
            name: name.trim_end().to_owned(),
            kind,
        })
        .prop_filter("not a \"not stated\" marker", |a| {
            !import::is_not_stated(&a.name)
        })
}

fn unique<T: PartialEq + Clone + std::fmt::Debug + 'static>(
    all: &'static [T],
) -> impl Strategy<Value = Vec<T>> {
    prop::sample::subsequence(all.to_vec(), 0..=all.len().min(4)).prop_shuffle()
}

fn amount() -> impl Strategy<Value = f64> {
    prop_oneof![
        (0u64..10_000_000_000).prop_map(|v| v as f64),
        (0u32..100_000_000, 1u32..1000).prop_map(|(a, b)| a as f64 + b as f64 / 1000.0),
        (0.0f64..1e9)
    ]
}

fn intervention() -> impl Strategy<Value = Intervention> {
    let place = (
        text(40),
        prop::option::of(text(120)),
        prop::sample::select(vec![
            "BRA", "COL", "MEX", "JAM", "TTO", "HTI", "PER", "USA", "ZAF",
        ]),
        prop::option::of(text(20)),
        prop::option::of(text(20)),
        prop::option::of(prop::sample::select(Level::ALL.to_vec())),
    );
    let facts = (
        unique(Focus::ALL),
        prop::option::of((1900i32..2100, 0i32..20)),
        prop::collection::vec(actor(), 0..3),
        prop::collection::vec(actor(), 0..3),
        prop_oneof![
            Just((None, None, None)),
            amount().prop_map(|a| (Some(a), Some("USD"), Some(a))),
            (
                amount(),
                prop::sample::select(vec!["BRL", "MXN", "COP", "EUR"])
            )
                .prop_map(|(a, c)| (Some(a), Some(c), None)),
        ],
        prop::option::of(1900i32..2100),
    );
    let evidence = (
        prop::option::of(prop::sample::select(Evaluation::ALL.to_vec())),
        prop::option::of(prop::sample::select(Effect::ALL.to_vec())),
        unique(Outcome::ALL),
        prop::collection::vec("[a-z]{1,8}(,[a-z0-9]{1,4})?", 0..3),
    );
    (place, facts, evidence).prop_map(
        |(
            (name, description, country, admin_area, city, level),
            (focus, years, implementers, funders, budget, budget_year),
            (evaluation, effect, outcomes, paths),
        )| {
            Intervention {
                id: String::new(),
                name,
                description,
                country: country.to_owned(),
                admin_area,
                city,
                level,
                focus,
                start_year: years.map(|(s, _)| s),
                end_year: years.map(|(s, d)| (s + d).min(2100)),
                implementers,
                funders,
                budget_amount: budget.0,
                budget_currency: budget.1.map(str::to_owned),
                budget_year,
                budget_usd: budget.2,
                // Varies with the year, so every kind (and none) is written and read back.
                budget_kind: budget_year
                    .map(|y| mirador::model::BudgetKind::ALL[y.rem_euclid(3) as usize]),
                evaluation,
                effect,
                outcomes,
                sources: paths
                    .iter()
                    .map(|p| mirador::model::Source::from_url(format!("https://example.org/{p}")))
                    .collect(),
                verdicts: vec![],
            }
        },
    )
}

proptest! {
    #![proptest_config(config(200))]

    #[test]
    fn exported_records_import_unchanged(mut records in prop::collection::vec(intervention(), 1..8)) {
        for (i, r) in records.iter_mut().enumerate() {
            r.id = format!("fuzz-{i}");
        }
        let csv = interventions_csv(&records, mirador::export::Origin::Bundled);
        let import = import::read(csv.as_bytes(), "export.csv").unwrap();
        let loaded = import.apply(&import.mapping);
        prop_assert!(loaded.report.rejected.is_empty(), "{}", loaded.report.to_text());
        prop_assert_eq!(loaded.records, records);
    }
}
