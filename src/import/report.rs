//! The validation report of an import: every data row is either accepted or listed as rejected
//! with its line, column and reason; values that were read differently from how they were
//! written are listed as warnings. It renders as JSON (the shape `mirador validate --json`
//! prints) and as text, both for download.

use crate::i18n::import::{ImportText, ReportWords};
use crate::i18n::Lang;
use serde::Serialize;
use std::fmt;

/// One more problem of a rejected row (a row is listed once, with all its problems).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub column: String,
    pub field: String,
    pub reason: ImportText,
}

/// A data row (CSV) or record (JSON) that was not loaded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rejected {
    /// 1-based line of the file where the row starts.
    pub line: usize,
    /// 1-based number of the row among the data rows (or of the record in a JSON array).
    pub record: usize,
    /// The record's id, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The column as the file names it (CSV header, or JSON field path like `focus[0]`); empty
    /// when the problem is the row as a whole.
    pub column: String,
    /// The schema field (`start_year`), empty when none.
    pub field: String,
    pub reason: ImportText,
    /// Further problems of the same row, so a person can fix them all at once.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<Problem>,
}

/// A value that was read differently from how it is written, or a note about the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// 1-based line; 0 for the file as a whole.
    pub line: usize,
    /// 1-based data row; 0 for the file or the header.
    pub record: usize,
    pub column: String,
    pub field: String,
    /// A stable key to group warnings by (`decimal-comma`, `country-name`, `unmapped-column`...).
    pub kind: &'static str,
    pub message: ImportText,
}

/// What an import loaded and what it did not.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Report {
    /// Data rows in the file (blank rows and the header excepted) or records in a JSON array.
    pub rows: usize,
    pub accepted: usize,
    pub rejected: Vec<Rejected>,
    pub warnings: Vec<Warning>,
}

/// Warnings of one kind in one column, counted (for a summary instead of 10,000 lines).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WarningGroup {
    pub column: String,
    pub field: String,
    pub kind: &'static str,
    pub count: usize,
    /// Up to five lines where it happens.
    pub lines: Vec<usize>,
    /// The first message, as an example.
    pub example: ImportText,
}

impl Report {
    /// True when every row is accounted for: accepted + rejected = rows.
    pub fn is_complete(&self) -> bool {
        self.accepted + self.rejected.len() == self.rows
    }

    /// The report as one line of JSON:
    /// `{"rows":N,"accepted":A,"rejected":[{"line":L,"record":R,"column":"...","field":"...","reason":"..."}],"warnings":[...]}`.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{}".to_owned())
    }

    /// The report as indented JSON, for download.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_owned()) + "\n"
    }

    /// Warnings grouped by column and kind, in order of first appearance.
    pub fn warning_groups(&self) -> Vec<WarningGroup> {
        let mut groups: Vec<WarningGroup> = Vec::new();
        let mut index: std::collections::HashMap<(&str, &str), usize> =
            std::collections::HashMap::new();
        for w in &self.warnings {
            match index.get(&(w.column.as_str(), w.kind)) {
                Some(&i) => {
                    let g = &mut groups[i];
                    g.count += 1;
                    if g.lines.len() < 5 {
                        g.lines.push(w.line);
                    }
                }
                None => {
                    index.insert((w.column.as_str(), w.kind), groups.len());
                    groups.push(WarningGroup {
                        column: w.column.clone(),
                        field: w.field.clone(),
                        kind: w.kind,
                        count: 1,
                        lines: vec![w.line],
                        example: w.message.clone(),
                    });
                }
            }
        }
        groups
    }

    /// The report as plain text in English, one problem per line.
    pub fn to_text(&self) -> String {
        self.to_text_in(Lang::En)
    }

    /// The report as plain text in a language, one problem per line (the download the import
    /// dialog offers, in the page language).
    pub fn to_text_in(&self, lang: Lang) -> String {
        let w = ReportWords { lang };
        let mut out = w.summary(
            self.rows,
            self.accepted,
            self.rejected.len(),
            self.warnings.len(),
        );
        out.push('\n');
        if !self.rejected.is_empty() {
            out.push_str(&format!("\n{}\n", w.rejected_heading()));
            for r in &self.rejected {
                out.push_str(&format!("  {}\n", r.text(lang)));
                for p in &r.also {
                    out.push_str(&format!(
                        "      {} {}: {}\n",
                        w.and(),
                        w.place(&p.column, &p.field),
                        p.reason.text(lang)
                    ));
                }
            }
        }
        if !self.warnings.is_empty() {
            out.push_str(&format!("\n{}\n", w.warnings_heading()));
            for warning in &self.warnings {
                out.push_str(&format!("  {}\n", warning.text(lang)));
            }
        }
        out
    }
}

