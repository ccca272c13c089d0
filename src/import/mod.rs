//! Bring your own data: interventions from a CSV or JSON file as people really have them, with
//! nothing lost.
//!
//! ```text
//! bytes ──read──▶ Import (headers, proposed Mapping, preview) ──apply(&mapping)──▶ Loaded
//!                                                                           records + Report
//! ```
//!
//! - [`read`] decodes the bytes ([`Encoding`]: UTF-8 with or without BOM, UTF-16 with BOM, else
//!   Windows-1252), tells JSON from CSV, detects the CSV delimiter (comma, semicolon or tab) and
//!   splits rows (quoted cells with delimiters, quotes and line breaks; CRLF, LF or CR; blank
//!   rows skipped and not counted). JSON goes through [`crate::parse::parse_interventions`].
//! - [`Import`] holds the headers, a proposed [`Mapping`] (column → schema [`Field`], matched
//!   from English, Spanish and Portuguese names) and the rows; a person may change the mapping.
//! - [`Import::apply`] turns every data row into an [`Intervention`] or a rejection with its line,
//!   column and reason ([`Report`]): `accepted + rejected = rows`. Values read differently from
//!   how they are written (a decimal comma, a country by name, a label for a key) are warnings.
//! - For large files in a browser, [`Reading`] and [`Applying`] do the same work in steps of a
//!   given number of rows, with `progress()` in between.
//!
//! Records without an id get a stable one: `country-slug-of-name-hhhhhh`, where `hhhhhh` is a
//! hash of the identifying fields (name, country, admin area, city, start year), so re-importing
//! the same file, or a file where only a budget or a source changed, gives the same ids. Two rows
//! with the same identifying fields get `-2`, `-3`, ... in file order.
//!
//! The value rules (numbers, years, "not stated" markers, labels) are documented in `values`.
//!
//! One file per stage: `read.rs` (bytes → [`Import`]), this file (the [`Import`] a person looks at
//! and maps), `apply.rs` (mapping → records and [`Report`]); the cell readers are in `values.rs`,
//! the header matching in `columns.rs`, the report in `report.rs`.

mod apply;
mod columns;
mod countries;
mod csv_reader;
mod encoding;
mod json;
mod kept;
mod read;
mod report;
mod values;
mod vocab;

pub use crate::i18n::import::ImportText;
use apply::unique_id;
pub use apply::{generated_id, Applying};
pub use columns::{match_header, Field, MatchKind};
pub use countries::{match_country, CountryMatch};
pub use csv_reader::{detect_delimiter, CsvReader};
pub use encoding::{decode_windows_1252, encode_windows_1252, Encoding};
pub use kept::KeptFile;
pub use read::Reading;
pub use report::{Problem, Rejected, Report, Warning, WarningGroup, WARNING_KINDS};
pub use values::{is_not_stated, parse_amount, parse_year, Decimal};

use crate::model::{is_web_link, Actor, Intervention};
use crate::parse::{LoadError, PLAUSIBLE_YEARS};
use csv_reader::Table;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::Arc;
use values::{Note, Vocab};

/// The kind of file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
}

/// Why a file could not be read at all (a file that is read reports its bad rows instead).
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    /// No content, or only blank lines.
    Empty,
    /// A spreadsheet workbook, PDF or other binary file (`xlsx`, `xls`, `pdf`, `binary`).
    NotText { what: &'static str },
    /// JSON that is not valid, or not an array of records.
    Json(LoadError),
}

impl ImportError {
    /// What went wrong, in a language.
    pub fn text(&self, lang: crate::i18n::Lang) -> String {
        match self {
            ImportError::Empty => ImportText::FileEmpty.text(lang),
            ImportError::NotText { what } => ImportText::NotText(what).text(lang),
            ImportError::Json(e) => e.text(lang),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(crate::i18n::Lang::En))
    }
}

impl std::error::Error for ImportError {}

/// Choices that override detection.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// Force CSV or JSON.
    pub format: Option<Format>,
    /// Force the CSV delimiter (`b','`, `b';'`, `b'\t'`, or any other byte).
    pub delimiter: Option<u8>,
}

/// Which schema field each column fills, and how ambiguous numbers are read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Mapping {
    /// One entry per header: the field the column fills, or `None` to ignore it.
    pub columns: Vec<Option<Field>>,
    /// The decimal separator for numbers like `1.250` that could be read either way.
    pub decimal: Decimal,
}

impl Mapping {
    /// Maps `column` to `field`. A single-valued field leaves any other column it was on; list
    /// fields (focus, actors, outcomes, sources) may take several columns.
    pub fn set(&mut self, column: usize, field: Option<Field>) {
        if let Some(f) = field.filter(|f| !f.is_list()) {
            for c in self.columns.iter_mut().filter(|c| **c == Some(f)) {
                *c = None;
            }
        }
        if let Some(c) = self.columns.get_mut(column) {
            *c = field;
        }
    }

