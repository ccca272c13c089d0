//! SVG snapshot tests: every chart, for a few selections, rendered through plotters' SVG backend
//! from a small synthetic fixture (tests/fixtures/interventions.json) and compared with the stored
//! files in tests/snapshots/. A missing snapshot is written and the test fails, so a new snapshot
//! is always looked at before it is committed; `MIRADOR_UPDATE_SNAPSHOTS=1` rewrites them all.

use mirador::aggregate::{apply, series, BarAction, ChartKind};
use mirador::chart::{render_svg, Layout};
use mirador::engine::Index;
use mirador::i18n::Lang;
use mirador::parse::parse_interventions;
use mirador::selection::{Facet, Selection};
use std::path::PathBuf;

fn fixture() -> Index {
    let text = std::fs::read_to_string("tests/fixtures/interventions.json").unwrap();
    let report = parse_interventions(&text).unwrap();
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    Index::new(report.records)
}

fn check(name: &str, svg: &str) {
    // One document: a single closing tag, and nothing drawn after it.
    assert!(
        svg.matches("</svg>").count() == 1 && svg.trim_end().ends_with("</svg>"),
        "{name}: the SVG has content after its closing tag"
    );
    let path = PathBuf::from("tests/snapshots").join(format!("{name}.svg"));
    let update = std::env::var_os("MIRADOR_UPDATE_SNAPSHOTS").is_some();
    match std::fs::read_to_string(&path) {
        Ok(stored) if !update => assert!(stored == svg, "{name}: SVG differs from {}; rerun with MIRADOR_UPDATE_SNAPSHOTS=1 and review the diff", path.display()),
        _ => {
            std::fs::write(&path, svg).unwrap();
            assert!(update, "{name}: snapshot was missing and has been written to {}; review and commit it", path.display());
        }
    }
}

fn selections() -> Vec<(&'static str, Selection)> {
    let mut brazil = Selection::new();
    brazil.toggle(Facet::Country, "BRA");
    let mut youth_budget = Selection::new();
    youth_budget.toggle(Facet::Focus, "youth");
    youth_budget.budget.min = Some(1e7);
    youth_budget.budget.max = Some(3.2e7);
    let mut nothing = Selection::new();
    nothing.query = "no record has this".into();
    vec![
        ("all", Selection::new()),
        ("brazil", brazil),
        ("youth-budget", youth_budget),
        ("empty", nothing),
    ]
}

#[test]
fn every_chart_matches_its_snapshot() {
    let index = fixture();
    for (state, sel) in selections() {
        let result = index.evaluate(&sel);
        for kind in ChartKind::OVERVIEW {
            let s = series(&index, &result, &sel, kind, Lang::En);
            let svg = render_svg(&s, 480, 300).unwrap();
            assert!(svg.starts_with("<svg"), "{svg}");
            check(&format!("{}-{}", kind.key(), state), &svg);
        }
    }
}

#[test]
fn svg_text_is_escaped() {
    let text = r#"[{"id":"x","name":"<script>alert(1)</script> & co","country":"BRA"}]"#;
    let index = Index::new(parse_interventions(text).unwrap().records);
    let mut sel = Selection::new();
    sel.toggle(Facet::Country, "BRA");
    let result = index.evaluate(&sel);
    // Country labels come from data: a hostile code would be shown as text. Use the name via search chart title.
    let s = series(&index, &result, &sel, ChartKind::Country, Lang::En);
    let mut s = s;
    s.bars[0].label = index.record(0).name.clone();
    let svg = render_svg(&s, 400, 200).unwrap();
    assert!(!svg.contains("<script>"), "{svg}");
    assert!(svg.contains("&lt;script&gt;"), "{svg}");
}

#[test]
fn clicking_a_bar_hits_the_bar_that_was_drawn() {
    let index = fixture();
    let sel = Selection::new();
    let result = index.evaluate(&sel);
    for kind in ChartKind::OVERVIEW {
        let s = series(&index, &result, &sel, kind, Lang::En);
        let layout = Layout::new(&s, 480.0, 300.0);
        for i in 0..s.bars.len() {
            let (x0, y0, x1, y1) = layout.bar_rect(i).unwrap();
            let (cx, cy) = ((x0 + x1) / 2.0, ((y0 + y1) / 2.0).min(y1 - 1.0));
            assert_eq!(layout.hit(cx, cy), Some(i), "{:?} bar {i}", kind);
        }
        assert_eq!(layout.hit(-5.0, -5.0), None);
    }
}

#[test]
fn budget_bin_click_sets_and_clears_the_range() {
    let index = fixture();
    let mut sel = Selection::new();
    let result = index.evaluate(&sel);
    let s = series(&index, &result, &sel, ChartKind::Budget, Lang::En);
    let bar = s.bars.iter().find(|b| b.count > 0).unwrap().clone();
    let BarAction::BudgetRange(lo, hi) = bar.action else {
        panic!("budget bars set ranges")
    };
    apply(&bar.action, &mut sel);
    assert_eq!((sel.budget.min, sel.budget.max), (Some(lo), Some(hi)));
    assert_eq!(index.evaluate(&sel).matching_count(), bar.count);
    apply(&bar.action, &mut sel);
    assert!(sel.is_empty());
}

