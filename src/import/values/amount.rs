//! Amounts and currencies: separators, a decimal comma, currency marks and codes; amounts in
//! words or approximate amounts are refused with what to write instead (the module above says how).

use super::{note, show_number, Decimal, ImportText, Note, NumberFault};
use crate::text::fold;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
