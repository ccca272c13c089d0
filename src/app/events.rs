//! The events view: events (Citizen Security Weeks, Regional Policy Dialogues, Clinics, ...) on a
//! timeline and in a list. The dashboard's country filter and year range apply to them; the
//! series and organiser choices narrow further. An event's detail shows its access, partners,
//! topics, sources and the interventions it relates to (which open in the detail panel).

use super::charts::ChartCanvas;
use super::Ctx;
use crate::aggregate::views::filter_events;
use crate::aggregate::ChartKind;
use crate::i18n::{self, Msg};
use crate::model::Event;
use leptos::prelude::*;

fn date_range(e: &Event) -> String {
    match (&e.start_date, &e.end_date) {
        (Some(s), Some(end)) if s != end => format!("{s} – {end}"),
        (Some(s), _) => s.clone(),
        (None, _) => "—".to_owned(),
    }
}

#[component]
pub fn EventList(with_chart: bool) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    let t = move |m| i18n::text(lang, m);
    let events = move || {
        let Some(data) = ctx.data.get() else {
            return Vec::new();
        };
        let options = ctx.link.with(|l| l.view_options());
        let mut list: Vec<Event> = ctx.state.with(|s| {
            filter_events(&data.events, &s.selection, &options)
                .into_iter()
                .cloned()
                .collect()
        });
        // Dated events first, in date order; undated ones after, by name.
        list.sort_by(|a, b| match (&a.start_date, &b.start_date) {
            (Some(x), Some(y)) => x.cmp(y).then_with(|| a.name.cmp(&b.name)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.name.cmp(&b.name),
        });
        list
    };
    let choices = move |organisers: bool| {
        let Some(data) = ctx.data.get() else {
            return Vec::new();
        };
        let mut v: Vec<String> = if organisers {
            data.events
                .iter()
                .flat_map(|e| e.organisers.iter().cloned())
                .collect()
        } else {
            data.events
                .iter()
                .filter_map(|e| e.series.clone())
                .collect()
        };
        v.sort();
        v.dedup();
        v
    };
    // Names of the interventions events relate to, looked up once per dataset.
    let names = Memo::new(move |_| {
        ctx.data.with(|d| {
            let Some(d) = d else {
                return std::collections::HashMap::new();
            };
            d.events
                .iter()
                .flat_map(|e| e.related_interventions.iter())
                .filter_map(|id| {
                    let i = d.index.position(id)?;
                    Some((id.clone(), d.index.name_and_id(i).0.into_owned()))
                })
                .collect::<std::collections::HashMap<String, String>>()
        })
    });
    view! {
        <section class="events" id="events">
            <h2>{t(Msg::Events)}" "<span class="count" id="events-count">{move || events().len()}</span>" "<super::exports::EventDownloads/></h2>
            <div class="event-filters">
                <label>{t(Msg::Series)}" "
                    <select id="events-series" prop:value=move || ctx.link.with(|l| l.series.clone().unwrap_or_default())
                        on:change=move |ev| { let v = event_target_value(&ev); ctx.link.update(|l| l.series = (!v.is_empty()).then_some(v)); }>
                        <option value="">{t(Msg::AllSeries)}</option>
                        {move || choices(false).into_iter().map(|s| { let v = s.clone(); view! { <option value=v>{s}</option> } }).collect_view()}
                    </select>
                </label>
                <label>{t(Msg::Organiser)}" "
                    <select id="events-organiser" prop:value=move || ctx.link.with(|l| l.organiser.clone().unwrap_or_default())
                        on:change=move |ev| { let v = event_target_value(&ev); ctx.link.update(|l| l.organiser = (!v.is_empty()).then_some(v)); }>
                        <option value="">{t(Msg::AllOrganisers)}</option>
                        {move || choices(true).into_iter().map(|s| { let v = s.clone(); view! { <option value=v>{s}</option> } }).collect_view()}
                    </select>
                </label>
                <span class="hint">{t(Msg::EventsFilterHint)}</span>
            </div>
            {with_chart.then(|| view! {
                <div class="event-charts">
                    <ChartCanvas kind=ChartKind::Events interactive=true/>
                    <ChartCanvas kind=ChartKind::EventsMap interactive=true/>
                </div>
            })}
            <div class="table-scroll" tabindex="0" role="region" aria-label=i18n::text(lang, Msg::Events)>
                <table id="events-table">
                    <thead><tr>
                        <th scope="col">{t(Msg::Date)}</th>
                        <th scope="col">{t(Msg::Place)}</th>
                        <th scope="col">{t(Msg::Name)}</th>
                        <th scope="col">{t(Msg::Organisers)}</th>
                    </tr></thead>
                    <tbody>
                        {move || events().into_iter().map(|e| {
                            let place = [e.city.clone(), e.country.as_deref().map(|c| i18n::country_name(lang, c))]
                                .into_iter().flatten().collect::<Vec<_>>().join(", ");
                            let kind = e.kind.map(|k| i18n::event_kind_label(lang, k)).unwrap_or_default();
                            let access = e.access.map(|a| i18n::access_label(lang, a)).unwrap_or("—");
                            let topics = if e.topics.is_empty() { "—".to_owned() } else { e.topics.join("; ") };
                            let partners = if e.partners.is_empty() { "—".to_owned() } else { e.partners.join("; ") };
                            let open = ctx.link.with_untracked(|l| l.event.as_deref() == Some(e.id.as_str()));
                            let id = e.id.clone();
                            let related = e.related_interventions.iter().map(|rid| {
                                let label = names.with(|m| m.get(rid).cloned()).unwrap_or_else(|| rid.clone());
                                let rid = rid.clone();
                                view! { <li><button class="link" on:click=move |_| ctx.state.update(|s| s.record = Some(rid.clone()))>{label}</button></li> }
                            }).collect_view();
                            view! {
                                <tr data-event=e.id.clone()>
                                    <td class="nowrap">{date_range(&e)}</td>
                                    <td>{place}</td>
                                    <td>
                                        <details prop:open=open on:toggle=move |ev| {
                                            use wasm_bindgen::JsCast;
                                            let opened = ev.target().map(|t| t.unchecked_into::<web_sys::HtmlDetailsElement>().open()).unwrap_or(false);
                                            let id = id.clone();
                                            ctx.link.update(|l| if opened { l.event = Some(id) } else if l.event.as_deref() == Some(id.as_str()) { l.event = None });
                                        }>
                                            <summary>{e.name.clone()}" "<span class="kind">{kind}</span></summary>
                                            <dl class="event-detail">
                                                <dt>{t(Msg::Access)}</dt><dd>{access}</dd>
                                                <dt>{t(Msg::Partners)}</dt><dd>{partners}</dd>
                                                <dt>{t(Msg::Topics)}</dt><dd>{topics}</dd>
                                                <dt>{t(Msg::RelatedInterventions)}</dt><dd><ul class="related">{related}</ul></dd>
                                                <dt>{t(Msg::Sources)}</dt><dd>{super::evidence::source_list(&e.sources, lang)}</dd>
                                            </dl>
                                        </details>
                                    </td>
                                    <td>{e.organisers.join("; ")}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
