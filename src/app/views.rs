//! The view pages: timeline, evidence gap map and country comparison. Each is a coordinated view:
//! it reads the same filters as the overview and its clicks change them.

use super::charts::ChartCanvas;
use super::Ctx;
use crate::aggregate::views::{default_comparison, GapColour, GapCount, MapMeasure, Stack};
use crate::aggregate::ChartKind;
use crate::i18n::{self, Msg};
use crate::selection::Facet;
use leptos::prelude::*;

#[component]
pub fn TimelineView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    let stack = move || ctx.link.with(|l| l.stack.key());
    view! {
        <section class="view" id="view-timeline">
            <label class="option">{i18n::text(lang, Msg::StackBy)}" "
                <select id="timeline-stack" prop:value=stack on:change=move |ev| {
                    let v = Stack::from_key(&event_target_value(&ev)).unwrap_or_default();
                    ctx.link.update(|l| l.stack = v);
                }>
                    <option value="focus">{i18n::text(lang, Msg::Focus)}</option>
                    <option value="effect">{i18n::text(lang, Msg::Effect)}</option>
                </select>
            </label>
            <ChartCanvas kind=ChartKind::Timeline interactive=true/>
        </section>
    }
}

#[component]
pub fn EvidenceView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    let colour = move || ctx.link.with(|l| l.colour.key());
    let count = move || ctx.link.with(|l| l.gap_count.key());
    let ev = |m| crate::i18n::evidence::text(lang, m);
    use crate::i18n::evidence::Ev;
    view! {
        <section class="view" id="view-evidence">
            <label class="option">{ev(Ev::GapCount)}" "
                <select id="gap-count" prop:value=count on:change=move |e| {
                    let v = GapCount::from_key(&event_target_value(&e)).unwrap_or_default();
                    ctx.link.update(|l| l.gap_count = v);
                }>
                    <option value="interventions">{ev(Ev::CountInterventions)}</option>
                    <option value="studies">{ev(Ev::CountStudies)}</option>
                </select>
            </label>
            " "
            <label class="option">{i18n::text(lang, Msg::ColourBy)}" "
                <select id="gap-colour" prop:value=colour on:change=move |e| {
                    let v = GapColour::from_key(&event_target_value(&e)).unwrap_or_default();
                    ctx.link.update(|l| l.colour = v);
                }>
                    <option value="evaluation">{i18n::text(lang, Msg::Evaluation)}</option>
                    <option value="effect">{i18n::text(lang, Msg::Effect)}</option>
                    <option value="direction">{ev(Ev::ColourDirection)}</option>
                </select>
            </label>
            <ChartCanvas kind=ChartKind::Gap interactive=true/>
            <ChartCanvas kind=ChartKind::EvaluationGap interactive=true/>
        </section>
    }
}

