//! The words of a chart for assistive technology and its "Show as table": the table's headers, the
//! keyboard help and each chart's accessible label.

use super::*;

/// Column headers of "Show as table", and the words around a chart's keyboard use.
pub struct TableWords {
    pub category: &'static str,
    pub year: &'static str,
    pub total: &'static str,
    pub country: &'static str,
    pub summary: &'static str,
    pub event: &'static str,
    pub without_impact: &'static str,
    /// The button that shows the chart's numbers as a table, and the one that hides it.
    pub show: &'static str,
    pub hide: &'static str,
    /// How to use a chart from the keyboard, read by screen readers when it takes focus.
    pub keys: &'static str,
}

pub fn table_words(lang: Lang) -> TableWords {
    match lang {
        Lang::En => TableWords {
            category: "Category", year: "Year", total: "Total", country: "Country", summary: "Summary",
            event: "Event", without_impact: "Without an impact evaluation",
            show: "Show as table", hide: "Hide table",
            keys: "Arrow keys move between the marks; Enter or Space filters by the one in focus; Escape leaves the chart.",
        },
        Lang::Es => TableWords {
            category: "Categoría", year: "Año", total: "Total", country: "País", summary: "Resumen",
            event: "Evento", without_impact: "Sin evaluación de impacto",
            show: "Ver como tabla", hide: "Ocultar tabla",
            keys: "Las flechas recorren los elementos; Intro o Espacio filtra por el elemento enfocado; Escape sale del gráfico.",
        },
        Lang::Pt => TableWords {
            category: "Categoria", year: "Ano", total: "Total", country: "País", summary: "Resumo",
            event: "Evento", without_impact: "Sem avaliação de impacto",
            show: "Ver como tabela", hide: "Ocultar tabela",
            keys: "As setas percorrem os elementos; Enter ou Espaço filtra pelo elemento em foco; Escape sai do gráfico.",
        },
    }
}

/// The accessible description of a bar chart: its title, then every value.
pub fn chart_aria_label(
    lang: Lang,
    title: &str,
    items: &[(String, usize)],
    note: Option<&str>,
) -> String {
    chart_aria_label_as(lang, text(lang, Msg::ChartDescription), title, items, note)
}

/// "Map", for accessible descriptions that must not call a map a bar chart.
pub fn map_word(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Map",
        Lang::Es | Lang::Pt => "Mapa",
    }
}

/// As `chart_aria_label`, naming the kind of chart (`kind`: "Bar chart", "Map", ...).
pub fn chart_aria_label_as(
    lang: Lang,
    kind: &str,
    title: &str,
    items: &[(String, usize)],
    note: Option<&str>,
) -> String {
    let values: Vec<String> = items
        .iter()
        .map(|(label, n)| format!("{label}: {}", format_count(lang, *n)))
        .collect();
    let mut s = format!("{}: {}. {}.", kind, title, values.join("; "));
    if let Some(note) = note {
        s.push(' ');
        s.push_str(note);
    }
    s
}
