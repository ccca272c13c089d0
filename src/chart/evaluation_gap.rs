//! Evaluation gap chart: for the current filters, a row per country, then a row per focus area;
//! each row's dark bar is the share of its interventions with no impact evaluation (0 to 100%),
//! the thin light bar under it the share of its known budget they hold, and the text at the end
//! "12 of 15 · 80%". A row with no known budget has no light bar (unknown is not zero).

use super::paint::{Align, Painter, Palette};
use super::{fit_text, text_width};
use crate::aggregate::evaluation_gap::EvaluationGapSeries;
use plotters::prelude::*;

const PAD: f64 = 8.0;
const TITLE_H: f64 = 26.0;
const HEADING_H: f64 = 22.0;
const ROW_H: f64 = 22.0;
const FONT: f64 = 12.0;
const VALUE_W: f64 = 96.0;
const NOTE_H: f64 = 62.0;

pub fn preferred_height(s: &EvaluationGapSeries) -> f64 {
    PAD * 2.0
        + TITLE_H
        + 2.0 * HEADING_H
        + (s.countries.len() + s.focus.len()) as f64 * ROW_H
        + NOTE_H
}

/// Geometry in logical pixels: each group's row top, in `groups()` order.
#[derive(Debug, Clone, PartialEq)]
pub struct EvaluationGapLayout {
    pub width: f64,
    pub height: f64,
    pub bars_left: f64,
    pub bars_right: f64,
    pub row_h: f64,
    /// Top of each row, countries then focus areas.
    pub rows: Vec<f64>,
    /// Where each section's heading is centred.
    pub headings: (f64, f64),
}

impl EvaluationGapLayout {
    pub fn new(s: &EvaluationGapSeries, width: f64, height: f64) -> EvaluationGapLayout {
        let n = s.countries.len() + s.focus.len();
        let room = height - PAD * 2.0 - TITLE_H - 2.0 * HEADING_H - NOTE_H;
        let row_h = (room / n.max(1) as f64).clamp(8.0, ROW_H);
        let longest = s
            .groups()
            .map(|g| text_width(&g.label, FONT))
            .fold(0.0, f64::max);
        let bars_left = (longest + PAD * 2.0).min(width * 0.4).max(PAD * 2.0);
        let bars_right = (width - PAD - VALUE_W).max(bars_left + 1.0);
        let mut y = PAD + TITLE_H;
        let first = y + HEADING_H / 2.0;
        y += HEADING_H;
        let mut rows = Vec::with_capacity(n);
        for _ in &s.countries {
            rows.push(y);
            y += row_h;
        }
        let second = y + HEADING_H / 2.0;
        y += HEADING_H;
        for _ in &s.focus {
            rows.push(y);
            y += row_h;
        }
        EvaluationGapLayout {
            width,
            height,
            bars_left,
            bars_right,
            row_h,
            rows,
            headings: (first, second),
        }
    }

    /// The group (in `groups()` order) whose row holds a point.
    pub fn hit(&self, x: f64, y: f64) -> Option<usize> {
        if x < PAD || x > self.width - PAD {
            return None;
        }
        self.rows
            .iter()
            .position(|top| y >= *top && y < top + self.row_h)
    }

    /// The rectangle of row `i`'s dark bar track.
    pub fn bar_rect(&self, i: usize) -> Option<(f64, f64, f64, f64)> {
        let top = *self.rows.get(i)?;
        Some((
            self.bars_left,
            top + 2.0,
            self.bars_right,
            top + self.row_h - 2.0,
        ))
    }
}

pub fn draw<DB: DrawingBackend>(
    p: &Painter<DB>,
    l: &EvaluationGapLayout,
    s: &EvaluationGapSeries,
    hover: Option<usize>,
) -> Result<(), String> {
    p.title(&s.title, l.width)?;
    for (heading, y) in [
        (&s.country_heading, l.headings.0),
        (&s.focus_heading, l.headings.1),
    ] {
        p.text(heading, PAD, y, FONT, Align::Left, Palette::SUBTLE, true)?;
    }
    let span = l.bars_right - l.bars_left;
    for (i, (g, top)) in s.groups().zip(&l.rows).enumerate() {
        let mid = top + l.row_h / 2.0;
        let colour = if g.selected {
            Palette::SELECTED
        } else {
            Palette::TEXT
        };
        p.text(
            &fit_text(&g.label, FONT, l.bars_left - 2.0 * PAD),
            l.bars_left - PAD,
            mid,
            FONT,
            Align::Right,
            colour,
            g.selected,
        )?;
        let (y0, y1) = (top + 2.0, top + l.row_h * 0.62);
        p.rect(l.bars_left, y0, l.bars_right, y1, Palette::GRID)?;
        if g.without > 0 {
            let fill = if g.selected {
                Palette::SELECTED
            } else {
                Palette::BAR
            };
            p.rect(l.bars_left, y0, l.bars_left + span * g.share(), y1, fill)?;
        }
        if let Some(share) = g.budget_share() {
            let (b0, b1) = (y1 + 1.0, (top + l.row_h - 2.0).max(y1 + 2.0));
            p.rect(
                l.bars_left,
                b0,
                l.bars_left + span * share,
                b1,
                Palette::MUTED,
            )?;
        }
        p.text(
            &g.value_text,
            l.bars_right + 6.0,
            mid,
            11.0,
            Align::Left,
            Palette::TEXT,
            false,
        )?;
        if hover == Some(i) {
            p.outline(PAD, *top, l.width - PAD, top + l.row_h, Palette::HOVER)?;
        }
    }
    let y = l.rows.last().map_or(PAD + TITLE_H, |t| t + l.row_h) + 14.0;
    p.note(&s.note, PAD, y, l.width - 2.0 * PAD, 4)?;
    Ok(())
}
