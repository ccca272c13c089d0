//! Series for the views beyond the overview: the timeline (interventions started per year,
//! stacked), the evidence gap map (focus × outcome), the country comparison and the events
//! timeline. Like the bar series, each is plain data a chart draws; nothing here knows pixels.

use super::studies::StudySet;
use crate::engine::{FilterResult, Index};
use crate::i18n::{self, Lang};
use crate::model::{Direction, Effect, Evaluation, Event, Focus, Outcome};
use crate::selection::{Facet, Selection};

/// What the timeline's bars are stacked by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Stack {
    #[default]
    Focus,
    Effect,
}

impl Stack {
    pub fn key(self) -> &'static str {
        match self {
            Stack::Focus => "focus",
            Stack::Effect => "effect",
        }
    }
    pub fn from_key(k: &str) -> Option<Stack> {
        match k {
            "focus" => Some(Stack::Focus),
            "effect" => Some(Stack::Effect),
            _ => None,
        }
    }
}

/// What colours the gap map's bubbles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GapColour {
    /// The strongest evaluation design in the cell.
    #[default]
    Evaluation,
    /// The best effectiveness rating in the cell.
    Effect,
    /// What the impact evidence found on the cell's outcome (improved, no change, worsened,
    /// or mixed when its interventions or studies disagree).
    Direction,
}

impl GapColour {
    pub fn key(self) -> &'static str {
        match self {
            GapColour::Evaluation => "evaluation",
            GapColour::Effect => "effect",
            GapColour::Direction => "direction",
        }
    }
    pub fn from_key(k: &str) -> Option<GapColour> {
        match k {
            "evaluation" => Some(GapColour::Evaluation),
            "effect" => Some(GapColour::Effect),
            "direction" => Some(GapColour::Direction),
            _ => None,
        }
    }
}

/// What the gap map's bubbles count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GapCount {
    /// Matching interventions that measured the outcome.
    #[default]
    Interventions,
    /// Studies of matching interventions that report a finding on the outcome.
    Studies,
}

impl GapCount {
    pub fn key(self) -> &'static str {
        match self {
            GapCount::Interventions => "interventions",
            GapCount::Studies => "studies",
        }
    }
    pub fn from_key(k: &str) -> Option<GapCount> {
        match k {
            "interventions" => Some(GapCount::Interventions),
            "studies" => Some(GapCount::Studies),
            _ => None,
        }
    }
}

/// The dataset's studies, shared by every view (compared by identity, as the atlas).
#[derive(Clone)]
pub struct SharedStudies(pub std::sync::Arc<super::studies::StudySet>);

impl PartialEq for SharedStudies {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for SharedStudies {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SharedStudies({} studies)", self.0.len())
    }
}

/// One layer of a stacked chart: its label and whether it stands for "not stated".
#[derive(Debug, Clone, PartialEq)]
pub struct Layer {
    pub key: String,
    pub label: String,
    pub unknown: bool,
}

/// Interventions started per year, stacked, with the events of each year marked.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineSeries {
    pub title: String,
    pub stack: Stack,
    pub years: Vec<i32>,
    pub layers: Vec<Layer>,
    /// `counts[year][layer]`.
    pub counts: Vec<Vec<usize>>,
    /// Interventions per year (a multi-focus intervention counts once here).
    pub totals: Vec<usize>,
    /// Events per year, and their names.
    pub events: Vec<Vec<String>>,
    /// The label of the event row.
    pub events_label: String,
    /// The active year filter, as indexes into `years`.
    pub selected: Option<(usize, usize)>,
    pub note: Option<String>,
}

fn sel_without(sel: &Selection, f: impl FnOnce(&mut Selection)) -> Selection {
    let mut s = sel.clone();
    f(&mut s);
    s
}

fn focus_layers(lang: Lang) -> Vec<Layer> {
    let mut v: Vec<Layer> = Focus::ALL
        .iter()
        .map(|f| Layer {
            key: f.key().into(),
            label: i18n::focus_label(lang, *f).into(),
            unknown: false,
        })
        .collect();
    v.push(Layer {
        key: crate::selection::NOT_STATED.into(),
        label: i18n::text(lang, i18n::Msg::NotStated).into(),
        unknown: true,
    });
    v
}

fn effect_layers(lang: Lang) -> Vec<Layer> {
    let mut v: Vec<Layer> = Effect::ALL
        .iter()
        .map(|e| Layer {
            key: e.key().into(),
            label: i18n::effect_label(lang, *e).into(),
            unknown: false,
        })
        .collect();
    v.push(Layer {
        key: crate::selection::NOT_STATED.into(),
        label: i18n::text(lang, i18n::Msg::NotStated).into(),
        unknown: true,
    });
    v
}

/// The layers a record falls in.
/// The positions of the set bits of `set`.
fn layer_indexes(mut set: u32) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        (set != 0).then(|| {
            let l = set.trailing_zeros() as usize;
            set &= set - 1;
            l
        })
    })
}

