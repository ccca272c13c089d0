//! Chart drawing, written once against plotters' `DrawingBackend`: the same functions draw to the
//! browser canvas (plotters-canvas, in `app`), to an SVG string (`render_svg`, for export and
//! snapshot tests) and, later, to PNG on the command line.
//!
//! Charts receive a ready `Series` (from `aggregate`) and never filter or group. Geometry is
//! computed in logical (CSS) pixels by a layout (`BarLayout`, `HistogramLayout`) that both drawing
//! and hit-testing use, so a click lands on exactly the bar that was drawn. Drawing multiplies by
//! `scale` (the device pixel ratio) so canvases stay crisp on HiDPI screens.

mod bars;
pub mod compare;
pub mod evaluation_gap;
pub mod events;
pub mod frame;
pub mod gap;
pub(crate) mod histogram;
pub mod map;
mod paint;
pub mod timeline;

pub use bars::BarLayout;
pub use histogram::HistogramLayout;
pub use paint::Palette;

use crate::aggregate::views::ChartData;
use crate::aggregate::{ChartKind, Series};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Where a chart's geometry lives, in logical pixels.
#[derive(Debug, Clone, PartialEq)]
pub enum Layout {
    Bars(BarLayout),
    Histogram(HistogramLayout),
    Timeline(timeline::TimelineLayout),
    Gap(gap::GapLayout),
    Compare(compare::CompareLayout),
    Events(events::EventLayout),
    /// Nothing to hit yet (the map before its shapes have loaded).
    Empty,
    /// The map, with the country code of each value index.
    Map(Box<map::MapLayout>, Vec<String>),
    EvaluationGap(evaluation_gap::EvaluationGapLayout),
}

impl Layout {
    /// Lays `series` out in a `width` × `height` logical-pixel box.
    pub fn new(series: &Series, width: f64, height: f64) -> Layout {
        match series.kind {
            ChartKind::Budget => Layout::Histogram(HistogramLayout::new(series, width, height)),
            _ => Layout::Bars(BarLayout::new(series, width, height)),
        }
    }

    /// Lays out any chart.
    pub fn of(data: &ChartData, width: f64, height: f64) -> Layout {
        match data {
            ChartData::Bars(s) => Layout::new(s, width, height),
            ChartData::Timeline(s) => {
                Layout::Timeline(timeline::TimelineLayout::new(s, width, height))
            }
            ChartData::Gap(s) => Layout::Gap(gap::GapLayout::new(s, width, height)),
            ChartData::Compare(s) => Layout::Compare(compare::CompareLayout::new(s, width, height)),
            ChartData::Events(s) => Layout::Events(events::EventLayout::new(s, width, height)),
            ChartData::EvaluationGap(s) => {
                Layout::EvaluationGap(evaluation_gap::EvaluationGapLayout::new(s, width, height))
            }
            ChartData::Map(m) => match &m.atlas {
                Some(a) => Layout::Map(
                    Box::new(map::MapLayout::new(&a.0, width, height)),
                    m.series.values.iter().map(|(c, _)| c.clone()).collect(),
                ),
                None => Layout::Empty,
            },
        }
    }

    /// The item under a logical-pixel point, if any (a bar, a year, a cell, a country, an event).
    pub fn hit(&self, x: f64, y: f64) -> Option<usize> {
        match self {
            Layout::Bars(l) => l.hit(x, y),
            Layout::Histogram(l) => l.hit(x, y),
            Layout::Timeline(l) => l.hit(x, y),
            Layout::Gap(l) => l.hit(x, y),
            Layout::Compare(l) => l.hit(x, y),
            Layout::Events(l) => l.hit(x, y),
            Layout::EvaluationGap(l) => l.hit(x, y),
            Layout::Empty => None,
            Layout::Map(l, codes) => l
                .hit(x, y)
                .and_then(|code| codes.iter().position(|c| *c == code)),
        }
    }

    /// The rectangle of bar `i` (x0, y0, x1, y1) in logical pixels, for tests and tooltips.
    pub fn bar_rect(&self, i: usize) -> Option<(f64, f64, f64, f64)> {
        match self {
            Layout::Empty => None,
            Layout::EvaluationGap(l) => l.bar_rect(i),
            Layout::Bars(l) => l.bar_rect(i),
            Layout::Histogram(l) => l.bar_rect(i),
            Layout::Timeline(l) => (i < l.years).then(|| {
                let (x0, x1) = l.column(i);
                (x0, l.top, x1, l.bottom)
            }),
            Layout::Gap(l) => (i < l.rows * l.cols).then(|| {
                let (x, y) = l.centre(i / l.cols, i % l.cols);
                (
                    x - l.cell_w / 2.0,
                    y - l.cell_h / 2.0,
                    x + l.cell_w / 2.0,
                    y + l.cell_h / 2.0,
                )
            }),
            Layout::Compare(l) => (i < l.panels).then(|| {
                (
                    l.label_w + i as f64 * l.panel_w,
                    l.top,
                    l.label_w + (i + 1) as f64 * l.panel_w,
                    l.height,
                )
            }),
            Layout::Events(l) => l
                .points
                .get(i)
                .map(|(x, y)| (x - 3.0, y - 3.0, x + 3.0, y + 3.0)),
            Layout::Map(l, codes) => {
                let code = codes.get(i)?;
                let (x, y) = l
                    .marker(code)
                    .map(|m| (m.x, m.y))
                    .or_else(|| l.centroid(code))?;
                Some((x - 1.0, y - 1.0, x + 1.0, y + 1.0))
            }
        }
    }
}

