//! The evidence behind an intervention: evaluations as their own records (`Study`, with one
//! `Finding` per outcome and external `Rating`s), the documented rule that derives an
//! intervention's evaluation design, overall effect and per-outcome verdicts from its studies
//! (`derive`), and citations for reference managers (`cite`: RIS and BibTeX).

pub mod cite;
pub mod derive;
mod study;

pub use derive::{apply, derive, Derived};
pub use study::{is_impact, Finding, Period, Rating, Study};
