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

mod columns;
mod countries;
mod csv_reader;
mod encoding;
mod json;
mod kept;
mod report;
mod values;

pub use crate::i18n::import::ImportText;
pub use columns::{match_header, Field, MatchKind};
pub use countries::{match_country, CountryMatch};
pub use csv_reader::{detect_delimiter, CsvReader};
pub use encoding::{decode_windows_1252, encode_windows_1252, Encoding};
pub use kept::KeptFile;
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

/// Reading a file in steps, so a page can show progress between them:
///
/// ```ignore
/// let mut reading = Reading::start(&bytes, "file.csv")?;
/// while !reading.step(5_000) { show(reading.progress()); yield_to_browser().await; }
/// let import = reading.finish();
/// ```
pub struct Reading {
    inner: ReadingInner,
}

enum ReadingInner {
    Csv {
        reader: Box<CsvReader>,
        encoding: Encoding,
        delimiter: u8,
        notes: Vec<Warning>,
    },
    Done(Box<Import>),
}

/// The warning for a value that could not be read and was left empty.
fn left_empty(reason: ImportText) -> Option<Note> {
    Some(Note {
        kind: "left-empty",
        message: ImportText::LeftEmpty(Box::new(reason)),
    })
}

fn file_note(kind: &'static str, message: ImportText) -> Warning {
    Warning {
        line: 0,
        record: 0,
        column: String::new(),
        field: String::new(),
        kind,
        message,
    }
}

/// Recognises files that are not text at all (a key `ImportText::NotText` names).
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"PK\x03\x04") {
        Some("xlsx")
    } else if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        Some("xls")
    } else if bytes.starts_with(b"%PDF") {
        Some("pdf")
    } else {
        None
    }
}

impl Reading {
    pub fn start(bytes: &[u8], name_hint: &str) -> Result<Reading, ImportError> {
        Reading::start_with(bytes, name_hint, ReadOptions::default())
    }

    pub fn start_with(
        bytes: &[u8],
        name_hint: &str,
        options: ReadOptions,
    ) -> Result<Reading, ImportError> {
        if let Some(what) = binary_kind(bytes) {
            return Err(ImportError::NotText { what });
        }
        let (text, encoding) = encoding::decode(bytes);
        if text.contains('\0') {
            return Err(ImportError::NotText { what: "binary" });
        }
        if text.trim().is_empty() {
            return Err(ImportError::Empty);
        }
        let hint = name_hint.to_ascii_lowercase();
        let format = options.format.unwrap_or_else(|| {
            if hint.ends_with(".json") || hint.ends_with(".geojson") {
                Format::Json
            } else if [".csv", ".tsv", ".tab", ".txt"]
                .iter()
                .any(|e| hint.ends_with(e))
            {
                Format::Csv
            } else if text.trim_start().starts_with(['[', '{']) {
                Format::Json
            } else {
                Format::Csv
            }
        });
        let mut notes = Vec::new();
        match encoding {
            Encoding::Windows1252 => notes.push(file_note("encoding", ImportText::Windows1252)),
            Encoding::Utf16Le | Encoding::Utf16Be => notes.push(file_note(
                "encoding",
                ImportText::Encoding(encoding.label().to_owned()),
            )),
            _ => {}
        }
        if encoding::looks_double_encoded(&text) {
            notes.push(file_note("encoding", ImportText::DoubleEncoded));
        }
        if format == Format::Json {
            let loaded = json::load(&text).map_err(ImportError::Json)?;
            let mut loaded = loaded;
            let mut all_notes = notes;
            all_notes.append(&mut loaded.report.warnings);
            loaded.report.warnings = all_notes;
            return Ok(Reading {
                inner: ReadingInner::Done(Box::new(Import {
                    format,
                    encoding,
                    delimiter: None,
                    headers: Vec::new(),
                    header_line: 0,
                    columns: Vec::new(),
                    mapping: Mapping::default(),
                    notes: Vec::new(),
                    table: Arc::new(Table::default()),
                    first_row: 0,
                    json: Some(Arc::new(loaded)),
                })),
            });
        }
        let (delimiter, skip) = match (options.delimiter, csv_reader::sep_line(&text)) {
            (Some(d), Some((_, skip))) => (d, skip),
            (Some(d), None) => (d, 0),
            (None, Some((d, skip))) => (d, skip),
            (None, None) => (detect_delimiter(&text), 0),
        };
        let reader = CsvReader::new(Arc::new(text), delimiter, skip);
        Ok(Reading {
            inner: ReadingInner::Csv {
                reader: Box::new(reader),
                encoding,
                delimiter,
                notes,
            },
        })
    }