/// The timeline: every filter applies except the year range, which it shows as a band.
pub fn timeline(
    index: &Index,
    result: &FilterResult,
    sel: &Selection,
    events: &[Event],
    stack: Stack,
    lang: Lang,
) -> TimelineSeries {
    let title = i18n::text(lang, i18n::Msg::ChartTimeline).to_owned();
    let layers = match stack {
        Stack::Focus => focus_layers(lang),
        Stack::Effect => effect_layers(lang),
    };
    let Some((lo, hi)) = index.year_span() else {
        return TimelineSeries {
            title,
            stack,
            years: vec![],
            layers,
            counts: vec![],
            totals: vec![],
            events: vec![],
            events_label: String::new(),
            selected: None,
            note: None,
        };
    };
    let years: Vec<i32> = (lo..=hi).collect();
    let mut counts = vec![vec![0usize; layers.len()]; years.len()];
    let mut totals = vec![0usize; years.len()];
    // Every filter but the year range; a record's layers are its focus areas ("not stated",
    // the last layer, when none) or its effect, which is how the columns number their values.
    let shown = &result.without_year;
    let cols = index.columns();
    let facet = match stack {
        Stack::Focus => Facet::Focus,
        Stack::Effect => Facet::Effect,
    };
    let mut undated = 0;
    for i in shown.iter() {
        match cols.year(i) {
            Some(y) => {
                let yi = (y - lo) as usize;
                totals[yi] += 1;
                let row = &mut counts[yi];
                for l in layer_indexes(cols.value_set(facet, i)) {
                    row[l] += 1;
                }
            }
            None => undated += 1,
        }
    }
    let mut event_names = vec![Vec::new(); years.len()];
    for e in events {
        if let Some(y) = e.year() {
            if (lo..=hi).contains(&y) {
                event_names[(y - lo) as usize].push(e.name.clone());
            }
        }
    }
    let selected = sel.year.is_active().then(|| {
        let a = sel.year.min.unwrap_or(lo).clamp(lo, hi);
        let b = sel.year.max.unwrap_or(hi).clamp(lo, hi);
        ((a - lo) as usize, (b.max(a) - lo) as usize)
    });
    let note = Some(i18n::timeline_note(
        lang,
        undated,
        shown.len(),
        stack == Stack::Focus,
    ));
    let events_label = i18n::text(lang, i18n::Msg::EventsTimeline).to_owned();
    TimelineSeries {
        title,
        stack,
        years,
        layers,
        counts,
        totals,
        events: event_names,
        events_label,
        selected,
        note,
    }
}

/// One cell of the gap map.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct GapCell {
    pub count: usize,
    pub strongest: Option<Evaluation>,
    pub best: Option<Effect>,
    /// What the impact evidence in the cell found on its outcome; `None` without an impact finding.
    pub direction: Option<Direction>,
}

/// Focus × outcome: how many matching interventions measured each outcome, and how well.
#[derive(Debug, Clone, PartialEq)]
pub struct GapSeries {
    pub title: String,
    /// Legend entries: the labels of the colour scale, in the order of its palette.
    pub legend: Vec<String>,
    pub colour: GapColour,
    pub count: GapCount,
    pub rows: Vec<Layer>,
    pub cols: Vec<Layer>,
    /// `cells[row][col]`.
    pub cells: Vec<Vec<GapCell>>,
    /// The cell the filters select (exactly one focus and one outcome), if any.
    pub selected: Option<(usize, usize)>,
    pub note: Option<String>,
}

/// Effectiveness from best to worst, for "best in the cell".
fn effect_rank(e: Effect) -> usize {
    match e {
        Effect::Effective => 5,
        Effect::Promising => 4,
        Effect::Mixed => 3,
        Effect::Unknown => 2,
        Effect::NoEffect => 1,
        Effect::Harmful => 0,
    }
}