    /// The columns mapped to `field`.
    pub fn columns_of(&self, field: Field) -> Vec<usize> {
        self.columns
            .iter()
            .enumerate()
            .filter(|(_, f)| **f == Some(field))
            .map(|(i, _)| i)
            .collect()
    }

    /// Required fields (name, country) that no column fills: every row would be rejected.
    pub fn missing_required(&self) -> Vec<Field> {
        Field::ALL
            .iter()
            .copied()
            .filter(|f| f.required() && !self.columns.contains(&Some(*f)))
            .collect()
    }
}

/// One column of a CSV file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnInfo {
    /// The header as written (trimmed).
    pub header: String,
    /// How sure the proposed mapping is.
    pub match_kind: MatchKind,
    /// A currency the header states ("Presupuesto (BRL)"); fills empty currency cells.
    pub currency: Option<&'static str>,
    /// Data rows with a non-blank cell in this column.
    pub filled: usize,
}

/// A data row as written, for the mapping step's preview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviewRow {
    pub line: usize,
    pub cells: Vec<String>,
}

/// A file that has been read: its columns, the proposed mapping and its rows.
#[derive(Debug, Clone)]
pub struct Import {
    pub format: Format,
    pub encoding: Encoding,
    /// The CSV delimiter (`None` for JSON).
    pub delimiter: Option<u8>,
    /// Column headers as written (empty for JSON).
    pub headers: Vec<String>,
    /// 1-based line of the header row (0 for JSON).
    pub header_line: usize,
    /// Per column: match quality, header currency, how many cells are filled.
    pub columns: Vec<ColumnInfo>,
    /// The proposed mapping; pass it (or a changed copy) to [`Import::apply`].
    pub mapping: Mapping,
    /// Notes about the file as a whole (encoding, rows above the header, blank rows).
    pub notes: Vec<Warning>,
    table: Arc<Table>,
    /// Index in `table` of the first data row.
    first_row: usize,
    json: Option<Arc<Loaded>>,
}

/// The outcome of loading: the records and the report on every row.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub records: Vec<Intervention>,
    /// Studies a JSON dataset carried (`{"interventions": [...], "studies": [...]}`); the
    /// records' evidence is derived from them.
    pub studies: Vec<crate::evidence::Study>,
    pub report: Report,
}

/// Reads a whole file: JSON or CSV, detected from the content and the file name.
pub fn read(bytes: &[u8], name_hint: &str) -> Result<Import, ImportError> {
    read_with(bytes, name_hint, ReadOptions::default())
}

/// [`read`] with detection overridden by `options`.
pub fn read_with(
    bytes: &[u8],
    name_hint: &str,
    options: ReadOptions,
) -> Result<Import, ImportError> {
    let mut reading = Reading::start_with(bytes, name_hint, options)?;
    reading.step(usize::MAX);
    Ok(reading.finish())
}

impl Import {
    /// Data rows (blank rows and the header excepted; records for JSON).
    pub fn rows(&self) -> usize {
        match &self.json {
            Some(loaded) => loaded.report.rows,
            None => self.table.len() - self.first_row.min(self.table.len()),
        }
    }

    /// The cells of data row `i` (0-based) as written, and its line; `None` past the end.
    pub fn row(&self, i: usize) -> Option<(usize, Vec<&str>)> {
        let k = self.first_row + i;
        (self.json.is_none() && k < self.table.len())
            .then(|| (self.table.line(k), self.table.row(k).collect()))
    }

    /// The first `n` data rows as written, for the mapping step.
    pub fn preview(&self, n: usize) -> Vec<PreviewRow> {
        (0..n.min(self.rows()))
            .filter_map(|i| self.row(i))
            .map(|(line, cells)| PreviewRow {
                line,
                cells: cells.into_iter().map(str::to_owned).collect(),
            })
            .collect()
    }

    /// How a header is shown in messages: as written, or "column N" when empty.
    pub fn column_name(&self, j: usize) -> String {
        match self.headers.get(j).map(String::as_str) {
            Some(h) if !h.is_empty() => h.to_owned(),
            _ => format!("column {}", j + 1),
        }
    }

