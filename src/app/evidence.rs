//! The detail panel's evidence: each study of the record with its citation and link, design and
//! method, data period, findings outcome by outcome, and external ratings shown beside the
//! verdict Mirador derives (with a note where they disagree). Also the numbered source list the
//! panel's facts point to. Dataset text is shown as text; links only for http(s).

use super::Ctx;
use crate::evidence::{derive, Study};
use crate::i18n::evidence::{self as ev, Ev};
use crate::i18n::{self, Lang};
use crate::model::{is_web_link, Effect, Source};
use leptos::prelude::*;

/// A link when the address is http(s), plain text otherwise.
fn link_or_text(url: String, text: String) -> AnyView {
    if is_web_link(&url) {
        view! { <a href=url target="_blank" rel="noopener noreferrer">{text}</a> }.into_any()
    } else {
        view! { <span>{text}</span> }.into_any()
    }
}

/// The numbered sources of a record: title, publisher and date when known, the address, and
/// the fields it states. Item `n` has the id `src-n` that fact markers link to.
pub fn source_list(sources: &[Source], lang: Lang) -> impl IntoView {
    let items: Vec<AnyView> = sources
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let n = i + 1;
            let label = s.title.clone().unwrap_or_else(|| s.url.clone());
            let meta: Vec<String> = [s.publisher.clone(), s.date.clone()]
                .into_iter()
                .flatten()
                .collect();
            let mut labels: Vec<String> = Vec::new();
            for f in &s.supports {
                let l = ev::field_label(lang, f);
                if !labels.contains(&l) {
                    labels.push(l);
                }
            }
            let supports = labels.join(", ");
            view! {
                <li id=format!("src-{n}")>
                    {link_or_text(s.url.clone(), label)}
                    {(!meta.is_empty()).then(|| view! { <span class="source-meta">" · "{meta.join(" · ")}</span> })}
                    {(!supports.is_empty()).then(|| view! { <span class="source-supports">" — "{supports}</span> })}
                </li>
            }
            .into_any()
        })
        .collect();
    view! { <ol class="sources" id="source-list">{items}</ol> }
}

/// The markers after a fact: the numbers of the sources that state it, each linking to the list.
pub fn fact_marks(numbers: Vec<usize>, lang: Lang) -> impl IntoView {
    (!numbers.is_empty()).then(|| {
        let title = ev::text(lang, Ev::FactSources);
        view! {
            <sup class="fact-sources" title=title>
                {numbers.into_iter().map(|n| view! { <a href=format!("#src-{n}") class="fact-mark">{format!("[{n}]")}</a> }).collect_view()}
            </sup>
        }
    })
}

fn finding_line(lang: Lang, f: &crate::evidence::Finding) -> String {
    let mut parts = vec![format!(
        "{}: {}",
        i18n::outcome_label(lang, f.outcome),
        ev::direction_label(lang, f.direction)
    )];
    if let Some(e) = &f.effect {
        parts.push(e.clone());
    }
    parts.push(
        ev::text(
            lang,
            match f.significant {
                Some(true) => Ev::Significant,
                Some(false) => Ev::NotSignificant,
                None => Ev::SignificanceNotStated,
            },
        )
        .to_owned(),
    );
    let mut line = parts.join(" · ");
    if let Some(m) = &f.measure {
        line.push_str(&format!(" ({}: {m})", ev::text(lang, Ev::Measured)));
    }
    line
}

