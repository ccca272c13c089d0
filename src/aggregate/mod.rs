//! Aggregation: turns a `FilterResult` into chart-ready series, one per chart.
//!
//! A `Series` is everything a chart draws and nothing more: labelled bars with their counts and
//! whether each is selected, plus a note about what is not drawn (unknown budgets). Charts never
//! filter or group; this module never knows about pixels.

pub mod chart_table;
pub mod empty;
pub mod evaluation_gap;
pub mod map_series;
pub mod studies;
pub mod views;

mod compare;
mod events;
mod gap;
mod map;
mod timeline;

use crate::engine::{FilterResult, Index};
use crate::i18n::{self, Lang, Msg};
use crate::selection::{Facet, Selection, NOT_STATED};

/// Every chart, by the names used in URLs and on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChartKind {
    Country,
    Focus,
    Effect,
    Budget,
    Timeline,
    Gap,
    Compare,
    Events,
    Map,
    EventsMap,
    /// Share of interventions (and of known budget) without an impact evaluation.
    EvaluationGap,
}

impl ChartKind {
    /// The four bar charts of the overview.
    pub const OVERVIEW: [ChartKind; 4] = [
        ChartKind::Country,
        ChartKind::Focus,
        ChartKind::Effect,
        ChartKind::Budget,
    ];
    pub const ALL: [ChartKind; 11] = [
        ChartKind::Country,
        ChartKind::Focus,
        ChartKind::Effect,
        ChartKind::Budget,
        ChartKind::Timeline,
        ChartKind::Gap,
        ChartKind::Compare,
        ChartKind::Events,
        ChartKind::Map,
        ChartKind::EventsMap,
        ChartKind::EvaluationGap,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ChartKind::Country => "country",
            ChartKind::Focus => "focus",
            ChartKind::Effect => "effect",
            ChartKind::Budget => "budget",
            ChartKind::Timeline => "timeline",
            ChartKind::Gap => "gap",
            ChartKind::Compare => "compare",
            ChartKind::Events => "events",
            ChartKind::Map => "map",
            ChartKind::EventsMap => "events-map",
            ChartKind::EvaluationGap => "evaluation-gap",
        }
    }

    /// A bar chart of the overview (drawn from a `Series`)?
    pub fn is_bars(self) -> bool {
        ChartKind::OVERVIEW.contains(&self)
    }

    pub fn from_key(key: &str) -> Option<ChartKind> {
        ChartKind::ALL.into_iter().find(|c| c.key() == key)
    }

    pub fn title(self, lang: Lang) -> &'static str {
        let msg = match self {
            ChartKind::Country => Msg::ChartCountry,
            ChartKind::Focus => Msg::ChartFocus,
            ChartKind::Effect => Msg::ChartEffect,
            ChartKind::Budget => Msg::ChartBudget,
            ChartKind::Timeline => Msg::ChartTimeline,
            ChartKind::Gap => Msg::ChartGap,
            ChartKind::Compare => Msg::ChartCompare,
            ChartKind::Events => Msg::ChartEvents,
            ChartKind::Map => Msg::ChartMap,
            ChartKind::EventsMap => Msg::ChartEventsMap,
            ChartKind::EvaluationGap => {
                return i18n::evidence::text(lang, i18n::evidence::Ev::EvalGapTitle)
            }
        };
        i18n::text(lang, msg)
    }

    /// The facet a categorical chart shows and toggles; the budget chart sets a range instead.
    pub fn facet(self) -> Option<Facet> {
        match self {
            ChartKind::Country => Some(Facet::Country),
            ChartKind::Focus => Some(Facet::Focus),
            ChartKind::Effect => Some(Facet::Effect),
            _ => None,
        }
    }
}

/// What clicking a bar does.
#[derive(Debug, Clone, PartialEq)]
pub enum BarAction {
    /// Toggle this value of a facet.
    Toggle(Facet, String),
    /// Set the budget range to `[min, max)`, or clear it when it is already exactly that.
    BudgetRange(f64, f64),
    /// Set the start-year range (inclusive), or clear it when it is already exactly that.
    Years(i32, i32),
    /// Open an event's detail (the UI handles it; the selection does not change).
    OpenEvent(String),
    /// Filter to exactly one focus and one outcome (a gap-map cell); clear both when already so.
    Cell(String, String),
}

/// One bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub count: usize,
    /// The bar's value is part of the current filter.
    pub selected: bool,
    /// Drawn in the neutral "unknown" colour ("Not stated").
    pub unknown: bool,
    pub action: BarAction,
}

/// Everything a chart draws.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub kind: ChartKind,
    pub title: String,
    pub bars: Vec<Bar>,
    /// The dimension has an active filter (unselected bars are drawn muted).
    pub filtered: bool,
    /// A line about what the chart leaves out, e.g. unknown budgets.
    pub note: Option<String>,
}

impl Series {
    pub fn max_count(&self) -> usize {
        self.bars.iter().map(|b| b.count).max().unwrap_or(0)
    }

