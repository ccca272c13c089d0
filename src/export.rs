//! Exports for reports: the matching interventions (and the events, and the studies) as CSV and as
//! JSON in the schema of `data/SCHEMA.md`. The citation line is `i18n::citation` (it speaks the
//! page language).
//!
//! CSV is UTF-8 with a byte-order mark, so spreadsheet programs open accents correctly;
//! multi-valued fields are joined with "; "; an actor is written `Name (type-key)` so the file can
//! be read back. JSON is the schema's records under a key (`interventions`, `events`, `studies`),
//! so an export is a valid dataset.
//!
//! Every export names the data it holds (`Origin`): the bundled release with its version and date,
//! or a person's own file. CSV carries it in a last `dataset` column, JSON in a `dataset` object.

use crate::evidence::Study;
use crate::model::{Actor, Event, Intervention, DATASET_DATE, DATASET_VERSION};

/// Whose data an export holds: the bundled Mirador release, or a person's own file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin<'a> {
    Bundled,
    File(&'a str),
}

impl Origin<'_> {
    /// The `dataset` column's value: `Mirador 2026.12 (2026-11-30)`, or the file's name.
    pub fn label(self) -> String {
        match self {
            Origin::Bundled => format!("Mirador {DATASET_VERSION} ({DATASET_DATE})"),
            Origin::File(name) => name.to_owned(),
        }
    }

    /// The `dataset` object a JSON export opens with.
    pub fn json(self) -> serde_json::Value {
        match self {
            Origin::Bundled => serde_json::json!({
                "name": "Mirador open dataset of citizen security interventions in Latin America and the Caribbean",
                "version": DATASET_VERSION,
                "date": DATASET_DATE,
                "licence": "CC BY 4.0",
            }),
            Origin::File(name) => serde_json::json!({ "file": name, "drawn_with": "Mirador" }),
        }
    }
}

/// The last column of every CSV export: which data it holds (`Origin::label`).
pub const DATASET_COLUMN: &str = "dataset";

/// Columns an interventions CSV adds after the schema's own, before `dataset`: a budget stated in
/// another currency in US dollars and the rate it was converted at (`rates`), so a spreadsheet can
/// sum what the comparison view sums. Worked out, not data: an import reads them and stores nothing.
pub const CONVERTED_COLUMNS: [&str; 2] = ["budget_usd_converted", "budget_usd_rate"];

/// The byte-order mark that tells spreadsheet programs the file is UTF-8.
pub const BOM: &str = "\u{feff}";

/// Column order of the interventions CSV (the schema's field names).
pub const INTERVENTION_COLUMNS: [&str; 21] = [
    "id",
    "name",
    "description",
    "country",
    "admin_area",
    "city",
    "level",
    "focus",
    "start_year",
    "end_year",
    "implementers",
    "funders",
    "budget_amount",
    "budget_currency",
    "budget_year",
    "budget_usd",
    "budget_kind",
    "evaluation",
    "effect",
    "outcomes",
    "sources",
];

const EVENT_COLUMNS: [&str; 17] = [
    "id",
    "name",
    "series",
    "edition",
    "kind",
    "start_date",
    "end_date",
    "city",
    "country",
    "organisers",
    "partners",
    "access",
    "topics",
    "participants",
    "countries_represented",
    "sources",
    "related_interventions",
];

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

fn amount(v: Option<f64>) -> String {
    match v {
        Some(a) if a.fract() == 0.0 && a.abs() < 1e15 => format!("{}", a as i64),
        Some(a) => a.to_string(),
        None => String::new(),
    }
}

fn join<T>(items: &[T], f: impl Fn(&T) -> String) -> String {
    items.iter().map(f).collect::<Vec<_>>().join("; ")
}

fn actor(a: &Actor) -> String {
    match a.kind {
        Some(k) => format!("{} ({})", a.name, k.key()),
        None => a.name.clone(),
    }
}

/// The CSV text of `rows` under `header`, each row ending with the `dataset` column.
fn csv_text(header: &[&str], rows: Vec<Vec<String>>, origin: Origin) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let label = origin.label();
    // Writing into a Vec cannot fail; the results are still checked rather than unwrapped.
    let mut ok = w
        .write_record(header.iter().copied().chain([DATASET_COLUMN]))
        .is_ok();
    for row in rows {
        ok &= w
            .write_record(row.iter().map(String::as_str).chain([label.as_str()]))
            .is_ok();
    }
    let bytes = w.into_inner().unwrap_or_default();
    debug_assert!(ok);
    format!("{BOM}{}", String::from_utf8_lossy(&bytes))
}

