//! The table of matching interventions (sortable columns, pages of 25) and the detail panel that
//! shows every field of one record with its sources. Dataset text is rendered as text nodes only;
//! a source becomes a link only when it is an http(s) URL.

use super::Ctx;
use crate::i18n::{self, Msg};
use crate::model::{Actor, Intervention};
use crate::state::{page_count, ColumnOrder, NameOrder, SortKey};
use leptos::prelude::*;

fn column_title(lang: i18n::Lang, key: SortKey) -> &'static str {
    i18n::text(
        lang,
        match key {
            SortKey::Name => Msg::Name,
            SortKey::Country => Msg::Country,
            SortKey::Level => Msg::Level,
            SortKey::Start => Msg::Start,
            SortKey::Budget => Msg::BudgetUsd,
            SortKey::Evaluation => Msg::Evaluation,
            SortKey::Effect => Msg::Effect,
        },
    )
}

fn dash() -> String {
    "—".to_owned()
}

/// The budget in US dollars for the record panel: as stated, or converted and saying how.
fn usd_budget(lang: i18n::Lang, r: &Intervention) -> String {
    match (
        r.budget_usd,
        r.usd_conversion(),
        r.budget_currency.as_deref(),
    ) {
        (Some(b), _, _) => i18n::format_amount(lang, b, "USD"),
        (None, Some(c), Some(currency)) => {
            i18n::converted_usd(lang, c.usd, currency, c.year, crate::rates::SOURCE)
        }
        _ => dash(),
    }
}

fn cell(lang: i18n::Lang, r: &Intervention, key: SortKey) -> String {
    match key {
        SortKey::Name => r.name.clone(),
        SortKey::Country => i18n::country_name(lang, &r.country),
        SortKey::Level => r
            .level
            .map_or_else(dash, |v| i18n::level_label(lang, v).to_owned()),
        SortKey::Start => r.start_year.map_or_else(dash, |y| y.to_string()),
        SortKey::Budget => match (r.budget_usd, r.usd_conversion()) {
            (Some(b), _) => i18n::format_usd_short(lang, b),
            (None, Some(c)) => i18n::converted_usd_short(lang, c.usd),
            (None, None) => dash(),
        },
        SortKey::Evaluation => r
            .evaluation
            .map_or_else(dash, |v| i18n::evaluation_label(lang, v).to_owned()),
        SortKey::Effect => r
            .effect
            .map_or_else(dash, |v| i18n::effect_label(lang, v).to_owned()),
    }
}

