//! Reading CSV text into rows of cells, in chunks, with the line number where each row starts.
//!
//! Parsing is the `csv` crate's (quoted fields with embedded delimiters, doubled quotes and line
//! breaks; CRLF, LF or CR line ends; records of any length). This module adds what spreadsheets
//! need around it: delimiter detection, Excel's `sep=;` first line, true line numbers (the `csv`
//! crate's positions do not count skipped blank lines), skipping rows whose cells are all blank,
//! and a compact store (one string for all cells) so 100k rows do not mean 2 million allocations.

use std::io::Read;
use std::sync::Arc;

/// Delimiters that are tried, in order of preference when the evidence ties.
pub const DELIMITERS: [u8; 3] = [b',', b';', b'\t'];

/// How many records the delimiter detection looks at.
const SAMPLE_RECORDS: usize = 40;
const SAMPLE_BYTES: usize = 256 * 1024;

/// Counts, for each record of the sample, the delimiter `d` outside quoted parts.
fn counts_per_record(text: &str, d: u8) -> Vec<usize> {
    let mut counts = Vec::new();
    let (mut count, mut in_quotes, mut blank) = (0usize, false, true);
    let bytes = &text.as_bytes()[..text.len().min(SAMPLE_BYTES)];
    let mut i = 0;
    while i < bytes.len() && counts.len() < SAMPLE_RECORDS {
        let b = bytes[i];
        if in_quotes {
            if b == b'"' {
                if bytes.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    in_quotes = false;
                }
            }
        } else if b == b'"' {
            in_quotes = true;
            blank = false;
        } else if b == d {
            count += 1;
            blank = false;
        } else if b == b'\n' || b == b'\r' {
            if !blank {
                counts.push(count);
            }
            count = 0;
            blank = true;
        } else if !b.is_ascii_whitespace() {
            blank = false;
        }
        i += 1;
    }
    if !blank && counts.len() < SAMPLE_RECORDS && i >= bytes.len() && bytes.len() == text.len() {
        counts.push(count);
    }
    counts
}

/// Picks the delimiter whose count is the same on most records (and not zero); ties go to the
/// larger count, then to the order of [`DELIMITERS`]. A text with none of them is one column,
/// read with a comma.
pub fn detect_delimiter(text: &str) -> u8 {
    let mut best = (0usize, 0usize, b',');
    for d in DELIMITERS {
        let counts = counts_per_record(text, d);
        // The most frequent non-zero count, and on how many records it occurs.
        let mut tally: Vec<(usize, usize)> = Vec::new();
        for &c in counts.iter().filter(|c| **c > 0) {
            match tally.iter_mut().find(|(v, _)| *v == c) {
                Some((_, n)) => *n += 1,
                None => tally.push((c, 1)),
            }
        }
        let Some(&(value, agree)) = tally.iter().max_by_key(|(v, n)| (*n, *v)) else {
            continue;
        };
        // Records that have more delimiters than the usual count still fit a spreadsheet
        // (trailing cells); records with fewer only when they are few.
        let consistent = agree + counts.iter().filter(|c| **c > value).count();
        if (consistent, value) > (best.0, best.1) {
            best = (consistent, value, d);
        }
    }
    best.2
}

/// Excel's hint on the first line, `sep=;`: the delimiter and the byte length of that line.
pub fn sep_line(text: &str) -> Option<(u8, usize)> {
    let first = text.split('\n').next()?;
    let line = first.trim_end_matches('\r');
    let rest = line
        .strip_prefix("sep=")
        .or_else(|| line.strip_prefix("SEP="))?;
    let d = match rest.trim_matches('"') {
        "\\t" | "\t" => b'\t',
        s if s.len() == 1 && s.is_ascii() => s.as_bytes()[0],
        _ => return None,
    };
    Some((d, (first.len() + 1).min(text.len())))
}

/// Rows of cells stored compactly: all cells in one string.
#[derive(Debug, Clone, Default)]
pub struct Table {
    text: String,
    /// End offset (in `text`) of every cell, row after row.
    ends: Vec<u32>,
    rows: Vec<RowMeta>,
}

