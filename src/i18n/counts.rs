//! Sentences around counts: "132 of 1,284 interventions", how many records state a budget or an
//! effect, a comparison's caption, pages, an empty result and the filter to remove, the import's
//! summary and warnings.

use super::*;

/// `one` when `n` is 1, `many` otherwise.
pub(crate) fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// "132 of 1,284 interventions".
pub fn matching_line(lang: Lang, matching: usize, total: usize) -> String {
    match lang {
        Lang::En => format!(
            "{} of {} intervention{}",
            format_count(lang, matching),
            format_count(lang, total),
            if total == 1 { "" } else { "s" }
        ),
        Lang::Es => format!(
            "{} de {} {}",
            format_count(lang, matching),
            format_count(lang, total),
            plural(total, "intervención", "intervenciones")
        ),
        Lang::Pt => format!(
            "{} de {} {}",
            format_count(lang, matching),
            format_count(lang, total),
            plural(total, "intervenção", "intervenções")
        ),
    }
}

/// "Budget known for 38% of the matching interventions".
pub fn budget_coverage_line(lang: Lang, known: usize, matching: usize) -> String {
    let pct = if matching == 0 {
        0
    } else {
        (known * 100 + matching / 2) / matching
    };
    match lang {
        Lang::En => format!(
            "Budget known for {pct}% of the matching interventions ({} of {}); unknown budgets are not drawn.",
            format_count(lang, known),
            format_count(lang, matching)
        ),
        Lang::Es => format!(
            "Presupuesto conocido para el {pct}% de las intervenciones que cumplen los filtros ({} de {}); los presupuestos desconocidos no se representan.",
            format_count(lang, known),
            format_count(lang, matching)
        ),
        Lang::Pt => format!(
            "Orçamento conhecido para {pct}% das intervenções que atendem aos filtros ({} de {}); orçamentos desconhecidos não são representados.",
            format_count(lang, known),
            format_count(lang, matching)
        ),
    }
}

/// "Effectiveness rated for 11% of the matching interventions (26 of 241)".
pub fn effect_coverage_line(lang: Lang, rated: usize, matching: usize) -> String {
    let pct = if matching == 0 {
        0
    } else {
        (rated * 100 + matching / 2) / matching
    };
    match lang {
        Lang::En => format!(
            "Effectiveness rated for {pct}% of the matching interventions ({} of {}); the rest are not stated, not ineffective.",
            format_count(lang, rated),
            format_count(lang, matching)
        ),
        Lang::Es => format!(
            "Efectividad calificada para el {pct}% de las intervenciones que cumplen los filtros ({} de {}); en las demás no se indica, lo que no significa que sean inefectivas.",
            format_count(lang, rated),
            format_count(lang, matching)
        ),
        Lang::Pt => format!(
            "Efetividade classificada para {pct}% das intervenções que atendem aos filtros ({} de {}); nas demais ela não é informada, o que não significa que sejam ineficazes.",
            format_count(lang, rated),
            format_count(lang, matching)
        ),
    }
}

/// "35 interventions · US$1.2B known (9)".
pub fn compare_caption(
    lang: Lang,
    count: usize,
    budget_usd: f64,
    budget_known: usize,
    in_dataset: usize,
) -> String {
    // A country with no match stays in the comparison, and says why it is at zero.
    if count == 0 {
        let n = format_count(lang, in_dataset);
        return match (lang, in_dataset) {
            (Lang::En, 0) => "no intervention recorded".to_owned(),
            (Lang::Es, 0) => "ninguna intervención registrada".to_owned(),
            (Lang::Pt, 0) => "nenhuma intervenção registrada".to_owned(),
            (Lang::En, _) => format!("none match these filters ({n} in all)"),
            (Lang::Es, _) => format!("ninguna cumple estos filtros ({n} en total)"),
            (Lang::Pt, _) => format!("nenhuma atende a estes filtros ({n} no total)"),
        };
    }
    // Unknown is not zero: no known budget reads "budget unknown", not "US$0".
    let budget = if budget_known == 0 {
        match lang {
            Lang::En => "budget unknown".to_owned(),
            Lang::Es => "presupuesto desconocido".to_owned(),
            Lang::Pt => "orçamento desconhecido".to_owned(),
        }
    } else {
        let known = format_count(lang, budget_known);
        match lang {
            Lang::En => format!("{} known ({known})", format_usd_short(lang, budget_usd)),
            Lang::Es => format!("{} conocidos ({known})", format_usd_short(lang, budget_usd)),
            Lang::Pt => format!(
                "{} conhecidos ({known})",
                format_usd_short(lang, budget_usd)
            ),
        }
    };
    match lang {
        Lang::En => format!("{} interventions · {budget}", format_count(lang, count)),
        Lang::Es => format!(
            "{} {} · {budget}",
            format_count(lang, count),
            plural(count, "intervención", "intervenciones")
        ),
        Lang::Pt => format!(
            "{} {} · {budget}",
            format_count(lang, count),
            plural(count, "intervenção", "intervenções")
        ),
    }
}

