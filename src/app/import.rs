//! Bringing your own data: a file (picker or drag and drop) or a link (`?data=<url>`), read in
//! chunks with a progress bar so the page never freezes, a mapping step (each column's proposed
//! field, changeable, with a preview of the first rows), then the load and its report.
//!
//! Nothing is lost or half-applied: the report accounts for every row (loaded or rejected with its
//! line, column and reason) and can be downloaded; if nothing can be loaded, the previous dataset
//! stays in place.

use super::{download, Ctx, Dataset, Load, Shared};
use crate::engine::Index;
use crate::i18n::{self, Msg};
use crate::import::{Field, Import, KeptFile, Loaded, Mapping, Reading};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Rows handled between two yields to the browser.
const CHUNK: usize = 16_000;

/// Where the import stands.
#[derive(Clone)]
enum Step {
    Closed,
    Choose,
    Working(String, f64),
    /// The file read, its name, and its bytes (kept in the browser once loaded).
    Mapping(Arc<Import>, String, Arc<Vec<u8>>),
    Failed(String),
    Done(Arc<Loaded>, String),
}

async fn yield_to_browser() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

async fn read_in_chunks(
    bytes: &[u8],
    name: &str,
    step: RwSignal<Step, LocalStorage>,
    lang: i18n::Lang,
) -> Result<Import, String> {
    let mut reading = Reading::start(bytes, name).map_err(|e| e.text(lang))?;
    while !reading.step(CHUNK) {
        step.set(Step::Working(
            i18n::text(lang, Msg::ReadingFile).to_owned(),
            reading.progress(),
        ));
        yield_to_browser().await;
    }
    Ok(reading.finish())
}

async fn apply_in_chunks(
    import: &Import,
    mapping: &Mapping,
    step: RwSignal<Step, LocalStorage>,
    lang: i18n::Lang,
) -> Loaded {
    let mut applying = import.applying(mapping);
    while !applying.step(CHUNK) {
        step.set(Step::Working(
            i18n::text(lang, Msg::LoadingRows).to_owned(),
            applying.progress(),
        ));
        yield_to_browser().await;
    }
    applying.finish()
}

/// Puts loaded records in place of the current dataset, keeping the events; false (and nothing
/// changes) when no record loaded.
fn replace_dataset(ctx: Ctx, loaded: &Loaded, source: String) -> bool {
    if loaded.records.is_empty() {
        return false;
    }
    let events = ctx
        .data
        .get_untracked()
        .map(|d| d.events.clone())
        .unwrap_or_default();
    let dataset = Shared(Arc::new(Dataset {
        index: Index::new(loaded.records.clone()),
        events,
        rejected: Vec::new(),
        source: Some(source),
    }));
    // Studies the file carried follow its records into the evidence views.
    let studies = crate::aggregate::studies::StudySet::new(&dataset.index, loaded.studies.clone());
    ctx.studies.set(Some((
        dataset.clone(),
        crate::aggregate::views::SharedStudies(Arc::new(studies)),
    )));
    ctx.load.set(Load::Ready(dataset));
    ctx.state.update(|s| {
        s.selection.clear_all();
        s.page = 0;
        s.record = None;
    });
    true
}

/// Loads `?data=<url>`: fetched, read with the proposed mapping, and reported.
pub async fn load_from_link(ctx: Ctx, url: String) {
    let lang = ctx.lang;
    let bytes = match super::api::fetch_bytes(&url).await {
        Ok(b) => b,
        Err(e) => {
            ctx.notices.update(|n| n.push(format!("data={url}: {e}")));
            return;
        }
    };
    let step = RwSignal::new_local(Step::Closed);
    let name = url.rsplit('/').next().unwrap_or("data").to_owned();
    match read_in_chunks(&bytes, &name, step, lang).await {
        Ok(import) => {
            let loaded = apply_in_chunks(&import, &import.mapping, step, lang).await;
            let summary = i18n::import_summary(
                lang,
                loaded.report.rows,
                loaded.report.accepted,
                loaded.report.rejected.len(),
                loaded.report.warnings.len(),
            );
            if !replace_dataset(ctx, &loaded, url.clone()) {
                ctx.notices.update(|n| {
                    n.push(format!(
                        "data={url}: {summary} {}",
                        i18n::text(lang, Msg::PreviousKept)
                    ))
                });
            } else if !loaded.report.rejected.is_empty() {
                ctx.notices
                    .update(|n| n.push(format!("data={url}: {summary}")));
            }
        }
        Err(e) => ctx.notices.update(|n| {
            n.push(format!(
                "data={url}: {e} {}",
                i18n::text(lang, Msg::PreviousKept)
            ))
        }),
    }
}

/// Where the loaded file is kept (`KeptFile::to_stored`).
const KEPT: &str = "mirador-kept-file";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Keeps a loaded file in the browser; false when it cannot be kept (too large, or storage off).
fn keep(file: &KeptFile) -> bool {
    storage().is_some_and(|s| s.set_item(KEPT, &file.to_stored()).is_ok())
}

/// Whether a file is kept in this browser.
pub fn has_kept() -> bool {
    storage().is_some_and(|s| s.get_item(KEPT).ok().flatten().is_some())
}

