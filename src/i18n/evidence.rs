//! The strings of the evidence features (studies, findings, ratings, the evaluation gap, where
//! each fact comes from) in English, Spanish and Portuguese. Kept apart from the main table so
//! that each table stays readable; the same rule holds: a missing translation does not compile.

use super::{format_count, plural, Lang};
use crate::model::{Direction, Evaluation};

/// Every fixed string of the evidence features.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ev {
    Evidence,
    Studies,
    StudiesView,
    Title,
    Authors,
    Year,
    Design,
    Method,
    Period,
    Findings,
    Ratings,
    Interventions,
    Country,
    Outcome,
    Measured,
    Effect,
    Significant,
    NotSignificant,
    SignificanceNotStated,
    NoStudies,
    NoStudiesMatch,
    DerivedVerdict,
    Strength,
    RatingDiffers,
    DownloadRis,
    DownloadBibtex,
    DownloadCsv,
    DownloadJson,
    EvalGapTitle,
    ByCountry,
    ByFocus,
    CountInterventions,
    CountStudies,
    GapCount,
    ColourDirection,
    NoImpactFinding,
    FactSources,
    Finding,
    ShowStudy,
}

/// The string for `m` in `lang`.
pub fn text(lang: Lang, m: Ev) -> &'static str {
    use Ev::*;
    match lang {
        Lang::En => match m {
            Evidence => "Evidence",
            Studies => "Studies",
            StudiesView => "Studies",
            Title => "Title",
            Authors => "Authors",
            Year => "Year",
            Design => "Design",
            Method => "Method",
            Period => "Data period",
            Findings => "Findings",
            Ratings => "External ratings",
            Interventions => "Interventions evaluated",
            Country => "Country",
            Outcome => "Outcome",
            Measured => "Measured",
            Effect => "Effect",
            Significant => "significant",
            NotSignificant => "not significant",
            SignificanceNotStated => "significance not stated",
            NoStudies => "No study of this intervention is recorded.",
            NoStudiesMatch => "No study evaluates the interventions that match these filters.",
            DerivedVerdict => "Mirador's verdict",
            Strength => "Strength of evidence",
            RatingDiffers => "This external rating differs from the verdict Mirador derives from the studies' findings; both are shown.",
            DownloadRis => "RIS (reference managers)",
            DownloadBibtex => "BibTeX",
            DownloadCsv => "CSV",
            DownloadJson => "JSON",
            EvalGapTitle => "Interventions without an impact evaluation",
            ByCountry => "By country",
            ByFocus => "By focus",
            CountInterventions => "Count interventions",
            CountStudies => "Count studies",
            GapCount => "Bubbles count",
            ColourDirection => "What the evidence found",
            NoImpactFinding => "No impact finding",
            FactSources => "Sources stating this",
            Finding => "Evidence found",
            ShowStudy => "Study",
        },
        Lang::Es => match m {
            Evidence => "Evidencia",
            Studies => "Estudios",
            StudiesView => "Estudios",
            Title => "Título",
            Authors => "Autores",
            Year => "Año",
            Design => "Diseño",
            Method => "Método",
            Period => "Período de los datos",
            Findings => "Hallazgos",
            Ratings => "Calificaciones externas",
            Interventions => "Intervenciones evaluadas",
            Country => "País",
            Outcome => "Resultado",
            Measured => "Medida",
            Effect => "Efecto",
            Significant => "significativo",
            NotSignificant => "no significativo",
            SignificanceNotStated => "significancia no indicada",
            NoStudies => "No hay ningún estudio registrado de esta intervención.",
            NoStudiesMatch => "Ningún estudio evalúa las intervenciones que cumplen estos filtros.",
            DerivedVerdict => "Veredicto de Mirador",
            Strength => "Solidez de la evidencia",
            RatingDiffers => "Esta calificación externa difiere del veredicto que Mirador deriva de los hallazgos de los estudios; se muestran ambos.",
            DownloadRis => "RIS (gestores de referencias)",
            DownloadBibtex => "BibTeX",
            DownloadCsv => "CSV",
            DownloadJson => "JSON",
            EvalGapTitle => "Intervenciones sin evaluación de impacto",
            ByCountry => "Por país",
            ByFocus => "Por área temática",
            CountInterventions => "Contar intervenciones",
            CountStudies => "Contar estudios",
            GapCount => "Las burbujas cuentan",
            ColourDirection => "Qué encontró la evidencia",
            NoImpactFinding => "Sin hallazgo de impacto",
            FactSources => "Fuentes que lo indican",
            Finding => "Evidencia encontrada",
            ShowStudy => "Estudio",
        },
        Lang::Pt => match m {
            Evidence => "Evidências",
            Studies => "Estudos",
            StudiesView => "Estudos",
            Title => "Título",
            Authors => "Autores",
            Year => "Ano",
            Design => "Desenho",
            Method => "Método",
            Period => "Período dos dados",
            Findings => "Achados",
            Ratings => "Classificações externas",
            Interventions => "Intervenções avaliadas",
            Country => "País",
            Outcome => "Resultado",
            Measured => "Medida",
            Effect => "Efeito",
            Significant => "significativo",
            NotSignificant => "não significativo",
            SignificanceNotStated => "significância não informada",
            NoStudies => "Nenhum estudo desta intervenção está registrado.",
            NoStudiesMatch => "Nenhum estudo avalia as intervenções que atendem a estes filtros.",
            DerivedVerdict => "Veredito do Mirador",
            Strength => "Força da evidência",
            RatingDiffers => "Esta classificação externa difere do veredito que o Mirador deriva dos achados dos estudos; ambos são mostrados.",
            DownloadRis => "RIS (gerenciadores de referências)",
            DownloadBibtex => "BibTeX",
            DownloadCsv => "CSV",
            DownloadJson => "JSON",
            EvalGapTitle => "Intervenções sem avaliação de impacto",
            ByCountry => "Por país",
            ByFocus => "Por área temática",
            CountInterventions => "Contar intervenções",
            CountStudies => "Contar estudos",
            GapCount => "As bolhas contam",
            ColourDirection => "O que a evidência encontrou",
            NoImpactFinding => "Sem achado de impacto",
            FactSources => "Fontes que o afirmam",
            Finding => "Evidência encontrada",
            ShowStudy => "Estudo",
        },
    }
}

