//! Timeline: interventions started per year as stacked columns (by focus or effectiveness), a
//! band over the selected years, and a row of event marks on the same time axis. Hit-testing
//! returns the year under the pointer, so the UI can turn a drag into a year range.

use super::fit_text;
use super::paint::{Align, Painter, Palette};
use crate::aggregate::views::{Stack, TimelineSeries};
use plotters::prelude::*;

const PAD: f64 = 8.0;
const TITLE_H: f64 = 26.0;
const AXIS_W: f64 = 34.0;
const AXIS_H: f64 = 20.0;
const EVENTS_H: f64 = 18.0;
const LEGEND_ROW: f64 = 16.0;
const NOTE_H: f64 = 32.0;
const FONT: f64 = 11.0;

/// Geometry of the timeline in logical pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineLayout {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
    pub y_max: usize,
    pub years: usize,
    pub legend_top: f64,
    pub legend_cols: usize,
}

pub fn preferred_height(s: &TimelineSeries, width: f64) -> f64 {
    let cols = legend_cols(width);
    let rows = s.layers.len().div_ceil(cols.max(1));
    260.0 + rows as f64 * LEGEND_ROW + NOTE_H
}

fn legend_cols(width: f64) -> usize {
    ((width - 2.0 * PAD) / 170.0).floor().max(1.0) as usize
}

impl TimelineLayout {
    pub fn new(s: &TimelineSeries, width: f64, height: f64) -> TimelineLayout {
        let cols = legend_cols(width);
        let legend_rows = s.layers.len().div_ceil(cols.max(1)) as f64;
        let left = PAD + AXIS_W;
        let right = (width - PAD).max(left + 1.0);
        let top = PAD + TITLE_H;
        let legend_top = height - PAD - NOTE_H - legend_rows * LEGEND_ROW;
        let bottom = (legend_top - AXIS_H - EVENTS_H - 4.0).max(top + 1.0);
        let most = s
            .counts
            .iter()
            .map(|c| c.iter().sum::<usize>())
            .max()
            .unwrap_or(0);
        TimelineLayout {
            width,
            height,
            left,
            right,
            top,
            bottom,
            y_max: super::histogram::nice_ceiling(most),
            years: s.years.len(),
            legend_top,
            legend_cols: cols,
        }
    }

    fn slot(&self) -> f64 {
        (self.right - self.left) / self.years.max(1) as f64
    }

    /// The year (index) under x, anywhere from the top of the plot to the event row.
    pub fn hit(&self, x: f64, y: f64) -> Option<usize> {
        if x < self.left || x >= self.right || y < self.top || y > self.bottom + AXIS_H + EVENTS_H {
            return None;
        }
        let i = ((x - self.left) / self.slot()).floor() as usize;
        (i < self.years).then_some(i)
    }

    /// The year index nearest to x, clamped to the axis (for the end of a drag).
    pub fn year_at(&self, x: f64) -> Option<usize> {
        (self.years > 0).then(|| {
            (((x - self.left) / self.slot()).floor().max(0.0) as usize).min(self.years - 1)
        })
    }

    pub fn column(&self, i: usize) -> (f64, f64) {
        let slot = self.slot();
        let gap = (slot * 0.15).min(2.0);
        (
            self.left + i as f64 * slot + gap / 2.0,
            self.left + (i + 1) as f64 * slot - gap / 2.0,
        )
    }
}

fn layer_colour(s: &TimelineSeries, l: usize) -> RGBColor {
    match s.stack {
        Stack::Focus => Palette::FOCUS[l.min(Palette::FOCUS.len() - 1)],
        Stack::Effect => Palette::EFFECT[l.min(Palette::EFFECT.len() - 1)],
    }
}

pub fn draw<DB: DrawingBackend>(
    p: &Painter<DB>,
    l: &TimelineLayout,
    s: &TimelineSeries,
    hover: Option<usize>,
) -> Result<(), String> {
    p.title(&s.title, l.width)?;
    if let Some((a, b)) = s.selected {
        let (x0, _) = l.column(a);
        let (_, x1) = l.column(b);
        p.rect(
            x0 - 1.0,
            l.top,
            x1 + 1.0,
            l.bottom + AXIS_H + EVENTS_H,
            RGBColor(0xfd, 0xf1, 0xd6),
        )?;
    }
    p.count_axis(l.left, l.right, l.top, l.bottom, l.y_max)?;
    let unit = (l.bottom - l.top) / l.y_max as f64;
    for (i, counts) in s.counts.iter().enumerate() {
        let (x0, x1) = l.column(i);
        let mut y = l.bottom;
        for (layer, n) in counts.iter().enumerate() {
            if *n == 0 {
                continue;
            }
            let h = unit * *n as f64;
            p.rect(x0, y - h, x1, y, layer_colour(s, layer))?;
            y -= h;
        }
        if hover == Some(i) {
            p.outline(x0, y.min(l.bottom - 2.0), x1, l.bottom, Palette::HOVER)?;
        }
        if !s.events[i].is_empty() {
            let cx = (x0 + x1) / 2.0;
            let cy = l.bottom + AXIS_H + EVENTS_H / 2.0;
            p.circle(cx, cy, 4.0, Palette::HOVER)?;
            if s.events[i].len() > 1 {
                p.text(
                    &s.events[i].len().to_string(),
                    cx + 6.0,
                    cy,
                    9.0,
                    Align::Left,
                    Palette::SUBTLE,
                    false,
                )?;
            }
        }
    }
    p.line(l.left, l.bottom, l.right, l.bottom, Palette::SUBTLE)?;
    // Year labels: about one every 50 pixels, on round years.
    let every = [1, 2, 5, 10, 20]
        .into_iter()
        .find(|e| l.column(0).1 - l.column(0).0 >= 50.0 / *e as f64 - 1e-9)
        .unwrap_or(25);
    for (i, year) in s.years.iter().enumerate() {
        if year % every == 0 {
            let (x0, x1) = l.column(i);
            p.text(
                &year.to_string(),
                (x0 + x1) / 2.0,
                l.bottom + 10.0,
                FONT,
                Align::Center,
                Palette::SUBTLE,
                false,
            )?;
        }
    }
    p.text(
        &s.events_label,
        l.left - 6.0,
        l.bottom + AXIS_H + EVENTS_H / 2.0,
        9.0,
        Align::Right,
        Palette::SUBTLE,
        false,
    )?;
    // Legend.
    let col_w = (l.width - 2.0 * PAD) / l.legend_cols as f64;
    for (i, layer) in s.layers.iter().enumerate() {
        let x = PAD + (i % l.legend_cols) as f64 * col_w;
        let y = l.legend_top + (i / l.legend_cols) as f64 * LEGEND_ROW + LEGEND_ROW / 2.0;
        p.rect(x, y - 5.0, x + 10.0, y + 5.0, layer_colour(s, i))?;
        p.text(
            &fit_text(&layer.label, FONT, col_w - 18.0),
            x + 14.0,
            y,
            FONT,
            Align::Left,
            Palette::TEXT,
            false,
        )?;
    }
    if let Some(note) = &s.note {
        p.note(
            note,
            PAD,
            l.height - PAD - NOTE_H + 8.0,
            l.width - 2.0 * PAD,
            2,
        )?;
    }
    Ok(())
}
