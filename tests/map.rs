//! The choropleth map: SVG snapshots (tests/snapshots/map-*.svg, same rules as
//! tests/chart_snapshots.rs: a missing snapshot is written and the test fails;
//! `MIRADOR_UPDATE_SNAPSHOTS=1` rewrites them), hit tests on the bundled shapes, and drawing
//! never panics.

use mirador::chart::map::{render_svg, MapLayout, MapSeries, ValueFormat};
use mirador::country::is_iso_alpha3;
use mirador::geo::Atlas;
use std::path::PathBuf;

fn atlas() -> Atlas {
    Atlas::from_json(&std::fs::read_to_string("data/geo/lac.json").unwrap()).unwrap()
}

fn check(name: &str, svg: &str) {
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

/// Interventions by country, as in the bundled data (a few zeros, and no data for the rest).
fn counts() -> MapSeries {
    let values = [
        ("BRA", 35.0),
        ("MEX", 15.0),
        ("COL", 15.0),
        ("CHL", 14.0),
        ("SLV", 13.0),
        ("JAM", 12.0),
        ("ARG", 12.0),
        ("HND", 10.0),
        ("TTO", 9.0),
        ("URY", 8.0),
        ("PER", 8.0),
        ("ECU", 8.0),
        ("HTI", 7.0),
        ("GTM", 7.0),
        ("DOM", 7.0),
        ("VEN", 6.0),
        ("GUY", 6.0),
        ("SUR", 5.0),
        ("PRY", 5.0),
        ("PAN", 5.0),
        ("CRI", 5.0),
        ("BRB", 5.0),
        ("BOL", 5.0),
        ("BLZ", 5.0),
        ("NIC", 4.0),
        ("BHS", 3.0),
        ("LCA", 2.0),
        ("VCT", 1.0),
        ("KNA", 1.0),
        ("GRD", 1.0),
        ("DMA", 1.0),
        ("ATG", 1.0),
        ("CUB", 0.0),
        ("PRI", 0.0),
    ];
    MapSeries {
        title: "Interventions by country".into(),
        values: values
            .iter()
            .map(|(c, v)| (c.to_string(), Some(*v)))
            .collect(),
        selected: vec!["BRA".into(), "BRB".into()],
        legend_title: "Interventions".into(),
        format: ValueFormat::Count,
        no_data_label: "No data".into(),
        note: None,
    }
}

fn budgets() -> MapSeries {
    let values = [
        ("BRA", 2.1e8),
        ("MEX", 4.5e7),
        ("COL", 9.0e7),
        ("CHL", 1.2e7),
        ("SLV", 3.0e6),
        ("JAM", 5.5e6),
        ("HND", 2.0e7),
        ("TTO", 8.0e5),
        ("URY", 1.5e6),
        ("GTM", 6.0e6),
        ("BRB", 2.0e5),
        ("ARG", f64::NAN),
    ];
    MapSeries {
        title: "Known budget by country".into(),
        values: values.iter().map(|(c, v)| (c.to_string(), Some(*v))).chain([("PER".to_string(), None)]).collect(),
        selected: vec![],
        legend_title: "Known budget (USD)".into(),
        format: ValueFormat::Usd,
        no_data_label: "No known budget".into(),
        note: Some("Budget known for 40 of 290 interventions; countries without a known budget are hatched.".into()),
    }
}

fn empty() -> MapSeries {
    MapSeries {
        title: "Interventions by country".into(),
        legend_title: "Interventions".into(),
        ..Default::default()
    }
}

#[test]
fn the_map_matches_its_snapshots() {
    let atlas = atlas();
    for (name, series, w, h) in [
        ("map-counts", counts(), 640, 600),
        ("map-budget-wide", budgets(), 720, 360),
        ("map-empty-small", empty(), 320, 300),
    ] {
        let svg = render_svg(&atlas, &series, w, h).unwrap();
        assert!(svg.starts_with("<svg"), "{svg}");
        check(name, &svg);
    }
}

#[test]
fn the_bundled_shapes_are_lac_countries() {
    let atlas = atlas();
    assert!(atlas.countries().len() >= 45);
    for c in atlas.countries() {
        assert!(is_iso_alpha3(&c.code), "{}", c.code);
    }
    let bytes = std::fs::metadata("data/geo/lac.json").unwrap().len();
    assert!(bytes < 300_000, "data/geo/lac.json is {bytes} bytes");
}

#[test]
fn centroids_hit_their_country() {
    let atlas = atlas();
    for (w, h) in [
        (640.0, 600.0),
        (720.0, 360.0),
        (1200.0, 900.0),
        (480.0, 300.0),
    ] {
        let layout = MapLayout::new(&atlas, w, h);
        for code in ["BRA", "MEX", "JAM", "BRB", "TTO", "COL", "ARG", "CUB"] {
            let (x, y) = layout.centroid(code).unwrap();
            assert_eq!(layout.hit(x, y).as_deref(), Some(code), "{code} at {w}×{h}");
        }
        for code in layout.marker_codes() {
            let m = layout.marker(code).unwrap();
            assert_eq!(
                layout.hit(m.x, m.y).as_deref(),
                Some(code),
                "marker of {code} at {w}×{h}"
            );
        }
        // The sea and the title are not countries.
        assert_eq!(layout.hit(2.0, 2.0), None);
        let (sea_x, sea_y) = layout.map.projection.project(-100.0, -5.0);
        assert_eq!(layout.hit(sea_x, sea_y), None);
    }
}

#[test]
fn small_island_states_get_markers() {
    let atlas = atlas();
    let layout = MapLayout::new(&atlas, 640.0, 600.0);
    let markers = layout.marker_codes();
    for code in ["BRB", "GRD", "LCA", "VCT", "ATG", "KNA", "DMA"] {
        assert!(markers.contains(&code), "{code} has no marker: {markers:?}");
    }
    for code in ["BRA", "MEX", "CUB", "COL", "HTI", "DOM"] {
        assert!(
            !markers.contains(&code),
            "{code} should be drawn as a shape"
        );
    }
    // Markers do not overlap, so each can be clicked.
    for (i, a) in markers.iter().enumerate() {
        for b in &markers[i + 1..] {
            let (ma, mb) = (layout.marker(a).unwrap(), layout.marker(b).unwrap());
            assert!(
                (ma.x - mb.x).hypot(ma.y - mb.y) >= ma.r + mb.r,
                "{a} and {b} overlap"
            );
        }
    }
    // The preferred height gives the legend room in the map's empty corner.
    let h = mirador::chart::map::preferred_height(&atlas, 640.0);
    assert!((600.0..760.0).contains(&h), "{h}");
    let fitted = MapLayout::new(&atlas, 640.0, h);
    assert!(
        fitted.legend.x1 < fitted.map.projection.project(-80.0, 0.0).0,
        "{:?}",
        fitted.legend
    );
    // Bigger maps need fewer markers.
    let big = MapLayout::new(&atlas, 1600.0, 1500.0);
    assert!(big.marker_codes().len() < markers.len());
    assert!(big.marker_codes().contains(&"BRB"));
}

#[test]
fn svg_text_is_escaped() {
    let atlas = atlas();
    let mut s = counts();
    s.title = "<script>alert(1)</script> & co".into();
    let svg = render_svg(&atlas, &s, 400, 300).unwrap();
    assert!(!svg.contains("<script>"), "{svg}");
    assert!(svg.contains("&lt;script&gt;"));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 48, ..Default::default() })]
    /// Any values, any size: drawing never panics (a panic aborts the WebAssembly app).
    #[test]
    fn drawing_never_panics(
        values in proptest::collection::vec(proptest::option::of(proptest::num::f64::ANY), 0..60),
        w in 1u32..1600,
        h in 1u32..1600,
        format in 0usize..4,
        selected in proptest::collection::vec(proptest::bool::ANY, 60),
        hover in 0usize..60,
        scale in 0.5f64..3.0,
    ) {
        let atlas = atlas();
        let codes: Vec<String> = atlas.countries().iter().map(|c| c.code.clone()).chain(["USA".into(), "".into(), "ZZZ".into()]).collect();
        fn custom(v: f64) -> String { format!("{v:e}") }
        let format = [ValueFormat::Count, ValueFormat::Usd, ValueFormat::Percent, ValueFormat::Custom(custom)][format];
        let series = MapSeries {
            title: "T ".repeat(80),
            values: values.iter().enumerate().map(|(i, v)| (codes[i % codes.len()].clone(), *v)).collect(),
            selected: codes.iter().zip(&selected).filter(|(_, s)| **s).map(|(c, _)| c.clone()).collect(),
            legend_title: "Legend ".repeat(20),
            format,
            no_data_label: String::new(),
            note: Some("note ".repeat(60)),
        };
        render_svg(&atlas, &series, w, h).unwrap();
        let mut out = String::new();
        {
            use plotters::prelude::*;
            let area = SVGBackend::with_string(&mut out, (w, h)).into_drawing_area();
            mirador::chart::map::draw(&area, &atlas, &series, scale, codes.get(hover).map(String::as_str)).unwrap();
        }
        let layout = MapLayout::new(&atlas, w as f64 / scale, h as f64 / scale);
        let _ = layout.hit(w as f64 / 2.0, h as f64 / 2.0);
        let _ = series.classes();
    }
}
