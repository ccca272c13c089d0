//! Matching a file's column headers to the schema's fields, in English, Spanish and Portuguese.
//!
//! Headers are compared after folding (no accents, no case), with punctuation as spaces and
//! plural marks like "(s)" removed: "País", "PAIS" and "country" all give `country`;
//! "Presupuesto (USD)" gives `budget_usd` and "Orçamento (R$)" gives `budget_amount` with the
//! currency BRL stated by the header. A header that matches no name exactly may still start with
//! one ("Año de inicio del programa"); such guesses are marked so the interface can flag them.

use super::values::norm;

mod names;
use names::NAMES;

/// A field of the interventions schema that a column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Id,
    Name,
    Description,
    Country,
    AdminArea,
    City,
    Level,
    Focus,
    StartYear,
    EndYear,
    Implementers,
    Funders,
    BudgetAmount,
    BudgetCurrency,
    BudgetYear,
    BudgetUsd,
    BudgetKind,
    Evaluation,
    Effect,
    Outcomes,
    Sources,
}

impl Field {
    /// Every field, in the schema's order.
    pub const ALL: [Field; 21] = [
        Field::Id,
        Field::Name,
        Field::Description,
        Field::Country,
        Field::AdminArea,
        Field::City,
        Field::Level,
        Field::Focus,
        Field::StartYear,
        Field::EndYear,
        Field::Implementers,
        Field::Funders,
        Field::BudgetAmount,
        Field::BudgetCurrency,
        Field::BudgetYear,
        Field::BudgetUsd,
        Field::BudgetKind,
        Field::Evaluation,
        Field::Effect,
        Field::Outcomes,
        Field::Sources,
    ];

    /// The schema's field name (`budget_usd`), as in `data/SCHEMA.md` and the CSV export.
    pub fn key(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Name => "name",
            Field::Description => "description",
            Field::Country => "country",
            Field::AdminArea => "admin_area",
            Field::City => "city",
            Field::Level => "level",
            Field::Focus => "focus",
            Field::StartYear => "start_year",
            Field::EndYear => "end_year",
            Field::Implementers => "implementers",
            Field::Funders => "funders",
            Field::BudgetAmount => "budget_amount",
            Field::BudgetCurrency => "budget_currency",
            Field::BudgetYear => "budget_year",
            Field::BudgetUsd => "budget_usd",
            Field::BudgetKind => "budget_kind",
            Field::Evaluation => "evaluation",
            Field::Effect => "effect",
            Field::Outcomes => "outcomes",
            Field::Sources => "sources",
        }
    }

    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL.iter().copied().find(|f| f.key() == key)
    }

    /// Fields every record must have (the `id` is generated when missing).
    pub fn required(self) -> bool {
        matches!(self, Field::Name | Field::Country)
    }

    /// Fields that hold a list: several columns may feed them ("Fuente 1", "Fuente 2").
    pub fn is_list(self) -> bool {
        matches!(
            self,
            Field::Focus | Field::Implementers | Field::Funders | Field::Outcomes | Field::Sources
        )
    }
}

/// How sure the automatic matching is about a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchKind {
    /// The header is a known name of the field.
    Exact,
    /// The header starts with a known name ("Año de inicio del programa"): please check.
    Guess,
    /// Nothing matched (or the field was already taken by an earlier column).
    None,
    /// A Mirador export's own `dataset` column (which release or file the rows came from): read,
    /// not stored in the records.
    Release,
    /// A column a Mirador export works out from the data (a budget converted to US dollars and
    /// its rate, `export::CONVERTED_COLUMNS`): read, not stored; the app works it out again.
    Derived,
}

impl MatchKind {
    /// The stable name `i18n::match_label` translates.
    pub fn key(self) -> &'static str {
        match self {
            MatchKind::Exact => "exact",
            MatchKind::Guess => "guess",
            MatchKind::None => "none",
            MatchKind::Release => "release",
            MatchKind::Derived => "derived",
        }
    }
}

/// A normalised header: the base words, and what parentheses or a suffix said ("usd", "r$").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderKey {
    pub base: String,
    pub qualifier: String,
}

/// Normalises a header: folds it, removes plural marks ("Fuente(s)") and separates what is in
/// parentheses or brackets.
pub fn header_key(header: &str) -> HeaderKey {
    let h = header.trim().trim_start_matches('\u{feff}');
    let mut base = String::new();
    let mut qualifier = String::new();
    let mut depth = 0;
    let mut inner = String::new();
    for c in h.chars() {
        match c {
            '(' | '[' => {
                depth += 1;
                inner.clear();
            }
            ')' | ']' if depth > 0 => {
                depth -= 1;
                let i = inner.trim().to_lowercase();
                // Plural marks: Fuente(s), Programa(s), Ejecutor(es), Fonte(s).
                if !matches!(i.as_str(), "s" | "es" | "as" | "os" | "a" | "o") {
                    qualifier.push(' ');
                    qualifier.push_str(&inner);
                }
                inner.clear();
            }
            _ if depth > 0 => inner.push(c),
            _ => base.push(c),
        }
    }
    if depth > 0 {
        base.push_str(&inner);
    }
    HeaderKey {
        base: norm(&base)
            .replace('$', " $")
            .replace("us $", "us$")
            .replace("r $", "r$"),
        qualifier: norm(&qualifier),
    }
}

