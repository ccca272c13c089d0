//! Every CSV dialect of the fixtures: Spanish and Portuguese spreadsheets, Windows-1252, tabs,
//! quoted multi-line cells, Excel's `sep=` line and title rows, UTF-16 text, a forced delimiter, and
//! a quote never closed.

use super::*;

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