/// The label of a record's field (as a source's `supports` names it), in the page language; an
/// unknown name is shown as it is.
pub fn field_label(lang: Lang, field: &str) -> String {
    use super::Msg;
    let msg = match field {
        "name" => Msg::Name,
        "description" => Msg::Description,
        "country" => Msg::Country,
        "admin_area" => Msg::AdminArea,
        "city" => Msg::City,
        "level" => Msg::Level,
        "focus" => Msg::Focus,
        "start_year" => Msg::Start,
        "end_year" => Msg::Years,
        "implementers" => Msg::Implementers,
        "funders" => Msg::Funders,
        "budget_amount" | "budget_year" => Msg::Budget,
        "evaluation" => Msg::Evaluation,
        "effect" => Msg::Effect,
        "outcomes" => Msg::Outcomes,
        other => return other.replace('_', " "),
    };
    super::text(lang, msg).to_owned()
}

/// A schema field's name in the import's mapping step ("Start year", "Año de inicio"), by its key.
pub fn import_field_label(lang: Lang, field: &str) -> String {
    let words = match field {
        "id" => ["Identifier", "Identificador", "Identificador"],
        "start_year" => ["Start year", "Año de inicio", "Ano de início"],
        "end_year" => ["End year", "Año de fin", "Ano de término"],
        "budget_amount" => [
            "Budget amount",
            "Monto del presupuesto",
            "Valor do orçamento",
        ],
        "budget_currency" => [
            "Budget currency",
            "Moneda del presupuesto",
            "Moeda do orçamento",
        ],
        "budget_year" => ["Budget year", "Año del presupuesto", "Ano do orçamento"],
        "budget_usd" => ["Budget (US$)", "Presupuesto (US$)", "Orçamento (US$)"],
        "budget_kind" => [
            "Kind of budget (loan, grant, cost)",
            "Tipo de presupuesto (préstamo, donación, costo)",
            "Tipo de orçamento (empréstimo, doação, custo)",
        ],
        "sources" => ["Sources (links)", "Fuentes (enlaces)", "Fontes (links)"],
        other => return field_label(lang, other),
    };
    words[lang as usize].to_owned()
}