#[allow(clippy::too_many_arguments)]
pub fn gap(
    index: &Index,
    result: &FilterResult,
    sel: &Selection,
    colour: GapColour,
    count: GapCount,
    studies: Option<&StudySet>,
    lang: Lang,
) -> GapSeries {
    let rows: Vec<Layer> = Focus::ALL
        .iter()
        .map(|f| Layer {
            key: f.key().into(),
            label: i18n::focus_label(lang, *f).into(),
            unknown: false,
        })
        .collect();
    let cols: Vec<Layer> = Outcome::ALL
        .iter()
        .map(|o| Layer {
            key: o.key().into(),
            label: i18n::outcome_label(lang, *o).into(),
            unknown: false,
        })
        .collect();
    let mut cells = vec![vec![GapCell::default(); cols.len()]; rows.len()];
    // Columns number values by vocabulary index ("not stated" after them, masked out here).
    let columns = index.columns();
    let (evaluations, effects) = (
        columns
            .single_ids(Facet::Evaluation)
            .expect("single-valued"),
        columns.single_ids(Facet::Effect).expect("single-valued"),
    );
    let focus_mask = (1u32 << Focus::ALL.len()) - 1;
    let outcome_mask = (1u32 << Outcome::ALL.len()) - 1;
    let note = match (count, studies) {
        (GapCount::Studies, Some(set)) => {
            let matching = set.matching(result);
            let mut with_findings = 0;
            for s in &matching {
                let study = &set.studies[*s];
                let mut outcomes = 0u32;
                for f in &study.findings {
                    outcomes |= 1 << f.outcome.index();
                }
                if outcomes == 0 {
                    continue;
                }
                with_findings += 1;
                let mut focus = 0u32;
                let mut best: Option<Effect> = None;
                for r in set.records_of(*s) {
                    let r = *r as usize;
                    if result.matching.contains(r) {
                        focus |= columns.value_set(Facet::Focus, r) & focus_mask;
                        if let Some(e) = Effect::ALL.get(effects[r] as usize).copied() {
                            if best.is_none_or(|b| effect_rank(e) > effect_rank(b)) {
                                best = Some(e);
                            }
                        }
                    }
                }
                for f in layer_indexes(focus) {
                    for o in layer_indexes(outcomes) {
                        let c = &mut cells[f][o];
                        c.count += 1;
                        c.strongest = c.strongest.max(Some(study.design));
                        if let Some(e) = best {
                            if c.best.is_none_or(|b| effect_rank(e) > effect_rank(b)) {
                                c.best = Some(e);
                            }
                        }
                        if let Some(d) = set.study_direction(*s, Outcome::ALL[o]) {
                            c.direction = Direction::combine(c.direction, d);
                        }
                    }
                }
            }
            crate::i18n::evidence::gap_studies_note(lang, with_findings, matching.len())
        }
        _ => {
            let mut with_outcomes = 0;
            // Only records with an outcome fill cells: read those, not every match.
            let stated = columns.value_bitmap(
                Facet::Outcome,
                &Outcome::ALL.iter().map(|o| o.key()).collect::<Vec<_>>(),
            );
            for i in result.matching.and(&stated).iter() {
                with_outcomes += 1;
                let evaluation = Evaluation::ALL.get(evaluations[i] as usize).copied();
                let effect = Effect::ALL.get(effects[i] as usize).copied();
                let outcomes = columns.value_set(Facet::Outcome, i) & outcome_mask;
                let verdicts = studies.map_or(&[][..], |s| s.verdicts_of(i));
                for f in layer_indexes(columns.value_set(Facet::Focus, i) & focus_mask) {
                    for o in layer_indexes(outcomes) {
                        let c = &mut cells[f][o];
                        c.count += 1;
                        c.strongest = c.strongest.max(evaluation);
                        if let Some(e) = effect {
                            if c.best.is_none_or(|b| effect_rank(e) > effect_rank(b)) {
                                c.best = Some(e);
                            }
                        }
                        if let Some((_, d)) = verdicts.iter().find(|(out, _)| out.index() == o) {
                            c.direction = Direction::combine(c.direction, *d);
                        }
                    }
                }
            }
            i18n::gap_note(lang, with_outcomes, result.matching.len())
        }
    };
    let one = |facet: Facet, all: &[Layer]| {
        let s = sel.selected(facet);
        (s.len() == 1)
            .then(|| all.iter().position(|l| s.contains(&l.key)))
            .flatten()
    };
    let selected = one(Facet::Focus, &rows).zip(one(Facet::Outcome, &cols));
    let legend = match colour {
        GapColour::Evaluation => Evaluation::ALL
            .iter()
            .map(|e| i18n::evaluation_label(lang, *e).to_owned())
            .collect(),
        GapColour::Effect => Effect::ALL
            .iter()
            .map(|e| i18n::effect_label(lang, *e).to_owned())
            .collect(),
        GapColour::Direction => Direction::ALL
            .iter()
            .map(|d| crate::i18n::evidence::direction_label(lang, *d).to_owned())
            .chain(std::iter::once(
                crate::i18n::evidence::text(lang, crate::i18n::evidence::Ev::NoImpactFinding)
                    .to_owned(),
            ))
            .collect(),
    };
    GapSeries {
        title: i18n::text(lang, i18n::Msg::ChartGap).to_owned(),
        legend,
        colour,
        count,
        rows,
        cols,
        cells,
        selected,
        note: Some(note),
    }
}

/// One country of the comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct CountryProfile {
    pub code: String,
    pub name: String,
    /// "35 interventions · US$1.2B known budget".
    pub caption: String,
    pub count: usize,
    /// Interventions per focus (a multi-focus one counts in each).
    pub focus: Vec<usize>,
    /// Per effect, then "not stated" last.
    pub effect: Vec<usize>,
    /// With a process, quasi-experimental or experimental evaluation.
    pub evaluated: usize,
    /// Rated effective or promising.
    pub effective_or_promising: usize,
    pub budget_known: usize,
    pub budget_usd: f64,
    /// Interventions started per year over `CompareSeries::years`.
    pub per_year: Vec<usize>,
}

/// Two to four countries side by side, on shared scales.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareSeries {
    pub title: String,
    pub focus_labels: Vec<String>,
    pub effect_labels: Vec<String>,
    pub years: Vec<i32>,
    /// Label of the per-year strip.
    pub years_label: String,
    pub countries: Vec<CountryProfile>,
}

