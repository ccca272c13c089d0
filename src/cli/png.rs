//! PNG output for the command line: the chart drawn once as SVG (the same `chart::draw` as the
//! page and the SVG export), then rasterised by resvg with a bundled open-licence font (DejaVu
//! Sans, assets/fonts/), so the image is identical on every machine and its text is laid out with
//! the font's kerning (plotters' own bitmap text spaced letters oddly: "Countr y"). Encoded with
//! the `png` crate, with the resolution set so a 2× image prints at its logical size.

use mirador::aggregate::views::ChartData;
use plotters::prelude::*;
use std::sync::{Arc, OnceLock};

/// The fonts text is drawn with: the bundled DejaVu Sans as every generic family.
fn options() -> &'static resvg::usvg::Options<'static> {
    static OPTIONS: OnceLock<resvg::usvg::Options<'static>> = OnceLock::new();
    OPTIONS.get_or_init(|| {
        let mut db = resvg::usvg::fontdb::Database::new();
        db.load_font_data(include_bytes!("../../assets/fonts/DejaVuSans.ttf").to_vec());
        db.load_font_data(include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf").to_vec());
        for family in ["DejaVu Sans"] {
            db.set_sans_serif_family(family);
            db.set_serif_family(family);
            db.set_monospace_family(family);
        }
        resvg::usvg::Options {
            font_family: "DejaVu Sans".into(),
            fontdb: Arc::new(db),
            ..Default::default()
        }
    })
}

/// Renders `series` at `width` × `height` logical pixels, `scale` device pixels each; with a
/// context, framed for a report (`chart::frame`).
pub fn render_png(
    series: &ChartData,
    context: Option<&mirador::chart::frame::ExportContext>,
    width: u32,
    height: u32,
    scale: u32,
) -> Result<Vec<u8>, String> {
    let mut svg = String::new();
    {
        let backend = SVGBackend::with_string(&mut svg, (width, height));
        let area = backend.into_drawing_area();
        match context {
            Some(c) => mirador::chart::frame::draw_framed(&area, series, c, 1.0)?,
            None => mirador::chart::draw_data(&area, series, 1.0, None)?,
        }
    }
    svg_to_png(&svg, width, height, scale)
}

/// Rasterises an SVG of `width` × `height` logical pixels at `scale` on white.
pub fn svg_to_png(svg: &str, width: u32, height: u32, scale: u32) -> Result<Vec<u8>, String> {
    let tree = resvg::usvg::Tree::from_str(svg, options()).map_err(|e| e.to_string())?;
    let (w, h) = (width * scale, height * scale);
    let mut pixmap = resvg::tiny_skia::Pixmap::new(w, h)
        .ok_or_else(|| format!("cannot draw an image of {w} × {h} pixels"))?;
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale as f32, scale as f32),
        &mut pixmap.as_mut(),
    );
    // Opaque on white, so the premultiplied colours are the colours.
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect();
    let mut out = Vec::new();
    {
        let mut encoder = ::png::Encoder::new(&mut out, w, h);
        encoder.set_color(::png::ColorType::Rgb);
        encoder.set_depth(::png::BitDepth::Eight);
        // 72 dpi × scale, so a 2× image prints at its logical size.
        let ppm = 2835 * scale;
        encoder.set_pixel_dims(Some(::png::PixelDimensions {
            xppu: ppm,
            yppu: ppm,
            unit: ::png::Unit::Meter,
        }));
        let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
        writer.write_image_data(&rgb).map_err(|e| e.to_string())?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Columns of the image with any dark pixel, as runs of blank columns between ink.
    fn blank_runs(png: &[u8]) -> Vec<usize> {
        let decoder = ::png::Decoder::new(std::io::Cursor::new(png));
        let mut reader = decoder.read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size()];
        let info = reader.next_frame(&mut buf).unwrap();
        let (w, h) = (info.width as usize, info.height as usize);
        let inked: Vec<bool> = (0..w)
            .map(|x| (0..h).any(|y| buf[(y * w + x) * 3] < 128))
            .collect();
        let first = inked.iter().position(|i| *i).unwrap();
        let last = inked.iter().rposition(|i| *i).unwrap();
        let mut runs = Vec::new();
        let mut run = 0;
        for i in &inked[first..=last] {
            if *i {
                if run > 0 {
                    runs.push(run);
                }
                run = 0;
            } else {
                run += 1;
            }
        }
        runs
    }

    #[test]
    fn letters_are_spaced_as_the_font_says() {
        // Three words: exactly two gaps as wide as a space, none inside a word ("Countr y").
        let svg = r#"<svg width="400" height="40" viewBox="0 0 400 40" xmlns="http://www.w3.org/2000/svg">
            <text x="4" y="28" font-family="sans-serif" font-size="20" fill="black">Intervenciones por country</text></svg>"#;
        let png = svg_to_png(svg, 400, 40, 1).unwrap();
        let runs = blank_runs(&png);
        let wide = runs.iter().filter(|r| **r >= 6).count();
        assert_eq!(wide, 2, "gaps between ink columns: {runs:?}");
    }
}
