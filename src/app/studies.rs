//! The Studies view (`view=studies`): the evaluations behind the current filters (a study
//! matches when an intervention it evaluates matches), sortable by year, title, design and
//! country, with downloads as CSV, JSON, RIS and BibTeX for reference managers.

use super::{download, Ctx};
use crate::aggregate::studies::StudySort;
use crate::evidence::{cite, Study};
use crate::export::{self, Origin};
use crate::i18n::evidence::{self as ev, Ev};
use crate::i18n::{self};
use crate::model::is_web_link;
use leptos::prelude::*;

#[component]
pub fn StudiesView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    let t = move |m| ev::text(lang, m);
    // The matching studies, in the chosen order.
    let rows = Memo::new(move |_| {
        let set = ctx.studies()?;
        let result = ctx.result.get()?;
        let mut rows = set.0.matching(&result);
        let (key, desc) = ctx
            .link
            .with(|l| l.study_sort)
            .unwrap_or((StudySort::Year, true));
        set.0.sort(&mut rows, key, desc);
        Some((set, rows))
    });
    let line = move || {
        let (set, rows) = rows.get()?;
        let result = ctx.result.get()?;
        let evaluated = result
            .matching
            .iter()
            .filter(|i| !set.0.of_record(*i).is_empty())
            .count();
        Some(ev::studies_line(
            lang,
            rows.len(),
            evaluated,
            result.matching_count(),
        ))
    };
    let save = move |format: &'static str| {
        let Some((set, rows)) = rows.get_untracked() else {
            return;
        };
        let list: Vec<&Study> = rows.iter().map(|s| &set.0.studies[*s]).collect();
        let date = download::today();
        let own = ctx.shown().own;
        let origin = own.as_deref().map_or(Origin::Bundled, Origin::File);
        let (text, mime) = match format {
            "csv" => (
                export::studies_csv(list.iter().copied(), origin),
                "text/csv;charset=utf-8",
            ),
            "json" => (
                export::to_json("studies", &list, origin),
                "application/json",
            ),
            "ris" => (cite::ris(&list), "application/x-research-info-systems"),
            _ => (cite::bibtex(&list), "application/x-bibtex"),
        };
        let ext = if format == "bibtex" { "bib" } else { format };
        download::save_text(&format!("mirador-studies-{date}.{ext}"), mime, &text);
    };
    let header = move |key: StudySort, label: Ev| {
        let sorted = move || {
            ctx.link
                .with(|l| l.study_sort)
                .unwrap_or((StudySort::Year, true))
        };
        let aria = move || match sorted() {
            (k, true) if k == key => "descending",
            (k, false) if k == key => "ascending",
            _ => "none",
        };
        view! {
            <th scope="col" aria-sort=aria>
                <button class="sort" id=format!("ssort-{}", key.key()) on:click=move |_| {
                    let (k, desc) = sorted();
                    let next = if k == key { (key, !desc) } else { (key, key == StudySort::Year) };
                    ctx.link.update(|l| l.study_sort = Some(next));
                }>{t(label)}</button>
            </th>
        }
    };
    let open = move |id: String| ctx.state.update(|s| s.record = Some(id));
    view! {
        <section class="view" id="view-studies">
            <p class="studies-line" id="studies-line">{line}</p>
            <span class="downloads">
                <button id="download-studies-csv" class="action" on:click=move |_| save("csv")>{t(Ev::DownloadCsv)}</button>
                <button id="download-studies-json" class="action" on:click=move |_| save("json")>{t(Ev::DownloadJson)}</button>
                <button id="download-studies-ris" class="action" on:click=move |_| save("ris")>{t(Ev::DownloadRis)}</button>
                <button id="download-studies-bibtex" class="action" on:click=move |_| save("bibtex")>{t(Ev::DownloadBibtex)}</button>
            </span>
            {move || {
                let Some((set, rows)) = rows.get() else {
                    return view! { <p class="status loading" role="status">{i18n::text(lang, i18n::Msg::Loading)}</p> }.into_any();
                };
                if rows.is_empty() {
                    return view! { <p class="empty" id="studies-empty">{t(Ev::NoStudiesMatch)}</p> }.into_any();
                }
                let data = ctx.data.get_untracked();
                view! {
                    <div class="table-scroll" tabindex="0" role="region" aria-label=i18n::evidence::text(lang, Ev::StudiesView)>
                    <table id="studies-table">
                        <thead><tr>
                            {header(StudySort::Year, Ev::Year)}
                            {header(StudySort::Title, Ev::Title)}
                            {header(StudySort::Design, Ev::Design)}
                            {header(StudySort::Country, Ev::Country)}
                            <th scope="col">{t(Ev::Interventions)}</th>
                            <th scope="col">{t(Ev::Findings)}</th>
                        </tr></thead>
                        <tbody>
                            {rows.iter().map(|s| {
                                let study = set.0.studies[*s].clone();
                                let link = study.link().filter(|l| is_web_link(l));
                                let title = study.title.clone();
                                let records: Vec<(String, String)> = set.0.records_of(*s).iter().filter_map(|r| {
                                    let (name, id) = data.as_ref()?.index.name_and_id(*r as usize);
                                    Some((id.into_owned(), name.into_owned()))
                                }).collect();
                                let findings: Vec<String> = study.findings.iter().map(|f| format!(
                                    "{}: {}", i18n::outcome_label(lang, f.outcome), ev::direction_label(lang, f.direction))).collect();
                                view! {
                                    <tr data-study=study.id.clone()>
                                        <td>{study.year.map_or_else(|| "—".to_owned(), |y| y.to_string())}</td>
                                        <td>
                                            <span class="study-who">{study.short_citation()}". "</span>
                                            {match link {
                                                Some(l) => view! { <a href=l target="_blank" rel="noopener noreferrer">{title}</a> }.into_any(),
                                                None => view! { <span>{title}</span> }.into_any(),
                                            }}
                                        </td>
                                        <td>{i18n::evaluation_label(lang, study.design)}{study.method.clone().map(|m| format!(" ({m})"))}</td>
                                        <td>{study.country.as_deref().map_or_else(|| "—".to_owned(), |c| i18n::country_name(lang, c))}</td>
                                        <td>{records.into_iter().map(|(id, name)| {
                                            let i = id.clone();
                                            view! { <button class="link" data-record=id on:click=move |_| open(i.clone())>{name}</button><br/> }
                                        }).collect_view()}</td>
                                        <td>{findings.join("; ")}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}
