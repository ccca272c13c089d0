//! The one translation table: every string a person reads goes through here.
//!
//! `Msg` names each fixed string; `text()` holds, per language, a `match` over every `Msg`, so
//! adding a language (Spanish and Portuguese come next) is a compile error until every string is
//! translated. Labels of vocabulary values are in `labels.rs`, number formats in `numbers.rs`, the
//! evidence features' strings in `evidence.rs` and the import report's sentences in `import.rs`.

pub mod evidence;
pub mod import;
mod labels;
mod numbers;

pub use labels::*;
pub use numbers::*;

use crate::model::*;

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Es,
    Pt,
}

impl Lang {
    /// Every language of the interface, in the order a language picker shows them.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Es, Lang::Pt];

    /// The language's code: "en", "es", "pt".
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Pt => "pt",
        }
    }

    /// The language for a code ("es", "pt-BR", "ES" …): the primary subtag decides, ignoring case.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next().unwrap_or("");
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(primary))
    }

    /// The language's name in itself, for a language picker: "English", "Español", "Português".
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
            Lang::Pt => "Português",
        }
    }
}

/// Every fixed string of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    AppTitle,
    AppSubtitle,
    Loading,
    LoadFailed,
    Filters,
    ClearAll,
    Clear,
    StartYear,
    From,
    To,
    BudgetUsd,
    Minimum,
    Maximum,
    Search,
    SearchPlaceholder,
    NotStated,
    ChartCountry,
    ChartFocus,
    ChartEffect,
    ChartBudget,
    ChartDescription,
    NoMatches,
    Previous,
    Next,
    Close,
    Details,
    Description,
    Country,
    AdminArea,
    City,
    Level,
    Focus,
    Years,
    Implementers,
    Funders,
    Budget,
    Evaluation,
    Effect,
    Outcomes,
    Sources,
    Name,
    Start,
    Events,
    Date,
    Place,
    Organisers,
    Partners,
    Access,
    Topics,
    AllCountries,
    Interventions,
    RecordsRejected,
    SortBy,
    FunderType,
    NoFilters,
    CopyLink,
    LinkCopied,
    IgnoredSettings,
    Dismiss,
    Overview,
    Embed,
    EmbedHelp,
    DownloadPng,
    DownloadSvg,
    DownloadCsv,
    DownloadJson,
    Citation,
    CopyCitation,
    OpenFullView,
    Copy,
    ChartTimeline,
    ChartGap,
    ChartCompare,
    ChartEvents,
    OtherEvents,
    Timeline,
    Evidence,
    Comparison,
    StackBy,
    ColourBy,
    CompareCountries,
    Summary,
    SharedEvaluated,
    SharedEffective,
    KnownBudget,
    EventsTimeline,
    RelatedInterventions,
    Series,
    Year,
    AllSeries,
    AllYears,
    Organiser,
    Legend,
    NoData,
    Map,
    MapMeasure,
    MeasureCount,
    MeasureBudget,
    MeasureEffective,
    EventsFilterHint,
    ChartMap,
    MapBudgetNote,
    MapLoadFailed,
    ReadingFile,
    LoadingRows,
    PreviousKept,
    ImportHelp,
    TryAgain,
    Rows,
    MappingHelp,
    IgnoreColumn,
    MissingRequired,
    LoadRows,
    DownloadReport,
    LoadYourData,
    BackToBundled,
    StartedPerYear,
    ChartEventsMap,
    MeasureEvents,
    EventsMapNote,
    AllOrganisers,
}

