//! Reading one cell: amounts, years, currencies, vocabulary values, multi-valued cells, actors.
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

pub use super::vocab::{parse_vocab, Entry, Vocab};
pub use crate::i18n::import::{ImportText, NumberFault};
use crate::model::ActorType;
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

/// An amount read from a cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Amount {
    pub value: f64,
    /// The currency a symbol or code in the cell stated (`US$` → `USD`).
    pub currency: Option<&'static str>,
    pub note: Option<Note>,
}

const APPROX_PREFIXES: &[&str] = &[
    "~",
    "≈",
    "±",
    "aprox",
    "approx",
    "about",
    "around",
    "circa",
    "ca ",
    "ca.",
    "c.",
    "cerca de",
    "alrededor de",
    "mas de",
    "more than",
    "over ",
    "menos de",
    "less than",
    "under ",
    "hasta",
    "up to",
    "ate ",
    "mais de",
    "almost",
    "casi",
    "quase",
    "nearly",
    "some ",
    "unos ",
    "uns ",
    "por volta de",
    "estimado",
    "estimated",
    "est.",
];

/// Words that multiply: rejected, but used to suggest the full number.
const SCALE_WORDS: &[(&str, f64)] = &[
    ("millones", 1e6),
    ("millon", 1e6),
    ("million", 1e6),
    ("millions", 1e6),
    ("milhoes", 1e6),
    ("milhao", 1e6),
    ("mill", 1e6),
    ("mm", 1e6),
    ("mn", 1e6),
    ("mio", 1e6),
    ("m", 1e6),
    ("mil", 1e3),
    ("thousand", 1e3),
    ("k", 1e3),
    ("billion", 1e9),
    ("billions", 1e9),
    ("bn", 1e9),
    ("bilhoes", 1e9),
    ("bilhao", 1e9),
    ("bi", 1e9),
    ("billones", 1e12),
    ("billon", 1e12),
];

/// Currency marks around a number: what they state (`None`: not enough to know the currency).
fn currency_mark(token: &str) -> Option<Option<&'static str>> {
    let t = token.trim().trim_end_matches('.');
    Some(match t {
        "US$" | "U$S" | "U$" | "USD$" | "$US" | "US" => Some("USD"),
        "R$" => Some("BRL"),
        "€" => Some("EUR"),
        "£" => Some("GBP"),
        "S/" => Some("PEN"),
        "$" | "MN$" | "MX$" | "COL$" | "$MN" => None,
        _ => {
            let f = fold(t);
            match f.as_str() {
                "dolares"
                | "dolar"
                | "dollars"
                | "dollar"
                | "us dollars"
                | "dolares estadounidenses" => Some("USD"),
                "reales" | "reais" | "real" => Some("BRL"),
                "euros" | "euro" => Some("EUR"),
                "pesos" | "peso" => None,
                _ if t.len() == 3 && t.bytes().all(|b| b.is_ascii_uppercase()) => {
                    return iso_currency(t).map(Some)
                }
                _ => return None,
            }
        }
    })
}

/// Currency codes of the region and its partners, as `&'static str`.
const CURRENCIES: &[&str] = &[
    "ARS", "AWG", "BBD", "BMD", "BOB", "BRL", "BSD", "BZD", "CAD", "CHF", "CLP", "CNY", "COP",
    "CRC", "CUP", "DOP", "EUR", "GBP", "GTQ", "GYD", "HNL", "HTG", "JMD", "JPY", "KYD", "MXN",
    "NIO", "PAB", "PEN", "PYG", "SRD", "SVC", "TTD", "USD", "UYU", "VES", "VEF", "XCD",
];

fn iso_currency(code: &str) -> Option<&'static str> {
    CURRENCIES.iter().find(|c| **c == code).copied()
}

