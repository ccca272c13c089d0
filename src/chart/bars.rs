//! Horizontal bar chart: one row a category, label on the left, count at the end of the bar.
//! Used for the country, focus and effectiveness charts.

use super::paint::{Align, Painter, Palette};
use super::{fit_text, text_width};
use crate::aggregate::Series;
use plotters::prelude::*;

const PAD: f64 = 8.0;
const TITLE_H: f64 = 26.0;
const FONT: f64 = 12.0;
const ROW_MAX: f64 = 24.0;
const COUNT_W: f64 = 44.0;
/// Room for a two-line note under the bars.
const NOTE_H: f64 = 34.0;

/// Height that gives every row about 20 pixels, plus the note when there is one.
pub fn preferred_height(rows: usize, has_note: bool) -> f64 {
    let note = if has_note { NOTE_H } else { 0.0 };
    (PAD * 2.0 + TITLE_H + rows.max(1) as f64 * 20.0 + note).max(140.0)
}

/// Geometry of a horizontal bar chart in logical pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct BarLayout {
    pub width: f64,
    pub height: f64,
    /// Right edge of the label column, where bars start.
    pub bars_left: f64,
    /// Where the longest bar ends.
    pub bars_right: f64,
    pub top: f64,
    pub row_height: f64,
    /// Bar lengths in pixels, one per bar.
    pub lengths: Vec<f64>,
}

impl BarLayout {
    pub fn new(series: &Series, width: f64, height: f64) -> BarLayout {
        let n = series.bars.len().max(1);
        let top = PAD + TITLE_H;
        let note = if series.note.is_some() { NOTE_H } else { 0.0 };
        let row_height = ((height - top - PAD - note) / n as f64).clamp(1.0, ROW_MAX);
        let longest = series
            .bars
            .iter()
            .map(|b| text_width(&b.label, FONT))
            .fold(0.0, f64::max);
        let bars_left = (longest + PAD * 2.0).min(width * 0.42).max(PAD * 2.0);
        let bars_right = (width - PAD - COUNT_W).max(bars_left + 1.0);
        let max = series.max_count().max(1) as f64;
        let lengths = series
            .bars
            .iter()
            .map(|b| (bars_right - bars_left) * b.count as f64 / max)
            .collect();
        BarLayout {
            width,
            height,
            bars_left,
            bars_right,
            top,
            row_height,
            lengths,
        }
    }

    /// The row under a point: anywhere on the row from the label to the count is a hit, so
    /// short bars are easy to click.
    pub fn hit(&self, x: f64, y: f64) -> Option<usize> {
        if x < PAD || x > self.width - PAD || y < self.top {
            return None;
        }
        let i = ((y - self.top) / self.row_height).floor() as usize;
        (i < self.lengths.len()).then_some(i)
    }

    pub fn bar_rect(&self, i: usize) -> Option<(f64, f64, f64, f64)> {
        let len = *self.lengths.get(i)?;
        let y0 = self.top + i as f64 * self.row_height + self.row_height * 0.15;
        let y1 = self.top + (i + 1) as f64 * self.row_height - self.row_height * 0.15;
        Some((self.bars_left, y0, self.bars_left + len.max(1.0), y1))
    }
}

pub fn draw<DB: DrawingBackend>(
    p: &Painter<DB>,
    l: &BarLayout,
    series: &Series,
    hover: Option<usize>,
) -> Result<(), String> {
    p.title(&series.title, l.width)?;
    let font = FONT.min(l.row_height * 0.8);
    for (i, bar) in series.bars.iter().enumerate() {
        let (x0, y0, x1, y1) = l.bar_rect(i).expect("one rect a bar");
        let cy = (y0 + y1) / 2.0;
        let color = if bar.unknown {
            Palette::UNKNOWN
        } else if bar.selected {
            Palette::SELECTED
        } else if series.filtered {
            Palette::MUTED
        } else {
            Palette::BAR
        };
        let label = fit_text(&bar.label, font, l.bars_left - PAD * 2.0);
        let label_color = if bar.selected {
            Palette::SELECTED
        } else {
            Palette::TEXT
        };
        p.text(
            &label,
            l.bars_left - PAD,
            cy,
            font,
            Align::Right,
            label_color,
            bar.selected,
        )?;
        if bar.count > 0 {
            p.rect(x0, y0, x1, y1, color)?;
        }
        if hover == Some(i) {
            p.outline(x0, y0, x1.max(x0 + 2.0), y1, Palette::HOVER)?;
        }
        p.text(
            &bar.count.to_string(),
            x1 + 4.0,
            cy,
            font,
            Align::Left,
            Palette::SUBTLE,
            false,
        )?;
    }
    if series.bars.is_empty() {
        p.line(
            l.bars_left,
            l.top,
            l.bars_left,
            l.height - PAD,
            Palette::GRID,
        )?;
    }
    if let Some(note) = &series.note {
        p.note(
            note,
            PAD,
            l.top + series.bars.len() as f64 * l.row_height + 10.0,
            l.width - 2.0 * PAD,
            2,
        )?;
    }
    Ok(())
}