impl Msg {
    /// Every `Msg`, for checks that each language translates them all.
    pub const ALL: [Msg; 121] = [
        Msg::AppTitle,
        Msg::AppSubtitle,
        Msg::Loading,
        Msg::LoadFailed,
        Msg::Filters,
        Msg::ClearAll,
        Msg::Clear,
        Msg::StartYear,
        Msg::From,
        Msg::To,
        Msg::BudgetUsd,
        Msg::Minimum,
        Msg::Maximum,
        Msg::Search,
        Msg::SearchPlaceholder,
        Msg::NotStated,
        Msg::ChartCountry,
        Msg::ChartFocus,
        Msg::ChartEffect,
        Msg::ChartBudget,
        Msg::ChartDescription,
        Msg::NoMatches,
        Msg::Previous,
        Msg::Next,
        Msg::Close,
        Msg::Details,
        Msg::Description,
        Msg::Country,
        Msg::AdminArea,
        Msg::City,
        Msg::Level,
        Msg::Focus,
        Msg::Years,
        Msg::Implementers,
        Msg::Funders,
        Msg::Budget,
        Msg::Evaluation,
        Msg::Effect,
        Msg::Outcomes,
        Msg::Sources,
        Msg::Name,
        Msg::Start,
        Msg::Events,
        Msg::Date,
        Msg::Place,
        Msg::Organisers,
        Msg::Partners,
        Msg::Access,
        Msg::Topics,
        Msg::AllCountries,
        Msg::Interventions,
        Msg::RecordsRejected,
        Msg::SortBy,
        Msg::FunderType,
        Msg::NoFilters,
        Msg::CopyLink,
        Msg::LinkCopied,
        Msg::IgnoredSettings,
        Msg::Dismiss,
        Msg::Overview,
        Msg::Embed,
        Msg::EmbedHelp,
        Msg::DownloadPng,
        Msg::DownloadSvg,
        Msg::DownloadCsv,
        Msg::DownloadJson,
        Msg::Citation,
        Msg::CopyCitation,
        Msg::OpenFullView,
        Msg::Copy,
        Msg::ChartTimeline,
        Msg::ChartGap,
        Msg::ChartCompare,
        Msg::ChartEvents,
        Msg::OtherEvents,
        Msg::Timeline,
        Msg::Evidence,
        Msg::Comparison,
        Msg::StackBy,
        Msg::ColourBy,
        Msg::CompareCountries,
        Msg::Summary,
        Msg::SharedEvaluated,
        Msg::SharedEffective,
        Msg::KnownBudget,
        Msg::EventsTimeline,
        Msg::RelatedInterventions,
        Msg::Series,
        Msg::Year,
        Msg::AllSeries,
        Msg::AllYears,
        Msg::Organiser,
        Msg::Legend,
        Msg::NoData,
        Msg::Map,
        Msg::MapMeasure,
        Msg::MeasureCount,
        Msg::MeasureBudget,
        Msg::MeasureEffective,
        Msg::EventsFilterHint,
        Msg::ChartMap,
        Msg::MapBudgetNote,
        Msg::MapLoadFailed,
        Msg::ReadingFile,
        Msg::LoadingRows,
        Msg::PreviousKept,
        Msg::ImportHelp,
        Msg::TryAgain,
        Msg::Rows,
        Msg::MappingHelp,
        Msg::IgnoreColumn,
        Msg::MissingRequired,
        Msg::LoadRows,
        Msg::DownloadReport,
        Msg::LoadYourData,
        Msg::BackToBundled,
        Msg::StartedPerYear,
        Msg::ChartEventsMap,
        Msg::MeasureEvents,
        Msg::EventsMapNote,
        Msg::AllOrganisers,
    ];
}

/// The text of a fixed string.
pub fn text(lang: Lang, msg: Msg) -> &'static str {
    match lang {
        Lang::En => english(msg),
        Lang::Es => spanish(msg),
        Lang::Pt => portuguese(msg),
    }
}

