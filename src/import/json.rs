//! JSON datasets through `parse::parse_interventions`, reported in the import's shape: the line
//! where each rejected record starts, and generated ids for records that have none.

use super::report::{Rejected, Report, Warning};
use super::Loaded;
use crate::i18n::import::ImportText;
use crate::parse::{parse_interventions, LoadError};
use serde_json::Value;
use std::collections::HashSet;

/// Byte offsets where the elements of the top-level array start (the text is valid JSON).
fn element_starts(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut starts = Vec::new();
    let (mut depth, mut in_string, mut escaped, mut expect) = (0usize, false, false, false);
    for (i, &c) in b.iter().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == b'\\' {
                escaped = true;
            } else if c == b'"' {
                in_string = false;
            }
            continue;
        }
        if expect && !c.is_ascii_whitespace() && c != b']' {
            starts.push(i);
            expect = false;
        }
        match c {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth == 1 && c == b'[' {
                    expect = true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b',' if depth == 1 => expect = true,
            _ => {}
        }
    }
    starts
}

/// 1-based line of each byte offset (offsets ascending).
fn lines_of(text: &str, offsets: &[usize]) -> Vec<usize> {
    let mut lines = Vec::with_capacity(offsets.len());
    let (mut line, mut pos) = (1, 0);
    for &o in offsets {
        line += text.as_bytes()[pos..o]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        pos = o;
        lines.push(line);
    }
    lines
}

/// The top-level field of a path like `funders[1].type`.
fn top_field(path: &str) -> String {
    path.split(['[', '.']).next().unwrap_or("").to_owned()
}

fn missing_id(v: &Value) -> bool {
    v.is_object()
        && v.get("id")
            .is_none_or(|id| id.is_null() || id.as_str().is_some_and(|s| s.trim().is_empty()))
}

/// A dataset with its studies: `{"interventions": [...], "studies": [...]}`.
#[derive(serde::Deserialize)]
struct WithStudies<'a> {
    #[serde(borrow)]
    interventions: &'a serde_json::value::RawValue,
    #[serde(borrow, default)]
    studies: Option<&'a serde_json::value::RawValue>,
}

/// Loads a JSON dataset: an array of interventions, or an object holding `interventions` and
/// `studies` arrays. Records without an id get a generated one; a study that names an unknown
/// intervention, has a bad DOI or a value outside a vocabulary is rejected with its reason and
/// the rest load; the interventions' evidence is then derived from the studies that loaded.
pub fn load(text: &str) -> Result<Loaded, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Ok(doc) = serde_json::from_str::<WithStudies>(text) else {
        return load_array(text, 0);
    };
    // Line numbers stay those of the whole file.
    let offset = |part: &str| part.as_ptr() as usize - text.as_ptr() as usize;
    let part = doc.interventions.get();
    let before = text[..offset(part)].matches('\n').count();
    let mut loaded = load_array(part, before)?;
    let Some(studies) = doc.studies else {
        return Ok(loaded);
    };
    let part = studies.get();
    let before = text[..offset(part)].matches('\n').count();
    let ids: HashSet<&str> = loaded.records.iter().map(|r| r.id.as_str()).collect();
    let result = crate::parse::parse_studies(part, &ids)?;
    let lines = lines_of(part, &element_starts(part));
    for r in &result.rejected {
        let field = if r.field.is_empty() {
            "studies".to_owned()
        } else {
            format!("studies › {}", r.field)
        };
        loaded.report.rejected.push(Rejected {
            line: lines.get(r.index).map_or(0, |l| l + before),
            record: r.index + 1,
            id: r.id.clone(),
            column: field,
            field: "studies".into(),
            reason: ImportText::Study(r.index + 1, Box::new(r.reason.clone())),
            also: Vec::new(),
        });
    }
    loaded.report.rows += result.total();
    loaded.report.accepted += result.records.len();
    crate::evidence::apply(&mut loaded.records, &result.records);
    loaded.studies = result.records;
    Ok(loaded)
}

