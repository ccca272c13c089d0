//! The chart grid: one `<canvas role="img">` per chart, drawn by `chart::draw` through
//! plotters-canvas. The canvas backing store is the CSS size times devicePixelRatio, so bars and
//! text stay crisp on HiDPI screens; it redraws when its series, the hovered bar or the window
//! size changes. A click hit-tests with the same layout the drawing used and applies the bar's
//! action (toggle a value, set the budget range); hovering shows the value in a tooltip.

use super::{download, url_sync, Ctx};
use crate::aggregate::{self, ChartKind, Series};
use crate::chart::{self, Layout};
use crate::i18n::{self, Msg};
use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;

#[component]
pub fn ChartGrid() -> impl IntoView {
    view! {
        <section class="charts">
            {ChartKind::ALL.into_iter().map(|k| view! { <ChartCanvas kind=k interactive=true/> }).collect_view()}
        </section>
    }
}

/// One chart. `interactive` adds clicking to filter and the toolbar (PNG, SVG, Embed); the embed
/// page shows the chart without them.
#[component]
pub fn ChartCanvas(kind: ChartKind, interactive: bool) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    let series: Memo<Option<Series>> = Memo::new(move |_| {
        let data = ctx.data.get()?;
        let result = ctx.result.get()?;
        Some(ctx.state.with(|s| aggregate::series(&data.index, &result, &s.selection, kind, lang)))
    });
    let canvas_ref: NodeRef<Canvas> = NodeRef::new();
    let hover = RwSignal::new(None::<usize>);
    let tooltip = RwSignal::new(None::<(f64, f64, String)>);

    // Redraw whenever the series, the hovered bar or the window size changes.
    Effect::new(move |_| {
        ctx.resized.track();
        let hovered = hover.get();
        let Some(canvas) = canvas_ref.get() else { return };
        series.with(|s| {
            if let Some(s) = s {
                paint(&canvas, s, hovered);
            }
        });
    });

    let bar_at = move |ev: &web_sys::MouseEvent| -> Option<usize> {
        let canvas = canvas_ref.get_untracked()?;
        let (w, h) = css_size(&canvas);
        series.with_untracked(|s| s.as_ref().and_then(|s| Layout::new(s, w, h).hit(ev.offset_x() as f64, ev.offset_y() as f64)))
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        if !interactive {
            return;
        }
        let Some(i) = bar_at(&ev) else { return };
        let Some(action) = series.with_untracked(|s| s.as_ref().and_then(|s| s.bars.get(i)).map(|b| b.action.clone())) else {
            return;
        };
        ctx.state.update(|st| {
            aggregate::apply(&action, &mut st.selection);
            st.page = 0;
        });
    };
    let on_move = move |ev: web_sys::MouseEvent| {
        let hit = bar_at(&ev);
        if hover.get_untracked() != hit {
            hover.set(hit);
        }
        let text = hit.and_then(|i| {
            series.with_untracked(|s| {
                s.as_ref().and_then(|s| s.bars.get(i)).map(|b| format!("{}: {}", b.label, i18n::format_count(lang, b.count)))
            })
        });
        tooltip.set(text.map(|t| (ev.offset_x() as f64, ev.offset_y() as f64, t)));
    };
    let on_leave = move |_| {
        hover.set(None);
        tooltip.set(None);
    };
    let aria = move || series.with(|s| s.as_ref().map(|s| s.aria_label(lang)).unwrap_or_default());

    let embed_open = RwSignal::new(false);
    let save_svg = move |_| {
        let Some(canvas) = canvas_ref.get_untracked() else { return };
        let (w, h) = css_size(&canvas);
        series.with_untracked(|s| {
            if let Some(s) = s {
                match chart::render_svg(s, w.round() as u32, h.round() as u32) {
                    Ok(svg) => download::save_text(&format!("mirador-{}.svg", kind.key()), "image/svg+xml", &svg),
                    Err(e) => leptos::logging::warn!("SVG export failed: {e}"),
                }
            }
        });
    };
    let save_png = move |_| {
        let Some(canvas) = canvas_ref.get_untracked() else { return };
        let (w, h) = css_size(&canvas);
        let Ok(el) = document().create_element("canvas") else { return };
        let print: web_sys::HtmlCanvasElement = el.unchecked_into();
        // Twice the on-screen size, for print.
        print.set_width((w * 2.0).round() as u32);
        print.set_height((h * 2.0).round() as u32);
        series.with_untracked(|s| {
            if let (Some(s), Some(backend)) = (s, CanvasBackend::with_canvas_object(print.clone())) {
                if chart::draw(&backend.into_drawing_area(), s, 2.0, None).is_ok() {
                    download::save_canvas_png(&format!("mirador-{}.png", kind.key()), &print);
                }
            }
        });
    };
    let snippet = move || {
        let mut s = ctx.url_state();
        s.embed = Some(kind);
        s.view = Default::default();
        let h = series.with(|s| s.as_ref().map_or(300.0, chart::preferred_height)) + 70.0;
        format!(
            "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{}\" style=\"border:0\" loading=\"lazy\"></iframe>",
            url_sync::link_to(&s),
            kind.title(lang),
            h.round()
        )
    };
    view! {
        <figure class="chart" id=format!("chart-{}", kind.key())>
            {interactive.then(|| view! {
                <div class="chart-tools">
                    <button class="tool" data-action="png" on:click=save_png title=kind.title(lang)>{i18n::text(lang, Msg::DownloadPng)}</button>
                    <button class="tool" data-action="svg" on:click=save_svg>{i18n::text(lang, Msg::DownloadSvg)}</button>
                    <button class="tool" data-action="embed" on:click=move |_| embed_open.update(|o| *o = !*o)>{i18n::text(lang, Msg::Embed)}</button>
                </div>
            })}
            <canvas
                node_ref=canvas_ref
                role="img"
                aria-label=aria
                data-chart=kind.key()
                style:cursor=move || if hover.get().is_some() { "pointer" } else { "default" }
                on:click=on_click
                on:mousemove=on_move
                on:mouseleave=on_leave
            ></canvas>
            {move || embed_open.get().then(|| view! {
                <div class="embed-dialog" role="dialog" aria-label=i18n::text(lang, Msg::Embed)>
                    <p>{i18n::text(lang, Msg::EmbedHelp)}</p>
                    <textarea readonly class="snippet" rows="4" prop:value=snippet></textarea>
                    <button class="action" on:click=move |_| {
                        let t = snippet();
                        leptos::task::spawn_local(async move { let _ = download::copy_text(&t).await; });
                    }>{i18n::text(lang, Msg::Copy)}</button>
                    <button class="action" on:click=move |_| embed_open.set(false)>{i18n::text(lang, Msg::Close)}</button>
                </div>
            })}
            {move || tooltip.get().map(|(x, y, t)| view! {
                <div class="tooltip" role="tooltip" style:left=format!("{}px", x + 12.0) style:top=format!("{}px", y + 12.0)>{t}</div>
            })}
        </figure>
    }
}

