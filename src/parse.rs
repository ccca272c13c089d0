//! Loading datasets from JSON, record by record, with a clear message for every record that does
//! not load.
//!
//! A dataset is a JSON array. A document that is not JSON, or not an array, fails as a whole
//! (`LoadError`). Inside the array each element is checked on its own: a record with a wrong type,
//! a value outside a vocabulary or a bad country code is listed in `LoadReport::rejected` with its
//! position, its id when it has one, the field and the reason, and every other record still loads.
//! Nothing is dropped silently: `loaded + rejected = elements in the array`.

use crate::country::is_iso_alpha3;
use crate::evidence::Study;
use crate::i18n::import::ImportText;
use crate::model::{is_web_link, Evaluation, Event, Intervention, Source};
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::collections::HashSet;
use std::fmt;

/// Years outside this range are treated as typing mistakes.
pub const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// Why a whole document could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The text is not valid JSON.
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    /// The JSON is valid but its top level is not an array of records.
    NotAnArray { found: &'static str },
}

impl LoadError {
    /// What went wrong, in a language.
    pub fn text(&self, lang: crate::i18n::Lang) -> String {
        match self {
            LoadError::NotJson {
                line,
                column,
                message,
            } => ImportText::NotJson {
                line: *line,
                column: *column,
                detail: message.clone(),
            }
            .text(lang),
            LoadError::NotAnArray { found } => ImportText::NotAnArray(found).text(lang),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(crate::i18n::Lang::En))
    }
}

impl std::error::Error for LoadError {}

/// One record that did not load, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Rejected {
    /// Zero-based position of the record in the array.
    pub index: usize,
    /// The record's `id`, when it has a readable one.
    pub id: Option<String>,
    /// The field at fault (`focus[2]`, `country`, ...), or empty for the record as a whole.
    pub field: String,
    pub reason: ImportText,
}

impl fmt::Display for Rejected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "record {}", self.index + 1)?;
        if let Some(id) = &self.id {
            write!(f, " (id \"{id}\")")?;
        }
        if !self.field.is_empty() {
            write!(f, ", field `{}`", self.field)?;
        }
        write!(f, ": {}", self.reason)
    }
}

/// What loading a document produced: the records that loaded and the ones that did not.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadReport<T> {
    pub records: Vec<T>,
    pub rejected: Vec<Rejected>,
}

impl<T> LoadReport<T> {
    /// Number of elements the document held.
    pub fn total(&self) -> usize {
        self.records.len() + self.rejected.len()
    }
}

/// Loads `data/interventions.json`-shaped text (or an export: the array under `interventions`).
pub fn parse_interventions(text: &str) -> Result<LoadReport<Intervention>, LoadError> {
    // Only the interventions are read directly when they can be (see `parse_records`): each
    // type read that way adds its own copy of the reading code to the WebAssembly, and the
    // other files are small.
    parse_records(
        text,
        "interventions",
        Some(|t| serde_json::from_str(t)),
        check_intervention,
    )
}

/// Loads `data/events.json`-shaped text (or an export: the array under `events`).
pub fn parse_events(text: &str) -> Result<LoadReport<Event>, LoadError> {
    parse_records(text, "events", None, check_event)
}

/// Loads `data/studies.json`-shaped text. A study that names an intervention not in
/// `interventions` is rejected with that id in its message; the rest load.
pub fn parse_studies(
    text: &str,
    interventions: &HashSet<&str>,
) -> Result<LoadReport<Study>, LoadError> {
    parse_records(text, "studies", None, |s: &Study| {
        check_study(s, interventions)
    })
}

/// Loads a file the build writes beside the bundled records, keyed by record id: `sources.json`
/// (each record's sources) and `descriptions.json` (each record's description).
pub fn parse_by_record<T: DeserializeOwned>(
    text: &str,
) -> Result<std::collections::HashMap<String, T>, LoadError> {
    serde_json::from_str(text.strip_prefix('\u{feff}').unwrap_or(text)).map_err(|e| {
        LoadError::NotJson {
            line: e.line(),
            column: e.column(),
            message: strip_position(&e.to_string()),
        }
    })
}

