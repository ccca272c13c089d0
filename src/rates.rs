//! Budgets stated in other currencies, in US dollars: the amount divided by the year's average
//! rate from `data/exchange-rates.csv` (the ECB's euro reference rates, crossed with the dollar
//! and averaged by year; how, and under which terms, in `data/exchange-rates.md`).
//!
//! A budget is converted only when its record states the currency and the year the amount refers
//! to, and the table has that year. No year is guessed, and no nearer year stands in.

use std::sync::OnceLock;

/// The bundled table (`currency,year,per_usd,days`).
const TABLE: &str = include_str!("../data/exchange-rates.csv");

/// Who publishes the rates, as shown beside a converted amount.
pub const SOURCE: &str = "ECB";

/// A budget converted to US dollars.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Conversion {
    pub usd: f64,
    /// Units of the budget's currency per US dollar, the year's average.
    pub per_usd: f64,
    pub year: i32,
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq)]
pub struct Rate {
    pub currency: String,
    pub year: i32,
    pub per_usd: f64,
}

/// Reads a table in the bundled file's shape. A row that does not read is an error naming its
/// line, so a broken table is found by the tests, never skipped in silence.
pub fn parse_table(text: &str) -> Result<Vec<Rate>, String> {
    let mut lines = text.lines().enumerate();
    match lines.next() {
        Some((_, h)) if h.trim() == "currency,year,per_usd,days" => {}
        _ => return Err("line 1: expected the header currency,year,per_usd,days".into()),
    }
    let mut out = Vec::new();
    for (i, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split(',').collect();
        let row = match f.as_slice() {
            [c, y, r, _days] => (|| {
                let per_usd: f64 = r.parse().ok()?;
                (c.len() == 3 && per_usd.is_finite() && per_usd > 0.0).then_some(Rate {
                    currency: (*c).to_owned(),
                    year: y.parse().ok()?,
                    per_usd,
                })
            })(),
            _ => None,
        };
        out.push(row.ok_or_else(|| format!("line {}: not a rate: {line}", i + 1))?);
    }
    Ok(out)
}

fn table() -> &'static [Rate] {
    static RATES: OnceLock<Vec<Rate>> = OnceLock::new();
    RATES.get_or_init(|| {
        let mut rows = parse_table(TABLE).unwrap_or_default();
        rows.sort_by(|a, b| (&a.currency, a.year).cmp(&(&b.currency, b.year)));
        rows
    })
}

/// The year's average rate of `currency` (units per US dollar), when the table has it.
pub fn per_usd(currency: &str, year: i32) -> Option<f64> {
    let code = currency.to_ascii_uppercase();
    let rows = table();
    rows.binary_search_by(|r| (r.currency.as_str(), r.year).cmp(&(code.as_str(), year)))
        .ok()
        .map(|i| rows[i].per_usd)
}

/// `amount` of `currency` stated for `year`, in US dollars; `None` for dollars (nothing to
/// convert) and where the table has no rate.
pub fn to_usd(amount: f64, currency: &str, year: i32) -> Option<Conversion> {
    if currency.eq_ignore_ascii_case("USD") || !amount.is_finite() {
        return None;
    }
    let per_usd = per_usd(currency, year)?;
    Some(Conversion {
        usd: amount / per_usd,
        per_usd,
        year,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_table_reads_whole() {
        let rows = parse_table(TABLE).expect("the bundled table reads");
        assert_eq!(rows.len(), TABLE.lines().count() - 1);
        assert_eq!(table().len(), rows.len());
        // Each currency and year once.
        let mut keys: Vec<_> = rows.iter().map(|r| (&r.currency, r.year)).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), rows.len());
    }

    #[test]
    fn converts_at_the_years_average_rate() {
        let rate = per_usd("BRL", 2013).unwrap();
        let c = to_usd(2_000_000.0, "BRL", 2013).unwrap();
        assert_eq!(c.year, 2013);
        assert!((c.usd - 2_000_000.0 / rate).abs() < 1e-6);
        // The euro was worth more than a dollar through 2013.
        assert!(to_usd(100.0, "EUR", 2013).unwrap().usd > 100.0);
        assert_eq!(to_usd(100.0, "eur", 2013), to_usd(100.0, "EUR", 2013));
    }

    #[test]
    fn never_guesses_a_missing_rate() {
        // Dollars are not converted; a currency or a year the table lacks gives nothing.
        assert_eq!(to_usd(100.0, "USD", 2013), None);
        assert_eq!(to_usd(100.0, "COP", 2013), None);
        assert_eq!(
            to_usd(100.0, "BRL", 2003),
            None,
            "the ECB has no BRL before 2008"
        );
        assert_eq!(to_usd(100.0, "EUR", 1990), None);
        assert_eq!(to_usd(f64::NAN, "EUR", 2013), None);
    }

    #[test]
    fn a_broken_table_names_its_line() {
        assert!(parse_table("a,b\n").unwrap_err().starts_with("line 1"));
        let e = parse_table("currency,year,per_usd,days\nEUR,2013,0.75,255\nBRL,x,2.1,255\n")
            .unwrap_err();
        assert!(e.starts_with("line 3"), "{e}");
        assert!(parse_table("currency,year,per_usd,days\nEUR,2013,-1,255\n").is_err());
        assert!(parse_table("currency,year,per_usd,days\nEUR,2013,0.75\n").is_err());
    }
}