#[component]
pub fn CompareView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    // The compared countries: the link's, or the three with most matching interventions.
    let chosen = Memo::new(move |_| {
        let list = ctx.link.with(|l| l.compare.clone());
        if list.len() >= 2 {
            return list;
        }
        match (ctx.data.get(), ctx.result.get()) {
            (Some(d), Some(r)) => default_comparison(&d.index, &r),
            _ => Vec::new(),
        }
    });
    let options = move || {
        let Some(d) = ctx.data.get() else {
            return Vec::new();
        };
        let mut v: Vec<(String, String)> = d
            .index
            .facet_keys(Facet::Country)
            .iter()
            .map(|c| (i18n::country_name(lang, c), c.clone()))
            .collect();
        v.sort();
        v
    };
    // Once shown, the comparison keeps its countries: the default (the three with most matches)
    // is written into the link, so a country that later matches nothing stays, at zero, and the
    // link keeps `compare=`.
    Effect::new(move |_| {
        let list = chosen.get();
        if list.len() >= 2 && ctx.link.with_untracked(|l| l.compare.len() < 2) {
            ctx.link.update(|l| l.compare = list);
        }
    });
    let toggle = move |code: String| {
        let mut list = chosen.get_untracked();
        if let Some(i) = list.iter().position(|c| *c == code) {
            if list.len() > 2 {
                list.remove(i);
            }
        } else if list.len() < 4 {
            list.push(code);
        }
        ctx.link.update(|l| l.compare = list);
    };
    // The chart's numbers, shared with the summary table below it.
    let data = super::charts::data_memo(ctx, ChartKind::Compare);
    let summary = move || {
        data.with(|d| match d {
            Some(crate::aggregate::views::ChartData::Compare(s)) => s.countries.clone(),
            _ => Vec::new(),
        })
    };
    let pct = move |a: usize, b: usize| {
        if b == 0 {
            "—".to_owned()
        } else {
            format!("{}%", (a * 100 + b / 2) / b)
        }
    };
    view! {
        <section class="view" id="view-compare">
            <fieldset class="compare-pick">
                <legend>{i18n::text(lang, Msg::CompareCountries)}</legend>
                <div class="pick-list">
                    {move || options().into_iter().map(|(name, code)| {
                        let c = code.clone();
                        let checked = chosen.with(|l| l.contains(&code));
                        view! {
                            <label><input type="checkbox" value=code.clone() prop:checked=checked on:change=move |_| toggle(c.clone())/>" "{name}</label>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
            <ChartCanvas kind=ChartKind::Compare interactive=true data=data/>
            <h2>{i18n::text(lang, Msg::Summary)}</h2>
            <div class="table-scroll" tabindex="0" role="region" aria-label=i18n::text(lang, Msg::Summary)>
                <table id="compare-table">
                    <thead><tr>
                        <th scope="col">{i18n::text(lang, Msg::Country)}</th>
                        <th scope="col">{i18n::text(lang, Msg::Interventions)}</th>
                        <th scope="col">{i18n::text(lang, Msg::SharedEvaluated)}</th>
                        <th scope="col">{i18n::text(lang, Msg::SharedEffective)}</th>
                        <th scope="col">{i18n::text(lang, Msg::KnownBudget)}</th>
                    </tr></thead>
                    <tbody>
                        {move || summary().into_iter().map(|c| view! {
                            <tr data-country=c.code.clone()>
                                <th scope="row">{c.name.clone()}</th>
                                <td>{i18n::format_count(lang, c.count)}</td>
                                <td>{pct(c.evaluated, c.count)}</td>
                                <td>{pct(c.effective_or_promising, c.count)}</td>
                                <td>{if c.budget_known == 0 {
                                    format!("— ({}/{})", c.budget_known, c.count)
                                } else {
                                    format!("{} ({}/{})", i18n::format_usd_short(lang, c.budget_usd), c.budget_known, c.count)
                                }}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <p class="note" id="compare-note">{i18n::compare_budget_note(lang)}</p>
        </section>
    }
}

#[component]
pub fn MapView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    let measure = move || ctx.link.with(|l| l.measure.key());
    let failed = move || {
        ctx.atlas.with(|a| match a {
            Some(Err(e)) => Some(e.clone()),
            _ => None,
        })
    };
    view! {
        <section class="view" id="view-map">
            <label class="option">{i18n::text(lang, Msg::MapMeasure)}" "
                <select id="map-measure" prop:value=measure on:change=move |ev| {
                    let v = MapMeasure::from_key(&event_target_value(&ev)).unwrap_or_default();
                    ctx.link.update(|l| l.measure = v);
                }>
                    <option value="count">{i18n::text(lang, Msg::MeasureCount)}</option>
                    <option value="budget">{i18n::text(lang, Msg::MeasureBudget)}</option>
                    <option value="effective">{i18n::text(lang, Msg::MeasureEffective)}</option>
                </select>
            </label>
            {move || failed().map(|e| view! { <p class="status error" role="alert">{i18n::text(lang, Msg::MapLoadFailed)}": "{e}</p> })}
            <ChartCanvas kind=ChartKind::Map interactive=true/>
        </section>
    }
}
