//! The `mirador` command line: the same core as the dashboard, no browser.
//!
//! Commands so far:
//! - `mirador validate FILE [--events]`: what loads and what does not, one line per rejected record.
//! - `mirador render --chart NAME --out FILE.svg [--data FILE] [--width W --height H]`: a chart of
//!   the whole dataset as SVG, drawn by the same code as the canvas.
//!
//! Errors go to stderr with a non-zero exit code: 2 for bad arguments, 1 for bad data or I/O.

use mirador::aggregate::{series, ChartKind};
use mirador::chart::render_svg;
use mirador::engine::Index;
use mirador::i18n::Lang;
use mirador::parse::{parse_events, parse_interventions};
use mirador::selection::Selection;

const USAGE: &str = "usage:
  mirador validate FILE [--events]
  mirador render --chart country|focus|effect|budget --out FILE.svg [--data FILE] [--width W] [--height H]";

const BUNDLED: &str = "data/interventions.json";

/// Runs the command line and returns the process exit code.
pub fn run(args: Vec<String>) -> i32 {
    let result = match args.first().map(String::as_str) {
        Some("validate") => validate(&args[1..]),
        Some("render") => render(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(Failure::Usage(format!("unknown command `{other}`"))),
        None => Err(Failure::Usage("no command given".into())),
    };
    match result {
        Ok(()) => 0,
        Err(Failure::Usage(msg)) => {
            eprintln!("mirador: {msg}\n{USAGE}");
            2
        }
        Err(Failure::Data(msg)) => {
            eprintln!("mirador: {msg}");
            1
        }
    }
}

enum Failure {
    Usage(String),
    Data(String),
}

fn read(path: &str) -> Result<String, Failure> {
    std::fs::read_to_string(path).map_err(|e| Failure::Data(format!("cannot read {path}: {e}")))
}

fn validate(args: &[String]) -> Result<(), Failure> {
    let mut file = None;
    let mut events = false;
    for a in args {
        match a.as_str() {
            "--events" => events = true,
            f if !f.starts_with("--") && file.is_none() => file = Some(f.to_owned()),
            other => return Err(Failure::Usage(format!("unexpected argument `{other}`"))),
        }
    }
    let file = file.ok_or_else(|| Failure::Usage("validate needs a FILE".into()))?;
    let text = read(&file)?;
    let (total, loaded, rejected) = if events {
        let r = parse_events(&text).map_err(|e| Failure::Data(format!("{file}: {e}")))?;
        (r.total(), r.records.len(), r.rejected)
    } else {
        let r = parse_interventions(&text).map_err(|e| Failure::Data(format!("{file}: {e}")))?;
        (r.total(), r.records.len(), r.rejected)
    };
    println!("{file}: {total} records, {loaded} loaded, {} rejected", rejected.len());
    for r in &rejected {
        println!("  {r}");
    }
    if rejected.is_empty() {
        Ok(())
    } else {
        Err(Failure::Data(format!("{} records rejected", rejected.len())))
    }
}

fn render(args: &[String]) -> Result<(), Failure> {
    let mut chart = None;
    let mut out = None;
    let mut data = BUNDLED.to_owned();
    let (mut width, mut height) = (640u32, None);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| {
            it.next().cloned().ok_or_else(|| Failure::Usage(format!("{name} needs a value")))
        };
        match a.as_str() {
            "--chart" => chart = Some(value("--chart")?),
            "--out" => out = Some(value("--out")?),
            "--data" => data = value("--data")?,
            "--width" => width = parse_size(&value("--width")?)?,
            "--height" => height = Some(parse_size(&value("--height")?)?),
            other => return Err(Failure::Usage(format!("unexpected argument `{other}`"))),
        }
    }
    let chart = chart.ok_or_else(|| Failure::Usage("render needs --chart".into()))?;
    let kind = ChartKind::from_key(&chart)
        .ok_or_else(|| Failure::Usage(format!("unknown chart `{chart}` (country, focus, effect, budget)")))?;
    let out = out.ok_or_else(|| Failure::Usage("render needs --out FILE.svg".into()))?;
    if !out.ends_with(".svg") {
        return Err(Failure::Usage("only SVG output is available so far (--out FILE.svg)".into()));
    }
    let report = parse_interventions(&read(&data)?).map_err(|e| Failure::Data(format!("{data}: {e}")))?;
    let index = Index::new(report.records);
    let sel = Selection::new();
    let result = index.evaluate(&sel);
    let s = series(&index, &result, &sel, kind, Lang::En);
    let height = height.unwrap_or_else(|| mirador::chart::preferred_height(&s).round() as u32);
    let svg = render_svg(&s, width, height).map_err(Failure::Data)?;
    std::fs::write(&out, svg).map_err(|e| Failure::Data(format!("cannot write {out}: {e}")))?;
    Ok(())
}

fn parse_size(s: &str) -> Result<u32, Failure> {
    match s.parse::<u32>() {
        Ok(v) if (50..=10_000).contains(&v) => Ok(v),
        _ => Err(Failure::Usage(format!("`{s}` is not a size between 50 and 10000 pixels"))),
    }
}