fn english(msg: Msg) -> &'static str {
    use Msg::*;
    match msg {
        AppTitle => "Mirador",
        AppSubtitle => "Citizen security interventions in Latin America and the Caribbean",
        Loading => "Loading the dataset…",
        LoadFailed => "The dataset could not be loaded",
        Filters => "Filters",
        ClearAll => "Clear all",
        Clear => "Clear",
        StartYear => "Start year",
        From => "from",
        To => "to",
        BudgetUsd => "Budget (US$)",
        Minimum => "minimum",
        Maximum => "maximum",
        Search => "Search",
        SearchPlaceholder => "Name, place, description, implementer, funder",
        NotStated => "Not stated",
        ChartCountry => "Interventions by country",
        ChartFocus => "Interventions by focus",
        ChartEffect => "Interventions by effectiveness",
        ChartBudget => "Budget distribution (US$, log scale)",
        ChartDescription => "Bar chart",
        NoMatches => "No interventions match these filters.",
        Previous => "Previous",
        Next => "Next",
        Close => "Close",
        Details => "Details",
        Description => "Description",
        Country => "Country",
        AdminArea => "State or province",
        City => "City",
        Level => "Level",
        Focus => "Focus",
        Years => "Years",
        Implementers => "Implementers",
        Funders => "Funders",
        Budget => "Budget",
        Evaluation => "Evaluation design",
        Effect => "Effectiveness",
        Outcomes => "Outcomes measured",
        Sources => "Sources",
        Name => "Name",
        Start => "Start",
        Events => "Events",
        Date => "Date",
        Place => "Place",
        Organisers => "Organisers",
        Partners => "Partners",
        Access => "Access",
        Topics => "Topics",
        AllCountries => "All countries",
        Interventions => "Interventions",
        RecordsRejected => "records in the dataset could not be loaded",
        SortBy => "Sort by",
        FunderType => "Funder type",
        NoFilters => "All interventions, no filters",
        CopyLink => "Copy link",
        LinkCopied => "Link copied",
        IgnoredSettings => "Some settings in this link were ignored:",
        Dismiss => "Dismiss",
        Overview => "Overview",
        Embed => "Embed",
        EmbedHelp => "Paste this into a web page to show this chart with the current filters:",
        DownloadPng => "PNG",
        DownloadSvg => "SVG",
        DownloadCsv => "CSV",
        DownloadJson => "JSON",
        Citation => "Cite this view",
        CopyCitation => "Copy citation",
        OpenFullView => "Open the full view in Mirador",
        Copy => "Copy",
        ChartTimeline => "Interventions started per year",
        ChartGap => "Evidence gap map: focus × outcome measured",
        ChartCompare => "Country comparison",
        ChartEvents => "Events over time",
        OtherEvents => "Other events",
        Timeline => "Timeline",
        Evidence => "Evidence",
        Comparison => "Compare countries",
        StackBy => "Stack by",
        ColourBy => "Colour by",
        CompareCountries => "Countries to compare (two to four)",
        Summary => "Summary",
        SharedEvaluated => "Evaluated (process or impact)",
        SharedEffective => "Rated effective or promising",
        KnownBudget => "Known budget (US$)",
        EventsTimeline => "Events",
        RelatedInterventions => "Related interventions",
        Series => "Series",
        Year => "Year",
        AllSeries => "All series",
        AllYears => "All years",
        Organiser => "Organiser",
        Legend => "Legend",
        NoData => "No data",
        Map => "Map",
        MapMeasure => "Colour by",
        MeasureCount => "Number of interventions",
        MeasureBudget => "Total known budget (US$)",
        MeasureEffective => "Share rated effective or promising (of those rated)",
        EventsFilterHint => "The country filter and the start-year range apply to events too.",
        ChartMap => "Interventions by country: map",
        MapBudgetNote => "Sum of the budgets known in US dollars; most interventions have none recorded, so totals are lower bounds.",
        MapLoadFailed => "The map shapes could not be loaded",
        ReadingFile => "Reading the file…",
        LoadingRows => "Loading the rows…",
        PreviousKept => "The previous data is still shown.",
        ImportHelp => "Choose a CSV or JSON file, or drop it here. Spreadsheets saved as CSV work: comma, semicolon or tab, UTF-8 or Windows-1252, headers in English, Spanish or Portuguese.",
        TryAgain => "Try another file",
        Rows => "rows",
        MappingHelp => "Each column's field was matched from its header. Change any that are wrong, or ignore a column, then load. Name and country are required.",
        IgnoreColumn => "(ignore)",
        MissingRequired => "No column gives these required fields, so every row would be rejected:",
        LoadRows => "Load",
        DownloadReport => "Download the report",
        LoadYourData => "Load your data",
        BackToBundled => "Back to the bundled data",
        StartedPerYear => "Started per year",
        ChartEventsMap => "Events by country: map",
        MeasureEvents => "Number of events",
        AllOrganisers => "All organisers",
        EventsMapNote => "Events outside Latin America and the Caribbean are listed but not on this map.",
    }
}

