//! What travels with an export: its context line, the citation, the data credit, the page title,
//! and the export dialog's size names and link note.

use super::*;

/// What an exported chart says under it: the filters and the count ("Country: Brazil · 35 of 291
/// interventions"), and the credit with the dataset version, licence and date.
pub fn export_context(
    lang: Lang,
    summary: &str,
    matching: usize,
    total: usize,
    own_file: Option<&str>,
    date: &str,
) -> (String, String) {
    let filters = format!("{summary} · {}", matching_line(lang, matching, total));
    let v = DATASET_VERSION;
    let credit = match (lang, own_file) {
        (Lang::En, None) => format!("Source: Mirador open dataset {v} (CC BY 4.0), sources cited on every record · {date}"),
        (Lang::Es, None) => format!("Fuente: conjunto de datos abierto Mirador {v} (CC BY 4.0), fuentes citadas en cada registro · {date}"),
        (Lang::Pt, None) => format!("Fonte: conjunto de dados aberto Mirador {v} (CC BY 4.0), fontes citadas em cada registro · {date}"),
        (Lang::En, Some(f)) => format!("Data: {f}, drawn with Mirador · {date}"),
        (Lang::Es, Some(f)) => format!("Datos: {f}, representados con Mirador · {date}"),
        (Lang::Pt, Some(f)) => format!("Dados: {f}, representados com o Mirador · {date}"),
    };
    (filters, credit)
}

/// Said by "Copy link" when the view shows a file from this device.
pub fn local_file_link_note(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "This view shows a file from your device: whoever opens the link sees the bundled data instead, unless you share the file too.",
        Lang::Es => "Esta vista muestra un archivo de su dispositivo: quien abra el enlace verá los datos incluidos, salvo que usted comparta también el archivo.",
        Lang::Pt => "Esta visualização mostra um arquivo do seu dispositivo: quem abrir o link verá os dados incluídos, a menos que você compartilhe também o arquivo.",
    }
}

/// The label of the export size picker.
pub fn export_size_label(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Export size",
        Lang::Es => "Tamaño de exportación",
        Lang::Pt => "Tamanho da exportação",
    }
}

/// An export size's name: `column`, `slide`, `square`.
pub fn export_size_name(lang: Lang, key: &str) -> &'static str {
    match (lang, key) {
        (Lang::En, "slide") => "Slide 16:9",
        (Lang::En, "square") => "Square",
        (Lang::En, _) => "Report column",
        (Lang::Es, "slide") => "Diapositiva 16:9",
        (Lang::Es, "square") => "Cuadrado",
        (Lang::Es, _) => "Columna de informe",
        (Lang::Pt, "slide") => "Slide 16:9",
        (Lang::Pt, "square") => "Quadrado",
        (Lang::Pt, _) => "Coluna de relatório",
    }
}

/// The citation line for a view, wholly in the page language: the dataset (or, for a person's
/// own file, that file, drawn with Mirador), what is shown, the access date and the link.
pub fn citation(
    lang: Lang,
    own_file: Option<&str>,
    summary: &str,
    matching: usize,
    total: usize,
    date: &str,
    url: &str,
) -> String {
    let line = matching_line(lang, matching, total);
    let dataset = match (lang, own_file) {
        (Lang::En, None) => "Mirador open dataset of citizen security interventions in Latin America and the Caribbean".to_owned(),
        (Lang::Es, None) => "Conjunto de datos abierto Mirador de intervenciones de seguridad ciudadana en América Latina y el Caribe".to_owned(),
        (Lang::Pt, None) => "Conjunto de dados aberto Mirador de intervenções de segurança cidadã na América Latina e no Caribe".to_owned(),
        (Lang::En, Some(f)) => format!("{f}, drawn with Mirador"),
        (Lang::Es, Some(f)) => format!("{f}, representado con Mirador"),
        (Lang::Pt, Some(f)) => format!("{f}, representado com o Mirador"),
    };
    let version = match (lang, own_file) {
        (_, Some(_)) => String::new(),
        (Lang::En, None) => format!(", version {DATASET_VERSION} ({DATASET_DATE})"),
        (Lang::Es, None) => format!(", versión {DATASET_VERSION} ({DATASET_DATE})"),
        (Lang::Pt, None) => format!(", versão {DATASET_VERSION} ({DATASET_DATE})"),
    };
    let accessed = match lang {
        Lang::En => "Accessed",
        Lang::Es => "Consultado el",
        Lang::Pt => "Acesso em",
    };
    format!("{dataset}{version}. {summary} ({line}). {accessed} {date}. {url}")
}

