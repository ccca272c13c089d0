//! The read stage: bytes → [`Import`]. Decodes the text, tells JSON from CSV, splits the rows
//! (in steps, for a progress bar), finds the header and proposes a [`Mapping`]; notes about the
//! file as a whole (encoding, unclosed quotes, rows above the header) become report warnings.

use super::*;

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

pub(super) fn file_note(kind: &'static str, message: ImportText) -> Warning {
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
}