/// What a kind of import warning means, in the page language (the report groups warnings by kind).
pub fn warning_kind_label(lang: Lang, kind: &str) -> String {
    let words: [&str; 3] = match kind {
        "above-header" => [
            "Rows above the header were skipped",
            "Se omitieron filas sobre el encabezado",
            "Linhas acima do cabeçalho foram ignoradas",
        ],
        "amount-in-words" => [
            "Amount written in words, read as a number",
            "Monto escrito en palabras, leído como número",
            "Valor escrito por extenso, lido como número",
        ],
        "blank-rows" => [
            "Blank rows skipped",
            "Filas vacías omitidas",
            "Linhas vazias ignoradas",
        ],
        "budget-from-usd" => [
            "Budget taken from the US$ column",
            "Presupuesto tomado de la columna en US$",
            "Orçamento tirado da coluna em US$",
        ],
        "country-code" => [
            "Country code read",
            "Código de país leído",
            "Código de país lido",
        ],
        "country-name" => [
            "Country name read as its code",
            "Nombre de país leído como su código",
            "Nome de país lido como seu código",
        ],
        "currency-code" => [
            "Currency read as its code",
            "Moneda leída como su código",
            "Moeda lida como seu código",
        ],
        "date-as-year" => [
            "Date read as its year",
            "Fecha leída como su año",
            "Data lida como seu ano",
        ],
        "duplicate-value" => [
            "Repeated value kept once",
            "Valor repetido guardado una vez",
            "Valor repetido mantido uma vez",
        ],
        "encoding" => [
            "Text encoding detected",
            "Codificación del texto detectada",
            "Codificação do texto detectada",
        ],
        "header-currency" => [
            "Currency taken from the column header",
            "Moneda tomada del encabezado de la columna",
            "Moeda tirada do cabeçalho da coluna",
        ],
        "id-generated" => [
            "Identifier generated",
            "Identificador generado",
            "Identificador gerado",
        ],
        "id-suffix" => [
            "Repeated identifier given a suffix",
            "Identificador repetido con sufijo",
            "Identificador repetido com sufixo",
        ],
        "label" => [
            "Value read from a label",
            "Valor leído de una etiqueta",
            "Valor lido de um rótulo",
        ],
        "left-empty" => [
            "Value that could not be read: field left empty, row loaded",
            "Valor ilegible: campo vacío, fila cargada",
            "Valor ilegível: campo vazio, linha carregada",
        ],
        "long-cell" => ["Very long cell", "Celda muy larga", "Célula muito longa"],
        "not-stated" => [
            "Read as not stated",
            "Leído como no indicado",
            "Lido como não informado",
        ],
        "scientific-notation" => [
            "Number in scientific notation",
            "Número en notación científica",
            "Número em notação científica",
        ],
        "short-row" => [
            "Row with fewer cells than the header",
            "Fila con menos celdas que el encabezado",
            "Linha com menos células que o cabeçalho",
        ],
        "unclosed-quote" => [
            "Quote never closed",
            "Comillas sin cerrar",
            "Aspas não fechadas",
        ],
        "unmapped-column" => [
            "Column not mapped: its values are not loaded",
            "Columna sin asignar: sus valores no se cargan",
            "Coluna sem campo: seus valores não são carregados",
        ],
        "url-scheme" => [
            "Link completed with https://",
            "Enlace completado con https://",
            "Link completado com https://",
        ],
        "usd-from-amount" => [
            "US$ budget set from the amount in USD",
            "Presupuesto en US$ tomado del monto en USD",
            "Orçamento em US$ tirado do valor em USD",
        ],
        "year-format" => [
            "Year written another way, read",
            "Año escrito de otra forma, leído",
            "Ano escrito de outra forma, lido",
        ],
        other => return other.replace('-', " "),
    };
    words[lang as usize].to_owned()
}

/// How sure the import is of a column's field: `exact`, `guess`, `none`, `release` (an export's
/// own `dataset` column) or `derived` (its converted budgets), the last two read and not stored.
pub fn match_label(lang: Lang, kind: &str) -> &'static str {
    let words = match kind {
        "exact" => ["Recognised", "Reconocida", "Reconhecida"],
        "guess" => [
            "Guessed: please check",
            "Supuesta: revísela",
            "Suposta: confira",
        ],
        "release" => [
            "Dataset version: not stored",
            "Versión del conjunto: no se guarda",
            "Versão do conjunto: não é guardada",
        ],
        "derived" => [
            "Worked out by Mirador: not stored",
            "Calculada por Mirador: no se guarda",
            "Calculada pelo Mirador: não é guardada",
        ],
        _ => ["Not recognised", "No reconocida", "Não reconhecida"],
    };
    words[lang as usize]
}

/// "Improved", "Mejoró", "Melhorou", ...
pub fn direction_label(lang: Lang, d: Direction) -> &'static str {
    use Direction::*;
    match (lang, d) {
        (Lang::En, Improved) => "Improved",
        (Lang::En, NoChange) => "No change",
        (Lang::En, Worsened) => "Worsened",
        (Lang::En, Mixed) => "Mixed",
        (Lang::Es, Improved) => "Mejoró",
        (Lang::Es, NoChange) => "Sin cambio",
        (Lang::Es, Worsened) => "Empeoró",
        (Lang::Es, Mixed) => "Mixto",
        (Lang::Pt, Improved) => "Melhorou",
        (Lang::Pt, NoChange) => "Sem mudança",
        (Lang::Pt, Worsened) => "Piorou",
        (Lang::Pt, Mixed) => "Misto",
    }
}