    /// Reads up to `max_rows` more rows; true once the whole file is read.
    pub fn step(&mut self, max_rows: usize) -> bool {
        match &mut self.inner {
            ReadingInner::Csv { reader, .. } => reader.read_rows(max_rows.max(1)),
            ReadingInner::Done(_) => true,
        }
    }

    /// From 0 to 1.
    pub fn progress(&self) -> f64 {
        match &self.inner {
            ReadingInner::Csv { reader, .. } => reader.progress(),
            ReadingInner::Done(_) => 1.0,
        }
    }

    /// Finishes reading (any rows not read yet are read now).
    pub fn finish(self) -> Import {
        match self.inner {
            ReadingInner::Done(import) => *import,
            ReadingInner::Csv {
                mut reader,
                encoding,
                delimiter,
                mut notes,
            } => {
                reader.read_rows(usize::MAX);
                let blank = reader.blank_rows;
                if let Some(q) = reader.unclosed_quote {
                    notes.push(Warning {
                        line: q.opened,
                        record: 0,
                        column: String::new(),
                        field: String::new(),
                        kind: "unclosed-quote",
                        message: if q.last > q.opened {
                            ImportText::QuoteNeverClosed {
                                opened: q.opened,
                                last: q.last,
                                row: q.row,
                            }
                        } else {
                            ImportText::QuoteNeverClosedAtEnd(q.opened)
                        },
                    });
                }
                let table = reader.into_table();
                Import::from_table(table, encoding, delimiter, blank, &mut notes)
            }
        }
    }
}

