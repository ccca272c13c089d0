//! Checks on the bundled dataset in `data/`: every record loads (schema, vocabularies, ISO codes,
//! plausible years, valid dates, http(s) sources: see `parse`), and the rules a loader cannot see
//! record by record: unique name + country, at least one source per intervention, budgets in US
//! dollars only where the amount is in dollars, events linked only to interventions that exist;
//! provenance (every non-null fact is in the `supports` of one of its record's sources); the
//! evidence rule (stored evaluation and effect equal what `evidence::derive` gives from the
//! studies); and the share of mirrors among cited addresses.

use mirador::evidence::{self, Study};
use mirador::model::{Evaluation, Event, Intervention, Source};
use mirador::parse::{parse_events, parse_interventions, parse_studies};
use mirador::provenance::{self, EVENT_FIELDS, INTERVENTION_FIELDS, STUDY_FIELDS};
use mirador::text::fold;
use std::collections::{HashMap, HashSet};

fn studies() -> Vec<Study> {
    let records = interventions();
    let ids: HashSet<&str> = records.iter().map(|r| r.id.as_str()).collect();
    let text = std::fs::read_to_string("data/studies.json").unwrap();
    let report = parse_studies(&text, &ids).unwrap();
    let errors: Vec<String> = report.rejected.iter().map(|r| r.to_string()).collect();
    assert!(
        errors.is_empty(),
        "rejected studies:\n{}",
        errors.join("\n")
    );
    report.records
}

/// Hosts that copy documents published elsewhere: weaker than the publisher's page.
const MIRRORS: &[&str] = &[
    "scribd.com",
    "studylib",
    "vdocuments",
    "fdocuments",
    "pdfcoffee",
    "docslib",
    "paperzz",
    "issuu.com",
    "dokumen.pub",
    "yumpu.com",
    "documents.pub",
];

fn is_mirror(url: &str) -> bool {
    let host = url
        .split("://")
        .nth(1)
        .unwrap_or("")
        .split('/')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    MIRRORS.iter().any(|m| host.contains(m))
}