/// The interventions as CSV (UTF-8 with BOM, CRLF line ends). Records are read one at a time,
/// so they can be generated as they are written.
pub fn interventions_csv<R: std::borrow::Borrow<Intervention>>(
    records: impl IntoIterator<Item = R>,
    origin: Origin,
) -> String {
    let rows = records
        .into_iter()
        .map(|r| {
            let r = r.borrow();
            vec![
                r.id.clone(),
                r.name.clone(),
                opt(&r.description),
                r.country.clone(),
                opt(&r.admin_area),
                opt(&r.city),
                r.level.map(|v| v.key().to_owned()).unwrap_or_default(),
                join(&r.focus, |f| f.key().to_owned()),
                opt(&r.start_year),
                opt(&r.end_year),
                join(&r.implementers, actor),
                join(&r.funders, actor),
                amount(r.budget_amount),
                opt(&r.budget_currency),
                opt(&r.budget_year),
                amount(r.budget_usd),
                r.budget_kind
                    .map(|k| k.key().to_owned())
                    .unwrap_or_default(),
                r.evaluation.map(|v| v.key().to_owned()).unwrap_or_default(),
                r.effect.map(|v| v.key().to_owned()).unwrap_or_default(),
                join(&r.outcomes, |o| o.key().to_owned()),
                join(&r.sources, |s| s.url.clone()),
                amount(r.usd_conversion().map(|c| c.usd.round())),
                converted_rate(r),
            ]
        })
        .collect();
    let header: Vec<&str> = INTERVENTION_COLUMNS
        .iter()
        .chain(&CONVERTED_COLUMNS)
        .copied()
        .collect();
    csv_text(&header, rows, origin)
}

/// The rate a converted budget used, as a person reads it: `ECB 2013 average: 12.7696 MXN per USD`.
fn converted_rate(r: &Intervention) -> String {
    match (r.usd_conversion(), &r.budget_currency) {
        (Some(c), Some(currency)) => format!(
            "{} {} average: {} {currency} per USD",
            crate::rates::SOURCE,
            c.year,
            c.per_usd
        ),
        _ => String::new(),
    }
}

/// The events as CSV (UTF-8 with BOM, CRLF line ends).
pub fn events_csv<'a>(events: impl IntoIterator<Item = &'a Event>, origin: Origin) -> String {
    let rows = events
        .into_iter()
        .map(|e| {
            vec![
                e.id.clone(),
                e.name.clone(),
                opt(&e.series),
                opt(&e.edition),
                e.kind.map(|k| k.key().to_owned()).unwrap_or_default(),
                opt(&e.start_date),
                opt(&e.end_date),
                opt(&e.city),
                opt(&e.country),
                e.organisers.join("; "),
                e.partners.join("; "),
                e.access.map(|a| a.key().to_owned()).unwrap_or_default(),
                e.topics.join("; "),
                opt(&e.participants),
                opt(&e.countries_represented),
                join(&e.sources, |s| s.url.clone()),
                e.related_interventions.join("; "),
            ]
        })
        .collect();
    csv_text(&EVENT_COLUMNS, rows, origin)
}

/// Column order of the studies CSV.
pub const STUDY_COLUMNS: [&str; 15] = [
    "id",
    "title",
    "authors",
    "year",
    "publisher",
    "doi",
    "url",
    "design",
    "method",
    "interventions",
    "country",
    "period_from",
    "period_to",
    "findings",
    "ratings",
];

/// The studies as CSV (UTF-8 with BOM). A finding is written
/// `outcome: direction (effect; significant|not significant)`, a rating `scheme: class`.
pub fn studies_csv<'a>(studies: impl IntoIterator<Item = &'a Study>, origin: Origin) -> String {
    let rows = studies
        .into_iter()
        .map(|s| {
            let finding = |f: &crate::evidence::Finding| {
                let mut detail: Vec<String> = f.effect.iter().cloned().collect();
                match f.significant {
                    Some(true) => detail.push("significant".into()),
                    Some(false) => detail.push("not significant".into()),
                    None => {}
                }
                let mut text = format!("{}: {}", f.outcome.key(), f.direction.key());
                if let Some(m) = &f.measure {
                    text = format!("{text} [{m}]");
                }
                if !detail.is_empty() {
                    text = format!("{text} ({})", detail.join(", "));
                }
                text
            };
            vec![
                s.id.clone(),
                s.title.clone(),
                s.authors.join("; "),
                opt(&s.year),
                opt(&s.publisher),
                opt(&s.doi),
                opt(&s.url),
                s.design.key().to_owned(),
                opt(&s.method),
                s.interventions.join("; "),
                opt(&s.country),
                opt(&s.period.and_then(|p| p.from)),
                opt(&s.period.and_then(|p| p.to)),
                join(&s.findings, finding),
                join(&s.ratings, |r| format!("{}: {}", r.scheme, r.class)),
            ]
        })
        .collect();
    csv_text(&STUDY_COLUMNS, rows, origin)
}

