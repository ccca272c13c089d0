//! The data model: what an `Intervention` and an `Event` are, and the closed vocabularies
//! (`Level`, `Focus`, `ActorType`, `Evaluation`, `Effect`, `Outcome`, `EventKind`, `Access`)
//! that `data/SCHEMA.md` documents.
//!
//! Every vocabulary is a plain enum with a stable kebab-case `key()` (the spelling used in the
//! JSON files and, later, in URLs) and an `ALL` list in display order. User-facing labels are
//! not here: they come from `i18n`, so that the model never carries one language.

use serde::{Deserialize, Serialize};

/// Declares a vocabulary enum with its kebab-case keys, in display order.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $key:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $key)] $variant),+
        }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable spelling used in data files and URLs.
            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }

            /// Parses a key as written in data files and URLs.
            pub fn from_key(key: &str) -> Option<$name> {
                match key { $($key => Some($name::$variant),)+ _ => None }
            }

            /// Position in `ALL`, usable as a dense index.
            pub fn index(self) -> usize {
                self as usize
            }
        }
    };
}

vocabulary!(
    /// The administrative level at which an intervention operates.
    Level {
        National = "national",
        Subnational = "subnational",
        Municipal = "municipal",
        Regional = "regional",
    }
);

vocabulary!(
    /// A part of the region, the way regional institutions group the countries (`data/SCHEMA.md`):
    /// the SICA members of Central America, Mexico and Brazil on their own, the Caribbean (CARICOM
    /// members, the Dominican Republic and Cuba), the Andean countries and the Southern Cone.
    Region {
        CentralAmerica = "central-america",
        Mexico = "mexico",
        Caribbean = "caribbean",
        Andean = "andean",
        Brazil = "brazil",
        SouthernCone = "southern-cone",
    }
);

impl Region {
    /// The region of a country (ISO 3166-1 alpha-3), `None` outside Latin America and the
    /// Caribbean.
    pub fn of_country(code: &str) -> Option<Region> {
        Some(match code {
            "BLZ" | "CRI" | "SLV" | "GTM" | "HND" | "NIC" | "PAN" => Region::CentralAmerica,
            "MEX" => Region::Mexico,
            "ATG" | "BHS" | "BRB" | "CUB" | "DMA" | "DOM" | "GRD" | "GUY" | "HTI" | "JAM"
            | "KNA" | "LCA" | "VCT" | "SUR" | "TTO" | "PRI" | "AIA" | "MSR" | "VGB" | "CYM"
            | "TCA" | "ABW" | "CUW" | "SXM" | "BES" | "MAF" | "BLM" | "GLP" | "MTQ" | "VIR" => {
                Region::Caribbean
            }
            "BOL" | "COL" | "ECU" | "PER" | "VEN" => Region::Andean,
            "BRA" => Region::Brazil,
            "ARG" | "CHL" | "PRY" | "URY" => Region::SouthernCone,
            _ => return None,
        })
    }
}

vocabulary!(
    /// Area of application of an intervention.
    Focus {
        Policing = "policing",
        Justice = "justice",
        Prisons = "prisons",
        Youth = "youth",
        Community = "community",
        Urban = "urban",
        Gender = "gender",
        Firearms = "firearms",
        Drugs = "drugs",
        Information = "information",
        Institutions = "institutions",
        OrganizedCrime = "organized-crime",
    }
);

vocabulary!(
    /// What a budget figure is: a lender's loan, a donor's grant or contribution, or the
    /// programme's own total cost or budget. Figures of different kinds are not the same thing, so
    /// the page says which one it shows.
    BudgetKind {
        Programme = "programme",
        Loan = "loan",
        Grant = "grant",
    }
);

vocabulary!(
    /// The kind of organisation that implements or funds an intervention.
    ActorType {
        NationalGovernment = "national-government",
        SubnationalGovernment = "subnational-government",
        Multilateral = "multilateral",
        Bilateral = "bilateral",
        Foundation = "foundation",
        PrivateSector = "private-sector",
        CivilSociety = "civil-society",
        Academic = "academic",
    }
);

vocabulary!(
    /// Design of the strongest evaluation cited for an intervention, weakest first.
    Evaluation {
        None = "none",
        Monitoring = "monitoring",
        Process = "process",
        QuasiExperimental = "quasi-experimental",
        Experimental = "experimental",
    }
);

vocabulary!(
    /// What the cited evaluation found (see the scale in `data/SCHEMA.md`).
    Effect {
        Effective = "effective",
        Promising = "promising",
        Mixed = "mixed",
        NoEffect = "no-effect",
        Harmful = "harmful",
        Unknown = "unknown",
    }
);

vocabulary!(
    /// An outcome an evaluation measured.
    Outcome {
        Homicide = "homicide",
        ViolentCrime = "violent-crime",
        PropertyCrime = "property-crime",
        Victimization = "victimization",
        Perception = "perception",
        Recidivism = "recidivism",
        GenderViolence = "gender-violence",
        YouthOutcomes = "youth-outcomes",
        Trust = "trust",
        Other = "other",
    }
);

