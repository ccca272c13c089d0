//! A `Study`: one evaluation (impact, process, or a monitoring report that states results),
//! linked to the interventions it evaluates, with its findings outcome by outcome and what
//! external raters say of it.

use crate::model::{source_list, Direction, Effect, Evaluation, Outcome, Source};
use serde::{Deserialize, Serialize};

/// What a study found on one outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    pub outcome: Outcome,
    /// What was measured, in the study's terms ("homicides per 100,000").
    #[serde(default)]
    pub measure: Option<String>,
    pub direction: Direction,
    /// The effect as the study states it ("-22% in homicides", "0.15 SD").
    #[serde(default)]
    pub effect: Option<String>,
    /// The effect's number, where stated, in `metric` units.
    #[serde(default)]
    pub size: Option<f64>,
    #[serde(default)]
    pub metric: Option<String>,
    /// Statistically significant as the study reports it; `None` when it does not say.
    #[serde(default)]
    pub significant: Option<bool>,
}

impl Finding {
    /// The direction as evidence: an improvement or a worsening the study itself calls not
    /// significant reads as no change.
    pub fn reading(&self) -> Direction {
        match (self.direction, self.significant) {
            (Direction::Improved | Direction::Worsened, Some(false)) => Direction::NoChange,
            (d, _) => d,
        }
    }
}

/// What an external rater (the IDB evidence platform, CrimeSolutions, the College of Policing,
/// ...) says of a study or its intervention, in the rater's own words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    pub scheme: String,
    /// The rater's label ("Effective", "Efectiva", "Promising").
    pub class: String,
    pub url: String,
}

impl Rating {
    /// The rater's label on Mirador's effect scale (`data/SCHEMA.md`), where the label is one the
    /// scale maps (English, Spanish or Portuguese, any case); `None` for labels it does not know.
    pub fn effect(&self) -> Option<Effect> {
        let label = crate::text::fold(&self.class);
        let has = |words: &[&str]| words.iter().any(|w| label.contains(w));
        // Order matters: "no efectiva" contains "efectiva", "not promising" contains "promising".
        if has(&[
            "no effect",
            "ineffective",
            "no efectiv",
            "nao efetiv",
            "sin efecto",
            "sem efeito",
            "not effective",
        ]) {
            Some(Effect::NoEffect)
        } else if has(&[
            "negative",
            "harmful",
            "negativ",
            "perjudicial",
            "prejudicial",
        ]) {
            Some(Effect::Harmful)
        } else if has(&[
            "inconclusive",
            "inconclusiv",
            "insufficient",
            "insuficiente",
            "sin evidencia",
            "sem evidencia",
        ]) {
            Some(Effect::Unknown)
        } else if has(&["mixed", "mixt", "mista"]) {
            Some(Effect::Mixed)
        } else if has(&["promising", "prometedor", "promissor"]) {
            Some(Effect::Promising)
        } else if has(&["effective", "efectiv", "efetiv", "eficaz"]) {
            Some(Effect::Effective)
        } else {
            None
        }
    }
}

/// First and last year of the data a study used.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    #[serde(default)]
    pub from: Option<i32>,
    #[serde(default)]
    pub to: Option<i32>,
}

/// One evaluation; fields mirror `data/SCHEMA.md`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Study {
    pub id: String,
    /// In the original language.
    pub title: String,
    #[serde(default)]
    pub authors: Vec<String>,
    #[serde(default)]
    pub year: Option<i32>,
    /// Journal, institution or series.
    #[serde(default)]
    pub publisher: Option<String>,
    /// A bare DOI (`10.1086/670138`).
    #[serde(default)]
    pub doi: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    /// `monitoring`, `process`, `quasi-experimental` or `experimental` (never `none`).
    pub design: Evaluation,
    /// The method as the study names it (difference-in-differences, ...).
    #[serde(default)]
    pub method: Option<String>,
    /// Ids of the interventions it evaluates.
    pub interventions: Vec<String>,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub period: Option<Period>,
    #[serde(default)]
    pub findings: Vec<Finding>,
    #[serde(default)]
    pub ratings: Vec<Rating>,
    #[serde(default, deserialize_with = "source_list::deserialize")]
    pub sources: Vec<Source>,
}

impl Study {
    /// True for designs with a comparison group: only these say whether a programme worked.
    pub fn is_impact(&self) -> bool {
        is_impact(self.design)
    }

    /// The address a person follows to read it: the DOI's resolver, else its URL.
    pub fn link(&self) -> Option<String> {
        match (&self.doi, &self.url) {
            (Some(doi), _) => Some(format!("https://doi.org/{doi}")),
            (None, Some(url)) => Some(url.clone()),
            _ => None,
        }
    }

    /// "Agüero (2013)", "Di Tella & Schargrodsky (2013)", "Chioda et al. (2016)".
    pub fn short_citation(&self) -> String {
        let surname = |a: &String| a.rsplit(' ').next().unwrap_or(a).to_owned();
        let who = match self.authors.as_slice() {
            [] => self.publisher.clone().unwrap_or_else(|| self.title.clone()),
            [a] => surname(a),
            [a, b] => format!("{} & {}", surname(a), surname(b)),
            [a, ..] => format!("{} et al.", surname(a)),
        };
        match self.year {
            Some(y) => format!("{who} ({y})"),
            None => who,
        }
    }
}

/// True for `quasi-experimental` and `experimental`.
pub fn is_impact(design: Evaluation) -> bool {
    matches!(
        design,
        Evaluation::QuasiExperimental | Evaluation::Experimental
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rater_labels_map_to_the_effect_scale() {
        let r = |class: &str| {
            Rating {
                scheme: "x".into(),
                class: class.into(),
                url: "https://x.org".into(),
            }
            .effect()
        };
        assert_eq!(r("Effective"), Some(Effect::Effective));
        assert_eq!(r("Efectiva"), Some(Effect::Effective));
        assert_eq!(r("Efetiva"), Some(Effect::Effective));
        assert_eq!(r("No efectiva"), Some(Effect::NoEffect));
        assert_eq!(r("No Effects"), Some(Effect::NoEffect));
        assert_eq!(r("Promising"), Some(Effect::Promising));
        assert_eq!(r("Prometedora"), Some(Effect::Promising));
        assert_eq!(r("Resultados mixtos"), Some(Effect::Mixed));
        assert_eq!(r("Sin evidencia concluyente"), Some(Effect::Unknown));
        assert_eq!(r("Negative Effects"), Some(Effect::Harmful));
        assert_eq!(r("Level 3"), None);
    }
}
