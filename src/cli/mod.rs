//! The `mirador` command line: the same core as the dashboard, no browser.
//!
//! - `render`: the chart a person would see for a state, as SVG or PNG.
//! - `query`: the dashboard's numbers (total, matching, every facet's counts) as JSON or text.
//! - `export`: the matching interventions (or the events) as CSV or JSON.
//! - `validate`: what a dataset file loads and what it rejects, and why.
//!
//! `--state` takes exactly the web app's query string, so a copied link renders in a script.
//! Errors go to stderr with a non-zero exit code: 2 for bad arguments, 1 for bad data or I/O.

mod png;

use mirador::aggregate::studies::StudySet;
use mirador::aggregate::views::chart_data;
use mirador::aggregate::views::SharedStudies;
use mirador::aggregate::ChartKind;
use mirador::chart::frame::{ExportContext, ExportSize};
use mirador::chart::{preferred_height_of, render_data_svg};
use mirador::engine::Index;
use mirador::evidence::Study;
use mirador::export::{self, Origin};
use mirador::i18n::Lang;
use mirador::model::{Event, Intervention};
use mirador::parse::{parse_events, parse_interventions, parse_studies, LoadReport};
use mirador::selection::Facet;
use mirador::url_state::{filter_summary, parse_query, UrlState};
use serde_json::{json, Map, Value};
use std::collections::HashSet;

const USAGE: &str = "usage:
  mirador render --chart country|focus|effect|budget|timeline|gap|compare|events|map|events-map|evaluation-gap
                 --out FILE.svg|FILE.png [--format svg|png]
                 [--state QUERY] [--data FILE] [--studies FILE] [--size column|slide|square]
                 [--width W] [--height H] [--scale S] [--bare]
  mirador query  [--state QUERY] [--data FILE] [--studies FILE] [--facets] [--json]
  mirador export [--state QUERY] [--data FILE] [--studies FILE] --format csv|json [--events] [--out FILE]
  mirador export --studies [FILE] [--state QUERY] [--data FILE] --format csv|json|ris|bibtex [--out FILE]
  mirador validate FILE.json|FILE.csv [--events | --studies] [--json] [--lang en|es|pt]
  mirador --version

QUERY is the dashboard's query string, e.g. 'country=BRA,COL&focus=youth&year=2005..', or a
whole link copied from the dashboard. A setting it cannot use stops the command (exit 2) and is
named, unless --lenient is given.
Without --data the bundled dataset (interventions, studies, events) built into this program is
used, from any directory. With --data, studies come only from --studies FILE. A study matches
the filters when an intervention it evaluates matches.";

/// The bundled dataset, built into the program so that it works from any directory.
const BUNDLED: (&str, &str) = (
    "bundled interventions.json",
    include_str!("../../data/interventions.json"),
);
const BUNDLED_STUDIES: (&str, &str) = (
    "bundled studies.json",
    include_str!("../../data/studies.json"),
);
const BUNDLED_EVENTS: (&str, &str) = (
    "bundled events.json",
    include_str!("../../data/events.json"),
);
const BUNDLED_ATLAS: &str = include_str!("../../data/geo/lac.json");

