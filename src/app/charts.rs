//! Chart canvases: one `<canvas role="img">` per chart, drawn by `chart::draw_data` through
//! plotters-canvas. The backing store is the CSS size times devicePixelRatio, so bars and text
//! stay crisp on HiDPI screens; it redraws when its data, the hovered item or the window size
//! changes. A click hit-tests with the same layout the drawing used and applies the item's action
//! (toggle a value, set a range, open an event); on the timeline a drag across years sets the
//! year range. Each chart has PNG (2×), SVG and Embed buttons, and "Show as table".
//!
//! From the keyboard: Tab reaches the chart, the arrow keys (and Home, End) move between its
//! marks in the order `ChartData::item_count` numbers them, the mark in focus is drawn as hovered,
//! ringed, and announced with its label and value; Enter or Space does what a click does; Escape
//! leaves the chart.

use super::{download, url_sync, Ctx};
use crate::aggregate::views::{chart_data, ChartData};
use crate::aggregate::{self, BarAction, ChartKind};
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
            {ChartKind::OVERVIEW.into_iter().map(|k| view! { <ChartCanvas kind=k interactive=true/> }).collect_view()}
        </section>
    }
}

/// The data of chart `kind` for the current state.
pub fn data_memo(ctx: Ctx, kind: ChartKind) -> Memo<Option<ChartData>> {
    Memo::new(move |_| {
        let data = ctx.data.get()?;
        let result = ctx.result.get()?;
        let mut options = ctx.link.with(|l| l.view_options());
        if kind == ChartKind::Gap {
            options.studies = ctx.studies();
        }
        if matches!(kind, ChartKind::Map | ChartKind::EventsMap) {
            options.atlas = ctx
                .atlas
                .with(|a| a.as_ref().and_then(|r| r.as_ref().ok().cloned()));
        }
        Some(ctx.state.with(|s| {
            chart_data(
                &data.index,
                &result,
                &s.selection,
                &data.events,
                &options,
                kind,
                ctx.lang,
            )
        }))
    })
}

/// Applies a chart's click action to the dashboard.
pub fn apply_action(ctx: Ctx, action: BarAction) {
    match action {
        BarAction::OpenEvent(id) => {
            ctx.link.update(|l| l.event = Some(id));
            ctx.view.set(crate::url_state::View::Events);
        }
        other => ctx.state.update(|st| {
            aggregate::apply(&other, &mut st.selection);
            st.page = 0;
        }),
    }
}

