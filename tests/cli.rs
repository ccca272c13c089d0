//! The `mirador` command line: good runs, bad data and bad arguments (clear message, non-zero exit).

use std::process::Command;

fn mirador(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_mirador")).args(args).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
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
    std::fs::write(&bad, r#"[{"id":"a","name":"A","country":"BRA"},{"id":"b","name":"B","country":"Brasil"}]"#).unwrap();
    let (code, out, err) = mirador(&["validate", bad.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(out.contains("2 records, 1 loaded, 1 rejected"), "{out}");
    assert!(out.contains("record 2 (id \"b\"), field `country`"), "{out}");
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
    let (code, _, err) = mirador(&["render", "--chart", "country", "--data", "tests/fixtures/interventions.json", "--out", out.to_str().unwrap(), "--width", "480", "--height", "300"]);
    assert_eq!(code, 0, "{err}");
    let svg = std::fs::read_to_string(&out).unwrap();
    assert_eq!(svg, std::fs::read_to_string("tests/snapshots/country-all.svg").unwrap());
}

#[test]
fn bad_arguments_fail_clearly() {
    for (args, needle) in [
        (vec![], "no command given"),
        (vec!["frobnicate"], "unknown command `frobnicate`"),
        (vec!["validate"], "validate needs a FILE"),
        (vec!["render", "--chart", "pie", "--out", "x.svg"], "unknown chart `pie`"),
        (vec!["render", "--chart", "country"], "render needs --out"),
        (vec!["render", "--chart", "country", "--out", "x.svg", "--width", "abc"], "`abc` is not a size"),
        (vec!["render", "--chart"], "--chart needs a value"),
    ] {
        let (code, _, err) = mirador(&args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.contains(needle) && err.contains("usage:"), "{args:?}: {err}");
    }
    let (code, _, err) = mirador(&["validate", "/no/such/file.json"]);
    assert_eq!(code, 1);
    assert!(err.contains("cannot read /no/such/file.json"), "{err}");
}