fn study_card(lang: Lang, s: &Study, verdict: Option<Effect>) -> impl IntoView {
    let t = |m| ev::text(lang, m);
    let citation = s.short_citation();
    let link = s.link();
    let mut design = i18n::evaluation_label(lang, s.design).to_owned();
    if let Some(m) = &s.method {
        design.push_str(&format!(" ({m})"));
    }
    let period = s.period.map(|p| {
        format!(
            "{}–{}",
            p.from.map_or_else(|| "?".to_owned(), |y| y.to_string()),
            p.to.map_or_else(|| "?".to_owned(), |y| y.to_string())
        )
    });
    let findings: Vec<String> = s.findings.iter().map(|f| finding_line(lang, f)).collect();
    let ratings: Vec<(String, String, bool)> = s
        .ratings
        .iter()
        .map(|r| {
            let differs = matches!((r.effect(), verdict), (Some(a), Some(b)) if a != b);
            (format!("{}: {}", r.scheme, r.class), r.url.clone(), differs)
        })
        .collect();
    let title = s.title.clone();
    let publisher = s.publisher.clone();
    view! {
        <li class="study" data-study=s.id.clone()>
            <p class="study-cite">
                <strong>{citation}</strong>" "
                {match link { Some(l) => link_or_text(l, title), None => view! { <span>{title}</span> }.into_any() }}
                {publisher.map(|p| view! { <span class="source-meta">" · "{p}</span> })}
            </p>
            <p class="study-design">{t(Ev::Design)}": "{design}
                {period.map(|p| view! { <span>" · "{t(Ev::Period)}": "{p}</span> })}
            </p>
            {(!findings.is_empty()).then(|| view! {
                <ul class="findings" aria-label=t(Ev::Findings)>
                    {findings.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}
                </ul>
            })}
            {(!ratings.is_empty()).then(|| view! {
                <ul class="ratings" aria-label=t(Ev::Ratings)>
                    {ratings.into_iter().map(|(text, url, differs)| view! {
                        <li class:differs=differs>
                            {link_or_text(url, text)}
                            {differs.then(|| view! { <span class="rating-differs">" — "{t(Ev::RatingDiffers)}</span> })}
                        </li>
                    }).collect_view()}
                </ul>
            })}
        </li>
    }
}

/// The Evidence section of the detail panel for record `position`.
#[component]
pub fn EvidenceSection(position: usize) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    move || {
        let set = ctx.studies()?;
        let studies: Vec<&Study> = set
            .0
            .of_record(position)
            .iter()
            .map(|s| &set.0.studies[*s as usize])
            .collect();
        let t = |m| ev::text(lang, m);
        let derived = derive(&studies);
        let summary = derived.as_ref().map(|d| {
            let verdict = d.effect.map_or_else(
                || i18n::text(lang, i18n::Msg::NotStated).to_owned(),
                |e| i18n::effect_label(lang, e).to_owned(),
            );
            let per_outcome: Vec<String> = d
                .verdicts
                .iter()
                .map(|(o, dir)| {
                    format!(
                        "{}: {}",
                        i18n::outcome_label(lang, *o),
                        ev::direction_label(lang, *dir)
                    )
                })
                .collect();
            (
                ev::strength_line(lang, d.studies, d.impact_studies, d.evaluation),
                verdict,
                per_outcome,
            )
        });
        let verdict = derived.as_ref().and_then(|d| d.effect);
        let cards: Vec<AnyView> = studies
            .iter()
            .map(|s| study_card(lang, s, verdict).into_any())
            .collect();
        Some(view! {
            <section class="evidence" id="detail-evidence">
                <h3>{t(Ev::Evidence)}</h3>
                {match summary {
                    None => view! { <p class="muted">{t(Ev::NoStudies)}</p> }.into_any(),
                    Some((strength, verdict, per_outcome)) => view! {
                        <dl class="evidence-summary">
                            <dt>{t(Ev::Strength)}</dt><dd id="evidence-strength">{strength}</dd>
                            <dt>{t(Ev::DerivedVerdict)}</dt><dd id="evidence-verdict">{verdict}
                                {(!per_outcome.is_empty()).then(|| view! { <span>" ("{per_outcome.join("; ")}")"</span> })}
                            </dd>
                        </dl>
                    }.into_any(),
                }}
                <ol class="studies">{cards}</ol>
            </section>
        })
    }
}
