//! The one translation table: every string a person reads goes through here.
//!
//! Every sentence is written in each `Lang` in one exhaustive `match`, so adding a language is a
//! compile error until every string is translated. One file per kind of text:
//! - `messages.rs`: the fixed strings (`Msg`, `text()`);
//! - `counts.rs`: sentences around counts (totals, coverage, comparisons, empty results, pages);
//! - `notes.rs`: what a view says it cannot draw, and the banners for a person's own data;
//! - `cite.rs`: what travels with an export (context line, citation, data credit);
//! - `charts.rs`: a chart's words for assistive technology and its "Show as table";
//! - `labels.rs`: labels of vocabulary values and country names; `numbers.rs`: number formats;
//! - `evidence.rs`: the evidence features' strings; `import.rs`: the import report's sentences.

mod charts;
mod cite;
mod counts;
pub mod evidence;
pub mod import;
mod labels;
mod messages;
mod notes;
mod numbers;

pub use charts::*;
pub use cite::*;
pub use counts::*;
pub use labels::*;
pub use messages::*;
pub use notes::*;
pub use numbers::*;

use crate::model::*;

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Es,
    Pt,
}

impl Lang {
    /// Every language of the interface, in the order a language picker shows them.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Es, Lang::Pt];

    /// The language's code: "en", "es", "pt".
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Pt => "pt",
        }
    }

    /// The language for a code ("es", "pt-BR", "ES" …): the primary subtag decides, ignoring case.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next().unwrap_or("");
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(primary))
    }

    /// The language's name in itself, for a language picker: "English", "Español", "Português".
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
            Lang::Pt => "Português",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::labels::{translated_country, COUNTRY_NAMES};
    use super::*;
    use crate::country::english_name;
    use crate::selection::{Facet, NOT_STATED};

    #[test]
    fn a_link_from_another_release_is_named_in_each_language() {
        let (oldest, _) = crate::model::DATASET_VERSIONS[crate::model::DATASET_VERSIONS.len() - 1];
        for lang in Lang::ALL {
            let known = version_notice(lang, oldest);
            assert!(
                known.contains(oldest) && known.contains(DATASET_VERSION),
                "{known}"
            );
            let unknown = version_notice(lang, "<b>9</b>");
            assert!(
                unknown.contains("<b>9</b>") && !unknown.contains(oldest),
                "{unknown}"
            );
        }
        let texts: std::collections::HashSet<String> = Lang::ALL
            .into_iter()
            .map(|l| version_notice(l, oldest))
            .collect();
        assert_eq!(texts.len(), Lang::ALL.len(), "one sentence per language");
        assert_ne!(what_changed(Lang::Es), what_changed(Lang::En));
    }

    #[test]
    fn counts_and_lines() {
        assert_eq!(format_count(Lang::En, 0), "0");
        assert_eq!(format_count(Lang::En, 999), "999");
        assert_eq!(format_count(Lang::En, 1284), "1,284");
        assert_eq!(format_count(Lang::En, 1_000_000), "1,000,000");
        assert_eq!(
            matching_line(Lang::En, 132, 1284),
            "132 of 1,284 interventions"
        );
        assert!(budget_coverage_line(Lang::En, 38, 100).starts_with("Budget known for 38%"));
        assert!(budget_coverage_line(Lang::En, 0, 0).starts_with("Budget known for 0%"));
    }

    #[test]
    fn money() {
        assert_eq!(format_usd_short(Lang::En, 21_000_000.0), "US$21M");
        assert_eq!(format_usd_short(Lang::En, 3_200_000.0), "US$3.2M");
        assert_eq!(format_usd_short(Lang::En, 320_000.0), "US$320k");
        assert_eq!(format_usd_short(Lang::En, 1e9), "US$1B");
    }

    #[test]
    fn labels() {
        assert_eq!(value_label(Lang::En, Facet::Country, "BRA"), "Brazil");
        assert_eq!(value_label(Lang::En, Facet::Country, "XXX"), "XXX");
        assert_eq!(
            value_label(Lang::En, Facet::Effect, "no-effect"),
            "No effect"
        );
        assert_eq!(
            value_label(Lang::En, Facet::Level, NOT_STATED),
            "Not stated"
        );
    }

    #[test]
    fn languages() {
        assert_eq!(Lang::ALL.len(), 3);
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("es"), Some(Lang::Es));
        assert_eq!(Lang::from_code("pt-BR"), Some(Lang::Pt));
        assert_eq!(Lang::from_code("ES"), Some(Lang::Es));
        assert_eq!(Lang::from_code("en_GB"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(Lang::from_code(""), None);
        assert_eq!(Lang::En.native_name(), "English");
        assert_eq!(Lang::Es.native_name(), "Español");
        assert_eq!(Lang::Pt.native_name(), "Português");
        assert_eq!(Lang::default(), Lang::En);
    }

    #[test]
    fn counts_and_lines_es_pt() {
        assert_eq!(format_count(Lang::Es, 999), "999");
        assert_eq!(format_count(Lang::Es, 1284), "1.284");
        assert_eq!(format_count(Lang::Pt, 1_000_000), "1.000.000");
        assert_eq!(
            matching_line(Lang::Es, 132, 1284),
            "132 de 1.284 intervenciones"
        );
        assert_eq!(
            matching_line(Lang::Pt, 132, 1284),
            "132 de 1.284 intervenções"
        );
        assert_eq!(matching_line(Lang::Es, 1, 1), "1 de 1 intervención");
        assert_eq!(matching_line(Lang::Pt, 0, 1), "0 de 1 intervenção");
        assert!(
            budget_coverage_line(Lang::Es, 38, 100).starts_with("Presupuesto conocido para el 38%")
        );
        assert!(budget_coverage_line(Lang::Pt, 0, 0).starts_with("Orçamento conhecido para 0%"));
        assert_eq!(page_line(Lang::Es, 2, 0), "Página 2 de 1");
        assert_eq!(page_line(Lang::Pt, 2, 7), "Página 2 de 7");
        assert_eq!(
            undated_events_note(Lang::Es, 1),
            "1 evento sin fecha figura en la lista de abajo, pero no se representa."
        );
        assert_eq!(
            undated_events_note(Lang::Pt, 3),
            "3 eventos sem data aparecem na lista abaixo, mas não são representados."
        );
        assert_eq!(
            import_summary(Lang::Es, 1204, 1198, 6, 1),
            "1.204 filas: 1.198 cargadas, 6 rechazadas (detalladas abajo, con su línea y el motivo), 1 advertencia."
        );
        assert_eq!(
            import_summary(Lang::Pt, 1, 1, 0, 0),
            "1 linha: 1 carregada, 0 rejeitadas, 0 avisos."
        );
        assert!(timeline_note(Lang::Es, 1, 10, false)
            .starts_with("1 de 10 intervenciones no tiene año de inicio y no se representa."));
        assert!(timeline_note(Lang::Pt, 2, 10, true)
            .starts_with("2 de 10 intervenções não têm ano de início e não são representadas."));
        assert_eq!(
            format_amount(Lang::Es, 21_000_000.0, "USD"),
            "USD 21.000.000"
        );
    }

    #[test]
    fn money_es_pt() {
        assert_eq!(format_usd_short(Lang::Es, 21_000_000.0), "US$21 M");
        assert_eq!(format_usd_short(Lang::Es, 3_200_000.0), "US$3,2 M");
        assert_eq!(format_usd_short(Lang::Es, 320_000.0), "US$320 mil");
        assert_eq!(format_usd_short(Lang::Es, 1.2e9), "US$1,2 mil M");
        assert_eq!(format_usd_short(Lang::Pt, 21_000_000.0), "US$ 21 mi");
        assert_eq!(format_usd_short(Lang::Pt, 3_200_000.0), "US$ 3,2 mi");
        assert_eq!(format_usd_short(Lang::Pt, 1e9), "US$ 1 bi");
        assert_eq!(format_usd_short(Lang::Pt, 500.0), "US$ 500");
        assert_eq!(
            compare_caption(Lang::Es, 35, 1.2e9, 9, 40),
            "35 intervenciones · US$1,2 mil M conocidos (9)"
        );
        assert_eq!(
            compare_caption(Lang::En, 6, 0.0, 0, 15),
            "6 interventions · budget unknown"
        );
        assert_eq!(
            compare_caption(Lang::En, 0, 0.0, 0, 15),
            "none match these filters (15 in all)"
        );
    }

    #[test]
    fn labels_es_pt() {
        assert_eq!(value_label(Lang::Es, Facet::Country, "BRA"), "Brasil");
        assert_eq!(value_label(Lang::Pt, Facet::Country, "MEX"), "México");
        assert_eq!(value_label(Lang::Pt, Facet::Country, "PRI"), "Porto Rico");
        assert_eq!(value_label(Lang::Es, Facet::Country, "XXX"), "XXX");
        assert_eq!(
            value_label(Lang::Es, Facet::Level, NOT_STATED),
            "No indicado"
        );
        assert_eq!(
            value_label(Lang::Pt, Facet::Level, NOT_STATED),
            "Não informado"
        );
        assert_eq!(effect_label(Lang::Es, Effect::Promising), "Prometedora");
        assert_eq!(effect_label(Lang::Pt, Effect::Promising), "Promissora");
        assert_eq!(
            focus_label(Lang::Es, Focus::Youth),
            "Prevención de la violencia juvenil"
        );
        assert_eq!(
            evaluation_label(Lang::Es, Evaluation::QuasiExperimental),
            "Evaluación cuasi-experimental"
        );
        assert_eq!(
            evaluation_label(Lang::Pt, Evaluation::Experimental),
            "Ensaio randomizado"
        );
        assert_eq!(
            text(Lang::Es, Msg::AppSubtitle),
            "Intervenciones de seguridad ciudadana en América Latina y el Caribe"
        );
        assert_eq!(
            text(Lang::Pt, Msg::AppSubtitle),
            "Intervenções de segurança cidadã na América Latina e no Caribe"
        );
        assert_eq!(facet_title(Lang::Pt, Facet::Funder), "Tipo de financiador");
    }

    #[test]
    fn country_names() {
        assert!(COUNTRY_NAMES.windows(2).all(|w| w[0].0 < w[1].0));
        let required = [
            "ARG", "ATG", "BHS", "BRB", "BLZ", "BOL", "BRA", "CHL", "COL", "CRI", "CUB", "DMA",
            "DOM", "ECU", "SLV", "GRD", "GTM", "GUY", "HTI", "HND", "JAM", "MEX", "NIC", "PAN",
            "PRY", "PER", "KNA", "LCA", "VCT", "SUR", "TTO", "URY", "VEN", "PRI", "ABW", "CUW",
            "SXM", "BES", "GUF", "GLP", "MTQ", "MSR", "AIA", "VGB", "VIR", "CYM", "TCA", "BLM",
            "MAF", "FLK", "USA", "ZAF", "CAN", "ESP", "PRT", "GBR", "FRA", "NLD",
        ];
        assert_eq!(COUNTRY_NAMES.len(), required.len());
        for code in required {
            assert!(english_name(code).is_some(), "{code} has no English name");
            assert!(
                translated_country(code).is_some(),
                "{code} has no translation"
            );
        }
        // Others fall back to the English name.
        assert_eq!(
            country_name(Lang::Es, "DEU"),
            english_name("DEU").unwrap_or("DEU")
        );
        assert_eq!(country_name(Lang::En, "BRA"), "Brazil");
    }

    #[test]
    fn every_message_translated() {
        for msg in Msg::ALL {
            for lang in Lang::ALL {
                assert!(
                    !text(lang, msg).trim().is_empty(),
                    "{msg:?} is empty in {lang:?}"
                );
            }
            let en = text(Lang::En, msg);
            if en.chars().count() > 12 {
                assert_ne!(
                    text(Lang::Es, msg),
                    en,
                    "{msg:?} is untranslated in Spanish"
                );
                assert_ne!(
                    text(Lang::Pt, msg),
                    en,
                    "{msg:?} is untranslated in Portuguese"
                );
            }
        }
        for (i, a) in Msg::ALL.iter().enumerate() {
            assert!(
                !Msg::ALL[i + 1..].contains(a),
                "{a:?} listed twice in Msg::ALL"
            );
        }
    }

    #[test]
    fn formatted_lines_translated() {
        let lines = |lang| {
            vec![
                budget_coverage_line(lang, 3, 10),
                effect_coverage_line(lang, 3, 10),
                gap_note(lang, 3, 10),
                timeline_note(lang, 3, 10, true),
                synthetic_banner(lang, 10),
                own_data_banner(lang, "file.csv", 10),
                import_summary(lang, 10, 9, 1, 2),
                undated_events_note(lang, 2),
                compare_caption(lang, 10, 1e6, 2, 12),
            ]
        };
        let en = lines(Lang::En);
        for lang in [Lang::Es, Lang::Pt] {
            for (a, b) in lines(lang).iter().zip(&en) {
                assert_ne!(a, b);
            }
        }
    }
}
