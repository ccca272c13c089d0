//! The whole dashboard state as a query string, both ways, so a link reopens the exact view and
//! `mirador render --state '…'` draws what the person saw.
//!
//! Keys (documented in README): `country`, `focus`, `level`, `funder`, `evaluation`, `effect`
//! (comma-separated vocabulary keys), `year` and `budget` (ranges `A..B`, either side may be
//! empty), `q` (search), `view`, `compare`, `chart`, `embed`, `lang`, `data`, `sort`
//! (`budget` or `-budget` for descending), `page` (from 1), `record` (an open detail panel), `v`
//! (the version of the bundled dataset a shared link was made with).
//! Parsing never fails: an unknown key or a bad value is skipped and reported as a `Notice`, so
//! the page can say what it ignored. Writing is canonical (fixed key order, defaults left out,
//! commas and dots kept readable), so equal states give equal links.

use crate::aggregate::studies::StudySort;
use crate::aggregate::views::{GapColour, GapCount, MapMeasure, Stack, ViewOptions};
use crate::aggregate::ChartKind;
use crate::country::is_iso_alpha3;
use crate::i18n::Lang;
use crate::model::{ActorType, Effect, Evaluation, Focus, Level};
use crate::selection::{Bounds, Facet, NOT_STATED};
use crate::state::{DashboardState, Sort, SortKey};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// A page of the dashboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Overview,
    Map,
    Timeline,
    Evidence,
    Compare,
    Events,
    Table,
    Studies,
}

impl View {
    pub const ALL: [View; 8] = [
        View::Overview,
        View::Map,
        View::Timeline,
        View::Evidence,
        View::Studies,
        View::Compare,
        View::Events,
        View::Table,
    ];

    pub fn key(self) -> &'static str {
        match self {
            View::Overview => "overview",
            View::Map => "map",
            View::Timeline => "timeline",
            View::Evidence => "evidence",
            View::Compare => "compare",
            View::Events => "events",
            View::Table => "table",
            View::Studies => "studies",
        }
    }

    pub fn from_key(key: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.key() == key)
    }
}

/// Everything a link carries.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UrlState {
    pub dashboard: DashboardState,
    pub view: View,
    /// Countries to compare side by side (alpha-3).
    pub compare: Vec<String>,
    /// The chart a view highlights (a chart name).
    pub chart: Option<ChartKind>,
    /// Render only this chart, for an iframe.
    pub embed: Option<ChartKind>,
    pub lang: Lang,
    /// A dataset to load instead of the bundled one (http(s) URL).
    pub data: Option<String>,
    /// Timeline stacking (`stack`) and gap-map colouring (`colour`).
    pub stack: Stack,
    pub colour: GapColour,
    /// What the gap map's bubbles count (`count`: interventions or studies).
    pub gap_count: GapCount,
    /// Studies view: sort column and direction (`ssort`, `-` for descending).
    pub study_sort: Option<(StudySort, bool)>,
    /// Events view: one series, one organiser (`series`, `organiser`), an open event (`event`).
    pub series: Option<String>,
    pub organiser: Option<String>,
    pub event: Option<String>,
    /// What colours the map (`measure`).
    pub measure: MapMeasure,
    /// `demo=synthetic&n=N`: N synthetic interventions instead of the data (for scale tests).
    pub demo: Option<usize>,
    /// `v`: the version of the bundled dataset the link was made with, so the page that opens it
    /// can say when its numbers come from another release. A shared link carries it; the address
    /// bar does not.
    pub version: Option<String>,
}

impl UrlState {
    /// The view options the charts need.
    pub fn view_options(&self) -> ViewOptions {
        ViewOptions {
            stack: self.stack,
            colour: self.colour,
            gap_count: self.gap_count,
            compare: self.compare.clone(),
            series: self.series.clone(),
            organiser: self.organiser.clone(),
            measure: self.measure,
            atlas: None,
            studies: None,
        }
    }
}

/// Something in the query string that was ignored, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub key: String,
    pub value: String,
    pub reason: String,
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}={}: {}", self.key, shorten(&self.value), self.reason)
    }
}

fn shorten(s: &str) -> String {
    if s.chars().count() > 60 {
        s.chars().take(59).collect::<String>() + "…"
    } else {
        s.to_owned()
    }
}

