//! Where each fact comes from: the facts a record states (its non-null, non-empty fields) and
//! which of its sources state each one (`Source::supports`).
//!
//! A fact is named by its field. `budget_amount` stands for the amount with its currency (and
//! `budget_usd`, which only repeats a US-dollar amount). An intervention's `evaluation`,
//! `effect` and `outcomes` are facts of its sources only when it has no studies; with studies
//! they are derived from them (`evidence::derive`) and the studies are their sources.

use crate::evidence::Study;
use crate::model::{Event, Intervention, Source};

/// Every field name an intervention's source may list in `supports`.
pub const INTERVENTION_FIELDS: &[&str] = &[
    "name",
    "description",
    "country",
    "admin_area",
    "city",
    "level",
    "focus",
    "start_year",
    "end_year",
    "implementers",
    "funders",
    "budget_amount",
    "budget_year",
    "evaluation",
    "effect",
    "outcomes",
];

/// Every field name an event's source may list in `supports`.
pub const EVENT_FIELDS: &[&str] = &[
    "name",
    "series",
    "edition",
    "kind",
    "start_date",
    "end_date",
    "city",
    "country",
    "organisers",
    "partners",
    "access",
    "topics",
    "participants",
    "countries_represented",
    "related_interventions",
];

/// Every field name a study's source may list in `supports`.
pub const STUDY_FIELDS: &[&str] = &[
    "title",
    "authors",
    "year",
    "publisher",
    "doi",
    "design",
    "method",
    "interventions",
    "country",
    "period",
    "findings",
    "ratings",
];

/// The facts an intervention states. `derived` is true when its evidence comes from studies.
pub fn intervention_facts(r: &Intervention, derived: bool) -> Vec<&'static str> {
    let mut facts = vec!["name", "country"];
    let mut add = |field: &'static str, present: bool| {
        if present {
            facts.push(field)
        }
    };
    add("description", r.description.is_some());
    add("admin_area", r.admin_area.is_some());
    add("city", r.city.is_some());
    add("level", r.level.is_some());
    add("focus", !r.focus.is_empty());
    add("start_year", r.start_year.is_some());
    add("end_year", r.end_year.is_some());
    add("implementers", !r.implementers.is_empty());
    add("funders", !r.funders.is_empty());
    add(
        "budget_amount",
        r.budget_amount.is_some() || r.budget_usd.is_some(),
    );
    add("budget_year", r.budget_year.is_some());
    if !derived {
        add("evaluation", r.evaluation.is_some());
        add("effect", r.effect.is_some());
        add("outcomes", !r.outcomes.is_empty());
    }
    facts
}

/// The facts an event states.
pub fn event_facts(e: &Event) -> Vec<&'static str> {
    let mut facts = vec!["name"];
    let mut add = |field: &'static str, present: bool| {
        if present {
            facts.push(field)
        }
    };
    add("series", e.series.is_some());
    add("edition", e.edition.is_some());
    add("kind", e.kind.is_some());
    add("start_date", e.start_date.is_some());
    add("end_date", e.end_date.is_some());
    add("city", e.city.is_some());
    add("country", e.country.is_some());
    add("organisers", !e.organisers.is_empty());
    add("partners", !e.partners.is_empty());
    add("access", e.access.is_some());
    add("topics", !e.topics.is_empty());
    add("participants", e.participants.is_some());
    add("countries_represented", e.countries_represented.is_some());
    add("related_interventions", !e.related_interventions.is_empty());
    facts
}

/// The facts a study states (its `url` and `ratings` carry their own addresses, so a source may
/// list `ratings` but need not).
pub fn study_facts(s: &Study) -> Vec<&'static str> {
    let mut facts = vec!["title", "design", "interventions"];
    let mut add = |field: &'static str, present: bool| {
        if present {
            facts.push(field)
        }
    };
    add("authors", !s.authors.is_empty());
    add("year", s.year.is_some());
    add("publisher", s.publisher.is_some());
    add("doi", s.doi.is_some());
    add("method", s.method.is_some());
    add("country", s.country.is_some());
    add("period", s.period.is_some());
    add("findings", !s.findings.is_empty());
    facts
}

/// The 1-based numbers of the sources that state `field`, in list order.
pub fn supporting(sources: &[Source], field: &str) -> Vec<usize> {
    sources
        .iter()
        .enumerate()
        .filter(|(_, s)| s.supports(field))
        .map(|(i, _)| i + 1)
        .collect()
}

/// The facts among `facts` that no source states.
pub fn unsupported(facts: &[&'static str], sources: &[Source]) -> Vec<&'static str> {
    facts
        .iter()
        .copied()
        .filter(|f| !sources.iter().any(|s| s.supports(f)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_and_their_sources() {
        let r: Intervention = serde_json::from_str(
            r#"{"id":"a","name":"A","country":"BRA","start_year":2001,"budget_amount":5,"budget_currency":"USD",
            "evaluation":"process",
            "sources":["https://plain.org",{"url":"https://b.org","supports":["name","country","start_year"]},
                       {"url":"https://c.org","supports":["budget_amount","start_year"]}]}"#,
        )
        .unwrap();
        let facts = intervention_facts(&r, false);
        assert_eq!(
            facts,
            vec![
                "name",
                "country",
                "start_year",
                "budget_amount",
                "evaluation"
            ]
        );
        assert_eq!(supporting(&r.sources, "start_year"), vec![2, 3]);
        assert_eq!(unsupported(&facts, &r.sources), vec!["evaluation"]);
        assert!(!intervention_facts(&r, true).contains(&"evaluation"));
    }
}
