//! The thin Leptos layer: wires signals to the core and draws the page. No filtering, counting or
//! chart geometry happens here; those live in the core modules, tested on the host.
//!
//! One `RwSignal<DashboardState>` holds what the person chose; one memo evaluates it against the
//! loaded `Index`; every panel reads that memo, so all views agree at once.

mod api;
mod charts;
mod dialog;
mod download;
mod embed;
mod events;
mod evidence;
mod exports;
mod filters;
mod import;
mod studies;
mod table;
mod url_sync;

/// How long the last selection change took in the engine and in chart redraws (ms), written on
/// the page (`data-engine-ms`, `data-draw-ms`) for the browser measurements in BENCHMARKS.md.
pub mod timing {
    use std::cell::Cell;

    thread_local! {
        static ENGINE: Cell<f64> = const { Cell::new(0.0) };
        static DRAW: Cell<f64> = const { Cell::new(0.0) };
    }

    pub fn now() -> f64 {
        web_sys::window()
            .and_then(|w| w.performance())
            .map_or(0.0, |p| p.now())
    }

    fn publish() {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("data-engine-ms", &format!("{:.2}", ENGINE.get()));
            let _ = root.set_attribute("data-draw-ms", &format!("{:.2}", DRAW.get()));
        }
    }

    /// A new selection was evaluated in `ms`: chart time starts again from zero.
    pub fn engine(ms: f64) {
        ENGINE.set(ms);
        DRAW.set(0.0);
        publish();
    }

    /// A chart was redrawn in `ms`.
    pub fn draw(ms: f64) {
        DRAW.set(DRAW.get() + ms);
        publish();
    }
}
mod views;

use crate::engine::{FilterResult, Index};
use crate::i18n::{self, Lang, Msg};
use crate::model::Event;
use crate::parse::Rejected;
use crate::state::DashboardState;
use crate::url_state::{Notice, UrlState, View};
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

/// A shared, immutable value whose equality is identity, so memos holding large results compare
/// in constant time.
#[derive(Debug)]
pub struct Shared<T>(pub Arc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// The loaded dataset.
pub struct Dataset {
    pub index: Index,
    pub events: Vec<Event>,
    /// Records of either file that did not load, with why.
    pub rejected: Vec<(String, Rejected)>,
    /// Where the interventions came from when they are not the bundled data (a file name, a link,
    /// or the synthetic generator), shown above the dashboard.
    pub source: Option<String>,
}

/// Where loading stands.
#[derive(Clone)]
pub enum Load {
    Loading,
    Ready(Shared<Dataset>),
    Failed(String),
}

/// Everything the panels need, provided as context.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub lang: Lang,
    pub data: Memo<Option<Shared<Dataset>>>,
    pub state: RwSignal<DashboardState>,
    pub result: Memo<Option<Shared<FilterResult>>>,
    pub view: RwSignal<View>,
    /// What the link carried that the UI does not change (embed, lang, data, compare, chart).
    pub link: RwSignal<UrlState>,
    /// Settings of the link that were ignored, shown until dismissed.
    pub notices: RwSignal<Vec<String>>,
    /// The map's country shapes, or why they could not be loaded.
    pub atlas: RwSignal<Option<Result<crate::aggregate::views::SharedAtlas, String>>>,
    /// The dataset as loaded; replaced by an import.
    pub load: RwSignal<Load>,
    /// The studies of a dataset, loaded after it (the first charts do not wait for them), with
    /// the dataset they belong to.
    pub studies: RwSignal<Option<(Shared<Dataset>, crate::aggregate::views::SharedStudies)>>,
    /// The bundled records' sources by record id: the first view loads the records without them
    /// (`data/interventions.core.json`); they come when a record's panel or an export needs them.
    pub sources: ByRecord<Vec<crate::model::Source>>,
    /// The bundled records' descriptions by record id, fetched once the first charts are drawn
    /// (`data/descriptions.json`): the search takes them in when they come.
    pub descriptions: ByRecord<String>,
}

/// A file of the bundled data keyed by record id, fetched once when first needed.
pub type ByRecord<T> = RwSignal<Option<Arc<HashMap<String, T>>>>;

/// What the view shows, for citations and exports.
pub struct Shown {
    /// The filters as a person reads them ("Country: Brazil").
    pub summary: String,
    pub matching: usize,
    pub total: usize,
    /// A person's own data (a file, a link, synthetic rows), named; `None` for the bundled data.
    pub own: Option<String>,
}

