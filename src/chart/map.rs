//! Choropleth map of Latin America and the Caribbean: each country coloured by its value class,
//! countries without data hatched grey, selected countries outlined, and small island states
//! shown as circles so they stay visible and clickable.
//!
//! Like the bar charts, geometry lives in a `MapLayout` in logical pixels that drawing and
//! hit-testing share. The layout depends only on the atlas and the size, not on the values, so
//! the UI can keep one per canvas size. The legend sits in the empty Pacific corner when it fits
//! there, else to the right of or below the map.

use super::fit_text;
use super::paint::{Align, Painter, Palette};
use crate::geo::{hatch, Atlas, Bounds, Marker, PixelMap, PixelShape, Projection, Ring};
use plotters::coord::Shift;
use plotters::prelude::*;
use std::collections::{HashMap, HashSet};

const PAD: f64 = 8.0;
const TITLE_H: f64 = 26.0;
const FONT: f64 = 11.0;
const LEGEND_FONT: f64 = 12.0;
/// Room for a two-line note under the map (kept whether or not there is a note, so that the
/// layout does not depend on the data).
const NOTE_H: f64 = 30.0;
const LEGEND_W: f64 = 156.0;
const LEGEND_TITLE_H: f64 = 20.0;
const LEGEND_ROW: f64 = 16.0;
/// At most a zero class, five classes and "no data".
const LEGEND_ROWS: usize = 7;
const LEGEND_H: f64 = LEGEND_TITLE_H + LEGEND_ROW * LEGEND_ROWS as f64 + 4.0;
/// Marker radius in logical pixels: one pixel a degree of latitude, within these bounds. A
/// country whose projected area is below 2 r² square pixels (40 at the largest radius) gets a
/// marker.
pub const MARKER_RADIUS: (f64, f64) = (3.0, 4.5);
/// Degrees of sea kept around the shapes.
const MARGIN_DEG: f64 = 0.5;
const HATCH_SPACING: f64 = 4.0;

/// Most classes a scale has (a zero class comes on top).
pub const MAX_CLASSES: usize = 5;

/// Sequential single-hue blues (ColorBrewer "Blues", 7 classes): readable with every common
/// colour-vision deficiency and in grey scale. The lightest is kept for zero.
pub const BLUES: [RGBColor; 7] = [
    RGBColor(0xef, 0xf3, 0xff),
    RGBColor(0xc6, 0xdb, 0xef),
    RGBColor(0x9e, 0xca, 0xe1),
    RGBColor(0x6b, 0xae, 0xd6),
    RGBColor(0x42, 0x92, 0xc6),
    RGBColor(0x21, 0x71, 0xb5),
    RGBColor(0x08, 0x45, 0x94),
];
const NO_DATA: RGBColor = RGBColor(0xf2, 0xf2, 0xf2);
const HATCH: RGBColor = RGBColor(0xbd, 0xbd, 0xbd);
const BORDER: RGBColor = RGBColor(0x8c, 0x8c, 0x8c);
const OUTLINE: RGBColor = RGBColor(0x00, 0x00, 0x00);
const LEADER: RGBColor = RGBColor(0x70, 0x70, 0x70);

pub use crate::aggregate::map_series::{MapSeries, ValueFormat};

/// One step of the colour scale: values from `min` up to the next class's `min` (the last class
/// includes its `max`).
#[derive(Debug, Clone, PartialEq)]
pub struct Class {
    pub min: f64,
    pub max: f64,
    pub label: String,
    pub color: RGBColor,
}

