//! Bring your own data (`src/import/`): every CSV dialect of the fixtures (all synthetic, see
//! `tests/fixtures/import/README.md`), the report's arithmetic, header and country matching,
//! stable ids, the export → import round trip on the bundled data, chunked reading, and
//! `mirador validate FILE.csv --json`.

use mirador::export::{interventions_csv, to_json, Origin};
use mirador::import::{self, Decimal, Encoding, Field, Format, Import, Loaded, MatchKind, Reading};
use mirador::model::{ActorType, Effect, Evaluation, Focus, Level, Outcome};
use mirador::parse::parse_interventions;
use std::time::Instant;

const DIR: &str = "tests/fixtures/import";

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

#[test]
fn spanish_semicolons_decimal_comma_and_bom() {
    let (import, loaded) = fixture("synthetic-es-semicolon.csv");
    assert_eq!(
        (import.format, import.encoding, import.delimiter),
        (Format::Csv, Encoding::Utf8Bom, Some(b';'))
    );
    assert_eq!(import.mapping.decimal, Decimal::Comma);
    let expected = [
        ("Código", Some("id")),
        ("Nombre del programa", Some("name")),
        ("País", Some("country")),
        ("Departamento", Some("admin_area")),
        ("Ciudad", Some("city")),
        ("Nivel", Some("level")),
        ("Enfoque", Some("focus")),
        ("Año de inicio", Some("start_year")),
        ("Año de fin", Some("end_year")),
        ("Ejecutor(es)", Some("implementers")),
        ("Financiadores", Some("funders")),
        ("Presupuesto", Some("budget_amount")),
        ("Moneda", Some("budget_currency")),
        ("Presupuesto (USD)", Some("budget_usd")),
        ("Evaluación", Some("evaluation")),
        ("Efecto", Some("effect")),
        ("Resultados medidos", Some("outcomes")),
        ("Fuente(s)", Some("sources")),
        ("Notas", None),
    ];
    assert_eq!(
        mapped(&import),
        expected
            .iter()
            .map(|(h, f)| (h.to_string(), *f))
            .collect::<Vec<_>>()
    );
    assert_eq!(loaded.report.rows, 4);
    assert!(
        loaded.report.rejected.is_empty(),
        "{}",
        loaded.report.to_text()
    );

    let r = &loaded.records[0];
    assert_eq!(
        (
            r.id.as_str(),
            r.country.as_str(),
            r.admin_area.as_deref(),
            r.city.as_deref()
        ),
        ("es-1", "PER", Some("Lima"), Some("Lima"))
    );
    assert_eq!(r.level, Some(Level::Municipal));
    assert_eq!(r.focus, [Focus::Policing, Focus::Youth]);
    assert_eq!((r.start_year, r.end_year), (Some(2015), Some(2019)));
    assert_eq!(r.implementers[0].name, "Municipalidad Sintética");
    assert_eq!(
        r.implementers[0].kind,
        Some(ActorType::SubnationalGovernment)
    );
    assert_eq!(
        (r.funders[0].name.as_str(), r.funders[0].kind),
        ("BID", Some(ActorType::Multilateral))
    );
    assert_eq!(
        (r.budget_amount, r.budget_currency.as_deref(), r.budget_usd),
        (Some(1_250_000.5), Some("USD"), Some(1_250_000.5))
    );
    assert_eq!(
        (r.evaluation, r.effect),
        (Some(Evaluation::QuasiExperimental), Some(Effect::Promising))
    );
    assert_eq!(r.outcomes, [Outcome::Homicide, Outcome::Perception]);

    let r = &loaded.records[1];
    assert_eq!(
        (r.country.as_str(), r.focus.as_slice()),
        ("DOM", [Focus::Urban].as_slice())
    );
    assert_eq!((r.budget_amount, r.budget_usd), (Some(2.5), Some(2.5)));
    let urls: Vec<&str> = r.sources.iter().map(|s| s.url.as_str()).collect();
    assert_eq!(
        urls,
        ["https://example.org/es/2", "https://example.org/es/2b"]
    );
    assert_eq!(r.evaluation, Some(Evaluation::Monitoring));

    let r = &loaded.records[2];
    assert_eq!(
        (r.country.as_str(), r.start_year, r.evaluation),
        ("TTO", Some(2018), Some(Evaluation::None))
    );

    let r = &loaded.records[3];
    assert_eq!(
        (r.country.as_str(), r.start_year, r.budget_amount),
        ("HTI", None, None)
    );
    assert_eq!(r.implementers[0].kind, Some(ActorType::CivilSociety));

    let k = kinds(&loaded);
    for kind in [
        "unmapped-column",
        "country-name",
        "decimal-comma",
        "label",
        "date-as-year",
        "not-stated",
        "usd-from-amount",
    ] {
        assert!(k.contains(&kind), "no {kind} warning: {k:?}");
    }
    let w = loaded
        .report
        .warnings
        .iter()
        .find(|w| w.kind == "decimal-comma")
        .unwrap();
    assert_eq!((w.line, w.column.as_str()), (2, "Presupuesto"));
    assert!(
        w.message
            .to_string()
            .contains("\"1.250.000,50\" read as 1250000.5"),
        "{}",
        w.message
    );
    let w = loaded
        .report
        .warnings
        .iter()
        .find(|w| w.kind == "country-name")
        .unwrap();
    assert_eq!(w.message.to_string(), "\"Perú\" read as PER");
}

