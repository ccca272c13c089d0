//! The dashboard under the header: the filter panel, the tabs, the total, the view shown, the
//! table and the record panel; and, when nothing matches, what removing each filter would give.

use super::{charts, events, exports, filters, idle::when_idle, studies, table, views, Ctx};
use crate::i18n::{self, Lang, Msg};
use crate::url_state::View;
use leptos::prelude::*;

/// A view's name as its tab shows it.
pub fn view_label(lang: Lang, view: View) -> &'static str {
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

#[component]
pub fn Dashboard() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    let total_line = move || ctx.matching_line();
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
