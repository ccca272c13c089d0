//! Years: four digits, or the year of a date with a warning; ranges and approximations refused.

use super::{note, ImportText, Note};
use crate::text::fold;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
