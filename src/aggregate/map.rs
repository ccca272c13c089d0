//! The maps' data: a value per country for the interventions map (count, budget, share rated
//! effective, with "not rated" apart from 0%) and the events map (`chart/map.rs` draws them).

use super::events::filter_events;
use super::views::ViewOptions;
use crate::engine::{FilterResult, Index};
use crate::i18n::{self, Lang};
use crate::model::{Effect, Event};
use crate::selection::{Facet, Selection};

fn sel_without(sel: &Selection, f: impl FnOnce(&mut Selection)) -> Selection {
    let mut s = sel.clone();
    f(&mut s);
    s
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