/// Every known name, normalised once: `(normalised name, field)`, the schema keys included.
fn normalised_names() -> &'static [(String, Field)] {
    static NORMALISED: std::sync::OnceLock<Vec<(String, Field)>> = std::sync::OnceLock::new();
    NORMALISED.get_or_init(|| {
        let mut v = Vec::new();
        for f in Field::ALL {
            v.push((norm(f.key()), f));
            for (field, names) in NAMES.iter().filter(|(field, _)| *field == f) {
                v.extend(names.iter().map(|n| (norm(n), *field)));
            }
        }
        v
    })
}

/// A currency a header states: "(USD)", "en dólares", "R$".
fn header_currency(words: &str) -> Option<&'static str> {
    for w in words.split(' ') {
        let up = w.to_ascii_uppercase();
        let code = match up.as_str() {
            "USD" | "US$" | "U$S" | "DOLARES" | "DOLLARS" | "DOLAR" | "DOLLAR" => "USD",
            "R$" | "REAIS" | "REALES" => "BRL",
            "EUR" | "EUROS" | "€" => "EUR",
            c => match known_code(c) {
                Some(k) => k,
                None => continue,
            },
        };
        return Some(code);
    }
    None
}

/// ISO 4217 codes a header may name, as static strings.
fn known_code(c: &str) -> Option<&'static str> {
    const CODES: &[&str] = &[
        "ARS", "BBD", "BOB", "BRL", "BSD", "BZD", "CAD", "CLP", "COP", "CRC", "DOP", "EUR", "GBP",
        "GTQ", "GYD", "HNL", "HTG", "JMD", "MXN", "NIO", "PAB", "PEN", "PYG", "SRD", "TTD", "USD",
        "UYU", "VES", "XCD",
    ];
    CODES.iter().find(|k| **k == c).copied()
}

/// What the automatic matching proposes for one header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    pub field: Option<Field>,
    pub kind: MatchKind,
    /// A currency the header states ("Presupuesto (BRL)"), used where the currency cell is empty.
    pub currency: Option<&'static str>,
}

/// Proposes a field for one header, without looking at the other columns.
pub fn match_header(header: &str) -> Proposal {
    let key = header_key(header);
    let full = if key.qualifier.is_empty() {
        key.base.clone()
    } else {
        format!("{} {}", key.base, key.qualifier)
    };
    let currency = header_currency(&full);
    let none = Proposal {
        field: None,
        kind: MatchKind::None,
        currency: None,
    };
    if key.base.is_empty() && key.qualifier.is_empty() {
        return none;
    }
    if full == crate::export::DATASET_COLUMN {
        return Proposal {
            field: None,
            kind: MatchKind::Release,
            currency: None,
        };
    }
    if crate::export::CONVERTED_COLUMNS
        .iter()
        .any(|c| header_key(c) == key)
    {
        return Proposal {
            field: None,
            kind: MatchKind::Derived,
            currency: None,
        };
    }
    let exact = |text: &str| -> Option<Field> {
        let text = text.trim();
        normalised_names()
            .iter()
            .find(|(n, _)| n == text)
            .map(|(_, f)| *f)
    };
    // A budget stated in dollars is budget_usd; in another currency, budget_amount.
    let budget = |field: Field, kind: MatchKind| -> Proposal {
        match (field, currency) {
            (Field::BudgetAmount | Field::BudgetUsd, Some("USD")) => Proposal {
                field: Some(Field::BudgetUsd),
                kind,
                currency: None,
            },
            (Field::BudgetAmount | Field::BudgetUsd, Some(c)) => Proposal {
                field: Some(Field::BudgetAmount),
                kind,
                currency: Some(c),
            },
            (f, _) => Proposal {
                field: Some(f),
                kind,
                currency: None,
            },
        }
    };
    if let Some(f) = exact(&full).or_else(|| exact(&key.base)) {
        return budget(f, MatchKind::Exact);
    }
    // "Fuente 2", "Source 1": numbered columns of a list field.
    let unnumbered = key
        .base
        .trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
    if unnumbered.len() < key.base.len() {
        if let Some(f) = exact(unnumbered).filter(|f| f.is_list()) {
            return Proposal {
                field: Some(f),
                kind: MatchKind::Exact,
                currency: None,
            };
        }
    }
    // The longest known name the header starts with.
    let mut best: Option<(usize, Field)> = None;
    for (n, f) in normalised_names() {
        if n.len() >= 3
            && key.base.starts_with(n.as_str())
            && key.base.as_bytes().get(n.len()) == Some(&b' ')
            && best.is_none_or(|(l, _)| n.len() > l)
        {
            best = Some((n.len(), *f));
        }
    }
    match best {
        Some((_, f)) => budget(f, MatchKind::Guess),
        None => none,
    }
}