#[test]
fn portuguese_headers_and_real_amounts() {
    let (import, loaded) = fixture("synthetic-pt-headers.csv");
    assert_eq!(
        (import.encoding, import.delimiter, import.mapping.decimal),
        (Encoding::Utf8, Some(b','), Decimal::Comma)
    );
    let fields: Vec<Option<&str>> = import
        .mapping
        .columns
        .iter()
        .map(|f| f.map(Field::key))
        .collect();
    assert_eq!(
        fields,
        [
            Some("name"),
            Some("country"),
            Some("admin_area"),
            Some("city"),
            Some("level"),
            Some("focus"),
            Some("start_year"),
            Some("end_year"),
            Some("implementers"),
            Some("budget_amount"),
            Some("evaluation"),
            Some("effect"),
            Some("sources")
        ]
    );
    assert_eq!(
        import.columns[9].currency,
        Some("BRL"),
        "Orçamento (R$) states the currency"
    );
    assert!(
        loaded.report.rejected.is_empty(),
        "{}",
        loaded.report.to_text()
    );
    assert_eq!(loaded.records.len(), 3);
    let r = &loaded.records[0];
    assert_eq!(
        (r.country.as_str(), r.level, r.focus.as_slice()),
        ("BRA", Some(Level::Municipal), [Focus::Policing].as_slice())
    );
    assert_eq!(
        (r.budget_amount, r.budget_currency.as_deref(), r.budget_usd),
        (Some(1_500_000.0), Some("BRL"), None)
    );
    assert_eq!(
        r.implementers[0].kind,
        Some(ActorType::SubnationalGovernment)
    );
    assert_eq!(
        (r.evaluation, r.effect),
        (Some(Evaluation::QuasiExperimental), Some(Effect::Effective))
    );
    let r = &loaded.records[1];
    assert_eq!(
        (r.level, r.focus.as_slice()),
        (
            Some(Level::Subnational),
            [Focus::Policing, Focus::Justice].as_slice()
        )
    );
    assert_eq!(
        (r.budget_amount, r.budget_currency.as_deref()),
        (Some(2_000_000.0), Some("BRL"))
    );
    assert_eq!(r.sources.len(), 2);
    assert_eq!(r.evaluation, Some(Evaluation::Process));
    assert!(kinds(&loaded).contains(&"header-currency"));
    assert!(kinds(&loaded).contains(&"id-generated"));
    assert!(
        loaded
            .records
            .iter()
            .all(|r| r.id.starts_with("bra-programa-sintetico-")),
        "{:?}",
        loaded.records.iter().map(|r| &r.id).collect::<Vec<_>>()
    );
}

