//! Numbers as each language writes them: counts ("1,284" / "1.284") and amounts ("US$1.2M").

use super::Lang;

/// An integer with the language's thousands separator: "1,284".
pub fn format_count(lang: Lang, n: usize) -> String {
    let sep = match lang {
        Lang::En => ',',
        Lang::Es | Lang::Pt => '.',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A US dollar amount in short form for axes and tooltips: "US$21M", "US$350k", "US$1.2B";
/// in Spanish "US$21 M", "US$350 mil", "US$1,2 mil M"; in Portuguese "US$ 21 mi", "US$ 350 mil",
/// "US$ 1,2 bi".
pub fn format_usd_short(lang: Lang, amount: f64) -> String {
    let (value, suffix) = if amount >= 1e9 {
        (amount / 1e9, "B")
    } else if amount >= 1e6 {
        (amount / 1e6, "M")
    } else if amount >= 1e3 {
        (amount / 1e3, "k")
    } else {
        (amount, "")
    };
    let num = if value >= 10.0 || value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    };
    match lang {
        Lang::En => format!("US${num}{suffix}"),
        Lang::Es => {
            let suffix = match suffix {
                "B" => " mil M",
                "M" => " M",
                "k" => " mil",
                _ => "",
            };
            format!("US${}{suffix}", num.replace('.', ","))
        }
        Lang::Pt => {
            let suffix = match suffix {
                "B" => " bi",
                "M" => " mi",
                "k" => " mil",
                _ => "",
            };
            format!("US$ {}{suffix}", num.replace('.', ","))
        }
    }
}

/// A full amount with its currency: "USD 21,000,000".
pub fn format_amount(lang: Lang, amount: f64, currency: &str) -> String {
    let whole = format_count(lang, amount.round() as usize);
    format!("{currency} {whole}")
}

/// A budget converted to US dollars (`rates`), for the record panel: the dollar figure marked as
/// converted, then from which currency, at which year's average rate, and whose rates (`source`).
pub fn converted_usd(lang: Lang, usd: f64, currency: &str, year: i32, source: &str) -> String {
    let amount = format_amount(lang, usd, "USD");
    match lang {
        Lang::En => format!("≈ {amount} (from {currency} at the {year} average rate, {source} reference rates)"),
        Lang::Es => format!("≈ {amount} (desde {currency} al tipo de cambio medio de {year}, tipos de referencia del {source})"),
        Lang::Pt => format!("≈ {amount} (de {currency} à taxa de câmbio média de {year}, taxas de referência do {source})"),
    }
}

/// A converted budget in a table cell: the short dollar figure marked as converted.
pub fn converted_usd_short(lang: Lang, usd: f64) -> String {
    format!("≈ {}", format_usd_short(lang, usd))
}