#[test]
fn unknown_values_are_not_drawn_as_zero() {
    let index = fixture();
    let sel = Selection::new();
    let result = index.evaluate(&sel);
    let s = series(&index, &result, &sel, ChartKind::Budget, Lang::En);
    let drawn: usize = s.bars.iter().map(|b| b.count).sum();
    assert_eq!(drawn, 6, "six fixture records have a budget");
    assert!(
        s.note
            .as_deref()
            .unwrap()
            .starts_with("Budget known for 67%"),
        "{:?}",
        s.note
    );
    let effect = series(&index, &result, &sel, ChartKind::Effect, Lang::En);
    let not_stated = effect.bars.iter().find(|b| b.unknown).unwrap();
    assert_eq!(
        (not_stated.label.as_str(), not_stated.count),
        ("Not stated", 3)
    );
}

proptest::proptest! {
    /// Any counts, any size: drawing never panics (a panic aborts the WebAssembly app).
    #[test]
    fn drawing_never_panics(
        counts in proptest::collection::vec(0usize..5_000_000, 0..40),
        w in 1u32..2000,
        h in 1u32..2000,
        kind in 0usize..4,
        selected in proptest::collection::vec(proptest::bool::ANY, 40),
    ) {
        let kind = ChartKind::OVERVIEW[kind];
        let bars = counts.iter().enumerate().map(|(i, c)| mirador::aggregate::Bar {
            label: format!("value {i} with a rather long label that must be shortened"),
            count: *c,
            selected: selected[i],
            unknown: i == 3,
            action: if kind == ChartKind::Budget { BarAction::BudgetRange(10f64.powi(i as i32), 10f64.powi(i as i32 + 1)) } else { BarAction::Toggle(Facet::Focus, i.to_string()) },
        }).collect();
        let s = mirador::aggregate::Series { kind, title: "T".into(), bars, filtered: selected[0], note: Some("note ".repeat(50)) };
        render_svg(&s, w, h).unwrap();
        let layout = Layout::new(&s, w as f64, h as f64);
        for i in 0..s.bars.len() {
            layout.bar_rect(i).unwrap();
        }
        let _ = layout.hit(w as f64 / 2.0, h as f64 / 2.0);
    }
}

#[test]
fn every_view_chart_matches_its_snapshot() {
    use mirador::aggregate::views::{chart_data, GapColour, Stack, ViewOptions};
    use mirador::chart::render_data_svg;
    let index = fixture();
    let events = mirador::parse::parse_events(
        &std::fs::read_to_string("tests/fixtures/events.json").unwrap(),
    )
    .unwrap()
    .records;
    let by_effect = ViewOptions {
        stack: Stack::Effect,
        colour: GapColour::Effect,
        compare: vec!["BRA".into(), "COL".into(), "SLV".into()],
        ..Default::default()
    };
    for (state, sel) in selections() {
        let result = index.evaluate(&sel);
        for kind in [
            ChartKind::Timeline,
            ChartKind::Gap,
            ChartKind::Compare,
            ChartKind::Events,
        ] {
            for (opt_name, options) in [("", ViewOptions::default()), ("-alt", by_effect.clone())] {
                if opt_name == "-alt" && state != "all" {
                    continue;
                }
                let d = chart_data(&index, &result, &sel, &events, &options, kind, Lang::En);
                let svg = render_data_svg(&d, 560, 360).unwrap();
                check(&format!("{}-{}{}", kind.key(), state, opt_name), &svg);
                let layout = Layout::of(&d, 560.0, 360.0);
                let _ = layout.hit(280.0, 180.0);
            }
        }
    }
}

fn fixture_with_studies() -> (Index, mirador::aggregate::studies::StudySet) {
    let text = std::fs::read_to_string("tests/fixtures/interventions.json").unwrap();
    let mut records = parse_interventions(&text).unwrap().records;
    let ids: std::collections::HashSet<String> = records.iter().map(|r| r.id.clone()).collect();
    let ids: std::collections::HashSet<&str> = ids.iter().map(String::as_str).collect();
    let studies = mirador::parse::parse_studies(
        &std::fs::read_to_string("tests/fixtures/studies.json").unwrap(),
        &ids,
    )
    .unwrap();
    assert!(studies.rejected.is_empty(), "{:?}", studies.rejected);
    mirador::evidence::apply(&mut records, &studies.records);
    let index = Index::new(records);
    let set = mirador::aggregate::studies::StudySet::new(&index, studies.records);
    (index, set)
}