/// Is `key` a valid value of `facet`?
fn valid_value(facet: Facet, key: &str) -> bool {
    key == NOT_STATED
        || match facet {
            Facet::Country => is_iso_alpha3(key),
            Facet::Region => crate::model::Region::from_key(key).is_some(),
            Facet::Focus => Focus::from_key(key).is_some(),
            Facet::Level => Level::from_key(key).is_some(),
            Facet::Funder => ActorType::from_key(key).is_some(),
            Facet::Evaluation => Evaluation::from_key(key).is_some(),
            Facet::Effect => Effect::from_key(key).is_some(),
            Facet::Outcome => crate::model::Outcome::from_key(key).is_some(),
            Facet::Finding => key.split_once(':').is_some_and(|(o, d)| {
                crate::model::Outcome::from_key(o).is_some()
                    && crate::model::Direction::from_key(d).is_some()
            }),
        }
}

fn parse_range<T: std::str::FromStr + Copy>(value: &str) -> Option<Bounds<T>> {
    let (a, b) = value.split_once("..")?;
    let side = |s: &str| -> Option<Option<T>> {
        let s = s.trim();
        if s.is_empty() {
            Some(None)
        } else {
            s.parse().ok().map(Some)
        }
    };
    Some(Bounds {
        min: side(a)?,
        max: side(b)?,
    })
}

fn sort_key(key: &str) -> Option<SortKey> {
    SortKey::ALL.into_iter().find(|k| k.key() == key)
}