fn spanish(msg: Msg) -> &'static str {
    use Msg::*;
    match msg {
        AppTitle => "Mirador",
        AppSubtitle => "Intervenciones de seguridad ciudadana en América Latina y el Caribe",
        Loading => "Cargando el conjunto de datos…",
        LoadFailed => "No se pudo cargar el conjunto de datos",
        Filters => "Filtros",
        ClearAll => "Borrar todo",
        Clear => "Borrar",
        StartYear => "Año de inicio",
        From => "desde",
        To => "hasta",
        BudgetUsd => "Presupuesto (US$)",
        Minimum => "mínimo",
        Maximum => "máximo",
        Search => "Buscar",
        SearchPlaceholder => "Nombre, lugar, descripción, ejecutor, financiador",
        NotStated => "No indicado",
        ChartCountry => "Intervenciones por país",
        ChartFocus => "Intervenciones por área temática",
        ChartEffect => "Intervenciones por efectividad",
        ChartBudget => "Distribución del presupuesto (US$, escala logarítmica)",
        ChartDescription => "Gráfico de barras",
        NoMatches => "Ninguna intervención coincide con estos filtros.",
        Previous => "Anterior",
        Next => "Siguiente",
        Close => "Cerrar",
        Details => "Detalles",
        Description => "Descripción",
        Country => "País",
        AdminArea => "Estado o provincia",
        City => "Ciudad",
        Level => "Nivel",
        Focus => "Área temática",
        Years => "Años",
        Implementers => "Ejecutores",
        Funders => "Financiadores",
        Budget => "Presupuesto",
        Evaluation => "Diseño de evaluación",
        Effect => "Efectividad",
        Outcomes => "Resultados medidos",
        Sources => "Fuentes",
        Name => "Nombre",
        Start => "Inicio",
        Events => "Eventos",
        Date => "Fecha",
        Place => "Lugar",
        Organisers => "Organizadores",
        Partners => "Socios",
        Access => "Acceso",
        Topics => "Temas",
        AllCountries => "Todos los países",
        Interventions => "Intervenciones",
        RecordsRejected => "registros del conjunto de datos no se pudieron cargar",
        SortBy => "Ordenar por",
        FunderType => "Tipo de financiador",
        NoFilters => "Todas las intervenciones, sin filtros",
        CopyLink => "Copiar enlace",
        LinkCopied => "Enlace copiado",
        IgnoredSettings => "Se ignoraron algunos ajustes de este enlace:",
        Dismiss => "Descartar",
        Overview => "Panorama general",
        Embed => "Insertar",
        EmbedHelp => "Pegue este código en una página web para mostrar este gráfico con los filtros actuales:",
        DownloadPng => "PNG",
        DownloadSvg => "SVG",
        DownloadCsv => "CSV",
        DownloadJson => "JSON",
        Citation => "Citar esta vista",
        CopyCitation => "Copiar la cita",
        OpenFullView => "Abrir la vista completa en Mirador",
        Copy => "Copiar",
        ChartTimeline => "Intervenciones iniciadas por año",
        ChartGap => "Mapa de brechas de evidencia: área temática × resultado medido",
        ChartCompare => "Comparación entre países",
        ChartEvents => "Eventos a lo largo del tiempo",
        OtherEvents => "Otros eventos",
        Timeline => "Cronología",
        Evidence => "Evidencia",
        Comparison => "Comparar países",
        StackBy => "Apilar por",
        ColourBy => "Colorear por",
        CompareCountries => "Países a comparar (de dos a cuatro)",
        Summary => "Resumen",
        SharedEvaluated => "Evaluadas (de proceso o de impacto)",
        SharedEffective => "Calificadas como efectivas o prometedoras",
        KnownBudget => "Presupuesto conocido (US$)",
        EventsTimeline => "Eventos",
        RelatedInterventions => "Intervenciones relacionadas",
        Series => "Serie",
        Year => "Año",
        AllSeries => "Todas las series",
        AllYears => "Todos los años",
        Organiser => "Organizador",
        Legend => "Leyenda",
        NoData => "Sin datos",
        Map => "Mapa",
        MapMeasure => "Colorear por",
        MeasureCount => "Número de intervenciones",
        MeasureBudget => "Presupuesto total conocido (US$)",
        MeasureEffective => "Proporción calificada como efectiva o prometedora (de las calificadas)",
        EventsFilterHint => "El filtro de país y el rango de años de inicio también se aplican a los eventos.",
        ChartMap => "Intervenciones por país: mapa",
        MapBudgetNote => "Suma de los presupuestos conocidos en dólares estadounidenses; la mayoría de las intervenciones no tiene presupuesto registrado, así que los totales son cotas inferiores.",
        MapLoadFailed => "No se pudieron cargar las formas del mapa",
        ReadingFile => "Leyendo el archivo…",
        LoadingRows => "Cargando las filas…",
        PreviousKept => "Se siguen mostrando los datos anteriores.",
        ImportHelp => "Elija un archivo CSV o JSON, o suéltelo aquí. Sirven las hojas de cálculo guardadas como CSV: separadas por coma, punto y coma o tabulación, en UTF-8 o Windows-1252, con encabezados en inglés, español o portugués.",
        TryAgain => "Probar con otro archivo",
        Rows => "filas",
        MappingHelp => "El campo de cada columna se asignó a partir de su encabezado. Corrija los que estén mal, o ignore una columna, y luego cargue. El nombre y el país son obligatorios.",
        IgnoreColumn => "(ignorar)",
        MissingRequired => "Ninguna columna aporta estos campos obligatorios, así que se rechazarían todas las filas:",
        LoadRows => "Cargar",
        DownloadReport => "Descargar el informe",
        LoadYourData => "Cargar sus datos",
        BackToBundled => "Volver a los datos incluidos",
        StartedPerYear => "Iniciadas por año",
        ChartEventsMap => "Eventos por país: mapa",
        MeasureEvents => "Número de eventos",
        AllOrganisers => "Todos los organizadores",
        EventsMapNote => "Los eventos fuera de América Latina y el Caribe figuran en la lista, pero no en este mapa.",
    }
}