/// One chart. `interactive` adds clicking to filter and the toolbar (PNG, SVG, Embed); the embed
/// page shows the chart without them. `data` shares a page's own `data_memo` of this kind, so
/// the numbers are computed once.
#[component]
pub fn ChartCanvas(
    kind: ChartKind,
    interactive: bool,
    #[prop(optional)] data: Option<Memo<Option<ChartData>>>,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    let data = data.unwrap_or_else(|| data_memo(ctx, kind));
    let canvas_ref: NodeRef<Canvas> = NodeRef::new();
    let hover = RwSignal::new(None::<usize>);
    // The mark the keyboard is on, and whether the numbers are shown as a table.
    let focused = RwSignal::new(None::<usize>);
    let show_table = RwSignal::new(false);
    let tooltip = RwSignal::new(None::<(f64, f64, String)>);
    // Timeline drag: the year index where the button went down.
    let drag_from = RwSignal::new(None::<usize>);

    // The canvas's CSS width as last laid out, kept by a ResizeObserver: no draw reads the
    // layout (which would force one right after the DOM changes), and any change of width
    // (window, panel, scroll bar) redraws.
    let width = RwSignal::new(None::<f64>);
    Effect::new(move |_| {
        if let Some(canvas) = canvas_ref.get() {
            watch_width(&canvas, width);
        }
    });
    Effect::new(move |_| {
        let hovered = focused.get().or_else(|| hover.get());
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        // The first width comes from the ResizeObserver once the browser has laid the page out
        // (before it paints): reading it here would force a layout per chart while the page is
        // still being built.
        let Some(w) = width.get() else {
            return;
        };
        data.with(|d| {
            if let Some(d) = d {
                paint(&canvas, d, w, hovered);
            }
        });
    });

    let layout = move || -> Option<Layout> {
        let canvas = canvas_ref.get_untracked()?;
        let (w, h) = css_size(&canvas);
        let w = width.get_untracked().unwrap_or(w);
        data.with_untracked(|d| d.as_ref().map(|d| Layout::of(d, w, h)))
    };
    let item_at = move |ev: &web_sys::MouseEvent| {
        layout().and_then(|l| l.hit(ev.offset_x() as f64, ev.offset_y() as f64))
    };
    let on_down = move |ev: web_sys::MouseEvent| {
        if interactive && kind == ChartKind::Timeline {
            drag_from.set(item_at(&ev));
        }
    };
    let on_up = move |ev: web_sys::MouseEvent| {
        if !interactive {
            return;
        }
        if kind == ChartKind::Timeline {
            let from = drag_from.get_untracked();
            drag_from.set(None);
            let to = match layout() {
                Some(Layout::Timeline(l)) => l.year_at(ev.offset_x() as f64),
                _ => None,
            };
            let years = data.with_untracked(|d| match d {
                Some(ChartData::Timeline(s)) => Some(s.years.clone()),
                _ => None,
            });
            if let (Some(a), Some(b), Some(years)) = (from, to, years) {
                apply_action(ctx, BarAction::Years(years[a.min(b)], years[a.max(b)]));
            }
            return;
        }
        let Some(i) = item_at(&ev) else { return };
        if let Some(action) = data.with_untracked(|d| d.as_ref().and_then(|d| d.action(i))) {
            apply_action(ctx, action);
        }
    };
    let on_move = move |ev: web_sys::MouseEvent| {
        let hit = item_at(&ev);
        if hover.get_untracked() != hit {
            hover.set(hit);
        }
        let text = match (drag_from.get_untracked(), kind) {
            (Some(a), ChartKind::Timeline) => data.with_untracked(|d| match (d, layout()) {
                (Some(ChartData::Timeline(s)), Some(Layout::Timeline(l))) => l
                    .year_at(ev.offset_x() as f64)
                    .map(|b| format!("{}–{}", s.years[a.min(b)], s.years[a.max(b)])),
                _ => None,
            }),
            _ => hit
                .and_then(|i| data.with_untracked(|d| d.as_ref().and_then(|d| d.tooltip(i, lang)))),
        };
        tooltip.set(text.map(|t| (ev.offset_x() as f64, ev.offset_y() as f64, t)));
    };
    let on_leave = move |_| {
        hover.set(None);
        tooltip.set(None);
        drag_from.set(None);
    };
    let aria = move || data.with(|d| d.as_ref().map(|d| d.aria_label(lang)).unwrap_or_default());
    let words = i18n::table_words(lang);
    // What the mark in focus is, for the live region (and the tooltip).
    let focused_text = move || {
        let i = focused.get()?;
        data.with(|d| d.as_ref().and_then(|d| d.tooltip(i, lang)))
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if !interactive {
            return;
        }
        let (n, step) = data.with_untracked(|d| {
            d.as_ref()
                .map_or((0, 1), |d| (d.item_count(), d.row_step()))
        });
        if n == 0 {
            return;
        }
        let current = focused.get_untracked().map(|i| i.min(n - 1));
        let next = match ev.key().as_str() {
            "ArrowRight" => current.map_or(0, |i| (i + 1).min(n - 1)),
            "ArrowLeft" => current.map_or(0, |i| i.saturating_sub(1)),
            "ArrowDown" => current.map_or(0, |i| (i + step).min(n - 1)),
            "ArrowUp" => current.map_or(0, |i| i.saturating_sub(step)),
            "Home" => 0,
            "End" => n - 1,
            "Enter" | " " => {
                ev.prevent_default();
                let action = current
                    .and_then(|i| data.with_untracked(|d| d.as_ref().and_then(|d| d.action(i))));
                if let Some(action) = action {
                    apply_action(ctx, action);
                }
                return;
            }
            "Escape" => {
                focused.set(None);
                tooltip.set(None);
                if let Some(c) = canvas_ref.get_untracked() {
                    let _ = c.unchecked_ref::<web_sys::HtmlElement>().blur();
                }
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        focused.set(Some(next));
        let text = data.with_untracked(|d| d.as_ref().and_then(|d| d.tooltip(next, lang)));
        tooltip.set(text.map(|t| (4.0, 4.0, t)));
    };
    let on_blur = move |_| {
        focused.set(None);
        tooltip.set(None);
    };
    let table = move || {
        show_table.get().then(|| {
            data.with(|d| {
                d.as_ref().map(|d| {
                    let t = d.table(lang);
                    let title = d.title().to_owned();
                    let label = title.clone();
                    view! {
                        <div class="table-scroll chart-table" tabindex="0" role="region" aria-label=label>
                            <table>
                                <caption>{title}</caption>
                                <thead><tr>{t.header.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                                <tbody>{t.rows.into_iter().map(|row| {
                                    let mut cells = row.into_iter();
                                    let first = cells.next().unwrap_or_default();
                                    view! { <tr><th scope="row">{first}</th>{cells.map(|c| view! { <td>{c}</td> }).collect_view()}</tr> }
                                }).collect_view()}</tbody>
                            </table>
                        </div>
                    }
                })
            })
        })
    };

    let embed_open = RwSignal::new(false);
    // The embed dialog behaves like every dialog (app::dialog): focus moves in when it opens,
    // stays inside, Escape closes it, and focus returns to the Embed button.
    let embed_ref: NodeRef<leptos::html::Div> = NodeRef::new();
    let embed_button: NodeRef<leptos::html::Button> = NodeRef::new();
    let close_embed = move || {
        embed_open.set(false);
        if let Some(b) = embed_button.get_untracked() {
            let _ = b.focus();
        }
    };
    Effect::new(move |_| {
        if let Some(el) = embed_ref.get() {
            super::dialog::focus_first(&el);
        }
    });
    // Exports are framed for a report: a chosen size (not the screen's), with what is
    // filtered, how many records, the source, version, licence and date under the chart.
    let export_size = RwSignal::new(chart::frame::ExportSize::Column);
    let export_context = move || {
        let s = untrack(|| ctx.shown());
        let (filters, credit) = i18n::export_context(
            lang,
            &s.summary,
            s.matching,
            s.total,
            s.own.as_deref(),
            &download::today(),
        );
        chart::frame::ExportContext { filters, credit }
    };
    let export_name = move |ext: &str| {
        let countries: Vec<String> = ctx.state.with_untracked(|s| {
            s.selection
                .selected(crate::selection::Facet::Country)
                .iter()
                .cloned()
                .collect()
        });
        chart::frame::file_name(kind.key(), &countries, &download::today(), ext)
    };
    let save_svg = move |_| {
        let context = export_context();
        data.with_untracked(|d| {
            if let Some(d) = d {
                match chart::frame::render_framed_svg(d, &context, export_size.get_untracked()) {
                    Ok(svg) => download::save_text(&export_name("svg"), "image/svg+xml", &svg),
                    Err(e) => leptos::logging::warn!("SVG export failed: {e}"),
                }
            }
        });
    };
    let save_png = move |_| {
        let context = export_context();
        let Ok(el) = document().create_element("canvas") else {
            return;
        };
        let print: web_sys::HtmlCanvasElement = el.unchecked_into();
        data.with_untracked(|d| {
            let Some(d) = d else { return };
            let (w, h) = export_size.get_untracked().dimensions(d, &context);
            // Twice the logical size, for print.
            print.set_width(w * 2);
            print.set_height(h * 2);
            if let Some(backend) = CanvasBackend::with_canvas_object(print.clone()) {
                if chart::frame::draw_framed(&backend.into_drawing_area(), d, &context, 2.0).is_ok()
                {
                    download::save_canvas_png(&export_name("png"), &print);
                }
            }
        });
    };
    let snippet = move || {
        let mut s = ctx.url_state();
        s.embed = Some(kind);
        s.view = Default::default();
        let w = canvas_ref.get_untracked().map_or(600.0, |c| css_size(&c).0);
        let h = data.with(|d| {
            d.as_ref()
                .map_or(300.0, |d| chart::preferred_height_of(d, w))
        }) + 70.0;
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
                    <select class="tool export-size" aria-label=i18n::export_size_label(lang)
                        on:change=move |ev| {
                            if let Some(s) = chart::frame::ExportSize::from_key(&event_target_value(&ev)) {
                                export_size.set(s);
                            }
                        }>
                        {chart::frame::ExportSize::ALL.into_iter().map(|s| view! {
                            <option value=s.key()>{i18n::export_size_name(lang, s.key())}</option>
                        }).collect_view()}
                    </select>
                    <button class="tool" data-action="png" on:click=save_png>{i18n::text(lang, Msg::DownloadPng)}</button>
                    <button class="tool" data-action="svg" on:click=save_svg>{i18n::text(lang, Msg::DownloadSvg)}</button>
                    <button class="tool" data-action="embed" node_ref=embed_button aria-expanded=move || embed_open.get().to_string() on:click=move |_| embed_open.update(|o| *o = !*o)>{i18n::text(lang, Msg::Embed)}</button>
                    <button class="tool" data-action="table" aria-expanded=move || show_table.get().to_string()
                        on:click=move |_| show_table.update(|s| *s = !*s)>
                        {move || if show_table.get() { words.hide } else { words.show }}
                    </button>
                </div>
            })}
            <canvas
                node_ref=canvas_ref
                role="img"
                aria-label=aria
                aria-description=interactive.then_some(words.keys)
                tabindex=interactive.then_some("0")
                data-chart=kind.key()
                on:keydown=on_key
                on:blur=on_blur
                style:cursor=move || if hover.get().is_some() && interactive { "pointer" } else { "default" }
                on:mousedown=on_down
                on:mouseup=on_up
                on:mousemove=on_move
                on:mouseleave=on_leave
            ></canvas>
            {move || embed_open.get().then(|| view! {
                <div class="embed-dialog" role="dialog" aria-label=i18n::text(lang, Msg::Embed) node_ref=embed_ref
                    on:keydown=move |ev| {
                        if let Some(el) = embed_ref.get_untracked() {
                            super::dialog::on_keydown(&ev, &el, close_embed);
                        }
                    }>
                    <p>{i18n::text(lang, Msg::EmbedHelp)}</p>
                    <textarea readonly class="snippet" rows="4" prop:value=snippet></textarea>
                    <button class="action" on:click=move |_| {
                        let t = snippet();
                        leptos::task::spawn_local(async move { let _ = download::copy_text(&t).await; });
                    }>{i18n::text(lang, Msg::Copy)}</button>
                    <button class="action" on:click=move |_| close_embed()>{i18n::text(lang, Msg::Close)}</button>
                </div>
            })}
            <p class="sr-only" aria-live="polite">{focused_text}</p>
            {table}
            {move || tooltip.get().map(|(x, y, t)| view! {
                <div class="tooltip" role="tooltip" style:left=format!("{}px", x + 12.0) style:top=format!("{}px", y + 12.0)>{t}</div>
            })}
        </figure>
    }
}