/// Runs the command line and returns the process exit code.
pub fn run(args: Vec<String>) -> i32 {
    let result = match args.first().map(String::as_str) {
        Some("render") => Args::parse(&args[1..]).and_then(render),
        Some("query") => Args::parse(&args[1..]).and_then(query),
        Some("export") => Args::parse(&args[1..]).and_then(export_cmd),
        Some("validate") => Args::parse(&args[1..]).and_then(validate),
        Some("-V" | "--version" | "version") => {
            println!(
                "mirador {} · bundled dataset {}",
                env!("CARGO_PKG_VERSION"),
                Origin::Bundled.label()
            );
            Ok(())
        }
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

/// The options every command understands; each command checks the ones it needs.
#[derive(Default)]
struct Args {
    file: Option<String>,
    chart: Option<String>,
    out: Option<String>,
    format: Option<String>,
    state: Option<String>,
    data: Option<String>,
    width: Option<u32>,
    height: Option<u32>,
    scale: Option<u32>,
    facets: bool,
    json: bool,
    events: bool,
    /// Ignore (and report) `--state` settings that cannot be used instead of failing.
    lenient: bool,
    /// `render`: the chart alone, without the context under it.
    bare: bool,
    /// `render`: column, slide or square.
    size: Option<String>,
    /// `--studies`: with a file, where the studies come from; alone, export or validate studies.
    studies: bool,
    studies_file: Option<String>,
    /// `validate`: the language of the text report (en, es, pt).
    lang: Option<mirador::i18n::Lang>,
}

impl Args {
    fn parse(args: &[String]) -> Result<Args, Failure> {
        let mut a = Args::default();
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            let mut value = |name: &str| {
                it.next()
                    .cloned()
                    .ok_or_else(|| Failure::Usage(format!("{name} needs a value")))
            };
            match arg.as_str() {
                "--chart" => a.chart = Some(value("--chart")?),
                "--out" => a.out = Some(value("--out")?),
                "--format" => a.format = Some(value("--format")?),
                "--state" => a.state = Some(value("--state")?),
                "--data" => a.data = Some(value("--data")?),
                "--width" => a.width = Some(size(&value("--width")?)?),
                "--height" => a.height = Some(size(&value("--height")?)?),
                "--scale" => {
                    let v = value("--scale")?;
                    a.scale = Some(v.parse().ok().filter(|s| (1..=4).contains(s)).ok_or_else(
                        || Failure::Usage(format!("`{v}` is not a scale from 1 to 4")),
                    )?)
                }
                "--facets" => a.facets = true,
                "--json" => a.json = true,
                "--events" => a.events = true,
                "--lenient" => a.lenient = true,
                "--bare" => a.bare = true,
                "--size" => a.size = Some(value("--size")?),
                "--lang" => {
                    let v = value("--lang")?;
                    a.lang = Some(mirador::i18n::Lang::from_code(&v).ok_or_else(|| {
                        Failure::Usage(format!("`{v}` is not a language: use en, es or pt"))
                    })?)
                }
                "--studies" => {
                    a.studies = true;
                    // An optional file: the next argument when it is not an option.
                    if let Some(next) = it.clone().next() {
                        if !next.starts_with("--") {
                            a.studies_file = it.next().cloned();
                        }
                    }
                }
                f if !f.starts_with("--") && a.file.is_none() => a.file = Some(f.to_owned()),
                other => return Err(Failure::Usage(format!("unexpected argument `{other}`"))),
            }
        }
        Ok(a)
    }

    /// Whose data the output holds: the bundled release, or the `--data` (or `--studies`) file.
    fn origin(&self) -> Origin<'_> {
        let path = if self.studies {
            self.studies_file.as_deref().or(self.data.as_deref())
        } else {
            self.data.as_deref()
        };
        match path {
            Some(p) => Origin::File(
                std::path::Path::new(p)
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or(p),
            ),
            None => Origin::Bundled,
        }
    }

    /// The state from `--state`: a query string, or a whole link pasted from the browser (its
    /// query is used). A setting it cannot use is an error (exit 2) that names it, unless
    /// `--lenient` is given, when it is only reported on stderr, as the web app shows it.
    fn url_state(&self) -> Result<UrlState, Failure> {
        let (state, notices) = parse_query(query_part(self.state.as_deref().unwrap_or("")));
        // A link made with another release of the bundled data: the numbers printed or drawn are
        // this release's, which is said, as the web page says it.
        if let (Some(v), Origin::Bundled) = (&state.version, self.origin()) {
            if v != mirador::model::DATASET_VERSION {
                eprintln!(
                    "mirador: {}",
                    mirador::i18n::version_notice(self.lang.unwrap_or(state.lang), v)
                );
            }
        }
        if notices.is_empty() {
            return Ok(state);
        }
        let list: Vec<String> = notices.iter().map(ToString::to_string).collect();
        if self.lenient {
            for n in &list {
                eprintln!("mirador: ignored in --state: {n}");
            }
            Ok(state)
        } else {
            Err(Failure::Usage(format!(
                "--state has settings that cannot be used (add --lenient to ignore them):\n  {}",
                list.join("\n  ")
            )))
        }
    }
}

