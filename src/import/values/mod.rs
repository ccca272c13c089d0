//! Reading one cell: amounts, years, currencies, vocabulary values, multi-valued cells, actors.
//! Amounts and currencies are read in `amount.rs`, years in `year.rs`, cells of several values
//! (lists, links, actors) in `cells.rs`; what they share (notes, "not stated" markers, labels
//! folded for matching, ids) is here.
//!
//! Every reader returns the value and, when the cell was not already written the schema's way, a
//! [`Note`] that becomes a warning in the report (a decimal comma, a country or a label matched
//! by name). A cell that cannot be read gives a reason that names the cell's text and says what to
//! write instead.
//!
//! Decisions:
//! - **Amounts** accept thousands separators (`1.250.000,50`, `1,250,000.50`, `1 250 000`,
//!   `1'250'000`) and a decimal comma. When both `.` and `,` appear, the last one is the decimal
//!   separator. A single separator followed by exactly three digits (`1.250`, `12,500`) is
//!   ambiguous: it is read with the file's decimal separator (a setting of the mapping, guessed
//!   from the column's unambiguous cells, else comma for `;`-delimited files and point otherwise)
//!   and warned. Amounts in words (`US$ 2,5 millones`, `3 mil`, `2.5M`) are rejected with the
//!   full number to write, because "billón" and "billion" differ by a factor of 1000.
//!   Approximate amounts (`~`, `aprox.`, `más de`, `>`) are rejected: the schema leaves them
//!   empty. A currency symbol or code around the number is removed with a warning; an
//!   unambiguous one (`US$`, `R$`, `USD`, `€`) fills an empty currency; `$` and `pesos` do not.
//! - **Years** are four digits; `2005.0` and dates (`2005-03-10`, `10/03/2005`, `marzo 2005`) are
//!   read as their year with a warning; ranges (`2005-2010`) and approximations (`c. 2005`,
//!   `2000s`) are rejected.
//! - **Not stated**: `N/A`, `s/d`, `-`, `sin dato`, `sem dados`, ... read as empty, with a warning,
//!   except where the marker is itself a value (`none`, `unknown`).
//! - **Vocabulary values** match their key (any case, accents, spaces or underscores for hyphens)
//!   or a label in English, Spanish or Portuguese; labels that could mean two values
//!   ("prevención", "pandillas", "evaluación de impacto") are rejected with the candidates. The
//!   vocabularies and their label tables are in `vocab.rs`.

mod amount;
mod cells;
mod year;

pub use amount::{parse_amount, parse_currency, Amount};
pub use cells::{parse_actor, split_actors, split_sources, split_values};
pub use year::parse_year;

pub use super::vocab::{parse_vocab, Entry, Vocab};
pub use crate::i18n::import::{ImportText, NumberFault};
use crate::text::fold;

/// Why a cell was read differently from how it is written; becomes a report warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// A stable key for grouping warnings (`decimal-comma`, `country-name`, ...).
    pub kind: &'static str,
    pub message: ImportText,
}

fn note(kind: &'static str, message: ImportText) -> Option<Note> {
    Some(Note { kind, message })
}

/// The decimal separator of numbers whose separator is ambiguous (`1.250`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Decimal {
    #[default]
    Point,
    Comma,
}

impl Decimal {
    pub fn char(self) -> char {
        match self {
            Decimal::Point => '.',
            Decimal::Comma => ',',
        }
    }
}

/// Folds and tidies a label: lower case, no accents, `-_/.` as spaces, single spaces.
pub fn norm(s: &str) -> String {
    let folded = fold(s);
    let mut out = String::with_capacity(folded.len());
    for word in folded
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '_' | '/' | '.' | '\'' | '’' | ':'))
    {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Cells that say "not stated".
const NOT_STATED: &[&str] = &[
    "-",
    "--",
    "---",
    "—",
    "–",
    "?",
    "n/a",
    "na",
    "n.a.",
    "n/d",
    "nd",
    "n.d.",
    "s/d",
    "sd",
    "s.d.",
    "s/i",
    "null",
    "nil",
    "sin dato",
    "sin datos",
    "sin informacion",
    "sem dados",
    "sem informacao",
    "no disponible",
    "nao disponivel",
    "not available",
    "not stated",
    "no consta",
    "nao consta",
    "no aplica",
    "nao se aplica",
    "not applicable",
    "#n/a",
    "#n/d",
];

/// True when a cell says "not stated" in one of the usual ways (not for empty cells).
pub fn is_not_stated(s: &str) -> bool {
    let s = s.trim();
    // The longest marker is under 20 bytes: long cells (descriptions) are never markers.
    if s.is_empty() || s.len() > 24 || !s.starts_with(['-', '—', '–', '?', '#', 'n', 'N', 's', 'S'])
    {
        return false;
    }
    let f = fold(s);
    !f.is_empty() && NOT_STATED.contains(&f.as_str())
}

/// A note for a "not stated" marker read as empty.
pub fn not_stated_note(raw: &str) -> Option<Note> {
    note("not-stated", ImportText::NotStated(raw.trim().to_owned()))
}

/// Shows an `f64` as people write it: no exponent, no trailing `.0`.
pub fn show_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// 64-bit FNV-1a: small, stable across platforms and versions (ids must not change).
pub fn fnv1a(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            h ^= 0x1f;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        for b in p.bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// A lower-case ASCII slug of at most `max` bytes, cut at a hyphen.
pub fn slug(s: &str, max: usize) -> String {
    let mut out = String::new();
    for c in fold(s).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let mut out = out.trim_end_matches('-').to_owned();
    if out.len() > max {
        let cut = out[..=max]
            .rfind('-')
            .filter(|i| *i > max / 2)
            .unwrap_or(max);
        out.truncate(cut);
    }
    out.trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_stated_markers() {
        for s in ["N/A", "s/d", "-", "Sin dato", "sem dados", "#N/A", " nd "] {
            assert!(is_not_stated(s), "{s}");
        }
        for m in NOT_STATED {
            assert!(is_not_stated(m), "{m}");
            assert!(is_not_stated(&m.to_uppercase()), "{m}");
        }
        assert!(!is_not_stated("none"));
        assert!(!is_not_stated("unknown"));
        assert!(!is_not_stated(""));
    }

    #[test]
    fn slugs_and_hashes() {
        assert_eq!(
            slug("Programa \"Fica Vivo!\" – Minas Gerais", 40),
            "programa-fica-vivo-minas-gerais"
        );
        assert_eq!(slug("Ωλ", 40), "");
        assert!(slug(&"palabra ".repeat(20), 40).len() <= 40);
        assert_eq!(fnv1a(&["a", "b"]), fnv1a(&["a", "b"]));
        assert_ne!(fnv1a(&["ab", ""]), fnv1a(&["a", "b"]));
        assert_eq!(fnv1a(&[""]), 0xcbf2_9ce4_8422_2325);
    }
}