vocabulary!(
    /// What kind of gathering an event is.
    EventKind {
        PolicyDialogue = "policy-dialogue",
        Clinic = "clinic",
        Conference = "conference",
        Forum = "forum",
        Seminar = "seminar",
        Webinar = "webinar",
        FieldVisit = "field-visit",
    }
);

vocabulary!(
    /// Who may attend an event.
    Access {
        Open = "open",
        Registration = "registration",
        Invitation = "invitation",
        Closed = "closed",
    }
);

vocabulary!(
    /// Which way a study found an outcome moved, for citizen security (fewer homicides is
    /// `Improved`).
    Direction {
        Improved = "improved",
        NoChange = "no-change",
        Worsened = "worsened",
        Mixed = "mixed",
    }
);

impl Direction {
    /// Several readings combined: the one they all agree on, else `Mixed`. Folding from `None`
    /// gives `None` only for no readings.
    pub fn combine(acc: Option<Direction>, d: Direction) -> Option<Direction> {
        Some(match acc {
            None => d,
            Some(a) if a == d => a,
            Some(_) => Direction::Mixed,
        })
    }
}

/// A page a record cites, and the record's fields it states.
///
/// In data files a source is an object `{url, title, publisher, date, supports}`; a plain URL
/// string still loads (older files, a person's own data) and supports no field in particular.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Publication date at the precision the page gives (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The record's field names this page states (`start_year`, `budget_amount`, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supports: Vec<String>,
}

impl Source {
    /// A source known only by its address.
    pub fn from_url(url: impl Into<String>) -> Source {
        Source {
            url: url.into(),
            ..Source::default()
        }
    }

    /// True when this source states `field`.
    pub fn supports(&self, field: &str) -> bool {
        self.supports.iter().any(|f| f == field)
    }
}

/// Deserialises a list of sources whose items are objects or plain URL strings, each read
/// once, straight from the input (no intermediate value).
pub(crate) mod source_list {
    use super::Source;
    use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
    use serde::Deserialize;
    use std::fmt;

    /// One source: a URL string or a source object.
    struct OneSource(Source);

    impl<'de> Deserialize<'de> for OneSource {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = OneSource;
                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    f.write_str("a URL or a source object {url, title, publisher, date, supports}")
                }
                fn visit_str<E: de::Error>(self, v: &str) -> Result<OneSource, E> {
                    Ok(OneSource(Source::from_url(v)))
                }
                fn visit_string<E: de::Error>(self, v: String) -> Result<OneSource, E> {
                    Ok(OneSource(Source::from_url(v)))
                }
                fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<OneSource, A::Error> {
                    Source::deserialize(de::value::MapAccessDeserializer::new(map)).map(OneSource)
                }
            }
            d.deserialize_any(V)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Source>, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Vec<Source>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of sources")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Source>, A::Error> {
                let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
                while let Some(OneSource(s)) = seq.next_element()? {
                    out.push(s);
                }
                Ok(out)
            }
        }
        d.deserialize_seq(V)
    }
}

/// An organisation that implements or funds an intervention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    pub name: String,
    #[serde(rename = "type", default)]
    pub kind: Option<ActorType>,
}

/// One citizen security intervention: a programme, project, policy or reform.
///
/// Fields mirror `data/SCHEMA.md`; `None` and empty lists mean "not stated by the sources".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Intervention {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    /// ISO 3166-1 alpha-3.
    pub country: String,
    #[serde(default)]
    pub admin_area: Option<String>,
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub level: Option<Level>,
    #[serde(default)]
    pub focus: Vec<Focus>,
    #[serde(default)]
    pub start_year: Option<i32>,
    #[serde(default)]
    pub end_year: Option<i32>,
    #[serde(default)]
    pub implementers: Vec<Actor>,
    #[serde(default)]
    pub funders: Vec<Actor>,
    #[serde(default)]
    pub budget_amount: Option<f64>,
    #[serde(default)]
    pub budget_currency: Option<String>,
    #[serde(default)]
    pub budget_year: Option<i32>,
    #[serde(default)]
    pub budget_usd: Option<f64>,
    /// What the budget figure is (a loan, a grant, the programme's cost), where its source says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_kind: Option<BudgetKind>,
    #[serde(default)]
    pub evaluation: Option<Evaluation>,
    #[serde(default)]
    pub effect: Option<Effect>,
    #[serde(default)]
    pub outcomes: Vec<Outcome>,
    #[serde(default, deserialize_with = "source_list::deserialize")]
    pub sources: Vec<Source>,
    /// What its impact studies found, outcome by outcome, derived from its studies
    /// (`evidence::derive`); stored so that the `finding` filter works before studies load.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub verdicts: Vec<Verdict>,
}

/// What the impact evidence found on one outcome of an intervention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verdict {
    pub outcome: Outcome,
    pub direction: Direction,
}

impl Intervention {
    /// The distinct funder types of this intervention (the `funder` dimension is multi-valued).
    pub fn funder_types(&self) -> Vec<ActorType> {
        let mut types: Vec<ActorType> = self.funders.iter().filter_map(|a| a.kind).collect();
        types.sort();
        types.dedup();
        types
    }