#[test]
fn windows_1252_with_accents() {
    let (import, loaded) = fixture("synthetic-windows-1252.csv");
    assert_eq!(
        (import.encoding, import.delimiter),
        (Encoding::Windows1252, Some(b';'))
    );
    assert_eq!(import.headers[1], "País");
    assert!(
        loaded.report.rejected.is_empty(),
        "{}",
        loaded.report.to_text()
    );
    let r = &loaded.records[0];
    assert_eq!(r.name, "Programa Sintético Niñez y Café");
    assert_eq!(
        r.description.as_deref(),
        Some("Un “programa” sintético – con acentos: áéíóú ñ Ç ü")
    );
    assert_eq!((r.country.as_str(), r.start_year), ("MEX", Some(2011)));
    assert_eq!(
        (r.budget_amount, r.budget_currency.as_deref()),
        (Some(1000.0), Some("EUR"))
    );
    assert_eq!(loaded.records[1].name, "Proyecto Sintético São João");
    assert_eq!(
        loaded.records[1].description.as_deref(),
        Some("Descripción con € y œ")
    );
    assert_eq!(loaded.records[2].country, "PAN");
    assert_eq!(loaded.report.warnings[0].kind, "encoding");
}

#[test]
fn tabs_and_codes() {
    let (import, loaded) = fixture("synthetic-tab.tsv");
    assert_eq!(
        (import.delimiter, import.mapping.decimal),
        (Some(b'\t'), Decimal::Point)
    );
    assert!(
        loaded.report.rejected.is_empty(),
        "{}",
        loaded.report.to_text()
    );
    let countries: Vec<&str> = loaded.records.iter().map(|r| r.country.as_str()).collect();
    assert_eq!(countries, ["JAM", "GTM", "COL"]);
    let r = &loaded.records[0];
    assert_eq!(
        (r.budget_usd, r.budget_amount, r.budget_currency.as_deref()),
        (Some(1_250_000.5), Some(1_250_000.5), Some("USD"))
    );
    assert_eq!(
        (r.evaluation, r.effect),
        (Some(Evaluation::Experimental), Some(Effect::NoEffect))
    );
    assert_eq!(r.focus, [Focus::Youth, Focus::Community]);
    let r = &loaded.records[1];
    assert_eq!(
        r.budget_usd,
        Some(12_500.0),
        "ambiguous 12,500 read with the file's decimal point"
    );
    assert_eq!(
        (r.focus.as_slice(), r.evaluation),
        ([Focus::Justice].as_slice(), Some(Evaluation::None))
    );
    let k = kinds(&loaded);
    assert!(
        k.contains(&"ambiguous-separator")
            && k.contains(&"country-code")
            && k.contains(&"budget-from-usd"),
        "{k:?}"
    );
}