/// Reads a JSON array of records, or an export's object holding the array under `key`.
///
/// With `direct`, the usual case (an array whose records all read) goes straight into records,
/// without a JSON tree first (most of a first load's parsing); anything else is read again,
/// record by record, so that each bad record is reported with its field.
fn parse_records<T: DeserializeOwned + HasId>(
    text: &str,
    key: &str,
    direct: Option<fn(&str) -> serde_json::Result<Vec<T>>>,
    check: impl Fn(&T) -> Result<(), (String, ImportText)>,
) -> Result<LoadReport<T>, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut report = LoadReport {
        records: Vec::new(),
        rejected: Vec::new(),
    };
    let mut seen_ids: HashSet<String> = HashSet::new();
    if let Some(Ok(records)) = direct.map(|read| read(text)) {
        report.records.reserve(records.len());
        for (index, record) in records.into_iter().enumerate() {
            keep(&mut report, &mut seen_ids, &check, index, record);
        }
        return Ok(report);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| LoadError::NotJson {
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    })?;
    let items = match value {
        Value::Array(items) => items,
        Value::Object(mut doc) if doc.get(key).is_some_and(Value::is_array) => {
            match doc.remove(key) {
                Some(Value::Array(items)) => items,
                _ => Vec::new(),
            }
        }
        other => {
            return Err(LoadError::NotAnArray {
                found: json_kind(&other),
            })
        }
    };
    report.records.reserve(items.len());
    for (index, item) in items.into_iter().enumerate() {
        let id = item.get("id").and_then(Value::as_str).map(str::to_owned);
        let reject = |field: String, reason: ImportText| Rejected {
            index,
            id: id.clone(),
            field,
            reason,
        };
        if !item.is_object() {
            let rejected = reject(String::new(), ImportText::ExpectedObject(json_kind(&item)));
            report.rejected.push(rejected);
            continue;
        }
        match serde_path_to_error::deserialize(item) {
            Ok(record) => keep(&mut report, &mut seen_ids, &check, index, record),
            Err(err) => {
                let field = err.path().to_string();
                let field = if field == "." { String::new() } else { field };
                let reason = ImportText::JsonValue(err.into_inner().to_string());
                report.rejected.push(reject(field, reason));
            }
        }
    }
    Ok(report)
}

/// Keeps a record that read, unless its checks fail or its id came before.
fn keep<T: HasId>(
    report: &mut LoadReport<T>,
    seen_ids: &mut HashSet<String>,
    check: impl Fn(&T) -> Result<(), (String, ImportText)>,
    index: usize,
    record: T,
) {
    let reject = |field: String, reason: ImportText| Rejected {
        index,
        id: Some(record.id().to_owned()),
        field,
        reason,
    };
    if let Err((field, reason)) = check(&record) {
        let rejected = reject(field, reason);
        report.rejected.push(rejected);
        return;
    }
    if !seen_ids.insert(record.id().to_owned()) {
        let rejected = reject("id".into(), ImportText::DuplicateId);
        report.rejected.push(rejected);
        return;
    }
    report.records.push(record);
}

trait HasId {
    fn id(&self) -> &str;
}
impl HasId for Intervention {
    fn id(&self) -> &str {
        &self.id
    }
}
impl HasId for Event {
    fn id(&self) -> &str {
        &self.id
    }
}
impl HasId for Study {
    fn id(&self) -> &str {
        &self.id
    }
}

fn fail(field: &str, reason: ImportText) -> Result<(), (String, ImportText)> {
    Err((field.to_owned(), reason))
}