#[derive(Debug, Clone, Copy)]
struct RowMeta {
    /// Index in `ends` of the row's first cell.
    first: u32,
    /// 1-based line where the row starts.
    line: u32,
    /// How many line breaks the row's quoted cells contain.
    extra_lines: u32,
}

impl Table {
    /// An empty table for a text of `bytes` bytes (cells take about as much).
    fn with_capacity(bytes: usize) -> Table {
        Table {
            text: String::with_capacity(bytes),
            ends: Vec::with_capacity(bytes / 16),
            rows: Vec::with_capacity(bytes / 256),
        }
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// 1-based line where row `i` starts.
    pub fn line(&self, i: usize) -> usize {
        self.rows[i].line as usize
    }

    /// How many more lines than one row `i` spans (line breaks inside quoted cells).
    pub fn extra_lines(&self, i: usize) -> usize {
        self.rows[i].extra_lines as usize
    }

    fn cell_range(&self, i: usize) -> std::ops::Range<usize> {
        let first = self.rows[i].first as usize;
        let end = self
            .rows
            .get(i + 1)
            .map_or(self.ends.len(), |r| r.first as usize);
        first..end
    }

    /// Number of cells in row `i`.
    pub fn width(&self, i: usize) -> usize {
        self.cell_range(i).len()
    }

    /// Cell `j` of row `i` (empty when the row is shorter).
    pub fn cell(&self, i: usize, j: usize) -> &str {
        let range = self.cell_range(i);
        let k = range.start + j;
        if k >= range.end {
            return "";
        }
        let start = if k == 0 { 0 } else { self.ends[k - 1] as usize };
        &self.text[start..self.ends[k] as usize]
    }

    /// The cells of row `i`.
    pub fn row(&self, i: usize) -> impl Iterator<Item = &str> + '_ {
        (0..self.width(i)).map(move |j| self.cell(i, j))
    }

    fn push(&mut self, record: &csv::StringRecord, line: usize, extra_lines: usize) {
        self.rows.push(RowMeta {
            first: self.ends.len() as u32,
            line: line as u32,
            extra_lines: extra_lines as u32,
        });
        for field in record.iter() {
            self.text.push_str(field);
            self.ends.push(self.text.len() as u32);
        }
    }

    #[cfg(test)]
    fn rows_vec(&self) -> Vec<(usize, Vec<String>)> {
        (0..self.len())
            .map(|i| (self.line(i), self.row(i).map(str::to_owned).collect()))
            .collect()
    }
}

/// `io::Read` over shared bytes, so the reader can own its input without a self-borrow.
struct SharedCursor {
    data: Arc<String>,
    pos: usize,
}

impl Read for SharedCursor {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let rest = &self.data.as_bytes()[self.pos.min(self.data.len())..];
        let n = rest.len().min(buf.len());
        buf[..n].copy_from_slice(&rest[..n]);
        self.pos += n;
        Ok(n)
    }
}

/// A CSV reader that parses a decoded text a chunk of rows at a time, so a browser can update a
/// progress bar between chunks.
pub struct CsvReader {
    text: Arc<String>,
    delimiter: u8,
    reader: csv::Reader<SharedCursor>,
    record: csv::StringRecord,
    /// Offset in `text` where the reader started (after a `sep=` line).
    base: usize,
    /// Lines counted up to `counted_to` (an offset in `text`).
    lines_before: usize,
    counted_to: usize,
    done: bool,
    table: Table,
    /// Rows skipped because every cell was blank.
    pub blank_rows: usize,
    /// Where the last row read starts: its byte offset in `text` and its line.
    last_row: Option<(usize, usize)>,
    /// A quoted cell that is never closed: the line where its quote opens, the row's first line,
    /// and the file's last line (everything after the quote was read into that one cell).
    pub unclosed_quote: Option<UnclosedQuote>,
}

/// A quote that opens a cell and is never closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnclosedQuote {
    pub opened: usize,
    pub row: usize,
    pub last: usize,
}