#[test]
fn quoted_multiline_cells_and_blank_lines() {
    let (import, loaded) = fixture("synthetic-multiline.csv");
    assert_eq!(import.delimiter, Some(b','));
    assert_eq!(
        import.rows(),
        3,
        "blank lines and a row of empty cells are not rows"
    );
    assert!(
        loaded.report.rejected.is_empty(),
        "{}",
        loaded.report.to_text()
    );
    let lines: Vec<usize> = (0..3).map(|i| import.row(i).unwrap().0).collect();
    assert_eq!(lines, [3, 8, 10]);
    let r = &loaded.records[0];
    assert_eq!(r.name, "Synthetic \"Quoted\" Programme, Part 1");
    assert_eq!(r.description.as_deref(), Some("First line of the description,\r\nsecond line; with a semicolon\r\nand a third \"line\""));
    assert_eq!(r.implementers.len(), 2);
    assert_eq!(
        r.implementers[0].name,
        "Ministerio Sintético del Interior, Subsecretaría"
    );
    assert_eq!(r.implementers[0].kind, Some(ActorType::NationalGovernment));
    assert_eq!(r.implementers[1].kind, Some(ActorType::Foundation));
    let funders: Vec<(&str, Option<ActorType>)> = r
        .funders
        .iter()
        .map(|a| (a.name.as_str(), a.kind))
        .collect();
    assert_eq!(
        funders,
        [
            ("BID", Some(ActorType::Multilateral)),
            ("USAID Sintética", Some(ActorType::Bilateral))
        ]
    );
    let r = &loaded.records[2];
    assert_eq!(r.name, "Synthetic\nName On Two Lines");
    assert_eq!(
        r.implementers
            .iter()
            .map(|a| a.name.as_str())
            .collect::<Vec<_>>(),
        ["Norway Sintética", "Sweden Sintética"]
    );
    assert_eq!(r.focus, [Focus::Gender, Focus::Firearms]);
    assert!(kinds(&loaded).contains(&"blank-rows"));
}

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
fn excel_sep_line_and_title_row() {
    let (import, loaded) = fixture("synthetic-excel-sep.csv");
    assert_eq!(
        (import.delimiter, import.header_line, import.mapping.decimal),
        (Some(b';'), 4, Decimal::Comma)
    );
    assert_eq!(
        import.headers,
        ["Programa", "País", "Año de inicio", "Presupuesto"]
    );
    assert_eq!(import.rows(), 2);
    assert!(
        loaded.report.rejected.is_empty(),
        "{}",
        loaded.report.to_text()
    );
    assert_eq!(loaded.records[0].budget_amount, Some(1250.0));
    assert_eq!(loaded.records[1].budget_amount, Some(3_500_000.0));
    assert_eq!(
        (
            loaded.records[0].country.as_str(),
            loaded.records[1].country.as_str()
        ),
        ("COL", "ECU")
    );
    let w = loaded
        .report
        .warnings
        .iter()
        .find(|w| w.kind == "above-header")
        .expect("title row reported");
    assert!(
        w.message.to_string().contains("Lista sintética"),
        "{}",
        w.message
    );
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
fn a_person_can_change_the_mapping() {
    let text = "Programa;Lugar;Comentario\nUno Sintético;Perú;x\nDos Sintético;Chile;y\n";
    let import = import::read(text.as_bytes(), "x.csv").unwrap();
    assert_eq!(import.mapping.missing_required(), [Field::Country]);
    assert_eq!(import.columns[1].match_kind, MatchKind::None);
    assert_eq!(import.preview(5)[1].cells, ["Dos Sintético", "Chile", "y"]);
    let before = import.apply(&import.mapping);
    assert_eq!(before.report.accepted, 0);
    let mut m = import.mapping.clone();
    m.set(1, Some(Field::Country));
    m.set(2, Some(Field::Description));
    let after = import.apply(&m);
    assert_eq!(after.report.accepted, 2, "{}", after.report.to_text());
    assert_eq!(after.records[1].country, "CHL");
    assert_eq!(after.records[0].description.as_deref(), Some("x"));
    // A preview of the first row only.
    let first = import.apply_rows(&m, 0..1);
    assert_eq!((first.report.rows, first.records.len()), (1, 1));
}

#[test]
fn header_matching_in_three_languages() {
    for (header, field) in [
        ("País", "country"),
        ("Country", "country"),
        ("Nombre", "name"),
        ("Programa", "name"),
        ("Presupuesto (USD)", "budget_usd"),
        ("orçamento", "budget_amount"),
        ("Año de inicio", "start_year"),
        ("Ano de início", "start_year"),
        ("Fuente(s)", "sources"),
        ("Fontes", "sources"),
        ("Enfoque", "focus"),
        ("Nivel", "level"),
        ("Evaluación", "evaluation"),
        ("Efecto", "effect"),
        ("Financiadores", "funders"),
        ("Ejecutores", "implementers"),
        ("Moneda", "budget_currency"),
        ("Descripción", "description"),
    ] {
        assert_eq!(
            import::match_header(header).field.map(Field::key),
            Some(field),
            "{header}"
        );
    }
}

#[test]
fn country_cells_in_every_spelling() {
    let spellings = [
        ("Perú", "PER"),
        ("Peru", "PER"),
        ("PER", "PER"),
        ("pe", "PER"),
        ("Brasil", "BRA"),
        ("Brazil", "BRA"),
        ("México", "MEX"),
        ("República Dominicana", "DOM"),
        ("Trinidad y Tobago", "TTO"),
        ("Trinidad and Tobago", "TTO"),
        ("Haití", "HTI"),
        ("Belice", "BLZ"),
        ("Santa Lucía", "LCA"),
        ("St Kitts and Nevis", "KNA"),
        ("San Vicente y las Granadinas", "VCT"),
        ("Granada", "GRD"),
        ("Guyana", "GUY"),
        ("Surinam", "SUR"),
        ("Bahamas", "BHS"),
        ("Barbados", "BRB"),
        ("Jamaica", "JAM"),
        ("Colômbia", "COL"),
        ("Equador", "ECU"),
        ("Uruguai", "URY"),
        ("Paraguai", "PRY"),
        ("Panamá", "PAN"),
        ("Costa Rica", "CRI"),
        ("El Salvador", "SLV"),
        ("Honduras", "HND"),
        ("Nicarágua", "NIC"),
        ("Guatemala", "GTM"),
        ("Venezuela", "VEN"),
        ("Bolivia", "BOL"),
        ("Chile", "CHL"),
        ("Argentina", "ARG"),
        ("Antigua y Barbuda", "ATG"),
        ("Dominica", "DMA"),
    ];
    let mut csv = String::from("name,country\n");
    for (i, (s, _)) in spellings.iter().enumerate() {
        csv.push_str(&format!("Synthetic {i},\"{s}\"\n"));
    }
    let import = import::read(csv.as_bytes(), "c.csv").unwrap();
    let loaded = import.apply(&import.mapping);
    check_invariants(&loaded);
    assert!(
        loaded.report.rejected.is_empty(),
        "{}",
        loaded.report.to_text()
    );
    for (r, (s, code)) in loaded.records.iter().zip(spellings) {
        assert_eq!(r.country, code, "{s}");
    }
    assert!(import::match_country("Atlantis").is_err());
}

#[test]
fn generated_ids_are_stable_and_unique() {
    let bytes = std::fs::read(format!("{DIR}/synthetic-pt-headers.csv")).unwrap();
    let ids = |bytes: &[u8]| -> Vec<String> {
        let import = import::read(bytes, "x.csv").unwrap();
        import
            .apply(&import.mapping)
            .records
            .into_iter()
            .map(|r| r.id)
            .collect()
    };
    let first = ids(&bytes);
    assert_eq!(first, ids(&bytes), "same file, same ids");
    let mut unique = first.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), first.len());
    // A changed budget or source keeps the ids; a changed name does not.
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert_eq!(
        first,
        ids(text
            .replace("https://example.org/pt/1", "https://example.org/pt/9")
            .replace("\"2.000.000\"", "\"3.000.000\"")
            .as_bytes())
    );
    let renamed = ids(text.replace("Fica Seguro", "Fica Mais Seguro").as_bytes());
    assert_ne!(first[0], renamed[0]);
    assert_eq!(first[1..], renamed[1..]);
    // The same id from the same fields, whatever the file's layout.
    let other = "País;Nome\nBrasil;Programa Sintético Juventude\n";
    let import = import::read(other.as_bytes(), "y.csv").unwrap();
    let r = &import.apply(&import.mapping).records[0];
    assert_eq!(
        r.id,
        import::generated_id("BRA", "Programa Sintético Juventude", None, None, None)
    );
    assert!(
        r.id.starts_with("bra-programa-sintetico-juventude-")
            && r.id.len() == "bra-programa-sintetico-juventude-".len() + 6
    );
}

