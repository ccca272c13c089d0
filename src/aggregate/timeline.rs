//! The timeline's data: interventions started per year, stacked by focus or effect, with the
//! events of each year marked (`chart/timeline.rs` draws it).

use super::views::{layer_indexes, Layer};
use crate::engine::{FilterResult, Index};
use crate::i18n::{self, Lang};
use crate::model::{Effect, Event, Focus};
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

fn focus_layers(lang: Lang) -> Vec<Layer> {
    Focus::ALL
        .iter()
        .map(|f| Layer::value(f.key(), i18n::focus_label(lang, *f)))
        .chain([Layer::not_stated(lang)])
        .collect()
}

fn effect_layers(lang: Lang) -> Vec<Layer> {
    Effect::ALL
        .iter()
        .map(|e| Layer::value(e.key(), i18n::effect_label(lang, *e)))
        .chain([Layer::not_stated(lang)])
        .collect()
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