/// The query of a pasted link (`https://host/path/?a=b#frag` → `a=b`), or the text itself when
/// it is already a query string (a leading `?` is dropped).
fn query_part(state: &str) -> &str {
    let state = state.trim();
    let state = state.split('#').next().unwrap_or("");
    match state.split_once('?') {
        Some((_, query)) => query,
        None if state.contains("://") => "",
        None => state,
    }
}

fn size(s: &str) -> Result<u32, Failure> {
    match s.parse::<u32>() {
        Ok(v) if (50..=10_000).contains(&v) => Ok(v),
        _ => Err(Failure::Usage(format!(
            "`{s}` is not a size between 50 and 10000 pixels"
        ))),
    }
}

fn read(path: &str) -> Result<String, Failure> {
    std::fs::read_to_string(path).map_err(|e| Failure::Data(format!("cannot read {path}: {e}")))
}

/// Today's date (UTC) as YYYY-MM-DD, for the credit under an exported chart.
fn today() -> String {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400) as i64;
    // Howard Hinnant's days-to-civil.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// A file's name and text: the named file, or the bundled one.
fn text_of(path: Option<&str>, bundled: (&str, &str)) -> Result<(String, String), Failure> {
    match path {
        Some(p) => Ok((p.to_owned(), read(p)?)),
        None => Ok((bundled.0.to_owned(), bundled.1.to_owned())),
    }
}

fn load<T>(
    (path, text): (String, String),
    parse: impl Fn(&str) -> Result<LoadReport<T>, mirador::parse::LoadError>,
) -> Result<Vec<T>, Failure> {
    let report = parse(&text).map_err(|e| Failure::Data(format!("{path}: {e}")))?;
    if !report.rejected.is_empty() {
        eprintln!(
            "mirador: {path}: {} records rejected (see `mirador validate {path}`)",
            report.rejected.len()
        );
    }
    Ok(report.records)
}

/// The interventions and their studies, with each intervention's evidence derived from its
/// studies (`evidence::apply`).
fn dataset(a: &Args) -> Result<(Index, StudySet), Failure> {
    let mut records = load(text_of(a.data.as_deref(), BUNDLED)?, parse_interventions)?;
    let studies_text = match (&a.studies_file, &a.data) {
        (Some(f), _) => Some(text_of(Some(f), BUNDLED_STUDIES)?),
        (None, None) => Some(text_of(None, BUNDLED_STUDIES)?),
        (None, Some(_)) => None,
    };
    let studies = match studies_text {
        Some(t) => {
            let ids: HashSet<&str> = records.iter().map(|r| r.id.as_str()).collect();
            load(t, |text| parse_studies(text, &ids))?
        }
        None => Vec::new(),
    };
    mirador::evidence::apply(&mut records, &studies);
    let index = Index::new(records);
    let set = StudySet::new(&index, studies);
    Ok((index, set))
}

fn bundled_events() -> Result<Vec<Event>, Failure> {
    load(text_of(None, BUNDLED_EVENTS)?, parse_events)
}

fn write_out(out: Option<&str>, bytes: &[u8]) -> Result<(), Failure> {
    use std::io::Write;
    match out {
        Some(path) => std::fs::write(path, bytes)
            .map_err(|e| Failure::Data(format!("cannot write {path}: {e}"))),
        None => std::io::stdout()
            .write_all(bytes)
            .map_err(|e| Failure::Data(format!("cannot write to stdout: {e}"))),
    }
}