/// Splits a leading or trailing currency mark off a number: `("2,5", Some(mark))`.
#[allow(clippy::type_complexity)]
fn strip_currency(s: &str) -> Result<(&str, Option<(String, Option<&'static str>)>), ()> {
    let first = s
        .find(|c: char| c.is_ascii_digit() || c == '.' || c == ',')
        .ok_or(())?;
    let last = s
        .rfind(|c: char| c.is_ascii_digit())
        .map(|i| i + 1)
        .ok_or(())?;
    if last <= first {
        return Err(());
    }
    let mut mark = None;
    for part in [s[..first].trim(), s[last..].trim()] {
        if part.is_empty() {
            continue;
        }
        match currency_mark(part) {
            Some(code) if mark.is_none() => mark = Some((part.to_owned(), code)),
            _ => return Err(()),
        }
    }
    Ok((&s[first..last], mark))
}

/// Validates thousands grouping: `1`, `12`, `123` then groups of exactly three digits.
fn grouped(parts: &[&str]) -> bool {
    parts.len() >= 2
        && (1..=3).contains(&parts[0].len())
        && parts[1..].iter().all(|p| p.len() == 3)
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
}

/// Reads an amount (a budget). See the module documentation for what is accepted.
pub fn parse_amount(raw: &str, decimal: Decimal) -> Result<Amount, ImportText> {
    let s = raw.trim();
    let f = fold(s);
    if APPROX_PREFIXES.iter().any(|p| f.starts_with(p))
        || f.contains(['>', '<', '≈', '±'])
        || f.ends_with('+')
        || f.ends_with("aprox")
        || f.ends_with("aprox.")
    {
        return Err(ImportText::AmountApproximate(s.to_owned()));
    }
    // Amounts in words.
    let words: Vec<&str> = f
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    let scale: f64 = words
        .iter()
        .filter_map(|w| SCALE_WORDS.iter().find(|(k, _)| k == w).map(|(_, m)| *m))
        .product();
    if words
        .iter()
        .any(|w| SCALE_WORDS.iter().any(|(k, _)| k == w))
    {
        let number: String = s
            .chars()
            .filter(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
            .collect();
        let hint = parse_plain(&number, decimal)
            .ok()
            .map(|(v, _, _)| v * scale)
            .filter(|v| v.is_finite() && *v < 1e15);
        // One number and its scale ("2,5 millones") read one way only: use it, and say so.
        return match hint {
            Some(v) => Ok(Amount {
                value: v.round(),
                // A currency written beside the number ("US$ 2,5 millones") still counts.
                currency: strip_currency(
                    &s.split_whitespace()
                        .filter(|w| !SCALE_WORDS.iter().any(|(k, _)| fold(w) == *k))
                        .collect::<Vec<_>>()
                        .join(" "),
                )
                .ok()
                .and_then(|(_, mark)| mark.and_then(|(_, code)| code)),
                note: note(
                    "amount-in-words",
                    ImportText::ReadAs(s.to_owned(), show_number(v.round())),
                ),
            }),
            None => Err(ImportText::AmountInWords(s.to_owned())),
        };
    }
    if s.starts_with('-') || (s.starts_with('(') && s.ends_with(')')) || s.contains("-$") {
        return Err(ImportText::AmountNegative(s.to_owned()));
    }
    if s.ends_with('%') {
        return Err(ImportText::AmountPercentage(s.to_owned()));
    }
    let (body, mark) = strip_currency(s).map_err(|_| ImportText::NotANumber(s.to_owned()))?;
    // Scientific notation, as spreadsheets show wide numbers ("2,5E+06").
    let lower = body.to_ascii_lowercase();
    if let Some((m, e)) = lower.split_once('e') {
        let m = m.replace(',', ".");
        if let (Ok(m), Ok(e)) = (m.parse::<f64>(), e.trim_start_matches('+').parse::<i32>()) {
            let v = m * 10f64.powi(e);
            if v.is_finite() && v >= 0.0 && !m.is_nan() {
                return Ok(Amount {
                    value: v,
                    currency: mark.as_ref().and_then(|m| m.1),
                    note: note(
                        "scientific-notation",
                        ImportText::Scientific(s.to_owned(), show_number(v)),
                    ),
                });
            }
        }
        return Err(ImportText::NotANumber(s.to_owned()));
    }
    let (value, kind, plain) = parse_plain(body, decimal).map_err(|e| match e {
        None => ImportText::NotANumber(s.to_owned()),
        Some(fault) => ImportText::NumberFault(s.to_owned(), fault),
    })?;
    let currency = mark.as_ref().and_then(|m| m.1);
    let separator = (kind == Some("ambiguous-separator")).then(|| {
        let sep = body.chars().find(|c| matches!(c, '.' | ',')).unwrap_or('.');
        (sep, sep == decimal.char())
    });
    let message = ImportText::AmountRead {
        cell: s.to_owned(),
        number: show_number(value),
        mark: mark
            .as_ref()
            .map(|(m, code)| (m.clone(), code.map(str::to_owned))),
        separator,
    };
    let kind = match (kind, &mark) {
        (Some("ambiguous-separator"), _) => Some("ambiguous-separator"),
        (_, Some(_)) => Some("currency-symbol"),
        (Some(k), None) => Some(k),
        (None, None) if !plain => Some("number-format"),
        (None, None) => None,
    };
    let note = kind.map(|kind| Note { kind, message });
    Ok(Amount {
        value,
        currency,
        note,
    })
}

/// Digits with separators; returns the value, a note kind and whether the text was plain.
fn parse_plain(
    body: &str,
    decimal: Decimal,
) -> Result<(f64, Option<&'static str>, bool), Option<NumberFault>> {
    let spaced = body.chars().any(|c| c.is_whitespace() || c == '\'');
    let compact: String = body
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\'')
        .collect();
    if compact.is_empty()
        || !compact
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
        || !compact.bytes().any(|b| b.is_ascii_digit())
    {
        return Err(None);
    }
    if spaced {
        // Spaces and apostrophes only group thousands: 1 250 000 or 1 250 000,50.
        let digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
        let groups: Vec<&str> = body
            .split(|c: char| c.is_whitespace() || c == '\'')
            .filter(|p| !p.is_empty())
            .collect();
        let n = groups.len();
        let ok = n >= 2
            && groups.iter().enumerate().all(|(i, g)| {
                if i == 0 {
                    g.len() <= 3 && digits(g)
                } else if i < n - 1 {
                    g.len() == 3 && digits(g)
                } else {
                    g.len() >= 3
                        && digits(&g[..3])
                        && (g.len() == 3
                            || (matches!(g.as_bytes()[3], b'.' | b',') && digits(&g[4..])))
                }
            });
        if !ok {
            return Err(Some(NumberFault::Spaces));
        }
    }
    let dots = compact.matches('.').count();
    let commas = compact.matches(',').count();
    let (normal, kind): (String, Option<&'static str>) = match (dots, commas) {
        (0, 0) => (compact.clone(), None),
        (1.., 1..) => {
            let last_dot = compact.rfind('.').unwrap_or(0);
            let last_comma = compact.rfind(',').unwrap_or(0);
            let (dec, thou) = if last_dot > last_comma {
                ('.', ',')
            } else {
                (',', '.')
            };
            if compact.matches(dec).count() > 1 {
                return Err(Some(NumberFault::TwoDecimals));
            }
            let (int, frac) = compact.split_once(dec).unwrap_or((&compact, ""));
            let parts: Vec<&str> = int.split(thou).collect();
            if !grouped(&parts) {
                return Err(Some(NumberFault::Grouping(thou)));
            }
            (
                format!("{}.{frac}", parts.concat()),
                if dec == ',' {
                    Some("decimal-comma")
                } else {
                    Some("number-format")
                },
            )
        }
        (n, 0) | (0, n) => {
            let sep = if dots > 0 { '.' } else { ',' };
            let parts: Vec<&str> = compact.split(sep).collect();
            if n > 1 {
                if !grouped(&parts) {
                    return Err(Some(NumberFault::Grouping(sep)));
                }
                (parts.concat(), Some("number-format"))
            } else {
                let (int, frac) = (parts[0], parts[1]);
                let ambiguous =
                    frac.len() == 3 && (1..=3).contains(&int.len()) && !int.starts_with('0');
                let as_decimal = if ambiguous {
                    sep == decimal.char()
                } else {
                    true
                };
                if as_decimal {
                    let kind = if ambiguous {
                        Some("ambiguous-separator")
                    } else if sep == ',' {
                        Some("decimal-comma")
                    } else {
                        None
                    };
                    (
                        format!("{}.{frac}", if int.is_empty() { "0" } else { int }),
                        kind,
                    )
                } else {
                    (format!("{int}{frac}"), Some("ambiguous-separator"))
                }
            }
        }
    };
    let value: f64 = normal.trim_end_matches('.').parse().map_err(|_| None)?;
    if !value.is_finite() {
        return Err(Some(NumberFault::TooLarge));
    }
    let plain = !spaced && normal == compact;
    Ok((value, kind, plain))
}

/// Month names (first three letters, folded) in English, Spanish and Portuguese.
fn is_month(word: &str) -> bool {
    const MONTHS: &[&str] = &[
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "ene",
        "abr", "ago", "dic", "fev", "mai", "set", "out", "dez", "sept",
    ];
    let w = word.trim_end_matches('.');
    w.len() >= 3 && w.chars().all(|c| c.is_alphabetic()) && MONTHS.iter().any(|m| w.starts_with(m))
}

/// Reads a year. See the module documentation.
pub fn parse_year(raw: &str) -> Result<(i32, Option<Note>), ImportText> {
    let s = raw.trim();
    if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
        return s
            .parse()
            .map(|y| (y, None))
            .map_err(|_| ImportText::NotAYear(s.to_owned()));
    }
    let f = fold(s);
    if [
        "c.",
        "c ",
        "ca.",
        "ca ",
        "~",
        "circa",
        "aprox",
        "approx",
        "around",
        "about",
        "cerca de",
        "hacia",
        "por volta de",
        "desde",
        "antes de",
        "before",
        "after",
        "despues de",
        "depois de",
        "since",
    ]
    .iter()
    .any(|p| f.starts_with(p))
        || f.ends_with('?')
        || (f.len() == 5 && f.ends_with('s') && f[..4].bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(ImportText::YearApproximate(s.to_owned()));
    }
    // "2005.0", "2005,00": a year typed as a number.
    if let Some((int, frac)) = s.split_once(['.', ',']) {
        if int.len() == 4
            && int.bytes().all(|b| b.is_ascii_digit())
            && !frac.is_empty()
            && frac.bytes().all(|b| b == b'0')
        {
            let y: i32 = int
                .parse()
                .map_err(|_| ImportText::NotAYear(s.to_owned()))?;
            return Ok((
                y,
                note(
                    "year-format",
                    ImportText::ReadAs(s.to_owned(), y.to_string()),
                ),
            ));
        }
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(if s.len() >= 5 {
            ImportText::SpreadsheetDate(s.to_owned())
        } else {
            ImportText::NotFourDigitYear(s.to_owned())
        });
    }
    // A date: one four-digit token; every other token a day, a month number or a month name.
    let date = s
        .split(['T', 't'])
        .next()
        .filter(|d| d.len() == 10 && d.as_bytes().get(4) == Some(&b'-'))
        .unwrap_or(s);
    let tokens: Vec<&str> = date
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    let years: Vec<&str> = tokens
        .iter()
        .copied()
        .filter(|t| t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    if years.len() >= 2 {
        return Err(ImportText::YearRange(s.to_owned()));
    }
    let others_ok = tokens.iter().filter(|t| !years.contains(t)).all(|t| {
        (t.len() <= 2 && t.bytes().all(|b| b.is_ascii_digit()))
            || is_month(&fold(t))
            || (t.len() <= 2
                && t.chars().all(|c| c.is_alphabetic())
                && matches!(fold(t).as_str(), "de" | "of" | "do" | "h"))
    });
    if years.len() == 1 && tokens.len() > 1 && others_ok {
        let y: i32 = years[0]
            .parse()
            .map_err(|_| ImportText::NotAYear(s.to_owned()))?;
        return Ok((
            y,
            note("date-as-year", ImportText::ReadAsYear(s.to_owned(), y)),
        ));
    }
    Err(ImportText::NotAYear(s.to_owned()))
}

/// Reads a currency: an ISO 4217 code in any case, or a symbol or word that states one.
pub fn parse_currency(raw: &str) -> Result<(String, Option<Note>), ImportText> {
    let s = raw.trim();
    if s.len() == 3 && s.bytes().all(|b| b.is_ascii_alphabetic()) {
        let upper = s.to_ascii_uppercase();
        let n = if upper != s {
            note(
                "currency-code",
                ImportText::ReadAs(s.to_owned(), upper.clone()),
            )
        } else {
            None
        };
        return Ok((upper, n));
    }
    match currency_mark(s) {
        Some(Some(code)) => Ok((
            code.to_owned(),
            note(
                "currency-code",
                ImportText::ReadAs(s.to_owned(), code.to_owned()),
            ),
        )),
        Some(None) => Err(ImportText::CurrencyUnclear(s.to_owned())),
        None => Err(ImportText::NotACurrency(s.to_owned())),
    }
}

/// Splits a cell of vocabulary values: `;`, `,`, `|`, `/` or line breaks.
pub fn split_values(cell: &str) -> impl Iterator<Item = &str> {
    cell.split([';', ',', '|', '/', '\n', '\r'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// Splits a cell of links: `|`, whitespace and line breaks always; a `;` or a comma only where
/// the next item starts a new link (URLs may contain both: `geral,y,1`, `Gov%26%238217;t`).
pub fn split_sources(cell: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for part in cell
        .split(|c: char| c == '|' || c.is_whitespace())
        .filter(|p| !p.is_empty())
    {
        let part = part.trim_matches(|c| c == ';' || c == ',');
        if part.is_empty() {
            continue;
        }
        if !part.contains([',', ';']) {
            out.push(part);
            continue;
        }
        let mut rest = part;
        loop {
            let lower = rest.to_ascii_lowercase();
            let cut = lower.match_indices([',', ';']).map(|(i, _)| i).find(|&i| {
                let next = lower[i + 1..].trim_start_matches([',', ';']);
                next.starts_with("http://")
                    || next.starts_with("https://")
                    || next.starts_with("www.")
            });
            match cut {
                Some(i) => {
                    if i > 0 {
                        out.push(&rest[..i]);
                    }
                    rest = &rest[i + 1..];
                }
                None => {
                    let item = rest.trim_end_matches([',', ';']);
                    if !item.is_empty() {
                        out.push(item);
                    }
                    break;
                }
            }
        }
    }
    out
}

/// The type named in a trailing parenthesis of an actor: `Name (multilateral)`.
fn actor_suffix(item: &str) -> Option<(&str, ActorType)> {
    let t = item.trim_end();
    let inner_start = t
        .strip_suffix(')')
        .and_then(|body| body.rfind('(').map(|i| (i, body)))?;
    let (open, body) = inner_start;
    let inner = &body[open + 1..];
    if let Some(k) = ActorType::from_key(inner) {
        return Some((t[..open].trim_end(), k));
    }
    if inner.len() > 60 {
        return None;
    }
    match ActorType::lookup().get(&norm(inner)) {
        Some(Entry::Key(k) | Entry::Label(k)) => Some((t[..open].trim_end(), *k)),
        _ => None,
    }
}

/// Splits a cell of actors. `;`, `|` and line breaks separate actors; a comma does only right
/// after a type in parentheses (`BID (multilateral), USAID (bilateral)`), because organisation
/// names contain commas ("Ministry of Human Development, Social Transformation ...").
pub fn split_actors(cell: &str) -> Vec<&str> {
    // `;`, `|` and line breaks separate actors, except inside parentheses: "Policía Nacional
    // (Área de Prevención; Policía de Infancia)" is one.
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0usize, 0);
    for (i, c) in cell.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ';' | '|' | '\n' | '\r' if depth == 0 => {
                parts.push(&cell[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&cell[start..]);
    let mut out = Vec::new();
    for part in parts.into_iter().map(str::trim).filter(|p| !p.is_empty()) {
        let mut start = 0;
        for (i, _) in part.match_indices(',') {
            let piece = &part[start..i];
            if piece.trim_end().ends_with(')') && actor_suffix(piece).is_some() {
                out.push(piece.trim());
                start = i + 1;
            }
        }
        let last = part[start..].trim();
        if !last.is_empty() {
            out.push(last);
        }
    }
    out
}

/// Reads one actor: `Name`, or `Name (type)` with the type's key or label.
pub fn parse_actor(item: &str) -> Result<(String, Option<ActorType>, Option<Note>), ImportText> {
    let item = item.trim();
    match actor_suffix(item) {
        Some(("", _)) => Err(ImportText::ActorWithoutName(item.to_owned())),
        Some((name, kind)) => {
            let written = &item[name.len()..].trim_start();
            let inner = written.trim_start_matches('(').trim_end_matches(')');
            let n = if inner == kind.key() {
                None
            } else {
                note(
                    "label",
                    ImportText::ReadAs(inner.to_owned(), kind.key().to_owned()),
                )
            };
            Ok((name.to_owned(), Some(kind), n))
        }
        None => Ok((item.to_owned(), None, None)),
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
    use crate::model::{Effect, Evaluation, Focus, Level, Outcome};

    fn amount(s: &str, d: Decimal) -> Result<(f64, Option<&'static str>), String> {
        parse_amount(s, d)
            .map(|a| (a.value, a.note.map(|n| n.kind)))
            .map_err(|e| e.to_string())
    }

    #[test]
    fn amounts_in_every_convention() {
        use Decimal::*;
        assert_eq!(amount("21000000", Point), Ok((21_000_000.0, None)));
        assert_eq!(amount("1234.5", Point), Ok((1234.5, None)));
        assert_eq!(amount("0.125", Comma), Ok((0.125, None)));
        assert_eq!(
            amount("1.250.000,50", Point),
            Ok((1_250_000.5, Some("decimal-comma")))
        );
        assert_eq!(
            amount("1,250,000.50", Comma),
            Ok((1_250_000.5, Some("number-format")))
        );
        assert_eq!(
            amount("1 250 000", Point),
            Ok((1_250_000.0, Some("number-format")))
        );
        assert_eq!(
            amount("1\u{a0}250\u{a0}000,5", Point),
            Ok((1_250_000.5, Some("decimal-comma")))
        );
        assert_eq!(
            amount("1'250'000", Point),
            Ok((1_250_000.0, Some("number-format")))
        );
        assert_eq!(
            amount("1.250.000", Point),
            Ok((1_250_000.0, Some("number-format")))
        );
        assert_eq!(amount("2,5", Point), Ok((2.5, Some("decimal-comma"))));
        assert_eq!(
            amount("1234,567", Point),
            Ok((1234.567, Some("decimal-comma")))
        );
        // Ambiguous: the file's decimal separator decides.
        assert_eq!(
            amount("1.250", Comma),
            Ok((1250.0, Some("ambiguous-separator")))
        );
        assert_eq!(
            amount("1.250", Point),
            Ok((1.25, Some("ambiguous-separator")))
        );
        assert_eq!(
            amount("12,500", Point),
            Ok((12500.0, Some("ambiguous-separator")))
        );
        assert_eq!(
            amount("12,500", Comma),
            Ok((12.5, Some("ambiguous-separator")))
        );
        assert_eq!(
            amount("2.5E+06", Point),
            Ok((2_500_000.0, Some("scientific-notation")))
        );
        let a = parse_amount("US$ 2.500.000", Decimal::Comma).unwrap();
        assert_eq!((a.value, a.currency), (2_500_000.0, Some("USD")));
        let a = parse_amount("R$ 1.000.000,00", Decimal::Point).unwrap();
        assert_eq!((a.value, a.currency), (1_000_000.0, Some("BRL")));
        let a = parse_amount("1500000 USD", Decimal::Point).unwrap();
        assert_eq!((a.value, a.currency), (1_500_000.0, Some("USD")));
        let a = parse_amount("$ 1,500", Decimal::Point).unwrap();
        assert_eq!((a.value, a.currency), (1500.0, None));
        assert!(a
            .note
            .unwrap()
            .message
            .to_string()
            .contains("does not say which currency"));
    }

    #[test]
    fn amounts_refused_with_reasons() {
        // One number and its scale in words read one way only, and say so.
        let a = parse_amount("US$ 2,5 millones", Decimal::Point).unwrap();
        assert_eq!((a.value, a.currency), (2_500_000.0, Some("USD")));
        assert!(a
            .note
            .unwrap()
            .message
            .to_string()
            .contains("read as 2500000"));
        assert_eq!(parse_amount("3 mil", Decimal::Point).unwrap().value, 3000.0);
        assert_eq!(
            parse_amount("2.5M", Decimal::Point).unwrap().value,
            2_500_000.0
        );
        assert!(parse_amount("aprox. 5000000", Decimal::Point)
            .unwrap_err()
            .to_string()
            .contains("approximate"));
        assert!(parse_amount("más de 1.000", Decimal::Point)
            .unwrap_err()
            .to_string()
            .contains("approximate"));
        assert!(parse_amount(">100", Decimal::Point)
            .unwrap_err()
            .to_string()
            .contains("approximate"));
        assert!(parse_amount("-5", Decimal::Point)
            .unwrap_err()
            .to_string()
            .contains("negative"));
        assert!(parse_amount("12%", Decimal::Point)
            .unwrap_err()
            .to_string()
            .contains("percentage"));
        assert!(parse_amount("1.2.3", Decimal::Point).is_err());
        assert!(parse_amount("1,2,3.4", Decimal::Point).is_err());
        assert!(parse_amount("12 34", Decimal::Point).is_err());
        assert!(parse_amount("abc", Decimal::Point)
            .unwrap_err()
            .to_string()
            .contains("not a number"));
        assert!(parse_amount("5 apples", Decimal::Point).is_err());
        assert!(parse_amount("1,5.2", Decimal::Point).is_err());
    }

    #[test]
    fn years() {
        assert_eq!(parse_year("2005"), Ok((2005, None)));
        assert_eq!(parse_year(" 2005 ").map(|y| y.0), Ok(2005));
        for s in [
            "2005.0",
            "2005,00",
            "2005-03-10",
            "10/03/2005",
            "3/2005",
            "2005-03",
            "marzo 2005",
            "Mar-2005",
            "10 de março de 2005",
            "2005-03-10T00:00:00",
        ] {
            let (y, n) = parse_year(s).unwrap_or_else(|e| panic!("{s}: {e}"));
            assert_eq!(y, 2005, "{s}");
            assert!(n.is_some(), "{s}");
        }
        assert!(parse_year("2005-2010")
            .unwrap_err()
            .to_string()
            .contains("range"));
        assert!(parse_year("2005/2010")
            .unwrap_err()
            .to_string()
            .contains("range"));
        assert!(parse_year("c. 2005")
            .unwrap_err()
            .to_string()
            .contains("approximate"));
        assert!(parse_year("2000s")
            .unwrap_err()
            .to_string()
            .contains("approximate"));
        assert!(parse_year("2005?")
            .unwrap_err()
            .to_string()
            .contains("approximate"));
        assert!(parse_year("38412")
            .unwrap_err()
            .to_string()
            .contains("date number"));
        assert!(parse_year("05")
            .unwrap_err()
            .to_string()
            .contains("four-digit"));
        assert!(parse_year("soon").is_err());
    }

    #[test]
    fn currencies() {
        assert_eq!(parse_currency("USD"), Ok(("USD".into(), None)));
        assert_eq!(parse_currency("brl").map(|c| c.0), Ok("BRL".into()));
        assert_eq!(parse_currency("US$").map(|c| c.0), Ok("USD".into()));
        assert_eq!(parse_currency("dólares").map(|c| c.0), Ok("USD".into()));
        assert!(parse_currency("pesos")
            .unwrap_err()
            .to_string()
            .contains("several countries"));
        assert!(parse_currency("dollars of 2010").is_err());
    }

    #[test]
    fn vocabularies_by_key_and_label() {
        assert_eq!(
            parse_vocab::<Focus>("policing"),
            Ok((Focus::Policing, None))
        );
        assert_eq!(
            parse_vocab::<Focus>("Organized_Crime").map(|v| v.0),
            Ok(Focus::OrganizedCrime)
        );
        assert_eq!(
            parse_vocab::<Focus>("Policía").map(|v| v.0),
            Ok(Focus::Policing)
        );
        assert_eq!(
            parse_vocab::<Focus>("policiamento").map(|v| v.0),
            Ok(Focus::Policing)
        );
        assert!(parse_vocab::<Focus>("Policía").unwrap().1.is_some());
        assert_eq!(
            parse_vocab::<Effect>("No efectiva").map(|v| v.0),
            Ok(Effect::NoEffect)
        );
        assert_eq!(
            parse_vocab::<Effect>("no effect").map(|v| v.0),
            Ok(Effect::NoEffect)
        );
        assert_eq!(
            parse_vocab::<Evaluation>("Cuasiexperimental").map(|v| v.0),
            Ok(Evaluation::QuasiExperimental)
        );
        assert_eq!(
            parse_vocab::<Evaluation>("quasi experimental").map(|v| v.0),
            Ok(Evaluation::QuasiExperimental)
        );
        assert_eq!(
            parse_vocab::<Level>("Nacional").map(|v| v.0),
            Ok(Level::National)
        );
        assert_eq!(
            parse_vocab::<Outcome>("Homicidios").map(|v| v.0),
            Ok(Outcome::Homicide)
        );
        let e = parse_vocab::<Focus>("Prevención").unwrap_err();
        assert!(
            e.to_string().contains("ambiguous") && e.to_string().contains("youth or community"),
            "{e}"
        );
        let e = parse_vocab::<Focus>("policeing").unwrap_err();
        assert!(
            e.to_string().contains("not a known value of Focus")
                && e.to_string().contains("organized-crime"),
            "{e}"
        );
        // Every label table entry names a real key, and no label is both plain and ambiguous.
        fn check<T: Vocab>() {
            for (label, key) in T::LABELS {
                assert!(T::all().iter().any(|v| v.key() == *key), "{label} -> {key}");
                assert!(
                    !T::AMBIGUOUS.iter().any(|(a, _)| norm(a) == norm(label)),
                    "{label} is also ambiguous"
                );
            }
            for (label, keys) in T::AMBIGUOUS {
                assert!(
                    keys.iter().all(|k| T::all().iter().any(|v| v.key() == *k)),
                    "{label}"
                );
            }
            for (label, key) in T::LABELS {
                let same: Vec<_> = T::LABELS
                    .iter()
                    .filter(|(l, _)| norm(l) == norm(label))
                    .map(|(_, k)| *k)
                    .collect();
                assert!(same.iter().all(|k| k == key), "{label} maps to {same:?}");
            }
            assert!(!T::LABELS.is_empty(), "{}", T::FIELD);
        }
        check::<Level>();
        check::<Focus>();
        check::<ActorType>();
        check::<Evaluation>();
        check::<Effect>();
        check::<Outcome>();
    }

    #[test]
    fn english_interface_labels_are_understood() {
        use crate::i18n::{
            actor_type_label, effect_label, evaluation_label, focus_label, level_label,
            outcome_label, Lang,
        };
        for v in Focus::ALL {
            assert_eq!(
                parse_vocab::<Focus>(focus_label(Lang::En, *v)).map(|r| r.0),
                Ok(*v)
            );
        }
        for v in Level::ALL {
            assert_eq!(
                parse_vocab::<Level>(level_label(Lang::En, *v)).map(|r| r.0),
                Ok(*v)
            );
        }
        for v in ActorType::ALL {
            assert_eq!(
                parse_vocab::<ActorType>(actor_type_label(Lang::En, *v)).map(|r| r.0),
                Ok(*v)
            );
        }
        for v in Evaluation::ALL {
            assert_eq!(
                parse_vocab::<Evaluation>(evaluation_label(Lang::En, *v)).map(|r| r.0),
                Ok(*v)
            );
        }
        for v in Effect::ALL {
            assert_eq!(
                parse_vocab::<Effect>(effect_label(Lang::En, *v)).map(|r| r.0),
                Ok(*v)
            );
        }
        for v in Outcome::ALL {
            assert_eq!(
                parse_vocab::<Outcome>(outcome_label(Lang::En, *v)).map(|r| r.0),
                Ok(*v)
            );
        }
    }

    #[test]
    fn lists_sources_and_actors() {
        assert_eq!(
            split_values("urban; community").collect::<Vec<_>>(),
            ["urban", "community"]
        );
        assert_eq!(
            split_values("Policía, Justicia\nJuventud").collect::<Vec<_>>(),
            ["Policía", "Justicia", "Juventud"]
        );
        assert_eq!(
            split_sources("https://a.org/x; https://b.org/noticias/geral,y,1 https://c.org, https://d.org\nhttps://e.org"),
            ["https://a.org/x", "https://b.org/noticias/geral,y,1", "https://c.org", "https://d.org", "https://e.org"]
        );
        // A semicolon inside a link (an escaped entity) stays; one between links splits.
        assert_eq!(
            split_sources("https://a.org/Gov%26%238217;t_x;https://b.org/y;www.c.org;"),
            [
                "https://a.org/Gov%26%238217;t_x",
                "https://b.org/y",
                "www.c.org"
            ]
        );
        assert_eq!(
            split_actors("BID (multilateral); Ministry of Human Development, Social Transformation (national-government)"),
            ["BID (multilateral)", "Ministry of Human Development, Social Transformation (national-government)"]
        );
        assert_eq!(
            split_actors("Policía Nacional (Área de Prevención; Policía de Infancia) (national-government); BID"),
            ["Policía Nacional (Área de Prevención; Policía de Infancia) (national-government)", "BID"]
        );
        assert_eq!(
            split_actors("BID (multilateral), USAID (bilateral), Alcaldía"),
            ["BID (multilateral)", "USAID (bilateral)", "Alcaldía"]
        );
        assert_eq!(
            split_actors("Norway, Sweden and the EU (international cooperation)"),
            ["Norway, Sweden and the EU (international cooperation)"]
        );
        assert_eq!(
            parse_actor("World Bank (IBRD) (multilateral)"),
            Ok((
                "World Bank (IBRD)".into(),
                Some(ActorType::Multilateral),
                None
            ))
        );
        assert_eq!(
            parse_actor("FICOSEC (Fideicomiso)"),
            Ok(("FICOSEC (Fideicomiso)".into(), None, None))
        );
        let (n, k, note) = parse_actor("BID (Organismo multilateral)").unwrap();
        assert_eq!((n.as_str(), k), ("BID", Some(ActorType::Multilateral)));
        assert!(note.is_some());
        assert!(parse_actor("(multilateral)").is_err());
    }

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