impl Ctx {
    /// The sources of the bundled records, fetched the first time they are needed; `None` for a
    /// person's own data (its records carry their sources) or when they cannot be fetched (a
    /// notice says why).
    pub async fn bundled_sources(self) -> Option<Arc<HashMap<String, Vec<crate::model::Source>>>> {
        self.bundled_by_record(self.sources, "data/sources.json")
            .await
    }

    /// The descriptions of the bundled records, as `bundled_sources`.
    pub async fn bundled_descriptions(self) -> Option<Arc<HashMap<String, String>>> {
        self.bundled_by_record(self.descriptions, "data/descriptions.json")
            .await
    }

    async fn bundled_by_record<T: serde::de::DeserializeOwned + Send + Sync + 'static>(
        self,
        slot: ByRecord<T>,
        url: &str,
    ) -> Option<Arc<HashMap<String, T>>> {
        if self.data.get_untracked()?.source.is_some() {
            return None;
        }
        if let Some(s) = slot.get_untracked() {
            return Some(s);
        }
        match api::load_by_record(url).await {
            Ok(map) => {
                let map = Arc::new(map);
                slot.set(Some(map.clone()));
                Some(map)
            }
            Err(e) => {
                self.notices.update(|n| n.push(e));
                None
            }
        }
    }

    /// The filters, the counts and whose data the view shows now.
    pub fn shown(&self) -> Shown {
        let lang = self.lang;
        let own = self
            .data
            .with(|d| d.as_ref().and_then(|d| d.source.clone()))
            .map(|s| match s.strip_prefix("synthetic:") {
                Some(n) => format!("synthetic data ({n} rows)"),
                None => s,
            });
        Shown {
            summary: self
                .state
                .with(|s| crate::url_state::filter_summary(s, lang)),
            matching: self
                .result
                .with(|r| r.as_ref().map_or(0, |r| r.matching_count())),
            total: self.data.with(|d| d.as_ref().map_or(0, |d| d.index.len())),
            own,
        }
    }

    /// The studies of the dataset shown now, once loaded (none for another dataset's).
    pub fn studies(&self) -> Option<crate::aggregate::views::SharedStudies> {
        let data = self.data.get()?;
        self.studies.with(|s| {
            s.as_ref()
                .filter(|(owner, _)| *owner == data)
                .map(|(_, s)| s.clone())
        })
    }

    /// The whole state as a link carries it.
    pub fn url_state(&self) -> UrlState {
        let mut s = self.link.get();
        s.dashboard = self.state.get();
        s.view = self.view.get();
        s
    }

    /// Restores a state read from a link.
    pub fn apply(&self, s: UrlState) {
        self.state.set(s.dashboard.clone());
        self.view.set(s.view);
        self.link.set(UrlState {
            dashboard: DashboardState::default(),
            ..s
        });
    }
}