fn render(a: Args) -> Result<(), Failure> {
    let chart = a
        .chart
        .as_deref()
        .ok_or_else(|| Failure::Usage("render needs --chart".into()))?;
    let kind = ChartKind::from_key(chart)
        .ok_or_else(|| Failure::Usage(format!("unknown chart `{chart}` (country, focus, effect, budget, timeline, gap, compare, events, map, events-map, evaluation-gap)")))?;
    let out = a
        .out
        .as_deref()
        .ok_or_else(|| Failure::Usage("render needs --out FILE.svg or FILE.png".into()))?;
    let format = match (a.format.as_deref(), out.rsplit('.').next()) {
        (Some(f @ ("svg" | "png")), _) => f,
        (Some(f), _) => return Err(Failure::Usage(format!("unknown format `{f}` (svg, png)"))),
        (None, Some(ext @ ("svg" | "png"))) => ext,
        (None, _) => {
            return Err(Failure::Usage(
                "say --format svg|png or end --out with .svg or .png".into(),
            ))
        }
    };
    let state = a.url_state()?;
    let (index, studies) = dataset(&a)?;
    let sel = &state.dashboard.selection;
    let result = index.evaluate(sel);
    let events: Vec<Event> = if matches!(
        kind,
        ChartKind::Timeline | ChartKind::Events | ChartKind::EventsMap
    ) {
        bundled_events()?
    } else {
        Vec::new()
    };
    let mut options = state.view_options();
    options.studies = Some(SharedStudies(std::sync::Arc::new(studies)));
    if matches!(kind, ChartKind::Map | ChartKind::EventsMap) {
        let atlas = mirador::geo::Atlas::from_json(BUNDLED_ATLAS)
            .map_err(|e| Failure::Data(format!("bundled atlas: {e}")))?;
        options.atlas = Some(mirador::aggregate::views::SharedAtlas(std::sync::Arc::new(
            atlas,
        )));
    }
    let d = chart_data(&index, &result, sel, &events, &options, kind, state.lang);
    // Framed for a report (title, filters and count, source, version, licence, date) unless
    // --bare; the size is a preset (--size) or --width/--height.
    let context = (!a.bare).then(|| {
        let (filters, credit) = mirador::i18n::export_context(
            state.lang,
            &filter_summary(&state.dashboard, state.lang),
            result.matching_count(),
            result.total,
            a.data.as_deref(),
            &today(),
        );
        ExportContext { filters, credit }
    });
    let size = match a.size.as_deref() {
        None => ExportSize::Column,
        Some(s) => ExportSize::from_key(s)
            .ok_or_else(|| Failure::Usage(format!("unknown size `{s}` (column, slide, square)")))?,
    };
    let (width, height) = match (a.width, &context) {
        (Some(w), c) => {
            let extra = c
                .as_ref()
                .map_or(0.0, |c| mirador::chart::frame::context_height(c, w as f64));
            (
                w,
                a.height
                    .unwrap_or_else(|| (preferred_height_of(&d, w as f64) + extra).round() as u32),
            )
        }
        (None, Some(c)) => size.dimensions(&d, c),
        (None, None) => (640, preferred_height_of(&d, 640.0).round() as u32),
    };
    let bytes = match (format, &context) {
        ("svg", Some(c)) => {
            let mut out = String::new();
            {
                let backend = plotters::prelude::SVGBackend::with_string(&mut out, (width, height));
                use plotters::prelude::IntoDrawingArea;
                mirador::chart::frame::draw_framed(&backend.into_drawing_area(), &d, c, 1.0)
                    .map_err(Failure::Data)?;
            }
            out.into_bytes()
        }
        ("svg", None) => render_data_svg(&d, width, height)
            .map_err(Failure::Data)?
            .into_bytes(),
        _ => png::render_png(&d, context.as_ref(), width, height, a.scale.unwrap_or(2))
            .map_err(Failure::Data)?,
    };
    write_out(Some(out), &bytes)
}