/// The canvas's size in CSS pixels.
fn css_size(canvas: &web_sys::HtmlCanvasElement) -> (f64, f64) {
    let el: &web_sys::Element = canvas.unchecked_ref();
    (
        el.client_width().max(1) as f64,
        el.client_height().max(1) as f64,
    )
}

/// Keeps `width` equal to the canvas's laid-out CSS width, for as long as the chart is shown.
fn watch_width(canvas: &web_sys::HtmlCanvasElement, width: RwSignal<Option<f64>>) {
    let on_resize = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(
        move |entries: js_sys::Array| {
            let Some(entry) = entries
                .iter()
                .last()
                .map(|e| e.unchecked_into::<web_sys::ResizeObserverEntry>())
            else {
                return;
            };
            let w = entry.content_rect().width().round().max(1.0);
            if width.get_untracked() != Some(w) {
                // On the next frame: a draw sets the canvas's height, and a change of size inside
                // this callback would be one more notification in the same frame (the browser's
                // "ResizeObserver loop" error).
                request_animation_frame(move || width.set(Some(w)));
            }
        },
    );
    let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) else {
        return;
    };
    observer.observe(canvas);
    // Both live with the calling effect's owner; the observer is disconnected before the
    // closure it calls is dropped (an owner runs its cleanups before dropping its values).
    let kept = StoredValue::new_local((observer, on_resize));
    on_cleanup(move || {
        kept.try_with_value(|(observer, _)| observer.disconnect());
    });
}