pub fn mount() {
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    let (initial, notices) = url_sync::read_location();
    let lang = initial.lang;
    let embedded = initial.embed;
    let load = RwSignal::new(Load::Loading);
    let link_data = initial.data.clone();
    let demo = initial.demo;
    leptos::task::spawn_local(async move {
        let loaded = match demo {
            Some(n) => api::synthetic_dataset(n).await,
            None => api::load_dataset("data/interventions.core.json", "data/events.json").await,
        };
        load.set(match loaded {
            Ok(d) => Load::Ready(Shared(Arc::new(d))),
            Err(e) => Load::Failed(e),
        });
    });
    let data = Memo::new(move |_| match load.get() {
        Load::Ready(d) => Some(d),
        _ => None,
    });
    let state = RwSignal::new(initial.dashboard.clone());
    let descriptions: ByRecord<String> = RwSignal::new(None);
    // One live engine per dataset: a change of selection updates only what it touches (see
    // engine::live), instead of recounting every row. The bundled descriptions join its search
    // when they come (`described`); a search in force then runs again, and nothing else redraws.
    let engine = StoredValue::new_local(None::<(Shared<Dataset>, crate::engine::Engine, bool)>);
    let result = Memo::new(move |_| {
        let d = data.get()?;
        let searching = state.with(|s| !s.selection.query.trim().is_empty());
        let described = if searching {
            descriptions.get()
        } else {
            descriptions.get_untracked()
        };
        let result = state.with(|s| {
            engine.try_update_value(|slot| {
                if slot.as_ref().is_none_or(|(owner, _, _)| *owner != d) {
                    *slot = Some((d.clone(), d.index.engine(), false));
                }
                let (_, live, added) = slot.as_mut().expect("set above");
                if let (false, None, Some(text)) = (*added, &d.source, &described) {
                    live.add_search_text(|i| {
                        text.get(d.index.name_and_id(i).1.as_ref())
                            .map(String::as_str)
                    });
                    *added = true;
                }
                let t0 = timing::now();
                live.update(&s.selection);
                let result = live.result();
                timing::engine(timing::now() - t0);
                result
            })
        })?;
        Some(Shared(Arc::new(result)))
    });
    let notices: Vec<String> = notices.iter().map(Notice::to_string).collect();
    let ctx = Ctx {
        lang,
        data,
        state,
        result,
        view: RwSignal::new(initial.view),
        link: RwSignal::new(UrlState {
            dashboard: DashboardState::default(),
            ..initial
        }),
        notices: RwSignal::new(notices),
        atlas: RwSignal::new(None),
        load,
        studies: RwSignal::new(None),
        sources: RwSignal::new(None),
        descriptions,
    };
    // The descriptions of the bundled records come once the first charts are drawn.
    Effect::new(move |_| {
        if data.with(|d| d.as_ref().is_some_and(|d| d.source.is_none())) {
            leptos::task::spawn_local(async move {
                ctx.bundled_descriptions().await;
            });
        }
    });
    // A record's panel shows where each fact comes from: its sources load when one opens.
    let sources_requested = StoredValue::new(false);
    Effect::new(move |_| {
        if ctx.state.with(|s| s.record.is_some())
            && data.with(Option::is_some)
            && !sources_requested.get_value()
        {
            sources_requested.set_value(true);
            leptos::task::spawn_local(async move {
                ctx.bundled_sources().await;
            });
        }
    });
    // The bundled studies, fetched when something first shows them (the evidence and studies
    // views, a record's panel, an embedded gap map), so they never delay the first charts.
    let studies_requested = StoredValue::new(false);
    Effect::new(move |_| {
        let Some(d) = data.get() else { return };
        let needed = matches!(ctx.view.get(), View::Evidence | View::Studies)
            || ctx.state.with(|s| s.record.is_some())
            || matches!(embedded, Some(crate::aggregate::ChartKind::Gap));
        if !needed || d.source.is_some() || studies_requested.get_value() {
            return;
        }
        studies_requested.set_value(true);
        leptos::task::spawn_local(async move {
            match api::load_studies("data/studies.json", &d).await {
                Ok(set) => ctx.studies.set(Some((
                    d,
                    crate::aggregate::views::SharedStudies(Arc::new(set)),
                ))),
                Err(e) => ctx.notices.update(|n| n.push(e)),
            }
        });
    });
    // The map shapes are fetched once, when a view that draws a map first shows.
    let atlas_requested = StoredValue::new(false);
    Effect::new(move |_| {
        use crate::aggregate::ChartKind;
        let needs_map = matches!(ctx.view.get(), View::Map | View::Events)
            || matches!(embedded, Some(ChartKind::Map | ChartKind::EventsMap));
        if needs_map && !atlas_requested.get_value() {
            atlas_requested.set_value(true);
            leptos::task::spawn_local(async move {
                let loaded = api::load_atlas("data/geo/lac.json")
                    .await
                    .map(|a| crate::aggregate::views::SharedAtlas(Arc::new(a)));
                ctx.atlas.set(Some(loaded));
            });
        }
    });
    provide_context(ctx);
    url_sync::install(ctx);
    // The pre-rendered first view (scripts/prerender.py) leaves once the app has its data (or has
    // failed to get it), after the frame in which the app draws its own charts.
    Effect::new(move |_| {
        if !matches!(load.get(), Load::Loading) {
            request_animation_frame(|| {
                if let Some(p) = document().get_element_by_id("preview") {
                    p.remove();
                }
            });
        }
    });
    // The page title follows the view and the language.
    Effect::new(move |_| {
        let title = i18n::page_title(lang, view_label(lang, ctx.view.get()));
        document().set_title(&title);
    });
    // A dataset named in the link replaces the bundled one once it is read; if it cannot be read,
    // the bundled data stays and a notice says why.
    // A file the person loaded earlier is shown again, unless the link names other data.
    let restore = StoredValue::new(
        link_data.is_none() && demo.is_none() && embedded.is_none() && import::has_kept(),
    );
    Effect::new(move |_| {
        if data.with(Option::is_some) && restore.get_value() {
            restore.set_value(false);
            leptos::task::spawn_local(import::restore_kept(ctx));
        }
    });
    let pending = StoredValue::new(link_data);
    Effect::new(move |_| {
        if data.with(Option::is_some) {
            if let Some(url) = pending.try_update_value(Option::take).flatten() {
                leptos::task::spawn_local(import::load_from_link(ctx, url));
            }
        }
    });
    // The WebAssembly memory in use, on the page for measurements (BENCHMARKS.md).
    Effect::new(move |_| {
        data.track();
        use wasm_bindgen::JsCast;
        if let Ok(memory) = wasm_bindgen::memory().dyn_into::<js_sys::WebAssembly::Memory>() {
            let bytes = memory
                .buffer()
                .unchecked_into::<js_sys::ArrayBuffer>()
                .byte_length();
            let _ = document()
                .document_element()
                .map(|e| e.set_attribute("data-wasm-memory-bytes", &bytes.to_string()));
        }
    });
    // A record named in the link that the data does not hold is reported, not silently dropped.
    Effect::new(move |_| {
        let Some(d) = data.get() else { return };
        let missing = state
            .with_untracked(|s| s.record.clone())
            .filter(|id| d.index.position(id).is_none());
        if let Some(id) = missing {
            state.update(|s| s.record = None);
            ctx.notices
                .update(|n| n.push(format!("record={id}: no intervention has this id")));
        }
    });

    if let Some(kind) = embedded {
        return view! {
            {move || match load.get() {
                Load::Loading => view! { <p class="status loading" role="status">{i18n::text(lang, Msg::Loading)}</p> }.into_any(),
                Load::Failed(e) => view! { <p class="status error" role="alert">{i18n::text(lang, Msg::LoadFailed)}": "{e}</p> }.into_any(),
                Load::Ready(_) => view! { <embed::EmbedView kind=kind/> }.into_any(),
            }}
        }
        .into_any();
    }

    view! {
        <header class="top">
            <div>
                <h1>{i18n::text(lang, Msg::AppTitle)}</h1>
                <p class="subtitle">{i18n::text(lang, Msg::AppSubtitle)}</p>
            </div>
            <div class="share">
                <LanguagePicker/>
                <import::ImportPanel/>
                <CopyLink/>
            </div>
        </header>
        <SourceBanner/>
        <Notices/>
        {move || match load.get() {
            Load::Loading => view! {
                <p class="status loading" role="status">{i18n::text(lang, Msg::Loading)}</p>
            }.into_any(),
            Load::Failed(e) => view! {
                <p class="status error" role="alert">{i18n::text(lang, Msg::LoadFailed)}": "{e}</p>
            }.into_any(),
            Load::Ready(_) => view! { <Dashboard/> }.into_any(),
        }}
        <footer class="credit">{i18n::data_credit(lang)}</footer>
    }
    .into_any()
}