/// Every field a record's sources claim to support exists; every fact is supported.
fn check_provenance(
    kind: &str,
    id: &str,
    facts: &[&'static str],
    sources: &[Source],
    fields: &[&str],
    problems: &mut Vec<String>,
) {
    for s in sources {
        for f in &s.supports {
            if !fields.contains(&f.as_str()) {
                problems.push(format!(
                    "{kind} {id}: source {} supports unknown field `{f}`",
                    s.url
                ));
            }
        }
    }
    for f in provenance::unsupported(facts, sources) {
        problems.push(format!("{kind} {id}: no source supports `{f}`"));
    }
}

#[test]
fn every_fact_names_a_source_that_states_it() {
    let records = interventions();
    let studies = studies();
    let by = evidence::derive::by_intervention(&studies);
    let mut problems = Vec::new();
    for r in &records {
        let derived = by.contains_key(r.id.as_str());
        let facts = provenance::intervention_facts(r, derived);
        check_provenance(
            "intervention",
            &r.id,
            &facts,
            &r.sources,
            INTERVENTION_FIELDS,
            &mut problems,
        );
    }
    for e in events() {
        check_provenance(
            "event",
            &e.id,
            &provenance::event_facts(&e),
            &e.sources,
            EVENT_FIELDS,
            &mut problems,
        );
    }
    for s in &studies {
        check_provenance(
            "study",
            &s.id,
            &provenance::study_facts(s),
            &s.sources,
            STUDY_FIELDS,
            &mut problems,
        );
        assert!(!s.sources.is_empty(), "study {}: no source", s.id);
    }
    assert!(
        problems.is_empty(),
        "{} unsupported facts:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn stored_evidence_is_what_the_rule_derives() {
    let records = interventions();
    let studies = studies();
    let by = evidence::derive::by_intervention(&studies);
    for r in &records {
        match by.get(r.id.as_str()).and_then(|s| evidence::derive(s)) {
            Some(d) => {
                assert_eq!(r.evaluation, Some(d.evaluation), "{}: evaluation", r.id);
                assert_eq!(r.effect, d.effect, "{}: effect", r.id);
                assert_eq!(r.outcomes, d.outcomes, "{}: outcomes", r.id);
                let verdicts: Vec<(mirador::model::Outcome, mirador::model::Direction)> = r
                    .verdicts
                    .iter()
                    .map(|v| (v.outcome, v.direction))
                    .collect();
                assert_eq!(verdicts, d.verdicts, "{}: per-outcome verdicts", r.id);
            }
            None => {
                assert!(
                    matches!(r.evaluation, None | Some(Evaluation::None)),
                    "{}: evaluation {:?} without a study record",
                    r.id,
                    r.evaluation
                );
                assert_eq!(r.effect, None, "{}: effect without a study record", r.id);
                assert!(
                    r.outcomes.is_empty(),
                    "{}: outcomes without a study record",
                    r.id
                );
                assert!(
                    r.verdicts.is_empty(),
                    "{}: verdicts without a study record",
                    r.id
                );
            }
        }
    }
}

/// Interventions with a derived effect in release 2026.12 (74 in 2026.11); a later release may
/// only add to them.
const RATED_FLOOR: usize = 79;

#[test]
fn evidence_targets_hold() {
    let records = interventions();
    let studies = studies();
    assert!(studies.len() >= 150, "only {} studies", studies.len());
    let with_effect = records
        .iter()
        .filter(|r| {
            r.effect
                .is_some_and(|e| e != mirador::model::Effect::Unknown)
        })
        .count();
    // A floor on the count, not a share: the breadth issue added hundreds of programmes that no
    // one has evaluated, which is what the evaluation gap chart is for. No verdict may be lost.
    assert!(
        with_effect >= RATED_FLOOR,
        "{with_effect} of {} interventions have a derived effect (at least {RATED_FLOOR} wanted)",
        records.len()
    );
    let ids: HashSet<&str> = studies.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids.len(), studies.len(), "duplicate study ids");
}

/// Mirrors at most 5% of cited addresses (per mille); they are the only readable copies of a few
/// official documents (see SCHEMA.md).
const MIRROR_CEILING_PER_MILLE: usize = 50;

#[test]
fn mirrors_stay_below_their_ceiling() {
    let mut urls: Vec<String> = Vec::new();
    urls.extend(
        interventions()
            .into_iter()
            .flat_map(|r| r.sources.into_iter().map(|s| s.url)),
    );
    urls.extend(
        events()
            .into_iter()
            .flat_map(|e| e.sources.into_iter().map(|s| s.url)),
    );
    urls.extend(
        studies()
            .into_iter()
            .flat_map(|s| s.sources.into_iter().map(|s| s.url)),
    );
    let mirrors: Vec<&String> = urls.iter().filter(|u| is_mirror(u)).collect();
    assert!(
        mirrors.len() * 1000 <= urls.len() * MIRROR_CEILING_PER_MILLE,
        "{} of {} cited addresses are mirrors: {:?}",
        mirrors.len(),
        urls.len(),
        mirrors
    );
}

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

/// A CSV export joins a record's implementers and funders with "; ", and reading it back splits
/// there (outside parentheses): a name with a ";" of its own would come back as two actors.
#[test]
fn actor_names_survive_a_csv_export() {
    for r in interventions() {
        for a in r.implementers.iter().chain(&r.funders) {
            let mut depth = 0i32;
            for ch in a.name.chars() {
                match ch {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    ';' => assert!(
                        depth > 0,
                        "{}: the actor \"{}\" has a \";\" that a CSV export would split",
                        r.id,
                        a.name
                    ),
                    _ => {}
                }
            }
        }
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

/// The unit of record (SCHEMA.md): a phase, loan or roll-out is not its own record. Names that
/// differ only by a phase mark ("II", "Fase 2", "segunda etapa") or a loan number in one country
/// are the same programme.
#[test]
fn no_programme_is_split_into_phases() {
    fn base(name: &str) -> String {
        let folded = fold(name);
        let words: Vec<&str> = folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .filter(|w| {
                !matches!(
                    *w,
                    "i" | "ii"
                        | "iii"
                        | "iv"
                        | "phase"
                        | "fase"
                        | "etapa"
                        | "stage"
                        | "segunda"
                        | "tercera"
                        | "second"
                        | "third"
                        | "primera"
                        | "first"
                ) && !w.chars().all(|c| c.is_ascii_digit())
            })
            .collect();
        words.join(" ")
    }
    let mut seen: HashMap<(String, String), String> = HashMap::new();
    for r in interventions() {
        let key = (base(&r.name), r.country.clone());
        if key.0.len() < 8 {
            continue;
        }
        if let Some(other) = seen.insert(key, r.id.clone()) {
            panic!(
                "{other} and {} name the same programme in {} apart from a phase or number",
                r.id, r.country
            );
        }
    }
}

/// Event dates are at the precision their sources give: a year, a month or a day, nothing else.
#[test]
fn event_dates_have_a_stated_precision() {
    for e in events() {
        for d in [&e.start_date, &e.end_date].into_iter().flatten() {
            let ok = match d.len() {
                4 => d.chars().all(|c| c.is_ascii_digit()),
                7 => {
                    d.as_bytes()[4] == b'-'
                        && d[..4].parse::<u32>().is_ok()
                        && d[5..].parse::<u32>().is_ok_and(|m| (1..=12).contains(&m))
                }
                10 => {
                    d.as_bytes()[4] == b'-'
                        && d.as_bytes()[7] == b'-'
                        && d[..4].parse::<u32>().is_ok()
                }
                _ => false,
            };
            assert!(
                ok,
                "{}: date {d:?} is not YYYY, YYYY-MM or YYYY-MM-DD",
                e.id
            );
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
        assert!(
            r.budget_kind.is_none() || r.budget_amount.is_some(),
            "{}: a budget kind without an amount",
            r.id
        );
    }
}

#[test]
fn a_study_lists_its_interventions_once_and_its_ratings_name_a_rater() {
    for s in studies() {
        let unique: HashSet<&String> = s.interventions.iter().collect();
        assert_eq!(
            unique.len(),
            s.interventions.len(),
            "{}: an intervention twice",
            s.id
        );
        for r in &s.ratings {
            assert!(
                !r.scheme.trim().is_empty() && !r.class.trim().is_empty(),
                "{}: empty rating",
                s.id
            );
        }
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

/// The coverage section of `data/SCHEMA.md`, written from the data.
/// The releases the app knows (`model::DATASET_VERSIONS`, which a shared link's version is read
/// against) are the headings of `data/CHANGELOG.md`, newest first, and the newest is the bundled one.
#[test]
fn the_app_knows_every_release_in_the_changelog() {
    let log = std::fs::read_to_string("data/CHANGELOG.md").unwrap();
    let headings: Vec<(String, String)> = log
        .lines()
        .filter_map(|l| l.strip_prefix("## "))
        .map(|h| {
            let (version, rest) = h.split_once(" (").expect("## VERSION (DATE): title");
            let date = rest.split_once(')').expect("a date in brackets").0;
            (version.to_owned(), date.to_owned())
        })
        .collect();
    let known: Vec<(String, String)> = mirador::model::DATASET_VERSIONS
        .iter()
        .map(|(v, d)| (v.to_string(), d.to_string()))
        .collect();
    assert_eq!(known, headings);
    assert_eq!(
        known[0],
        (
            mirador::model::DATASET_VERSION.to_owned(),
            mirador::model::DATASET_DATE.to_owned()
        )
    );
}

fn coverage_text() -> String {
    use mirador::model::{Effect, Level};
    let records = interventions();
    let studies = studies();
    let events = events();
    let n = records.len();
    let pct = |k: usize, of: usize| {
        if of == 0 {
            0
        } else {
            (k * 100 + of / 2) / of
        }
    };
    let mut by_country: HashMap<&str, usize> = HashMap::new();
    for r in &records {
        *by_country.entry(r.country.as_str()).or_default() += 1;
    }
    let mut countries: Vec<(&str, usize)> = by_country.into_iter().collect();
    countries.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let list: Vec<String> = countries.iter().map(|(c, k)| format!("{c} {k}")).collect();
    let level = |l: Level| records.iter().filter(|r| r.level == Some(l)).count();
    let years: Vec<i32> = records.iter().filter_map(|r| r.start_year).collect();
    let design = |d: Evaluation| studies.iter().filter(|s| s.design == d).count();
    let effect = |e: Effect| records.iter().filter(|r| r.effect == Some(e)).count();
    let rated = records
        .iter()
        .filter(|r| r.effect.is_some_and(|e| e != Effect::Unknown))
        .count();
    let known = |f: &dyn Fn(&Intervention) -> bool| pct(records.iter().filter(|r| f(r)).count(), n);
    let mut urls: Vec<&str> = Vec::new();
    urls.extend(
        records
            .iter()
            .flat_map(|r| r.sources.iter().map(|s| s.url.as_str())),
    );
    urls.extend(
        studies
            .iter()
            .flat_map(|s| s.sources.iter().map(|s| s.url.as_str())),
    );
    urls.extend(
        events
            .iter()
            .flat_map(|e| e.sources.iter().map(|s| s.url.as_str())),
    );
    let mirrors = urls.iter().filter(|u| is_mirror(u)).count();
    let dated = events.iter().filter(|e| e.start_date.is_some()).count();
    let kind = |k: Option<mirador::model::BudgetKind>| {
        records
            .iter()
            .filter(|r| r.budget_amount.is_some() && r.budget_kind == k)
            .count()
    };
    let mut decades: Vec<(i32, usize)> = Vec::new();
    for y in &years {
        let d = y - y.rem_euclid(10);
        match decades.iter_mut().find(|(k, _)| *k == d) {
            Some((_, c)) => *c += 1,
            None => decades.push((d, 1)),
        }
    }
    decades.sort();
    let decade_list: Vec<String> = decades.iter().map(|(d, c)| format!("{d}s {c}")).collect();
    let budgets = format!(
        "{} loans, {} grants, {} programme costs, {} not said",
        kind(Some(mirador::model::BudgetKind::Loan)),
        kind(Some(mirador::model::BudgetKind::Grant)),
        kind(Some(mirador::model::BudgetKind::Programme)),
        kind(None)
    );
    format!(
        "- **{n} interventions in {} countries and territories.** By country: {}.\n\
         - **Levels:** {} national, {} subnational, {} municipal, {} multi-country. Start years run from {} to {}.\n\
         - **How complete the fields are:** start year {}%, budget amount {}% (in US dollars {}%), an evaluation design {}%.\n\
         - **What the budgets are:** {budgets}. **Start years by decade:** {}.\n\
         - **{} studies:** {} experimental, {} quasi-experimental, {} process evaluations, {} monitoring reports; {} carry an external rating; {} findings in all.\n\
         - **Derived effect** for {rated} of {n} interventions ({}%): {} effective, {} promising, {} mixed, {} no effect, {} harmful; {} more have an impact study without reported findings (`unknown`).\n\
         - **{} events**, {dated} of them dated (at the precision their sources give).\n\
         - **Sources:** {} cited addresses, {mirrors} of them document mirrors ({}%).\n",
        countries.len(),
        list.join(", "),
        level(Level::National),
        level(Level::Subnational),
        level(Level::Municipal),
        level(Level::Regional),
        years.iter().min().copied().unwrap_or(0),
        years.iter().max().copied().unwrap_or(0),
        known(&|r| r.start_year.is_some()),
        known(&|r| r.budget_amount.is_some()),
        known(&|r| r.budget_usd.is_some()),
        known(&|r| r.evaluation.is_some_and(|e| e != Evaluation::None)),
        decade_list.join(", "),
        studies.len(),
        design(Evaluation::Experimental),
        design(Evaluation::QuasiExperimental),
        design(Evaluation::Process),
        design(Evaluation::Monitoring),
        studies.iter().filter(|s| !s.ratings.is_empty()).count(),
        studies.iter().map(|s| s.findings.len()).sum::<usize>(),
        pct(rated, n),
        effect(Effect::Effective),
        effect(Effect::Promising),
        effect(Effect::Mixed),
        effect(Effect::NoEffect),
        effect(Effect::Harmful),
        effect(Effect::Unknown),
        events.len(),
        urls.len(),
        pct(mirrors, urls.len()),
    )
}

#[test]
fn the_schema_states_the_coverage_of_the_data() {
    let path = "data/SCHEMA.md";
    let doc = std::fs::read_to_string(path).unwrap();
    let (start, end) = ("<!-- coverage:start -->\n", "<!-- coverage:end -->");
    let a = doc.find(start).expect("coverage start marker") + start.len();
    let b = doc.find(end).expect("coverage end marker");
    let want = coverage_text();
    if &doc[a..b] != want {
        if std::env::var_os("MIRADOR_UPDATE_SNAPSHOTS").is_some() {
            std::fs::write(path, format!("{}{}{}", &doc[..a], want, &doc[b..])).unwrap();
        } else {
            panic!("SCHEMA.md's coverage is out of date; rerun with MIRADOR_UPDATE_SNAPSHOTS=1:\n{want}");
        }
    }
}
