//! The list of events (Citizen Security Weeks, Regional Policy Dialogues, Clinics, ...): date,
//! place, name, organisers, filterable by country; a row opens to show access, topics and sources.

use super::table::source_list;
use super::Ctx;
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
pub fn EventList() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    let country = RwSignal::new(String::new());
    let countries = move || {
        let Some(data) = ctx.data.get() else { return Vec::new() };
        let mut codes: Vec<String> = data.events.iter().filter_map(|e| e.country.clone()).collect();
        codes.sort();
        codes.dedup();
        let mut named: Vec<(String, String)> = codes.into_iter().map(|c| (i18n::country_name(lang, &c), c)).collect();
        named.sort();
        named
    };
    let events = move || {
        let Some(data) = ctx.data.get() else { return Vec::new() };
        let c = country.get();
        let mut list: Vec<Event> =
            data.events.iter().filter(|e| c.is_empty() || e.country.as_deref() == Some(c.as_str())).cloned().collect();
        // Dated events first, in date order; undated ones after, by name.
        list.sort_by(|a, b| match (&a.start_date, &b.start_date) {
            (Some(x), Some(y)) => x.cmp(y).then_with(|| a.name.cmp(&b.name)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.name.cmp(&b.name),
        });
        list
    };
    let t = move |m| i18n::text(lang, m);
    view! {
        <section class="events">
            <h2>{t(Msg::Events)}" "<span class="count" id="events-count">{move || events().len()}</span>" "<super::exports::EventDownloads/></h2>
            <label>{t(Msg::Country)}" "
                <select id="events-country" on:change=move |ev| country.set(event_target_value(&ev))>
                    <option value="">{t(Msg::AllCountries)}</option>
                    {move || countries().into_iter().map(|(name, code)| view! { <option value=code>{name}</option> }).collect_view()}
                </select>
            </label>
            <div class="table-scroll">
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
                            view! {
                                <tr>
                                    <td class="nowrap">{date_range(&e)}</td>
                                    <td>{place}</td>
                                    <td>
                                        <details>
                                            <summary>{e.name.clone()}" "<span class="kind">{kind}</span></summary>
                                            <dl class="event-detail">
                                                <dt>{t(Msg::Access)}</dt><dd>{access}</dd>
                                                <dt>{t(Msg::Partners)}</dt><dd>{partners}</dd>
                                                <dt>{t(Msg::Topics)}</dt><dd>{topics}</dd>
                                                <dt>{t(Msg::Sources)}</dt><dd>{source_list(e.sources.clone())}</dd>
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
