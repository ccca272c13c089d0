//! The thin Leptos layer: wires signals to the core and draws the page. No filtering, counting or
//! chart geometry happens here; those live in the core modules, tested on the host.
//!
//! One `RwSignal<DashboardState>` holds what the person chose; one memo evaluates it against the
//! loaded `Index`; every panel reads that memo, so all views agree at once.

mod api;
mod charts;
mod dashboard;
mod dialog;
mod download;
mod embed;
mod events;
mod evidence;
mod exports;
mod filters;
mod header;
mod idle;
mod import;
mod loading;
mod studies;
mod table;
pub mod timing;
mod url_sync;
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
        let (matching, total) = self.counts();
        Shown {
            summary: self
                .state
                .with(|s| crate::url_state::filter_summary(s, lang)),
            matching,
            total,
            own,
        }
    }

    /// How many records match the filters, and how many the dataset holds (0 before it loads).
    pub fn counts(&self) -> (usize, usize) {
        (
            self.result
                .with(|r| r.as_ref().map_or(0, |r| r.matching_count())),
            self.data.with(|d| d.as_ref().map_or(0, |d| d.index.len())),
        )
    }

    /// "53 of 1,465 interventions", in the page language.
    pub fn matching_line(&self) -> String {
        let (matching, total) = self.counts();
        i18n::matching_line(self.lang, matching, total)
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
        self.link.set(link_settings(s));
    }
}

/// What `Ctx::link` keeps of a state read from an address: its settings, without the filters (in
/// `Ctx::state`) or the version a shared link was made with (it describes the link, not the view).
fn link_settings(s: UrlState) -> UrlState {
    UrlState {
        dashboard: DashboardState::default(),
        version: None,
        ..s
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
    // A shared link made with another release of the bundled data: said above the dashboard. The
    // version is not kept in the address (it describes the link, not the view).
    let made_with = initial
        .version
        .clone()
        .filter(|v| v != crate::model::DATASET_VERSION && link_data.is_none() && demo.is_none());
    loading::fetch_dataset(load, demo);
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
        link: RwSignal::new(link_settings(initial)),
        notices: RwSignal::new(notices),
        atlas: RwSignal::new(None),
        load,
        studies: RwSignal::new(None),
        sources: RwSignal::new(None),
        descriptions,
    };
    provide_context(ctx);
    url_sync::install(ctx);
    loading::fetch_when_needed(ctx, embedded);
    loading::leave_preview(load);
    // The page title follows the view and the language.
    Effect::new(move |_| {
        let title = i18n::page_title(lang, dashboard::view_label(lang, ctx.view.get()));
        document().set_title(&title);
    });
    loading::follow_link(ctx, link_data, demo.is_none() && embedded.is_none());
    timing::watch_memory(data);

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
                <header::LanguagePicker/>
                <import::ImportPanel/>
                <header::CopyLink/>
            </div>
        </header>
        <header::SourceBanner/>
        <header::VersionNotice made_with=made_with/>
        <header::Notices/>
        {move || match load.get() {
            Load::Loading => view! {
                <p class="status loading" role="status">{i18n::text(lang, Msg::Loading)}</p>
            }.into_any(),
            Load::Failed(e) => view! {
                <p class="status error" role="alert">{i18n::text(lang, Msg::LoadFailed)}": "{e}</p>
            }.into_any(),
            Load::Ready(_) => view! { <dashboard::Dashboard/> }.into_any(),
        }}
        <footer class="credit">{i18n::data_credit(lang)}</footer>
    }
    .into_any()
}
