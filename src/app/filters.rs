//! The filter panel: search, a checkbox list per facet with live counts, the start-year range
//! and the log-scale budget range, each with its own clear button, and "Clear all".

use super::Ctx;
use crate::i18n::{self, Msg};
use crate::selection::{Bounds, Facet};
use leptos::prelude::*;

/// Budget slider steps per decade (the slider moves in log10 space).
const BUDGET_STEPS_PER_DECADE: f64 = 4.0;

/// How many filters are active (each facet with values, the year and budget ranges, the search).
fn active_count(s: &crate::selection::Selection) -> usize {
    Facet::ALL.iter().filter(|f| s.is_facet_active(**f)).count()
        + usize::from(s.year.is_active())
        + usize::from(s.budget.is_active())
        + usize::from(!s.query.trim().is_empty())
}

/// On a phone the filter panel is behind this button, which says how many filters are active.
#[component]
pub fn FiltersToggle(open: RwSignal<bool>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    let count = move || ctx.state.with(|s| active_count(&s.selection));
    view! {
        <button id="filters-toggle" class="filters-toggle action" aria-controls="filters"
            aria-expanded=move || open.get().to_string()
            on:click=move |_| open.update(|o| *o = !*o)>
            {i18n::text(lang, Msg::Filters)}
            {move || { let n = count(); (n > 0).then(|| format!(" ({n})")) }}
        </button>
    }
}

#[component]
pub fn FilterPanel(open: RwSignal<bool>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    let close_ref: NodeRef<leptos::html::Button> = NodeRef::new();
    // Opened on a phone: focus goes to its close button; Escape closes it.
    Effect::new(move |_| {
        if open.get() {
            if let Some(b) = close_ref.get_untracked() {
                let _ = b.focus();
            }
        }
    });
    // On a phone the panel waits closed behind its button, and its lists are a third of the
    // page's elements: they are built when it first opens or when the browser is next idle
    // after the first charts, whichever comes first, so the charts answer sooner.
    let built = RwSignal::new(!narrow());
    Effect::new(move |_| {
        if open.get() {
            built.set(true);
        }
    });
    Effect::new(move |_| {
        if !built.get_untracked() {
            super::idle::when_idle(move || built.set(true));
        }
    });
    let is_empty = move || ctx.state.with(|s| s.selection.is_empty());
    let clear_all = move |_| {
        ctx.state.update(|s| {
            s.selection.clear_all();
            s.page = 0;
        })
    };
    view! {
        <aside class="filters" id="filters" class:open=move || open.get() aria-label=i18n::text(lang, Msg::Filters)
            on:keydown=move |ev| {
                if ev.key() == "Escape" && open.get_untracked() {
                    open.set(false);
                    if let Some(t) = document().get_element_by_id("filters-toggle") {
                        use wasm_bindgen::JsCast;
                        let _ = t.unchecked_into::<web_sys::HtmlElement>().focus();
                    }
                }
            }>
            <div class="filters-head">
                <h2>{i18n::text(lang, Msg::Filters)}</h2>
                <button id="clear-all" class="clear" on:click=clear_all disabled=is_empty>
                    {i18n::text(lang, Msg::ClearAll)}
                </button>
                <button id="filters-close" class="filters-close action" node_ref=close_ref
                    on:click=move |_| open.set(false)>{i18n::text(lang, Msg::Close)}</button>
            </div>
            <SearchBox/>
            <Show when=move || built.get()>
                {Facet::ALL.into_iter().map(|f| view! { <FacetList facet=f/> }).collect_view()}
                <YearRange/>
                <BudgetRange/>
            </Show>
        </aside>
    }
}

/// Whether the page is as narrow as a phone's, where the panel starts closed (the width at which
/// `style.css` hides it behind the "Filters" button).
fn narrow() -> bool {
    window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w <= 800.0)
}

#[component]
fn SearchBox() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    let value = move || ctx.state.with(|s| s.selection.query.clone());
    view! {
        <div class="filter">
            <label for="search" class="filter-title">{i18n::text(lang, Msg::Search)}</label>
            <input
                id="search"
                type="search"
                autocomplete="off"
                placeholder=i18n::text(lang, Msg::SearchPlaceholder)
                prop:value=value
                on:input=move |ev| {
                    let q = event_target_value(&ev);
                    ctx.state.update(|s| {
                        s.selection.query = q;
                        s.page = 0;
                    });
                }
            />
        </div>
    }
}