fn check_intervention(r: &Intervention) -> Result<(), (String, ImportText)> {
    if r.id.trim().is_empty() {
        return fail("id", ImportText::MustNotBeEmpty);
    }
    if r.name.trim().is_empty() {
        return fail("name", ImportText::MustNotBeEmpty);
    }
    if !is_iso_alpha3(&r.country) {
        return fail("country", ImportText::NotIsoCountry(r.country.clone()));
    }
    for (field, year) in [
        ("start_year", r.start_year),
        ("end_year", r.end_year),
        ("budget_year", r.budget_year),
    ] {
        if let Some(y) = year {
            if !PLAUSIBLE_YEARS.contains(&y) {
                return fail(field, ImportText::NotPlausibleYear(y));
            }
        }
    }
    if let (Some(s), Some(e)) = (r.start_year, r.end_year) {
        if e < s {
            return fail(
                "end_year",
                ImportText::EndsBeforeStarts(e.to_string(), s.to_string()),
            );
        }
    }
    for (field, amount) in [
        ("budget_amount", r.budget_amount),
        ("budget_usd", r.budget_usd),
    ] {
        if let Some(a) = amount {
            if !a.is_finite() || a < 0.0 {
                return fail(field, ImportText::NotValidAmount(a.to_string()));
            }
        }
    }
    if let Some(c) = &r.budget_currency {
        if c.len() != 3 || !c.bytes().all(|b| b.is_ascii_uppercase()) {
            return fail("budget_currency", ImportText::NotIsoCurrency(c.clone()));
        }
    }
    check_sources(&r.sources)
}

fn check_event(r: &Event) -> Result<(), (String, ImportText)> {
    if r.id.trim().is_empty() {
        return fail("id", ImportText::MustNotBeEmpty);
    }
    if r.name.trim().is_empty() {
        return fail("name", ImportText::MustNotBeEmpty);
    }
    if let Some(c) = &r.country {
        if !is_iso_alpha3(c) {
            return fail("country", ImportText::NotIsoCountry(c.clone()));
        }
    }
    for (field, date) in [("start_date", &r.start_date), ("end_date", &r.end_date)] {
        if let Some(d) = date {
            if !is_partial_date(d) {
                return fail(field, ImportText::NotPartialDate(d.clone()));
            }
        }
    }
    if let (Some(s), Some(e)) = (&r.start_date, &r.end_date) {
        // Compare at the coarser precision: "2013" does not end before "2013-11-05".
        let n = s.len().min(e.len());
        if e[..n] < s[..n] {
            return fail(
                "end_date",
                ImportText::EndsBeforeStarts(e.clone(), s.clone()),
            );
        }
    }
    check_sources(&r.sources)
}

fn check_sources(sources: &[Source]) -> Result<(), (String, ImportText)> {
    for (i, s) in sources.iter().enumerate() {
        if !is_web_link(&s.url) {
            return fail(
                &format!("sources[{i}]"),
                ImportText::NotAUrl(truncate(&s.url, 80)),
            );
        }
        if let Some(d) = &s.date {
            if !is_partial_date(d) {
                return fail(
                    &format!("sources[{i}].date"),
                    ImportText::NotPartialDate(truncate(d, 40)),
                );
            }
        }
    }
    Ok(())
}