/// Proposes a field for every header. A single-valued field goes to the first column that
/// matches it (exact matches before guesses); list fields may take several columns.
pub fn auto_map(headers: &[String]) -> Vec<Proposal> {
    let mut proposals: Vec<Proposal> = headers.iter().map(|h| match_header(h)).collect();
    let mut taken: Vec<Field> = Vec::new();
    for pass in [MatchKind::Exact, MatchKind::Guess] {
        for p in proposals.iter_mut().filter(|p| p.kind == pass) {
            if let Some(f) = p.field {
                if taken.contains(&f) && !f.is_list() {
                    *p = Proposal {
                        field: None,
                        kind: MatchKind::None,
                        currency: None,
                    };
                } else {
                    taken.push(f);
                }
            }
        }
    }
    proposals
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(h: &str) -> Option<&'static str> {
        match_header(h).field.map(Field::key)
    }

    #[test]
    fn headers_in_three_languages() {
        for (h, f) in [
            ("País", "country"),
            ("país", "country"),
            ("COUNTRY", "country"),
            ("Pais", "country"),
            ("Nombre", "name"),
            ("Programa", "name"),
            ("Nome do programa", "name"),
            ("Presupuesto (USD)", "budget_usd"),
            ("Presupuesto", "budget_amount"),
            ("orçamento", "budget_amount"),
            ("Orçamento (US$)", "budget_usd"),
            ("Año de inicio", "start_year"),
            ("Ano de início", "start_year"),
            ("Fuente(s)", "sources"),
            ("Fontes", "sources"),
            ("Enfoque", "focus"),
            ("Nivel", "level"),
            ("Nível", "level"),
            ("Evaluación", "evaluation"),
            ("Avaliação", "evaluation"),
            ("Efecto", "effect"),
            ("Efeito", "effect"),
            ("budget_usd", "budget_usd"),
            ("admin_area", "admin_area"),
            ("Start year", "start_year"),
            ("Moneda", "budget_currency"),
            ("Ejecutor(es)", "implementers"),
            ("Financiadores", "funders"),
            ("Fuente de financiamiento", "funders"),
            ("Fuente 2", "sources"),
            ("Source 1", "sources"),
            ("Resultados medidos", "outcomes"),
            ("Año de fin", "end_year"),
            ("Ciudad", "city"),
            ("Municipio", "city"),
            ("Departamento", "admin_area"),
            ("UF", "admin_area"),
            ("Descripción", "description"),
            ("ID", "id"),
            ("Monto en dólares", "budget_usd"),
            ("Budget (US$)", "budget_usd"),
            ("  Presupuesto total (USD) ", "budget_usd"),
            ("\u{feff}id", "id"),
        ] {
            assert_eq!(field(h), Some(f), "{h}");
        }
        assert_eq!(field("Notas internas"), None);
        assert_eq!(field(""), None);
    }

    #[test]
    fn guesses_and_currencies() {
        let p = match_header("Año de inicio del programa");
        assert_eq!(
            (p.field, p.kind),
            (Some(Field::StartYear), MatchKind::Guess)
        );
        let p = match_header("Orçamento (R$)");
        assert_eq!(
            (p.field, p.currency),
            (Some(Field::BudgetAmount), Some("BRL"))
        );
        let p = match_header("Presupuesto (MXN)");
        assert_eq!(
            (p.field, p.currency),
            (Some(Field::BudgetAmount), Some("MXN"))
        );
        assert_eq!(match_header("Presupuesto (USD)").currency, None);
    }

    #[test]
    fn each_single_field_once() {
        let headers: Vec<String> = [
            "Nombre",
            "Programa",
            "País",
            "Fuente 1",
            "Fuente 2",
            "Año de inicio del proyecto",
            "Inicio",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let p = auto_map(&headers);
        let fields: Vec<Option<Field>> = p.iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            [
                Some(Field::Name),
                None,
                Some(Field::Country),
                Some(Field::Sources),
                Some(Field::Sources),
                None,
                Some(Field::StartYear)
            ]
        );
    }

    #[test]
    fn no_name_belongs_to_two_fields() {
        let mut seen = std::collections::HashMap::new();
        for (f, names) in NAMES {
            for n in names.iter().copied().chain(std::iter::once(f.key())) {
                if let Some(other) = seen.insert(norm(n), *f) {
                    assert_eq!(other, *f, "\"{n}\" names both {other:?} and {f:?}");
                }
            }
        }
    }

    #[test]
    fn converted_columns_are_read_and_not_stored() {
        for h in crate::export::CONVERTED_COLUMNS {
            let p = match_header(h);
            assert_eq!((p.field, p.kind), (None, MatchKind::Derived), "{h}");
        }
    }

    #[test]
    fn export_headers_map_to_themselves() {
        for h in crate::export::INTERVENTION_COLUMNS {
            let p = match_header(h);
            assert_eq!(
                (p.field.map(Field::key), p.kind),
                (Some(h), MatchKind::Exact),
                "{h}"
            );
        }
    }
}
