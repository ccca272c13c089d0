//! The few drawing primitives charts use (filled rectangles, lines, text), taking logical pixels
//! and scaling them to the backend's device pixels; and the palette.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Colours, chosen to stay distinguishable with colour-blindness (one blue hue in three
/// strengths, grey for unknown) and to print in grey scale.
pub struct Palette;

impl Palette {
    pub const BAR: RGBColor = RGBColor(0x31, 0x82, 0xbd);
    pub const SELECTED: RGBColor = RGBColor(0x08, 0x45, 0x94);
    pub const MUTED: RGBColor = RGBColor(0xc6, 0xdb, 0xef);
    pub const UNKNOWN: RGBColor = RGBColor(0xa0, 0xa0, 0xa0);
    pub const HOVER: RGBColor = RGBColor(0xe6, 0x55, 0x0d);
    pub const TEXT: RGBColor = RGBColor(0x22, 0x22, 0x22);
    pub const SUBTLE: RGBColor = RGBColor(0x66, 0x66, 0x66);
    pub const GRID: RGBColor = RGBColor(0xe3, 0xe3, 0xe3);
}

/// Horizontal text alignment.
#[derive(Clone, Copy)]
pub enum Align {
    Left,
    Center,
    Right,
}

pub struct Painter<'a, DB: DrawingBackend> {
    area: &'a DrawingArea<DB, Shift>,
    scale: f64,
}

impl<'a, DB: DrawingBackend> Painter<'a, DB> {
    pub fn new(area: &'a DrawingArea<DB, Shift>, scale: f64) -> Painter<'a, DB> {
        Painter { area, scale: if scale.is_finite() && scale > 0.0 { scale } else { 1.0 } }
    }

    fn px(&self, v: f64) -> i32 {
        (v * self.scale).round() as i32
    }

    pub fn clear(&self) -> Result<(), String> {
        self.area.fill(&WHITE).map_err(|e| e.to_string())
    }

    pub fn rect(&self, x0: f64, y0: f64, x1: f64, y1: f64, color: RGBColor) -> Result<(), String> {
        let (a, b) = ((self.px(x0), self.px(y0)), (self.px(x1), self.px(y1)));
        if a.0 == b.0 || a.1 == b.1 {
            return Ok(());
        }
        self.area.draw(&Rectangle::new([a, b], color.filled())).map_err(|e| e.to_string())
    }

    pub fn outline(&self, x0: f64, y0: f64, x1: f64, y1: f64, color: RGBColor) -> Result<(), String> {
        let w = (2.0 * self.scale).round().max(1.0) as u32;
        let (a, b) = ((self.px(x0), self.px(y0)), (self.px(x1), self.px(y1)));
        self.area.draw(&Rectangle::new([a, b], color.stroke_width(w))).map_err(|e| e.to_string())
    }

    pub fn line(&self, x0: f64, y0: f64, x1: f64, y1: f64, color: RGBColor) -> Result<(), String> {
        let w = self.scale.round().max(1.0) as u32;
        let pts = vec![(self.px(x0), self.px(y0)), (self.px(x1), self.px(y1))];
        self.area.draw(&PathElement::new(pts, color.stroke_width(w))).map_err(|e| e.to_string())
    }

    /// Text whose vertical centre is at `y`.
    pub fn text(&self, s: &str, x: f64, y: f64, size: f64, align: Align, color: RGBColor, bold: bool) -> Result<(), String> {
        if s.is_empty() {
            return Ok(());
        }
        let h = match align {
            Align::Left => HPos::Left,
            Align::Center => HPos::Center,
            Align::Right => HPos::Right,
        };
        let font_style = if bold { FontStyle::Bold } else { FontStyle::Normal };
        let style = TextStyle::from(("sans-serif", size * self.scale, font_style).into_font())
            .color(&color)
            .pos(Pos::new(h, VPos::Center));
        self.area.draw(&Text::new(s.to_owned(), (self.px(x), self.px(y)), style)).map_err(|e| e.to_string())
    }
}