fn check_study(s: &Study, interventions: &HashSet<&str>) -> Result<(), (String, ImportText)> {
    if s.id.trim().is_empty() {
        return fail("id", ImportText::MustNotBeEmpty);
    }
    if s.title.trim().is_empty() {
        return fail("title", ImportText::MustNotBeEmpty);
    }
    if s.design == Evaluation::None {
        return fail("design", ImportText::StudyDesign);
    }
    match (&s.doi, &s.url) {
        (None, None) => return fail("doi", ImportText::StudyNeedsLink),
        (Some(doi), _) if !is_doi(doi) => {
            return fail("doi", ImportText::NotADoi(truncate(doi, 80)))
        }
        (_, Some(url)) if !is_web_link(url) => {
            return fail("url", ImportText::NotAUrl(truncate(url, 80)))
        }
        _ => {}
    }
    if s.interventions.is_empty() {
        return fail("interventions", ImportText::StudyWithoutIntervention);
    }
    for (i, id) in s.interventions.iter().enumerate() {
        if !interventions.contains(id.as_str()) {
            return fail(
                &format!("interventions[{i}]"),
                ImportText::NoSuchIntervention(truncate(id, 80)),
            );
        }
    }
    if let Some(c) = &s.country {
        if !is_iso_alpha3(c) {
            return fail("country", ImportText::NotIsoCountry(c.clone()));
        }
    }
    if let Some(y) = s.year {
        if !PLAUSIBLE_YEARS.contains(&y) {
            return fail("year", ImportText::NotPlausibleYear(y));
        }
    }
    if let Some(p) = &s.period {
        for y in [p.from, p.to].into_iter().flatten() {
            if !PLAUSIBLE_YEARS.contains(&y) {
                return fail("period", ImportText::NotPlausibleYear(y));
            }
        }
        if let (Some(a), Some(b)) = (p.from, p.to) {
            if b < a {
                return fail(
                    "period",
                    ImportText::EndsBeforeStarts(b.to_string(), a.to_string()),
                );
            }
        }
    }
    for (i, f) in s.findings.iter().enumerate() {
        if f.size.is_some_and(|v| !v.is_finite()) {
            return fail(&format!("findings[{i}].size"), ImportText::NotFinite);
        }
    }
    for (i, r) in s.ratings.iter().enumerate() {
        if !is_web_link(&r.url) {
            return fail(
                &format!("ratings[{i}].url"),
                ImportText::NotAUrl(truncate(&r.url, 80)),
            );
        }
    }
    check_sources(&s.sources)
}

