//! The `mirador` command line: good runs, bad data and bad arguments (clear message, non-zero exit).

use std::process::Command;

fn mirador(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_mirador"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn tmp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("mirador-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

#[test]
fn validate_reports_what_loads_and_what_does_not() {
    let (code, out, _) = mirador(&["validate", "tests/fixtures/interventions.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("9 records, 9 loaded, 0 rejected"), "{out}");

    let bad = tmp("bad.json");
    std::fs::write(
        &bad,
        r#"[{"id":"a","name":"A","country":"BRA"},{"id":"b","name":"B","country":"Brasil"}]"#,
    )
    .unwrap();
    let (code, out, err) = mirador(&["validate", bad.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(out.contains("2 records, 1 loaded, 1 rejected"), "{out}");
    assert!(
        out.contains("record 2 (id \"b\"), field `country`"),
        "{out}"
    );
    assert!(err.contains("1 records rejected"), "{err}");

    std::fs::write(&bad, "not json").unwrap();
    let (code, _, err) = mirador(&["validate", bad.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("not valid JSON at line 1"), "{err}");

    let (code, out, _) = mirador(&["validate", "--events", "data/events.json"]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn render_writes_the_same_svg_as_the_snapshot_code() {
    let out = tmp("country.svg");
    let (code, _, err) = mirador(&[
        "render",
        "--chart",
        "country",
        "--data",
        "tests/fixtures/interventions.json",
        "--out",
        out.to_str().unwrap(),
        "--width",
        "480",
        "--height",
        "300",
        "--bare",
    ]);
    assert_eq!(code, 0, "{err}");
    let svg = std::fs::read_to_string(&out).unwrap();
    assert_eq!(
        svg,
        std::fs::read_to_string("tests/snapshots/country-all.svg").unwrap()
    );
}

#[test]
fn bad_arguments_fail_clearly() {
    for (args, needle) in [
        (vec![], "no command given"),
        (vec!["frobnicate"], "unknown command `frobnicate`"),
        (vec!["validate"], "validate needs a FILE"),
        (
            vec!["render", "--chart", "pie", "--out", "x.svg"],
            "unknown chart `pie`",
        ),
        (vec!["render", "--chart", "country"], "render needs --out"),
        (
            vec!["render", "--chart", "country", "--out", "x.gif"],
            "--format svg|png",
        ),
        (
            vec![
                "render", "--chart", "country", "--out", "x.svg", "--format", "pdf",
            ],
            "unknown format `pdf`",
        ),
        (
            vec![
                "render", "--chart", "country", "--out", "x.png", "--scale", "9",
            ],
            "not a scale",
        ),
        (vec!["export"], "export needs --format"),
        (vec!["export", "--format", "xlsx"], "unknown format `xlsx`"),
        (vec!["query", "--bogus"], "unexpected argument `--bogus`"),
        (
            vec![
                "render", "--chart", "country", "--out", "x.svg", "--width", "abc",
            ],
            "`abc` is not a size",
        ),
        (vec!["render", "--chart"], "--chart needs a value"),
    ] {
        let (code, _, err) = mirador(&args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(
            err.contains(needle) && err.contains("usage:"),
            "{args:?}: {err}"
        );
    }
    let (code, _, err) = mirador(&["validate", "/no/such/file.json"]);
    assert_eq!(code, 1);
    assert!(err.contains("cannot read /no/such/file.json"), "{err}");
}

const FIXTURE: &str = "tests/fixtures/interventions.json";

#[test]
fn render_png_is_a_2x_image() {
    let out = tmp("effect.png");
    let (code, _, err) = mirador(&[
        "render",
        "--chart",
        "effect",
        "--data",
        FIXTURE,
        "--state",
        "country=BRA",
        "--out",
        out.to_str().unwrap(),
        "--width",
        "400",
        "--height",
        "250",
        "--bare",
    ]);
    assert_eq!(code, 0, "{err}");
    let png = std::fs::read(&out).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let (w, h) = (
        u32::from_be_bytes(png[16..20].try_into().unwrap()),
        u32::from_be_bytes(png[20..24].try_into().unwrap()),
    );
    assert_eq!((w, h), (800, 500));
    // The same state twice gives the same bytes (bundled font, no machine dependence).
    let again = tmp("effect2.png");
    mirador(&[
        "render",
        "--chart",
        "effect",
        "--data",
        FIXTURE,
        "--state",
        "country=BRA",
        "--out",
        again.to_str().unwrap(),
        "--width",
        "400",
        "--height",
        "250",
        "--bare",
    ]);
    assert_eq!(png, std::fs::read(&again).unwrap());
}

#[test]
fn render_follows_the_state() {
    let all = tmp("all.svg");
    let bra = tmp("bra.svg");
    mirador(&[
        "render",
        "--chart",
        "focus",
        "--data",
        FIXTURE,
        "--out",
        all.to_str().unwrap(),
        "--width",
        "480",
        "--height",
        "300",
        "--bare",
    ]);
    let (code, _, _) = mirador(&[
        "render",
        "--chart",
        "focus",
        "--data",
        FIXTURE,
        "--state",
        "country=BRA",
        "--out",
        bra.to_str().unwrap(),
        "--width",
        "480",
        "--height",
        "300",
        "--bare",
    ]);
    assert_eq!(code, 0);
    assert_eq!(
        std::fs::read_to_string(&all).unwrap(),
        std::fs::read_to_string("tests/snapshots/focus-all.svg").unwrap()
    );
    assert_eq!(
        std::fs::read_to_string(&bra).unwrap(),
        std::fs::read_to_string("tests/snapshots/focus-brazil.svg").unwrap()
    );
}

#[test]
fn query_prints_the_dashboard_numbers() {
    let (code, out, err) = mirador(&[
        "query",
        "--data",
        FIXTURE,
        "--state",
        "country=BRA&focus=policing&utm_source=x",
        "--facets",
        "--json",
        "--lenient",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("ignored in --state: utm_source=x: unknown setting"),
        "{err}"
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["total"], 9);
    assert_eq!(v["matching"], 1);
    // Each facet ignores its own filter: country counts see the policing filter only.
    assert_eq!(v["facets"]["country"]["BRA"], 1);
    assert_eq!(v["facets"]["country"]["COL"], 1);
    assert_eq!(v["facets"]["country"]["MEX"], 1);
    // Focus counts see the country filter only: both Brazilian records.
    assert_eq!(v["facets"]["focus"]["policing"], 1);
    assert_eq!(v["facets"]["focus"]["youth"], 1);
    assert_eq!(v["facets"]["effect"]["effective"], 0);
    for key in [
        "country",
        "focus",
        "level",
        "funder",
        "evaluation",
        "effect",
    ] {
        assert!(v["facets"][key].is_object(), "facet {key} missing");
    }
}

#[test]
fn export_gives_the_matching_rows() {
    let (code, csv, _) = mirador(&[
        "export",
        "--data",
        FIXTURE,
        "--state",
        "country=COL",
        "--format",
        "csv",
    ]);
    assert_eq!(code, 0);
    assert!(csv.starts_with("\u{feff}id,name,"));
    assert_eq!(
        csv.lines().count(),
        3,
        "header + 2 Colombian records: {csv}"
    );
    let out = tmp("col.json");
    let (code, _, _) = mirador(&[
        "export",
        "--data",
        FIXTURE,
        "--state",
        "country=COL",
        "--format",
        "json",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    let (code, stdout, _) = mirador(&["validate", out.to_str().unwrap()]);
    assert_eq!(code, 0, "an export is a valid dataset: {stdout}");
    assert!(
        stdout.contains("2 records, 2 loaded, 0 rejected"),
        "{stdout}"
    );
    let (code, events, _) = mirador(&["export", "--events", "--format", "csv"]);
    assert_eq!(code, 0);
    assert!(events.starts_with("\u{feff}id,name,series,"));
}

#[test]
fn validate_json_report() {
    let bad = tmp("bad2.json");
    std::fs::write(&bad, r#"[{"id":"a","name":"A","country":"BRA"},{"id":"b","name":"B","country":"BRA","focus":["x"]}]"#).unwrap();
    let (code, out, _) = mirador(&["validate", bad.to_str().unwrap(), "--json"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["rows"], 2);
    assert_eq!(v["accepted"], 1);
    assert_eq!(v["rejected"][0]["record"], 2);
    assert_eq!(v["rejected"][0]["column"], "focus[0]");
    assert!(v["rejected"][0]["reason"]
        .as_str()
        .unwrap()
        .contains("unknown variant"));
}

/// Runs `mirador` from another directory, as a person would from anywhere.
fn mirador_in(dir: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_mirador"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn studies_export_as_csv_json_ris_and_bibtex_from_any_directory() {
    let elsewhere = std::env::temp_dir();
    let (code, all, err) = mirador_in(&elsewhere, &["export", "--studies", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let all: serde_json::Value = serde_json::from_str(&all).unwrap();
    assert_eq!(
        all["dataset"]["version"],
        mirador::model::DATASET_VERSION,
        "the export names the release it comes from"
    );
    let n = all["studies"].as_array().unwrap().len();
    assert!(n > 0, "the bundled studies export");
    // Filtered: a study matches when an intervention it evaluates matches.
    let (code, some, _) = mirador_in(
        &elsewhere,
        &[
            "export",
            "--studies",
            "--format",
            "json",
            "--state",
            "country=PER",
        ],
    );
    assert_eq!(code, 0);
    let some: serde_json::Value = serde_json::from_str(&some).unwrap();
    assert!(some["studies"].as_array().unwrap().len() < n);
    let (code, ris, _) = mirador_in(&elsewhere, &["export", "--studies", "--format", "ris"]);
    assert_eq!(code, 0);
    assert_eq!(ris.matches("TY  - ").count(), n, "one RIS record per study");
    assert_eq!(ris.matches("ER  - ").count(), n);
    let (code, bib, _) = mirador_in(&elsewhere, &["export", "--studies", "--format", "bibtex"]);
    assert_eq!(code, 0);
    assert_eq!(
        bib.matches("\n@").count() + usize::from(bib.starts_with('@')),
        n
    );
    let (code, csv, _) = mirador_in(&elsewhere, &["export", "--studies", "--format", "csv"]);
    assert_eq!(code, 0);
    assert!(csv.starts_with("\u{feff}id,title,authors,year,"), "{csv}");
    let version = format!(",Mirador {} (", mirador::model::DATASET_VERSION);
    assert_eq!(
        csv.lines().skip(1).filter(|l| l.contains(&version)).count(),
        n,
        "every row names the release"
    );
    let (code, _, err) = mirador(&["export", "--studies", "--format", "xml"]);
    assert_eq!(code, 2);
    assert!(err.contains("csv, json, ris, bibtex"), "{err}");
}

#[test]
fn studies_files_are_validated_and_used_with_own_data() {
    let studies = "tests/fixtures/studies.json";
    let (code, out, _) = mirador(&[
        "validate",
        "--studies",
        studies,
        "--data",
        "tests/fixtures/interventions.json",
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("4 records, 4 loaded, 0 rejected"), "{out}");
    let bad = tmp("bad-studies.json");
    std::fs::write(
        &bad,
        r#"[{"id":"x","title":"T","design":"experimental","doi":"doi:10/x","interventions":["s1"]},
            {"id":"y","title":"T","design":"experimental","url":"https://a.org","interventions":["nobody"]},
            {"id":"z","title":"T","design":"experimental","url":"https://a.org","interventions":["s1"],"findings":[{"outcome":"joy","direction":"improved"}]}]"#,
    )
    .unwrap();
    let (code, out, _) = mirador(&[
        "validate",
        "--studies",
        bad.to_str().unwrap(),
        "--data",
        "tests/fixtures/interventions.json",
    ]);
    assert_eq!(code, 1);
    assert!(out.contains("3 records, 0 loaded, 3 rejected"), "{out}");
    assert!(out.contains("not a DOI"), "{out}");
    assert!(
        out.contains("no intervention has the id \"nobody\""),
        "{out}"
    );
    assert!(out.contains("findings[0].outcome"), "{out}");
    // With own data and its studies, the evidence is derived from the studies.
    let (code, out, _) = mirador(&[
        "query",
        "--json",
        "--facets",
        "--data",
        "tests/fixtures/interventions.json",
        "--studies",
        studies,
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["studies"], 4);
    assert_eq!(v["facets"]["evaluation"]["experimental"], 2, "{v}");
}

#[test]
fn the_evaluation_gap_chart_renders() {
    let out = tmp("evaluation-gap.svg");
    let (code, _, err) = mirador(&[
        "render",
        "--chart",
        "evaluation-gap",
        "--out",
        out.to_str().unwrap(),
        "--state",
        "country=BRA,COL&lang=es",
    ]);
    assert_eq!(code, 0, "{err}");
    let svg = std::fs::read_to_string(out).unwrap();
    assert!(
        svg.contains("Intervenciones sin evaluación de impacto"),
        "{svg}"
    );
    assert!(svg.contains("Brasil"));
}

#[test]
fn a_pasted_link_is_read_whole_and_a_bad_setting_stops_the_command() {
    // The whole link from the browser's address bar: its first filter counts too.
    let (code, out, err) = mirador(&[
        "query",
        "--data",
        FIXTURE,
        "--json",
        "--state",
        "http://127.0.0.1:8080/?country=BRA&focus=policing#top",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["matching"], 1, "country=BRA is applied: {v}");
    let (_, again, _) = mirador(&[
        "query",
        "--data",
        FIXTURE,
        "--json",
        "--state",
        "?country=BRA&focus=policing",
    ]);
    assert_eq!(again, out);
    // A setting that cannot be used is an error that names it, not a silent full dataset.
    let (code, out, err) = mirador(&[
        "query",
        "--data",
        FIXTURE,
        "--json",
        "--state",
        "country=BRA&focus=polising",
    ]);
    assert_eq!(code, 2, "{out}");
    assert!(out.is_empty(), "nothing printed on a bad setting: {out}");
    assert!(
        err.contains("focus=polising") && err.contains("--lenient"),
        "{err}"
    );
    let (code, _, err) = mirador(&[
        "render",
        "--chart",
        "focus",
        "--out",
        tmp("x.svg").to_str().unwrap(),
        "--data",
        FIXTURE,
        "--state",
        "https://example.org/mirador/?contry=BRA",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("contry=BRA"), "{err}");
}

/// A link copied from the page names the dataset version it was made with: the command uses it
/// as it is, and says on stderr when the bundled data is another release.
#[test]
fn a_link_from_another_release_is_used_and_said() {
    use mirador::model::{DATASET_VERSION, DATASET_VERSIONS};
    let (older, _) = DATASET_VERSIONS[1];
    let (code, same, err) = mirador(&[
        "query",
        "--json",
        "--state",
        &format!("country=BRA&v={DATASET_VERSION}"),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        !err.contains("version"),
        "the link's version is this one: nothing to say: {err}"
    );
    let link = format!("https://example.org/mirador/?country=BRA&v={older}");
    let (code, out, err) = mirador(&["query", "--json", "--state", &link]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, same, "the numbers are this release's");
    assert!(
        err.contains(older) && err.contains(DATASET_VERSION),
        "{err}"
    );
    let (code, _, err) = mirador(&["query", "--state", "country=BRA&v=2026.12.4&lang=es"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("versión 2026.12.4"),
        "said in the link's language: {err}"
    );
}

#[test]
fn a_region_filters_on_the_command_line() {
    let (code, out, err) = mirador(&[
        "query",
        "--json",
        "--facets",
        "--state",
        "region=central-america",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let countries = v["facets"]["country"].as_object().unwrap();
    let central: u64 = ["BLZ", "CRI", "SLV", "GTM", "HND", "NIC", "PAN"]
        .iter()
        .map(|c| countries.get(*c).and_then(|n| n.as_u64()).unwrap_or(0))
        .sum();
    assert_eq!(v["matching"].as_u64().unwrap(), central);
    assert!(central > 0);
    let (code, _, err) = mirador(&["query", "--state", "region=atlantis"]);
    assert_eq!(code, 2);
    assert!(err.contains("region=atlantis"), "{err}");
}

#[test]
fn a_rendered_chart_carries_its_context_for_a_report() {
    let out = tmp("focus-es.svg");
    let (code, _, err) = mirador(&[
        "render",
        "--chart",
        "focus",
        "--out",
        out.to_str().unwrap(),
        "--state",
        "country=BRA&lang=es",
    ]);
    assert_eq!(code, 0, "{err}");
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(
        svg.contains("País: Brasil · ") && svg.contains(" intervenciones"),
        "{svg}"
    );
    assert!(
        svg.contains(&format!(
            "Fuente: conjunto de datos abierto Mirador {} (CC BY 4.0)",
            mirador::model::DATASET_VERSION
        )),
        "{svg}"
    );
    assert!(
        svg.contains("Intervenciones por área temática"),
        "the chart's own title"
    );
    // A chosen size, the same from anywhere.
    let slide = tmp("slide.png");
    let (code, _, _) = mirador(&[
        "render",
        "--chart",
        "country",
        "--out",
        slide.to_str().unwrap(),
        "--size",
        "slide",
    ]);
    assert_eq!(code, 0);
    let png = std::fs::read(&slide).unwrap();
    let (w, h) = (
        u32::from_be_bytes(png[16..20].try_into().unwrap()),
        u32::from_be_bytes(png[20..24].try_into().unwrap()),
    );
    assert_eq!((w, h), (1920, 1080), "a 16:9 slide at 2x");
    let (code, _, err) = mirador(&[
        "render", "--chart", "country", "--out", "x.svg", "--size", "poster",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("column, slide, square"), "{err}");
}

#[test]
fn validate_speaks_the_language_asked_for() {
    let csv = tmp("es-report.csv");
    std::fs::write(
        &csv,
        "Programa,País,Año de inicio\nUno,Brasil,ca. 2010\nDos,Narnia,2011\n",
    )
    .unwrap();
    let (code, out, _) = mirador(&["validate", csv.to_str().unwrap(), "--lang", "es"]);
    assert_eq!(code, 1, "a rejected row fails validation");
    assert!(out.contains("2 filas: 1 cargada, 1 rechazada"), "{out}");
    assert!(
        out.contains("línea 3, columna \"País\" (country): \"Narnia\" no es un código de país"),
        "{out}"
    );
    assert!(out.contains("\"ca. 2010\" es aproximado"), "{out}");
    let (_, pt, _) = mirador(&["validate", csv.to_str().unwrap(), "--lang", "pt"]);
    assert!(pt.contains("\"Narnia\" não é um código de país"), "{pt}");
    let (en_code, en, _) = mirador(&["validate", csv.to_str().unwrap()]);
    assert_eq!(en_code, 1);
    assert!(en.contains("\"Narnia\" is not a country code"), "{en}");
    let (code, _, err) = mirador(&["validate", csv.to_str().unwrap(), "--lang", "fr"]);
    assert_eq!(code, 2);
    assert!(err.contains("`fr` is not a language"), "{err}");
}
