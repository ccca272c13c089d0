//! PNG output for the command line: the same `chart::draw` on plotters' bitmap backend, with a
//! bundled open-licence font (DejaVu Sans, assets/fonts/) so the image is identical on every
//! machine, encoded with the `png` crate.

use mirador::aggregate::views::ChartData;
use plotters::prelude::*;
use std::sync::Once;

static FONTS: Once = Once::new();

fn register_fonts() {
    FONTS.call_once(|| {
        let regular: &'static [u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
        let bold: &'static [u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");
        // The bundled files are valid fonts; a failure here would be a packaging bug.
        let _ = plotters::style::register_font("sans-serif", FontStyle::Normal, regular);
        let _ = plotters::style::register_font("sans-serif", FontStyle::Bold, bold);
    });
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
    register_fonts();
    let (w, h) = (width * scale, height * scale);
    let mut rgb = vec![255u8; (w * h * 3) as usize];
    {
        let backend = BitMapBackend::with_buffer(&mut rgb, (w, h));
        let area = backend.into_drawing_area();
        match context {
            Some(c) => mirador::chart::frame::draw_framed(&area, series, c, scale as f64)?,
            None => mirador::chart::draw_data(&area, series, scale as f64, None)?,
        }
    }
    let mut out = Vec::new();
    {
        let mut encoder = ::png::Encoder::new(&mut out, w, h);
        encoder.set_color(::png::ColorType::Rgb);
        encoder.set_depth(::png::BitDepth::Eight);
        // 72 dpi × scale, so a 2× image prints at its logical size.
        let ppm = (2835 * scale) as u32;
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