#[test]
fn evidence_charts_match_their_snapshots() {
    use mirador::aggregate::views::{chart_data, GapColour, GapCount, SharedStudies, ViewOptions};
    use mirador::chart::render_data_svg;
    let (index, set) = fixture_with_studies();
    let studies = SharedStudies(std::sync::Arc::new(set));
    for (state, sel) in selections() {
        let result = index.evaluate(&sel);
        let mut options = ViewOptions {
            studies: Some(studies.clone()),
            ..Default::default()
        };
        let d = chart_data(
            &index,
            &result,
            &sel,
            &[],
            &options,
            ChartKind::EvaluationGap,
            Lang::En,
        );
        let h = mirador::chart::preferred_height_of(&d, 560.0) as u32;
        check(
            &format!("evaluation-gap-{state}"),
            &render_data_svg(&d, 560, h).unwrap(),
        );
        let layout = Layout::of(&d, 560.0, h as f64);
        let mirador::aggregate::views::ChartData::EvaluationGap(s) = &d else {
            panic!()
        };
        // Every row is hit where it is drawn, and a click toggles its country or focus.
        for (i, g) in s.groups().enumerate() {
            let (x0, y0, x1, y1) = layout.bar_rect(i).unwrap();
            assert_eq!(layout.hit((x0 + x1) / 2.0, (y0 + y1) / 2.0), Some(i));
            assert_eq!(d.action(i), Some(BarAction::Toggle(g.facet, g.key.clone())));
        }
        if state == "all" {
            options.gap_count = GapCount::Studies;
            options.colour = GapColour::Direction;
            let d = chart_data(
                &index,
                &result,
                &sel,
                &[],
                &options,
                ChartKind::Gap,
                Lang::En,
            );
            check(
                "gap-all-studies-direction",
                &render_data_svg(&d, 560, 360).unwrap(),
            );
            options.gap_count = GapCount::Interventions;
            let d = chart_data(
                &index,
                &result,
                &sel,
                &[],
                &options,
                ChartKind::Gap,
                Lang::Es,
            );
            check(
                "gap-all-direction-es",
                &render_data_svg(&d, 560, 360).unwrap(),
            );
        }
    }
}

#[test]
fn the_gap_map_counts_studies_and_colours_by_what_they_found() {
    use mirador::aggregate::views::{gap, GapColour, GapCount};
    use mirador::model::{Direction, Focus, Outcome};
    let (index, set) = fixture_with_studies();
    let sel = Selection::new();
    let result = index.evaluate(&sel);
    let cell = |s: &mirador::aggregate::views::GapSeries, f: Focus, o: Outcome| {
        s.cells[f.index()][o.index()]
    };
    let by_studies = gap(
        &index,
        &result,
        &sel,
        GapColour::Direction,
        GapCount::Studies,
        Some(&set),
        Lang::En,
    );
    // Community: s1 and s3 are evaluated by study a (homicide improved) and s3 by study c
    // (homicide worsened): two studies, which disagree.
    let c = cell(&by_studies, Focus::Community, Outcome::Homicide);
    assert_eq!((c.count, c.direction), (2, Some(Direction::Mixed)));
    // Youth: only s1, through study a.
    let c = cell(&by_studies, Focus::Youth, Outcome::Homicide);
    assert_eq!((c.count, c.direction), (1, Some(Direction::Improved)));
    // A monitoring report counts as a study but says nothing of impact.
    let c = cell(&by_studies, Focus::Youth, Outcome::YouthOutcomes);
    assert_eq!((c.count, c.direction), (1, None));
    let by_records = gap(
        &index,
        &result,
        &sel,
        GapColour::Direction,
        GapCount::Interventions,
        Some(&set),
        Lang::En,
    );
    let c = cell(&by_records, Focus::Community, Outcome::Homicide);
    // s1 improved; s3's two studies disagree, so its verdict is mixed: the cell is mixed.
    assert_eq!((c.count, c.direction), (2, Some(Direction::Mixed)));
}

#[test]
fn a_filtered_export_carries_its_context_in_each_language() {
    use mirador::chart::frame::{render_framed_svg, ExportContext, ExportSize};
    use mirador::state::DashboardState;
    let index = fixture();
    let mut state = DashboardState::default();
    state.selection.toggle(Facet::Country, "BRA");
    let result = index.evaluate(&state.selection);
    for lang in Lang::ALL {
        let s = series(&index, &result, &state.selection, ChartKind::Focus, lang);
        let d = mirador::aggregate::views::ChartData::Bars(s);
        let (filters, credit) = mirador::i18n::export_context(
            lang,
            &mirador::url_state::filter_summary(&state, lang),
            result.matching_count(),
            index.len(),
            None,
            "2026-11-30",
        );
        let context = ExportContext { filters, credit };
        let svg = render_framed_svg(&d, &context, ExportSize::Column).unwrap();
        assert!(
            svg.contains("2026-11-30") && svg.contains("CC BY 4.0"),
            "{svg}"
        );
        check(&format!("export-focus-brazil-{}", lang.code()), &svg);
        // Other sizes are what they say, whatever the screen.
        let slide = render_framed_svg(&d, &context, ExportSize::Slide).unwrap();
        assert!(
            slide.starts_with("<svg width=\"960\" height=\"540\""),
            "{}",
            &slide[..80]
        );
    }
}