fn portuguese(msg: Msg) -> &'static str {
    use Msg::*;
    match msg {
        AppTitle => "Mirador",
        AppSubtitle => "Intervenções de segurança cidadã na América Latina e no Caribe",
        Loading => "Carregando o conjunto de dados…",
        LoadFailed => "Não foi possível carregar o conjunto de dados",
        Filters => "Filtros",
        ClearAll => "Limpar tudo",
        Clear => "Limpar",
        StartYear => "Ano de início",
        From => "de",
        To => "até",
        BudgetUsd => "Orçamento (US$)",
        Minimum => "mínimo",
        Maximum => "máximo",
        Search => "Buscar",
        SearchPlaceholder => "Nome, local, descrição, executor, financiador",
        NotStated => "Não informado",
        ChartCountry => "Intervenções por país",
        ChartFocus => "Intervenções por área temática",
        ChartEffect => "Intervenções por efetividade",
        ChartBudget => "Distribuição do orçamento (US$, escala logarítmica)",
        ChartDescription => "Gráfico de barras",
        NoMatches => "Nenhuma intervenção corresponde a estes filtros.",
        Previous => "Anterior",
        Next => "Próxima",
        Close => "Fechar",
        Details => "Detalhes",
        Description => "Descrição",
        Country => "País",
        AdminArea => "Estado ou província",
        City => "Cidade",
        Level => "Nível",
        Focus => "Área temática",
        Years => "Anos",
        Implementers => "Executores",
        Funders => "Financiadores",
        Budget => "Orçamento",
        Evaluation => "Desenho de avaliação",
        Effect => "Efetividade",
        Outcomes => "Resultados medidos",
        Sources => "Fontes",
        Name => "Nome",
        Start => "Início",
        Events => "Eventos",
        Date => "Data",
        Place => "Local",
        Organisers => "Organizadores",
        Partners => "Parceiros",
        Access => "Acesso",
        Topics => "Temas",
        AllCountries => "Todos os países",
        Interventions => "Intervenções",
        RecordsRejected => "registros do conjunto de dados não puderam ser carregados",
        SortBy => "Ordenar por",
        FunderType => "Tipo de financiador",
        NoFilters => "Todas as intervenções, sem filtros",
        CopyLink => "Copiar link",
        LinkCopied => "Link copiado",
        IgnoredSettings => "Algumas configurações deste link foram ignoradas:",
        Dismiss => "Dispensar",
        Overview => "Visão geral",
        Embed => "Incorporar",
        EmbedHelp => "Cole este código em uma página web para exibir este gráfico com os filtros atuais:",
        DownloadPng => "PNG",
        DownloadSvg => "SVG",
        DownloadCsv => "CSV",
        DownloadJson => "JSON",
        Citation => "Citar esta visualização",
        CopyCitation => "Copiar a citação",
        OpenFullView => "Abrir a visualização completa no Mirador",
        Copy => "Copiar",
        ChartTimeline => "Intervenções iniciadas por ano",
        ChartGap => "Mapa de lacunas de evidências: área temática × resultado medido",
        ChartCompare => "Comparação entre países",
        ChartEvents => "Eventos ao longo do tempo",
        OtherEvents => "Outros eventos",
        Timeline => "Linha do tempo",
        Evidence => "Evidências",
        Comparison => "Comparar países",
        StackBy => "Empilhar por",
        ColourBy => "Colorir por",
        CompareCountries => "Países a comparar (de dois a quatro)",
        Summary => "Resumo",
        SharedEvaluated => "Avaliadas (de processo ou de impacto)",
        SharedEffective => "Classificadas como efetivas ou promissoras",
        KnownBudget => "Orçamento conhecido (US$)",
        EventsTimeline => "Eventos",
        RelatedInterventions => "Intervenções relacionadas",
        Series => "Série",
        Year => "Ano",
        AllSeries => "Todas as séries",
        AllYears => "Todos os anos",
        Organiser => "Organizador",
        Legend => "Legenda",
        NoData => "Sem dados",
        Map => "Mapa",
        MapMeasure => "Colorir por",
        MeasureCount => "Número de intervenções",
        MeasureBudget => "Orçamento total conhecido (US$)",
        MeasureEffective => "Proporção classificada como efetiva ou promissora (das classificadas)",
        EventsFilterHint => "O filtro de país e o intervalo de anos de início também se aplicam aos eventos.",
        ChartMap => "Intervenções por país: mapa",
        MapBudgetNote => "Soma dos orçamentos conhecidos em dólares americanos; a maioria das intervenções não tem orçamento registrado, portanto os totais são limites inferiores.",
        MapLoadFailed => "Não foi possível carregar as formas do mapa",
        ReadingFile => "Lendo o arquivo…",
        LoadingRows => "Carregando as linhas…",
        PreviousKept => "Os dados anteriores continuam sendo exibidos.",
        ImportHelp => "Escolha um arquivo CSV ou JSON, ou solte-o aqui. Planilhas salvas como CSV funcionam: separadas por vírgula, ponto e vírgula ou tabulação, em UTF-8 ou Windows-1252, com cabeçalhos em inglês, espanhol ou português.",
        TryAgain => "Tentar outro arquivo",
        Rows => "linhas",
        MappingHelp => "O campo de cada coluna foi identificado pelo cabeçalho. Corrija os que estiverem errados, ou ignore uma coluna, e depois carregue. Nome e país são obrigatórios.",
        IgnoreColumn => "(ignorar)",
        MissingRequired => "Nenhuma coluna fornece estes campos obrigatórios, então todas as linhas seriam rejeitadas:",
        LoadRows => "Carregar",
        DownloadReport => "Baixar o relatório",
        LoadYourData => "Carregar seus dados",
        BackToBundled => "Voltar aos dados incluídos",
        StartedPerYear => "Iniciadas por ano",
        ChartEventsMap => "Eventos por país: mapa",
        MeasureEvents => "Número de eventos",
        AllOrganisers => "Todos os organizadores",
        EventsMapNote => "Eventos fora da América Latina e do Caribe aparecem na lista, mas não neste mapa.",
    }
}

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

