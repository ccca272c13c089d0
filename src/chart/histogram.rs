//! Vertical histogram on a log-scale axis: the budget distribution. Bins are equal width in
//! log space (two a decade); the x axis is labelled at each decade, the y axis with counts; the
//! note below says what is not drawn (unknown budgets).

use super::paint::{Align, Painter, Palette};
use crate::aggregate::{BarAction, Series};
use plotters::prelude::*;

const PAD: f64 = 8.0;
const TITLE_H: f64 = 26.0;
const AXIS_W: f64 = 36.0;
const AXIS_H: f64 = 22.0;
const NOTE_H: f64 = 30.0;
const FONT: f64 = 11.0;

/// Geometry of the histogram in logical pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct HistogramLayout {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    /// The baseline (y of count 0).
    pub bottom: f64,
    /// Rounded-up top of the count axis.
    pub y_max: usize,
    pub counts: Vec<usize>,
}

/// The top of the count axis: `n` itself up to 10, then the next of 1, 1.2, 1.5, 2, 2.5, 3, 4,
/// 5, 6, 8 times a power of ten, so the axis ends on a round number.
pub(crate) fn nice_ceiling(n: usize) -> usize {
    if n <= 10 {
        return n.max(1);
    }
    let mut mag = 1usize;
    while mag * 10 < n {
        mag *= 10;
    }
    // Now mag < n <= 10 * mag; candidates are tenths of 10 * mag.
    for m in [10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100] {
        let c = m * mag / 10;
        if c >= n {
            return c;
        }
    }
    10 * mag
}

#[cfg(test)]
mod tests {
    use super::nice_ceiling;

    #[test]
    fn ceilings_are_round_and_cover() {
        assert_eq!(nice_ceiling(0), 1);
        assert_eq!(nice_ceiling(6), 6);
        assert_eq!(nice_ceiling(11), 12);
        assert_eq!(nice_ceiling(128), 150);
        assert_eq!(nice_ceiling(203), 250);
        for n in 0..20_000 {
            let c = nice_ceiling(n);
            assert!(c >= n && c <= (n * 2).max(1), "{n} -> {c}");
        }
    }
}

impl HistogramLayout {
    pub fn new(series: &Series, width: f64, height: f64) -> HistogramLayout {
        let left = PAD + AXIS_W;
        let right = (width - PAD).max(left + 1.0);
        let top = PAD + TITLE_H;
        let bottom = (height - PAD - NOTE_H - AXIS_H).max(top + 1.0);
        let counts: Vec<usize> = series.bars.iter().map(|b| b.count).collect();
        HistogramLayout {
            width,
            height,
            left,
            right,
            top,
            bottom,
            y_max: nice_ceiling(series.max_count()),
            counts,
        }
    }

    fn slot(&self) -> f64 {
        (self.right - self.left) / self.counts.len().max(1) as f64
    }

    pub fn hit(&self, x: f64, y: f64) -> Option<usize> {
        if x < self.left || x >= self.right || y < self.top || y > self.bottom + AXIS_H {
            return None;
        }
        let i = ((x - self.left) / self.slot()).floor() as usize;
        (i < self.counts.len()).then_some(i)
    }

    pub fn bar_rect(&self, i: usize) -> Option<(f64, f64, f64, f64)> {
        let count = *self.counts.get(i)?;
        let slot = self.slot();
        let x0 = self.left + i as f64 * slot + 1.0;
        let x1 = self.left + (i + 1) as f64 * slot - 1.0;
        let h = (self.bottom - self.top) * count as f64 / self.y_max as f64;
        Some((x0, self.bottom - h, x1, self.bottom))
    }
}

pub fn draw<DB: DrawingBackend>(
    p: &Painter<DB>,
    l: &HistogramLayout,
    series: &Series,
    hover: Option<usize>,
) -> Result<(), String> {
    p.title(&series.title, l.width)?;
    p.count_axis(l.left, l.right, l.top, l.bottom, l.y_max)?;
    for (i, bar) in series.bars.iter().enumerate() {
        let (x0, y0, x1, y1) = l.bar_rect(i).expect("one rect a bar");
        let color = if bar.selected {
            Palette::SELECTED
        } else if series.filtered {
            Palette::MUTED
        } else {
            Palette::BAR
        };
        if bar.count > 0 {
            p.rect(x0, y0, x1, y1, color)?;
        }
        if hover == Some(i) {
            p.outline(x0, y0.min(y1 - 2.0), x1, y1, Palette::HOVER)?;
        }
    }
    p.line(l.left, l.bottom, l.right, l.bottom, Palette::SUBTLE)?;
    // Decade labels on the bin edges that are powers of ten.
    let slot = (l.right - l.left) / series.bars.len().max(1) as f64;
    for (i, bar) in series.bars.iter().enumerate() {
        if let BarAction::BudgetRange(lo, _) = bar.action {
            if (lo.log10().fract()).abs() < 1e-9 {
                let x = l.left + i as f64 * slot;
                p.line(x, l.bottom, x, l.bottom + 4.0, Palette::SUBTLE)?;
                let label = bar.label.split('–').next().unwrap_or_default();
                p.text(
                    label,
                    x,
                    l.bottom + 12.0,
                    FONT,
                    Align::Center,
                    Palette::SUBTLE,
                    false,
                )?;
            }
        }
    }
    if let Some(note) = &series.note {
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