#[component]
pub fn InterventionTable() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    // Names ranked once per dataset, and the dataset in the sorted column's order once per
    // column: a page is then read off that order, however many rows match.
    let names = Memo::new(move |_| {
        ctx.data
            .get()
            .map(|d| super::Shared(std::sync::Arc::new(NameOrder::new(&d.index))))
    });
    let sort_key = Memo::new(move |_| ctx.state.with(|s| s.sort.key));
    let order = Memo::new(move |_| {
        let (d, names) = (ctx.data.get()?, names.get()?);
        Some(super::Shared(std::sync::Arc::new(ColumnOrder::new(
            &d.index,
            &names,
            sort_key.get(),
        ))))
    });
    let page_total = Memo::new(move |_| {
        ctx.result
            .with(|r| page_count(r.as_ref().map_or(0, |r| r.matching_count())))
    });
    let pages = move || page_total.get();
    let page = move || ctx.state.with(|s| s.page).min(pages() - 1);
    let at_first = Memo::new(move |_| page() == 0);
    let at_last = Memo::new(move |_| page() + 1 >= pages());
    let visible = move || {
        let (Some(data), Some(result), Some(order)) =
            (ctx.data.get(), ctx.result.get(), order.get())
        else {
            return Vec::new();
        };
        let descending = ctx.state.with(|s| s.sort.descending);
        order
            .page(&result.matching, descending, page())
            .into_iter()
            .map(|i| data.index.record(i).into_owned())
            .collect::<Vec<_>>()
    };
    let header = move |key: SortKey| {
        let aria_sort = move || {
            ctx.state
                .with(|s| match (s.sort.key == key, s.sort.descending) {
                    (false, _) => "none",
                    (true, false) => "ascending",
                    (true, true) => "descending",
                })
        };
        let arrow = move || {
            ctx.state
                .with(|s| match (s.sort.key == key, s.sort.descending) {
                    (false, _) => "",
                    (true, false) => " ▲",
                    (true, true) => " ▼",
                })
        };
        view! {
            <th scope="col" aria-sort=aria_sort>
                <button class="sort" data-sort=key.key()
                    on:click=move |_| ctx.state.update(|s| { s.sort = s.sort.clicked(key); s.page = 0; })>
                    {column_title(lang, key)}{arrow}
                </button>
            </th>
        }
    };
    view! {
        <section class="table-section">
            <h2>{i18n::text(lang, Msg::Interventions)}" "<super::exports::InterventionDownloads/></h2>
            <div class="table-scroll" tabindex="0" role="region" aria-label=i18n::text(lang, Msg::Interventions)>
                <table id="interventions">
                    <thead><tr>{SortKey::ALL.into_iter().map(header).collect_view()}</tr></thead>
                    <tbody>
                        {move || {
                            let v = visible();
                            if v.is_empty() {
                                return view! { <tr><td colspan="7" class="empty">{i18n::text(lang, Msg::NoMatches)}</td></tr> }.into_any();
                            }
                            // Each name is a real link to the record's view, so it opens in a new
                            // tab too; a plain click opens the panel in place.
                            let here = ctx.link.with_untracked(|l| {
                                let mut s = l.clone();
                                s.dashboard = ctx.state.get_untracked();
                                s.view = ctx.view.get_untracked();
                                s
                            });
                            v.into_iter().map(|r| {
                                let id = r.id.clone();
                                let href = {
                                    let mut s = here.clone();
                                    s.dashboard.record = Some(r.id.clone());
                                    super::url_sync::link_to(&s)
                                };
                                let cells = SortKey::ALL[1..].iter().map(|k| view! { <td>{cell(lang, &r, *k)}</td> }).collect_view();
                                view! {
                                    <tr>
                                        <td class="name">
                                            <a class="record-link" href=href data-record=r.id.clone() on:click=move |ev: web_sys::MouseEvent| {
                                                if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() || ev.button() != 0 {
                                                    return;
                                                }
                                                ev.prevent_default();
                                                ctx.state.update(|s| s.record = Some(id.clone()));
                                            }>
                                                {r.name.clone()}
                                            </a>
                                        </td>
                                        {cells}
                                    </tr>
                                }
                            }).collect_view().into_any()
                        }}
                    </tbody>
                </table>
            </div>
            <nav class="pager" aria-label="pages">
                <button id="page-prev" disabled=at_first
                    on:click=move |_| ctx.state.update(|s| s.page = s.page.saturating_sub(1))>
                    {i18n::text(lang, Msg::Previous)}
                </button>
                <span id="page-line">{move || i18n::page_line(lang, page() + 1, pages())}</span>
                <button id="page-next" disabled=at_last
                    on:click=move |_| {
                        let last = pages() - 1;
                        ctx.state.update(|s| s.page = (s.page + 1).min(last));
                    }>
                    {i18n::text(lang, Msg::Next)}
                </button>
            </nav>
        </section>
    }
}