    /// The chart's accessible description: title, each bar and its count, and the note.
    pub fn aria_label(&self, lang: Lang) -> String {
        let items: Vec<(String, usize)> = self
            .bars
            .iter()
            .map(|b| (b.label.clone(), b.count))
            .collect();
        i18n::chart_aria_label(lang, &self.title, &items, self.note.as_deref())
    }
}

/// Builds the series of one bar chart of the overview; the view charts (`ChartKind::is_bars`
/// false) are built by `views` and give an empty series here.
pub fn series(
    index: &Index,
    result: &FilterResult,
    sel: &Selection,
    kind: ChartKind,
    lang: Lang,
) -> Series {
    match (kind.facet(), kind) {
        (Some(facet), _) => facet_series(index, result, sel, kind, facet, lang),
        (None, ChartKind::Budget) => budget_series(index, result, sel, lang),
        (None, _) => Series {
            kind,
            title: kind.title(lang).to_owned(),
            bars: vec![],
            filtered: false,
            note: None,
        },
    }
}

fn facet_series(
    index: &Index,
    result: &FilterResult,
    sel: &Selection,
    kind: ChartKind,
    facet: Facet,
    lang: Lang,
) -> Series {
    let keys = index.facet_keys(facet);
    let counts = &result.facet_counts[facet.index()];
    let mut bars: Vec<Bar> = keys
        .iter()
        .zip(counts)
        .filter(|(key, count)| {
            **count > 0 || sel.is_selected(facet, key) || facet != Facet::Country
        })
        .map(|(key, count)| Bar {
            label: i18n::value_label(lang, facet, key),
            count: *count,
            selected: sel.is_selected(facet, key),
            unknown: key == NOT_STATED,
            action: BarAction::Toggle(facet, key.clone()),
        })
        .collect();
    if facet == Facet::Country {
        // Most interventions first; ties by name so the order is stable.
        bars.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
    }
    // Effectiveness is single-valued, so the bars add up to the interventions the chart covers.
    let note = (facet == Facet::Effect).then(|| {
        let all: usize = bars.iter().map(|b| b.count).sum();
        let rated: usize = bars.iter().filter(|b| !b.unknown).map(|b| b.count).sum();
        i18n::effect_coverage_line(lang, rated, all)
    });
    Series {
        kind,
        title: kind.title(lang).to_owned(),
        bars,
        filtered: sel.is_facet_active(facet),
        note,
    }
}

fn budget_series(index: &Index, result: &FilterResult, sel: &Selection, lang: Lang) -> Series {
    let edges = &index.budget_bins().edges;
    let bars = result
        .budget_counts
        .iter()
        .enumerate()
        .map(|(i, count)| {
            let (lo, hi) = (edges[i], edges[i + 1]);
            let selected = sel.budget.is_active()
                && sel.budget.min.is_none_or(|m| m < hi)
                && sel.budget.max.is_none_or(|m| m > lo);
            Bar {
                label: format!(
                    "{}–{}",
                    i18n::format_usd_short(lang, lo),
                    i18n::format_usd_short(lang, hi)
                ),
                count: *count,
                selected,
                unknown: false,
                action: BarAction::BudgetRange(lo, hi),
            }
        })
        .collect();
    let shown: usize = result.budget_counts.iter().sum();
    let note = i18n::budget_coverage_line(lang, shown, shown + result.budget_unknown);
    Series {
        kind: ChartKind::Budget,
        title: ChartKind::Budget.title(lang).to_owned(),
        bars,
        filtered: sel.budget.is_active(),
        note: Some(note),
    }
}

/// Applies a bar's action to a selection.
pub fn apply(action: &BarAction, sel: &mut Selection) {
    match action {
        BarAction::Toggle(facet, key) => sel.toggle(*facet, key),
        BarAction::BudgetRange(lo, hi) => {
            if sel.budget.min == Some(*lo) && sel.budget.max == Some(*hi) {
                sel.budget = Default::default();
            } else {
                sel.budget.min = Some(*lo);
                sel.budget.max = Some(*hi);
            }
        }
        BarAction::Years(a, b) => {
            let (a, b) = ((*a).min(*b), (*a).max(*b));
            if sel.year.min == Some(a) && sel.year.max == Some(b) {
                sel.year = Default::default();
            } else {
                sel.year = crate::selection::Bounds {
                    min: Some(a),
                    max: Some(b),
                };
            }
        }
        BarAction::OpenEvent(_) => {}
        BarAction::Cell(focus, outcome) => {
            let only = |f: Facet, k: &str| sel.selected(f).len() == 1 && sel.is_selected(f, k);
            if only(Facet::Focus, focus) && only(Facet::Outcome, outcome) {
                sel.clear_facet(Facet::Focus);
                sel.clear_facet(Facet::Outcome);
            } else {
                sel.set_values(Facet::Focus, [focus.clone()]);
                sel.set_values(Facet::Outcome, [outcome.clone()]);
            }
        }
    }
}
