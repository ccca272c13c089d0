//! The one translation table: every string a person reads goes through here.
//!
//! `Msg` names each fixed string; `text()` holds, per language, a `match` over every `Msg`, so
//! adding a language (Spanish and Portuguese come next) is a compile error until every string is
//! translated. Labels of vocabulary values and number formats live here too, because they differ
//! by language ("1,284" / "1.284").

use crate::country::english_name;
use crate::model::*;
use crate::selection::{Facet, NOT_STATED};

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
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
    DataCredit,
    SortBy,
    FunderType,
    NoFilters,
    CopyLink,
    LinkCopied,
    IgnoredSettings,
    Dismiss,
    Overview,
    ViewNotYet,
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

/// The text of a fixed string.
pub fn text(lang: Lang, msg: Msg) -> &'static str {
    match lang {
        Lang::En => english(msg),
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
        DataCredit => "Data: Mirador open dataset, sources cited on every record",
        SortBy => "Sort by",
        FunderType => "Funder type",
        NoFilters => "All interventions, no filters",
        CopyLink => "Copy link",
        LinkCopied => "Link copied",
        IgnoredSettings => "Some settings in this link were ignored:",
        Dismiss => "Dismiss",
        Overview => "Overview",
        ViewNotYet => "this view is not available yet; showing the overview",
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
        MeasureEffective => "Share rated effective or promising",
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

/// The heading of a facet.
pub fn facet_title(lang: Lang, facet: Facet) -> &'static str {
    text(
        lang,
        match facet {
            Facet::Country => Msg::Country,
            Facet::Focus => Msg::Focus,
            Facet::Level => Msg::Level,
            Facet::Funder => Msg::FunderType,
            Facet::Evaluation => Msg::Evaluation,
            Facet::Effect => Msg::Effect,
            Facet::Outcome => Msg::Outcomes,
        },
    )
}

/// The label of a facet value (a country name, a vocabulary label, or "Not stated").
pub fn value_label(lang: Lang, facet: Facet, key: &str) -> String {
    if key == NOT_STATED {
        return text(lang, Msg::NotStated).to_owned();
    }
    let label = match facet {
        Facet::Country => return country_name(lang, key),
        Facet::Focus => Focus::from_key(key).map(|v| focus_label(lang, v)),
        Facet::Level => Level::from_key(key).map(|v| level_label(lang, v)),
        Facet::Funder => ActorType::from_key(key).map(|v| actor_type_label(lang, v)),
        Facet::Evaluation => Evaluation::from_key(key).map(|v| evaluation_label(lang, v)),
        Facet::Effect => Effect::from_key(key).map(|v| effect_label(lang, v)),
        Facet::Outcome => Outcome::from_key(key).map(|v| outcome_label(lang, v)),
    };
    label.map_or_else(|| key.to_owned(), str::to_owned)
}

pub fn country_name(lang: Lang, code: &str) -> String {
    match lang {
        Lang::En => english_name(code).map_or_else(|| code.to_owned(), str::to_owned),
    }
}

pub fn focus_label(lang: Lang, v: Focus) -> &'static str {
    match (lang, v) {
        (Lang::En, Focus::Policing) => "Policing",
        (Lang::En, Focus::Justice) => "Justice",
        (Lang::En, Focus::Prisons) => "Prisons and reintegration",
        (Lang::En, Focus::Youth) => "Youth violence prevention",
        (Lang::En, Focus::Community) => "Community prevention",
        (Lang::En, Focus::Urban) => "Urban upgrading",
        (Lang::En, Focus::Gender) => "Violence against women",
        (Lang::En, Focus::Firearms) => "Firearms",
        (Lang::En, Focus::Drugs) => "Drugs",
        (Lang::En, Focus::Information) => "Crime information",
        (Lang::En, Focus::Institutions) => "Institutional reform",
        (Lang::En, Focus::OrganizedCrime) => "Organised crime",
    }
}

pub fn level_label(lang: Lang, v: Level) -> &'static str {
    match (lang, v) {
        (Lang::En, Level::National) => "National",
        (Lang::En, Level::Subnational) => "State or province",
        (Lang::En, Level::Municipal) => "Municipal",
        (Lang::En, Level::Regional) => "Multi-country",
    }
}