/// Reads a query string (with or without the leading `?`).
pub fn parse_query(query: &str) -> (UrlState, Vec<Notice>) {
    let mut state = UrlState::default();
    let mut notices = Vec::new();
    let query = query.strip_prefix('?').unwrap_or(query);
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        let (key, value) = (key.into_owned(), value.into_owned());
        let mut notice = |reason: String| {
            notices.push(Notice {
                key: key.clone(),
                value: value.clone(),
                reason,
            })
        };
        if let Some(facet) = Facet::from_key(&key) {
            for v in value.split(',').map(str::trim).filter(|v| !v.is_empty()) {
                let v = if facet == Facet::Country {
                    v.to_ascii_uppercase()
                } else {
                    v.to_owned()
                };
                if valid_value(facet, &v) {
                    if !state.dashboard.selection.is_selected(facet, &v) {
                        state.dashboard.selection.toggle(facet, &v);
                    }
                } else {
                    notice(format!("`{v}` is not a known {} value", facet.key()));
                }
            }
            continue;
        }
        match key.as_str() {
            "year" => match parse_range::<i32>(&value) {
                Some(b) if b.min.is_none_or(|y| crate::parse::PLAUSIBLE_YEARS.contains(&y))
                    && b.max.is_none_or(|y| crate::parse::PLAUSIBLE_YEARS.contains(&y)) =>
                {
                    state.dashboard.selection.year = b
                }
                _ => notice("expected a year range such as 2005..2015, 2005.. or ..2015".into()),
            },
            "budget" => match parse_range::<f64>(&value) {
                Some(b) if [b.min, b.max].iter().flatten().all(|v| v.is_finite() && *v >= 0.0) => {
                    state.dashboard.selection.budget = b
                }
                _ => notice("expected a budget range in US dollars such as 1000000..5000000".into()),
            },
            "q" => state.dashboard.selection.query = value.clone(),
            "view" => match View::from_key(&value) {
                Some(v) => state.view = v,
                None => notice("unknown view".into()),
            },
            "compare" => {
                for c in value.split(',').map(|c| c.trim().to_ascii_uppercase()).filter(|c| !c.is_empty()) {
                    if is_iso_alpha3(&c) && !state.compare.contains(&c) {
                        state.compare.push(c);
                    } else if !is_iso_alpha3(&c) {
                        notice(format!("`{c}` is not a country code"));
                    }
                }
            }
            "chart" | "embed" => match ChartKind::from_key(&value) {
                Some(k) if key == "chart" => state.chart = Some(k),
                Some(k) => state.embed = Some(k),
                None => notice("unknown chart (country, focus, effect, budget, timeline, gap, compare, events)".into()),
            },
            "stack" => match Stack::from_key(&value) {
                Some(v) => state.stack = v,
                None => notice("expected focus or effect".into()),
            },
            "colour" | "color" => match GapColour::from_key(&value) {
                Some(v) => state.colour = v,
                None => notice("expected evaluation, effect or direction".into()),
            },
            "count" => match GapCount::from_key(&value) {
                Some(v) => state.gap_count = v,
                None => notice("expected interventions or studies".into()),
            },
            "ssort" => {
                let (desc, key) = match value.strip_prefix('-') {
                    Some(k) => (true, k),
                    None => (false, value.as_str()),
                };
                match StudySort::from_key(key) {
                    Some(k) => state.study_sort = Some((k, desc)),
                    None => notice("expected year, title, design or country (- for descending)".into()),
                }
            }
            "demo" => match value.as_str() {
                "synthetic" => state.demo = Some(state.demo.unwrap_or(100_000)),
                _ => notice("the only demo is `synthetic`".into()),
            },
            "n" => match value.replace('_', "").parse::<usize>() {
                Ok(n) if (1..=2_000_000).contains(&n) => state.demo = Some(n),
                _ => notice("expected a number of synthetic rows from 1 to 2000000 (with demo=synthetic)".into()),
            },
            "measure" => match MapMeasure::from_key(&value) {
                Some(v) => state.measure = v,
                None => notice("expected count, budget or effective".into()),
            },
            "series" if !value.trim().is_empty() => state.series = Some(value.clone()),
            "organiser" if !value.trim().is_empty() => state.organiser = Some(value.clone()),
            "event" if !value.trim().is_empty() => state.event = Some(value.clone()),
            "lang" => match Lang::from_code(&value) {
                Some(l) => state.lang = l,
                None => notice("available languages: en, es, pt".into()),
            },
            "data" => {
                if crate::model::is_web_link(&value) {
                    state.data = Some(value.clone());
                } else {
                    notice("a dataset link must be an http(s) URL".into());
                }
            }
            "sort" => {
                let (descending, name) = match value.strip_prefix('-') {
                    Some(rest) => (true, rest),
                    None => (false, value.as_str()),
                };
                match sort_key(name) {
                    Some(k) => state.dashboard.sort = Sort { key: k, descending },
                    None => notice("unknown column".into()),
                }
            }
            "page" => match value.parse::<usize>() {
                Ok(p) if p >= 1 => state.dashboard.page = p - 1,
                _ => notice("expected a page number from 1".into()),
            },
            "record" => {
                if !value.trim().is_empty() {
                    state.dashboard.record = Some(value.clone());
                }
            }
            "v" => {
                let v = value.trim();
                if v.is_empty() || v.chars().count() > 40 {
                    notice("expected a dataset version such as 2026.12.5".into());
                } else {
                    state.version = Some(v.to_owned());
                }
            }
            _ => notice("unknown setting".into()),
        }
    }
    (state, notices)
}

/// Characters kept as they are in values: letters, digits and `-_.~,` (commas separate values,
/// dots write ranges), so links stay readable.
const VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~')
    .remove(b',')
    .remove(b':');

fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

fn range<T: Copy>(b: &Bounds<T>, show: impl Fn(T) -> String) -> String {
    format!(
        "{}..{}",
        b.min.map(&show).unwrap_or_default(),
        b.max.map(&show).unwrap_or_default()
    )
}