impl CompareSeries {
    /// The longest focus bar across all countries (the shared scale).
    pub fn focus_max(&self) -> usize {
        self.countries
            .iter()
            .flat_map(|c| c.focus.iter().copied())
            .max()
            .unwrap_or(0)
    }
}

/// The comparison: every filter applies, except that each column is one compared country.
pub fn compare(
    index: &Index,
    result: &FilterResult,
    countries: &[String],
    lang: Lang,
) -> CompareSeries {
    let years: Vec<i32> = index
        .year_span()
        .map(|(a, b)| (a..=b).collect())
        .unwrap_or_default();
    let cols = index.columns();
    let evaluated = cols.value_bitmap(
        Facet::Evaluation,
        &[
            Evaluation::Process.key(),
            Evaluation::QuasiExperimental.key(),
            Evaluation::Experimental.key(),
        ],
    );
    let good = cols.value_bitmap(
        Facet::Effect,
        &[Effect::Effective.key(), Effect::Promising.key()],
    );
    let profiles = countries
        .iter()
        .map(|code| {
            // Every filter but the country filter, within this country: counts by value from
            // the value bitmaps; budgets and years from the records with them.
            let set = result
                .without_country
                .and(&cols.value_bitmap(Facet::Country, &[code.as_str()]));
            let mut p = CountryProfile {
                code: code.clone(),
                name: i18n::country_name(lang, code),
                caption: String::new(),
                count: set.len(),
                focus: vec![0; Focus::ALL.len()],
                effect: vec![0; Effect::ALL.len() + 1],
                evaluated: set.count_in(&evaluated),
                effective_or_promising: set.count_in(&good),
                budget_known: 0,
                budget_usd: 0.0,
                per_year: vec![0; years.len()],
            };
            // Value ids are vocabulary indexes, "not stated" last (dropped for focus).
            for (v, n) in cols
                .count_values(&set, Facet::Focus)
                .into_iter()
                .enumerate()
            {
                if let Some(slot) = p.focus.get_mut(v) {
                    *slot = n;
                }
            }
            for (v, n) in cols
                .count_values(&set, Facet::Effect)
                .into_iter()
                .enumerate()
            {
                p.effect[v] = n;
            }
            for i in set.and(cols.known_budget()).iter() {
                p.budget_known += 1;
                p.budget_usd += cols.budget(i).unwrap_or(0.0);
            }
            if let Some(first) = years.first() {
                for i in set.iter() {
                    if let Some(y) = cols.year(i) {
                        if let Some(slot) = p.per_year.get_mut((y - first) as usize) {
                            *slot += 1;
                        }
                    }
                }
            }
            let in_dataset = index
                .facet_keys(Facet::Country)
                .iter()
                .position(|k| k == code)
                .map_or(0, |i| cols.totals().facet_counts[Facet::Country.index()][i]);
            p.caption =
                i18n::compare_caption(lang, p.count, p.budget_usd, p.budget_known, in_dataset);
            p
        })
        .collect();
    let mut effect_labels: Vec<String> = Effect::ALL
        .iter()
        .map(|e| i18n::effect_label(lang, *e).to_owned())
        .collect();
    effect_labels.push(i18n::text(lang, i18n::Msg::NotStated).to_owned());
    CompareSeries {
        title: i18n::text(lang, i18n::Msg::ChartCompare).to_owned(),
        focus_labels: Focus::ALL
            .iter()
            .map(|f| i18n::focus_label(lang, *f).to_owned())
            .collect(),
        effect_labels,
        years,
        years_label: i18n::text(lang, i18n::Msg::StartedPerYear).to_owned(),
        countries: profiles,
    }
}

/// The countries to compare when the link names none: the three with most matching interventions.
pub fn default_comparison(index: &Index, result: &FilterResult) -> Vec<String> {
    let keys = index.facet_keys(Facet::Country);
    let counts = &result.facet_counts[Facet::Country.index()];
    let mut pairs: Vec<(usize, &String)> = counts
        .iter()
        .copied()
        .zip(keys)
        .filter(|(c, _)| *c > 0)
        .collect();
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    pairs.into_iter().take(3).map(|(_, k)| k.clone()).collect()
}

/// One event mark on the events timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct EventMark {
    pub id: String,
    pub name: String,
    /// Fractional year of the start date (2015.8 for late October 2015); for a date known only
    /// to the month or the year, the middle of that month or year.
    pub at: f64,
    /// How much of a year the date could fall in: 0 for a day, 1/12 for a month, 1 for a year.
    pub uncertainty: f64,
    pub lane: usize,
}

/// Events on a time axis, one lane per series.
#[derive(Debug, Clone, PartialEq)]
pub struct EventSeries {
    pub title: String,
    pub lanes: Vec<String>,
    pub marks: Vec<EventMark>,
    pub span: (i32, i32),
    pub undated: usize,
    pub note: Option<String>,
}

