//! The evidence gap map's data: focus × outcome, how many matching interventions measured each
//! outcome and how well (`chart/gap.rs` draws it).

use super::studies::StudySet;
use super::views::{layer_indexes, Layer};
use crate::engine::{FilterResult, Index};
use crate::i18n::{self, Lang};
use crate::model::{Direction, Effect, Evaluation, Focus, Outcome};
use crate::selection::{Facet, Selection};

/// What colours the gap map's bubbles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GapColour {
    /// The strongest evaluation design in the cell.
    #[default]
    Evaluation,
    /// The best effectiveness rating in the cell.
    Effect,
    /// What the impact evidence found on the cell's outcome (improved, no change, worsened,
    /// or mixed when its interventions or studies disagree).
    Direction,
}

impl GapColour {
    pub fn key(self) -> &'static str {
        match self {
            GapColour::Evaluation => "evaluation",
            GapColour::Effect => "effect",
            GapColour::Direction => "direction",
        }
    }
    pub fn from_key(k: &str) -> Option<GapColour> {
        match k {
            "evaluation" => Some(GapColour::Evaluation),
            "effect" => Some(GapColour::Effect),
            "direction" => Some(GapColour::Direction),
            _ => None,
        }
    }
}

/// What the gap map's bubbles count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GapCount {
    /// Matching interventions that measured the outcome.
    #[default]
    Interventions,
    /// Studies of matching interventions that report a finding on the outcome.
    Studies,
}

impl GapCount {
    pub fn key(self) -> &'static str {
        match self {
            GapCount::Interventions => "interventions",
            GapCount::Studies => "studies",
        }
    }
    pub fn from_key(k: &str) -> Option<GapCount> {
        match k {
            "interventions" => Some(GapCount::Interventions),
            "studies" => Some(GapCount::Studies),
            _ => None,
        }
    }
}

/// One cell of the gap map.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct GapCell {
    pub count: usize,
    pub strongest: Option<Evaluation>,
    pub best: Option<Effect>,
    /// What the impact evidence in the cell found on its outcome; `None` without an impact finding.
    pub direction: Option<Direction>,
}

/// Focus × outcome: how many matching interventions measured each outcome, and how well.
#[derive(Debug, Clone, PartialEq)]
pub struct GapSeries {
    pub title: String,
    /// Legend entries: the labels of the colour scale, in the order of its palette.
    pub legend: Vec<String>,
    pub colour: GapColour,
    pub count: GapCount,
    pub rows: Vec<Layer>,
    pub cols: Vec<Layer>,
    /// `cells[row][col]`.
    pub cells: Vec<Vec<GapCell>>,
    /// The cell the filters select (exactly one focus and one outcome), if any.
    pub selected: Option<(usize, usize)>,
    pub note: Option<String>,
}

/// Effectiveness from best to worst, for "best in the cell".
fn effect_rank(e: Effect) -> usize {
    match e {
        Effect::Effective => 5,
        Effect::Promising => 4,
        Effect::Mixed => 3,
        Effect::Unknown => 2,
        Effect::NoEffect => 1,
        Effect::Harmful => 0,
    }
}

