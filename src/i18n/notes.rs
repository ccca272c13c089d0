//! Notes a view shows about what it cannot draw or whose data it shows: undated records and
//! events, approximate dates, records without outcomes, not rated, and the banners for a person's
//! own or synthetic data and kept files.

use super::*;

/// The banner over synthetic data.
pub fn synthetic_banner(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("Synthetic data: {} generated interventions for testing speed at scale. They are not real programmes.", format_count(lang, n)),
        Lang::Es => format!(
            "Datos sintéticos: {} {} para probar la velocidad a gran escala. No son programas reales.",
            format_count(lang, n),
            plural(n, "intervención generada", "intervenciones generadas")
        ),
        Lang::Pt => format!(
            "Dados sintéticos: {} {} para testar a velocidade em grande escala. Não são programas reais.",
            format_count(lang, n),
            plural(n, "intervenção gerada", "intervenções geradas")
        ),
    }
}

/// The banner over data a person loaded.
/// After the own-data banner: the file stays after a reload.
pub fn kept_note(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "It is kept in this browser until you go back to the bundled data.",
        Lang::Es => "Se guarda en este navegador hasta que vuelva a los datos incluidos.",
        Lang::Pt => "Fica guardado neste navegador até você voltar aos dados incluídos.",
    }
}

/// When a loaded file is too large for the browser to keep.
pub fn not_kept_note(lang: Lang, name: &str) -> String {
    match lang {
        Lang::En => format!("{name} is too large for this browser to keep: after a reload the bundled data shows again."),
        Lang::Es => format!("{name} es demasiado grande para guardarlo en este navegador: al recargar la página volverán los datos incluidos."),
        Lang::Pt => format!("{name} é grande demais para ser guardado neste navegador: ao recarregar a página voltam os dados incluídos."),
    }
}

pub fn own_data_banner(lang: Lang, source: &str, n: usize) -> String {
    match lang {
        Lang::En => format!(
            "Showing your data: {} ({} interventions), not the bundled dataset.",
            source,
            format_count(lang, n)
        ),
        Lang::Es => format!(
            "Se muestran sus datos: {} ({} {}), no el conjunto de datos incluido.",
            source,
            format_count(lang, n),
            plural(n, "intervención", "intervenciones")
        ),
        Lang::Pt => format!(
            "Exibindo seus dados: {} ({} {}), não o conjunto de dados incluído.",
            source,
            format_count(lang, n),
            plural(n, "intervenção", "intervenções")
        ),
    }
}

/// The note under the timeline.
pub fn timeline_note(lang: Lang, undated: usize, matching: usize, multi: bool) -> String {
    match lang {
        Lang::En => {
            let mut s = format!(
                "{} of {} interventions have no start year and are not drawn.",
                format_count(lang, undated),
                format_count(lang, matching)
            );
            if multi {
                s.push_str(" An intervention with several focus areas counts in each. Drag across years to filter.");
            } else {
                s.push_str(" Drag across years to filter.");
            }
            s
        }
        Lang::Es => {
            let mut s = format!(
                "{} de {} {} {} año de inicio y no se {}.",
                format_count(lang, undated),
                format_count(lang, matching),
                plural(matching, "intervención", "intervenciones"),
                plural(undated, "no tiene", "no tienen"),
                plural(undated, "representa", "representan")
            );
            if multi {
                s.push_str(" Una intervención con varias áreas temáticas cuenta en cada una. Arrastre sobre los años para filtrar.");
            } else {
                s.push_str(" Arrastre sobre los años para filtrar.");
            }
            s
        }
        Lang::Pt => {
            let mut s = format!(
                "{} de {} {} {} ano de início e não {}.",
                format_count(lang, undated),
                format_count(lang, matching),
                plural(matching, "intervenção", "intervenções"),
                plural(undated, "não tem", "não têm"),
                plural(undated, "é representada", "são representadas")
            );
            if multi {
                s.push_str(" Uma intervenção com várias áreas temáticas conta em cada uma. Arraste sobre os anos para filtrar.");
            } else {
                s.push_str(" Arraste sobre os anos para filtrar.");
            }
            s
        }
    }
}

/// The note under the gap map.
pub fn gap_note(lang: Lang, with_outcomes: usize, matching: usize) -> String {
    match lang {
        Lang::En => format!(
            "Outcomes are recorded for {} of {} matching interventions (from their evaluations). Empty cells are gaps in the evidence, or in this dataset.",
            format_count(lang, with_outcomes),
            format_count(lang, matching)
        ),
        Lang::Es => format!(
            "Hay resultados registrados para {} de {} {} que {} los filtros (a partir de sus evaluaciones). Las celdas vacías son brechas en la evidencia, o en este conjunto de datos.",
            format_count(lang, with_outcomes),
            format_count(lang, matching),
            plural(matching, "intervención", "intervenciones"),
            plural(matching, "cumple", "cumplen")
        ),
        Lang::Pt => format!(
            "Há resultados registrados para {} de {} {} que {} aos filtros (a partir de suas avaliações). Células vazias são lacunas nas evidências, ou neste conjunto de dados.",
            format_count(lang, with_outcomes),
            format_count(lang, matching),
            plural(matching, "intervenção", "intervenções"),
            plural(matching, "atende", "atendem")
        ),
    }
}

/// Says how an event known only to the month or the year is drawn.
pub fn approximate_dates_note(lang: Lang) -> String {
    match lang {
        Lang::En => "Hollow marks: only the month or year is known; the line spans it.",
        Lang::Es => "Marcas huecas: solo se conoce el mes o el año; la línea lo abarca.",
        Lang::Pt => "Marcas vazadas: só se conhece o mês ou o ano; a linha o abrange.",
    }
    .to_owned()
}

/// "3 events without a date are listed but not drawn."
pub fn undated_events_note(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!(
            "{n} event{} without a date {} listed below but not drawn.",
            if n == 1 { "" } else { "s" },
            if n == 1 { "is" } else { "are" }
        ),
        Lang::Es => format!(
            "{} {} sin fecha {} en la lista de abajo, pero no se {}.",
            format_count(lang, n),
            plural(n, "evento", "eventos"),
            plural(n, "figura", "figuran"),
            plural(n, "representa", "representan")
        ),
        Lang::Pt => format!(
            "{} {} sem data {} na lista abaixo, mas não {}.",
            format_count(lang, n),
            plural(n, "evento", "eventos"),
            plural(n, "aparece", "aparecem"),
            plural(n, "é representado", "são representados")
        ),
    }
}

/// The map's label for a country with no rated intervention.
pub fn not_rated(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Not rated",
        Lang::Es => "Sin calificación",
        Lang::Pt => "Sem classificação",
    }
}

/// The map's note when it shows the share rated effective.
pub fn not_rated_note(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Share of the interventions rated by an impact evaluation. A country with none rated is \"Not rated\", not 0%.",
        Lang::Es => "Proporción de las intervenciones calificadas por una evaluación de impacto. Un país sin ninguna calificada aparece \"Sin calificación\", no 0 %.",
        Lang::Pt => "Proporção das intervenções classificadas por uma avaliação de impacto. Um país sem nenhuma classificada aparece \"Sem classificação\", não 0%.",
    }
}
