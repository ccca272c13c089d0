//! The rule that turns an intervention's studies into its evidence, documented in
//! `data/SCHEMA.md` ("Deriving an intervention's evidence"):
//!
//! 1. **Strength**, kept apart from direction: `evaluation` is the strongest design among its
//!    studies (experimental > quasi-experimental > process > monitoring), with the number of
//!    studies and of impact studies.
//! 2. **Outcomes**: every outcome any of its studies reports a finding on.
//! 3. **Per-outcome verdicts**, from impact studies only (process and monitoring reports say
//!    nothing about what would have happened without the programme). Each finding reads as its
//!    direction, except that an improvement or a worsening the study calls not significant reads
//!    as no change. An outcome whose readings all agree takes that reading; otherwise `mixed`.
//! 4. **Effect**: none without an impact study; `unknown` when the impact studies report no
//!    finding; `effective` when every outcome improved and the evidence is strong (a randomised
//!    trial, or two or more impact studies), `promising` when every outcome improved on a single
//!    quasi-experimental study; `harmful` when some outcome worsened and none improved or was
//!    mixed; `no-effect` when every outcome showed no change; `mixed` otherwise.

use super::study::Study;
use crate::model::{Direction, Effect, Evaluation, Intervention, Outcome};
use std::collections::{BTreeMap, HashMap};

/// An intervention's evidence as the rule derives it from its studies.
#[derive(Debug, Clone, PartialEq)]
pub struct Derived {
    pub evaluation: Evaluation,
    pub effect: Option<Effect>,
    pub outcomes: Vec<Outcome>,
    /// Per-outcome verdicts from impact studies, in outcome order.
    pub verdicts: Vec<(Outcome, Direction)>,
    pub studies: usize,
    pub impact_studies: usize,
}

/// Derives the evidence of an intervention from its studies; `None` when it has none.
pub fn derive(studies: &[&Study]) -> Option<Derived> {
    let evaluation = studies.iter().map(|s| s.design).max()?;
    let impact: Vec<&&Study> = studies.iter().filter(|s| s.is_impact()).collect();
    let mut outcomes: Vec<Outcome> = studies
        .iter()
        .flat_map(|s| s.findings.iter().map(|f| f.outcome))
        .collect();
    outcomes.sort();
    outcomes.dedup();

    let mut readings: BTreeMap<Outcome, Direction> = BTreeMap::new();
    for f in impact.iter().flat_map(|s| s.findings.iter()) {
        let slot = readings.get(&f.outcome).copied();
        if let Some(d) = Direction::combine(slot, f.reading()) {
            readings.insert(f.outcome, d);
        }
    }
    let verdicts: Vec<(Outcome, Direction)> = readings.into_iter().collect();

    let effect = if impact.is_empty() {
        None
    } else {
        Some(effect_of(
            &verdicts,
            impact.len(),
            impact.iter().any(|s| s.design == Evaluation::Experimental),
        ))
    };
    Some(Derived {
        evaluation,
        effect,
        outcomes,
        verdicts,
        studies: studies.len(),
        impact_studies: impact.len(),
    })
}

fn effect_of(verdicts: &[(Outcome, Direction)], impact: usize, randomised: bool) -> Effect {
    if verdicts.is_empty() {
        return Effect::Unknown;
    }
    let count = |d: Direction| verdicts.iter().filter(|(_, v)| *v == d).count();
    let (improved, worsened, mixed) = (
        count(Direction::Improved),
        count(Direction::Worsened),
        count(Direction::Mixed),
    );
    if improved == verdicts.len() {
        if randomised || impact >= 2 {
            Effect::Effective
        } else {
            Effect::Promising
        }
    } else if worsened > 0 && improved == 0 && mixed == 0 {
        Effect::Harmful
    } else if count(Direction::NoChange) == verdicts.len() {
        Effect::NoEffect
    } else {
        Effect::Mixed
    }
}

/// The studies of each intervention, by intervention id.
pub fn by_intervention(studies: &[Study]) -> HashMap<&str, Vec<&Study>> {
    let mut map: HashMap<&str, Vec<&Study>> = HashMap::new();
    for s in studies {
        for id in &s.interventions {
            map.entry(id.as_str()).or_default().push(s);
        }
    }
    map
}

