//! Getting the data: the bundled dataset first (or the synthetic rows a link asks for), then
//! each other part of the bundled data when something first needs it (descriptions after the
//! first charts; sources, studies and map shapes when a view or a record's panel shows them),
//! and the data a link or an earlier visit names. `api` does the fetching; this module decides
//! when.

use super::{api, import, ByRecord, Ctx, Load, Shared};
use crate::url_state::View;
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

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
}

/// Starts loading the dataset the page opens with: the bundled records, or `demo` synthetic rows.
pub fn fetch_dataset(load: RwSignal<Load>, demo: Option<usize>) {
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
}

/// Fetches the rest of the bundled data when it is first needed. `embedded` is the chart an
/// embed link shows, whose needs count from the start.
pub fn fetch_when_needed(ctx: Ctx, embedded: Option<crate::aggregate::ChartKind>) {
    let data = ctx.data;
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
}

/// The pre-rendered first view (scripts/prerender.py) leaves once the app has its data (or has
/// failed to get it), after the frame in which the app draws its own charts.
pub fn leave_preview(load: RwSignal<Load>) {
    Effect::new(move |_| {
        if !matches!(load.get(), Load::Loading) {
            request_animation_frame(|| {
                if let Some(p) = document().get_element_by_id("preview") {
                    p.remove();
                }
            });
        }
    });
}

/// The data a link names, or a file the person loaded on an earlier visit, replaces the bundled
/// data once that is shown; a record the link names that the data does not hold is reported.
pub fn follow_link(ctx: Ctx, link_data: Option<String>, keep_earlier: bool) {
    let data = ctx.data;
    let state = ctx.state;
    // A file the person loaded earlier is shown again, unless the link names other data.
    let restore = StoredValue::new(link_data.is_none() && keep_earlier && import::has_kept());
    Effect::new(move |_| {
        if data.with(Option::is_some) && restore.get_value() {
            restore.set_value(false);
            leptos::task::spawn_local(import::restore_kept(ctx));
        }
    });
    // A dataset named in the link replaces the bundled one once it is read; if it cannot be read,
    // the bundled data stays and a notice says why.
    let pending = StoredValue::new(link_data);
    Effect::new(move |_| {
        if data.with(Option::is_some) {
            if let Some(url) = pending.try_update_value(Option::take).flatten() {
                leptos::task::spawn_local(import::load_from_link(ctx, url));
            }
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
}