/// "Copy link": the address of exactly this view, to the clipboard; where the browser refuses,
/// the link is shown selected so it can be copied by hand.
#[component]
fn CopyLink() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    let shown = RwSignal::new(None::<String>);
    let copied = RwSignal::new(false);
    let copy = move |_| {
        let link = url_sync::link_to(&ctx.url_state());
        leptos::task::spawn_local(async move {
            if download::copy_text(&link).await {
                copied.set(true);
                shown.set(None);
            } else {
                shown.set(Some(link));
            }
        });
    };
    view! {
        <div class="share">
            <button id="copy-link" class="action" on:click=copy>{i18n::text(lang, Msg::CopyLink)}</button>
            <span class="copied" role="status">{move || copied.get().then(|| i18n::text(lang, Msg::LinkCopied))}</span>
            // A file from this device is not in the link: say so when it is copied.
            {move || {
                let local = ctx.link.with(|l| l.data.is_none())
                    && ctx.data.with(|d| d.as_ref().and_then(|d| d.source.clone()).is_some_and(|s| !s.starts_with("synthetic:")));
                (local && (copied.get() || shown.with(Option::is_some))).then(|| view! {
                    <span class="link-note" id="link-note" role="note">{i18n::local_file_link_note(lang)}</span>
                })
            }}
            {move || shown.get().map(|l| view! {
                <input id="link-text" class="link-text" readonly prop:value=l on:focus=move |ev| {
                    use wasm_bindgen::JsCast;
                    if let Some(t) = ev.target() { t.unchecked_into::<web_sys::HtmlInputElement>().select(); }
                }/>
            })}
        </div>
    }
}