/// Sets the evaluation, effect, outcomes and verdicts of every intervention that has studies to
/// what the rule derives. Interventions without studies keep the values their file states.
pub fn apply(interventions: &mut [Intervention], studies: &[Study]) {
    let map = by_intervention(studies);
    for r in interventions.iter_mut() {
        if let Some(d) = map.get(r.id.as_str()).and_then(|s| derive(s)) {
            r.evaluation = Some(d.evaluation);
            r.effect = d.effect;
            r.outcomes = d.outcomes;
            r.verdicts = d
                .verdicts
                .into_iter()
                .map(|(outcome, direction)| crate::model::Verdict { outcome, direction })
                .collect();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::Finding;
    use Direction::*;
    use Evaluation::{Experimental, Monitoring, Process, QuasiExperimental};
    use Outcome::*;

    fn finding(outcome: Outcome, direction: Direction, significant: Option<bool>) -> Finding {
        Finding {
            outcome,
            measure: None,
            direction,
            effect: None,
            size: None,
            metric: None,
            significant,
        }
    }

    fn study(design: Evaluation, findings: Vec<Finding>) -> Study {
        Study {
            id: "s".into(),
            title: "T".into(),
            authors: vec![],
            year: None,
            publisher: None,
            doi: None,
            url: Some("https://example.org".into()),
            design,
            method: None,
            interventions: vec!["a".into()],
            country: None,
            period: None,
            findings,
            ratings: vec![],
            sources: vec![],
        }
    }

    fn effect(studies: &[Study]) -> Option<Effect> {
        let refs: Vec<&Study> = studies.iter().collect();
        derive(&refs).unwrap().effect
    }

    #[test]
    fn no_study_derives_nothing() {
        assert_eq!(derive(&[]), None);
    }

    #[test]
    fn strength_is_the_best_design_and_kept_apart_from_direction() {
        let s = [
            study(Monitoring, vec![finding(Homicide, Improved, None)]),
            study(Process, vec![]),
        ];
        let refs: Vec<&Study> = s.iter().collect();
        let d = derive(&refs).unwrap();
        assert_eq!(d.evaluation, Process);
        assert_eq!(d.effect, None, "no impact study, no effect");
        assert_eq!(d.outcomes, vec![Homicide], "outcomes come from every study");
        assert!(d.verdicts.is_empty(), "verdicts only from impact studies");
        assert_eq!((d.studies, d.impact_studies), (2, 0));
    }

    #[test]
    fn every_verdict() {
        let q = |f| study(QuasiExperimental, f);
        // promising: one quasi-experimental study, everything improved
        assert_eq!(
            effect(&[q(vec![finding(Homicide, Improved, Some(true))])]),
            Some(Effect::Promising)
        );
        // effective: a randomised trial
        assert_eq!(
            effect(&[study(Experimental, vec![finding(Homicide, Improved, None)])]),
            Some(Effect::Effective)
        );
        // effective: two impact studies agree
        assert_eq!(
            effect(&[
                q(vec![finding(Homicide, Improved, None)]),
                q(vec![finding(Homicide, Improved, Some(true))])
            ]),
            Some(Effect::Effective)
        );
        // mixed: improved on one outcome, no change on another
        assert_eq!(
            effect(&[q(vec![
                finding(Homicide, Improved, Some(true)),
                finding(Perception, NoChange, None)
            ])]),
            Some(Effect::Mixed)
        );
        // mixed: two studies disagree on the same outcome
        assert_eq!(
            effect(&[
                q(vec![finding(GenderViolence, Improved, Some(true))]),
                q(vec![finding(GenderViolence, Worsened, Some(true))])
            ]),
            Some(Effect::Mixed)
        );
        // no-effect: an "improvement" the study calls not significant is no change
        assert_eq!(
            effect(&[q(vec![finding(Recidivism, Improved, Some(false))])]),
            Some(Effect::NoEffect)
        );
        // harmful: worse on one outcome, nothing improved
        assert_eq!(
            effect(&[q(vec![
                finding(ViolentCrime, Worsened, Some(true)),
                finding(Perception, NoChange, None)
            ])]),
            Some(Effect::Harmful)
        );
        // unknown: an impact study that reports no finding
        assert_eq!(effect(&[q(vec![])]), Some(Effect::Unknown));
        // a study's own "mixed" on an outcome makes the whole mixed
        assert_eq!(
            effect(&[q(vec![finding(YouthOutcomes, Mixed, None)])]),
            Some(Effect::Mixed)
        );
        // a monitoring report's improvement does not make a no-effect study effective
        assert_eq!(
            effect(&[
                q(vec![finding(Homicide, NoChange, None)]),
                study(Monitoring, vec![finding(Homicide, Improved, None)])
            ]),
            Some(Effect::NoEffect)
        );
    }

    #[test]
    fn per_outcome_verdicts() {
        let s = [
            study(
                QuasiExperimental,
                vec![
                    finding(Homicide, Improved, Some(true)),
                    finding(Perception, NoChange, None),
                ],
            ),
            study(Experimental, vec![finding(Homicide, Improved, Some(true))]),
        ];
        let refs: Vec<&Study> = s.iter().collect();
        let d = derive(&refs).unwrap();
        assert_eq!(
            d.verdicts,
            vec![(Homicide, Improved), (Perception, NoChange)]
        );
        assert_eq!(d.evaluation, Experimental);
    }

    #[test]
    fn apply_overrides_only_interventions_with_studies() {
        let base: Intervention = serde_json::from_str(
            r#"{"id":"a","name":"A","country":"BRA","evaluation":"process","effect":null}"#,
        )
        .unwrap();
        let mut other = base.clone();
        other.id = "b".into();
        other.effect = Some(Effect::Promising);
        other.evaluation = Some(QuasiExperimental);
        let mut records = vec![base, other];
        apply(
            &mut records,
            &[study(Experimental, vec![finding(Homicide, Improved, None)])],
        );
        assert_eq!(records[0].evaluation, Some(Experimental));
        assert_eq!(records[0].effect, Some(Effect::Effective));
        assert_eq!(
            records[0].verdicts,
            vec![crate::model::Verdict {
                outcome: Homicide,
                direction: Improved
            }]
        );
        assert_eq!(records[1].effect, Some(Effect::Promising), "kept as stated");
    }
}