impl Rejected {
    /// "line 4 (id "x"), column "País" (country): …" in a language.
    pub fn text(&self, lang: Lang) -> String {
        let w = ReportWords { lang };
        let mut at = w.line(self.line);
        if let Some(id) = &self.id {
            at.push(' ');
            at.push_str(&w.id(id));
        }
        w.problem(at, &self.column, &self.field, &self.reason)
    }
}

impl Warning {
    /// "line 3, column "Presupuesto" (budget_amount): …" in a language ("file" for line 0).
    pub fn text(&self, lang: Lang) -> String {
        let w = ReportWords { lang };
        let at = if self.line == 0 {
            w.file().to_owned()
        } else {
            w.line(self.line)
        };
        w.problem(at, &self.column, &self.field, &self.message)
    }
}

impl fmt::Display for Rejected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// Every kind of warning the importer gives (`Warning::kind`); the page names each in its
/// language (`i18n::evidence::warning_kind_label`).
pub const WARNING_KINDS: &[&str] = &[
    "above-header",
    "amount-in-words",
    "blank-rows",
    "budget-from-usd",
    "country-code",
    "country-name",
    "currency-code",
    "date-as-year",
    "duplicate-value",
    "encoding",
    "header-currency",
    "id-generated",
    "id-suffix",
    "label",
    "left-empty",
    "long-cell",
    "not-stated",
    "scientific-notation",
    "short-row",
    "unclosed-quote",
    "unmapped-column",
    "url-scheme",
    "usd-from-amount",
    "year-format",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_warning_kind_is_named_in_each_language() {
        for kind in WARNING_KINDS {
            let labels: Vec<String> = [
                crate::i18n::Lang::En,
                crate::i18n::Lang::Es,
                crate::i18n::Lang::Pt,
            ]
            .into_iter()
            .map(|l| crate::i18n::evidence::warning_kind_label(l, kind))
            .collect();
            assert!(
                labels.iter().all(|l| *l != kind.replace('-', " ")),
                "{kind}: no label"
            );
            assert!(
                labels[0] != labels[1] && labels[0] != labels[2],
                "{kind}: not translated"
            );
        }
    }

    fn sample() -> Report {
        let w = |line, column: &str, kind, message: ImportText| Warning {
            line,
            record: line - 1,
            column: column.into(),
            field: "budget_amount".into(),
            kind,
            message,
        };
        Report {
            rows: 3,
            accepted: 2,
            rejected: vec![Rejected {
                line: 4,
                record: 3,
                id: None,
                column: "País".into(),
                field: "country".into(),
                reason: ImportText::NotACountry("Atlantis".into()),
                also: vec![Problem {
                    column: "Año".into(),
                    field: "start_year".into(),
                    reason: ImportText::NotAYear("soon".into()),
                }],
            }],
            warnings: vec![
                w(
                    2,
                    "Presupuesto",
                    "decimal-comma",
                    ImportText::ReadAs("2,5".into(), "2.5".into()),
                ),
                w(
                    3,
                    "Presupuesto",
                    "decimal-comma",
                    ImportText::ReadAs("3,5".into(), "3.5".into()),
                ),
            ],
        }
    }

    #[test]
    fn json_shape() {
        let v: serde_json::Value = serde_json::from_str(&sample().to_json()).unwrap();
        assert_eq!(v["rows"], 3);
        assert_eq!(v["accepted"], 2);
        assert_eq!(v["rejected"][0]["line"], 4);
        assert_eq!(v["rejected"][0]["column"], "País");
        assert_eq!(v["rejected"][0]["also"][0]["field"], "start_year");
        assert!(v["rejected"][0].get("id").is_none());
        assert_eq!(v["warnings"][1]["kind"], "decimal-comma");
        assert!(sample().is_complete());
    }

    #[test]
    fn text_and_groups() {
        let text = sample().to_text();
        assert!(
            text.starts_with("3 rows: 2 loaded, 1 rejected, 2 warnings"),
            "{text}"
        );
        assert!(
            text.contains("line 4, column \"País\" (country): \"Atlantis\" is not a country code"),
            "{text}"
        );
        assert!(
            text.contains("and column \"Año\" (start_year): \"soon\" is not a year"),
            "{text}"
        );
        let es = sample().to_text_in(crate::i18n::Lang::Es);
        assert!(
            es.starts_with("3 filas: 2 cargadas, 1 rechazada, 2 advertencias"),
            "{es}"
        );
        assert!(
            es.contains(
                "línea 4, columna \"País\" (country): \"Atlantis\" no es un código de país"
            ),
            "{es}"
        );
        assert!(
            es.contains("Advertencias:\n  línea 2, columna \"Presupuesto\""),
            "{es}"
        );
        assert!(
            !es.contains(" is not ") && !es.contains(" read as "),
            "{es}"
        );
        let groups = sample().warning_groups();
        assert_eq!(groups.len(), 1);
        assert_eq!((groups[0].count, groups[0].lines.clone()), (2, vec![2, 3]));
    }
}