/// Fractional year of an ISO date.
/// A date's place on a year axis and how wide its uncertainty is, at the precision it is written:
/// a day, a month (its middle, 1/12 wide) or a year (its middle, 1 wide).
fn fractional_year(date: &str) -> Option<(f64, f64)> {
    let y: f64 = date.get(0..4)?.parse().ok()?;
    let Some(m) = date.get(5..7) else {
        return (date.len() == 4).then_some((y + 0.5, 1.0));
    };
    let m: f64 = m.parse().ok()?;
    let Some(d) = date.get(8..10) else {
        return Some((y + (m - 0.5) / 12.0, 1.0 / 12.0));
    };
    let d: f64 = d.parse().ok()?;
    Some((y + ((m - 1.0) * 30.4 + d - 1.0) / 365.0, 0.0))
}

/// The events timeline of `events` (already filtered by the events view).
pub fn event_timeline(events: &[&Event], lang: Lang) -> EventSeries {
    let other = i18n::text(lang, i18n::Msg::OtherEvents).to_owned();
    let mut lanes: Vec<String> = Vec::new();
    let mut marks = Vec::new();
    let mut undated = 0;
    for e in events {
        let Some((at, uncertainty)) = e.start_date.as_deref().and_then(fractional_year) else {
            undated += 1;
            continue;
        };
        let lane_name = e.series.clone().unwrap_or_else(|| other.clone());
        let lane = match lanes.iter().position(|l| *l == lane_name) {
            Some(i) => i,
            None => {
                lanes.push(lane_name);
                lanes.len() - 1
            }
        };
        marks.push(EventMark {
            id: e.id.clone(),
            name: match e.start_date.as_deref() {
                Some(d) if uncertainty > 0.0 => format!("{} ({d})", e.name),
                _ => e.name.clone(),
            },
            at,
            uncertainty,
            lane,
        });
    }
    let lo = marks
        .iter()
        .map(|m| m.at.floor() as i32)
        .min()
        .unwrap_or(2010);
    let hi = marks
        .iter()
        .map(|m| m.at.floor() as i32 + 1)
        .max()
        .unwrap_or(lo + 1);
    let approximate = marks.iter().any(|m| m.uncertainty > 0.0);
    EventSeries {
        title: i18n::text(lang, i18n::Msg::ChartEvents).to_owned(),
        lanes,
        span: (lo, hi.max(lo + 1)),
        marks,
        undated,
        note: {
            let notes: Vec<String> = [
                approximate.then(|| i18n::approximate_dates_note(lang)),
                (undated > 0).then(|| i18n::undated_events_note(lang, undated)),
            ]
            .into_iter()
            .flatten()
            .collect();
            (!notes.is_empty()).then(|| notes.join(" "))
        },
    }
}

/// Any chart's data, for code that handles every chart alike (the canvas, exports, the CLI).
#[derive(Debug, Clone, PartialEq)]
pub enum ChartData {
    Bars(super::Series),
    Timeline(TimelineSeries),
    Gap(GapSeries),
    Compare(CompareSeries),
    Events(EventSeries),
    Map(MapData),
    EvaluationGap(super::evaluation_gap::EvaluationGapSeries),
}

impl ChartData {
    pub fn title(&self) -> &str {
        match self {
            ChartData::Map(m) => &m.series.title,
            ChartData::Bars(s) => &s.title,
            ChartData::Timeline(s) => &s.title,
            ChartData::Gap(s) => &s.title,
            ChartData::Compare(s) => &s.title,
            ChartData::Events(s) => &s.title,
            ChartData::EvaluationGap(s) => &s.title,
        }
    }

    /// What hovering item `i` (as the chart's layout numbers it) shows.
    pub fn tooltip(&self, i: usize, lang: Lang) -> Option<String> {
        let n = |v: usize| i18n::format_count(lang, v);
        match self {
            ChartData::Bars(s) => s
                .bars
                .get(i)
                .map(|b| format!("{}: {}", b.label, n(b.count))),
            ChartData::Timeline(s) => {
                let year = s.years.get(i)?;
                let mut t = format!("{year}: {}", n(s.totals[i]));
                if !s.events[i].is_empty() {
                    t.push_str(&format!(" · {}", s.events[i].join("; ")));
                }
                Some(t)
            }
            ChartData::Gap(s) => {
                let (r, c) = (i / s.cols.len().max(1), i % s.cols.len().max(1));
                let cell = s.cells.get(r)?.get(c)?;
                Some(format!(
                    "{} × {}: {}",
                    s.rows[r].label,
                    s.cols[c].label,
                    n(cell.count)
                ))
            }
            ChartData::Compare(s) => s
                .countries
                .get(i)
                .map(|c| format!("{}: {}", c.name, c.caption)),
            ChartData::Events(s) => s.marks.get(i).map(|m| m.name.clone()),
            ChartData::EvaluationGap(s) => s
                .groups()
                .nth(i)
                .map(|g| format!("{}: {}", g.label, g.value_text)),
            ChartData::Map(m) => {
                let (code, v) = m.series.values.get(i)?;
                let value = v.map_or_else(
                    || m.series.no_data_label.clone(),
                    |v| m.series.format.format(v),
                );
                Some(format!(
                    "{}: {} ({} {})",
                    i18n::country_name(lang, code),
                    value,
                    n(m.counts[i]),
                    i18n::text(lang, i18n::Msg::Interventions).to_lowercase()
                ))
            }
        }
    }