impl MapSeries {
    /// The colour scale for these values: a class for zero when there are zeros among positive
    /// values, then at most five classes. With five different values or fewer each value is a
    /// class of its own; otherwise the breaks are quantiles rounded down to two significant
    /// digits.
    pub fn classes(&self) -> Vec<Class> {
        let mut vals: Vec<f64> = self
            .values
            .iter()
            .filter_map(|(_, v)| *v)
            .filter(|v| v.is_finite())
            .collect();
        vals.sort_by(f64::total_cmp);
        let fmt = self.format;
        let Some(&lowest) = vals.first() else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let rest: Vec<f64> = if lowest == 0.0 && vals.iter().any(|v| *v > 0.0) {
            out.push(Class {
                min: 0.0,
                max: 0.0,
                label: fmt.format(0.0),
                color: BLUES[0],
            });
            vals.into_iter().filter(|v| *v > 0.0).collect()
        } else {
            vals
        };
        let mut distinct = rest.clone();
        distinct.dedup();
        let bounds: Vec<(f64, f64)> = if distinct.len() <= MAX_CLASSES {
            distinct.iter().map(|&v| (v, v)).collect()
        } else {
            let n = rest.len();
            let whole = matches!(fmt, ValueFormat::Count);
            let mut breaks = vec![rest[0]];
            for i in 1..MAX_CLASSES {
                let b = nice_floor(rest[i * n / MAX_CLASSES], whole);
                if b > *breaks.last().unwrap() && b <= rest[n - 1] {
                    breaks.push(b);
                }
            }
            (0..breaks.len())
                .map(|i| (breaks[i], breaks.get(i + 1).copied().unwrap_or(rest[n - 1])))
                .collect()
        };
        let m = bounds.len();
        let integers = matches!(fmt, ValueFormat::Count) && rest.iter().all(|v| v.fract() == 0.0);
        for (i, &(min, max)) in bounds.iter().enumerate() {
            let last = i + 1 == m;
            let label = if min == max {
                fmt.format(min)
            } else if integers {
                let hi = if last { max } else { max - 1.0 };
                if hi <= min {
                    fmt.format(min)
                } else {
                    format!("{}–{}", fmt.format(min), fmt.format(hi))
                }
            } else {
                format!("{} – {}", fmt.format(min), fmt.format(max))
            };
            let color = if m == 1 {
                BLUES[4]
            } else {
                BLUES[2 + (i * 4 + (m - 1) / 2) / (m - 1)]
            };
            out.push(Class {
                min,
                max,
                label,
                color,
            });
        }
        out
    }
}

/// Rounds `v` down to two significant digits (and to a whole number when `whole`).
fn nice_floor(v: f64, whole: bool) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let mut m = 10f64.powf(v.abs().log10().floor() - 1.0);
    if whole {
        m = m.max(1.0);
    }
    (v / m).floor() * m
}

/// The class a value falls in.
pub fn class_of(classes: &[Class], v: f64) -> Option<usize> {
    classes
        .iter()
        .rposition(|c| c.min <= v)
        .or(if classes.is_empty() { None } else { Some(0) })
}

/// The height that lets the map fill `width` (the region is about as tall as it is wide), for a
/// canvas whose height the page may choose.
pub fn preferred_height(atlas: &Atlas, width: f64) -> f64 {
    let b = atlas.bounds();
    let c = ((b.y0 + b.y1) / 2.0).to_radians().cos().clamp(0.1, 1.0);
    let aspect = (b.height() + 2.0 * MARGIN_DEG) / ((b.width() + 2.0 * MARGIN_DEG) * c).max(1e-9);
    let h = (width - 2.0 * PAD).max(0.0) * aspect + 2.0 * PAD + TITLE_H + NOTE_H;
    if h.is_finite() {
        h.clamp(200.0, 1600.0)
    } else {
        400.0
    }
}

/// Geometry of the map in logical pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct MapLayout {
    pub width: f64,
    pub height: f64,
    /// The countries in pixels, with markers for the small ones.
    pub map: PixelMap,
    /// The legend's box.
    pub legend: Bounds,
    /// Where the note's first line goes.
    pub note_top: f64,
}

