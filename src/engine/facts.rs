//! What the views count about one intervention (country, focus areas, level, evaluation, effect,
//! outcomes, start year, budget), read from the columns without building the record. The views
//! read these, so they work the same on a million synthetic rows, of which no record is kept, as
//! on the bundled data.

use crate::model::{Effect, Evaluation, Focus, Intervention, Level, Outcome};

/// The counted fields of one record. Multi-valued fields are bit sets by the vocabulary's
/// `index()`, so a value listed twice counts once.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Facts<'a> {
    pub country: &'a str,
    /// Bit `Focus::index()` for each focus area.
    pub focus: u32,
    pub level: Option<Level>,
    pub evaluation: Option<Evaluation>,
    pub effect: Option<Effect>,
    /// Bit `Outcome::index()` for each outcome.
    pub outcomes: u32,
    pub start_year: Option<i32>,
    pub budget_usd: Option<f64>,
}

fn set<T: Copy>(values: &[T], index: impl Fn(T) -> usize) -> u32 {
    values.iter().fold(0, |s, v| s | 1 << index(*v))
}

fn members<T: Copy>(set: u32, all: &'static [T]) -> impl Iterator<Item = T> {
    all.iter()
        .enumerate()
        .filter(move |(i, _)| set >> i & 1 == 1)
        .map(|(_, v)| *v)
}

impl<'a> Facts<'a> {
    /// The facts of a whole record: what the columns must reproduce.
    pub fn of(r: &'a Intervention) -> Facts<'a> {
        Facts {
            country: &r.country,
            focus: set(&r.focus, Focus::index),
            level: r.level,
            evaluation: r.evaluation,
            effect: r.effect,
            outcomes: set(&r.outcomes, Outcome::index),
            start_year: r.start_year,
            budget_usd: r.budget_usd,
        }
    }

    /// The focus areas, in vocabulary order.
    pub fn focus(&self) -> impl Iterator<Item = Focus> {
        members(self.focus, Focus::ALL)
    }

    /// The outcomes, in vocabulary order.
    pub fn outcomes(&self) -> impl Iterator<Item = Outcome> {
        members(self.outcomes, Outcome::ALL)
    }

    /// An evaluation that can show an effect (process, quasi-experimental or experimental).
    pub fn evaluated(&self) -> bool {
        matches!(
            self.evaluation,
            Some(Evaluation::Process | Evaluation::QuasiExperimental | Evaluation::Experimental)
        )
    }

    /// Rated effective or promising.
    pub fn effective_or_promising(&self) -> bool {
        matches!(self.effect, Some(Effect::Effective | Effect::Promising))
    }
}