fn actors(list: &[Actor], lang: i18n::Lang) -> String {
    if list.is_empty() {
        return dash();
    }
    list.iter()
        .map(|a| match a.kind {
            Some(k) => format!("{} ({})", a.name, i18n::actor_type_label(lang, k)),
            None => a.name.clone(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[component]
pub fn DetailPanel() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    let record = move || {
        let id = ctx.state.with(|s| s.record.clone())?;
        let data = ctx.data.get()?;
        let i = data.index.position(&id)?;
        let mut r = data.index.record(i).into_owned();
        // The bundled records come without their sources; they are filled in once loaded.
        if r.sources.is_empty() && data.source.is_none() {
            if let Some(s) = ctx
                .sources
                .with(|m| m.as_ref().and_then(|m| m.get(&r.id).cloned()))
            {
                r.sources = s;
            }
        }
        Some((i, r))
    };
    // Focus moves into the panel when it opens and back to what opened it when it closes.
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    let panel: NodeRef<leptos::html::Div> = NodeRef::new();
    let close_panel = move || {
        ctx.state.update(|s| s.record = None);
        if let Some(e) = opener.try_update_value(Option::take).flatten() {
            let _ = e.focus();
        }
    };
    let close = move |_| close_panel();
    Effect::new(move |prev: Option<Option<String>>| {
        let now = ctx.state.with(|s| s.record.clone());
        if now.is_some() && prev.as_ref().is_none_or(|p| p.is_none()) {
            opener.set_value(super::dialog::active_element());
        }
        now
    });
    Effect::new(move |_| {
        if let Some(el) = panel.get() {
            super::dialog::focus_first(&el);
        }
    });
    move || {
        record().map(|(position, r)| {
            let t = |m| i18n::text(lang, m);
            let years = match (r.start_year, r.end_year) {
                (None, None) => dash(),
                (s, e) => format!("{}–{}", s.map_or_else(|| "?".into(), |y| y.to_string()), e.map_or_else(String::new, |y| y.to_string())),
            };
            let budget = match (r.budget_amount, &r.budget_currency) {
                (Some(a), Some(c)) => {
                    let mut s = i18n::format_amount(lang, a, c);
                    // The year and what the figure is: "US$ 45,000,000 (2012, loan)".
                    let note: Vec<String> = r.budget_year.map(|y| y.to_string()).into_iter()
                        .chain(r.budget_kind.map(|k| i18n::budget_kind_label(lang, k).to_owned()))
                        .collect();
                    if !note.is_empty() {
                        s.push_str(&format!(" ({})", note.join(", ")));
                    }
                    s
                }
                _ => dash(),
            };
            let join = |v: Vec<String>| if v.is_empty() { dash() } else { v.join("; ") };
            // The bundled descriptions may come after the panel opens: only this text then changes.
            let description = {
                let (id, own) = (r.id.clone(), r.description.clone());
                move || {
                    own.clone()
                        .or_else(|| ctx.descriptions.with(|m| m.as_ref()?.get(&id).cloned()))
                        .unwrap_or_else(dash)
                }
            };
            // Each row names the fields whose sources it marks.
            let rows: Vec<(&str, String, &[&str])> = vec![
                (t(Msg::Country), i18n::country_name(lang, &r.country), &["country"]),
                (t(Msg::AdminArea), r.admin_area.clone().unwrap_or_else(dash), &["admin_area"]),
                (t(Msg::City), r.city.clone().unwrap_or_else(dash), &["city"]),
                (t(Msg::Level), r.level.map_or_else(dash, |v| i18n::level_label(lang, v).to_owned()), &["level"]),
                (t(Msg::Focus), join(r.focus.iter().map(|f| i18n::focus_label(lang, *f).to_owned()).collect()), &["focus"]),
                (t(Msg::Years), years, &["start_year", "end_year"]),
                (t(Msg::Implementers), actors(&r.implementers, lang), &["implementers"]),
                (t(Msg::Funders), actors(&r.funders, lang), &["funders"]),
                (t(Msg::Budget), budget, &["budget_amount", "budget_year"]),
                (t(Msg::BudgetUsd), usd_budget(lang, &r), &["budget_amount"]),
                (t(Msg::Evaluation), r.evaluation.map_or_else(dash, |v| i18n::evaluation_label(lang, v).to_owned()), &["evaluation"]),
                (t(Msg::Effect), r.effect.map_or_else(dash, |v| i18n::effect_label(lang, v).to_owned()), &["effect"]),
                (t(Msg::Outcomes), join(r.outcomes.iter().map(|o| i18n::outcome_label(lang, *o).to_owned()).collect()), &["outcomes"]),
            ];
            let marks = |fields: &[&str]| {
                let mut n: Vec<usize> = fields.iter().flat_map(|f| crate::provenance::supporting(&r.sources, f)).collect();
                n.sort_unstable();
                n.dedup();
                super::evidence::fact_marks(n, lang)
            };
            let name_marks = marks(&["name"]);
            let description_marks = marks(&["description"]);
            let rows: Vec<_> = rows.into_iter().map(|(k, v, fields)| (k, v, marks(fields))).collect();
            view! {
                <div class="backdrop" on:click=close></div>
                <div class="detail" id="detail" role="dialog" aria-modal="true" aria-labelledby="detail-title" node_ref=panel
                    on:keydown=move |ev| {
                        if let Some(el) = panel.get_untracked() {
                            super::dialog::on_keydown(&ev, &el, close_panel);
                        }
                    }>
                    <button class="close" id="detail-close" on:click=close aria-label=t(Msg::Close)>"×"</button>
                    <div class="detail-head"><h2 id="detail-title">{r.name.clone()}</h2>{name_marks}</div>
                    <dl>
                        <dt>{t(Msg::Description)}</dt><dd>{description}{description_marks}</dd>
                        {rows.into_iter().map(|(k, v, m)| view! { <dt>{k}</dt><dd>{v}{m}</dd> }).collect_view()}
                    </dl>
                    <super::evidence::EvidenceSection position=position/>
                    <h3>{t(Msg::Sources)}</h3>
                    {super::evidence::source_list(&r.sources, lang)}
                </div>
            }
        })
    }
}