/// Forgets the kept file: the next visit shows the bundled data.
pub fn forget_kept() {
    if let Some(s) = storage() {
        let _ = s.remove_item(KEPT);
    }
}

/// Shows the kept file again, read with the mapping the person confirmed; if it cannot be read
/// any more, it is forgotten and a notice says why (the bundled data stays).
pub async fn restore_kept(ctx: Ctx) {
    let lang = ctx.lang;
    let Some(text) = storage().and_then(|s| s.get_item(KEPT).ok().flatten()) else {
        return;
    };
    let kept = match KeptFile::from_stored(&text) {
        Ok(k) => k,
        Err(e) => {
            forget_kept();
            ctx.notices.update(|n| n.push(e));
            return;
        }
    };
    let step = RwSignal::new_local(Step::Closed);
    match read_in_chunks(&kept.bytes, &kept.name, step, lang).await {
        Ok(import) => {
            let mapping = if kept.mapping.columns.len() == import.mapping.columns.len() {
                kept.mapping.clone()
            } else {
                import.mapping.clone()
            };
            let loaded = apply_in_chunks(&import, &mapping, step, lang).await;
            if !replace_dataset(ctx, &loaded, kept.name.clone()) {
                forget_kept();
            }
        }
        Err(e) => {
            forget_kept();
            ctx.notices
                .update(|n| n.push(format!("{}: {e}", kept.name)));
        }
    }
}