/// "line", in a report's list.
pub fn line_word(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "line",
        Lang::Es => "línea",
        Lang::Pt => "linha",
    }
}

/// Over the grouped list of an import's warnings.
pub fn warnings_heading(lang: Lang, n: usize) -> String {
    let count = format_count(lang, n);
    match lang {
        Lang::En => format!(
            "{count} {}, by kind",
            if n == 1 { "warning" } else { "warnings" }
        ),
        Lang::Es => format!(
            "{count} {}, por tipo",
            plural(n, "advertencia", "advertencias")
        ),
        Lang::Pt => format!("{count} {}, por tipo", plural(n, "aviso", "avisos")),
    }
}

/// Over the list of what removing each filter gives, when nothing matches.
pub fn empty_heading(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "No intervention matches all these filters. Without each one:",
        Lang::Es => "Ninguna intervención cumple todos estos filtros. Sin cada uno:",
        Lang::Pt => "Nenhuma intervenção atende a todos estes filtros. Sem cada um:",
    }
}

/// "Outcomes measured: Homicide: 15 interventions": one filter and what removing it gives.
pub fn without_filter(lang: Lang, filter: &str, matching: usize) -> String {
    let n = format_count(lang, matching);
    match lang {
        Lang::En => format!(
            "{filter} — {n} {}",
            if matching == 1 {
                "intervention"
            } else {
                "interventions"
            }
        ),
        Lang::Es => format!(
            "{filter} — {n} {}",
            plural(matching, "intervención", "intervenciones")
        ),
        Lang::Pt => format!(
            "{filter} — {n} {}",
            plural(matching, "intervenção", "intervenções")
        ),
    }
}

/// The button that removes one filter.
pub fn remove_filter(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Remove",
        Lang::Es => "Quitar",
        Lang::Pt => "Remover",
    }
}

/// Under the comparison: what its budgets are.
pub fn compare_budget_note(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Budgets are as their sources state them: loans and grants included, in US dollars only where the source gives dollars (no currency is converted). A country with no match stays in the comparison at zero.",
        Lang::Es => "Los presupuestos son los que indican sus fuentes: incluyen préstamos y donaciones, en dólares solo cuando la fuente los da en dólares (no se convierte ninguna moneda). Un país sin coincidencias sigue en la comparación, en cero.",
        Lang::Pt => "Os orçamentos são os que as fontes informam: incluem empréstimos e doações, em dólares só quando a fonte os dá em dólares (nenhuma moeda é convertida). Um país sem correspondências segue na comparação, em zero.",
    }
}

/// "1,204 rows: 1,198 loaded, 6 rejected (listed below), 14 warnings."
pub fn import_summary(
    lang: Lang,
    rows: usize,
    accepted: usize,
    rejected: usize,
    warnings: usize,
) -> String {
    match lang {
        Lang::En => format!(
            "{} rows: {} loaded, {} rejected{}, {} warnings.",
            format_count(lang, rows),
            format_count(lang, accepted),
            format_count(lang, rejected),
            if rejected > 0 {
                " (listed below, with line and reason)"
            } else {
                ""
            },
            format_count(lang, warnings)
        ),
        Lang::Es => format!(
            "{} {}: {} {}, {} {}{}, {} {}.",
            format_count(lang, rows),
            plural(rows, "fila", "filas"),
            format_count(lang, accepted),
            plural(accepted, "cargada", "cargadas"),
            format_count(lang, rejected),
            plural(rejected, "rechazada", "rechazadas"),
            if rejected == 0 {
                ""
            } else {
                plural(
                    rejected,
                    " (detallada abajo, con su línea y el motivo)",
                    " (detalladas abajo, con su línea y el motivo)",
                )
            },
            format_count(lang, warnings),
            plural(warnings, "advertencia", "advertencias")
        ),
        Lang::Pt => format!(
            "{} {}: {} {}, {} {}{}, {} {}.",
            format_count(lang, rows),
            plural(rows, "linha", "linhas"),
            format_count(lang, accepted),
            plural(accepted, "carregada", "carregadas"),
            format_count(lang, rejected),
            plural(rejected, "rejeitada", "rejeitadas"),
            if rejected == 0 {
                ""
            } else {
                plural(
                    rejected,
                    " (listada abaixo, com a linha e o motivo)",
                    " (listadas abaixo, com a linha e o motivo)",
                )
            },
            format_count(lang, warnings),
            plural(warnings, "aviso", "avisos")
        ),
    }
}

/// "Page 2 of 7".
pub fn page_line(lang: Lang, page: usize, pages: usize) -> String {
    match lang {
        Lang::En => format!("Page {} of {}", page, pages.max(1)),
        Lang::Es | Lang::Pt => format!(
            "Página {} de {}",
            format_count(lang, page),
            format_count(lang, pages.max(1))
        ),
    }
}