/// The height a chart would like for its width, so that bar labels stay readable.
pub fn preferred_height(series: &Series) -> f64 {
    match series.kind {
        ChartKind::Budget => 260.0,
        _ => bars::preferred_height(series.bars.len(), series.note.is_some()),
    }
}

/// Draws `series` on any plotters drawing area whose size is `scale` times the logical size.
/// `hover` highlights one bar.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    series: &Series,
    scale: f64,
    hover: Option<usize>,
) -> Result<(), String> {
    let (w, h) = area.dim_in_pixel();
    let (lw, lh) = (w as f64 / scale, h as f64 / scale);
    let painter = paint::Painter::new(area, scale);
    painter.clear()?;
    match Layout::new(series, lw, lh) {
        Layout::Bars(l) => bars::draw(&painter, &l, series, hover),
        Layout::Histogram(l) => histogram::draw(&painter, &l, series, hover),
        _ => Ok(()),
    }?;
    area.present().map_err(|e| e.to_string())
}

/// The height any chart would like at a given width.
pub fn preferred_height_of(data: &ChartData, width: f64) -> f64 {
    match data {
        ChartData::Bars(s) => preferred_height(s),
        ChartData::Timeline(s) => timeline::preferred_height(s, width),
        ChartData::Gap(s) => gap::preferred_height(s),
        ChartData::Compare(s) => compare::preferred_height(s),
        ChartData::Events(s) => events::preferred_height(s),
        ChartData::EvaluationGap(s) => evaluation_gap::preferred_height(s),
        // Capped so the whole region fits on a laptop screen; the projection centres in the box.
        ChartData::Map(m) => m
            .atlas
            .as_ref()
            .map_or(200.0, |a| map::preferred_height(&a.0, width).min(760.0)),
    }
}

/// Draws any chart (see `draw`).
pub fn draw_data<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &ChartData,
    scale: f64,
    hover: Option<usize>,
) -> Result<(), String> {
    let series = match data {
        ChartData::Bars(s) => return draw(area, s, scale, hover),
        ChartData::Map(m) => {
            let Some(atlas) = &m.atlas else {
                return area.fill(&WHITE).map_err(|e| e.to_string());
            };
            let code = hover
                .and_then(|i| m.series.values.get(i))
                .map(|(c, _)| c.as_str());
            return map::draw(area, &atlas.0, &m.series, scale, code);
        }
        other => other,
    };
    let (w, h) = area.dim_in_pixel();
    let (lw, lh) = (w as f64 / scale, h as f64 / scale);
    let painter = paint::Painter::new(area, scale);
    painter.clear()?;
    match (series, Layout::of(series, lw, lh)) {
        (ChartData::Timeline(s), Layout::Timeline(l)) => timeline::draw(&painter, &l, s, hover),
        (ChartData::Gap(s), Layout::Gap(l)) => gap::draw(&painter, &l, s, hover),
        (ChartData::Compare(s), Layout::Compare(l)) => compare::draw(&painter, &l, s, hover),
        (ChartData::Events(s), Layout::Events(l)) => events::draw(&painter, &l, s, hover),
        (ChartData::EvaluationGap(s), Layout::EvaluationGap(l)) => {
            evaluation_gap::draw(&painter, &l, s, hover)
        }
        _ => Ok(()),
    }?;
    area.present().map_err(|e| e.to_string())
}

/// Renders any chart as a standalone SVG document.
pub fn render_data_svg(data: &ChartData, width: u32, height: u32) -> Result<String, String> {
    let mut out = String::new();
    {
        let backend = SVGBackend::with_string(&mut out, (width, height));
        draw_data(&backend.into_drawing_area(), data, 1.0, None)?;
    }
    Ok(out)
}

/// Renders a chart as a standalone SVG document.
pub fn render_svg(series: &Series, width: u32, height: u32) -> Result<String, String> {
    let mut out = String::new();
    {
        let backend = SVGBackend::with_string(&mut out, (width, height));
        let area = backend.into_drawing_area();
        draw(&area, series, 1.0, None)?;
    }
    Ok(out)
}

/// Shortens `s` to fit `max_width` logical pixels at `font_size`, ending with "…" when cut.
/// Widths are estimated (0.56 em a character), the same on every backend.
pub fn fit_text(s: &str, font_size: f64, max_width: f64) -> String {
    let per_char = font_size * 0.56;
    let max_chars = (max_width / per_char).floor().max(1.0) as usize;
    let n = s.chars().count();
    if n <= max_chars {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(max_chars.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// Splits `s` into lines of at most `max_width` logical pixels at `font_size`, breaking between
/// words; at most `max_lines` lines, the last shortened with "…" when the text does not fit.
pub fn wrap_text(s: &str, font_size: f64, max_width: f64, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in s.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_owned()
        } else {
            format!("{current} {word}")
        };
        if text_width(&candidate, font_size) <= max_width || current.is_empty() {
            current = candidate;
        } else {
            lines.push(std::mem::replace(&mut current, word.to_owned()));
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines {
        let rest = lines[max_lines - 1..].join(" ");
        lines.truncate(max_lines - 1);
        lines.push(rest);
    }
    if let Some(last) = lines.last_mut() {
        *last = fit_text(last, font_size, max_width);
    }
    lines
}

/// Estimated width of `s` at `font_size`.
pub fn text_width(s: &str, font_size: f64) -> f64 {
    s.chars().count() as f64 * font_size * 0.56
}