fn bundled() -> Vec<mirador::model::Intervention> {
    let report =
        parse_interventions(&std::fs::read_to_string("data/interventions.json").unwrap()).unwrap();
    assert!(report.rejected.is_empty());
    report.records
}

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
fn excel_unicode_text_and_header_only_files() {
    // Excel's "Unicode text": UTF-16LE with a byte-order mark, tab-delimited, CRLF.
    let text = "Nombre\tPaís\tAño de inicio\r\nUno Sintético\tPerú\t2004\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let import = import::read(&bytes, "export.txt").unwrap();
    assert_eq!(
        (import.encoding, import.delimiter),
        (Encoding::Utf16Le, Some(b'\t'))
    );
    let loaded = import.apply(&import.mapping);
    check_invariants(&loaded);
    assert_eq!(
        (
            loaded.records[0].country.as_str(),
            loaded.records[0].start_year
        ),
        ("PER", Some(2004))
    );
    // A header and nothing else: zero rows, nothing rejected.
    let import = import::read("name,country\r\n".as_bytes(), "empty.csv").unwrap();
    let loaded = import.apply(&import.mapping);
    assert_eq!(
        (import.rows(), loaded.report.rows, loaded.records.len()),
        (0, 0, 0)
    );
}

#[test]
fn forced_delimiter() {
    let text = "name;country\nA Sintético;BRA\n";
    let import = import::read_with(
        text.as_bytes(),
        "x.csv",
        import::ReadOptions {
            delimiter: Some(b','),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(import.headers, ["name;country"]);
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

#[test]
fn a_quote_never_closed_is_reported_with_the_lines_it_swallowed() {
    let csv = "id,name,country,description\na,Uno,BRA,ok\nb,Dos,COL,\"starts here\nc,Tres,MEX,lost\nd,Cuatro,PER,lost too\n";
    let import = import::read(csv.as_bytes(), "broken.csv").unwrap();
    let loaded = import.apply(&import.mapping);
    check_invariants(&loaded);
    let w = loaded
        .report
        .warnings
        .iter()
        .find(|w| w.kind == "unclosed-quote")
        .unwrap_or_else(|| panic!("no warning:\n{}", loaded.report.to_text()));
    assert_eq!(w.line, 3);
    assert!(
        w.message.to_string().contains("opened on line 3")
            && w.message.to_string().contains("lines 3–5"),
        "{}",
        w.message
    );
    assert!(loaded.report.to_text().contains("never closed"));
    // A closed quote over several lines is not reported.
    let ok = "id,name,country,description\na,Uno,BRA,\"two\nlines\"\n";
    let import = import::read(ok.as_bytes(), "ok.csv").unwrap();
    let loaded = import.apply(&import.mapping);
    assert!(loaded
        .report
        .warnings
        .iter()
        .all(|w| w.kind != "unclosed-quote"));
}

#[test]
fn every_label_the_app_shows_reads_back_in_every_language() {
    use mirador::i18n::{self, Lang};
    use mirador::model::{ActorType, Effect, Evaluation, Focus, Level, Outcome};
    fn pick<T: Copy>(all: &[T], i: usize) -> T {
        all[i % all.len()]
    }
    let rows = [
        Focus::ALL.len(),
        Level::ALL.len(),
        ActorType::ALL.len(),
        Evaluation::ALL.len(),
        Effect::ALL.len(),
        Outcome::ALL.len(),
    ]
    .into_iter()
    .max()
    .unwrap();
    for lang in Lang::ALL {
        let mut csv =
            String::from("id,name,country,focus,level,funders,evaluation,effect,outcomes\n");
        for i in 0..rows {
            csv.push_str(&format!(
                "r{i},Programa {i},BRA,\"{}\",\"{}\",\"Fundo ({})\",\"{}\",\"{}\",\"{}\"\n",
                i18n::focus_label(lang, pick(Focus::ALL, i)),
                i18n::level_label(lang, pick(Level::ALL, i)),
                i18n::actor_type_label(lang, pick(ActorType::ALL, i)),
                i18n::evaluation_label(lang, pick(Evaluation::ALL, i)),
                i18n::effect_label(lang, pick(Effect::ALL, i)),
                i18n::outcome_label(lang, pick(Outcome::ALL, i)),
            ));
        }
        let import = import::read(csv.as_bytes(), "labels.csv").unwrap();
        let loaded = import.apply(&import.mapping);
        check_invariants(&loaded);
        assert!(
            loaded.report.rejected.is_empty(),
            "{lang:?}:\n{}",
            loaded.report.to_text()
        );
        for (i, r) in loaded.records.iter().enumerate() {
            assert_eq!(r.focus, vec![pick(Focus::ALL, i)], "{lang:?} row {i}");
            assert_eq!(r.level, Some(pick(Level::ALL, i)), "{lang:?} row {i}");
            assert_eq!(
                r.funders[0].kind,
                Some(pick(ActorType::ALL, i)),
                "{lang:?} row {i}"
            );
            assert_eq!(
                r.evaluation,
                Some(pick(Evaluation::ALL, i)),
                "{lang:?} row {i}"
            );
            assert_eq!(r.effect, Some(pick(Effect::ALL, i)), "{lang:?} row {i}");
            assert_eq!(r.outcomes, vec![pick(Outcome::ALL, i)], "{lang:?} row {i}");
        }
    }
}
