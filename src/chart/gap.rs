//! Evidence gap map: focus areas (rows) × outcomes measured (columns). A bubble's area is the
//! number of matching interventions in the cell; its colour the strongest evaluation design (or
//! the best effectiveness rating). An empty cell is drawn as a small open ring: a visible gap.

use super::paint::{Align, Painter, Palette};
use super::{fit_text, text_width, wrap_text};
use crate::aggregate::views::{GapColour, GapSeries};
use plotters::prelude::*;

const PAD: f64 = 8.0;
const TITLE_H: f64 = 26.0;
const HEADER_H: f64 = 70.0;
const LEGEND_H: f64 = 22.0;
const NOTE_H: f64 = 32.0;
const FONT: f64 = 11.0;

pub fn preferred_height(s: &GapSeries) -> f64 {
    PAD * 2.0 + TITLE_H + HEADER_H + s.rows.len() as f64 * 26.0 + LEGEND_H + NOTE_H
}

/// Geometry of the gap map in logical pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct GapLayout {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub top: f64,
    pub cell_w: f64,
    pub cell_h: f64,
    pub rows: usize,
    pub cols: usize,
    pub max: usize,
}

impl GapLayout {
    pub fn new(s: &GapSeries, width: f64, height: f64) -> GapLayout {
        let label_w = s
            .rows
            .iter()
            .map(|r| text_width(&r.label, FONT))
            .fold(0.0, f64::max)
            + 2.0 * PAD;
        let left = label_w.min(width * 0.35);
        let top = PAD + TITLE_H + HEADER_H;
        let cols = s.cols.len().max(1);
        let rows = s.rows.len().max(1);
        let cell_w = ((width - PAD - left) / cols as f64).max(1.0);
        let cell_h = ((height - top - LEGEND_H - NOTE_H - PAD) / rows as f64).max(1.0);
        let max = s.cells.iter().flatten().map(|c| c.count).max().unwrap_or(0);
        GapLayout {
            width,
            height,
            left,
            top,
            cell_w,
            cell_h,
            rows: s.rows.len(),
            cols: s.cols.len(),
            max,
        }
    }

    /// The cell under a point, as `row * cols + col`.
    pub fn hit(&self, x: f64, y: f64) -> Option<usize> {
        if x < self.left || y < self.top {
            return None;
        }
        let c = ((x - self.left) / self.cell_w).floor() as usize;
        let r = ((y - self.top) / self.cell_h).floor() as usize;
        (r < self.rows && c < self.cols).then_some(r * self.cols + c)
    }

    pub fn centre(&self, r: usize, c: usize) -> (f64, f64) {
        (
            self.left + (c as f64 + 0.5) * self.cell_w,
            self.top + (r as f64 + 0.5) * self.cell_h,
        )
    }

    /// Bubble radius: area proportional to the count.
    pub fn radius(&self, count: usize) -> f64 {
        let r_max = (self.cell_w.min(self.cell_h) / 2.0 - 1.5).max(1.0);
        if self.max == 0 || count == 0 {
            0.0
        } else {
            (r_max * (count as f64 / self.max as f64).sqrt()).max(2.5)
        }
    }
}

pub fn draw<DB: DrawingBackend>(
    p: &Painter<DB>,
    l: &GapLayout,
    s: &GapSeries,
    hover: Option<usize>,
) -> Result<(), String> {
    p.title(&s.title, l.width)?;
    // Column headers, written in two short lines under the title.
    for (c, col) in s.cols.iter().enumerate() {
        let (x, _) = l.centre(0, c);
        let lines = wrap_text(&col.label, 10.0, l.cell_w.max(30.0) - 2.0, 3);
        let n = lines.len() as f64;
        for (i, line) in lines.iter().enumerate() {
            p.text(
                line,
                x,
                l.top - 8.0 - (n - 1.0 - i as f64) * 12.0,
                10.0,
                Align::Center,
                Palette::TEXT,
                false,
            )?;
        }
    }
    for (r, row) in s.rows.iter().enumerate() {
        let (_, y) = l.centre(r, 0);
        let selected = s.selected.is_some_and(|(sr, _)| sr == r);
        if let Some((_, sc)) = s.selected.filter(|(sr, _)| *sr == r) {
            let (cx, _) = l.centre(r, sc);
            p.rect(
                cx - l.cell_w / 2.0,
                y - l.cell_h / 2.0,
                cx + l.cell_w / 2.0,
                y + l.cell_h / 2.0,
                RGBColor(0xfd, 0xf1, 0xd6),
            )?;
        }
        let colour = if selected {
            Palette::SELECTED
        } else {
            Palette::TEXT
        };
        p.text(
            &fit_text(&row.label, FONT, l.left - 2.0 * PAD),
            l.left - PAD,
            y,
            FONT,
            Align::Right,
            colour,
            selected,
        )?;
        p.line(
            l.left,
            y + l.cell_h / 2.0,
            l.left + l.cols as f64 * l.cell_w,
            y + l.cell_h / 2.0,
            Palette::GRID,
        )?;
        for c in 0..l.cols {
            let cell = s.cells[r][c];
            let (x, y) = l.centre(r, c);
            if cell.count == 0 {
                p.circle_outline(x, y, 2.0, Palette::GRID, 1.0)?;
            } else {
                let colour = match s.colour {
                    GapColour::Evaluation => cell
                        .strongest
                        .map_or(Palette::UNKNOWN, |e| Palette::EVALUATION[e.index()]),
                    GapColour::Effect => cell
                        .best
                        .map_or(Palette::EFFECT[6], |e| Palette::EFFECT[e.index()]),
                    GapColour::Direction => cell
                        .direction
                        .map_or(Palette::DIRECTION[4], |d| Palette::DIRECTION[d.index()]),
                };
                p.circle(x, y, l.radius(cell.count), colour)?;
                p.circle_outline(x, y, l.radius(cell.count), Palette::SUBTLE, 1.0)?;
            }
            if hover == Some(r * l.cols + c) {
                p.outline(
                    x - l.cell_w / 2.0 + 1.0,
                    y - l.cell_h / 2.0 + 1.0,
                    x + l.cell_w / 2.0 - 1.0,
                    y + l.cell_h / 2.0 - 1.0,
                    Palette::HOVER,
                )?;
            }
        }
    }
    // Legend of the colour scale.
    let y = l.top + l.rows as f64 * l.cell_h + LEGEND_H / 2.0 + 2.0;
    let palette: Vec<RGBColor> = match s.colour {
        GapColour::Evaluation => Palette::EVALUATION.to_vec(),
        GapColour::Effect => Palette::EFFECT[..6].to_vec(),
        GapColour::Direction => Palette::DIRECTION.to_vec(),
    };
    let step = (l.width - 2.0 * PAD) / s.legend.len().max(1) as f64;
    for (i, label) in s.legend.iter().enumerate() {
        let x = PAD + i as f64 * step;
        p.circle(x + 5.0, y, 5.0, palette[i.min(palette.len() - 1)])?;
        p.text(
            &fit_text(label, 10.0, step - 16.0),
            x + 14.0,
            y,
            10.0,
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
