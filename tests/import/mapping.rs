//! Matching a file to the schema: headers in three languages, a mapping a person changes, country
//! cells in every spelling, stable generated ids, and every label the app shows read back.

use super::*;

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
