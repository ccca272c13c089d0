//! The embed page (`?embed=<chart>&<state>`): one chart with its title, a one-line summary of the
//! filters, the data credit and a link back to the full view, sized to its frame.

use super::charts::ChartCanvas;
use super::{url_sync, Ctx};
use crate::aggregate::ChartKind;
use crate::i18n::{self, Msg};
use leptos::prelude::*;

#[component]
pub fn EmbedView(kind: ChartKind) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    let summary = move || {
        ctx.state
            .with(|s| crate::url_state::filter_summary(s, lang))
    };
    let total_line = move || ctx.matching_line();
    let full_view = move || {
        let mut s = ctx.url_state();
        s.embed = None;
        url_sync::link_to(&s)
    };
    if let Some(body) = document().body() {
        let _ = body.class_list().add_1("embedded");
    }
    view! {
        <div class="embed" id="embed">
            <p class="embed-summary" id="embed-summary">{summary}" · "{total_line}</p>
            <ChartCanvas kind=kind interactive=false/>
            <p class="embed-credit">
                {i18n::data_credit(lang)}" · "
                <a id="embed-link" href=full_view target="_blank" rel="noopener">{i18n::text(lang, Msg::OpenFullView)}</a>
            </p>
        </div>
    }
}