/// The data credit under the page and each embed: the dataset, its version and release date.
pub fn data_credit(lang: Lang) -> String {
    let (v, d) = (DATASET_VERSION, DATASET_DATE);
    match lang {
        Lang::En => format!("Data: Mirador open dataset, version {v} ({d}), sources cited on every record"),
        Lang::Es => format!("Datos: conjunto de datos abierto Mirador, versión {v} ({d}), con las fuentes citadas en cada registro"),
        Lang::Pt => format!("Dados: conjunto de dados aberto Mirador, versão {v} ({d}), com as fontes citadas em cada registro"),
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

#[cfg(test)]
mod tests {
    use super::labels::{translated_country, COUNTRY_NAMES};
    use super::*;
    use crate::country::english_name;
    use crate::selection::{Facet, NOT_STATED};

    #[test]
    fn counts_and_lines() {
        assert_eq!(format_count(Lang::En, 0), "0");
        assert_eq!(format_count(Lang::En, 999), "999");
        assert_eq!(format_count(Lang::En, 1284), "1,284");
        assert_eq!(format_count(Lang::En, 1_000_000), "1,000,000");
        assert_eq!(
            matching_line(Lang::En, 132, 1284),
            "132 of 1,284 interventions"
        );
        assert!(budget_coverage_line(Lang::En, 38, 100).starts_with("Budget known for 38%"));
        assert!(budget_coverage_line(Lang::En, 0, 0).starts_with("Budget known for 0%"));
    }

    #[test]
    fn money() {
        assert_eq!(format_usd_short(Lang::En, 21_000_000.0), "US$21M");
        assert_eq!(format_usd_short(Lang::En, 3_200_000.0), "US$3.2M");
        assert_eq!(format_usd_short(Lang::En, 320_000.0), "US$320k");
        assert_eq!(format_usd_short(Lang::En, 1e9), "US$1B");
    }

    #[test]
    fn labels() {
        assert_eq!(value_label(Lang::En, Facet::Country, "BRA"), "Brazil");
        assert_eq!(value_label(Lang::En, Facet::Country, "XXX"), "XXX");
        assert_eq!(
            value_label(Lang::En, Facet::Effect, "no-effect"),
            "No effect"
        );
        assert_eq!(
            value_label(Lang::En, Facet::Level, NOT_STATED),
            "Not stated"
        );
    }

    #[test]
    fn languages() {
        assert_eq!(Lang::ALL.len(), 3);
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("es"), Some(Lang::Es));
        assert_eq!(Lang::from_code("pt-BR"), Some(Lang::Pt));
        assert_eq!(Lang::from_code("ES"), Some(Lang::Es));
        assert_eq!(Lang::from_code("en_GB"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(Lang::from_code(""), None);
        assert_eq!(Lang::En.native_name(), "English");
        assert_eq!(Lang::Es.native_name(), "Español");
        assert_eq!(Lang::Pt.native_name(), "Português");
        assert_eq!(Lang::default(), Lang::En);
    }

    #[test]
    fn counts_and_lines_es_pt() {
        assert_eq!(format_count(Lang::Es, 999), "999");
        assert_eq!(format_count(Lang::Es, 1284), "1.284");
        assert_eq!(format_count(Lang::Pt, 1_000_000), "1.000.000");
        assert_eq!(
            matching_line(Lang::Es, 132, 1284),
            "132 de 1.284 intervenciones"
        );
        assert_eq!(
            matching_line(Lang::Pt, 132, 1284),
            "132 de 1.284 intervenções"
        );
        assert_eq!(matching_line(Lang::Es, 1, 1), "1 de 1 intervención");
        assert_eq!(matching_line(Lang::Pt, 0, 1), "0 de 1 intervenção");
        assert!(
            budget_coverage_line(Lang::Es, 38, 100).starts_with("Presupuesto conocido para el 38%")
        );
        assert!(budget_coverage_line(Lang::Pt, 0, 0).starts_with("Orçamento conhecido para 0%"));
        assert_eq!(page_line(Lang::Es, 2, 0), "Página 2 de 1");
        assert_eq!(page_line(Lang::Pt, 2, 7), "Página 2 de 7");
        assert_eq!(
            undated_events_note(Lang::Es, 1),
            "1 evento sin fecha figura en la lista de abajo, pero no se representa."
        );
        assert_eq!(
            undated_events_note(Lang::Pt, 3),
            "3 eventos sem data aparecem na lista abaixo, mas não são representados."
        );
        assert_eq!(
            import_summary(Lang::Es, 1204, 1198, 6, 1),
            "1.204 filas: 1.198 cargadas, 6 rechazadas (detalladas abajo, con su línea y el motivo), 1 advertencia."
        );
        assert_eq!(
            import_summary(Lang::Pt, 1, 1, 0, 0),
            "1 linha: 1 carregada, 0 rejeitadas, 0 avisos."
        );
        assert!(timeline_note(Lang::Es, 1, 10, false)
            .starts_with("1 de 10 intervenciones no tiene año de inicio y no se representa."));
        assert!(timeline_note(Lang::Pt, 2, 10, true)
            .starts_with("2 de 10 intervenções não têm ano de início e não são representadas."));
        assert_eq!(
            format_amount(Lang::Es, 21_000_000.0, "USD"),
            "USD 21.000.000"
        );
    }

    #[test]
    fn money_es_pt() {
        assert_eq!(format_usd_short(Lang::Es, 21_000_000.0), "US$21 M");
        assert_eq!(format_usd_short(Lang::Es, 3_200_000.0), "US$3,2 M");
        assert_eq!(format_usd_short(Lang::Es, 320_000.0), "US$320 mil");
        assert_eq!(format_usd_short(Lang::Es, 1.2e9), "US$1,2 mil M");
        assert_eq!(format_usd_short(Lang::Pt, 21_000_000.0), "US$ 21 mi");
        assert_eq!(format_usd_short(Lang::Pt, 3_200_000.0), "US$ 3,2 mi");
        assert_eq!(format_usd_short(Lang::Pt, 1e9), "US$ 1 bi");
        assert_eq!(format_usd_short(Lang::Pt, 500.0), "US$ 500");
        assert_eq!(
            compare_caption(Lang::Es, 35, 1.2e9, 9, 40),
            "35 intervenciones · US$1,2 mil M conocidos (9)"
        );
        assert_eq!(
            compare_caption(Lang::En, 6, 0.0, 0, 15),
            "6 interventions · budget unknown"
        );
        assert_eq!(
            compare_caption(Lang::En, 0, 0.0, 0, 15),
            "none match these filters (15 in all)"
        );
    }

    #[test]
    fn labels_es_pt() {
        assert_eq!(value_label(Lang::Es, Facet::Country, "BRA"), "Brasil");
        assert_eq!(value_label(Lang::Pt, Facet::Country, "MEX"), "México");
        assert_eq!(value_label(Lang::Pt, Facet::Country, "PRI"), "Porto Rico");
        assert_eq!(value_label(Lang::Es, Facet::Country, "XXX"), "XXX");
        assert_eq!(
            value_label(Lang::Es, Facet::Level, NOT_STATED),
            "No indicado"
        );
        assert_eq!(
            value_label(Lang::Pt, Facet::Level, NOT_STATED),
            "Não informado"
        );
        assert_eq!(effect_label(Lang::Es, Effect::Promising), "Prometedora");
        assert_eq!(effect_label(Lang::Pt, Effect::Promising), "Promissora");
        assert_eq!(
            focus_label(Lang::Es, Focus::Youth),
            "Prevención de la violencia juvenil"
        );
        assert_eq!(
            evaluation_label(Lang::Es, Evaluation::QuasiExperimental),
            "Evaluación cuasi-experimental"
        );
        assert_eq!(
            evaluation_label(Lang::Pt, Evaluation::Experimental),
            "Ensaio randomizado"
        );
        assert_eq!(
            text(Lang::Es, Msg::AppSubtitle),
            "Intervenciones de seguridad ciudadana en América Latina y el Caribe"
        );
        assert_eq!(
            text(Lang::Pt, Msg::AppSubtitle),
            "Intervenções de segurança cidadã na América Latina e no Caribe"
        );
        assert_eq!(facet_title(Lang::Pt, Facet::Funder), "Tipo de financiador");
    }

    #[test]
    fn country_names() {
        assert!(COUNTRY_NAMES.windows(2).all(|w| w[0].0 < w[1].0));
        let required = [
            "ARG", "ATG", "BHS", "BRB", "BLZ", "BOL", "BRA", "CHL", "COL", "CRI", "CUB", "DMA",
            "DOM", "ECU", "SLV", "GRD", "GTM", "GUY", "HTI", "HND", "JAM", "MEX", "NIC", "PAN",
            "PRY", "PER", "KNA", "LCA", "VCT", "SUR", "TTO", "URY", "VEN", "PRI", "ABW", "CUW",
            "SXM", "BES", "GUF", "GLP", "MTQ", "MSR", "AIA", "VGB", "VIR", "CYM", "TCA", "BLM",
            "MAF", "FLK", "USA", "ZAF", "CAN", "ESP", "PRT", "GBR", "FRA", "NLD",
        ];
        assert_eq!(COUNTRY_NAMES.len(), required.len());
        for code in required {
            assert!(english_name(code).is_some(), "{code} has no English name");
            assert!(
                translated_country(code).is_some(),
                "{code} has no translation"
            );
        }
        // Others fall back to the English name.
        assert_eq!(
            country_name(Lang::Es, "DEU"),
            english_name("DEU").unwrap_or("DEU")
        );
        assert_eq!(country_name(Lang::En, "BRA"), "Brazil");
    }

    #[test]
    fn every_message_translated() {
        for msg in Msg::ALL {
            for lang in Lang::ALL {
                assert!(
                    !text(lang, msg).trim().is_empty(),
                    "{msg:?} is empty in {lang:?}"
                );
            }
            let en = text(Lang::En, msg);
            if en.chars().count() > 12 {
                assert_ne!(
                    text(Lang::Es, msg),
                    en,
                    "{msg:?} is untranslated in Spanish"
                );
                assert_ne!(
                    text(Lang::Pt, msg),
                    en,
                    "{msg:?} is untranslated in Portuguese"
                );
            }
        }
        for (i, a) in Msg::ALL.iter().enumerate() {
            assert!(
                !Msg::ALL[i + 1..].contains(a),
                "{a:?} listed twice in Msg::ALL"
            );
        }
    }

    #[test]
    fn formatted_lines_translated() {
        let lines = |lang| {
            vec![
                budget_coverage_line(lang, 3, 10),
                effect_coverage_line(lang, 3, 10),
                gap_note(lang, 3, 10),
                timeline_note(lang, 3, 10, true),
                synthetic_banner(lang, 10),
                own_data_banner(lang, "file.csv", 10),
                import_summary(lang, 10, 9, 1, 2),
                undated_events_note(lang, 2),
                compare_caption(lang, 10, 1e6, 2, 12),
            ]
        };
        let en = lines(Lang::En);
        for lang in [Lang::Es, Lang::Pt] {
            for (a, b) in lines(lang).iter().zip(&en) {
                assert_ne!(a, b);
            }
        }
    }
}