#[allow(clippy::too_many_arguments)]
pub fn gap(
    index: &Index,
    result: &FilterResult,
    sel: &Selection,
    colour: GapColour,
    count: GapCount,
    studies: Option<&StudySet>,
    lang: Lang,
) -> GapSeries {
    let rows: Vec<Layer> = Focus::ALL
        .iter()
        .map(|f| Layer::value(f.key(), i18n::focus_label(lang, *f)))
        .collect();
    let cols: Vec<Layer> = Outcome::ALL
        .iter()
        .map(|o| Layer::value(o.key(), i18n::outcome_label(lang, *o)))
        .collect();
    let mut cells = vec![vec![GapCell::default(); cols.len()]; rows.len()];
    // Columns number values by vocabulary index ("not stated" after them, masked out here).
    let columns = index.columns();
    let (evaluations, effects) = (
        columns
            .single_ids(Facet::Evaluation)
            .expect("single-valued"),
        columns.single_ids(Facet::Effect).expect("single-valued"),
    );
    let focus_mask = (1u32 << Focus::ALL.len()) - 1;
    let outcome_mask = (1u32 << Outcome::ALL.len()) - 1;
    let note = match (count, studies) {
        (GapCount::Studies, Some(set)) => {
            let matching = set.matching(result);
            let mut with_findings = 0;
            for s in &matching {
                let study = &set.studies[*s];
                let mut outcomes = 0u32;
                for f in &study.findings {
                    outcomes |= 1 << f.outcome.index();
                }
                if outcomes == 0 {
                    continue;
                }
                with_findings += 1;
                let mut focus = 0u32;
                let mut best: Option<Effect> = None;
                for r in set.records_of(*s) {
                    let r = *r as usize;
                    if result.matching.contains(r) {
                        focus |= columns.value_set(Facet::Focus, r) & focus_mask;
                        if let Some(e) = Effect::ALL.get(effects[r] as usize).copied() {
                            if best.is_none_or(|b| effect_rank(e) > effect_rank(b)) {
                                best = Some(e);
                            }
                        }
                    }
                }
                for f in layer_indexes(focus) {
                    for o in layer_indexes(outcomes) {
                        let c = &mut cells[f][o];
                        c.count += 1;
                        c.strongest = c.strongest.max(Some(study.design));
                        if let Some(e) = best {
                            if c.best.is_none_or(|b| effect_rank(e) > effect_rank(b)) {
                                c.best = Some(e);
                            }
                        }
                        if let Some(d) = set.study_direction(*s, Outcome::ALL[o]) {
                            c.direction = Direction::combine(c.direction, d);
                        }
                    }
                }
            }
            crate::i18n::evidence::gap_studies_note(lang, with_findings, matching.len())
        }
        _ => {
            let mut with_outcomes = 0;
            // Only records with an outcome fill cells: read those, not every match.
            let stated = columns.value_bitmap(
                Facet::Outcome,
                &Outcome::ALL.iter().map(|o| o.key()).collect::<Vec<_>>(),
            );
            for i in result.matching.and(&stated).iter() {
                with_outcomes += 1;
                let evaluation = Evaluation::ALL.get(evaluations[i] as usize).copied();
                let effect = Effect::ALL.get(effects[i] as usize).copied();
                let outcomes = columns.value_set(Facet::Outcome, i) & outcome_mask;
                let verdicts = studies.map_or(&[][..], |s| s.verdicts_of(i));
                for f in layer_indexes(columns.value_set(Facet::Focus, i) & focus_mask) {
                    for o in layer_indexes(outcomes) {
                        let c = &mut cells[f][o];
                        c.count += 1;
                        c.strongest = c.strongest.max(evaluation);
                        if let Some(e) = effect {
                            if c.best.is_none_or(|b| effect_rank(e) > effect_rank(b)) {
                                c.best = Some(e);
                            }
                        }
                        if let Some((_, d)) = verdicts.iter().find(|(out, _)| out.index() == o) {
                            c.direction = Direction::combine(c.direction, *d);
                        }
                    }
                }
            }
            i18n::gap_note(lang, with_outcomes, result.matching.len())
        }
    };
    let one = |facet: Facet, all: &[Layer]| {
        let s = sel.selected(facet);
        (s.len() == 1)
            .then(|| all.iter().position(|l| s.contains(&l.key)))
            .flatten()
    };
    let selected = one(Facet::Focus, &rows).zip(one(Facet::Outcome, &cols));
    let legend = match colour {
        GapColour::Evaluation => Evaluation::ALL
            .iter()
            .map(|e| i18n::evaluation_label(lang, *e).to_owned())
            .collect(),
        GapColour::Effect => Effect::ALL
            .iter()
            .map(|e| i18n::effect_label(lang, *e).to_owned())
            .collect(),
        GapColour::Direction => Direction::ALL
            .iter()
            .map(|d| crate::i18n::evidence::direction_label(lang, *d).to_owned())
            .chain(std::iter::once(
                crate::i18n::evidence::text(lang, crate::i18n::evidence::Ev::NoImpactFinding)
                    .to_owned(),
            ))
            .collect(),
    };
    GapSeries {
        title: i18n::text(lang, i18n::Msg::ChartGap).to_owned(),
        legend,
        colour,
        count,
        rows,
        cols,
        cells,
        selected,
        note: Some(note),
    }
}