/// English, Español, Português: choosing one reopens the same view in that language.
#[component]
fn LanguagePicker() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang.code());
    }
    let choose = move |ev| {
        let Some(chosen) = Lang::from_code(&event_target_value(&ev)) else {
            return;
        };
        let mut s = ctx.url_state();
        s.lang = chosen;
        let _ = window().location().set_href(&url_sync::link_to(&s));
    };
    view! {
        <select id="language" aria-label="Language / Idioma / Idioma" prop:value=lang.code() on:change=choose>
            {Lang::ALL.into_iter().map(|l| view! { <option value=l.code() lang=l.code()>{l.native_name()}</option> }).collect_view()}
        </select>
    }
}

/// Says which data is shown when it is not the bundled dataset; synthetic data is always labelled.
#[component]
fn SourceBanner() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    move || {
        let d = ctx.data.get()?;
        let source = d.source.clone()?;
        let synthetic = source.starts_with("synthetic:");
        let text = if synthetic {
            i18n::synthetic_banner(lang, d.index.len())
        } else {
            i18n::own_data_banner(lang, &source, d.index.len())
        };
        Some(view! {
            <p class="source-banner" class:synthetic=synthetic id="source-banner" role="status">{text}" "
                {(!synthetic && import::has_kept()).then(|| i18n::kept_note(lang))}" "
                <a href="./" id="back-to-bundled" on:click=move |_| import::forget_kept()>{i18n::text(lang, Msg::BackToBundled)}</a>
            </p>
        })
    }
}

/// Settings in the link that were ignored, and why.
#[component]
fn Notices() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    move || {
        let list = ctx.notices.get();
        (!list.is_empty()).then(|| view! {
            <div class="notice" id="notices" role="status">
                <strong>{i18n::text(lang, Msg::IgnoredSettings)}</strong>
                <ul>{list.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                <button class="clear small" on:click=move |_| ctx.notices.set(Vec::new())>{i18n::text(lang, Msg::Dismiss)}</button>
            </div>
        })
    }
}

/// A view's name as its tab shows it.
fn view_label(lang: Lang, view: View) -> &'static str {
    match view {
        View::Overview => i18n::text(lang, Msg::Overview),
        View::Timeline => i18n::text(lang, Msg::Timeline),
        View::Evidence => i18n::text(lang, Msg::Evidence),
        View::Studies => i18n::evidence::text(lang, i18n::evidence::Ev::StudiesView),
        View::Map => i18n::text(lang, Msg::Map),
        View::Compare => i18n::text(lang, Msg::Comparison),
        View::Table => i18n::text(lang, Msg::Interventions),
        View::Events => i18n::text(lang, Msg::Events),
    }
}

/// The tabs that switch views.
#[component]
fn Tabs() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    let tab = move |v: View, label: Msg| {
        view! {
            <button role="tab" class="tab" id=format!("tab-{}", v.key())
                aria-selected=move || (ctx.view.get() == v).to_string()
                on:click=move |_| ctx.view.set(v)>
                {i18n::text(lang, label)}
            </button>
        }
    };
    view! {
        <nav class="tabs" role="tablist">
            {tab(View::Overview, Msg::Overview)}
            {tab(View::Timeline, Msg::Timeline)}
            {tab(View::Evidence, Msg::Evidence)}
            <button role="tab" class="tab" id="tab-studies"
                aria-selected=move || (ctx.view.get() == View::Studies).to_string()
                on:click=move |_| ctx.view.set(View::Studies)>
                {crate::i18n::evidence::text(lang, crate::i18n::evidence::Ev::StudiesView)}
            </button>
            {tab(View::Map, Msg::Map)}
            {tab(View::Compare, Msg::Comparison)}
            {tab(View::Table, Msg::Interventions)}
            {tab(View::Events, Msg::Events)}
        </nav>
    }
}