    /// The budget in US dollars: as a source states it (`budget_usd`), or else the stated amount
    /// converted at its year's average rate (`usd_conversion`). What the budget filter, the
    /// budget sort and the sums of the comparison read.
    pub fn budget_in_usd(&self) -> Option<f64> {
        self.budget_usd
            .or_else(|| self.usd_conversion().map(|c| c.usd))
    }

    /// The stated budget converted to US dollars, when no dollar amount is stated and the record
    /// states the currency and the year the amount refers to (`rates`).
    pub fn usd_conversion(&self) -> Option<crate::rates::Conversion> {
        if self.budget_usd.is_some() {
            return None;
        }
        crate::rates::to_usd(
            self.budget_amount?,
            self.budget_currency.as_deref()?,
            self.budget_year?,
        )
    }
}

/// A meeting where officials and researchers discuss citizen security (a Citizen Security Week's
/// Regional Policy Dialogue or Clinic, a field visit, a forum, ...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub series: Option<String>,
    #[serde(default)]
    pub edition: Option<u32>,
    #[serde(default)]
    pub kind: Option<EventKind>,
    /// ISO date at the precision the sources give: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(default)]
    pub start_date: Option<String>,
    #[serde(default)]
    pub end_date: Option<String>,
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub organisers: Vec<String>,
    #[serde(default)]
    pub partners: Vec<String>,
    #[serde(default)]
    pub access: Option<Access>,
    #[serde(default)]
    pub topics: Vec<String>,
    #[serde(default)]
    pub participants: Option<u32>,
    #[serde(default)]
    pub countries_represented: Option<u32>,
    #[serde(default, deserialize_with = "source_list::deserialize")]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub related_interventions: Vec<String>,
}

impl Event {
    /// The year the event started, when its date is known.
    pub fn year(&self) -> Option<i32> {
        self.start_date
            .as_deref()
            .and_then(|d| d.get(0..4))
            .and_then(|y| y.parse().ok())
    }
}

/// The version of the bundled dataset (`data/CHANGELOG.md`), named in the data credit, citations,
/// exports and the command line's output.
pub const DATASET_VERSION: &str = "2026.12.5";

/// The date the bundled dataset's version was released (`data/CHANGELOG.md`).
pub const DATASET_DATE: &str = "2026-12-01";

/// Every released version of the bundled dataset with its date, newest first: the headings of
/// `data/CHANGELOG.md` (`tests/data.rs` keeps the two the same). A shared link names the version
/// it was made with, and the page says which releases came since.
pub const DATASET_VERSIONS: &[(&str, &str)] = &[
    ("2026.12.5", "2026-12-01"),
    ("2026.12.4", "2026-12-01"),
    ("2026.12.3", "2026-11-30"),
    ("2026.12.2", "2026-11-30"),
    ("2026.12.1", "2026-11-30"),
    ("2026.12", "2026-11-30"),
    ("2026.11", "2026-11-30"),
];

/// The versions released after `version`, oldest first; `None` when `version` is not one this
/// build knows (a mistyped link, or one made by a newer build).
pub fn releases_since(version: &str) -> Option<Vec<&'static str>> {
    let at = DATASET_VERSIONS.iter().position(|(v, _)| *v == version)?;
    Some(
        DATASET_VERSIONS[..at]
            .iter()
            .rev()
            .map(|(v, _)| *v)
            .collect(),
    )
}

/// True for links that may be rendered as clickable: only `http://` and `https://`.
pub fn is_web_link(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    // A host must follow the scheme, and no whitespace or control character anywhere.
    rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/'))
        && !url
            .trim()
            .chars()
            .any(|c| c.is_whitespace() || c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for f in Focus::ALL {
            assert_eq!(Focus::from_key(f.key()), Some(*f));
        }
        assert_eq!(Focus::from_key("Policing"), None);
        assert_eq!(Effect::NoEffect.key(), "no-effect");
    }

    #[test]
    fn web_links_only_http() {
        assert!(is_web_link("https://www.iadb.org/en"));
        assert!(is_web_link("HTTP://example.org"));
        assert!(!is_web_link("javascript:alert(1)"));
        assert!(!is_web_link("data:text/html,hi"));
        assert!(!is_web_link("https://"));
    }

    #[test]
    fn releases_since_a_version() {
        assert_eq!(DATASET_VERSIONS[0], (DATASET_VERSION, DATASET_DATE));
        assert_eq!(releases_since(DATASET_VERSION), Some(vec![]));
        let (oldest, _) = DATASET_VERSIONS[DATASET_VERSIONS.len() - 1];
        let all = releases_since(oldest).unwrap();
        assert_eq!(all.len(), DATASET_VERSIONS.len() - 1);
        assert_eq!(
            all.last(),
            Some(&DATASET_VERSION),
            "oldest first, ending with this one"
        );
        assert_eq!(releases_since("2099.1"), None);
        assert_eq!(releases_since(""), None);
    }
}
