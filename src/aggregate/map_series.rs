//! The map's data: a value per country and how values are written. Plain data, built by
//! `views::map` and `views::events_map`; `chart::map` draws it (and computes its colour classes).

/// How values (and so the legend's class breaks) are written.
#[derive(Debug, Clone, Copy, Default)]
pub enum ValueFormat {
    /// Whole numbers with thousands separators: "1,284".
    #[default]
    Count,
    /// Short US dollars: "US$1.2M".
    Usd,
    /// A share given as a fraction 0–1, written as a percentage: "45%".
    Percent,
    /// Anything else, e.g. a translated format from `i18n`.
    Custom(fn(f64) -> String),
}

impl ValueFormat {
    pub fn format(self, v: f64) -> String {
        match self {
            ValueFormat::Count => format_count(v),
            ValueFormat::Usd => format_usd(v),
            ValueFormat::Percent => format!("{:.0}%", v * 100.0),
            ValueFormat::Custom(f) => f(v),
        }
    }
}

fn format_count(v: f64) -> String {
    if v.fract() != 0.0 || v.abs() >= 1e15 {
        return format!("{v:.1}");
    }
    let digits = format!("{:.0}", v.abs());
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if v < 0.0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn format_usd(amount: f64) -> String {
    let a = amount.abs();
    let (value, suffix) = if a >= 1e9 {
        (a / 1e9, "B")
    } else if a >= 1e6 {
        (a / 1e6, "M")
    } else if a >= 1e3 {
        (a / 1e3, "k")
    } else {
        (a, "")
    };
    let num = if value >= 10.0 || value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    };
    let sign = if amount < 0.0 { "-" } else { "" };
    format!("{sign}US${num}{suffix}")
}

/// Everything the map draws.
#[derive(Debug, Clone, Default)]
pub struct MapSeries {
    pub title: String,
    /// A value for each country by ISO alpha-3 code; `None` (or a code left out, or a value that is
    /// not finite) is "no data", drawn hatched grey. Zero is data.
    pub values: Vec<(String, Option<f64>)>,
    /// Countries in the current filter, outlined.
    pub selected: Vec<String>,
    /// Heads the legend, e.g. "Interventions".
    pub legend_title: String,
    pub format: ValueFormat,
    /// The legend's label for countries without data; "No data" when empty.
    pub no_data_label: String,
    /// A line about what the map leaves out, drawn under it.
    pub note: Option<String>,
}

impl MapSeries {
    /// The value of a country: `None` when it has no data.
    pub fn value(&self, code: &str) -> Option<f64> {
        self.values
            .iter()
            .find(|(c, _)| c == code)
            .and_then(|(_, v)| *v)
            .filter(|v| v.is_finite())
    }
}
