//! Checks on the bundled dataset in `data/`: every record loads (schema, vocabularies, ISO codes,
//! plausible years, valid dates, http(s) sources: see `parse`), and the rules a loader cannot see
//! record by record: unique name + country, at least one source per intervention, budgets in US
//! dollars only where the amount is in dollars, events linked only to interventions that exist.

use mirador::model::{Evaluation, Event, Intervention};
use mirador::parse::{parse_events, parse_interventions};
use mirador::text::fold;
use std::collections::{HashMap, HashSet};

fn interventions() -> Vec<Intervention> {
    let text = std::fs::read_to_string("data/interventions.json").unwrap();
    let report = parse_interventions(&text).unwrap();
    let errors: Vec<String> = report.rejected.iter().map(|r| r.to_string()).collect();
    assert!(
        errors.is_empty(),
        "rejected interventions:\n{}",
        errors.join("\n")
    );
    report.records
}

fn events() -> Vec<Event> {
    let text = std::fs::read_to_string("data/events.json").unwrap();
    let report = parse_events(&text).unwrap();
    let errors: Vec<String> = report.rejected.iter().map(|r| r.to_string()).collect();
    assert!(errors.is_empty(), "rejected events:\n{}", errors.join("\n"));
    report.records
}

#[test]
fn every_record_loads_and_is_sourced() {
    let records = interventions();
    assert!(records.len() >= 200, "only {} interventions", records.len());
    for r in &records {
        assert!(!r.sources.is_empty(), "{}: no source", r.id);
        assert!(
            r.id.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{}: id is not a slug",
            r.id
        );
        assert!(
            r.description.as_deref().is_none_or(|d| d.len() <= 600),
            "{}: description longer than two sentences",
            r.id
        );
    }
}

#[test]
fn no_duplicate_name_in_a_country() {
    let mut seen: HashMap<(String, String), String> = HashMap::new();
    for r in interventions() {
        let key = (fold(r.name.trim()), r.country.clone());
        if let Some(other) = seen.insert(key, r.id.clone()) {
            panic!("{} and {} have the same name in {}", other, r.id, r.country);
        }
    }
}

#[test]
fn budgets_follow_the_rules() {
    for r in interventions() {
        if let Some(usd) = r.budget_usd {
            assert_eq!(
                r.budget_currency.as_deref(),
                Some("USD"),
                "{}: budget_usd without a USD amount",
                r.id
            );
            assert_eq!(
                r.budget_amount,
                Some(usd),
                "{}: budget_usd differs from the USD amount",
                r.id
            );
        }
        assert_eq!(
            r.budget_amount.is_some(),
            r.budget_currency.is_some(),
            "{}: amount and currency go together",
            r.id
        );
    }
}

#[test]
fn effects_rest_on_impact_evaluations() {
    for r in interventions() {
        if let Some(effect) = r.effect {
            assert!(
                matches!(
                    r.evaluation,
                    Some(Evaluation::QuasiExperimental | Evaluation::Experimental)
                ),
                "{}: effect {:?} without an impact evaluation (evaluation {:?})",
                r.id,
                effect,
                r.evaluation
            );
        }
    }
}

#[test]
fn coverage_spans_the_region() {
    let records = interventions();
    let countries: HashSet<&str> = records.iter().map(|r| r.country.as_str()).collect();
    assert!(countries.len() >= 20, "{} countries", countries.len());
    for caribbean in ["JAM", "TTO", "DOM", "BRB"] {
        assert!(countries.contains(caribbean), "no record for {caribbean}");
    }
    for focus in mirador::model::Focus::ALL {
        assert!(
            records.iter().any(|r| r.focus.contains(focus)),
            "no record with focus {focus:?}"
        );
    }
    let years: Vec<i32> = records.iter().filter_map(|r| r.start_year).collect();
    assert!(
        years.iter().any(|y| *y < 2000) && years.iter().any(|y| *y >= 2020),
        "years do not span late 1990s to today"
    );
}

#[test]
fn events_are_valid_and_linked() {
    let ids: HashSet<String> = interventions().into_iter().map(|r| r.id).collect();
    let events = events();
    assert!(events.len() >= 10);
    for e in &events {
        assert!(!e.sources.is_empty(), "{}: no source", e.id);
        for link in &e.related_interventions {
            assert!(
                ids.contains(link),
                "{}: related intervention {link} does not exist",
                e.id
            );
        }
    }
    // The seed documents' events are all there.
    for id in [
        "idb-csw-2015-rpd",
        "idb-csw-2015-clinic",
        "idb-csw-2017-rpd",
        "idb-csw-2017-clinic",
        "infosegura-csw-2024-panama",
        "igarape-csd-2014-rio",
        "igarape-csd-2015-cape-town",
    ] {
        assert!(events.iter().any(|e| e.id == id), "missing event {id}");
    }
}