    /// What clicking item `i` does.
    pub fn action(&self, i: usize) -> Option<super::BarAction> {
        use super::BarAction;
        match self {
            ChartData::Bars(s) => s.bars.get(i).map(|b| b.action.clone()),
            ChartData::Timeline(s) => s.years.get(i).map(|y| BarAction::Years(*y, *y)),
            ChartData::Gap(s) => {
                let (r, c) = (i / s.cols.len().max(1), i % s.cols.len().max(1));
                Some(BarAction::Cell(
                    s.rows.get(r)?.key.clone(),
                    s.cols.get(c)?.key.clone(),
                ))
            }
            ChartData::Compare(_) => None,
            ChartData::Events(s) => s.marks.get(i).map(|m| BarAction::OpenEvent(m.id.clone())),
            ChartData::EvaluationGap(s) => s
                .groups()
                .nth(i)
                .map(|g| BarAction::Toggle(g.facet, g.key.clone())),
            ChartData::Map(m) => m
                .series
                .values
                .get(i)
                .map(|(code, _)| BarAction::Toggle(Facet::Country, code.clone())),
        }
    }

    /// The accessible description: what the chart shows, value by value.
    pub fn aria_label(&self, lang: Lang) -> String {
        match self {
            ChartData::EvaluationGap(s) => {
                let items: Vec<String> = s
                    .groups()
                    .map(|g| format!("{}: {}", g.label, g.value_text))
                    .collect();
                format!(
                    "{}: {}. {}. {}",
                    i18n::text(lang, i18n::Msg::ChartDescription),
                    s.title,
                    items.join("; "),
                    s.note
                )
            }
            ChartData::Bars(s) => s.aria_label(lang),
            ChartData::Timeline(s) => {
                let items: Vec<(String, usize)> = s
                    .years
                    .iter()
                    .zip(&s.totals)
                    .filter(|(_, t)| **t > 0)
                    .map(|(y, t)| (y.to_string(), *t))
                    .collect();
                i18n::chart_aria_label(lang, &s.title, &items, s.note.as_deref())
            }
            ChartData::Gap(s) => {
                let mut items = Vec::new();
                for (r, row) in s.cells.iter().enumerate() {
                    for (c, cell) in row.iter().enumerate() {
                        if cell.count > 0 {
                            items.push((
                                format!("{} × {}", s.rows[r].label, s.cols[c].label),
                                cell.count,
                            ));
                        }
                    }
                }
                i18n::chart_aria_label(lang, &s.title, &items, s.note.as_deref())
            }
            ChartData::Compare(s) => {
                let items: Vec<(String, usize)> = s
                    .countries
                    .iter()
                    .map(|c| (c.name.clone(), c.count))
                    .collect();
                i18n::chart_aria_label(lang, &s.title, &items, None)
            }
            ChartData::Map(m) => {
                let items: Vec<(String, usize)> = m
                    .series
                    .values
                    .iter()
                    .zip(&m.counts)
                    .filter(|(_, n)| **n > 0)
                    .map(|((code, v), n)| {
                        let value = v.map_or_else(
                            || m.series.no_data_label.clone(),
                            |v| m.series.format.format(v),
                        );
                        (
                            format!("{} ({})", i18n::country_name(lang, code), value),
                            *n,
                        )
                    })
                    .collect();
                i18n::chart_aria_label_as(
                    lang,
                    i18n::map_word(lang),
                    &m.series.title,
                    &items,
                    m.series.note.as_deref(),
                )
            }
            ChartData::Events(s) => {
                let items: Vec<(String, usize)> = s
                    .lanes
                    .iter()
                    .enumerate()
                    .map(|(i, l)| (l.clone(), s.marks.iter().filter(|m| m.lane == i).count()))
                    .collect();
                i18n::chart_aria_label(lang, &s.title, &items, s.note.as_deref())
            }
        }
    }
}

/// How the views are set up, beyond the filters (the link's `stack`, `colour`, `compare`,
/// `series`, `organiser` and `measure`), and the country shapes the map draws.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ViewOptions {
    pub stack: Stack,
    pub colour: GapColour,
    /// What the gap map's bubbles count (the link's `count`).
    pub gap_count: GapCount,
    pub compare: Vec<String>,
    pub series: Option<String>,
    pub organiser: Option<String>,
    pub measure: MapMeasure,
    /// Loaded separately from the data (`data/geo/lac.json`); the map is empty without it.
    pub atlas: Option<SharedAtlas>,
    /// The dataset's studies, when it has any (the gap map counts and colours by them).
    pub studies: Option<SharedStudies>,
}

/// What colours the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MapMeasure {
    #[default]
    Count,
    Budget,
    Effective,
}

impl MapMeasure {
    pub fn key(self) -> &'static str {
        match self {
            MapMeasure::Count => "count",
            MapMeasure::Budget => "budget",
            MapMeasure::Effective => "effective",
        }
    }
    pub fn from_key(k: &str) -> Option<MapMeasure> {
        [MapMeasure::Count, MapMeasure::Budget, MapMeasure::Effective]
            .into_iter()
            .find(|m| m.key() == k)
    }
}