/// When nothing matches: each active filter, what removing it would give, and a button to remove
/// it.
#[component]
fn EmptyExplanation() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    let why = Memo::new(move |_| {
        let empty = ctx
            .result
            .with(|r| r.as_ref().is_some_and(|r| r.matching_count() == 0));
        if !empty {
            return Vec::new();
        }
        let Some(d) = ctx.data.get() else {
            return Vec::new();
        };
        ctx.state
            .with(|s| crate::aggregate::empty::explain_empty(&d.index, &s.selection, lang))
    });
    move || {
        let list = why.get();
        (!list.is_empty()).then(|| view! {
            <div class="empty-explain" id="empty-explain" role="status">
                <p>{i18n::empty_heading(lang)}</p>
                <ul>
                    {list.into_iter().map(|w| {
                        let which = w.which;
                        view! {
                            <li>{i18n::without_filter(lang, &w.filter, w.matching)}" "
                                <button class="clear small" on:click=move |_| ctx.state.update(|s| { which.clear(&mut s.selection); s.page = 0; })>
                                    {i18n::remove_filter(lang)}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        })
    }
}

/// Runs `f` when the browser is next idle (at most a second later), or after 300 ms where it
/// cannot say (`requestIdleCallback` is missing in some browsers).
fn when_idle(f: impl Fn() + Copy + 'static) {
    let asked = web_sys::window().and_then(|w| {
        let options = web_sys::IdleRequestOptions::new();
        options.set_timeout(1000);
        let callback = wasm_bindgen::closure::Closure::once_into_js(f);
        w.request_idle_callback_with_options(
            wasm_bindgen::JsCast::unchecked_ref(&callback),
            &options,
        )
        .ok()
    });
    if asked.is_none() {
        set_timeout(f, std::time::Duration::from_millis(300));
    }
}

#[component]
fn Dashboard() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    let total_line = move || {
        let total = ctx.data.with(|d| d.as_ref().map_or(0, |d| d.index.len()));
        let matching = ctx
            .result
            .with(|r| r.as_ref().map_or(0, |r| r.matching_count()));
        i18n::matching_line(lang, matching, total)
    };
    let rejected = move || {
        ctx.data
            .with(|d| d.as_ref().map(|d| d.rejected.clone()).unwrap_or_default())
    };
    let is = move |v: View| move || ctx.view.get() == v;
    // On a phone the filter panel opens from a button over the page.
    let filters_open = RwSignal::new(false);
    let overview_or =
        move |v: View| move || matches!(ctx.view.get(), View::Overview) || ctx.view.get() == v;
    // The overview's events list sits below the charts and the table and holds about half of
    // the page's elements: it is built once the browser is idle after the first charts, so a
    // phone draws them and answers sooner.
    let events_below = RwSignal::new(false);
    Effect::new(move |_| {
        if ctx.data.with(Option::is_some) && !events_below.get_untracked() {
            when_idle(move || events_below.set(true));
        }
    });
    let overview_events = move || is(View::Overview)() && events_below.get();
    view! {
        <div class="layout">
            <filters::FilterPanel open=filters_open/>
            <main class="content">
                <filters::FiltersToggle open=filters_open/>
                <Tabs/>
                <p class="total" id="total" aria-live="polite">{total_line}</p>
                <EmptyExplanation/>
                <p class="print-summary">{move || crate::url_state::filter_summary(&ctx.state.get(), lang)}</p>
                {move || {
                    let rejected = rejected();
                    (!rejected.is_empty()).then(|| view! {
                        <details class="rejected" role="alert">
                            <summary>{rejected.len()}" "{i18n::text(lang, Msg::RecordsRejected)}</summary>
                            <ul>
                                {rejected.into_iter().map(|(file, r)| view! { <li>{file}": "{r.to_string()}</li> }).collect_view()}
                            </ul>
                        </details>
                    })
                }}
                <Show when=is(View::Overview)><charts::ChartGrid/></Show>
                <Show when=is(View::Timeline)><views::TimelineView/></Show>
                <Show when=is(View::Map)><views::MapView/></Show>
                <Show when=is(View::Evidence)><views::EvidenceView/></Show>
                <Show when=is(View::Studies)><studies::StudiesView/></Show>
                <Show when=is(View::Compare)><views::CompareView/></Show>
                <Show when=overview_or(View::Table)><table::InterventionTable/></Show>
                <Show when=overview_events><events::EventList with_chart=false/></Show>
                <Show when=is(View::Events)><events::EventList with_chart=true/></Show>
                <exports::Citation/>
            </main>
        </div>
        <table::DetailPanel/>
    }
}
