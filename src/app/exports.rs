//! Downloads of the data behind the view (matching interventions, events) and the citation line.

use super::{download, url_sync, Ctx};
use crate::export::{self, Origin};
use crate::i18n::{self, Msg};
use crate::model::Intervention;
use leptos::prelude::*;

/// CSV and JSON of the interventions that match the current filters.
#[component]
pub fn InterventionDownloads() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    let save = move |json: bool| {
        let (Some(data), Some(result)) = (ctx.data.get_untracked(), ctx.result.get_untracked())
        else {
            return;
        };
        leptos::task::spawn_local(async move {
            // The bundled records' sources and descriptions come with the export, fetched the
            // first time.
            let (sources, descriptions) =
                futures_util::future::join(ctx.bundled_sources(), ctx.bundled_descriptions()).await;
            save_interventions(
                ctx,
                &data,
                &result,
                sources.as_deref(),
                descriptions.as_deref(),
                json,
            );
        });
    };
    view! {
        <span class="downloads">
            <button id="download-csv" class="action" on:click=move |_| save(false)>{i18n::text(lang, Msg::DownloadCsv)}</button>
            <button id="download-json" class="action" on:click=move |_| save(true)>{i18n::text(lang, Msg::DownloadJson)}</button>
        </span>
    }
}

/// Writes the matching interventions as CSV or JSON, each with its sources.
fn save_interventions(
    ctx: Ctx,
    data: &super::Dataset,
    result: &crate::engine::FilterResult,
    sources: Option<&std::collections::HashMap<String, Vec<crate::model::Source>>>,
    descriptions: Option<&std::collections::HashMap<String, String>>,
    json: bool,
) {
    {
        let rows = result.matching.iter().map(|i| {
            let mut r = data.index.record(i);
            if let Some(s) = sources.and_then(|m| m.get(&r.id)) {
                if r.sources.is_empty() {
                    r.to_mut().sources = s.clone();
                }
            }
            if let Some(d) = descriptions.and_then(|m| m.get(&r.id)) {
                if r.description.is_none() {
                    r.to_mut().description = Some(d.clone());
                }
            }
            r
        });
        let own = ctx.shown().own;
        let origin = own.as_deref().map_or(Origin::Bundled, Origin::File);
        if json {
            let rows: Vec<std::borrow::Cow<Intervention>> = rows.collect();
            download::save_text(
                "mirador-interventions.json",
                "application/json",
                &export::to_json("interventions", &rows, origin),
            );
        } else {
            // Row by row: synthetic rows are generated as they are written, not all held first.
            download::save_text(
                "mirador-interventions.csv",
                "text/csv;charset=utf-8",
                &export::interventions_csv(rows, origin),
            );
        }
    }
}

/// CSV and JSON of all events.
#[component]
pub fn EventDownloads() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    let save = move |json: bool| {
        let Some(data) = ctx.data.get_untracked() else {
            return;
        };
        // Events always come from the bundled release, whatever interventions are loaded.
        if json {
            download::save_text(
                "mirador-events.json",
                "application/json",
                &export::to_json("events", &data.events, Origin::Bundled),
            );
        } else {
            download::save_text(
                "mirador-events.csv",
                "text/csv;charset=utf-8",
                &export::events_csv(&data.events, Origin::Bundled),
            );
        }
    };
    view! {
        <span class="downloads">
            <button id="events-csv" class="action" on:click=move |_| save(false)>{i18n::text(lang, Msg::DownloadCsv)}</button>
            <button id="events-json" class="action" on:click=move |_| save(true)>{i18n::text(lang, Msg::DownloadJson)}</button>
        </span>
    }
}

/// "Cite this view": dataset, filters, counts, date and link, with a copy button.
#[component]
pub fn Citation() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    let text = move || {
        // A person's own file is cited as theirs, drawn with Mirador; the bundled data as ours.
        let s = ctx.shown();
        i18n::citation(
            lang,
            s.own.as_deref(),
            &s.summary,
            s.matching,
            s.total,
            &download::today(),
            &url_sync::shared_link(&ctx),
        )
    };
    let copied = RwSignal::new(false);
    view! {
        <section class="citation">
            <h2>{i18n::text(lang, Msg::Citation)}</h2>
            <p id="citation">{text}</p>
            <button class="action" on:click=move |_| {
                let t = text();
                leptos::task::spawn_local(async move { copied.set(download::copy_text(&t).await) });
            }>{i18n::text(lang, Msg::CopyCitation)}</button>
            <span role="status">{move || copied.get().then(|| "✓")}</span>
        </section>
    }
}