impl MapLayout {
    pub fn new(atlas: &Atlas, width: f64, height: f64) -> MapLayout {
        let width = if width.is_finite() {
            width.max(1.0)
        } else {
            1.0
        };
        let height = if height.is_finite() {
            height.max(1.0)
        } else {
            1.0
        };
        let top = PAD + TITLE_H;
        let content = Bounds::new(
            PAD,
            top,
            (width - PAD).max(PAD + 1.0),
            (height - PAD - NOTE_H).max(top + 1.0),
        );
        let b = atlas.bounds();
        let region = Bounds::new(
            b.x0 - MARGIN_DEG,
            b.y0 - MARGIN_DEG,
            b.x1 + MARGIN_DEG,
            b.y1 + MARGIN_DEG,
        );

        // The legend in the corner of the map if no land is under it…
        let inset = Bounds::new(
            content.x0,
            content.y1 - LEGEND_H,
            content.x0 + LEGEND_W,
            content.y1,
        );
        let fits = content.width() >= LEGEND_W && content.height() >= LEGEND_H && {
            let p = Projection::fit(region, content);
            !atlas
                .countries()
                .iter()
                .flat_map(|s| &s.polygons)
                .any(|poly| {
                    let d = Bounds::of_points(&poly[0]);
                    let (x0, y0) = p.project(d.x0, d.y1);
                    let (x1, y1) = p.project(d.x1, d.y0);
                    Bounds::new(x0, y0, x1, y1).intersects(&inset)
                })
        };
        let (frame, legend) = if fits {
            (content, inset)
        } else {
            // …else beside or below it, whichever leaves the bigger map.
            let right_frame = Bounds::new(
                content.x0,
                content.y0,
                (content.x1 - LEGEND_W - PAD).max(content.x0 + 1.0),
                content.y1,
            );
            let right_legend = Bounds::new(
                right_frame.x1 + PAD,
                (content.y1 - LEGEND_H).max(content.y0),
                content.x1.max(right_frame.x1 + PAD),
                content.y1,
            );
            let below_frame = Bounds::new(
                content.x0,
                content.y0,
                content.x1,
                (content.y1 - LEGEND_H - PAD).max(content.y0 + 1.0),
            );
            let below_legend = Bounds::new(
                content.x0,
                below_frame.y1 + PAD,
                content.x0 + LEGEND_W,
                content.y1.max(below_frame.y1 + PAD),
            );
            if Projection::fit(region, right_frame).k >= Projection::fit(region, below_frame).k {
                (right_frame, right_legend)
            } else {
                (below_frame, below_legend)
            }
        };
        let projection = Projection::fit(region, frame);
        let r = projection.k.clamp(MARKER_RADIUS.0, MARKER_RADIUS.1);
        let map = PixelMap::new(atlas, projection, frame, 2.0 * r * r, r);
        MapLayout {
            width,
            height,
            map,
            legend,
            note_top: height - PAD - NOTE_H + 8.0,
        }
    }

    /// The country (ISO alpha-3) under a logical-pixel point: a small state's marker, or a
    /// country's shape.
    pub fn hit(&self, x: f64, y: f64) -> Option<String> {
        self.map.hit(x, y).map(|s| s.code.clone())
    }

    /// A country's projected shape, centroid and marker (for tooltips and tests).
    pub fn shape(&self, code: &str) -> Option<&PixelShape> {
        self.map.get(code)
    }

    /// The projected centroid of a country's largest polygon.
    pub fn centroid(&self, code: &str) -> Option<(f64, f64)> {
        self.map.get(code).map(|s| s.centroid)
    }

    /// A small state's marker, if it has one.
    pub fn marker(&self, code: &str) -> Option<Marker> {
        self.map.get(code).and_then(|s| s.marker)
    }

    /// The countries drawn as markers, by code.
    pub fn marker_codes(&self) -> Vec<&str> {
        self.map
            .shapes
            .iter()
            .filter(|s| s.marker.is_some())
            .map(|s| s.code.as_str())
            .collect()
    }
}

/// Draws the map on any plotters drawing area whose size is `scale` times the logical size.
/// `hover` (an ISO alpha-3 code) is outlined in the hover colour.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    atlas: &Atlas,
    series: &MapSeries,
    scale: f64,
    hover: Option<&str>,
) -> Result<(), String> {
    let (w, h) = area.dim_in_pixel();
    let scale = if scale.is_finite() && scale > 0.0 {
        scale
    } else {
        1.0
    };
    let (lw, lh) = (w as f64 / scale, h as f64 / scale);
    let p = Painter::new(area, scale);
    p.clear()?;
    let layout = MapLayout::new(atlas, lw, lh);
    draw_layout(&p, &layout, series, hover)?;
    area.present().map_err(|e| e.to_string())
}

/// Renders the map as a standalone SVG document.
pub fn render_svg(
    atlas: &Atlas,
    series: &MapSeries,
    width: u32,
    height: u32,
) -> Result<String, String> {
    let mut out = String::new();
    {
        let backend = SVGBackend::with_string(&mut out, (width, height));
        let area = backend.into_drawing_area();
        draw(&area, atlas, series, 1.0, None)?;
    }
    Ok(out)
}

