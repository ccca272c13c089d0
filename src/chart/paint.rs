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

impl Palette {
    /// Twelve categorical colours for the focus areas (Paul Tol's "muted" and "light" schemes,
    /// distinguishable with the common colour-vision deficiencies), grey for "not stated".
    pub const FOCUS: [RGBColor; 13] = [
        RGBColor(0x33, 0x22, 0x88),
        RGBColor(0x88, 0xcc, 0xee),
        RGBColor(0x44, 0xaa, 0x99),
        RGBColor(0x11, 0x77, 0x33),
        RGBColor(0x99, 0x99, 0x33),
        RGBColor(0xdd, 0xcc, 0x77),
        RGBColor(0xcc, 0x66, 0x77),
        RGBColor(0x88, 0x22, 0x55),
        RGBColor(0xaa, 0x44, 0x99),
        RGBColor(0x77, 0xaa, 0xdd),
        RGBColor(0xee, 0x88, 0x66),
        RGBColor(0x44, 0x44, 0x44),
        RGBColor(0xc8, 0xc8, 0xc8),
    ];
    /// Effectiveness, best to worst in blue to orange (a colour-blind-safe diverging scheme),
    /// then inconclusive and not stated in greys. Order of `Effect::ALL`, then not stated.
    pub const EFFECT: [RGBColor; 7] = [
        RGBColor(0x21, 0x66, 0xac),
        RGBColor(0x67, 0xa9, 0xcf),
        RGBColor(0xd1, 0xd1, 0x9f),
        RGBColor(0xf4, 0xa5, 0x82),
        RGBColor(0xb2, 0x18, 0x2b),
        RGBColor(0x99, 0x99, 0x99),
        RGBColor(0xd9, 0xd9, 0xd9),
    ];
    /// What the evidence found on an outcome (order of `Direction::ALL`: improved, no change,
    /// worsened, mixed), on the effect scale's colour-blind-safe blues and oranges, then "no
    /// impact finding" in grey.
    pub const DIRECTION: [RGBColor; 5] = [
        RGBColor(0x21, 0x66, 0xac),
        RGBColor(0xd1, 0xd1, 0x9f),
        RGBColor(0xb2, 0x18, 0x2b),
        RGBColor(0xf4, 0xa5, 0x82),
        RGBColor(0xbb, 0xbb, 0xbb),
    ];
    /// Evaluation designs, weakest to strongest, light to dark (order of `Evaluation::ALL`).
    pub const EVALUATION: [RGBColor; 5] = [
        RGBColor(0xdd, 0xdd, 0xdd),
        RGBColor(0xc6, 0xdb, 0xef),
        RGBColor(0x6b, 0xae, 0xd6),
        RGBColor(0x21, 0x71, 0xb5),
        RGBColor(0x08, 0x30, 0x6b),
    ];
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
        Painter {
            area,
            scale: if scale.is_finite() && scale > 0.0 {
                scale
            } else {
                1.0
            },
        }
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
        self.area
            .draw(&Rectangle::new([a, b], color.filled()))
            .map_err(|e| e.to_string())
    }

    pub fn outline(
        &self,
        x0: f64,
        y0: f64,
        x1: f64,
        y1: f64,
        color: RGBColor,
    ) -> Result<(), String> {
        let w = (2.0 * self.scale).round().max(1.0) as u32;
        let (a, b) = ((self.px(x0), self.px(y0)), (self.px(x1), self.px(y1)));
        self.area
            .draw(&Rectangle::new([a, b], color.stroke_width(w)))
            .map_err(|e| e.to_string())
    }

    pub fn line(&self, x0: f64, y0: f64, x1: f64, y1: f64, color: RGBColor) -> Result<(), String> {
        let w = self.scale.round().max(1.0) as u32;
        let pts = vec![(self.px(x0), self.px(y0)), (self.px(x1), self.px(y1))];
        self.area
            .draw(&PathElement::new(pts, color.stroke_width(w)))
            .map_err(|e| e.to_string())
    }

    /// Device points of a path, without consecutive repeats (sub-pixel detail adds nothing).
    fn device_points(&self, points: &[(f64, f64)]) -> Vec<(i32, i32)> {
        let mut out: Vec<(i32, i32)> = Vec::with_capacity(points.len());
        for &(x, y) in points {
            let p = (self.px(x), self.px(y));
            if out.last() != Some(&p) {
                out.push(p);
            }
        }
        out
    }

    /// A filled polygon (a closed ring, not repeating its first point).
    pub fn polygon(&self, points: &[(f64, f64)], color: RGBColor) -> Result<(), String> {
        let pts = self.device_points(points);
        if pts.len() < 3 {
            return match pts.first() {
                // Smaller than a pixel: one dot, so the shape is not lost.
                Some(&p) => self
                    .area
                    .draw(&Rectangle::new([p, (p.0 + 1, p.1 + 1)], color.filled()))
                    .map_err(|e| e.to_string()),
                None => Ok(()),
            };
        }
        self.area
            .draw(&Polygon::new(pts, color.filled()))
            .map_err(|e| e.to_string())
    }

    /// The outline of a closed ring, `width` logical pixels wide.
    pub fn ring(&self, points: &[(f64, f64)], color: RGBColor, width: f64) -> Result<(), String> {
        let mut pts = self.device_points(points);
        if pts.len() < 2 {
            return Ok(());
        }
        pts.push(pts[0]);
        let w = (width * self.scale).round().max(1.0) as u32;
        self.area
            .draw(&PathElement::new(pts, color.stroke_width(w)))
            .map_err(|e| e.to_string())
    }

    /// A filled circle.
    pub fn circle(&self, x: f64, y: f64, r: f64, color: RGBColor) -> Result<(), String> {
        let r = (r * self.scale).round().max(1.0) as u32;
        self.area
            .draw(&Circle::new((self.px(x), self.px(y)), r, color.filled()))
            .map_err(|e| e.to_string())
    }

    /// The outline of a circle, `width` logical pixels wide.
    pub fn circle_outline(
        &self,
        x: f64,
        y: f64,
        r: f64,
        color: RGBColor,
        width: f64,
    ) -> Result<(), String> {
        let r = (r * self.scale).round().max(1.0) as u32;
        let w = (width * self.scale).round().max(1.0) as u32;
        self.area
            .draw(&Circle::new(
                (self.px(x), self.px(y)),
                r,
                color.stroke_width(w),
            ))
            .map_err(|e| e.to_string())
    }

    /// A chart's title, top left, bold, shortened to the chart's width. Every chart uses the same
    /// title band: 8 px padding, 26 px high.
    pub fn title(&self, title: &str, chart_width: f64) -> Result<(), String> {
        const PAD: f64 = 8.0;
        const TITLE_H: f64 = 26.0;
        const SIZE: f64 = 14.0;
        let text = super::fit_text(title, SIZE, chart_width - 2.0 * PAD);
        self.text(
            &text,
            PAD,
            PAD + TITLE_H / 2.0 - 2.0,
            SIZE,
            Align::Left,
            Palette::TEXT,
            true,
        )
    }

    /// A note under a chart (what it leaves out), 11 px grey text wrapped into at most
    /// `max_lines` lines of `width`, the first centred at `top`.
    pub fn note(
        &self,
        note: &str,
        x: f64,
        top: f64,
        width: f64,
        max_lines: usize,
    ) -> Result<(), String> {
        const SIZE: f64 = 11.0;
        const LINE_H: f64 = 14.0;
        for (i, line) in super::wrap_text(note, SIZE, width, max_lines)
            .iter()
            .enumerate()
        {
            self.text(
                line,
                x,
                top + i as f64 * LINE_H,
                SIZE,
                Align::Left,
                Palette::SUBTLE,
                false,
            )?;
        }
        Ok(())
    }

    /// A count axis on the left of a plot: grid lines and labels at 0, the top (`y_max`) and, when
    /// it is even, half way.
    pub fn count_axis(
        &self,
        left: f64,
        right: f64,
        top: f64,
        bottom: f64,
        y_max: usize,
    ) -> Result<(), String> {
        let mut ticks = vec![0, y_max];
        if y_max >= 2 && y_max % 2 == 0 {
            ticks.insert(1, y_max / 2);
        }
        for tick in ticks {
            let y = bottom - (bottom - top) * tick as f64 / y_max as f64;
            self.line(left, y, right, y, Palette::GRID)?;
            self.text(
                &tick.to_string(),
                left - 6.0,
                y,
                11.0,
                Align::Right,
                Palette::SUBTLE,
                false,
            )?;
        }
        Ok(())
    }

    /// Text whose vertical centre is at `y`.
    pub fn text(
        &self,
        s: &str,
        x: f64,
        y: f64,
        size: f64,
        align: Align,
        color: RGBColor,
        bold: bool,
    ) -> Result<(), String> {
        if s.is_empty() {
            return Ok(());
        }
        let h = match align {
            Align::Left => HPos::Left,
            Align::Center => HPos::Center,
            Align::Right => HPos::Right,
        };
        let font_style = if bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        let style = TextStyle::from(("sans-serif", size * self.scale, font_style).into_font())
            .color(&color)
            .pos(Pos::new(h, VPos::Center));
        self.area
            .draw(&Text::new(s.to_owned(), (self.px(x), self.px(y)), style))
            .map_err(|e| e.to_string())
    }
}