#[component]
fn FacetList(facet: Facet) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    let title = i18n::facet_title(lang, facet);
    let active = move || ctx.state.with(|s| s.selection.is_facet_active(facet));
    // The values the facet offers, (key, label), in display order: they change only with the
    // dataset, so their rows stay in place and only counts and ticks update.
    let rows = Memo::new(move |_| {
        let Some(data) = ctx.data.get() else {
            return Vec::new();
        };
        let mut rows: Vec<(String, String)> = data
            .index
            .facet_keys(facet)
            .iter()
            .map(|k| (k.clone(), i18n::value_label(lang, facet, k)))
            .collect();
        if facet == Facet::Country {
            rows.sort_by(|a, b| a.1.cmp(&b.1));
        }
        // Forty outcome × direction pairs: list only those some record has.
        if facet == Facet::Finding {
            let totals = &data.index.columns().totals().facet_counts[facet.index()];
            let keys = data.index.facet_keys(facet);
            rows.retain(|(k, _)| {
                keys.iter()
                    .position(|x| x == k)
                    .is_some_and(|i| totals[i] > 0)
            });
        }
        rows
    });
    let count_of = move |key: &str| {
        let Some(data) = ctx.data.get() else { return 0 };
        ctx.result.with(|r| {
            r.as_ref()
                .map_or(0, |r| data.index.facet_count(r, facet, key))
        })
    };
    let id = format!("facet-{}", facet.key());
    view! {
        <fieldset class="filter facet" id=id.clone()>
            <legend class="filter-title">
                {title}
                <button
                    class="clear small"
                    aria-label=format!("{} {}", i18n::text(lang, Msg::Clear), title)
                    hidden=move || !active()
                    on:click=move |_| ctx.state.update(|s| {
                        s.selection.clear_facet(facet);
                        s.page = 0;
                    })
                >
                    {i18n::text(lang, Msg::Clear)}
                </button>
            </legend>
            <ul class="values" class:scroll=move || facet == Facet::Country>
                <For
                    each=move || rows.get()
                    key=|row| row.0.clone()
                    children=move |(key, label)| {
                        let k = key.clone();
                        let k2 = key.clone();
                        let k3 = key.clone();
                        let count = Memo::new(move |_| count_of(&k2));
                        let checked = move || ctx.state.with(|s| s.selection.is_selected(facet, &k3));
                        view! {
                            <li class:zero=move || count.get() == 0>
                                <label>
                                    <input
                                        type="checkbox"
                                        value=key.clone()
                                        prop:checked=checked
                                        on:change=move |_| ctx.state.update(|s| {
                                            s.selection.toggle(facet, &k);
                                            s.page = 0;
                                        })
                                    />
                                    <span class="label">{label}</span>
                                    <span class="count">{move || count.get()}</span>
                                </label>
                            </li>
                        }
                    }
                />
            </ul>
        </fieldset>
    }
}

fn parse_year(s: &str) -> Option<i32> {
    s.trim()
        .parse::<i32>()
        .ok()
        .filter(|y| crate::parse::PLAUSIBLE_YEARS.contains(y))
}