/// Where in `bytes` (one CSV row to the end of the text) a quoted cell opens and never closes,
/// following the csv crate's rules: a quote opens a cell only at its start, `""` inside is a
/// quote, and a quote followed by anything else closes it.
fn unclosed_quote_at(bytes: &[u8], delimiter: u8) -> Option<usize> {
    let (mut at_cell_start, mut open) = (true, None::<usize>);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match open {
            Some(_) if b == b'"' => {
                if bytes.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    open = None;
                }
            }
            Some(_) => {}
            None if b == b'"' && at_cell_start => open = Some(i),
            None => {}
        }
        if open.is_none() {
            at_cell_start = b == delimiter || b == b'\n' || b == b'\r';
        }
        i += 1;
    }
    open
}

impl CsvReader {
    /// Starts reading `text` (already decoded) with `delimiter`, skipping `skip` leading bytes
    /// (a `sep=` line).
    pub fn new(text: Arc<String>, delimiter: u8, skip: usize) -> CsvReader {
        let skip = skip.min(text.len());
        let len = text.len() - skip;
        let lines_before = text.as_bytes()[..skip]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        let reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .double_quote(true)
            .quoting(true)
            .buffer_capacity(64 * 1024)
            .from_reader(SharedCursor {
                data: Arc::clone(&text),
                pos: skip,
            });
        CsvReader {
            text,
            delimiter,
            reader,
            record: csv::StringRecord::new(),
            base: skip,
            lines_before,
            counted_to: skip,
            done: false,
            table: Table::with_capacity(len),
            blank_rows: 0,
            last_row: None,
            unclosed_quote: None,
        }
    }

    /// Reads up to `max_rows` more rows; returns true once the whole text is read.
    pub fn read_rows(&mut self, max_rows: usize) -> bool {
        let mut n = 0;
        while !self.done && n < max_rows {
            match self.reader.read_record(&mut self.record) {
                Ok(true) => {
                    let start = self.base + self.record.position().map_or(0, |p| p.byte() as usize);
                    let end = self.base + self.reader.position().byte() as usize;
                    // Skipped blank lines sit between the previous record and this one.
                    let bytes = self.text.as_bytes();
                    let mut first = start.min(bytes.len());
                    while first < end && matches!(bytes.get(first), Some(b'\r' | b'\n')) {
                        first += 1;
                    }
                    self.lines_before += count_lines(&bytes[self.counted_to.min(first)..first]);
                    self.counted_to = first;
                    let line = self.lines_before + 1;
                    if self.record.iter().all(|c| c.trim().is_empty()) {
                        self.blank_rows += 1;
                        continue;
                    }
                    let extra = self.record.iter().map(|c| count_lines(c.as_bytes())).sum();
                    self.table.push(&self.record, line, extra);
                    self.last_row = Some((first, line));
                    n += 1;
                }
                Ok(false) => {
                    self.done = true;
                    // Only the last row can swallow lines: an open quote runs to the end.
                    if let Some((start, row)) = self.last_row {
                        let rest = &self.text.as_bytes()[start..];
                        let delimiter = self.delimiter;
                        if let Some(at) = unclosed_quote_at(rest, delimiter) {
                            let opened = row + count_lines(&rest[..at]);
                            let trailing = rest.ends_with(b"\n") || rest.ends_with(b"\r");
                            let last = row + count_lines(rest)
                                - usize::from(trailing && count_lines(rest) > 0);
                            self.unclosed_quote = Some(UnclosedQuote { opened, row, last });
                        }
                    }
                }
                // Only I/O errors and invalid UTF-8 are possible; neither can happen on a `str`.
                Err(_) => self.done = true,
            }
        }
        self.done
    }

    /// How much of the text has been read, from 0 to 1.
    pub fn progress(&self) -> f64 {
        if self.done || self.text.is_empty() {
            return 1.0;
        }
        ((self.base + self.reader.position().byte() as usize) as f64 / self.text.len() as f64)
            .min(1.0)
    }

    pub fn is_done(&self) -> bool {
        self.done
    }

    /// Rows read so far.
    pub fn rows_read(&self) -> usize {
        self.table.len()
    }

    pub fn into_table(self) -> Table {
        self.table
    }
}

