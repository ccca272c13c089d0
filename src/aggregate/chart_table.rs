//! A chart's marks as a person reaches them without a mouse: how many marks it has (in the order
//! the keyboard moves through them, the same numbering as hit-testing, tooltips and actions), and
//! "Show as table": the same numbers as rows and columns, in the page language.

use super::views::ChartData;
use crate::i18n::{self, Lang};

/// A chart's numbers as a table: column headers, then one row per mark (the gap map: per row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartTable {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl ChartData {
    /// How many marks the keyboard moves through (bars, years, cells, countries, events).
    pub fn item_count(&self) -> usize {
        match self {
            ChartData::Bars(s) => s.bars.len(),
            ChartData::Timeline(s) => s.years.len(),
            ChartData::Gap(s) => s.rows.len() * s.cols.len(),
            ChartData::Compare(s) => s.countries.len(),
            ChartData::Events(s) => s.marks.len(),
            ChartData::EvaluationGap(s) => s.groups().count(),
            ChartData::Map(m) => m.series.values.len(),
        }
    }

    /// How far the Up and Down arrows move: a row of the gap map, one mark elsewhere.
    pub fn row_step(&self) -> usize {
        match self {
            ChartData::Gap(s) => s.cols.len().max(1),
            _ => 1,
        }
    }

    /// The chart's numbers as a table, in `lang`.
    pub fn table(&self, lang: Lang) -> ChartTable {
        let n = |v: usize| i18n::format_count(lang, v);
        let words = i18n::table_words(lang);
        let interventions = i18n::text(lang, i18n::Msg::Interventions).to_owned();
        match self {
            ChartData::Bars(s) => ChartTable {
                header: vec![words.category.into(), interventions],
                rows: s
                    .bars
                    .iter()
                    .map(|b| vec![b.label.clone(), n(b.count)])
                    .collect(),
            },
            ChartData::Timeline(s) => {
                let mut header = vec![words.year.to_owned()];
                header.extend(s.layers.iter().map(|l| l.label.clone()));
                header.push(words.total.into());
                let rows = s
                    .years
                    .iter()
                    .enumerate()
                    .map(|(i, y)| {
                        let mut row = vec![y.to_string()];
                        let counts = s.counts.get(i).map(Vec::as_slice).unwrap_or(&[]);
                        row.extend(
                            (0..s.layers.len()).map(|l| n(counts.get(l).copied().unwrap_or(0))),
                        );
                        row.push(n(s.totals[i]));
                        row
                    })
                    .collect();
                ChartTable { header, rows }
            }
            ChartData::Gap(s) => {
                let mut header = vec![String::new()];
                header.extend(s.cols.iter().map(|c| c.label.clone()));
                let rows = s
                    .rows
                    .iter()
                    .zip(&s.cells)
                    .map(|(r, cells)| {
                        let mut row = vec![r.label.clone()];
                        row.extend(cells.iter().map(|c| n(c.count)));
                        row
                    })
                    .collect();
                ChartTable { header, rows }
            }
            ChartData::Compare(s) => ChartTable {
                header: vec![words.country.into(), words.summary.into()],
                rows: s
                    .countries
                    .iter()
                    .map(|c| vec![c.name.clone(), c.caption.clone()])
                    .collect(),
            },
            ChartData::Events(s) => ChartTable {
                header: vec![words.event.into(), words.year.into()],
                rows: s
                    .marks
                    .iter()
                    .map(|m| vec![m.name.clone(), (m.at.floor() as i32).to_string()])
                    .collect(),
            },
            ChartData::EvaluationGap(s) => ChartTable {
                header: vec![words.category.into(), words.without_impact.into()],
                rows: s
                    .groups()
                    .map(|g| vec![g.label.clone(), g.value_text.clone()])
                    .collect(),
            },
            ChartData::Map(m) => ChartTable {
                header: vec![
                    words.country.into(),
                    m.series.legend_title.clone(),
                    interventions,
                ],
                rows: m
                    .series
                    .values
                    .iter()
                    .zip(&m.counts)
                    .map(|((code, v), count)| {
                        vec![
                            i18n::country_name(lang, code),
                            v.map_or_else(
                                || m.series.no_data_label.clone(),
                                |v| m.series.format.format(v),
                            ),
                            n(*count),
                        ]
                    })
                    .collect(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::aggregate::views::{chart_data, ViewOptions};
    use crate::aggregate::ChartKind;
    use crate::engine::Index;
    use crate::i18n::Lang;
    use crate::parse::parse_interventions;
    use crate::selection::Selection;

    #[test]
    fn every_mark_has_a_row_a_tooltip_and_the_keyboard_reaches_it() {
        let records = parse_interventions(
            r#"[{"id":"a","name":"A","country":"BRA","focus":["youth"],"start_year":2004},
                {"id":"b","name":"B","country":"COL","focus":["youth","policing"],"start_year":2010},
                {"id":"c","name":"C","country":"COL","focus":["gender"]}]"#,
        )
        .unwrap()
        .records;
        let index = Index::new(records);
        let sel = Selection::new();
        let result = index.evaluate(&sel);
        let data = |kind| {
            chart_data(
                &index,
                &result,
                &sel,
                &[],
                &ViewOptions::default(),
                kind,
                Lang::Es,
            )
        };
        for kind in [
            ChartKind::Country,
            ChartKind::Focus,
            ChartKind::Timeline,
            ChartKind::Gap,
        ] {
            let d = data(kind);
            let table = d.table(Lang::Es);
            let n = d.item_count();
            assert!(n > 0, "{kind:?}");
            for i in 0..n {
                assert!(
                    d.tooltip(i, Lang::Es).is_some(),
                    "{kind:?} mark {i} has no tooltip"
                );
            }
            assert_eq!(
                table.rows.len() * d.row_step(),
                n,
                "{kind:?}: one row per mark (or per gap row)"
            );
            assert!(
                table.rows.iter().all(|r| r.len() == table.header.len()),
                "{kind:?}"
            );
        }
        let t = data(ChartKind::Country).table(Lang::Es);
        assert_eq!(
            t.header,
            vec!["Categoría".to_owned(), "Intervenciones".to_owned()]
        );
        assert!(
            t.rows
                .contains(&vec!["Colombia".to_owned(), "2".to_owned()]),
            "{t:?}"
        );
    }
}
