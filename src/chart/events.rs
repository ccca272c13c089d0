//! Events over time: one lane per series (IDB Citizen Security Week, InfoSegura, Igarapé, other),
//! a dot at each event's start date. Hit-testing returns the event under the pointer.

use super::paint::{Align, Painter, Palette};
use super::{fit_text, text_width};
use crate::aggregate::views::EventSeries;
use plotters::prelude::*;

const PAD: f64 = 8.0;
const TITLE_H: f64 = 26.0;
const LANE_H: f64 = 30.0;
const AXIS_H: f64 = 20.0;
const NOTE_H: f64 = 20.0;
const FONT: f64 = 11.0;
const DOT: f64 = 5.0;

pub fn preferred_height(s: &EventSeries) -> f64 {
    PAD * 2.0 + TITLE_H + s.lanes.len().max(1) as f64 * LANE_H + AXIS_H + NOTE_H
}

/// Geometry of the events timeline in logical pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct EventLayout {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub span: (i32, i32),
    /// Each mark's centre.
    pub points: Vec<(f64, f64)>,
}

impl EventLayout {
    pub fn new(s: &EventSeries, width: f64, height: f64) -> EventLayout {
        let label_w = s
            .lanes
            .iter()
            .map(|l| text_width(l, FONT))
            .fold(0.0, f64::max)
            + 2.0 * PAD;
        let left = label_w.min(width * 0.35);
        let right = (width - PAD - DOT).max(left + 1.0);
        let top = PAD + TITLE_H;
        let (a, b) = s.span;
        let x = |at: f64| left + (right - left) * (at - a as f64) / (b - a).max(1) as f64;
        let points = s
            .marks
            .iter()
            .map(|m| (x(m.at), top + (m.lane as f64 + 0.5) * LANE_H))
            .collect();
        let _ = height;
        EventLayout {
            width,
            height,
            left,
            right,
            top,
            span: s.span,
            points,
        }
    }

    /// The nearest event within a few pixels of the point.
    pub fn hit(&self, x: f64, y: f64) -> Option<usize> {
        self.points
            .iter()
            .enumerate()
            .map(|(i, (px, py))| (i, (px - x).hypot(py - y)))
            .filter(|(_, d)| *d <= DOT + 4.0)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i)
    }
}

pub fn draw<DB: DrawingBackend>(
    p: &Painter<DB>,
    l: &EventLayout,
    s: &EventSeries,
    hover: Option<usize>,
) -> Result<(), String> {
    p.title(&s.title, l.width)?;
    let bottom = l.top + s.lanes.len().max(1) as f64 * LANE_H;
    for (i, lane) in s.lanes.iter().enumerate() {
        let y = l.top + (i as f64 + 0.5) * LANE_H;
        p.line(l.left, y, l.right, y, Palette::GRID)?;
        p.text(
            &fit_text(lane, FONT, l.left - 2.0 * PAD),
            l.left - PAD,
            y,
            FONT,
            Align::Right,
            Palette::TEXT,
            false,
        )?;
    }
    let (a, b) = l.span;
    let years = (b - a).max(1);
    let every = [1, 2, 5, 10]
        .into_iter()
        .find(|e| (l.right - l.left) / years as f64 * *e as f64 >= 40.0)
        .unwrap_or(20);
    for year in a..=b {
        if year % every == 0 {
            let x = l.left + (l.right - l.left) * (year - a) as f64 / years as f64;
            p.line(x, l.top, x, bottom + 4.0, Palette::GRID)?;
            p.text(
                &year.to_string(),
                x,
                bottom + 12.0,
                FONT,
                Align::Center,
                Palette::SUBTLE,
                false,
            )?;
        }
    }
    let per_year = (l.right - l.left) / (l.span.1 - l.span.0).max(1) as f64;
    for (i, (x, y)) in l.points.iter().enumerate() {
        let uncertainty = s.marks.get(i).map_or(0.0, |m| m.uncertainty);
        if uncertainty > 0.0 {
            // Known only to the month or year: a line over that period and a hollow mark.
            let half = (per_year * uncertainty / 2.0).max(DOT);
            p.line(x - half, *y, x + half, *y, Palette::SELECTED)?;
            p.line(x - half, y - 3.0, x - half, y + 3.0, Palette::SELECTED)?;
            p.line(x + half, y - 3.0, x + half, y + 3.0, Palette::SELECTED)?;
            p.circle(*x, *y, DOT, RGBColor(0xff, 0xff, 0xff))?;
        } else {
            p.circle(*x, *y, DOT, Palette::BAR)?;
        }
        p.circle_outline(*x, *y, DOT, Palette::SELECTED, 1.0)?;
        if hover == Some(i) {
            p.circle_outline(*x, *y, DOT + 3.0, Palette::HOVER, 1.0)?;
        }
    }
    if let Some(note) = &s.note {
        p.note(
            note,
            PAD,
            l.height - PAD - NOTE_H / 2.0,
            l.width - 2.0 * PAD,
            1,
        )?;
    }
    Ok(())
}