#[component]
fn YearRange() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    let span = move || {
        ctx.data
            .with(|d| d.as_ref().and_then(|d| d.index.year_span()))
    };
    let active = move || ctx.state.with(|s| s.selection.year.is_active());
    let bound = move |min: bool| {
        move || {
            ctx.state.with(|s| {
                let b = s.selection.year;
                if min { b.min } else { b.max }
                    .map(|y| y.to_string())
                    .unwrap_or_default()
            })
        }
    };
    let set = move |min: bool, text: String| {
        ctx.state.update(|s| {
            let v = parse_year(&text);
            if min {
                s.selection.year.min = v;
            } else {
                s.selection.year.max = v;
            }
            s.page = 0;
        })
    };
    view! {
        <fieldset class="filter" id="filter-year">
            <legend class="filter-title">
                {i18n::text(lang, Msg::StartYear)}
                <button class="clear small" hidden=move || !active()
                    aria-label=format!("{} {}", i18n::text(lang, Msg::Clear), i18n::text(lang, Msg::StartYear))
                    on:click=move |_| ctx.state.update(|s| { s.selection.year = Bounds::none(); s.page = 0; })>
                    {i18n::text(lang, Msg::Clear)}
                </button>
            </legend>
            <div class="range">
                <label>{i18n::text(lang, Msg::From)}" "
                    <input id="year-min" type="number" min="1900" max="2100" inputmode="numeric"
                        placeholder=move || span().map(|s| s.0.to_string()).unwrap_or_default()
                        prop:value=bound(true)
                        on:change=move |ev| set(true, event_target_value(&ev))/>
                </label>
                <label>{i18n::text(lang, Msg::To)}" "
                    <input id="year-max" type="number" min="1900" max="2100" inputmode="numeric"
                        placeholder=move || span().map(|s| s.1.to_string()).unwrap_or_default()
                        prop:value=bound(false)
                        on:change=move |ev| set(false, event_target_value(&ev))/>
                </label>
            </div>
        </fieldset>
    }
}

#[component]
fn BudgetRange() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    // The slider runs over log10(US$) between the histogram's outer edges.
    let extent = move || {
        ctx.data.with(|d| {
            d.as_ref().map_or((5.0, 9.0), |d| {
                let e = &d.index.budget_bins().edges;
                (e[0].log10(), e[e.len() - 1].log10())
            })
        })
    };
    let active = move || ctx.state.with(|s| s.selection.budget.is_active());
    let slider_value = move |min: bool| {
        move || {
            let (lo, hi) = extent();
            ctx.state.with(|s| {
                let b = s.selection.budget;
                let v = if min {
                    b.min.map_or(lo, f64::log10)
                } else {
                    b.max.map_or(hi, f64::log10)
                };
                format!("{:.2}", v.clamp(lo, hi))
            })
        }
    };
    let set = move |min: bool, text: String| {
        let (lo, hi) = extent();
        let Ok(v) = text.parse::<f64>() else { return };
        ctx.state.update(|s| {
            let b = &mut s.selection.budget;
            let amount = 10f64.powf(v);
            if min {
                b.min = (v > lo + 1e-9).then_some(amount.round());
            } else {
                b.max = (v < hi - 1e-9).then_some(amount.round());
            }
            if let (Some(a), Some(z)) = (b.min, b.max) {
                if a > z {
                    if min {
                        b.max = Some(a)
                    } else {
                        b.min = Some(z)
                    }
                }
            }
            s.page = 0;
        })
    };
    let shown = move || {
        ctx.state.with(|s| {
            let b = s.selection.budget;
            let fmt = |v: Option<f64>, dflt: &str| {
                v.map_or(dflt.to_owned(), |v| i18n::format_usd_short(lang, v))
            };
            format!("{} – {}", fmt(b.min, "0"), fmt(b.max, "∞"))
        })
    };
    let step = format!("{}", 1.0 / BUDGET_STEPS_PER_DECADE);
    view! {
        <fieldset class="filter" id="filter-budget">
            <legend class="filter-title">
                {i18n::text(lang, Msg::BudgetUsd)}
                <button class="clear small" hidden=move || !active()
                    aria-label=format!("{} {}", i18n::text(lang, Msg::Clear), i18n::text(lang, Msg::BudgetUsd))
                    on:click=move |_| ctx.state.update(|s| { s.selection.budget = Bounds::none(); s.page = 0; })>
                    {i18n::text(lang, Msg::Clear)}
                </button>
            </legend>
            <p class="range-value" id="budget-value">{shown}</p>
            <label class="slider">{i18n::text(lang, Msg::Minimum)}
                <input id="budget-min" type="range" min=move || extent().0 max=move || extent().1 step=step.clone()
                    prop:value=slider_value(true)
                    on:change=move |ev| set(true, event_target_value(&ev))/>
            </label>
            <label class="slider">{i18n::text(lang, Msg::Maximum)}
                <input id="budget-max" type="range" min=move || extent().0 max=move || extent().1 step=step.clone()
                    prop:value=slider_value(false)
                    on:change=move |ev| set(false, event_target_value(&ev))/>
            </label>
        </fieldset>
    }
}