/// True for a bare DOI: `10.` + a registrant code of digits (and dots) + `/` + a suffix.
pub fn is_doi(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("10.") else {
        return false;
    };
    let Some((registrant, suffix)) = rest.split_once('/') else {
        return false;
    };
    !registrant.is_empty()
        && registrant.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && !suffix.is_empty()
        && !suffix.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// True for `YYYY`, `YYYY-MM` (a real month) or a real `YYYY-MM-DD`: a date at the precision a
/// source gives.
pub fn is_partial_date(s: &str) -> bool {
    match s.len() {
        4 => s.bytes().all(|b| b.is_ascii_digit()),
        7 => is_iso_date(&format!("{s}-01")),
        _ => is_iso_date(s),
    }
}

/// True for a real calendar date written `YYYY-MM-DD`.
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| {
        s.get(r)
            .filter(|p| p.bytes().all(|c| c.is_ascii_digit()))
            .and_then(|p| p.parse::<u32>().ok())
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn strip_position(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        s.chars().take(max).collect::<String>() + "…"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_by_record_load_and_bad_text_says_where() {
        let map = parse_by_record::<Vec<Source>>(
            r#"{"a":[{"url":"https://x.org","supports":["name"]}],"b":[]}"#,
        )
        .unwrap();
        assert_eq!(map["a"][0].url, "https://x.org");
        assert!(map["b"].is_empty());
        assert!(matches!(
            parse_by_record::<Vec<Source>>("{\"a\": [1]}"),
            Err(LoadError::NotJson { .. })
        ));
        let described = parse_by_record::<String>("\u{feff}{\"a\":\"What it does.\"}").unwrap();
        assert_eq!(described["a"], "What it does.");
        assert!(parse_by_record::<String>("{\"a\": null}").is_err());
    }

    const GOOD: &str = r#"{"id":"a","name":"A","country":"BRA","focus":["youth"],"sources":["https://example.org"]}"#;

    #[test]
    fn loads_minimal_record_with_nulls() {
        let r = parse_interventions(&format!("[{GOOD}]")).unwrap();
        assert_eq!(r.records.len(), 1);
        assert!(r.rejected.is_empty());
        assert_eq!(r.records[0].budget_usd, None);
        assert_eq!(r.records[0].level, None);
    }

    #[test]
    fn a_file_whose_records_all_read_is_checked_as_record_by_record() {
        let records = format!(
            r#"{GOOD},
            {{"id":"a","name":"dup","country":"COL"}},
            {{"id":"e","name":"E","country":"COL","sources":["javascript:alert(1)"]}},
            {{"id":"f","name":"F","country":"COL","start_year":2010,"end_year":2001}},
            {{"id":"g","name":"G","country":"MEX"}}"#
        );
        // Every record reads: the direct path. One more that does not: record by record.
        let direct = parse_interventions(&format!("[{records}]")).unwrap();
        let one_by_one = parse_interventions(&format!("[{records}, 42]")).unwrap();
        assert_eq!(direct.records, one_by_one.records);
        assert_eq!(direct.records.len(), 2);
        let said = |r: &LoadReport<Intervention>| -> Vec<String> {
            r.rejected.iter().map(|e| e.to_string()).collect()
        };
        assert_eq!(said(&direct).len(), 3);
        assert_eq!(said(&direct)[..], said(&one_by_one)[..3]);
    }

    #[test]
    fn bad_records_are_listed_and_the_rest_load() {
        let text = format!(
            r#"[{GOOD},
            {{"id":"b","name":"B","country":"BRA","focus":["policeing"]}},
            {{"id":"c","name":"C","country":"Brazil"}},
            {{"id":"d","name":"D","country":"COL","start_year":"2005"}},
            42,
            {{"name":"no id","country":"COL"}},
            {{"id":"a","name":"dup","country":"COL"}},
            {{"id":"e","name":"E","country":"COL","sources":["javascript:alert(1)"]}},
            {{"id":"f","name":"F","country":"COL","start_year":2010,"end_year":2001}}
            ]"#
        );
        let r = parse_interventions(&text).unwrap();
        assert_eq!(r.records.len(), 1);
        assert_eq!(r.total(), 9);
        let msgs: Vec<String> = r.rejected.iter().map(|e| e.to_string()).collect();
        assert!(
            msgs[0].contains("record 2")
                && msgs[0].contains("focus[0]")
                && msgs[0].contains("unknown variant `policeing`"),
            "{}",
            msgs[0]
        );
        assert!(
            msgs[1].contains("country") && msgs[1].contains("alpha-3"),
            "{}",
            msgs[1]
        );
        assert!(
            msgs[2].contains("start_year") && msgs[2].contains("invalid type"),
            "{}",
            msgs[2]
        );
        assert!(
            msgs[3].contains("expected an object, found a number"),
            "{}",
            msgs[3]
        );
        assert!(msgs[4].contains("missing field `id`"), "{}", msgs[4]);
        assert!(msgs[5].contains("duplicate id"), "{}", msgs[5]);
        assert!(msgs[6].contains("sources[0]"), "{}", msgs[6]);
        assert!(msgs[7].contains("before it starts"), "{}", msgs[7]);
    }

    #[test]
    fn whole_document_errors_are_clear() {
        let e = parse_interventions("{\"id\": 1}").unwrap_err();
        assert_eq!(
            e.to_string(),
            "expected a JSON array of records, found an object"
        );
        let e = parse_interventions("[\n{\"id\": }").unwrap_err();
        assert!(matches!(e, LoadError::NotJson { line: 2, .. }), "{e}");
        assert!(parse_interventions("\u{feff}[]")
            .unwrap()
            .records
            .is_empty());
    }

    #[test]
    fn dates() {
        assert!(is_iso_date("2024-02-29"));
        assert!(!is_iso_date("2023-02-29"));
        assert!(!is_iso_date("2023-13-01"));
        assert!(!is_iso_date("2023-1-01"));
        assert!(!is_iso_date("2023-01-0a"));
        assert!(
            is_partial_date("2013") && is_partial_date("2013-11") && is_partial_date("2013-11-05")
        );
        assert!(
            !is_partial_date("2013-13") && !is_partial_date("13") && !is_partial_date("2013-1")
        );
        let r = parse_events(
            r#"[{"id":"x","name":"X","start_date":"2013","end_date":"2013-11-05"},{"id":"y","name":"Y","start_date":"2013-11-32"}]"#,
        )
        .unwrap();
        assert_eq!(r.records.len(), 1);
        assert!(r.rejected[0]
            .to_string()
            .contains("YYYY, YYYY-MM or YYYY-MM-DD"));
        let r = parse_events(
            r#"[{"id":"x","name":"X","start_date":"2015-10-22","end_date":"2015-10-19"}]"#,
        )
        .unwrap();
        assert!(r.rejected[0].to_string().contains("end_date"));
    }

    #[test]
    fn sources_load_as_objects_or_plain_urls() {
        let r = parse_interventions(
            r#"[{"id":"a","name":"A","country":"BRA","sources":["https://a.org",
                {"url":"https://b.org","title":"B","publisher":"P","date":"2014-03","supports":["name"]}]},
                {"id":"b","name":"B","country":"BRA","sources":[{"url":"https://b.org","supprts":["name"]}]},
                {"id":"c","name":"C","country":"BRA","sources":[{"url":"https://b.org","date":"March 2014"}]}]"#,
        )
        .unwrap();
        assert_eq!(r.records.len(), 1);
        assert_eq!(r.records[0].sources[0].url, "https://a.org");
        assert!(r.records[0].sources[1].supports("name"));
        let msgs: Vec<String> = r.rejected.iter().map(|e| e.to_string()).collect();
        assert!(
            msgs[0].contains("sources[0]") && msgs[0].contains("supprts"),
            "{}",
            msgs[0]
        );
        assert!(msgs[1].contains("sources[0].date"), "{}", msgs[1]);
    }

    #[test]
    fn studies_are_checked_record_by_record() {
        let known: HashSet<&str> = ["a"].into_iter().collect();
        let good = r#"{"id":"s1","title":"T","design":"experimental","doi":"10.1086/670138","interventions":["a"],
            "findings":[{"outcome":"homicide","direction":"improved","significant":true}]}"#;
        let text = format!(
            r#"[{good},
            {{"id":"s2","title":"T","design":"experimental","url":"https://x.org","interventions":["nope"]}},
            {{"id":"s3","title":"T","design":"experimental","doi":"https://doi.org/10.1/x","interventions":["a"]}},
            {{"id":"s4","title":"T","design":"experimental","url":"https://x.org","interventions":["a"],
              "findings":[{{"outcome":"happiness","direction":"improved"}}]}},
            {{"id":"s5","title":"T","design":"none","url":"https://x.org","interventions":["a"]}},
            {{"id":"s6","title":"T","design":"process","interventions":["a"]}},
            {{"id":"s7","title":"T","design":"process","url":"https://x.org","interventions":[]}}]"#
        );
        let r = parse_studies(&text, &known).unwrap();
        assert_eq!(r.records.len(), 1);
        assert_eq!(r.total(), 7);
        let msgs: Vec<String> = r.rejected.iter().map(|e| e.to_string()).collect();
        assert!(
            msgs[0].contains("interventions[0]") && msgs[0].contains("\"nope\""),
            "{}",
            msgs[0]
        );
        assert!(msgs[1].contains("not a DOI"), "{}", msgs[1]);
        assert!(
            msgs[2].contains("findings[0].outcome") && msgs[2].contains("happiness"),
            "{}",
            msgs[2]
        );
        assert!(msgs[3].contains("design"), "{}", msgs[3]);
        assert!(msgs[4].contains("DOI or a URL"), "{}", msgs[4]);
        assert!(msgs[5].contains("at least one intervention"), "{}", msgs[5]);
    }

    #[test]
    fn dois() {
        assert!(is_doi("10.1086/670138") && is_doi("10.1590/0034-761220190168"));
        assert!(
            !is_doi("doi:10.1/x") && !is_doi("10.abc/x") && !is_doi("10.1/") && !is_doi("10.1/a b")
        );
    }

    proptest::proptest! {
        #[test]
        fn never_panics_on_arbitrary_text(s in ".{0,200}") {
            let _ = parse_interventions(&s);
            let _ = parse_events(&s);
            let _ = parse_studies(&s, &HashSet::new());
        }
    }
}
