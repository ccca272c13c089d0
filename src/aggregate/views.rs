//! Any chart's data in one type: [`ChartData`], the views' settings beyond the filters
//! ([`ViewOptions`]) and [`chart_data`], which builds the data of the chart asked for. Each view's
//! own series is in the file named after its chart (`timeline.rs`, `gap.rs`, `compare.rs`,
//! `events.rs`, `map.rs`), re-exported here. Like the bar series, each is plain data a chart
//! draws; nothing here knows pixels.

use crate::engine::{FilterResult, Index};
use crate::i18n::{self, Lang};
use crate::model::Event;
use crate::selection::{Facet, Selection};

pub use super::compare::*;
pub use super::events::*;
pub use super::gap::*;
pub use super::map::*;
pub use super::timeline::*;

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

impl Layer {
    /// A layer for a vocabulary value.
    pub(super) fn value(key: &str, label: &str) -> Layer {
        Layer {
            key: key.into(),
            label: label.into(),
            unknown: false,
        }
    }

    /// The layer of records whose value is not stated.
    pub(super) fn not_stated(lang: Lang) -> Layer {
        Layer {
            key: crate::selection::NOT_STATED.into(),
            label: i18n::text(lang, i18n::Msg::NotStated).into(),
            unknown: true,
        }
    }
}

/// The positions of the set bits of `set`: the layers (focus areas, outcomes) a record falls in.
pub(super) fn layer_indexes(mut set: u32) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        (set != 0).then(|| {
            let l = set.trailing_zeros() as usize;
            set &= set - 1;
            l
        })
    })
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