/// Line breaks in `bytes`: `\n`, `\r\n` and a lone `\r` each count once.
fn count_lines(bytes: &[u8]) -> usize {
    let mut n = 0;
    for (i, b) in bytes.iter().enumerate() {
        match b {
            b'\n' => n += 1,
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => n += 1,
            _ => {}
        }
    }
    n
}

/// Reads the whole text at once.
#[cfg(test)]
pub fn read_all(text: &str, delimiter: u8) -> Table {
    let mut r = CsvReader::new(Arc::new(text.to_owned()), delimiter, 0);
    r.read_rows(usize::MAX);
    r.into_table()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str, d: u8) -> Vec<(usize, Vec<String>)> {
        read_all(text, d).rows_vec()
    }

    fn v(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn delimiters_are_detected() {
        assert_eq!(detect_delimiter("a,b,c\n1,2,3\n4,5,6\n"), b',');
        assert_eq!(detect_delimiter("a;b;c\n1,5;2;3\n4;5,5;6\n"), b';');
        assert_eq!(detect_delimiter("a\tb\tc\n1,5\t2;3\t3\n"), b'\t');
        // Commas inside quotes do not count.
        assert_eq!(
            detect_delimiter("\"a, b\";c\n\"1, 2, 3\";4\n\"x,y\";z\n"),
            b';'
        );
        // A quoted cell over several lines does not confuse the counts.
        assert_eq!(
            detect_delimiter("a;b\n\"line, one\nline, two\";2\nx;y\n"),
            b';'
        );
        assert_eq!(detect_delimiter("just one column\nvalue\n"), b',');
        assert_eq!(detect_delimiter(""), b',');
    }

    #[test]
    fn quoted_cells_line_numbers_and_blank_lines() {
        let text = "h1,h2\r\n\r\n\"a, \"\"b\"\"\",\"two\r\nlines\"\r\n,\r\n  ,  \r\nlast,x";
        assert_eq!(
            rows(text, b','),
            vec![
                (1, v(&["h1", "h2"])),
                (3, v(&["a, \"b\"", "two\r\nlines"])),
                (7, v(&["last", "x"]))
            ]
        );
        let t = read_all(text, b',');
        assert_eq!(t.extra_lines(1), 1);
        assert_eq!(t.cell(2, 5), "");
    }

    #[test]
    fn lf_cr_and_ragged_rows() {
        assert_eq!(
            rows("a;b\n\n\n1;2;3\n4\n", b';'),
            vec![
                (1, v(&["a", "b"])),
                (4, v(&["1", "2", "3"])),
                (5, v(&["4"]))
            ]
        );
        assert_eq!(
            rows("a,b\r1,2\r\r3,4", b','),
            vec![
                (1, v(&["a", "b"])),
                (2, v(&["1", "2"])),
                (4, v(&["3", "4"]))
            ]
        );
    }

    #[test]
    fn reads_in_chunks() {
        let text: String = (0..1000).map(|i| format!("{i},\"x\ny\",z\n")).collect();
        let mut r = CsvReader::new(Arc::new(text.clone()), b',', 0);
        let mut steps = 0;
        let mut last = 0.0;
        while !r.read_rows(100) {
            steps += 1;
            assert!(r.progress() >= last);
            last = r.progress();
        }
        assert!(steps >= 9);
        assert_eq!(r.progress(), 1.0);
        let t = r.into_table();
        assert_eq!(t.len(), 1000);
        assert_eq!(t.line(999), 1999);
        assert_eq!(t.cell(500, 0), "500");
    }

    #[test]
    fn sep_line_hint() {
        assert_eq!(sep_line("sep=;\r\na;b\n"), Some((b';', 7)));
        assert_eq!(sep_line("sep=\t\na"), Some((b'\t', 6)));
        assert_eq!(sep_line("a;b\n"), None);
        let mut r = CsvReader::new(Arc::new("sep=;\na;b\n1;2\n".to_owned()), b';', 6);
        r.read_rows(10);
        assert_eq!(
            r.into_table().rows_vec(),
            vec![(2, v(&["a", "b"])), (3, v(&["1", "2"]))]
        );
    }
}