/// Sizes the backing store to CSS width `w` × devicePixelRatio and draws.
fn paint(canvas: &web_sys::HtmlCanvasElement, data: &ChartData, w: f64, hover: Option<usize>) {
    let dpr = web_sys::window()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .clamp(1.0, 4.0);
    // The height follows the content; set it before drawing, so the drawing and the hit-testing
    // layout always see the same size.
    let h = chart::preferred_height_of(data, w);
    let el: &web_sys::HtmlElement = canvas.unchecked_ref();
    let _ = el.style().set_property("height", &format!("{h}px"));
    let (pw, ph) = ((w * dpr).round() as u32, (h * dpr).round() as u32);
    if canvas.width() != pw {
        canvas.set_width(pw);
    }
    if canvas.height() != ph {
        canvas.set_height(ph);
    }
    let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) else {
        return;
    };
    let t0 = super::timing::now();
    if let Err(e) = chart::draw_data(&backend.into_drawing_area(), data, dpr, hover) {
        leptos::logging::warn!("chart {} could not be drawn: {e}", data.title());
    }
    super::timing::draw(super::timing::now() - t0);
    // Drawn at least once (what `make bench-load` waits for).
    if !canvas.has_attribute("data-drawn") {
        let _ = canvas.set_attribute("data-drawn", "");
    }
}