/// Country shapes shared without copying; equal when they are the same load.
#[derive(Clone)]
pub struct SharedAtlas(pub std::sync::Arc<crate::geo::Atlas>);

impl PartialEq for SharedAtlas {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for SharedAtlas {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SharedAtlas({} countries)", self.0.countries().len())
    }
}

/// The map's data: the shapes, and a value per country.
#[derive(Debug, Clone)]
pub struct MapData {
    pub atlas: Option<SharedAtlas>,
    pub series: super::map_series::MapSeries,
    /// Matching interventions per country (tooltips), in the order of `series.values`.
    pub counts: Vec<usize>,
}

impl PartialEq for MapData {
    fn eq(&self, o: &Self) -> bool {
        self.atlas == o.atlas
            && self.counts == o.counts
            && self.series.values == o.series.values
            && self.series.selected == o.series.selected
            && self.series.title == o.series.title
            && self.series.legend_title == o.series.legend_title
            && self.series.note == o.series.note
    }
}

/// Events per country on the map: the events view's filters apply, except the country filter (so
/// every country keeps its count and can be added by clicking it).
pub fn events_map(events: &[Event], sel: &Selection, options: &ViewOptions, lang: Lang) -> MapData {
    use super::map_series::{MapSeries, ValueFormat};
    let shown = filter_events(
        events,
        &sel_without(sel, |s| s.clear_facet(Facet::Country)),
        options,
    );
    let codes: Vec<String> = options
        .atlas
        .as_ref()
        .map(|a| a.0.countries().iter().map(|c| c.code.clone()).collect())
        .unwrap_or_default();
    let counts: Vec<usize> = codes
        .iter()
        .map(|c| {
            shown
                .iter()
                .filter(|e| e.country.as_deref() == Some(c.as_str()))
                .count()
        })
        .collect();
    let series = MapSeries {
        title: i18n::text(lang, i18n::Msg::ChartEventsMap).to_owned(),
        values: codes
            .iter()
            .zip(&counts)
            .map(|(c, n)| (c.clone(), Some(*n as f64)))
            .collect(),
        selected: sel.selected(Facet::Country).iter().cloned().collect(),
        legend_title: i18n::text(lang, i18n::Msg::MeasureEvents).to_owned(),
        format: ValueFormat::Count,
        no_data_label: i18n::text(lang, i18n::Msg::NoData).to_owned(),
        note: Some(i18n::text(lang, i18n::Msg::EventsMapNote).to_owned()),
    };
    MapData {
        atlas: options.atlas.clone(),
        series,
        counts,
    }
}

/// The choropleth: every filter applies except the country filter (as in the country chart), so
/// every country keeps its value and can be added by clicking it.
pub fn map(
    index: &Index,
    result: &FilterResult,
    sel: &Selection,
    measure: MapMeasure,
    atlas: Option<&SharedAtlas>,
    lang: Lang,
) -> MapData {
    use super::map_series::{MapSeries, ValueFormat};
    // Every filter but the country filter: counts per country from the value bitmaps, budgets
    // from the records with one.
    let cols = index.columns();
    let shown = &result.without_country;
    let good = shown.and(&cols.value_bitmap(
        Facet::Effect,
        &[Effect::Effective.key(), Effect::Promising.key()],
    ));
    // Rated: an impact evaluation gave a verdict (not "unknown", not unrated). The share is of
    // these: a country with none is "not rated", never 0%.
    let rated = shown.and(&cols.value_bitmap(
        Facet::Effect,
        &[
            Effect::Effective.key(),
            Effect::Promising.key(),
            Effect::Mixed.key(),
            Effect::NoEffect.key(),
            Effect::Harmful.key(),
        ],
    ));
    let counts = cols.count_values(shown, Facet::Country);
    let goods = cols.count_values(&good, Facet::Country);
    let rateds = cols.count_values(&rated, Facet::Country);
    let ids = cols
        .single_ids(Facet::Country)
        .expect("countries are single-valued");
    let mut budgets = vec![(0usize, 0f64); counts.len()];
    for i in shown.and(cols.known_budget()).iter() {
        let b = &mut budgets[ids[i] as usize];
        b.0 += 1;
        b.1 += cols.budget(i).unwrap_or(0.0);
    }
    let per: std::collections::HashMap<&str, (usize, usize, f64, usize, usize)> = index
        .facet_keys(Facet::Country)
        .iter()
        .enumerate()
        .map(|(v, k)| {
            (
                k.as_str(),
                (counts[v], budgets[v].0, budgets[v].1, goods[v], rateds[v]),
            )
        })
        .collect();
    let codes: Vec<String> = atlas
        .map(|a| a.0.countries().iter().map(|c| c.code.clone()).collect())
        .unwrap_or_default();
    let mut counts = Vec::with_capacity(codes.len());
    let values = codes
        .iter()
        .map(|code| {
            let (n, with_budget, budget, good, rated) =
                per.get(code.as_str()).copied().unwrap_or_default();
            counts.push(n);
            let v = match measure {
                MapMeasure::Count => Some(n as f64),
                MapMeasure::Budget => (with_budget > 0).then_some(budget),
                MapMeasure::Effective => (rated > 0).then(|| good as f64 / rated as f64),
            };
            (code.clone(), v)
        })
        .collect();
    let (legend, format) = match measure {
        MapMeasure::Count => (i18n::Msg::MeasureCount, ValueFormat::Count),
        MapMeasure::Budget => (i18n::Msg::MeasureBudget, ValueFormat::Usd),
        MapMeasure::Effective => (i18n::Msg::MeasureEffective, ValueFormat::Percent),
    };
    let series = MapSeries {
        title: i18n::text(lang, i18n::Msg::ChartMap).to_owned(),
        values,
        selected: sel.selected(Facet::Country).iter().cloned().collect(),
        legend_title: i18n::text(lang, legend).to_owned(),
        format,
        no_data_label: if measure == MapMeasure::Effective {
            i18n::not_rated(lang).to_owned()
        } else {
            i18n::text(lang, i18n::Msg::NoData).to_owned()
        },
        note: match measure {
            MapMeasure::Budget => Some(i18n::text(lang, i18n::Msg::MapBudgetNote).to_owned()),
            MapMeasure::Effective => Some(i18n::not_rated_note(lang).to_owned()),
            MapMeasure::Count => None,
        },
    };
    MapData {
        atlas: atlas.cloned(),
        series,
        counts,
    }
}