/// Loads a JSON array of interventions whose first line is line `before + 1` of the file.
fn load_array(text: &str, before: usize) -> Result<Loaded, LoadError> {
    let mut result = parse_interventions(text)?;
    let mut warnings = Vec::new();
    let lines: Vec<usize> = lines_of(text, &element_starts(text))
        .into_iter()
        .map(|l| l + before)
        .collect();
    let line = |i: usize| lines.get(i).copied().unwrap_or(0);
    if result
        .rejected
        .iter()
        .any(|r| r.field == "id" || r.reason.to_string().contains("missing field `id`"))
    {
        if let Ok(Value::Array(mut items)) = serde_json::from_str::<Value>(text) {
            let mut used: HashSet<String> = items
                .iter()
                .filter_map(|v| v.get("id")?.as_str().map(str::to_owned))
                .collect();
            let mut changed = false;
            for (i, item) in items.iter_mut().enumerate() {
                if !missing_id(item) {
                    continue;
                }
                let s = |k: &str| item.get(k).and_then(Value::as_str).map(str::to_owned);
                let (Some(name), Some(country)) = (s("name"), s("country")) else {
                    continue;
                };
                let year = item
                    .get("start_year")
                    .and_then(Value::as_i64)
                    .map(|y| y as i32);
                let id = super::unique_id(
                    &super::generated_id(
                        &country,
                        &name,
                        s("admin_area").as_deref(),
                        s("city").as_deref(),
                        year,
                    ),
                    &mut used,
                );
                warnings.push(Warning {
                    line: line(i),
                    record: i + 1,
                    column: "id".into(),
                    field: "id".into(),
                    kind: "id-generated",
                    message: ImportText::IdGenerated(id.clone()),
                });
                item["id"] = Value::String(id);
                changed = true;
            }
            if changed {
                result = parse_interventions(&serde_json::to_string(&items).unwrap_or_default())?;
            }
        }
    }
    let rejected = result
        .rejected
        .iter()
        .map(|r| Rejected {
            line: line(r.index),
            record: r.index + 1,
            id: r.id.clone(),
            column: r.field.clone(),
            field: top_field(&r.field),
            reason: r.reason.clone(),
            also: Vec::new(),
        })
        .collect();
    let rows = result.total();
    let accepted = result.records.len();
    Ok(Loaded {
        records: result.records,
        studies: Vec::new(),
        report: Report {
            rows,
            accepted,
            rejected,
            warnings,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn element_lines() {
        let text = "[\n  {\"id\": \"a\", \"x\": [1, {\"y\": \"],{\"}]},\n\n  {\"id\": \"b\"}, 3,\n\"s\"\n]";
        let starts = element_starts(text);
        assert_eq!(lines_of(text, &starts), vec![2, 4, 4, 5]);
        assert!(element_starts("[]").is_empty());
        assert!(element_starts("[ ]").is_empty());
    }

    #[test]
    fn rejected_records_have_lines_and_missing_ids_are_generated() {
        let text = "[\n{\"id\":\"a\",\"name\":\"A\",\"country\":\"BRA\"},\n{\"name\":\"Fica Vivo\",\"country\":\"BRA\"},\n{\"id\":\"c\",\"name\":\"C\",\"country\":\"Brasil\"}\n]";
        let loaded = load(text).unwrap();
        assert_eq!(loaded.report.rows, 3);
        assert_eq!(loaded.report.accepted, 2);
        assert_eq!(
            loaded.records[1].id,
            super::super::generated_id("BRA", "Fica Vivo", None, None, None)
        );
        assert!(loaded.records[1].id.starts_with("bra-fica-vivo-"));
        assert_eq!(loaded.report.warnings[0].line, 3);
        let r = &loaded.report.rejected[0];
        assert_eq!(
            (r.line, r.record, r.column.as_str(), r.id.as_deref()),
            (4, 3, "country", Some("c"))
        );
        assert!(load("{}").is_err());
    }

    #[test]
    fn a_dataset_with_studies_derives_evidence_and_reports_bad_studies() {
        let text = r#"{
  "interventions": [
    {"id":"a","name":"A","country":"BRA","effect":"harmful"},
    {"id":"b","name":"B","country":"COL","effect":"promising","evaluation":"quasi-experimental"}
  ],
  "studies": [
    {"id":"s1","title":"T","design":"experimental","url":"https://x.org","interventions":["a"],
     "findings":[{"outcome":"homicide","direction":"improved","significant":true}]},
    {"id":"s2","title":"T","design":"experimental","url":"https://x.org","interventions":["zzz"]},
    {"id":"s3","title":"T","design":"experimental","doi":"https://doi.org/10.1/x","interventions":["a"]},
    {"id":"s4","title":"T","design":"experimental","url":"https://x.org","interventions":["a"],
     "findings":[{"outcome":"happiness","direction":"improved"}]}
  ]
}"#;
        let loaded = load(text).unwrap();
        assert_eq!(loaded.records.len(), 2);
        assert_eq!(loaded.studies.len(), 1);
        assert_eq!(loaded.report.rows, 6);
        assert_eq!(
            loaded.report.accepted + loaded.report.rejected.len(),
            loaded.report.rows
        );
        // Derived from its study, not the stated "harmful"; the other keeps what it states.
        assert_eq!(
            loaded.records[0].effect,
            Some(crate::model::Effect::Effective)
        );
        assert_eq!(
            loaded.records[1].effect,
            Some(crate::model::Effect::Promising)
        );
        let reasons: Vec<String> = loaded
            .report
            .rejected
            .iter()
            .map(|r| format!("line {}: {} {}", r.line, r.column, r.reason))
            .collect();
        assert!(
            reasons[0].starts_with("line 9: studies › interventions[0]"),
            "{reasons:?}"
        );
        assert!(
            reasons[0].contains("no intervention has the id \"zzz\""),
            "{reasons:?}"
        );
        assert!(reasons[1].contains("not a DOI"), "{reasons:?}");
        assert!(
            reasons[2].contains("findings[0].outcome") && reasons[2].contains("happiness"),
            "{reasons:?}"
        );
    }
}