/// "2 studies, best design: experimental".
pub fn strength_line(lang: Lang, studies: usize, impact: usize, best: Evaluation) -> String {
    let best = super::evaluation_label(lang, best);
    let n = format_count(lang, studies);
    let k = format_count(lang, impact);
    match lang {
        Lang::En => format!(
            "{n} {} ({k} with a comparison group); strongest design: {best}",
            if studies == 1 { "study" } else { "studies" }
        ),
        Lang::Es => format!(
            "{n} {} ({k} con grupo de comparación); diseño más sólido: {best}",
            plural(studies, "estudio", "estudios")
        ),
        Lang::Pt => format!(
            "{n} {} ({k} com grupo de comparação); desenho mais forte: {best}",
            plural(studies, "estudo", "estudos")
        ),
    }
}

/// "12 studies behind 9 of the 40 matching interventions".
pub fn studies_line(lang: Lang, studies: usize, evaluated: usize, matching: usize) -> String {
    let (s, e, m) = (
        format_count(lang, studies),
        format_count(lang, evaluated),
        format_count(lang, matching),
    );
    match lang {
        Lang::En => format!(
            "{s} {} evaluate {e} of the {m} matching interventions",
            if studies == 1 { "study" } else { "studies" }
        ),
        Lang::Es => format!(
            "{s} {} {} {e} de las {m} intervenciones que cumplen los filtros",
            plural(studies, "estudio", "estudios"),
            plural(studies, "evalúa", "evalúan")
        ),
        Lang::Pt => format!(
            "{s} {} {} {e} das {m} intervenções que atendem aos filtros",
            plural(studies, "estudo", "estudos"),
            plural(studies, "avalia", "avaliam")
        ),
    }
}

/// "12 of 15 · 80%": interventions without an impact evaluation in a group.
pub fn without_line(lang: Lang, without: usize, of: usize) -> String {
    let of_word = match lang {
        Lang::En => "of",
        Lang::Es => "de",
        Lang::Pt => "de",
    };
    if of == 0 {
        // Nothing to share out: no percentage, not "0%".
        return format!("0 {of_word} 0");
    }
    let share = 100.0 * without as f64 / of as f64;
    format!(
        "{} {of_word} {} · {:.0}%",
        format_count(lang, without),
        format_count(lang, of),
        share
    )
}

/// The gap map's note when it counts studies.
pub fn gap_studies_note(lang: Lang, with_findings: usize, studies: usize) -> String {
    let (f, s) = (
        format_count(lang, with_findings),
        format_count(lang, studies),
    );
    match lang {
        Lang::En => format!(
            "Bubbles count studies: {f} of the {s} studies of matching interventions report findings by outcome; a study counts in each focus it evaluates. Empty cells are gaps."
        ),
        Lang::Es => format!(
            "Las burbujas cuentan estudios: {f} de los {s} estudios de las intervenciones filtradas informan hallazgos por resultado; un estudio cuenta en cada área que evalúa. Las celdas vacías son brechas."
        ),
        Lang::Pt => format!(
            "As bolhas contam estudos: {f} dos {s} estudos das intervenções filtradas relatam achados por resultado; um estudo conta em cada área que avalia. Células vazias são lacunas."
        ),
    }
}

/// The evaluation-gap chart's note: what the budget bars cover, and that unknown is not zero.
pub fn eval_gap_note(lang: Lang, with_budget: usize, matching: usize) -> String {
    let (b, m) = (
        format_count(lang, with_budget),
        format_count(lang, matching),
    );
    match lang {
        Lang::En => format!(
            "Dark bars: share of matching interventions with no quasi-experimental or experimental evaluation. Light bars: share of known budget (US$) in them, from the {b} of {m} with a known budget; unknown budgets are left out, not counted as zero."
        ),
        Lang::Es => format!(
            "Barras oscuras: proporción de intervenciones sin evaluación cuasi-experimental ni experimental. Barras claras: proporción del presupuesto conocido (US$) en ellas, a partir de {b} de {m} con presupuesto conocido; los presupuestos desconocidos se excluyen, no cuentan como cero."
        ),
        Lang::Pt => format!(
            "Barras escuras: parcela das intervenções sem avaliação quase-experimental nem experimental. Barras claras: parcela do orçamento conhecido (US$) nelas, a partir de {b} de {m} com orçamento conhecido; orçamentos desconhecidos ficam de fora, não contam como zero."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_read_in_each_language() {
        assert_eq!(without_line(Lang::En, 12, 15), "12 of 15 · 80%");
        assert_eq!(without_line(Lang::Es, 1200, 1500), "1.200 de 1.500 · 80%");
        assert_eq!(without_line(Lang::En, 0, 0), "0 of 0");
        assert!(studies_line(Lang::Es, 1, 1, 3).starts_with("1 estudio evalúa"));
        assert!(strength_line(Lang::Pt, 2, 1, Evaluation::Experimental).starts_with("2 estudos"));
        assert_eq!(direction_label(Lang::Es, Direction::NoChange), "Sin cambio");
    }
}