fn query(a: Args) -> Result<(), Failure> {
    let state = a.url_state()?;
    let (index, studies) = dataset(&a)?;
    let result = index.evaluate(&state.dashboard.selection);
    let matching_studies = studies.matching(&result).len();
    let mut facets = Map::new();
    for f in Facet::ALL {
        let counts: Map<String, Value> = index
            .facet_keys(f)
            .iter()
            .zip(&result.facet_counts[f.index()])
            .map(|(k, c)| (k.clone(), json!(c)))
            .collect();
        facets.insert(f.key().to_owned(), Value::Object(counts));
    }
    if a.json {
        let mut out = json!({
            "dataset": a.origin().json(),
            "total": result.total,
            "matching": result.matching_count(),
            "studies": studies.len(),
            "matching_studies": matching_studies,
        });
        if a.facets {
            out["facets"] = Value::Object(facets);
        }
        println!("{out}");
    } else {
        println!("Data: {}", a.origin().label());
        println!(
            "{}",
            mirador::i18n::matching_line(Lang::En, result.matching_count(), result.total)
        );
        println!("{}", filter_summary(&state.dashboard, Lang::En));
        println!(
            "{} of {} studies evaluate a matching intervention",
            matching_studies,
            studies.len()
        );
        if a.facets {
            for (name, counts) in facets {
                let list: Vec<String> = counts
                    .as_object()
                    .into_iter()
                    .flatten()
                    .map(|(k, v)| format!("{k} {v}"))
                    .collect();
                println!("{name}: {}", list.join(", "));
            }
        }
    }
    Ok(())
}

fn export_cmd(a: Args) -> Result<(), Failure> {
    let format = a.format.as_deref().ok_or_else(|| {
        Failure::Usage("export needs --format csv|json (studies: also ris|bibtex)".into())
    })?;
    if a.studies {
        if a.events {
            return Err(Failure::Usage("export either --studies or --events".into()));
        }
        if !matches!(format, "csv" | "json" | "ris" | "bibtex") {
            return Err(Failure::Usage(format!(
                "unknown format `{format}` (csv, json, ris, bibtex)"
            )));
        }
        let state = a.url_state()?;
        let (index, set) = dataset(&a)?;
        let result = index.evaluate(&state.dashboard.selection);
        let rows: Vec<&Study> = set
            .matching(&result)
            .into_iter()
            .map(|s| &set.studies[s])
            .collect();
        let text = match format {
            "csv" => export::studies_csv(rows.iter().copied(), a.origin()),
            "json" => export::to_json("studies", &rows, a.origin()),
            "ris" => mirador::evidence::cite::ris(&rows),
            _ => mirador::evidence::cite::bibtex(&rows),
        };
        return write_out(a.out.as_deref(), text.as_bytes());
    }
    if !matches!(format, "csv" | "json") {
        return Err(Failure::Usage(format!(
            "unknown format `{format}` (csv, json)"
        )));
    }
    let text = if a.events {
        let events: Vec<Event> = load(text_of(a.data.as_deref(), BUNDLED_EVENTS)?, parse_events)?;
        if format == "csv" {
            export::events_csv(&events, a.origin())
        } else {
            export::to_json("events", &events, a.origin())
        }
    } else {
        let state = a.url_state()?;
        let (index, _) = dataset(&a)?;
        let result = index.evaluate(&state.dashboard.selection);
        let rows: Vec<std::borrow::Cow<Intervention>> =
            result.matching.iter().map(|i| index.record(i)).collect();
        if format == "csv" {
            export::interventions_csv(rows.iter().map(|r| r.as_ref()), a.origin())
        } else {
            export::to_json("interventions", &rows, a.origin())
        }
    };
    write_out(a.out.as_deref(), text.as_bytes())
}