/// Writes the canonical query string (without `?`; empty for the default view).
pub fn to_query(state: &UrlState) -> String {
    let mut pairs: Vec<(&str, String)> = Vec::new();
    let d = &state.dashboard;
    if state.embed.is_none() && state.view != View::Overview {
        pairs.push(("view", state.view.key().into()));
    }
    for facet in Facet::ALL {
        let values = d.selection.selected(facet);
        if !values.is_empty() {
            pairs.push((
                facet.key(),
                values.iter().cloned().collect::<Vec<_>>().join(","),
            ));
        }
    }
    if d.selection.year.is_active() {
        pairs.push(("year", range(&d.selection.year, |y| y.to_string())));
    }
    if d.selection.budget.is_active() {
        pairs.push(("budget", range(&d.selection.budget, number)));
    }
    if !d.selection.query.is_empty() {
        pairs.push(("q", d.selection.query.clone()));
    }
    if !state.compare.is_empty() {
        pairs.push(("compare", state.compare.join(",")));
    }
    if state.stack != Stack::default() {
        pairs.push(("stack", state.stack.key().into()));
    }
    if state.colour != GapColour::default() {
        pairs.push(("colour", state.colour.key().into()));
    }
    if state.gap_count != GapCount::default() {
        pairs.push(("count", state.gap_count.key().into()));
    }
    if let Some((k, desc)) = state.study_sort {
        pairs.push((
            "ssort",
            format!("{}{}", if desc { "-" } else { "" }, k.key()),
        ));
    }
    if state.measure != MapMeasure::default() {
        pairs.push(("measure", state.measure.key().into()));
    }
    for (k, v) in [
        ("series", &state.series),
        ("organiser", &state.organiser),
        ("event", &state.event),
    ] {
        if let Some(v) = v {
            pairs.push((k, v.clone()));
        }
    }
    if let Some(c) = state.chart {
        pairs.push(("chart", c.key().into()));
    }
    if let Some(e) = state.embed {
        pairs.push(("embed", e.key().into()));
    }
    if d.sort != Sort::default() {
        pairs.push((
            "sort",
            format!(
                "{}{}",
                if d.sort.descending { "-" } else { "" },
                d.sort.key.key()
            ),
        ));
    }
    if d.page > 0 {
        pairs.push(("page", (d.page + 1).to_string()));
    }
    if let Some(r) = &d.record {
        pairs.push(("record", r.clone()));
    }
    if state.lang != Lang::En {
        pairs.push(("lang", state.lang.code().into()));
    }
    if let Some(n) = state.demo {
        pairs.push(("demo", "synthetic".into()));
        pairs.push(("n", n.to_string()));
    }
    if let Some(data) = &state.data {
        pairs.push(("data", data.clone()));
    }
    if let Some(v) = &state.version {
        pairs.push(("v", v.clone()));
    }
    pairs
        .into_iter()
        .map(|(k, v)| {
            format!(
                "{k}={}",
                utf8_percent_encode(&v, VALUE)
                    .to_string()
                    .replace("%20", "+")
            )
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// A one-line summary of the active filters, for embeds, exports and citations:
/// "Country: Brazil, Colombia · Focus: Policing · Start year: 2005–2015".
pub fn filter_summary(state: &DashboardState, lang: Lang) -> String {
    use crate::i18n::{self, Msg};
    let s = &state.selection;
    let mut parts = Vec::new();
    for facet in Facet::ALL {
        let values = s.selected(facet);
        if !values.is_empty() {
            let labels: Vec<String> = values
                .iter()
                .map(|v| i18n::value_label(lang, facet, v))
                .collect();
            parts.push(format!(
                "{}: {}",
                i18n::facet_title(lang, facet),
                labels.join(", ")
            ));
        }
    }
    if s.year.is_active() {
        let show = |v: Option<i32>| v.map(|y| y.to_string()).unwrap_or_default();
        parts.push(format!(
            "{}: {}–{}",
            i18n::text(lang, Msg::StartYear),
            show(s.year.min),
            show(s.year.max)
        ));
    }
    if s.budget.is_active() {
        let show = |v: Option<f64>| {
            v.map(|b| i18n::format_usd_short(lang, b))
                .unwrap_or_default()
        };
        parts.push(format!(
            "{}: {}–{}",
            i18n::text(lang, Msg::BudgetUsd),
            show(s.budget.min),
            show(s.budget.max)
        ));
    }
    if !s.query.trim().is_empty() {
        parts.push(format!(
            "{}: \"{}\"",
            i18n::text(lang, Msg::Search),
            s.query.trim()
        ));
    }
    if parts.is_empty() {
        i18n::text(lang, Msg::NoFilters).to_owned()
    } else {
        parts.join(" · ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_key() {
        let (es, _) = parse_query("lang=es");
        assert_eq!(es.lang, Lang::Es);
        assert_eq!(to_query(&es), "lang=es");
        let (s, notices) = parse_query("?stack=effect&colour=effect&series=IDB+Citizen+Security+Week&event=x&country=BRA,col&focus=youth,policing&level=municipal&funder=multilateral&evaluation=experimental&effect=promising,not-stated&year=2005..&budget=..2000000&q=Medell%C3%ADn+centro&view=table&compare=BRA,MEX&chart=budget&sort=-budget&page=3&record=bra-x&lang=en&data=https%3A%2F%2Fexample.org%2Fd.json");
        assert!(notices.is_empty(), "{notices:?}");
        let sel = &s.dashboard.selection;
        assert!(sel.is_selected(Facet::Country, "BRA") && sel.is_selected(Facet::Country, "COL"));
        assert!(sel.is_selected(Facet::Effect, NOT_STATED));
        assert_eq!(
            sel.year,
            Bounds {
                min: Some(2005),
                max: None
            }
        );
        assert_eq!(
            sel.budget,
            Bounds {
                min: None,
                max: Some(2_000_000.0)
            }
        );
        assert_eq!(sel.query, "Medellín centro");
        assert_eq!(s.view, View::Table);
        assert_eq!(s.compare, vec!["BRA", "MEX"]);
        assert_eq!(s.chart, Some(ChartKind::Budget));
        assert_eq!(
            s.dashboard.sort,
            Sort {
                key: SortKey::Budget,
                descending: true
            }
        );
        assert_eq!(s.dashboard.page, 2);
        assert_eq!(s.dashboard.record.as_deref(), Some("bra-x"));
        assert_eq!(s.data.as_deref(), Some("https://example.org/d.json"));
    }

    #[test]
    fn bad_values_are_ignored_with_a_notice() {
        let (s, notices) = parse_query("country=BRA,Brasil&focus=police&year=abc&budget=-5..&page=0&sort=colour&view=globe&embed=pie&lang=xx&data=javascript:alert(1)&utm_source=mail&compare=ZZZ");
        assert!(s.dashboard.selection.is_selected(Facet::Country, "BRA"));
        assert_eq!(s.dashboard.selection.selected(Facet::Country).len(), 1);
        assert_eq!(s.data, None);
        let keys: Vec<&str> = notices.iter().map(|n| n.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "country",
                "focus",
                "year",
                "budget",
                "page",
                "sort",
                "view",
                "embed",
                "lang",
                "data",
                "utm_source",
                "compare"
            ]
        );
        assert!(
            notices[0]
                .to_string()
                .contains("`BRASIL` is not a known country value"),
            "{}",
            notices[0]
        );
    }

    #[test]
    fn round_trips_canonically() {
        let q = "view=events&country=BRA,COL&effect=not-stated&year=2005..2015&budget=1000000..3200000&q=Medell%C3%ADn+centro&sort=-start&page=2&record=col-1";
        let (s, notices) = parse_query(q);
        assert!(notices.is_empty());
        assert_eq!(to_query(&s), q);
        assert_eq!(to_query(&UrlState::default()), "");
        let (again, _) = parse_query(&to_query(&s));
        assert_eq!(again, s);
    }

    #[test]
    fn a_shared_link_names_its_dataset_version() {
        let (s, notices) = parse_query("country=BRA&v=2026.12.4");
        assert!(notices.is_empty());
        assert_eq!(s.version.as_deref(), Some("2026.12.4"));
        assert_eq!(
            to_query(&s),
            "country=BRA&v=2026.12.4",
            "written last, after the view"
        );
        let (none, _) = parse_query("country=BRA");
        assert_eq!(none.version, None);
        for bad in ["v=", &format!("v={}", "9".repeat(41))] {
            let (s, notices) = parse_query(bad);
            assert_eq!((s.version, notices.len()), (None, 1), "{bad}");
        }
    }

    #[test]
    fn summary_reads_well() {
        let (s, _) = parse_query("country=BRA&focus=youth&year=2005..&q=rio");
        assert_eq!(filter_summary(&s.dashboard, Lang::En), "Country: Brazil · Focus: Youth violence prevention · Start year: 2005– · Search: \"rio\"");
        assert_eq!(
            filter_summary(&DashboardState::default(), Lang::En),
            "All interventions, no filters"
        );
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_round_trips(q in ".{0,120}") {
            let (s, _) = parse_query(&q);
            let (again, notices) = parse_query(&to_query(&s));
            proptest::prop_assert!(notices.is_empty(), "{:?}", notices);
            proptest::prop_assert_eq!(again, s);
        }
    }
}
