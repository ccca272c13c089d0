//! The events view's data: which events the filters keep, and their places on a time axis at the
//! precision their dates are written (`chart/events.rs` draws it).

use super::views::ViewOptions;
use crate::i18n::{self, Lang};
use crate::model::Event;
use crate::selection::{Facet, Selection};

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