/// The data credit under the page and each embed: the dataset, its version and release date.
pub fn data_credit(lang: Lang) -> String {
    let (v, d) = (DATASET_VERSION, DATASET_DATE);
    match lang {
        Lang::En => format!("Data: Mirador open dataset, version {v} ({d}), sources cited on every record"),
        Lang::Es => format!("Datos: conjunto de datos abierto Mirador, versión {v} ({d}), con las fuentes citadas en cada registro"),
        Lang::Pt => format!("Dados: conjunto de dados aberto Mirador, versão {v} ({d}), com as fontes citadas em cada registro"),
    }
}

/// Said when a shared link was made with another release of the bundled dataset than the one
/// this page shows: both versions, and the releases since, when this build knows the link's.
/// The link's version is quoted as written (it is untrusted text, shown as text).
pub fn version_notice(lang: Lang, made_with: &str) -> String {
    let (v, d) = (DATASET_VERSION, DATASET_DATE);
    match (lang, crate::model::releases_since(made_with)) {
        (Lang::En, Some(since)) => format!(
            "This link was made with version {made_with} of the Mirador dataset; this page shows version {v} ({d}), so its numbers may differ from what the link's author saw. Released since: {}.",
            since.join(", ")
        ),
        (Lang::Es, Some(since)) => format!(
            "Este enlace se hizo con la versión {made_with} del conjunto de datos Mirador; esta página muestra la versión {v} ({d}), así que sus cifras pueden diferir de las que vio quien lo compartió. Publicadas desde entonces: {}.",
            since.join(", ")
        ),
        (Lang::Pt, Some(since)) => format!(
            "Este link foi feito com a versão {made_with} do conjunto de dados Mirador; esta página mostra a versão {v} ({d}), então os números podem diferir dos que o autor do link viu. Publicadas desde então: {}.",
            since.join(", ")
        ),
        (Lang::En, None) => format!(
            "This link names version “{made_with}” of the Mirador dataset, which this page does not know; it shows version {v} ({d}), so its numbers may differ from what the link's author saw."
        ),
        (Lang::Es, None) => format!(
            "Este enlace nombra la versión «{made_with}» del conjunto de datos Mirador, que esta página no conoce; muestra la versión {v} ({d}), así que sus cifras pueden diferir de las que vio quien lo compartió."
        ),
        (Lang::Pt, None) => format!(
            "Este link indica a versão “{made_with}” do conjunto de dados Mirador, que esta página não conhece; mostra a versão {v} ({d}), então os números podem diferir dos que o autor do link viu."
        ),
    }
}

/// The link to the dataset's list of changes, beside the version notice.
pub fn what_changed(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "What changed in each version",
        Lang::Es => "Qué cambió en cada versión",
        Lang::Pt => "O que mudou em cada versão",
    }
}

/// The page title for a view: the view's name, then the app's.
pub fn page_title(lang: Lang, view: &str) -> String {
    let app = match lang {
        Lang::En => "Mirador — citizen security in Latin America and the Caribbean",
        Lang::Es => "Mirador — seguridad ciudadana en América Latina y el Caribe",
        Lang::Pt => "Mirador — segurança cidadã na América Latina e no Caribe",
    };
    format!("{view} · {app}")
}