async fn file_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("{e:?}"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

#[component]
pub fn ImportPanel() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    let t = move |m| i18n::text(lang, m);
    let step = RwSignal::new_local(Step::Closed);
    let mapping = RwSignal::new(Mapping::default());

    let start = move |bytes: Vec<u8>, name: String| {
        leptos::task::spawn_local(async move {
            step.set(Step::Working(
                i18n::text(lang, Msg::ReadingFile).to_owned(),
                0.0,
            ));
            match read_in_chunks(&bytes, &name, step, lang).await {
                Ok(import) => {
                    mapping.set(import.mapping.clone());
                    step.set(Step::Mapping(Arc::new(import), name, Arc::new(bytes)));
                }
                Err(e) => step.set(Step::Failed(format!("{name}: {e}"))),
            }
        });
    };
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .map(|t| t.unchecked_into::<web_sys::HtmlInputElement>())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        leptos::task::spawn_local(async move {
            match file_bytes(&file).await {
                Ok(bytes) => start(bytes, file.name()),
                Err(e) => step.set(Step::Failed(format!("{}: {e}", file.name()))),
            }
        });
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        leptos::task::spawn_local(async move {
            match file_bytes(&file).await {
                Ok(bytes) => start(bytes, file.name()),
                Err(e) => step.set(Step::Failed(format!("{}: {e}", file.name()))),
            }
        });
    };
    let load = move |_| {
        let Step::Mapping(import, name, bytes) = step.get_untracked() else {
            return;
        };
        let m = mapping.get_untracked();
        leptos::task::spawn_local(async move {
            let loaded = apply_in_chunks(&import, &m, step, lang).await;
            let replaced = replace_dataset(ctx, &loaded, name.clone());
            // Kept in this browser, so a reload shows it again, until the person goes back to
            // the bundled data.
            if replaced {
                let kept = KeptFile {
                    name: name.clone(),
                    bytes: bytes.to_vec(),
                    mapping: m.clone(),
                };
                if !keep(&kept) {
                    ctx.notices
                        .update(|n| n.push(i18n::not_kept_note(lang, &name)));
                }
            }
            let mut summary = i18n::import_summary(
                lang,
                loaded.report.rows,
                loaded.report.accepted,
                loaded.report.rejected.len(),
                loaded.report.warnings.len(),
            );
            if !replaced {
                summary.push(' ');
                summary.push_str(i18n::text(lang, Msg::PreviousKept));
            }
            step.set(Step::Done(Arc::new(loaded), summary));
        });
    };

    let body = move || {
        match step.get() {
        Step::Closed => None,
        Step::Choose => Some(view! {
            <div class="drop" id="import-drop" on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop>
                <p>{t(Msg::ImportHelp)}</p>
                <input type="file" id="import-file" accept=".csv,.tsv,.txt,.json,text/csv,application/json" on:change=on_file/>
            </div>
        }.into_any()),
        Step::Working(what, p) => Some(view! {
            <p>{what}</p>
            <progress id="import-progress" max="1" value=p></progress>
        }.into_any()),
        Step::Failed(e) => Some(view! {
            <p class="status error" role="alert" id="import-error">{e}" "{t(Msg::PreviousKept)}</p>
            <button class="action" on:click=move |_| step.set(Step::Choose)>{t(Msg::TryAgain)}</button>
        }.into_any()),
        Step::Mapping(import, name, _) => {
            let preview = import.preview(5);
            let headers = import.headers.clone();
            let columns = import.columns.clone();
            let missing = move || mapping.with(|m| m.missing_required());
            Some(view! {
                <p><strong>{name}</strong>" · "{i18n::format_count(lang, import.rows())}" "{t(Msg::Rows)}</p>
                <p class="hint">{t(Msg::MappingHelp)}</p>
                <div class="table-scroll" tabindex="0" role="region" aria-label=t(Msg::MappingHelp)>
                    <table id="import-mapping">
                        <thead>
                            <tr>{headers.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view()}</tr>
                            <tr>{(0..headers.len()).map(|j| {
                                let info = columns.get(j).cloned();
                                view! {
                                    <th>
                                        <select data-column=j on:change=move |ev| {
                                            let v = event_target_value(&ev);
                                            mapping.update(|m| m.set(j, Field::from_key(&v)));
                                        } prop:value=move || mapping.with(|m| m.columns.get(j).copied().flatten().map(|f| f.key().to_owned()).unwrap_or_default())>
                                            <option value="">{t(Msg::IgnoreColumn)}</option>
                                            {Field::ALL.iter().map(|f| view! { <option value=f.key()>{i18n::evidence::import_field_label(lang, f.key())}</option> }).collect_view()}
                                        </select>
                                        <span class="hint">{info.map(|i| i18n::evidence::match_label(lang, i.match_kind.key())).unwrap_or_default()}</span>
                                    </th>
                                }
                            }).collect_view()}</tr>
                        </thead>
                        <tbody>
                            {preview.into_iter().map(|row| view! {
                                <tr>{row.cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                {move || {
                    let m = missing();
                    (!m.is_empty()).then(|| view! {
                        <p class="status error" role="alert">{t(Msg::MissingRequired)}" "{m.iter().map(|f| i18n::evidence::import_field_label(lang, f.key())).collect::<Vec<_>>().join(", ")}</p>
                    })
                }}
                <button class="action" id="import-load" on:click=load>{t(Msg::LoadRows)}</button>
            }.into_any())
        }
        Step::Done(loaded, summary) => {
            let report = loaded.report.clone();
            let text = report.to_text_in(lang);
            let json = report.to_json_pretty();
            let first: Vec<_> = report.rejected.iter().take(50).cloned().collect();
            // Warnings are listed, not only counted: grouped by column and kind, with how many,
            // where, and an example.
            let groups = report.warning_groups();
            let warned = report.warnings.len();
            let line_word = i18n::line_word(lang);
            Some(view! {
                <p id="import-summary" role="status">{summary}</p>
                <ul class="rejected-list">
                    {first.into_iter().map(|r| view! { <li>{format!("{line_word} {}, {}: {}", r.line, if r.column.is_empty() { "—".to_owned() } else { r.column.clone() }, r.reason.text(lang))}</li> }).collect_view()}
                </ul>
                {(warned > 0).then(|| view! {
                    <details id="import-warnings">
                        <summary>{i18n::warnings_heading(lang, warned)}</summary>
                        <ul>
                            {groups.into_iter().map(|g| {
                                let lines = g.lines.iter().map(|l| l.to_string()).collect::<Vec<_>>().join(", ");
                                let column = if g.column.is_empty() { "—".to_owned() } else { g.column.clone() };
                                let what = i18n::evidence::warning_kind_label(lang, g.kind);
                                view! { <li data-kind=g.kind>{format!("{what} — {column} · {}× · {line_word} {lines}{}: {}", g.count, if g.count > g.lines.len() { "…" } else { "" }, g.example.text(lang))}</li> }
                            }).collect_view()}
                        </ul>
                    </details>
                })}
                <button class="action" id="import-report-txt" on:click=move |_| download::save_text("mirador-import-report.txt", "text/plain;charset=utf-8", &text)>{t(Msg::DownloadReport)}</button>
                <button class="action" id="import-report-json" on:click=move |_| download::save_text("mirador-import-report.json", "application/json", &json)>"JSON"</button>
            }.into_any())
        }
    }
    };
    // The dialog takes focus when it opens, keeps it, closes with Escape, and gives it back.
    let dialog: NodeRef<leptos::html::Section> = NodeRef::new();
    let close_dialog = move || {
        step.set(Step::Closed);
        if let Some(b) = document().get_element_by_id("import-open") {
            use wasm_bindgen::JsCast;
            let _ = b.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    };
    Effect::new(move |_| {
        if let Some(el) = dialog.get() {
            super::dialog::focus_first(&el);
        }
    });
    view! {
        <button class="action" id="import-open" on:click=move |_| step.set(Step::Choose)>{t(Msg::LoadYourData)}</button>
        {move || {
            let content = body();
            content.map(|c| view! {
                <div class="backdrop" on:click=move |_| step.set(Step::Closed)></div>
                <section class="import-dialog" role="dialog" aria-modal="true" aria-labelledby="import-title" node_ref=dialog
                    on:keydown=move |ev| {
                        if let Some(el) = dialog.get_untracked() {
                            super::dialog::on_keydown(&ev, &el, close_dialog);
                        }
                    }>
                    <button class="close" on:click=move |_| step.set(Step::Closed) aria-label=t(Msg::Close)>"×"</button>
                    <h2 id="import-title">{t(Msg::LoadYourData)}</h2>
                    {c}
                </section>
            })
        }}
    }
}