pub fn actor_type_label(lang: Lang, v: ActorType) -> &'static str {
    match (lang, v) {
        (Lang::En, ActorType::NationalGovernment) => "National government",
        (Lang::En, ActorType::SubnationalGovernment) => "Subnational government",
        (Lang::En, ActorType::Multilateral) => "Multilateral agency",
        (Lang::En, ActorType::Bilateral) => "Bilateral agency",
        (Lang::En, ActorType::Foundation) => "Foundation",
        (Lang::En, ActorType::PrivateSector) => "Private sector",
        (Lang::En, ActorType::CivilSociety) => "Civil society",
        (Lang::En, ActorType::Academic) => "Academic",
    }
}

pub fn evaluation_label(lang: Lang, v: Evaluation) -> &'static str {
    match (lang, v) {
        (Lang::En, Evaluation::None) => "Not evaluated",
        (Lang::En, Evaluation::Monitoring) => "Monitoring only",
        (Lang::En, Evaluation::Process) => "Process evaluation",
        (Lang::En, Evaluation::QuasiExperimental) => "Quasi-experimental",
        (Lang::En, Evaluation::Experimental) => "Randomised trial",
    }
}

pub fn effect_label(lang: Lang, v: Effect) -> &'static str {
    match (lang, v) {
        (Lang::En, Effect::Effective) => "Effective",
        (Lang::En, Effect::Promising) => "Promising",
        (Lang::En, Effect::Mixed) => "Mixed",
        (Lang::En, Effect::NoEffect) => "No effect",
        (Lang::En, Effect::Harmful) => "Harmful",
        (Lang::En, Effect::Unknown) => "Inconclusive",
    }
}

pub fn outcome_label(lang: Lang, v: Outcome) -> &'static str {
    match (lang, v) {
        (Lang::En, Outcome::Homicide) => "Homicide",
        (Lang::En, Outcome::ViolentCrime) => "Violent crime",
        (Lang::En, Outcome::PropertyCrime) => "Property crime",
        (Lang::En, Outcome::Victimization) => "Victimisation",
        (Lang::En, Outcome::Perception) => "Perception of safety",
        (Lang::En, Outcome::Recidivism) => "Recidivism",
        (Lang::En, Outcome::GenderViolence) => "Gender-based violence",
        (Lang::En, Outcome::YouthOutcomes) => "Youth outcomes",
        (Lang::En, Outcome::Trust) => "Trust in institutions",
        (Lang::En, Outcome::Other) => "Other",
    }
}

pub fn event_kind_label(lang: Lang, v: EventKind) -> &'static str {
    match (lang, v) {
        (Lang::En, EventKind::PolicyDialogue) => "Policy dialogue",
        (Lang::En, EventKind::Clinic) => "Clinic",
        (Lang::En, EventKind::Conference) => "Conference",
        (Lang::En, EventKind::Forum) => "Forum",
        (Lang::En, EventKind::Seminar) => "Seminar",
        (Lang::En, EventKind::Webinar) => "Webinar",
        (Lang::En, EventKind::FieldVisit) => "Field visit",
    }
}

pub fn access_label(lang: Lang, v: Access) -> &'static str {
    match (lang, v) {
        (Lang::En, Access::Open) => "Open",
        (Lang::En, Access::Registration) => "Open, with registration",
        (Lang::En, Access::Invitation) => "By invitation",
        (Lang::En, Access::Closed) => "Closed-door",
    }
}

