//! Country comparison: one column per country, on shared scales. Each column has the focus mix
//! (bars, the same length scale for every country), the effectiveness mix (a 100% bar) and its
//! counts. The summary table beside it is HTML; this draws the part a chart shows best.

use super::paint::{Align, Painter, Palette};
use super::{fit_text, text_width};
use crate::aggregate::views::CompareSeries;
use plotters::prelude::*;

const PAD: f64 = 8.0;
const TITLE_H: f64 = 26.0;
const HEAD_H: f64 = 34.0;
const ROW_H: f64 = 18.0;
const FONT: f64 = 11.0;
const EFFECT_H: f64 = 40.0;
/// The interventions-per-year strip under each column.
const YEARS_H: f64 = 56.0;

pub fn preferred_height(s: &CompareSeries) -> f64 {
    PAD * 2.0 + TITLE_H + HEAD_H + s.focus_labels.len() as f64 * ROW_H + EFFECT_H + YEARS_H + 30.0
}

/// Geometry of the comparison in logical pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareLayout {
    pub width: f64,
    pub height: f64,
    pub label_w: f64,
    pub panel_w: f64,
    pub top: f64,
    pub panels: usize,
    pub rows: usize,
}

impl CompareLayout {
    pub fn new(s: &CompareSeries, width: f64, height: f64) -> CompareLayout {
        let label_w = (s
            .focus_labels
            .iter()
            .map(|l| text_width(l, FONT))
            .fold(0.0, f64::max)
            + 2.0 * PAD)
            .min(width * 0.3);
        let panels = s.countries.len().max(1);
        let panel_w = ((width - label_w - PAD) / panels as f64).max(1.0);
        CompareLayout {
            width,
            height,
            label_w,
            panel_w,
            top: PAD + TITLE_H + HEAD_H,
            panels: s.countries.len(),
            rows: s.focus_labels.len(),
        }
    }

    /// The country column under a point.
    pub fn hit(&self, x: f64, y: f64) -> Option<usize> {
        if x < self.label_w || y < PAD + TITLE_H || y > self.height {
            return None;
        }
        let i = ((x - self.label_w) / self.panel_w).floor() as usize;
        (i < self.panels).then_some(i)
    }
}

pub fn draw<DB: DrawingBackend>(
    p: &Painter<DB>,
    l: &CompareLayout,
    s: &CompareSeries,
    hover: Option<usize>,
) -> Result<(), String> {
    p.title(&s.title, l.width)?;
    let max = s.focus_max().max(1) as f64;
    for (r, label) in s.focus_labels.iter().enumerate() {
        let y = l.top + (r as f64 + 0.5) * ROW_H;
        p.text(
            &fit_text(label, FONT, l.label_w - 2.0 * PAD),
            l.label_w - PAD,
            y,
            FONT,
            Align::Right,
            Palette::TEXT,
            false,
        )?;
    }
    let effect_y = l.top + l.rows as f64 * ROW_H + 10.0;
    for (i, c) in s.countries.iter().enumerate() {
        let x0 = l.label_w + i as f64 * l.panel_w + 4.0;
        let inner = l.panel_w - 8.0 - 26.0;
        if hover == Some(i) {
            p.outline(
                x0 - 3.0,
                PAD + TITLE_H,
                x0 + l.panel_w - 5.0,
                effect_y + EFFECT_H - 4.0,
                Palette::HOVER,
            )?;
        }
        p.text(
            &fit_text(&c.name, 12.0, l.panel_w - 8.0),
            x0,
            PAD + TITLE_H + 9.0,
            12.0,
            Align::Left,
            Palette::TEXT,
            true,
        )?;
        p.text(
            &fit_text(&c.caption, 10.0, l.panel_w - 8.0),
            x0,
            PAD + TITLE_H + 24.0,
            10.0,
            Align::Left,
            Palette::SUBTLE,
            false,
        )?;
        for (r, n) in c.focus.iter().enumerate() {
            let y = l.top + r as f64 * ROW_H;
            let len = inner * *n as f64 / max;
            if *n > 0 {
                p.rect(
                    x0,
                    y + 3.0,
                    x0 + len.max(1.0),
                    y + ROW_H - 3.0,
                    Palette::FOCUS[r],
                )?;
            }
            p.text(
                &n.to_string(),
                x0 + len + 3.0,
                y + ROW_H / 2.0,
                10.0,
                Align::Left,
                Palette::SUBTLE,
                false,
            )?;
        }
        // Effectiveness mix as a 100% bar.
        let total: usize = c.effect.iter().sum();
        let mut x = x0;
        for (k, n) in c.effect.iter().enumerate() {
            if *n == 0 || total == 0 {
                continue;
            }
            let w = (l.panel_w - 12.0) * *n as f64 / total as f64;
            p.rect(
                x,
                effect_y,
                x + w,
                effect_y + 14.0,
                Palette::EFFECT[k.min(6)],
            )?;
            x += w;
        }
    }
    // Interventions started per year, one strip per country on a shared scale.
    let strip_top = effect_y + 24.0;
    let strip_h = YEARS_H - 22.0;
    let year_max = s
        .countries
        .iter()
        .flat_map(|c| c.per_year.iter().copied())
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    if !s.years.is_empty() {
        p.text(
            &fit_text(&s.years_label, FONT, l.label_w - 2.0 * PAD),
            l.label_w - PAD,
            strip_top + strip_h / 2.0,
            FONT,
            Align::Right,
            Palette::TEXT,
            false,
        )?;
        for (i, c) in s.countries.iter().enumerate() {
            let x0 = l.label_w + i as f64 * l.panel_w + 4.0;
            let w = (l.panel_w - 12.0) / s.years.len() as f64;
            p.line(
                x0,
                strip_top + strip_h,
                x0 + l.panel_w - 12.0,
                strip_top + strip_h,
                Palette::GRID,
            )?;
            for (k, n) in c.per_year.iter().enumerate() {
                if *n > 0 {
                    let h = strip_h * *n as f64 / year_max;
                    p.rect(
                        x0 + k as f64 * w,
                        strip_top + strip_h - h,
                        x0 + (k as f64 + 1.0) * w - 0.5,
                        strip_top + strip_h,
                        Palette::BAR,
                    )?;
                }
            }
            let (first, last) = (s.years[0], s.years[s.years.len() - 1]);
            p.text(
                &first.to_string(),
                x0,
                strip_top + strip_h + 8.0,
                9.0,
                Align::Left,
                Palette::SUBTLE,
                false,
            )?;
            p.text(
                &last.to_string(),
                x0 + l.panel_w - 12.0,
                strip_top + strip_h + 8.0,
                9.0,
                Align::Right,
                Palette::SUBTLE,
                false,
            )?;
        }
    }
    // Legend of the effectiveness bar.
    let ly = strip_top + YEARS_H + 6.0;
    let step = (l.width - 2.0 * PAD) / s.effect_labels.len().max(1) as f64;
    for (k, label) in s.effect_labels.iter().enumerate() {
        let x = PAD + k as f64 * step;
        p.rect(x, ly - 5.0, x + 10.0, ly + 5.0, Palette::EFFECT[k.min(6)])?;
        p.text(
            &fit_text(label, 10.0, step - 16.0),
            x + 14.0,
            ly,
            10.0,
            Align::Left,
            Palette::TEXT,
            false,
        )?;
    }
    Ok(())
}