    /// The decimal separator the amount columns of `mapping` suggest: votes from cells that can
    /// only be read one way; without any, comma for `;`-delimited files and point otherwise.
    pub fn guess_decimal(&self, mapping: &Mapping) -> Decimal {
        let cols: Vec<usize> = [Field::BudgetAmount, Field::BudgetUsd]
            .iter()
            .flat_map(|f| mapping.columns_of(*f))
            .collect();
        let (mut comma, mut point) = (0usize, 0usize);
        for i in self.first_row..self.table.len() {
            for &j in &cols {
                let raw = self.table.cell(i, j);
                if !raw.contains(['.', ',']) {
                    continue;
                }
                let cell: String = raw
                    .chars()
                    .filter(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
                    .collect();
                let (dots, commas) = (cell.matches('.').count(), cell.matches(',').count());
                let last_is = |c: char| cell.rfind(c);
                match (dots, commas) {
                    (0, 0) => {}
                    (d, c) if d > 0 && c > 0 => {
                        if last_is('.') > last_is(',') {
                            point += 1
                        } else {
                            comma += 1
                        }
                    }
                    (d, 0) if d > 1 => comma += 1,
                    (0, c) if c > 1 => point += 1,
                    _ => {
                        let sep = if dots > 0 { '.' } else { ',' };
                        let frac = cell.rsplit(sep).next().unwrap_or("");
                        if frac.len() != 3 {
                            if sep == ',' {
                                comma += 1
                            } else {
                                point += 1
                            }
                        }
                    }
                }
            }
            if comma + point >= 200 {
                break;
            }
        }
        match comma.cmp(&point) {
            std::cmp::Ordering::Greater => Decimal::Comma,
            std::cmp::Ordering::Less => Decimal::Point,
            std::cmp::Ordering::Equal if self.delimiter == Some(b';') => Decimal::Comma,
            std::cmp::Ordering::Equal => Decimal::Point,
        }
    }

    /// Loads every row with `mapping` (for JSON the mapping is not used).
    pub fn apply(&self, mapping: &Mapping) -> Loaded {
        let mut job = self.applying(mapping);
        job.step(usize::MAX);
        job.finish()
    }

    /// Loads data rows `range` only (e.g. a preview of how the first rows will load).
    pub fn apply_rows(&self, mapping: &Mapping, range: std::ops::Range<usize>) -> Loaded {
        let mut job = self.applying(mapping);
        job.start = range.start.min(self.rows());
        job.next = job.start;
        job.end = range.end.min(self.rows()).max(job.start);
        job.step(usize::MAX);
        job.finish()
    }

    /// [`Import::apply`] in steps, for a progress bar.
    pub fn applying(&self, mapping: &Mapping) -> Applying {
        Applying::new(self.clone(), mapping.clone())
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

    fn load(csv: &str) -> Loaded {
        let import = read(csv.as_bytes(), "test.csv").unwrap();
        import.apply(&import.mapping)
    }

    #[test]
    fn minimal_csv_loads_with_generated_ids() {
        let loaded =
            load("Nombre;País;Presupuesto (USD)\nFica Vivo;Brasil;1.250.000,50\nPaz;PER;\n");
        assert!(
            loaded.report.rejected.is_empty(),
            "{:?}",
            loaded.report.rejected
        );
        assert_eq!(loaded.records.len(), 2);
        let r = &loaded.records[0];
        assert_eq!(
            (
                r.country.as_str(),
                r.budget_usd,
                r.budget_amount,
                r.budget_currency.as_deref()
            ),
            ("BRA", Some(1_250_000.5), Some(1_250_000.5), Some("USD"))
        );
        assert!(r.id.starts_with("bra-fica-vivo-"), "{}", r.id);
        assert_eq!(loaded.report.rows, 2);
        assert!(loaded.report.is_complete());
    }

    #[test]
    fn same_identity_gets_suffixes() {
        let loaded = load("name,country\nA,BRA\nA,BRA\na,bra\n");
        let ids: Vec<&str> = loaded.records.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids.len(), 3);
        assert_eq!(ids[1], format!("{}-2", ids[0]));
        assert_eq!(ids[2], format!("{}-3", ids[0]));
    }

    #[test]
    fn explicit_ids_win_and_duplicates_are_rejected() {
        let base = generated_id("BRA", "A", None, None, None);
        let loaded = load(&format!(
            "id,name,country\n,A,BRA\n{base},B,BRA\nx,C,BRA\nx,D,BRA\n"
        ));
        assert_eq!(loaded.records[0].id, format!("{base}-2"));
        assert_eq!(loaded.records[1].id, base);
        assert_eq!(loaded.report.rejected.len(), 1);
        assert_eq!(loaded.report.rejected[0].line, 5);
        assert!(loaded.report.rejected[0]
            .reason
            .to_string()
            .contains("line 4"));
    }

    #[test]
    fn mapping_set_moves_single_fields() {
        let mut m = Mapping {
            columns: vec![Some(Field::Name), None, Some(Field::Sources)],
            decimal: Decimal::Point,
        };
        m.set(1, Some(Field::Name));
        assert_eq!(
            m.columns,
            vec![None, Some(Field::Name), Some(Field::Sources)]
        );
        m.set(0, Some(Field::Sources));
        assert_eq!(m.columns_of(Field::Sources), vec![0, 2]);
        assert_eq!(m.missing_required(), vec![Field::Country]);
    }
}