/// The events the events view shows: the dashboard's country filter and year range apply to the
/// event's country and start year; the series and organiser options narrow further.
pub fn filter_events<'a>(
    events: &'a [Event],
    sel: &Selection,
    options: &ViewOptions,
) -> Vec<&'a Event> {
    let countries = sel.selected(Facet::Country);
    events
        .iter()
        .filter(|e| {
            countries.is_empty() || e.country.as_ref().is_some_and(|c| countries.contains(c))
        })
        .filter(|e| !sel.year.is_active() || sel.year.contains_year(e.year()))
        .filter(|e| {
            options
                .series
                .as_ref()
                .is_none_or(|s| e.series.as_ref() == Some(s))
        })
        .filter(|e| {
            options
                .organiser
                .as_ref()
                .is_none_or(|o| e.organisers.contains(o))
        })
        .collect()
}

/// Any chart's data for a state: the one function the canvas, the embed page and the command
/// line call.
pub fn chart_data(
    index: &Index,
    result: &FilterResult,
    sel: &Selection,
    events: &[Event],
    options: &ViewOptions,
    kind: super::ChartKind,
    lang: Lang,
) -> ChartData {
    use super::ChartKind;
    match kind {
        ChartKind::Timeline => {
            ChartData::Timeline(timeline(index, result, sel, events, options.stack, lang))
        }
        ChartKind::Gap => ChartData::Gap(gap(
            index,
            result,
            sel,
            options.colour,
            options.gap_count,
            options.studies.as_ref().map(|s| s.0.as_ref()),
            lang,
        )),
        ChartKind::Compare => {
            let countries = if options.compare.len() >= 2 {
                options.compare.clone()
            } else {
                default_comparison(index, result)
            };
            ChartData::Compare(compare(index, result, &countries, lang))
        }
        ChartKind::Events => {
            ChartData::Events(event_timeline(&filter_events(events, sel, options), lang))
        }
        ChartKind::Map => ChartData::Map(map(
            index,
            result,
            sel,
            options.measure,
            options.atlas.as_ref(),
            lang,
        )),
        ChartKind::EventsMap => ChartData::Map(events_map(events, sel, options, lang)),
        ChartKind::EvaluationGap => ChartData::EvaluationGap(
            super::evaluation_gap::evaluation_gap(index, result, sel, lang),
        ),
        bars => ChartData::Bars(super::series(index, result, sel, bars, lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_dates_are_placed_at_their_precision() {
        assert_eq!(fractional_year("2013"), Some((2013.5, 1.0)));
        let (at, u) = fractional_year("2014-11").unwrap();
        assert!((at - (2014.0 + 10.5 / 12.0)).abs() < 1e-9 && (u - 1.0 / 12.0).abs() < 1e-9);
        let (at, u) = fractional_year("2015-10-21").unwrap();
        assert!(at > 2015.79 && at < 2015.81 && u == 0.0);
        assert_eq!(fractional_year("20"), None);
        let events: Vec<Event> = serde_json::from_str(
            r#"[{"id":"a","name":"Dialogue","start_date":"2013"},{"id":"b","name":"Week","start_date":"2015-10-21"},{"id":"c","name":"Forum"}]"#,
        )
        .unwrap();
        let refs: Vec<&Event> = events.iter().collect();
        let s = event_timeline(&refs, Lang::En);
        assert_eq!(
            s.marks.len(),
            2,
            "year-only dates are drawn, undated ones are not"
        );
        assert_eq!(s.marks[0].name, "Dialogue (2013)");
        assert_eq!(s.undated, 1);
        let note = s.note.unwrap();
        assert!(
            note.starts_with("Hollow marks") && note.contains("without a date"),
            "{note}"
        );
    }
}
