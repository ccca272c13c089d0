//! Exports for reports: a chart drawn at a chosen size (not the screen's) with its context under
//! it, so a PNG or SVG pasted into a report still says what it shows: what is filtered and how many
//! records, the source and the dataset version, the licence and the date, in the page language.

use super::paint::{Align, Painter, Palette};
use super::{draw_data, preferred_height_of, wrap_text};
use crate::aggregate::views::ChartData;
use plotters::coord::Shift;
use plotters::prelude::*;

const PAD: f64 = 8.0;
const LINE_H: f64 = 15.0;
const FONT: f64 = 11.0;

/// The sizes an export comes in, in logical pixels (PNG doubles them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ExportSize {
    /// A report column: 720 wide, as tall as the chart wants.
    #[default]
    Column,
    /// A 16:9 slide, 960 × 540.
    Slide,
    /// A square, 720 × 720.
    Square,
}

impl ExportSize {
    pub const ALL: [ExportSize; 3] = [ExportSize::Column, ExportSize::Slide, ExportSize::Square];

    pub fn key(self) -> &'static str {
        match self {
            ExportSize::Column => "column",
            ExportSize::Slide => "slide",
            ExportSize::Square => "square",
        }
    }

    pub fn from_key(k: &str) -> Option<ExportSize> {
        ExportSize::ALL.into_iter().find(|s| s.key() == k)
    }

    /// The whole image's width and height for a chart and its context.
    pub fn dimensions(self, data: &ChartData, context: &ExportContext) -> (u32, u32) {
        match self {
            ExportSize::Column => {
                let w = 720.0;
                let h = preferred_height_of(data, w) + context_height(context, w);
                (w as u32, h.round() as u32)
            }
            ExportSize::Slide => (960, 540),
            ExportSize::Square => (720, 720),
        }
    }
}

/// What an export says under its chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportContext {
    /// "Country: Brazil · 35 of 291 interventions".
    pub filters: String,
    /// "Source: Mirador open dataset 2026.11 (CC BY 4.0), sources cited on every record · 2026-11-30".
    pub credit: String,
}

/// Room the context takes under the chart at this width (its lines, wrapped).
pub fn context_height(context: &ExportContext, width: f64) -> f64 {
    let lines = wrap_text(&context.filters, FONT, width - 2.0 * PAD, 2).len()
        + wrap_text(&context.credit, FONT, width - 2.0 * PAD, 2).len();
    PAD + lines as f64 * LINE_H + PAD
}

/// Draws `data` with its context on an area whose size is `scale` times the logical size.
pub fn draw_framed<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &ChartData,
    context: &ExportContext,
    scale: f64,
) -> Result<(), String> {
    let (w, h) = area.dim_in_pixel();
    let (lw, lh) = (w as f64 / scale, h as f64 / scale);
    let band = context_height(context, lw);
    let chart_h = ((lh - band) * scale).max(1.0) as u32;
    let (chart, rest) = area.split_vertically(chart_h);
    // The context first and the chart last: drawing the chart ends the document (an SVG's
    // closing tag), so nothing may be drawn after it.
    let p = Painter::new(&rest, scale);
    p.clear()?;
    p.line(PAD, 2.0, lw - PAD, 2.0, Palette::GRID)?;
    let mut y = PAD + LINE_H / 2.0;
    for line in wrap_text(&context.filters, FONT, lw - 2.0 * PAD, 2) {
        p.text(&line, PAD, y, FONT, Align::Left, Palette::TEXT, true)?;
        y += LINE_H;
    }
    for line in wrap_text(&context.credit, FONT, lw - 2.0 * PAD, 2) {
        p.text(&line, PAD, y, FONT, Align::Left, Palette::SUBTLE, false)?;
        y += LINE_H;
    }
    draw_data(&chart, data, scale, None)?;
    area.present().map_err(|e| e.to_string())
}

/// A framed export as a standalone SVG document.
pub fn render_framed_svg(
    data: &ChartData,
    context: &ExportContext,
    size: ExportSize,
) -> Result<String, String> {
    let (w, h) = size.dimensions(data, context);
    let mut out = String::new();
    {
        let backend = SVGBackend::with_string(&mut out, (w, h));
        draw_framed(&backend.into_drawing_area(), data, context, 1.0)?;
    }
    Ok(out)
}

/// The file name of an export: what and which, and the day (`mirador-focus-BRA-2026-11-30.png`).
pub fn file_name(chart: &str, countries: &[String], date: &str, ext: &str) -> String {
    let which = if countries.is_empty() {
        "all".to_owned()
    } else if countries.len() <= 4 {
        countries.join("-")
    } else {
        format!("{}-countries", countries.len())
    };
    format!("mirador-{chart}-{which}-{date}.{ext}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_say_what_and_which() {
        assert_eq!(
            file_name("focus", &["BRA".into()], "2026-11-30", "png"),
            "mirador-focus-BRA-2026-11-30.png"
        );
        assert_eq!(
            file_name("map", &[], "2026-11-30", "svg"),
            "mirador-map-all-2026-11-30.svg"
        );
        let many: Vec<String> = ["A", "B", "C", "D", "E"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            file_name("gap", &many, "d", "svg"),
            "mirador-gap-5-countries-d.svg"
        );
        assert_eq!(ExportSize::from_key("slide"), Some(ExportSize::Slide));
    }
}