impl Import {
    fn from_table(
        table: Table,
        encoding: Encoding,
        delimiter: u8,
        blank_rows: usize,
        notes: &mut Vec<Warning>,
    ) -> Import {
        // The header is the first row, unless it matches nothing and a later row (among the
        // first ten) matches at least two fields: a title above the table.
        let exact = |i: usize| {
            table
                .row(i)
                .filter(|h| match_header(h).kind == MatchKind::Exact)
                .count()
        };
        let header_row = if table.is_empty() || exact(0) > 0 {
            0
        } else {
            (1..table.len().min(10))
                .find(|&i| exact(i) >= 2)
                .unwrap_or(0)
        };
        if header_row > 0 {
            let skipped: Vec<String> = (0..header_row)
                .map(|i| {
                    table
                        .row(i)
                        .filter(|c| !c.trim().is_empty())
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            notes.push(Warning {
                line: table.line(0),
                record: 0,
                column: String::new(),
                field: String::new(),
                kind: "above-header",
                message: ImportText::AboveHeader {
                    rows: header_row,
                    line: table.line(header_row),
                    text: truncate(&skipped.join(" / "), 120),
                },
            });
        }
        let headers: Vec<String> = if table.is_empty() {
            Vec::new()
        } else {
            table
                .row(header_row)
                .map(|h| h.trim().trim_start_matches('\u{feff}').trim().to_owned())
                .collect()
        };
        let proposals = columns::auto_map(&headers);
        let first_row = if table.is_empty() { 0 } else { header_row + 1 };
        let mut filled = vec![0usize; headers.len()];
        for i in first_row..table.len() {
            for (j, f) in filled.iter_mut().enumerate() {
                if !table.cell(i, j).trim().is_empty() {
                    *f += 1;
                }
            }
        }
        if blank_rows > 0 {
            notes.push(file_note("blank-rows", ImportText::BlankRows(blank_rows)));
        }
        let columns: Vec<ColumnInfo> = headers
            .iter()
            .zip(&proposals)
            .zip(&filled)
            .map(|((h, p), f)| ColumnInfo {
                header: h.clone(),
                match_kind: p.kind,
                currency: p.currency,
                filled: *f,
            })
            .collect();
        let mut import = Import {
            format: Format::Csv,
            encoding,
            delimiter: Some(delimiter),
            header_line: if table.is_empty() {
                0
            } else {
                table.line(header_row)
            },
            headers,
            columns,
            mapping: Mapping {
                columns: proposals.iter().map(|p| p.field).collect(),
                decimal: Decimal::Point,
            },
            notes: std::mem::take(notes),
            table: Arc::new(table),
            first_row,
            json: None,
        };
        import.mapping.decimal = import.guess_decimal(&import.mapping);
        import
    }

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

/// The id given to a record without one (see the module documentation).
pub fn generated_id(
    country: &str,
    name: &str,
    admin_area: Option<&str>,
    city: Option<&str>,
    start_year: Option<i32>,
) -> String {
    let year = start_year.map(|y| y.to_string()).unwrap_or_default();
    let n = values::norm;
    let h = values::fnv1a(&[
        &n(country),
        &n(name),
        &n(admin_area.unwrap_or("")),
        &n(city.unwrap_or("")),
        &year,
    ]) & 0xff_ffff;
    let country = country.to_ascii_lowercase();
    match values::slug(name, 40) {
        s if s.is_empty() => format!("{country}-{h:06x}"),
        s => format!("{country}-{s}-{h:06x}"),
    }
}

/// `base`, or `base-2`, `base-3`, ... whichever is not used yet; marks it used.
fn unique_id(base: &str, used: &mut HashSet<String>) -> String {
    let mut id = base.to_owned();
    let mut n = 1;
    while used.contains(&id) {
        n += 1;
        id = format!("{base}-{n}");
    }
    used.insert(id.clone());
    id
}

/// A row converted, waiting for the id pass.
struct Converted {
    record: Intervention,
    line: usize,
    number: usize,
    /// False when the id is to be generated.
    has_id: bool,
}

/// Applying a mapping in steps. Ids are settled in `finish` (explicit ids first, so a generated
/// id never takes an id a later row states).
pub struct Applying {
    import: Import,
    mapping: Mapping,
    plan: Vec<Vec<usize>>,
    start: usize,
    next: usize,
    end: usize,
    converted: Vec<Converted>,
    report: Report,
}

impl Applying {
    fn new(import: Import, mapping: Mapping) -> Applying {
        let plan = Field::ALL
            .iter()
            .map(|f| {
                mapping
                    .columns_of(*f)
                    .into_iter()
                    .filter(|j| *j < import.headers.len())
                    .collect()
            })
            .collect();
        let end = import.rows();
        let mut report = Report::default();
        report.warnings.extend(import.notes.iter().cloned());
        for (j, col) in import.columns.iter().enumerate() {
            let mapped = mapping.columns.get(j).copied().flatten();
            // An export's `dataset` column names where the rows came from: nothing is lost.
            if mapped.is_none() && col.filled > 0 && col.match_kind != MatchKind::Release {
                report.warnings.push(Warning {
                    line: import.header_line,
                    record: 0,
                    column: import.column_name(j),
                    field: String::new(),
                    kind: "unmapped-column",
                    message: ImportText::Unmapped(col.filled),
                });
            }
            if let (Some(Field::BudgetAmount), Some(c)) = (mapped, col.currency) {
                report.warnings.push(Warning {
                    line: import.header_line,
                    record: 0,
                    column: import.column_name(j),
                    field: Field::BudgetAmount.key().into(),
                    kind: "header-currency",
                    message: ImportText::HeaderCurrency(c.to_string()),
                });
            }
        }
        if mapping.columns_of(Field::Id).is_empty() && import.rows() > 0 && import.json.is_none() {
            report
                .warnings
                .push(file_note("id-generated", ImportText::NoIdColumn));
        }
        Applying {
            import,
            mapping,
            plan,
            start: 0,
            next: 0,
            end,
            converted: Vec::new(),
            report,
        }
    }

    /// Converts up to `max_rows` more rows; true when all are done.
    pub fn step(&mut self, max_rows: usize) -> bool {
        if self.import.json.is_some() {
            return true;
        }
        let stop = self.end.min(self.next.saturating_add(max_rows.max(1)));
        while self.next < stop {
            let i = self.next;
            self.next += 1;
            self.convert(i);
        }
        self.next >= self.end
    }

    /// From 0 to 1.
    pub fn progress(&self) -> f64 {
        if self.end == 0 || self.import.json.is_some() {
            1.0
        } else {
            (self.next - self.start) as f64 / (self.end - self.start).max(1) as f64
        }
    }

    /// Settles ids and returns the records and the report.
    pub fn finish(mut self) -> Loaded {
        if let Some(loaded) = &self.import.json {
            return (**loaded).clone();
        }
        self.step(usize::MAX);
        let converted = std::mem::take(&mut self.converted);
        let id_col = self.plan[Field::Id as usize]
            .first()
            .map(|j| self.import.column_name(*j))
            .unwrap_or_default();
        let mut keep = vec![true; converted.len()];
        {
            let mut first_line: HashMap<&str, usize> = HashMap::with_capacity(converted.len());
            for (k, c) in converted.iter().enumerate().filter(|(_, c)| c.has_id) {
                if let Some(line) = first_line.get(c.record.id.as_str()) {
                    keep[k] = false;
                    self.report.rejected.push(Rejected {
                        line: c.line,
                        record: c.number,
                        id: Some(c.record.id.clone()),
                        column: id_col.clone(),
                        field: "id".into(),
                        reason: ImportText::DuplicateIdAtLine(*line),
                        also: Vec::new(),
                    });
                } else {
                    first_line.insert(&c.record.id, c.line);
                }
            }
        }
        // Ids already taken, needed only when some are generated.
        let mut used: HashSet<String> = if converted.iter().any(|c| !c.has_id) {
            converted
                .iter()
                .filter(|c| c.has_id)
                .map(|c| c.record.id.clone())
                .collect()
        } else {
            HashSet::new()
        };
        let mut records = Vec::with_capacity(converted.len());
        for (c, keep) in converted.into_iter().zip(keep) {
            if !keep {
                continue;
            }
            let mut record = c.record;
            if !c.has_id {
                let r = &record;
                let base = generated_id(
                    &r.country,
                    &r.name,
                    r.admin_area.as_deref(),
                    r.city.as_deref(),
                    r.start_year,
                );
                record.id = unique_id(&base, &mut used);
                if !self.plan[Field::Id as usize].is_empty() {
                    self.report.warnings.push(Warning {
                        line: c.line,
                        record: c.number,
                        column: id_col.clone(),
                        field: "id".into(),
                        kind: "id-generated",
                        message: ImportText::IdGenerated(record.id.clone()),
                    });
                } else if record.id != base {
                    self.report.warnings.push(Warning {
                        line: c.line,
                        record: c.number,
                        column: String::new(),
                        field: "id".into(),
                        kind: "id-suffix",
                        message: ImportText::IdSuffix(record.id.clone()),
                    });
                }
            }
            records.push(record);
        }
        self.report.rejected.sort_by_key(|r| r.record);
        // File notes (line 0) and the header first, then rows in file order (stable sort).
        self.report.warnings.sort_by_key(|w| w.line);
        self.report.rows = self.end - self.start;
        self.report.accepted = records.len();
        Loaded {
            records,
            studies: Vec::new(),
            report: self.report,
        }
    }

    /// Converts data row `i`.
    fn convert(&mut self, i: usize) {
        let k = self.import.first_row + i;
        let table = Arc::clone(&self.import.table);
        let line = table.line(k);
        let number = i + 1;
        let mut row = RowReader {
            import: &self.import,
            table: &table,
            k,
            line,
            number,
            decimal: self.mapping.decimal,
            plan: &self.plan,
            problems: Vec::new(),
            warnings: Vec::new(),
        };
        let record = row.record();
        let RowReader {
            problems, warnings, ..
        } = row;
        self.report.warnings.extend(warnings);
        match (record, problems.is_empty()) {
            (Some((record, has_id)), true) => self.converted.push(Converted {
                record,
                line,
                number,
                has_id,
            }),
            _ => {
                let mut problems = problems.into_iter();
                let first = problems.next().unwrap_or(Problem {
                    column: String::new(),
                    field: String::new(),
                    reason: ImportText::CouldNotBeRead,
                });
                let id = self.plan[Field::Id as usize]
                    .first()
                    .map(|j| table.cell(k, *j).trim().to_owned())
                    .filter(|s| !s.is_empty());
                self.report.rejected.push(Rejected {
                    line,
                    record: number,
                    id,
                    column: first.column,
                    field: first.field,
                    reason: first.reason,
                    also: problems.collect(),
                });
            }
        }
    }
}

/// Reads the cells of one row into a record, collecting problems and warnings.
struct RowReader<'a> {
    import: &'a Import,
    table: &'a Table,
    k: usize,
    line: usize,
    number: usize,
    decimal: Decimal,
    plan: &'a [Vec<usize>],
    problems: Vec<Problem>,
    warnings: Vec<Warning>,
}

impl<'a> RowReader<'a> {
    fn problem(&mut self, j: Option<usize>, field: Field, reason: ImportText) {
        let column = j.map(|j| self.import.column_name(j)).unwrap_or_default();
        self.problems.push(Problem {
            column,
            field: field.key().into(),
            reason,
        });
    }

    fn warn(&mut self, j: Option<usize>, field: Field, note: Option<Note>) {
        if let Some(n) = note {
            let column = j.map(|j| self.import.column_name(j)).unwrap_or_default();
            self.warnings.push(Warning {
                line: self.line,
                record: self.number,
                column,
                field: field.key().into(),
                kind: n.kind,
                message: n.message,
            });
        }
    }

    /// The one non-blank cell of a single-valued field; "not stated" markers read as blank.
    fn single(&mut self, field: Field) -> Option<(usize, &'a str)> {
        let table = self.table;
        let mut found: Option<(usize, &str)> = None;
        for &j in &self.plan[field as usize] {
            let cell = table.cell(self.k, j).trim();
            if cell.is_empty() {
                continue;
            }
            if values::is_not_stated(cell) && !is_vocab_value(field, cell) {
                self.warn(Some(j), field, values::not_stated_note(cell));
                continue;
            }
            match found {
                None => found = Some((j, cell)),
                Some((j0, c0)) if c0 != cell => {
                    let (a, b) = (self.import.column_name(j0), self.import.column_name(j));
                    self.problem(
                        Some(j),
                        field,
                        ImportText::ColumnsDisagree {
                            first_column: a,
                            second_column: b,
                            first: c0.to_owned(),
                            second: cell.to_owned(),
                        },
                    );
                }
                Some(_) => {}
            }
        }
        found
    }

    fn text(&mut self, field: Field) -> Option<String> {
        self.single(field).map(|(_, s)| s.to_owned())
    }

    fn vocab<T: Vocab>(&mut self, field: Field) -> Option<T> {
        let (j, cell) = self.single(field)?;
        match values::parse_vocab::<T>(cell) {
            Ok((v, note)) => {
                self.warn(Some(j), field, note);
                Some(v)
            }
            Err(e) => {
                self.problem(Some(j), field, e);
                None
            }
        }
    }

    fn vocab_list<T: Vocab>(&mut self, field: Field) -> Vec<T> {
        let mut out: Vec<T> = Vec::new();
        let table = self.table;
        for j in self.plan[field as usize].clone() {
            let cell = table.cell(self.k, j).trim();
            if cell.is_empty() || values::is_not_stated(cell) {
                if !cell.is_empty() {
                    self.warn(Some(j), field, values::not_stated_note(cell));
                }
                continue;
            }
            for item in values::split_values(cell) {
                match values::parse_vocab::<T>(item) {
                    Ok((v, note)) => {
                        self.warn(Some(j), field, note);
                        if out.contains(&v) {
                            self.warn(
                                Some(j),
                                field,
                                Some(Note {
                                    kind: "duplicate-value",
                                    message: ImportText::ListedTwice(v.key().to_owned()),
                                }),
                            );
                        } else {
                            out.push(v);
                        }
                    }
                    Err(e) => self.problem(Some(j), field, e),
                }
            }
        }
        out
    }

    fn year(&mut self, field: Field) -> Option<(usize, i32)> {
        let (j, cell) = self.single(field)?;
        match values::parse_year(cell) {
            Ok((y, note)) if PLAUSIBLE_YEARS.contains(&y) => {
                self.warn(Some(j), field, note);
                Some((j, y))
            }
            Ok((y, _)) => {
                self.problem(Some(j), field, ImportText::NotPlausibleYear(y));
                None
            }
            // A year that cannot be read ("ca. 2010") leaves the field empty; the row loads.
            Err(e) => {
                self.warn(Some(j), field, left_empty(e));
                None
            }
        }
    }

    fn amount(&mut self, field: Field) -> Option<(usize, values::Amount)> {
        let (j, cell) = self.single(field)?;
        match values::parse_amount(cell, self.decimal) {
            Ok(mut a) => {
                let note = a.note.take();
                self.warn(Some(j), field, note);
                Some((j, a))
            }
            // An amount that cannot be read leaves the budget empty; the row loads.
            Err(e) => {
                self.warn(Some(j), field, left_empty(e));
                None
            }
        }
    }

    fn actors(&mut self, field: Field) -> Vec<Actor> {
        let mut out = Vec::new();
        let table = self.table;
        for j in self.plan[field as usize].clone() {
            let cell = table.cell(self.k, j).trim();
            if cell.is_empty() || values::is_not_stated(cell) {
                if !cell.is_empty() {
                    self.warn(Some(j), field, values::not_stated_note(cell));
                }
                continue;
            }
            for item in values::split_actors(cell) {
                match values::parse_actor(item) {
                    Ok((name, kind, note)) => {
                        self.warn(Some(j), field, note);
                        out.push(Actor { name, kind });
                    }
                    Err(e) => self.problem(Some(j), field, e),
                }
            }
        }
        out
    }

    fn sources(&mut self) -> Vec<String> {
        let field = Field::Sources;
        let mut out = Vec::new();
        let table = self.table;
        for j in self.plan[field as usize].clone() {
            let cell = table.cell(self.k, j).trim();
            if cell.is_empty() || values::is_not_stated(cell) {
                if !cell.is_empty() {
                    self.warn(Some(j), field, values::not_stated_note(cell));
                }
                continue;
            }
            for item in values::split_sources(cell) {
                if web_link(item) {
                    out.push(item.to_owned());
                } else if item.to_ascii_lowercase().starts_with("www.")
                    && is_web_link(&format!("https://{item}"))
                {
                    let url = format!("https://{item}");
                    self.warn(
                        Some(j),
                        field,
                        Some(Note {
                            kind: "url-scheme",
                            message: ImportText::ReadAs(item.to_owned(), url.clone()),
                        }),
                    );
                    out.push(url);
                } else {
                    self.problem(Some(j), field, ImportText::NotAUrl(truncate(item, 80)));
                }
            }
        }
        out
    }

    /// The record, and whether it stated its id; `None` when a required field is missing.
    fn record(&mut self) -> Option<(Intervention, bool)> {
        let width = self.table.width(self.k);
        let headers = self.import.headers.len();
        if width > headers {
            let extra: Vec<&str> = (headers..width)
                .map(|j| self.table.cell(self.k, j))
                .filter(|c| !c.trim().is_empty())
                .collect();
            if !extra.is_empty() {
                self.problems.push(Problem {
                    column: String::new(),
                    field: String::new(),
                    reason: ImportText::ExtraCells {
                        width,
                        headers,
                        extra: truncate(&extra.join("\", \""), 60),
                    },
                });
            }
        } else if width < headers && width > 0 {
            self.warnings.push(Warning {
                line: self.line,
                record: self.number,
                column: String::new(),
                field: String::new(),
                kind: "short-row",
                message: ImportText::ShortRow { width, headers },
            });
        }
        if self.table.extra_lines(self.k) > 20 {
            self.warnings.push(Warning {
                line: self.line,
                record: self.number,
                column: String::new(),
                field: String::new(),
                kind: "long-cell",
                message: ImportText::LongCell(self.table.extra_lines(self.k) + 1),
            });
        }

        let id = self.text(Field::Id);
        let name = self.text(Field::Name);
        let description = self.text(Field::Description);
        let country = match self.single(Field::Country) {
            Some((j, cell)) => match countries::match_country(cell) {
                Ok(m) => {
                    let note = match &m {
                        CountryMatch::Code(c) if cell == *c => None,
                        CountryMatch::Code(c) => Some(Note {
                            kind: "country-code",
                            message: ImportText::ReadAs(cell.to_owned(), c.to_string()),
                        }),
                        CountryMatch::Alpha2(c) => Some(Note {
                            kind: "country-code",
                            message: ImportText::ReadAsAlpha2(cell.to_owned(), c.to_string()),
                        }),
                        CountryMatch::Name(c) => Some(Note {
                            kind: "country-name",
                            message: ImportText::ReadAs(cell.to_owned(), c.to_string()),
                        }),
                    };
                    self.warn(Some(j), Field::Country, note);
                    Some(m.code().to_owned())
                }
                Err(e) => {
                    self.problem(Some(j), Field::Country, e);
                    None
                }
            },
            None => None,
        };
        let admin_area = self.text(Field::AdminArea);
        let city = self.text(Field::City);
        let level = self.vocab(Field::Level);
        let focus = self.vocab_list(Field::Focus);
        let start = self.year(Field::StartYear);
        let end = self.year(Field::EndYear);
        let implementers = self.actors(Field::Implementers);
        let funders = self.actors(Field::Funders);
        let amount = self.amount(Field::BudgetAmount);
        let currency_cell = match self.single(Field::BudgetCurrency) {
            Some((j, cell)) => match values::parse_currency(cell) {
                Ok((c, note)) => {
                    self.warn(Some(j), Field::BudgetCurrency, note);
                    Some((j, c))
                }
                Err(e) => {
                    self.problem(Some(j), Field::BudgetCurrency, e);
                    None
                }
            },
            None => None,
        };
        let budget_year = self.year(Field::BudgetYear).map(|(_, y)| y);
        let usd = self.amount(Field::BudgetUsd);
        let budget_kind = self.vocab(Field::BudgetKind);
        let evaluation = self.vocab(Field::Evaluation);
        let effect = self.vocab(Field::Effect);
        let outcomes = self.vocab_list(Field::Outcomes);
        let sources = self.sources();

        // Budget: the currency a cell's mark or the header states, and budget_usd.
        let mut currency = currency_cell.as_ref().map(|(_, c)| c.clone());
        let amount_col = amount.as_ref().map(|(j, _)| *j);
        if let Some((j, a)) = &amount {
            let stated = a
                .currency
                .or(self.import.columns.get(*j).and_then(|c| c.currency));
            match (&currency, stated) {
                (None, Some(c)) => currency = Some(c.to_owned()),
                (Some(cur), Some(c)) if cur != c => {
                    let j = *j;
                    self.problem(
                        Some(j),
                        Field::BudgetAmount,
                        ImportText::AmountCurrencyMismatch {
                            amount: c.to_string(),
                            column: cur.to_string(),
                        },
                    );
                }
                _ => {}
            }
        }
        let mut budget_amount = amount.map(|(_, a)| a.value);
        let mut budget_usd = None;
        if let Some((j, a)) = usd {
            match a.currency {
                Some(c) if c != "USD" => self.problem(
                    Some(j),
                    Field::BudgetUsd,
                    ImportText::UsdInOtherCurrency(c.to_string()),
                ),
                _ => budget_usd = Some(a.value),
            }
            if budget_amount.is_none() && currency.is_none() {
                budget_amount = budget_usd;
                currency = budget_usd.map(|_| "USD".to_owned());
                self.warn(
                    Some(j),
                    Field::BudgetAmount,
                    Some(Note {
                        kind: "budget-from-usd",
                        message: ImportText::BudgetFromUsd,
                    }),
                );
            }
        } else if currency.as_deref() == Some("USD") && budget_amount.is_some() {
            budget_usd = budget_amount;
            self.warn(
                amount_col,
                Field::BudgetUsd,
                Some(Note {
                    kind: "usd-from-amount",
                    message: ImportText::UsdFromAmount,
                }),
            );
        }

        if let (Some((_, s)), Some((j, e))) = (start, end) {
            if e < s {
                self.problem(
                    Some(j),
                    Field::EndYear,
                    ImportText::EndsBeforeStarts(e.to_string(), s.to_string()),
                );
            }
        }
        let name = match name {
            Some(n) => Some(n),
            None => {
                let reason = if self.plan[Field::Name as usize].is_empty() {
                    ImportText::NameNotMapped
                } else {
                    ImportText::NameEmpty
                };
                let j = self.plan[Field::Name as usize].first().copied();
                self.problem(j, Field::Name, reason);
                None
            }
        };
        if country.is_none() && self.single_is_blank(Field::Country) {
            let reason = if self.plan[Field::Country as usize].is_empty() {
                ImportText::CountryNotMapped
            } else {
                ImportText::CountryEmpty
            };
            let j = self.plan[Field::Country as usize].first().copied();
            self.problem(j, Field::Country, reason);
        }
        if !self.problems.is_empty() {
            return None;
        }
        let has_id = id.is_some();
        Some((
            Intervention {
                id: id.unwrap_or_default(),
                name: name?,
                description,
                country: country?,
                admin_area,
                city,
                level,
                focus,
                start_year: start.map(|(_, y)| y),
                end_year: end.map(|(_, y)| y),
                implementers,
                funders,
                budget_amount,
                budget_currency: currency,
                budget_year,
                budget_usd,
                budget_kind,
                evaluation,
                effect,
                outcomes,
                sources: sources
                    .into_iter()
                    .map(crate::model::Source::from_url)
                    .collect(),
                verdicts: vec![],
            },
            has_id,
        ))
    }

    /// True when no column of `field` has a usable cell in this row.
    fn single_is_blank(&self, field: Field) -> bool {
        self.plan[field as usize].iter().all(|&j| {
            let c = self.table.cell(self.k, j).trim();
            c.is_empty() || values::is_not_stated(c)
        })
    }
}

/// `model::is_web_link`, without its allocation for the usual `https://host/...` (the items
/// come from `split_sources`, so they hold no whitespace).
fn web_link(url: &str) -> bool {
    match url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    {
        Some(rest) if !rest.is_empty() && !rest.starts_with('/') => {
            !url.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        _ => is_web_link(url),
    }
}

/// "none" and "unknown" are values of evaluation and effect, not "not stated".
fn is_vocab_value(field: Field, cell: &str) -> bool {
    match field {
        Field::Evaluation => values::parse_vocab::<crate::model::Evaluation>(cell).is_ok(),
        Field::Effect => values::parse_vocab::<crate::model::Effect>(cell).is_ok(),
        _ => false,
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