fn draw_layout<DB: DrawingBackend>(
    p: &Painter<DB>,
    l: &MapLayout,
    series: &MapSeries,
    hover: Option<&str>,
) -> Result<(), String> {
    p.title(&series.title, l.width)?;
    let classes = series.classes();
    let values: HashMap<&str, f64> = series
        .values
        .iter()
        .filter_map(|(c, v)| v.filter(|v| v.is_finite()).map(|v| (c.as_str(), v)))
        .collect();
    let selected: HashSet<&str> = series.selected.iter().map(String::as_str).collect();
    let fill = |code: &str| -> Option<RGBColor> {
        values
            .get(code)
            .and_then(|v| class_of(&classes, *v))
            .map(|i| classes[i].color)
    };

    // Shapes: fill, hatch where there is no data, border.
    for s in &l.map.shapes {
        let color = fill(&s.code);
        for poly in &s.polygons {
            p.polygon(&poly.rings[0], color.unwrap_or(NO_DATA))?;
            for hole in &poly.rings[1..] {
                p.polygon(hole, WHITE)?;
            }
            if color.is_none() {
                draw_hatch(p, &poly.rings)?;
            }
            // A marker stands for a tiny country: a border would hide its colour.
            if s.marker.is_none() {
                for ring in &poly.rings {
                    p.ring(ring, BORDER, 0.5)?;
                }
            }
        }
    }
    // Selected, then hovered, outlines on top of every fill.
    for s in l
        .map
        .shapes
        .iter()
        .filter(|s| selected.contains(s.code.as_str()))
    {
        for poly in &s.polygons {
            p.ring(&poly.rings[0], OUTLINE, 2.0)?;
        }
    }
    if let Some(s) = hover.and_then(|c| l.map.get(c)) {
        for poly in &s.polygons {
            p.ring(&poly.rings[0], Palette::HOVER, 2.0)?;
        }
    }
    // Markers: leader lines under the circles.
    for s in &l.map.shapes {
        if let Some(m) = s.marker.filter(Marker::displaced) {
            let d = (m.x - m.anchor.0).hypot(m.y - m.anchor.1);
            let (ex, ey) = (
                m.x - (m.x - m.anchor.0) * m.r / d,
                m.y - (m.y - m.anchor.1) * m.r / d,
            );
            p.line(m.anchor.0, m.anchor.1, ex, ey, LEADER)?;
        }
    }
    for s in &l.map.shapes {
        let Some(m) = s.marker else { continue };
        let color = fill(&s.code);
        if let Some(color) = color {
            p.circle(m.x, m.y, m.r, color)?;
        } else {
            // Drawn smaller so the states with data stand out; the whole circle still clicks.
            p.circle(m.x, m.y, (m.r * 0.6).max(1.5), NO_DATA)?;
        }
        if hover == Some(s.code.as_str()) {
            p.circle_outline(m.x, m.y, m.r + 1.0, Palette::HOVER, 2.0)?;
        } else if selected.contains(s.code.as_str()) {
            p.circle_outline(m.x, m.y, m.r + 1.0, OUTLINE, 2.0)?;
        } else if color.is_some() {
            p.circle_outline(m.x, m.y, m.r, Palette::SUBTLE, 1.0)?;
        } else {
            p.circle_outline(m.x, m.y, (m.r * 0.6).max(1.5), BORDER, 1.0)?;
        }
    }
    draw_legend(p, l, series, &classes)?;
    if let Some(note) = &series.note {
        p.note(note, PAD, l.note_top, l.width - 2.0 * PAD, 2)?;
    }
    Ok(())
}

fn draw_hatch<DB: DrawingBackend>(p: &Painter<DB>, rings: &[Ring]) -> Result<(), String> {
    for ((x0, y0), (x1, y1)) in hatch(rings, HATCH_SPACING) {
        p.line(x0, y0, x1, y1, HATCH)?;
    }
    Ok(())
}