fn validate(a: Args) -> Result<(), Failure> {
    let file = a
        .file
        .as_deref()
        .or(a.studies_file.as_deref())
        .ok_or_else(|| Failure::Usage("validate needs a FILE".into()))?;
    // CSV (and other spreadsheet text) goes through the importer; JSON datasets load as before.
    let bytes =
        std::fs::read(file).map_err(|e| Failure::Data(format!("cannot read {file}: {e}")))?;
    let lower = file.to_ascii_lowercase();
    let first = bytes
        .iter()
        .copied()
        .find(|b| !b.is_ascii_whitespace() && !matches!(b, 0xEF | 0xBB | 0xBF));
    let is_json = lower.ends_with(".json")
        || (!lower.ends_with(".csv")
            && !lower.ends_with(".tsv")
            && !lower.ends_with(".txt")
            && matches!(first, Some(b'[' | b'{')));
    if !is_json {
        if a.events {
            return Err(Failure::Usage(
                "CSV import is for interventions; validate events as JSON".into(),
            ));
        }
        let import = mirador::import::read(&bytes, file)
            .map_err(|e| Failure::Data(format!("{file}: {e}")))?;
        let loaded = import.apply(&import.mapping);
        let report = &loaded.report;
        if a.json {
            println!("{}", report.to_json());
        } else {
            let columns: Vec<String> = import
                .headers
                .iter()
                .zip(&import.mapping.columns)
                .enumerate()
                .map(|(j, (_, f))| {
                    format!(
                        "{} → {}",
                        import.column_name(j),
                        f.map_or("(ignored)", |f| f.key())
                    )
                })
                .collect();
            let delimiter = match import.delimiter {
                Some(b'\t') => "tab".to_owned(),
                Some(d) => format!("\"{}\"", d as char),
                None => "none".to_owned(),
            };
            println!(
                "{file}: {}, delimiter {delimiter}, header on line {}",
                import.encoding.label(),
                import.header_line
            );
            println!("columns: {}", columns.join(", "));
            print!("{}", report.to_text_in(a.lang.unwrap_or_default()));
        }
        return if report.rejected.is_empty() {
            Ok(())
        } else {
            Err(Failure::Data(format!(
                "{} rows rejected",
                report.rejected.len()
            )))
        };
    }
    let text =
        String::from_utf8(bytes).map_err(|e| Failure::Data(format!("cannot read {file}: {e}")))?;
    let (total, loaded, rejected) = if a.studies {
        // Studies are checked against the interventions they name: --data, else the bundled.
        let records = load(text_of(a.data.as_deref(), BUNDLED)?, parse_interventions)?;
        let ids: HashSet<&str> = records.iter().map(|r| r.id.as_str()).collect();
        let r = parse_studies(&text, &ids).map_err(|e| Failure::Data(format!("{file}: {e}")))?;
        (r.total(), r.records.len(), r.rejected)
    } else if a.events {
        let r = parse_events(&text).map_err(|e| Failure::Data(format!("{file}: {e}")))?;
        (r.total(), r.records.len(), r.rejected)
    } else {
        let r = parse_interventions(&text).map_err(|e| Failure::Data(format!("{file}: {e}")))?;
        (r.total(), r.records.len(), r.rejected)
    };
    if a.json {
        let rejected: Vec<Value> = rejected
            .iter()
            .map(|r| json!({ "line": Value::Null, "record": r.index + 1, "id": r.id, "column": r.field, "reason": r.reason }))
            .collect();
        println!(
            "{}",
            json!({ "rows": total, "accepted": loaded, "rejected": rejected, "warnings": [] })
        );
    } else {
        println!(
            "{file}: {total} records, {loaded} loaded, {} rejected",
            rejected.len()
        );
        for r in &rejected {
            println!("  {r}");
        }
    }
    if rejected.is_empty() {
        Ok(())
    } else {
        Err(Failure::Data(format!(
            "{} records rejected",
            rejected.len()
        )))
    }
}