/// Records in the schema of `data/SCHEMA.md` under `key` (`interventions`, `events`, `studies`),
/// after the `dataset` object naming their origin: pretty-printed, a valid dataset to load again.
pub fn to_json<T: serde::Serialize>(key: &str, records: &[T], origin: Origin) -> String {
    let mut doc = serde_json::Map::new();
    doc.insert("dataset".into(), origin.json());
    doc.insert(
        key.into(),
        serde_json::to_value(records).unwrap_or(serde_json::Value::Array(Vec::new())),
    );
    serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{}".to_owned()) + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_interventions;

    fn sample() -> Vec<Intervention> {
        parse_interventions(r#"[{"id":"col-1","name":"Proyecto \"Urbano\", Medellín","country":"COL","focus":["urban","community"],
            "funders":[{"name":"BID","type":"multilateral"},{"name":"Alcaldía","type":null}],"budget_amount":21000000,
            "budget_currency":"USD","budget_usd":21000000,"sources":["https://a.org/x","https://b.org/y"],
            "description":"Line one\nline two"}]"#)
        .unwrap()
        .records
    }

    #[test]
    fn csv_has_bom_quotes_and_joins() {
        let csv = interventions_csv(&sample(), Origin::Bundled);
        assert!(csv.starts_with("\u{feff}id,name,description,country,"));
        assert!(
            csv.contains("\"Proyecto \"\"Urbano\"\", Medellín\""),
            "{csv}"
        );
        assert!(csv.contains("\"Line one\nline two\""), "{csv}");
        assert!(csv.contains(",urban; community,"), "{csv}");
        assert!(csv.contains(",BID (multilateral); Alcaldía,"), "{csv}");
        assert!(csv.contains(",21000000,USD,,21000000,,"), "{csv}");
        assert!(
            csv.contains(",dataset\r\n")
                && csv.contains(&format!(
                    "b.org/y,,,Mirador {DATASET_VERSION} ({DATASET_DATE})\r\n"
                )),
            "every row names the release: {csv}"
        );
        assert!(csv.contains("https://a.org/x; https://b.org/y"), "{csv}");
        assert!(csv.contains("\r\n"));
    }

    #[test]
    fn a_budget_in_another_currency_gets_its_dollars_and_rate() {
        let mut r = sample().remove(0);
        (
            r.budget_amount,
            r.budget_currency,
            r.budget_year,
            r.budget_usd,
        ) = (Some(25_538_400.0), Some("MXN".into()), Some(2013), None);
        let rate = crate::rates::per_usd("MXN", 2013).unwrap();
        let csv = interventions_csv([&r], Origin::Bundled);
        let want = format!(
            ",{},ECB 2013 average: {rate} MXN per USD,Mirador",
            (25_538_400.0 / rate).round() as i64
        );
        assert!(csv.contains(&want), "{want} in {csv}");
        // The stated amount stays as stated, and budget_usd stays empty.
        assert!(csv.contains(",25538400,MXN,2013,,"), "{csv}");
        // Without the amount's year nothing is converted.
        r.budget_year = None;
        let csv = interventions_csv([&r], Origin::Bundled);
        assert!(csv.contains(",,,Mirador"), "{csv}");
    }

    #[test]
    fn studies_csv_writes_findings_and_ratings() {
        let s: Study = serde_json::from_str(
            r#"{"id":"s","title":"T, with comma","authors":["A B","C D"],"year":2013,"design":"experimental",
            "url":"https://x.org","interventions":["a","b"],"period":{"from":2001,"to":null},
            "findings":[{"outcome":"homicide","measure":"rate","direction":"improved","effect":"-22%","significant":true},
                        {"outcome":"perception","direction":"no-change"}],
            "ratings":[{"scheme":"IDB","class":"Effective","url":"https://x.org/r"}]}"#,
        )
        .unwrap();
        let csv = studies_csv([&s], Origin::File("mine.json"));
        assert!(csv.ends_with(",mine.json\r\n"), "{csv}");
        assert!(csv.starts_with("\u{feff}id,title,authors,year,"), "{csv}");
        assert!(csv.contains("\"T, with comma\",A B; C D,2013,"), "{csv}");
        assert!(csv.contains(",a; b,,2001,,"), "{csv}");
        assert!(
            csv.contains("\"homicide: improved [rate] (-22%, significant); perception: no-change\",IDB: Effective"),
            "{csv}"
        );
    }

    #[test]
    fn json_is_a_valid_dataset() {
        let records = sample();
        let json = to_json("interventions", &records, Origin::Bundled);
        let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(doc["dataset"]["version"], DATASET_VERSION);
        assert_eq!(doc["dataset"]["date"], DATASET_DATE);
        let back = parse_interventions(&json).unwrap();
        assert!(back.rejected.is_empty());
        assert_eq!(back.records, records);
        assert!(
            json.contains("\"budget_year\": null"),
            "unknown stays null: {json}"
        );
    }
}