fn draw_legend<DB: DrawingBackend>(
    p: &Painter<DB>,
    l: &MapLayout,
    series: &MapSeries,
    classes: &[Class],
) -> Result<(), String> {
    let b = l.legend;
    let label_w = (b.width() - 26.0).max(1.0);
    p.text(
        &fit_text(&series.legend_title, LEGEND_FONT, b.width().max(1.0)),
        b.x0,
        b.y0 + LEGEND_TITLE_H / 2.0,
        LEGEND_FONT,
        Align::Left,
        Palette::TEXT,
        true,
    )?;
    let swatch = |i: usize| -> Ring {
        let y = b.y0 + LEGEND_TITLE_H + i as f64 * LEGEND_ROW;
        vec![
            (b.x0, y + 3.0),
            (b.x0 + 18.0, y + 3.0),
            (b.x0 + 18.0, y + 13.0),
            (b.x0, y + 13.0),
        ]
    };
    let row_y = |i: usize| b.y0 + LEGEND_TITLE_H + i as f64 * LEGEND_ROW + 8.0;
    for (i, c) in classes.iter().enumerate() {
        let sw = swatch(i);
        p.polygon(&sw, c.color)?;
        p.ring(&sw, BORDER, 0.5)?;
        p.text(
            &fit_text(&c.label, FONT, label_w),
            b.x0 + 24.0,
            row_y(i),
            FONT,
            Align::Left,
            Palette::TEXT,
            false,
        )?;
    }
    let i = classes.len();
    let sw = swatch(i);
    p.polygon(&sw, NO_DATA)?;
    draw_hatch(p, std::slice::from_ref(&sw))?;
    p.ring(&sw, BORDER, 0.5)?;
    let no_data = if series.no_data_label.is_empty() {
        "No data"
    } else {
        series.no_data_label.as_str()
    };
    p.text(
        &fit_text(no_data, FONT, label_w),
        b.x0 + 24.0,
        row_y(i),
        FONT,
        Align::Left,
        Palette::SUBTLE,
        false,
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(values: &[f64], format: ValueFormat) -> MapSeries {
        MapSeries {
            values: values
                .iter()
                .enumerate()
                .map(|(i, v)| (format!("C{i:02}"), Some(*v)))
                .collect(),
            format,
            ..Default::default()
        }
    }

    fn labels(s: &MapSeries) -> Vec<String> {
        s.classes().into_iter().map(|c| c.label).collect()
    }

    #[test]
    fn few_values_are_classes_of_their_own() {
        assert_eq!(
            labels(&series(&[3.0, 1.0, 3.0, 12.0], ValueFormat::Count)),
            ["1", "3", "12"]
        );
        assert_eq!(labels(&series(&[0.0, 2.0], ValueFormat::Count)), ["0", "2"]);
        assert_eq!(labels(&series(&[0.0, 0.0], ValueFormat::Count)), ["0"]);
        assert!(labels(&series(&[], ValueFormat::Count)).is_empty());
    }

    #[test]
    fn counts_get_whole_ranges_that_cover_every_value() {
        let vals = [
            0.0, 1.0, 1.0, 2.0, 3.0, 5.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 12.0, 13.0, 14.0, 15.0,
            35.0,
        ];
        let s = series(&vals, ValueFormat::Count);
        let classes = s.classes();
        assert_eq!(classes[0].label, "0");
        assert!(classes.len() <= MAX_CLASSES + 1);
        assert_eq!(classes.last().unwrap().max, 35.0);
        assert!(
            classes.last().unwrap().label.ends_with("–35"),
            "{:?}",
            labels(&s)
        );
        for w in classes.windows(2) {
            assert!(w[0].min < w[1].min);
        }
        // Darker means more.
        let lum = |c: RGBColor| c.0 as u32 + c.1 as u32 + c.2 as u32;
        for w in classes.windows(2) {
            assert!(lum(w[0].color) > lum(w[1].color));
        }
        for v in vals {
            let c = &classes[class_of(&classes, v).unwrap()];
            assert!(c.min <= v && v <= c.max.max(c.min), "{v} in {c:?}");
        }
    }

    #[test]
    fn breaks_are_round() {
        let vals: Vec<f64> = (1..40).map(|i| i as f64 * 123_457.0).collect();
        let s = series(&vals, ValueFormat::Usd);
        let l = labels(&s);
        assert_eq!(l.len(), MAX_CLASSES);
        assert_eq!(
            l,
            [
                "US$123k – US$980k",
                "US$980k – US$1.9M",
                "US$1.9M – US$2.9M",
                "US$2.9M – US$3.9M",
                "US$3.9M – US$4.8M"
            ]
        );
        let pct = series(
            &[0.0, 0.1, 0.25, 0.333, 0.5, 0.6, 0.75, 1.0],
            ValueFormat::Percent,
        );
        assert_eq!(labels(&pct)[0], "0%");
    }

    #[test]
    fn formats() {
        assert_eq!(ValueFormat::Count.format(1284.0), "1,284");
        assert_eq!(ValueFormat::Count.format(-1284.0), "-1,284");
        assert_eq!(ValueFormat::Count.format(2.5), "2.5");
        assert_eq!(ValueFormat::Usd.format(1_250_000.0), "US$1.2M");
        assert_eq!(ValueFormat::Usd.format(21_000_000.0), "US$21M");
        assert_eq!(ValueFormat::Percent.format(0.456), "46%");
        fn euros(v: f64) -> String {
            format!("{v} €")
        }
        assert_eq!(ValueFormat::Custom(euros).format(3.0), "3 €");
    }
}