/// The canvas's size in CSS pixels.
fn css_size(canvas: &web_sys::HtmlCanvasElement) -> (f64, f64) {
    let el: &web_sys::Element = canvas.unchecked_ref();
    (el.client_width().max(1) as f64, el.client_height().max(1) as f64)
}

/// Sizes the backing store to CSS size × devicePixelRatio and draws.
fn paint(canvas: &web_sys::HtmlCanvasElement, series: &Series, hover: Option<usize>) {
    let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()).clamp(1.0, 4.0);
    // The height follows the number of bars; set it here, before measuring, so the drawing and
    // the hit-testing layout always see the same size.
    let h = chart::preferred_height(series);
    let el: &web_sys::HtmlElement = canvas.unchecked_ref();
    let _ = el.style().set_property("height", &format!("{h}px"));
    let (w, _) = css_size(canvas);
    let (pw, ph) = ((w * dpr).round() as u32, (h * dpr).round() as u32);
    if canvas.width() != pw {
        canvas.set_width(pw);
    }
    if canvas.height() != ph {
        canvas.set_height(ph);
    }
    let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) else { return };
    let area = backend.into_drawing_area();
    if let Err(e) = chart::draw(&area, series, dpr, hover) {
        leptos::logging::warn!("chart {} could not be drawn: {e}", series.kind.key());
    }
}
