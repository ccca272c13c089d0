//! The thin Leptos layer: wires signals to the core and draws the page. No filtering, counting or
//! chart geometry happens here; those live in the core modules, tested on the host.
//!
//! One `RwSignal<DashboardState>` holds what the person chose; one memo evaluates it against the
//! loaded `Index`; every panel reads that memo, so all views agree at once.

mod api;
mod charts;
mod events;
mod filters;
mod table;

use crate::engine::{FilterResult, Index};
use crate::i18n::{self, Lang, Msg};
use crate::model::Event;
use crate::parse::Rejected;
use crate::state::DashboardState;
use leptos::prelude::*;
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
    /// Bumped when the window is resized, so canvases redraw.
    pub resized: RwSignal<u32>,
}

pub fn mount() {
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    let lang = Lang::En;
    let load = RwSignal::new(Load::Loading);
    leptos::task::spawn_local(async move {
        load.set(match api::load_dataset("data/interventions.json", "data/events.json").await {
            Ok(d) => Load::Ready(Shared(Arc::new(d))),
            Err(e) => Load::Failed(e),
        });
    });
    let data = Memo::new(move |_| match load.get() {
        Load::Ready(d) => Some(d),
        _ => None,
    });
    let state = RwSignal::new(DashboardState::default());
    let result = Memo::new(move |_| {
        let d = data.get()?;
        Some(Shared(Arc::new(state.with(|s| d.index.evaluate(&s.selection)))))
    });
    let resized = RwSignal::new(0u32);
    let _resize = window_event_listener(leptos::ev::resize, move |_| resized.update(|n| *n += 1));
    provide_context(Ctx { lang, data, state, result, resized });

    view! {
        <header class="top">
            <h1>{i18n::text(lang, Msg::AppTitle)}</h1>
            <p class="subtitle">{i18n::text(lang, Msg::AppSubtitle)}</p>
        </header>
        {move || match load.get() {
            Load::Loading => view! {
                <p class="status loading" role="status">{i18n::text(lang, Msg::Loading)}</p>
            }.into_any(),
            Load::Failed(e) => view! {
                <p class="status error" role="alert">{i18n::text(lang, Msg::LoadFailed)}": "{e}</p>
            }.into_any(),
            Load::Ready(_) => view! { <Dashboard/> }.into_any(),
        }}
        <footer class="credit">{i18n::text(lang, Msg::DataCredit)}</footer>
    }
}

#[component]
fn Dashboard() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    let total_line = move || {
        let total = ctx.data.with(|d| d.as_ref().map_or(0, |d| d.index.len()));
        let matching = ctx.result.with(|r| r.as_ref().map_or(0, |r| r.matching_count()));
        i18n::matching_line(lang, matching, total)
    };
    let rejected = move || ctx.data.with(|d| d.as_ref().map(|d| d.rejected.clone()).unwrap_or_default());
    view! {
        <div class="layout">
            <filters::FilterPanel/>
            <main class="content">
                <p class="total" id="total" aria-live="polite">{total_line}</p>
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
                <charts::ChartGrid/>
                <table::InterventionTable/>
                <events::EventList/>
            </main>
        </div>
        <table::DetailPanel/>
    }
}