/// An integer with the language's thousands separator: "1,284".
pub fn format_count(lang: Lang, n: usize) -> String {
    let sep = match lang {
        Lang::En => ',',
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

/// "132 of 1,284 interventions".
pub fn matching_line(lang: Lang, matching: usize, total: usize) -> String {
    match lang {
        Lang::En => format!(
            "{} of {} intervention{}",
            format_count(lang, matching),
            format_count(lang, total),
            if total == 1 { "" } else { "s" }
        ),
    }
}

/// "Budget known for 38% of the matching interventions".
pub fn budget_coverage_line(lang: Lang, known: usize, matching: usize) -> String {
    let pct = if matching == 0 { 0 } else { (known * 100 + matching / 2) / matching };
    match lang {
        Lang::En => format!(
            "Budget known for {pct}% of the matching interventions ({} of {}); unknown budgets are not drawn.",
            format_count(lang, known),
            format_count(lang, matching)
        ),
    }
}

/// "Effectiveness rated for 11% of the matching interventions (26 of 241)".
pub fn effect_coverage_line(lang: Lang, rated: usize, matching: usize) -> String {
    let pct = if matching == 0 { 0 } else { (rated * 100 + matching / 2) / matching };
    match lang {
        Lang::En => format!(
            "Effectiveness rated for {pct}% of the matching interventions ({} of {}); the rest are not stated, not ineffective.",
            format_count(lang, rated),
            format_count(lang, matching)
        ),
    }
}

/// "35 interventions · US$1.2B known (9)".
pub fn compare_caption(lang: Lang, count: usize, budget_usd: f64, budget_known: usize) -> String {
    match lang {
        Lang::En => format!(
            "{} interventions · {} known ({})",
            format_count(lang, count),
            format_usd_short(lang, budget_usd),
            format_count(lang, budget_known)
        ),
    }
}

/// "1,204 rows: 1,198 loaded, 6 rejected (listed below), 14 warnings."
pub fn import_summary(lang: Lang, rows: usize, accepted: usize, rejected: usize, warnings: usize) -> String {
    match lang {
        Lang::En => format!(
            "{} rows: {} loaded, {} rejected{}, {} warnings.",
            format_count(lang, rows),
            format_count(lang, accepted),
            format_count(lang, rejected),
            if rejected > 0 { " (listed below, with line and reason)" } else { "" },
            format_count(lang, warnings)
        ),
    }
}

/// The banner over synthetic data.
pub fn synthetic_banner(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("Synthetic data: {} generated interventions for testing speed at scale. They are not real programmes.", format_count(lang, n)),
    }
}

/// The banner over data a person loaded.
pub fn own_data_banner(lang: Lang, source: &str, n: usize) -> String {
    match lang {
        Lang::En => format!("Showing your data: {} ({} interventions), not the bundled dataset.", source, format_count(lang, n)),
    }
}

/// The note under the timeline.
pub fn timeline_note(lang: Lang, undated: usize, matching: usize, multi: bool) -> String {
    match lang {
        Lang::En => {
            let mut s = format!("{} of {} interventions have no start year and are not drawn.", format_count(lang, undated), format_count(lang, matching));
            if multi {
                s.push_str(" An intervention with several focus areas counts in each. Drag across years to filter.");
            } else {
                s.push_str(" Drag across years to filter.");
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
    }
}

/// "3 events without a date are listed but not drawn."
pub fn undated_events_note(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("{n} event{} without a date {} listed below but not drawn.", if n == 1 { "" } else { "s" }, if n == 1 { "is" } else { "are" }),
    }
}

/// "Page 2 of 7".
pub fn page_line(lang: Lang, page: usize, pages: usize) -> String {
    match lang {
        Lang::En => format!("Page {} of {}", page, pages.max(1)),
    }
}

/// A US dollar amount in short form for axes and tooltips: "US$21M", "US$350k", "US$1.2B".
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
    let num = if value >= 10.0 || value.fract() == 0.0 { format!("{value:.0}") } else { format!("{value:.1}") };
    match lang {
        Lang::En => format!("US${num}{suffix}"),
    }
}

/// A full amount with its currency: "USD 21,000,000".
pub fn format_amount(lang: Lang, amount: f64, currency: &str) -> String {
    let whole = format_count(lang, amount.round() as usize);
    format!("{currency} {whole}")
}

/// The accessible description of a bar chart: its title, then every value.
pub fn chart_aria_label(lang: Lang, title: &str, items: &[(String, usize)], note: Option<&str>) -> String {
    let values: Vec<String> = items.iter().map(|(label, n)| format!("{label}: {}", format_count(lang, *n))).collect();
    let mut s = format!("{}: {}. {}.", text(lang, Msg::ChartDescription), title, values.join("; "));
    if let Some(note) = note {
        s.push(' ');
        s.push_str(note);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_lines() {
        assert_eq!(format_count(Lang::En, 0), "0");
        assert_eq!(format_count(Lang::En, 999), "999");
        assert_eq!(format_count(Lang::En, 1284), "1,284");
        assert_eq!(format_count(Lang::En, 1_000_000), "1,000,000");
        assert_eq!(matching_line(Lang::En, 132, 1284), "132 of 1,284 interventions");
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
        assert_eq!(value_label(Lang::En, Facet::Effect, "no-effect"), "No effect");
        assert_eq!(value_label(Lang::En, Facet::Level, NOT_STATED), "Not stated");
    }
}
