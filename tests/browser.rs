//! End-to-end tests of the built app in headless Chromium, driven through WebDriver
//! (chromedriver) the way a person uses it: click labels and bars, type, read the page.
//!
//! Needs a release build in `dist/` (`make dist`) and `/usr/bin/chromedriver`; runs only with
//! `--features browser-tests` (`make test` does both). The expected numbers are not hard-coded:
//! the test loads the same data files with the core library and asks it what the page should show,
//! so a regression in the page's wiring, not a change in the data, is what makes it fail.
//! Screenshots are written to `target/screenshots/` for a person to look at.
#![cfg(feature = "browser-tests")]

mod support;

use fantoccini::{Client, Locator};
use mirador::aggregate::{series, ChartKind};
use mirador::chart::Layout;
use mirador::engine::Index;
use mirador::i18n::{self, Lang};
use mirador::parse::parse_interventions;
use mirador::selection::{Facet, Selection};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};
use support::browser::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_person_filters_the_dashboard() {
    let dist = dist();
    let expect = Expect::load(&dist);
    let port = serve(dist.clone(), &[]);
    let driver = chromedriver();
    let c = browser(&driver).await;
    let base = format!("http://127.0.0.1:{port}/");
    c.goto(&base).await.unwrap();
    capture_console_errors(&c).await;

    // Loads the bundled data: "M of M interventions", and every chart states what it shows.
    let mut sel = Selection::new();
    wait_text(&c, "#total", &expect.total_line(&sel)).await;
    check_all_charts(&c, &expect, &sel).await;
    screenshot(&c, "01-loaded").await;

    // Every chart is drawn (not blank) and its backing store is scaled for the 2x screen.
    let report = c
        .execute(
            r#"return [...document.querySelectorAll('canvas')].map(cv => {
                const d = cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data;
                let ink = 0;
                for (let i = 0; i < d.length; i += 4) if (d[i] < 200 || d[i+1] < 200 || d[i+2] < 200) ink++;
                return { chart: cv.dataset.chart, ink, ratio: cv.width / cv.getBoundingClientRect().width,
                         role: cv.getAttribute('role') };
            });"#,
            vec![],
        )
        .await
        .unwrap();
    let canvases = report.as_array().unwrap();
    assert_eq!(canvases.len(), 4, "{report}");
    for cv in canvases {
        assert!(cv["ink"].as_u64().unwrap() > 500, "blank chart: {cv}");
        let ratio = cv["ratio"].as_f64().unwrap();
        assert!(
            (ratio - 2.0).abs() < 0.05,
            "canvas not scaled by devicePixelRatio: {cv}"
        );
        assert_eq!(cv["role"], "img");
    }

    // When the window (and so each chart's box) changes width, every chart is drawn again at
    // its new width, still scaled for the screen.
    let widths = "return [...document.querySelectorAll('canvas')].map(cv => [cv.getBoundingClientRect().width, cv.width]);";
    let before = c.execute(widths, vec![]).await.unwrap();
    let window = c.get_window_rect().await.unwrap();
    c.set_window_rect(window.0 as u32, window.1 as u32, 900, window.3 as u32)
        .await
        .unwrap();
    let start = Instant::now();
    loop {
        let now = c.execute(widths, vec![]).await.unwrap();
        let redrawn = now
            .as_array()
            .unwrap()
            .iter()
            .zip(before.as_array().unwrap())
            .all(|(n, b)| {
                let (css, px) = (n[0].as_f64().unwrap(), n[1].as_f64().unwrap());
                css != b[0].as_f64().unwrap() && (px / css - 2.0).abs() < 0.05
            });
        if redrawn {
            break;
        }
        assert!(
            start.elapsed() < TIMEOUT,
            "charts not redrawn at their new width: before {before}, now {now}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    c.set_window_rect(
        window.0 as u32,
        window.1 as u32,
        window.2 as u32,
        window.3 as u32,
    )
    .await
    .unwrap();

    // Clicking a country's label narrows the total and the other charts' counts.
    click(&c, "#facet-country input[value='COL']").await;
    sel.toggle(Facet::Country, "COL");
    wait_text(&c, "#total", &expect.total_line(&sel)).await;
    check_all_charts(&c, &expect, &sel).await;
    assert_ne!(
        expect.total_line(&sel),
        expect.total_line(&Selection::new())
    );

    // Clicking a bar adds its value (OR within the facet); the focus chart follows.
    click_bar(&c, &expect, &sel, ChartKind::Country, "Brazil").await;
    sel.toggle(Facet::Country, "BRA");
    wait_text(&c, "#total", &expect.total_line(&sel)).await;
    check_all_charts(&c, &expect, &sel).await;
    screenshot(&c, "02-colombia-brazil").await;

    // Clicking a focus bar filters across dimensions (AND).
    click_bar(&c, &expect, &sel, ChartKind::Focus, "Policing").await;
    sel.toggle(Facet::Focus, "policing");
    wait_text(&c, "#total", &expect.total_line(&sel)).await;
    check_all_charts(&c, &expect, &sel).await;

    // Clear per filter: the country filter's own button.
    click(&c, "#facet-country legend button").await;
    sel.clear_facet(Facet::Country);
    wait_text(&c, "#total", &expect.total_line(&sel)).await;

    // Clear all restores everything.
    click(&c, "#clear-all").await;
    sel.clear_all();
    wait_text(&c, "#total", &expect.total_line(&sel)).await;

    // Typing in search ignores case and accents.
    c.find(Locator::Css("#search"))
        .await
        .unwrap()
        .send_keys("MEDELLIN")
        .await
        .unwrap();
    sel.query = "MEDELLIN".into();
    let line = expect.total_line(&sel);
    assert!(
        !line.starts_with("0 of"),
        "the bundled data should have Medellín programmes"
    );
    wait_text(&c, "#total", &line).await;
    check_all_charts(&c, &expect, &sel).await;
    screenshot(&c, "03-search-medellin").await;

    // The table lists the matches; a row opens the detail panel with clickable http(s) sources.
    let rows = c
        .find_all(Locator::Css("#interventions tbody td.name a"))
        .await
        .unwrap();
    assert_eq!(
        rows.len(),
        expect.index.evaluate(&sel).matching_count().min(25)
    );
    // A record's name is a real link to its view (it opens in a new tab too).
    let href = rows[0].attr("href").await.unwrap().unwrap();
    let id = rows[0].attr("data-record").await.unwrap().unwrap();
    assert!(
        href.starts_with(&format!("http://127.0.0.1:{port}/?"))
            && href.contains(&format!("record={id}")),
        "{href}"
    );
    rows[0].click().await.unwrap();
    let detail = c
        .wait()
        .at_most(TIMEOUT)
        .for_element(Locator::Css("#detail"))
        .await
        .unwrap();
    let links = detail.find_all(Locator::Css("ol.sources a")).await.unwrap();
    assert!(!links.is_empty(), "detail panel shows no source links");
    for a in &links {
        let href = a.attr("href").await.unwrap().unwrap();
        assert!(
            href.starts_with("http://") || href.starts_with("https://"),
            "{href}"
        );
    }
    screenshot(&c, "04-detail").await;
    click(&c, "#detail-close").await;

    // Back to everything: the table pages and sorts.
    click(&c, "#clear-all").await;
    sel.clear_all();
    wait_text(&c, "#total", &expect.total_line(&sel)).await;
    let pages = expect.index.len().div_ceil(25);
    wait_text(&c, "#page-line", &format!("Page 1 of {pages}")).await;
    let next = c.find(Locator::Css("#page-next")).await.unwrap();
    next.click().await.unwrap();
    wait_text(&c, "#page-line", &format!("Page 2 of {pages}")).await;
    click(&c, "button[data-sort='budget']").await;
    wait_text(&c, "#page-line", &format!("Page 1 of {pages}")).await;
    let first_budget = text_of(&c, "#interventions tbody tr:first-child td:nth-child(5)").await;
    let max = expect
        .index
        .records()
        .filter_map(|r| r.budget_usd)
        .fold(0.0, f64::max);
    assert_eq!(
        first_budget,
        i18n::format_usd_short(Lang::En, max),
        "budget sort puts the largest first"
    );

    // Events: all listed, and the dashboard's country filter narrows them too.
    wait_text(&c, "#events-count", &expect.events.to_string()).await;
    click(&c, "#facet-country input[value='COL']").await;
    let colombia_events = expect.events_in("COL");
    wait_text(&c, "#events-count", &colombia_events.to_string()).await;
    assert!(
        colombia_events < expect.events,
        "events country filter did nothing"
    );
    screenshot(&c, "05-events").await;

    // The map's shapes are not fetched by a page that shows no map.
    let shapes = c
        .execute("return performance.getEntriesByType('resource').some(e => e.name.includes('lac.json'))", vec![])
        .await
        .unwrap();
    assert_eq!(shapes, false, "the overview fetched the map shapes");
    assert_no_console_errors(&c).await;

    c.close().await.unwrap();
}

/// The records' descriptions are not in the file the first charts wait for: they come after
/// (`data/descriptions.json`). A search in force when they come runs again and finds their words,
/// and a record's panel shows its description.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn descriptions_come_after_the_first_charts_and_the_search_finds_them() {
    let dist = dist();
    let core = std::fs::read_to_string(dist.join("data/interventions.core.json")).unwrap();
    assert!(
        !core.contains("\"description\""),
        "the first file still carries the descriptions"
    );
    let expect = Expect::load(&dist);
    let port = serve(dist.clone(), &[]);
    let driver = chromedriver();
    let c = browser(&driver).await;
    // "ankle" is only in descriptions (an electronic-monitoring programme's ankle tags).
    let mut sel = Selection::new();
    sel.query = "ankle".into();
    let line = expect.total_line(&sel);
    assert!(
        !line.starts_with("0 of"),
        "no description says ankle: {line}"
    );
    c.goto(&format!("http://127.0.0.1:{port}/?q=ankle"))
        .await
        .unwrap();
    capture_console_errors(&c).await;
    wait_text(&c, "#total", &line).await;
    let rows = c
        .find_all(Locator::Css("#interventions tbody td.name a"))
        .await
        .unwrap();
    assert_eq!(rows.len(), expect.index.evaluate(&sel).matching_count());
    rows[0].click().await.unwrap();
    let detail = c
        .wait()
        .at_most(TIMEOUT)
        .for_element(Locator::Css("#detail dl dd"))
        .await
        .unwrap();
    let description = detail.text().await.unwrap();
    assert!(
        description.to_lowercase().contains("ankle"),
        "the panel shows no description: {description}"
    );
    assert_no_console_errors(&c).await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_load_says_what_happened() {
    let port = serve(dist(), &["data/interventions.core.json"]);
    let driver = chromedriver();
    let c = browser(&driver).await;
    c.goto(&format!("http://127.0.0.1:{port}/")).await.unwrap();
    let alert = c
        .wait()
        .at_most(TIMEOUT)
        .for_element(Locator::Css(".status.error"))
        .await
        .unwrap();
    let text = alert.text().await.unwrap();
    assert!(
        text.contains("could not be loaded") && text.contains("404"),
        "{text}"
    );
    screenshot(&c, "06-load-failed").await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn links_reopen_the_exact_view() {
    let dist = dist();
    let expect = Expect::load(&dist);
    let port = serve(dist.clone(), &[]);
    let driver = chromedriver();
    let c = browser(&driver).await;
    let base = format!("http://127.0.0.1:{port}/");
    c.goto(&base).await.unwrap();
    let mut sel = Selection::new();
    wait_text(&c, "#total", &expect.total_line(&sel)).await;

    // Build a view by clicking and typing; the address follows.
    click(&c, "#facet-country input[value='COL']").await;
    sel.toggle(Facet::Country, "COL");
    wait_text(&c, "#total", &expect.total_line(&sel)).await;
    click(&c, "#facet-country input[value='BRA']").await;
    sel.toggle(Facet::Country, "BRA");
    wait_text(&c, "#total", &expect.total_line(&sel)).await;
    click(&c, "#facet-focus input[value='youth']").await;
    sel.toggle(Facet::Focus, "youth");
    wait_text(&c, "#total", &expect.total_line(&sel)).await;
    c.find(Locator::Css("#search"))
        .await
        .unwrap()
        .send_keys("progr")
        .await
        .unwrap();
    sel.query = "progr".into();
    wait_text(&c, "#total", &expect.total_line(&sel)).await;
    assert_eq!(
        location_query(&c).await,
        "?country=BRA,COL&focus=youth&q=progr"
    );

    // Back walks the discrete changes, not the keystrokes: one step undoes the focus and the search.
    c.back().await.unwrap();
    let mut before_focus = Selection::new();
    before_focus.toggle(Facet::Country, "COL");
    before_focus.toggle(Facet::Country, "BRA");
    wait_text(&c, "#total", &expect.total_line(&before_focus)).await;
    assert_eq!(location_query(&c).await, "?country=BRA,COL");
    c.forward().await.unwrap();

    // Opening the link fresh restores the same view: total, ticked boxes, charts.
    let link = format!("{base}?country=BRA,COL&focus=youth&q=progr");
    c.goto("about:blank").await.unwrap();
    c.goto(&link).await.unwrap();
    wait_text(&c, "#total", &expect.total_line(&sel)).await;
    check_all_charts(&c, &expect, &sel).await;
    let checked = c
        .find(Locator::Css("#facet-country input[value='COL']"))
        .await
        .unwrap()
        .prop("checked")
        .await
        .unwrap();
    assert_eq!(checked.as_deref(), Some("true"));
    let search = c
        .find(Locator::Css("#search"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(search.as_deref(), Some("progr"));

    // Bad values are ignored with a visible notice, never a crash.
    c.goto(&format!("{base}?country=BRA,Narnia&year=soon&colour=blue"))
        .await
        .unwrap();
    let mut brazil = Selection::new();
    brazil.toggle(Facet::Country, "BRA");
    wait_text(&c, "#total", &expect.total_line(&brazil)).await;
    let notice = text_of(&c, "#notices").await;
    assert!(
        notice.contains("NARNIA") && notice.contains("year=soon") && notice.contains("colour=blue"),
        "{notice}"
    );
    screenshot(&c, "07-notice").await;

    // Sort, page and open record travel in the link too.
    let id = expect.index.record(0).id.clone();
    c.goto(&format!("{base}?sort=-budget&page=2&record={id}"))
        .await
        .unwrap();
    c.wait()
        .at_most(TIMEOUT)
        .for_element(Locator::Css("#detail"))
        .await
        .unwrap();
    wait_text(&c, "#detail-title", &expect.index.record(0).name).await;
    wait_text(
        &c,
        "#page-line",
        &format!("Page 2 of {}", expect.index.len().div_ceil(25)),
    )
    .await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn embeds_and_downloads_are_what_the_view_shows() {
    let dist = dist();
    let expect = Expect::load(&dist);
    let port = serve(dist.clone(), &[]);
    let driver = chromedriver();
    let c = browser(&driver).await;
    let base = format!("http://127.0.0.1:{port}/");
    let mut sel = Selection::new();
    sel.toggle(Facet::Country, "BRA");

    // The embed page: only the chart, its summary, the credit and a link back; no scrollbars.
    c.set_window_size(700, 900).await.unwrap();
    c.goto(&format!("{base}?embed=focus&country=BRA"))
        .await
        .unwrap();
    wait_attr(
        &c,
        "#embed canvas",
        "aria-label",
        &expect.aria(&sel, ChartKind::Focus),
    )
    .await;
    assert!(
        c.find_all(Locator::Css(".filters, #interventions, .chart-tools"))
            .await
            .unwrap()
            .is_empty(),
        "embed shows more than the chart"
    );
    let summary = text_of(&c, "#embed-summary").await;
    assert!(
        summary.starts_with("Country: Brazil · ") && summary.ends_with(&expect.total_line(&sel)),
        "{summary}"
    );
    let back = c
        .find(Locator::Css("#embed-link"))
        .await
        .unwrap()
        .attr("href")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(back, format!("{base}?country=BRA"));
    let fits = c.execute("return document.documentElement.scrollWidth <= innerWidth && document.documentElement.scrollHeight <= innerHeight", vec![]).await.unwrap();
    assert_eq!(fits, true, "embed page scrolls");
    screenshot(&c, "08-embed").await;

    // Downloads from the full view, filtered to Brazil.
    c.set_window_size(1400, 1100).await.unwrap();
    c.goto(&format!("{base}?country=BRA")).await.unwrap();
    wait_text(&c, "#total", &expect.total_line(&sel)).await;

    click(&c, "#download-csv").await;
    let csv = downloaded("mirador-interventions.csv").await;
    let r = expect.index.evaluate(&sel);
    let rows: Vec<_> = r.matching.iter().map(|i| expect.index.record(i)).collect();
    assert_eq!(
        String::from_utf8(csv).unwrap(),
        mirador::export::interventions_csv(
            rows.iter().map(|r| r.as_ref()),
            mirador::export::Origin::Bundled
        ),
        "CSV is not the matching rows"
    );

    click(&c, "#download-json").await;
    let json = downloaded("mirador-interventions.json").await;
    let back = parse_interventions(std::str::from_utf8(&json).unwrap()).unwrap();
    assert!(back.rejected.is_empty());
    assert_eq!(back.records.len(), rows.len());

    // Chart exports carry their context and are named for what and which.
    click(&c, "#chart-country button[data-action='svg']").await;
    let svg = String::from_utf8(downloaded(&format!("mirador-country-BRA-{}.svg", today())).await)
        .unwrap();
    let (filters, credit) = i18n::export_context(
        Lang::En,
        "Country: Brazil",
        expect.index.evaluate(&sel).matching_count(),
        expect.index.len(),
        None,
        &today(),
    );
    let escape = |s: &str| s.replace('&', "&amp;");
    assert!(
        svg.starts_with("<svg")
            && svg.contains("Interventions by country")
            && svg.contains("\nBrazil\n</text>")
            && svg.contains(&escape(&filters))
            && svg.contains(&format!(
                "Source: Mirador open dataset {} (CC BY 4.0)",
                mirador::model::DATASET_VERSION
            )),
        "{filters} / {credit}\n{}",
        &svg[svg.len().saturating_sub(1500)..]
    );

    // A chosen size, not the screen's: a 16:9 slide is 1920 × 1080 at 2x, from any window.
    click(&c, "#chart-effect select.export-size option[value='slide']").await;
    click(&c, "#chart-effect button[data-action='png']").await;
    let png = downloaded(&format!("mirador-effect-BRA-{}.png", today())).await;
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let w = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let h = u32::from_be_bytes(png[20..24].try_into().unwrap());
    assert_eq!((w, h), (1920, 1080));

    click(&c, "#events-csv").await;
    let events = String::from_utf8(downloaded("mirador-events.csv").await).unwrap();
    assert!(events.starts_with("\u{feff}id,name,series"));

    // The embed dialog gives an iframe for this exact state; the citation names the filters.
    click(&c, "#chart-focus button[data-action='embed']").await;
    let snippet = c
        .find(Locator::Css("#chart-focus textarea.snippet"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap()
        .unwrap();
    assert!(
        snippet.starts_with(&format!(
            "<iframe src=\"{base}?country=BRA&amp;embed=focus\""
        )) || snippet.starts_with(&format!("<iframe src=\"{base}?country=BRA&embed=focus\"")),
        "{snippet}"
    );
    let citation = text_of(&c, "#citation").await;
    assert!(
        citation.contains("Country: Brazil") && citation.contains(&format!("{base}?country=BRA")),
        "{citation}"
    );
    screenshot(&c, "09-embed-dialog").await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_view_opens_by_link_and_filters_the_others() {
    use mirador::aggregate::views::{chart_data, ViewOptions};
    use mirador::selection::Bounds;
    let dist = dist();
    let expect = Expect::load(&dist);
    let port = serve(dist.clone(), &[]);
    let driver = chromedriver();
    let c = browser(&driver).await;
    let base = format!("http://127.0.0.1:{port}/");

    // Timeline: drag across years sets the year range; the overview follows.
    c.goto(&format!("{base}?view=timeline")).await.unwrap();
    let mut sel = Selection::new();
    wait_text(&c, "#total", &expect.total_line(&sel)).await;
    let css = "#chart-timeline canvas";
    c.wait()
        .at_most(TIMEOUT)
        .for_element(Locator::Css(css))
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let (w, h) = canvas_size(&c, css).await;
    let r = expect.index.evaluate(&sel);
    let d = chart_data(
        &expect.index,
        &r,
        &sel,
        &expect.event_list,
        &ViewOptions::default(),
        ChartKind::Timeline,
        Lang::En,
    );
    let Layout::Timeline(l) = Layout::of(&d, w, h) else {
        panic!("timeline layout")
    };
    let mirador::aggregate::views::ChartData::Timeline(ts) = &d else {
        panic!()
    };
    let (a, b) = (
        ts.years.iter().position(|y| *y == 2005).unwrap(),
        ts.years.iter().position(|y| *y == 2010).unwrap(),
    );
    let mid = |i: usize| {
        let (x0, x1) = l.column(i);
        (x0 + x1) / 2.0
    };
    drag(&c, css, (mid(a), l.bottom - 5.0), (mid(b), l.bottom - 5.0)).await;
    sel.year = Bounds {
        min: Some(2005),
        max: Some(2010),
    };
    wait_text(&c, "#total", &expect.total_line(&sel)).await;
    assert!(location_query(&c).await.contains("year=2005..2010"));
    screenshot(&c, "10-timeline").await;
    click(&c, "#tab-overview").await;
    check_all_charts(&c, &expect, &sel).await;

    // Evidence gap map: clicking a cell filters to its focus and outcome; the other views follow.
    c.goto(&format!("{base}?view=evidence")).await.unwrap();
    let mut sel = Selection::new();
    wait_text(&c, "#total", &expect.total_line(&sel)).await;
    let css = "#chart-gap canvas";
    c.wait()
        .at_most(TIMEOUT)
        .for_element(Locator::Css(css))
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let (w, h) = canvas_size(&c, css).await;
    let r = expect.index.evaluate(&sel);
    let d = chart_data(
        &expect.index,
        &r,
        &sel,
        &expect.event_list,
        &ViewOptions::default(),
        ChartKind::Gap,
        Lang::En,
    );
    let layout = Layout::of(&d, w, h);
    let (x0, y0, x1, y1) = layout.bar_rect(0).unwrap(); // policing × homicide
    drag(
        &c,
        css,
        ((x0 + x1) / 2.0, (y0 + y1) / 2.0),
        ((x0 + x1) / 2.0, (y0 + y1) / 2.0),
    )
    .await;
    sel.toggle(Facet::Focus, "policing");
    sel.toggle(Facet::Outcome, "homicide");
    wait_text(&c, "#total", &expect.total_line(&sel)).await;
    assert!(location_query(&c)
        .await
        .contains("focus=policing&outcome=homicide"));
    let aria = c
        .find(Locator::Css(css))
        .await
        .unwrap()
        .attr("aria-label")
        .await
        .unwrap()
        .unwrap();
    let r = expect.index.evaluate(&sel);
    let want = chart_data(
        &expect.index,
        &r,
        &sel,
        &expect.event_list,
        &ViewOptions::default(),
        ChartKind::Gap,
        Lang::En,
    )
    .aria_label(Lang::En);
    assert_eq!(aria, want);
    screenshot(&c, "11-evidence").await;

    // Comparison: the link's countries, side by side; ticking one more adds a column.
    c.goto(&format!("{base}?view=compare&compare=BRA,MEX"))
        .await
        .unwrap();
    let sel = Selection::new();
    wait_text(&c, "#total", &expect.total_line(&sel)).await;
    let brazil = expect
        .index
        .records()
        .filter(|r| r.country == "BRA")
        .count();
    wait_text(
        &c,
        "#compare-table tr[data-country='BRA'] td:nth-of-type(1)",
        &brazil.to_string(),
    )
    .await;
    click(&c, "#view-compare input[value='COL']").await;
    let colombia = expect
        .index
        .records()
        .filter(|r| r.country == "COL")
        .count();
    wait_text(
        &c,
        "#compare-table tr[data-country='COL'] td:nth-of-type(1)",
        &colombia.to_string(),
    )
    .await;
    assert!(location_query(&c).await.contains("compare=BRA,MEX,COL"));
    // Filters apply to the comparison too.
    click(&c, "#facet-focus input[value='youth']").await;
    let youth_br = expect
        .index
        .records()
        .filter(|r| r.country == "BRA" && r.focus.contains(&mirador::model::Focus::Youth))
        .count();
    wait_text(
        &c,
        "#compare-table tr[data-country='BRA'] td:nth-of-type(1)",
        &youth_br.to_string(),
    )
    .await;
    screenshot(&c, "12-compare").await;

    // Events: the chart and the list; clicking an event opens it; the series filter narrows.
    c.goto(&format!("{base}?view=events")).await.unwrap();
    wait_text(&c, "#events-count", &expect.events.to_string()).await;
    // The events map names the countries that hold events.
    let start = Instant::now();
    loop {
        let aria = c.find(Locator::Css("#chart-events-map canvas")).await.ok();
        let label = match aria {
            Some(a) => a.attr("aria-label").await.unwrap().unwrap_or_default(),
            None => String::new(),
        };
        if label.contains("Colombia") && label.contains("Ecuador") {
            break;
        }
        assert!(
            start.elapsed() < TIMEOUT,
            "events map does not list the event countries: {label}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let css = "#chart-events canvas";
    c.wait()
        .at_most(TIMEOUT)
        .for_element(Locator::Css(css))
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let (w, h) = canvas_size(&c, css).await;
    let all: Vec<&mirador::model::Event> = expect.event_list.iter().collect();
    let es = mirador::aggregate::views::event_timeline(&all, Lang::En);
    let d = mirador::aggregate::views::ChartData::Events(es.clone());
    let layout = Layout::of(&d, w, h);
    // The event whose dot stands furthest from any other, so the click is unambiguous.
    let Layout::Events(el) = &layout else {
        panic!("events layout")
    };
    let lonely = (0..el.points.len())
        .max_by(|a, b| {
            let gap = |i: usize| {
                el.points
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| *j != i)
                    .map(|(_, p)| (p.0 - el.points[i].0).hypot(p.1 - el.points[i].1))
                    .fold(f64::INFINITY, f64::min)
            };
            gap(*a).total_cmp(&gap(*b))
        })
        .unwrap();
    let (x0, y0, x1, y1) = layout.bar_rect(lonely).unwrap();
    drag(
        &c,
        css,
        ((x0 + x1) / 2.0, (y0 + y1) / 2.0),
        ((x0 + x1) / 2.0, (y0 + y1) / 2.0),
    )
    .await;
    let id = &es.marks[lonely].id;
    let open = c
        .wait()
        .at_most(TIMEOUT)
        .for_element(Locator::Css(&format!(
            "tr[data-event='{id}'] details[open]"
        )))
        .await;
    assert!(open.is_ok(), "clicking the event did not open {id}");
    assert!(location_query(&c).await.contains(&format!("event={id}")));
    let series = "IDB Citizen Security Week";
    click(&c, &format!("#events-series option[value='{series}']")).await;
    let n = expect
        .event_list
        .iter()
        .filter(|e| e.series.as_deref() == Some(series))
        .count();
    wait_text(&c, "#events-count", &n.to_string()).await;
    screenshot(&c, "13-events").await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_map_filters_by_country_and_keeps_islands_clickable() {
    use mirador::aggregate::views::{chart_data, SharedAtlas, ViewOptions};
    let dist = dist();
    let expect = Expect::load(&dist);
    let atlas = SharedAtlas(std::sync::Arc::new(
        mirador::geo::Atlas::from_json(
            &std::fs::read_to_string(dist.join("data/geo/lac.json")).unwrap(),
        )
        .unwrap(),
    ));
    let port = serve(dist.clone(), &[]);
    let driver = chromedriver();
    let c = browser(&driver).await;
    let base = format!("http://127.0.0.1:{port}/");
    c.goto(&format!("{base}?view=map")).await.unwrap();
    capture_console_errors(&c).await;
    let mut sel = Selection::new();
    wait_text(&c, "#total", &expect.total_line(&sel)).await;
    let css = "#chart-map canvas";
    let options = ViewOptions {
        atlas: Some(atlas.clone()),
        ..Default::default()
    };
    let aria = |sel: &Selection| {
        let r = expect.index.evaluate(sel);
        chart_data(
            &expect.index,
            &r,
            sel,
            &[],
            &options,
            ChartKind::Map,
            Lang::En,
        )
        .aria_label(Lang::En)
    };
    wait_attr(&c, css, "aria-label", &aria(&sel)).await;
    let (w, h) = canvas_size(&c, css).await;
    let r = expect.index.evaluate(&sel);
    let d = chart_data(
        &expect.index,
        &r,
        &sel,
        &[],
        &options,
        ChartKind::Map,
        Lang::En,
    );
    let Layout::Map(l, _) = Layout::of(&d, w, h) else {
        panic!("map layout")
    };
    for (code, name) in [("BRA", "Brazil"), ("BRB", "Barbados")] {
        let (x, y) = l
            .marker(code)
            .map(|m| (m.x, m.y))
            .or_else(|| l.centroid(code))
            .unwrap();
        assert_eq!(
            l.hit(x, y).as_deref(),
            Some(code),
            "{name} is not clickable at its own point"
        );
        drag(&c, css, (x, y), (x, y)).await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        sel.toggle(Facet::Country, code);
        wait_text(&c, "#total", &expect.total_line(&sel)).await;
    }
    wait_attr(&c, css, "aria-label", &aria(&sel)).await;
    assert!(location_query(&c).await.contains("country=BRA,BRB"));
    screenshot(&c, "14-map").await;
    click(&c, "#map-measure option[value='effective']").await;
    assert!(location_query(&c).await.contains("measure=effective"));
    click(&c, "#tab-overview").await;
    check_all_charts(&c, &expect, &sel).await;
    assert_no_console_errors(&c).await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_person_loads_their_own_spreadsheet() {
    let dist = dist();
    let expect = Expect::load(&dist);
    let port = serve(dist.clone(), &[]);
    let driver = chromedriver();
    let c = browser(&driver).await;
    c.goto(&format!("http://127.0.0.1:{port}/")).await.unwrap();
    wait_text(&c, "#total", &expect.total_line(&Selection::new())).await;

    // A file that is not CSV or JSON: a clear message, and the bundled data stays.
    let junk = std::env::temp_dir().join(format!("mirador-junk-{}.xlsx", std::process::id()));
    std::fs::write(&junk, b"PK\x03\x04\x14\x00\x06\x00binary workbook\x00\x00").unwrap();
    click(&c, "#import-open").await;
    choose_file(&c, &junk).await;
    let error = wait_for_text(&c, "#import-error").await;
    assert!(
        error.contains("not a CSV or JSON file") && error.contains("previous data is still shown"),
        "{error}"
    );
    wait_text(&c, "#total", &expect.total_line(&Selection::new())).await;

    // A Spanish spreadsheet saved as CSV: columns matched, previewed, loaded; one row rejected.
    let csv = std::fs::canonicalize("tests/fixtures/import/synthetic-es.csv").unwrap();
    click(&c, ".import-dialog button.action").await;
    choose_file(&c, &csv).await;
    c.wait()
        .at_most(TIMEOUT)
        .for_element(Locator::Css("#import-mapping"))
        .await
        .unwrap();
    let country_col = c
        .find(Locator::Css("#import-mapping select[data-column='1']"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(
        country_col.as_deref(),
        Some("country"),
        "País was not matched to country"
    );
    screenshot(&c, "15-import-mapping").await;
    click(&c, "#import-load").await;
    let summary = wait_for_text(&c, "#import-summary").await;
    assert!(
        summary.starts_with("5 rows: 4 loaded, 1 rejected"),
        "{summary}"
    );
    let listed = text_of(&c, ".rejected-list").await;
    assert!(
        listed.contains("line 5") && listed.contains("Narnia"),
        "{listed}"
    );
    click(&c, "#import-report-json").await;
    let report: serde_json::Value =
        serde_json::from_slice(&downloaded("mirador-import-report.json").await).unwrap();
    assert_eq!(report["rows"], 5);
    assert_eq!(report["accepted"], 4);
    // The warnings are listed, grouped by column and kind, not only counted.
    let bytes = std::fs::read("tests/fixtures/import/synthetic-es.csv").unwrap();
    let import = mirador::import::read(&bytes, "synthetic-es.csv").unwrap();
    let groups = import.apply(&import.mapping).report.warning_groups();
    assert!(!groups.is_empty());
    let listed = c
        .find_all(Locator::Css("#import-warnings li"))
        .await
        .unwrap();
    assert_eq!(listed.len(), groups.len());
    screenshot(&c, "16-import-report").await;
    click(&c, ".import-dialog button.close").await;
    wait_text(&c, "#total", "4 of 4 interventions").await;
    let banner = text_of(&c, "#source-banner").await;
    assert!(
        banner.contains("Showing your data: synthetic-es.csv (4 interventions)"),
        "{banner}"
    );
    // A copied link says the recipient will not see this file.
    click(&c, "#copy-link").await;
    c.wait()
        .at_most(TIMEOUT)
        .for_element(Locator::Css("#link-note"))
        .await
        .unwrap();
    let note = text_of(&c, "#link-note").await;
    assert!(note.contains("sees the bundled data instead"), "{note}");
    assert!(banner.contains("kept in this browser"), "{banner}");
    // A reload keeps the loaded file, read with the mapping the person confirmed.
    c.refresh().await.unwrap();
    wait_text(&c, "#total", "4 of 4 interventions").await;
    let banner = text_of(&c, "#source-banner").await;
    assert!(
        banner.contains("synthetic-es.csv"),
        "after a reload: {banner}"
    );
    // Going back to the bundled data forgets it, for this visit and the next.
    click(&c, "#back-to-bundled").await;
    let bundled = Expect::load(&dist);
    wait_text(&c, "#total", &bundled.total_line(&Selection::new())).await;
    c.refresh().await.unwrap();
    wait_text(&c, "#total", &bundled.total_line(&Selection::new())).await;
    assert_eq!(
        text_of(&c, "#source-banner").await,
        "",
        "the bundled data, no banner"
    );
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hostile_dataset_runs_nothing_and_breaks_nothing() {
    let dist = dist();
    let fixture = std::fs::canonicalize("tests/fixtures/hostile.json").unwrap();
    let port = serve_with(dist.clone(), &[], vec![("hostile.json", fixture)]);
    let driver = chromedriver();
    let c = browser(&driver).await;
    let base = format!("http://127.0.0.1:{port}/");
    // The record whose only source is a javascript: link is rejected, and the page says so.
    c.goto(&format!("{base}?data={base}hostile.json&view=table"))
        .await
        .unwrap();
    wait_text(&c, "#total", "3 of 3 interventions").await;
    let notice = text_of(&c, "#notices").await;
    assert!(notice.contains("4 rows: 3 loaded, 1 rejected"), "{notice}");
    // Names are text, not markup.
    let names = c
        .find_all(Locator::Css("#interventions td.name a"))
        .await
        .unwrap();
    let mut texts = Vec::new();
    for n in &names {
        texts.push(n.text().await.unwrap());
    }
    assert!(
        texts
            .iter()
            .any(|t| t.contains("<script>window.__pwned=1</script>")),
        "{texts:?}"
    );
    // Open every record: descriptions with markup, a javascript: source, a 20,000-character name.
    for i in 0..names.len() {
        let buttons = c
            .find_all(Locator::Css("#interventions td.name a"))
            .await
            .unwrap();
        buttons[i].click().await.unwrap();
        let detail = c
            .wait()
            .at_most(TIMEOUT)
            .for_element(Locator::Css("#detail"))
            .await
            .unwrap();
        for a in detail.find_all(Locator::Css("a")).await.unwrap() {
            let href = a.attr("href").await.unwrap().unwrap_or_default();
            assert!(
                href.starts_with("https://") || href.starts_with("http://"),
                "a non-web link was rendered: {href}"
            );
        }
        let overflow = c.execute("const d = document.querySelector('#detail'); return d.scrollWidth <= d.clientWidth + 1", vec![]).await.unwrap();
        assert_eq!(
            overflow, true,
            "record {i} overflows the detail panel sideways"
        );
        click(&c, "#detail-close").await;
    }
    let pwned = c.execute("return window.__pwned === undefined && document.querySelectorAll('img[src=x], #interventions script, #detail script').length === 0", vec![]).await.unwrap();
    assert_eq!(
        pwned, true,
        "dataset markup was executed or inserted as HTML"
    );
    let fits = c
        .execute(
            "return document.documentElement.scrollWidth <= innerWidth + 1",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(fits, true, "a long name pushes the page sideways");
    screenshot(&c, "17-hostile").await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn synthetic_data_is_labelled_and_interactions_are_timed() {
    let dist = dist();
    let port = serve(dist.clone(), &[]);
    let driver = chromedriver();
    let c = browser(&driver).await;
    let n: usize = std::env::var("MIRADOR_SYNTHETIC_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let opened = Instant::now();
    c.goto(&format!("http://127.0.0.1:{port}/?demo=synthetic&n={n}"))
        .await
        .unwrap();
    c.execute("window.__log = []; const l = console.log; console.log = (...a) => { window.__log.push(a.join(' ')); l(...a); };", vec![]).await.unwrap();
    let total = mirador::i18n::matching_line(Lang::En, n, n);
    let start = Instant::now();
    loop {
        if text_of(&c, "#total").await == total {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "synthetic data did not load"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    println!(
        "browser: {n} synthetic rows, page opened to data generated and shown in {:.2} s",
        opened.elapsed().as_secs_f64()
    );
    let banner = text_of(&c, "#source-banner").await;
    assert!(
        banner.starts_with("Synthetic data:"),
        "synthetic data is not labelled: {banner}"
    );
    // Time a click on a country (measured in the page): until the total changes and the effects
    // it triggers (charts, table) have run, i.e. the first task after the DOM changed; and until
    // the next animation frame, whose timing in headless Chromium adds a fixed ~50 ms whatever the
    // data size (measured at 1,000 rows), so it is printed but not the figure to judge by.
    let click_country = |i: usize| {
        format!(
            r#"const done = arguments[arguments.length - 1];
               const total = document.querySelector('#total');
               const boxes = document.querySelectorAll('#facet-country input');
               const box = boxes[{i} % boxes.length];
               let t0;
               const seen = new MutationObserver(() => {{
                 seen.disconnect();
                 const changed = performance.now() - t0;
                 setTimeout(() => {{
                   const settled = performance.now() - t0;
                   const root = document.documentElement.dataset;
                   const work = parseFloat(root.engineMs) + parseFloat(root.drawMs);
                   requestAnimationFrame(() => done([changed, settled, performance.now() - t0, work, parseFloat(root.engineMs)]));
                 }}, 0);
               }});
               seen.observe(total, {{ childList: true, characterData: true, subtree: true }});
               t0 = performance.now();
               box.click();"#
        )
    };
    // Two clicks to warm up (the first run of code paths compiles them), then five measured ones:
    // each ticks one more country, so every click changes every view.
    // Per figure (as the script returns them), the median of the five measured clicks starting
    // at country box `first`.
    let timed_clicks = |first: usize| {
        let c = &c;
        async move {
            let mut runs: Vec<Vec<f64>> = Vec::new();
            for i in 0..7 {
                let v = c
                    .execute_async(&click_country(first + i), vec![])
                    .await
                    .unwrap();
                if i >= 2 {
                    runs.push((0..5).map(|k| v[k].as_f64().unwrap()).collect());
                }
            }
            (0..5)
                .map(|k| {
                    let mut xs: Vec<f64> = runs.iter().map(|r| r[k]).collect();
                    xs.sort_by(f64::total_cmp);
                    xs[xs.len() / 2]
                })
                .collect::<Vec<f64>>()
        }
    };
    let m = timed_clicks(0).await;
    println!(
        "browser: {n} synthetic rows, a country click (median of 5, warm): engine {:.1} ms + chart redraws = {:.1} ms; total updated in {:.1} ms, every view updated in {:.1} ms, next frame at {:.1} ms",
        m[4], m[3], m[0], m[1], m[2]
    );
    // Sorting the table by a column: the first click on a column orders the whole dataset by it.
    for key in ["budget", "start", "country", "name"] {
        let ms = c
            .execute_async(
                &format!(
                    "const done = arguments[arguments.length - 1]; const t = performance.now();
                     document.querySelector(\"button.sort[data-sort='{key}']\").click();
                     setTimeout(() => done(performance.now() - t), 0);"
                ),
                vec![],
            )
            .await
            .unwrap();
        println!(
            "browser: {n} synthetic rows, table sorted by {key} in {:.1} ms",
            ms.as_f64().unwrap()
        );
    }
    // The same measure with each view open: its chart is computed again on every click.
    for (k, view) in ["timeline", "evidence", "map", "compare"]
        .iter()
        .enumerate()
    {
        click(&c, &format!("#tab-{view}")).await;
        // The map's shapes load when it first shows.
        tokio::time::sleep(Duration::from_millis(1500)).await;
        let m = timed_clicks(7 + 7 * k).await;
        println!(
            "browser: {n} synthetic rows, {view} view, a country click (median of 5, warm): engine + chart redraw = {:.1} ms; every view updated in {:.1} ms",
            m[3],
            m[1]
        );
    }
    let memory = c
        .execute(
            "return document.documentElement.dataset.wasmMemoryBytes",
            vec![],
        )
        .await
        .unwrap();
    println!(
        "browser: {n} synthetic rows, WebAssembly memory {:.1} MB",
        memory.as_str().unwrap_or("0").parse::<f64>().unwrap_or(0.0) / 1e6
    );
    if std::env::var_os("MIRADOR_TIMING").is_some() {
        let log = c
            .execute(
                "return window.__log.filter(l => l.startsWith('TIMING')).slice(-20)",
                vec![],
            )
            .await
            .unwrap();
        println!("{log:#}");
    }
    screenshot(&c, "18-synthetic").await;
    c.close().await.unwrap();
}

/// Not a pass/fail timing: prints how long the browser takes to read and load a 100,000-row CSV
/// (synthetic rows, exported by our own CSV writer), for BENCHMARKS.md.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_large_csv_loads_without_freezing_the_page() {
    let dist = dist();
    let rows: usize = std::env::var("MIRADOR_IMPORT_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let records: Vec<_> =
        mirador::synthetic::records(mirador::synthetic::DEFAULT_SEED, rows).collect();
    let csv = mirador::export::interventions_csv(&records, mirador::export::Origin::Bundled);
    let path = std::env::temp_dir().join(format!(
        "mirador-synthetic-{rows}-{}.csv",
        std::process::id()
    ));
    std::fs::write(&path, &csv).unwrap();
    let port = serve(dist.clone(), &[]);
    let driver = chromedriver();
    let c = browser(&driver).await;
    c.goto(&format!("http://127.0.0.1:{port}/")).await.unwrap();
    c.wait()
        .at_most(TIMEOUT)
        .for_element(Locator::Css("#total"))
        .await
        .unwrap();
    click(&c, "#import-open").await;
    let t0 = Instant::now();
    choose_file(&c, &path).await;
    // While reading, the page answers: the progress bar shows and scripts run between chunks.
    let mut saw_progress = false;
    loop {
        if c.find(Locator::Css("#import-mapping")).await.is_ok() {
            break;
        }
        if c.find(Locator::Css("#import-progress")).await.is_ok() {
            saw_progress = true;
        }
        assert!(
            t0.elapsed() < Duration::from_secs(120),
            "reading did not finish"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let read = t0.elapsed();
    let t1 = Instant::now();
    click(&c, "#import-load").await;
    let summary = c
        .wait()
        .at_most(Duration::from_secs(120))
        .for_element(Locator::Css("#import-summary"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let applied = t1.elapsed();
    assert!(
        summary.starts_with(&format!(
            "{} rows: {} loaded, 0 rejected",
            mirador::i18n::format_count(Lang::En, rows),
            mirador::i18n::format_count(Lang::En, rows)
        )),
        "{summary}"
    );
    println!(
        "browser: {rows}-row CSV ({:.1} MB): read {:.2} s, mapped and loaded {:.2} s, total {:.2} s (progress bar seen: {saw_progress})",
        csv.len() as f64 / 1e6,
        read.as_secs_f64(),
        applied.as_secs_f64(),
        (read + applied).as_secs_f64()
    );
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dashboard_speaks_spanish_and_portuguese() {
    let dist = dist();
    let expect = Expect::load(&dist);
    let port = serve(dist.clone(), &[]);
    let driver = chromedriver();
    let c = browser(&driver).await;
    let n = expect.index.len();
    c.goto(&format!("http://127.0.0.1:{port}/?country=BRA"))
        .await
        .unwrap();
    let brazil = expect
        .index
        .records()
        .filter(|r| r.country == "BRA")
        .count();
    wait_text(&c, "#total", &i18n::matching_line(Lang::En, brazil, n)).await;
    // Choosing a language reopens the same view in it.
    click(&c, "#language option[value='es']").await;
    wait_text(&c, "#total", &i18n::matching_line(Lang::Es, brazil, n)).await;
    assert!(
        location_query(&c).await.contains("country=BRA")
            && location_query(&c).await.contains("lang=es")
    );
    let html_lang = c
        .execute("return document.documentElement.lang", vec![])
        .await
        .unwrap();
    assert_eq!(html_lang, "es");
    let aria = c
        .find(Locator::Css("#chart-country canvas"))
        .await
        .unwrap()
        .attr("aria-label")
        .await
        .unwrap()
        .unwrap();
    assert!(aria.contains("Brasil"), "{aria}");
    // The citation and the page title speak Spanish too.
    let citation = text_of(&c, "#citation").await;
    assert!(
        citation.starts_with("Conjunto de datos abierto Mirador")
            && citation.contains(&format!("({})", i18n::matching_line(Lang::Es, brazil, n)))
            && citation.contains("Consultado el")
            && !citation.contains("Accessed")
            && !citation.contains(" of "),
        "{citation}"
    );
    let title = c.execute("return document.title", vec![]).await.unwrap();
    assert_eq!(
        title,
        "Panorama general · Mirador — seguridad ciudadana en América Latina y el Caribe"
    );
    screenshot(&c, "19-espanol").await;
    c.goto(&format!("http://127.0.0.1:{port}/?lang=pt&view=map"))
        .await
        .unwrap();
    wait_text(&c, "#total", &i18n::matching_line(Lang::Pt, n, n)).await;
    screenshot(&c, "20-portugues").await;
    c.close().await.unwrap();
}

/// The bundled dataset with its studies, as the core derives and links them.
fn evidence_fixture(dist: &Path) -> (Index, mirador::aggregate::studies::StudySet) {
    let text = std::fs::read_to_string(dist.join("data/interventions.json")).unwrap();
    let records = parse_interventions(&text).unwrap().records;
    let ids: std::collections::HashSet<&str> = records.iter().map(|r| r.id.as_str()).collect();
    let studies = mirador::parse::parse_studies(
        &std::fs::read_to_string(dist.join("data/studies.json")).unwrap(),
        &ids,
    )
    .unwrap()
    .records;
    let index = Index::new(records);
    let set = mirador::aggregate::studies::StudySet::new(&index, studies);
    (index, set)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_researcher_reads_the_evidence_behind_the_records() {
    use mirador::aggregate::studies::StudySort;
    use mirador::aggregate::views::{
        chart_data, ChartData, GapColour, GapCount, SharedStudies, ViewOptions,
    };
    use mirador::i18n::evidence as ev;
    let dist = dist();
    let expect = Expect::load(&dist);
    let (index, set) = evidence_fixture(&dist);
    let port = serve(dist.clone(), &[]);
    let driver = chromedriver();
    let c = browser(&driver).await;
    let base = format!("http://127.0.0.1:{port}/");

    // The Studies view lists the studies behind the filters, newest first.
    c.goto(&format!("{base}?view=studies&country=PER"))
        .await
        .unwrap();
    capture_console_errors(&c).await;
    let mut sel = Selection::new();
    sel.toggle(Facet::Country, "PER");
    wait_text(&c, "#total", &expect.total_line(&sel)).await;
    let r = index.evaluate(&sel);
    let mut rows = set.matching(&r);
    assert!(!rows.is_empty(), "Peru's interventions have studies");
    let evaluated = r
        .matching
        .iter()
        .filter(|i| !set.of_record(*i).is_empty())
        .count();
    wait_text(
        &c,
        "#studies-line",
        &ev::studies_line(Lang::En, rows.len(), evaluated, r.matching_count()),
    )
    .await;
    set.sort(&mut rows, StudySort::Year, true);
    let shown = c
        .find_all(Locator::Css("#studies-table tbody tr"))
        .await
        .unwrap();
    assert_eq!(shown.len(), rows.len());
    let first = shown[0].attr("data-study").await.unwrap().unwrap();
    assert_eq!(first, set.studies[rows[0]].id);
    // Sorting by title reorders the rows and is kept in the link.
    click(&c, "#ssort-title").await;
    set.sort(&mut rows, StudySort::Title, false);
    wait_attr(
        &c,
        "#studies-table tbody tr:first-child",
        "data-study",
        &set.studies[rows[0]].id,
    )
    .await;
    assert!(location_query(&c).await.contains("ssort=title"));
    // Citations for reference managers: one RIS record per study shown.
    click(&c, "#download-studies-ris").await;
    let ris =
        String::from_utf8(downloaded(&format!("mirador-studies-{}.ris", today())).await).unwrap();
    assert_eq!(ris.matches("TY  - ").count(), rows.len(), "{ris}");
    click(&c, "#download-studies-bibtex").await;
    let bib =
        String::from_utf8(downloaded(&format!("mirador-studies-{}.bib", today())).await).unwrap();
    assert_eq!(
        bib.matches("@article{").count() + bib.matches("@techreport{").count(),
        rows.len()
    );
    screenshot(&c, "30-studies").await;

    // An intervention's evidence: its studies, the derived verdict, ratings side by side, and
    // every fact marked with the sources that state it.
    let record = set.records_of(rows[0])[0] as usize;
    let id = index.record(record).id.clone();
    click(&c, &format!("#studies-table button[data-record='{id}']")).await;
    c.wait()
        .at_most(TIMEOUT)
        .for_element(Locator::Css("#detail-evidence"))
        .await
        .unwrap();
    let studies: Vec<&mirador::evidence::Study> = set
        .of_record(record)
        .iter()
        .map(|s| &set.studies[*s as usize])
        .collect();
    let derived = mirador::evidence::derive(&studies).unwrap();
    let cards = c
        .find_all(Locator::Css("#detail-evidence li.study"))
        .await
        .unwrap();
    assert_eq!(cards.len(), studies.len());
    let verdict = text_of(&c, "#evidence-verdict").await;
    let label = derived
        .effect
        .map_or(i18n::text(Lang::En, i18n::Msg::NotStated), |e| {
            i18n::effect_label(Lang::En, e)
        });
    assert!(verdict.starts_with(label), "{verdict}");
    let marks = c
        .find_all(Locator::Css("#detail .fact-mark"))
        .await
        .unwrap();
    assert!(!marks.is_empty(), "facts carry their sources' numbers");
    let href = marks[0].attr("href").await.unwrap().unwrap();
    assert!(
        c.find(Locator::Css(&href)).await.is_ok(),
        "{href} is in the source list"
    );
    screenshot(&c, "31-record-evidence").await;

    // A rater who disagrees with the derived verdict is shown beside it, with a note.
    let disagreeing = (0..index.len()).find(|i| {
        let ss: Vec<&mirador::evidence::Study> = set
            .of_record(*i)
            .iter()
            .map(|s| &set.studies[*s as usize])
            .collect();
        let d = mirador::evidence::derive(&ss);
        ss.iter().flat_map(|s| &s.ratings).any(|rt| {
            matches!((rt.effect(), d.as_ref().and_then(|d| d.effect)), (Some(a), Some(b)) if a != b)
        })
    });
    if let Some(i) = disagreeing {
        let id = index.record(i).id.clone();
        c.goto(&format!("{base}?record={id}")).await.unwrap();
        c.wait()
            .at_most(TIMEOUT)
            .for_element(Locator::Css("#detail-evidence .ratings li.differs"))
            .await
            .unwrap();
        let note = text_of(&c, "#detail-evidence .rating-differs").await;
        assert!(note.contains("differs from the verdict"), "{note}");
    }

    // "What the evidence found": ticking "Homicide: improved" keeps the interventions whose
    // impact studies found fewer homicides; the total and the link follow.
    c.goto(&base).await.unwrap();
    let sel = Selection::new();
    wait_text(&c, "#total", &expect.total_line(&sel)).await;
    let mut sel = Selection::new();
    sel.toggle(Facet::Finding, "homicide:improved");
    let want = expect.index.evaluate(&sel).matching_count();
    assert!(want > 0, "some intervention improved homicide");
    let label = text_of(
        &c,
        "#facet-finding li:has(input[value='homicide:improved']) .label",
    )
    .await;
    assert_eq!(label, "Homicide: improved");
    click(&c, "#facet-finding input[value='homicide:improved']").await;
    wait_text(&c, "#total", &expect.total_line(&sel)).await;
    assert!(location_query(&c)
        .await
        .contains("finding=homicide:improved"));

    // The gap map counts studies when asked, and the evaluation gap filters by country.
    c.goto(&format!(
        "{base}?view=evidence&count=studies&colour=direction"
    ))
    .await
    .unwrap();
    capture_console_errors(&c).await;
    let sel = Selection::new();
    wait_text(&c, "#total", &expect.total_line(&sel)).await;
    let r = index.evaluate(&sel);
    let options = ViewOptions {
        gap_count: GapCount::Studies,
        colour: GapColour::Direction,
        studies: Some(SharedStudies(std::sync::Arc::new(set.clone()))),
        ..Default::default()
    };
    let want =
        chart_data(&index, &r, &sel, &[], &options, ChartKind::Gap, Lang::En).aria_label(Lang::En);
    wait_attr(&c, "#chart-gap canvas", "aria-label", &want).await;
    let css = "#chart-evaluation-gap canvas";
    c.wait()
        .at_most(TIMEOUT)
        .for_element(Locator::Css(css))
        .await
        .unwrap();
    let d = chart_data(
        &index,
        &r,
        &sel,
        &[],
        &options,
        ChartKind::EvaluationGap,
        Lang::En,
    );
    wait_attr(&c, css, "aria-label", &d.aria_label(Lang::En)).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let (w, h) = canvas_size(&c, css).await;
    let ChartData::EvaluationGap(s) = &d else {
        panic!()
    };
    let first = s.countries[0].key.clone();
    let (x0, y0, x1, y1) = Layout::of(&d, w, h).bar_rect(0).unwrap();
    let p = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    drag(&c, css, p, p).await;
    let mut sel = Selection::new();
    sel.toggle(Facet::Country, &first);
    wait_text(&c, "#total", &expect.total_line(&sel)).await;
    assert!(location_query(&c)
        .await
        .contains(&format!("country={first}")));
    screenshot(&c, "32-evidence-studies").await;
    assert_no_console_errors(&c).await;
}

/// Not a pass/fail timing: prints how long after navigation the first overview chart is drawn
/// (its canvas carries its label), the median of five cold loads (`MIRADOR_LOADS` sets how many),
/// on loopback at desktop size.
/// `MIRADOR_DIST=other/dist` measures another build the same way (BENCHMARKS.md).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn first_chart_time_is_printed() {
    let port = serve(dist(), &[]);
    let driver = chromedriver();
    let c = browser(&driver).await;
    let url = format!("http://127.0.0.1:{port}/");
    let loads: usize = std::env::var("MIRADOR_LOADS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5)
        .max(1);
    let mut times = Vec::new();
    for _ in 0..loads {
        c.goto("about:blank").await.unwrap();
        c.goto(&url).await.unwrap();
        let start = Instant::now();
        let ms = loop {
            let v = c
                .execute(
                    "const c = document.querySelector('#chart-country canvas');
                     return c && c.getAttribute('aria-label') ? performance.now() : null;",
                    vec![],
                )
                .await
                .unwrap();
            if let Some(ms) = v.as_f64() {
                break ms;
            }
            assert!(start.elapsed() < TIMEOUT, "no chart drawn");
            tokio::time::sleep(Duration::from_millis(5)).await;
        };
        times.push(ms);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "first chart drawn {:.0} ms after navigation (median of {loads}; all: {:?})",
        times[loads / 2],
        times.iter().map(|t| t.round()).collect::<Vec<_>>()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_comparison_keeps_a_country_at_zero_and_says_why() {
    let dist = dist();
    let expect = Expect::load(&dist);
    let port = serve(dist.clone(), &[]);
    let driver = chromedriver();
    let c = browser(&driver).await;
    let base = format!("http://127.0.0.1:{port}/");
    // Opened without `compare=`: the default countries are kept in the link once shown.
    c.goto(&format!("{base}?view=compare")).await.unwrap();
    capture_console_errors(&c).await;
    wait_text(&c, "#total", &expect.total_line(&Selection::new())).await;
    let sel = Selection::new();
    let r = expect.index.evaluate(&sel);
    let chosen = mirador::aggregate::views::default_comparison(&expect.index, &r);
    let start = Instant::now();
    while !location_query(&c)
        .await
        .contains(&format!("compare={}", chosen.join(",")))
    {
        assert!(
            start.elapsed() < TIMEOUT,
            "compare= not written to the link"
        );
    }
    // A filter under which one compared country has no match: it stays, at zero, with why.
    let mut sel = Selection::new();
    let zero = chosen
        .iter()
        .find_map(|code| {
            mirador::model::Outcome::ALL.iter().find_map(|o| {
                let mut s = Selection::new();
                s.toggle(Facet::Outcome, o.key());
                let r = expect.index.evaluate(&s);
                let counts: Vec<usize> = chosen
                    .iter()
                    .map(|k| expect.index.facet_count(&r, Facet::Country, k))
                    .collect();
                (counts.iter().any(|n| *n == 0) && counts.iter().any(|n| *n > 0))
                    .then(|| (o.key(), code.clone()))
                    .filter(|_| expect.index.facet_count(&r, Facet::Country, code) == 0)
            })
        })
        .expect("an outcome some compared country lacks");
    click(&c, &format!("#facet-outcome input[value='{}']", zero.0)).await;
    sel.toggle(Facet::Outcome, zero.0);
    wait_text(&c, "#total", &expect.total_line(&sel)).await;
    wait_text(
        &c,
        &format!(
            "#compare-table tr[data-country='{}'] td:nth-of-type(1)",
            zero.1
        ),
        "0",
    )
    .await;
    assert!(location_query(&c)
        .await
        .contains(&format!("compare={}", chosen.join(","))));
    let in_all = expect
        .index
        .records()
        .filter(|r| r.country == zero.1)
        .count();
    let d = mirador::aggregate::views::chart_data(
        &expect.index,
        &expect.index.evaluate(&sel),
        &sel,
        &[],
        &mirador::aggregate::views::ViewOptions {
            compare: chosen.clone(),
            ..Default::default()
        },
        ChartKind::Compare,
        Lang::En,
    );
    let aria = d.aria_label(Lang::En);
    wait_attr(&c, "#chart-compare canvas", "aria-label", &aria).await;
    let mirador::aggregate::views::ChartData::Compare(s) = &d else {
        panic!()
    };
    let caption = &s
        .countries
        .iter()
        .find(|p| p.code == zero.1)
        .unwrap()
        .caption;
    assert_eq!(
        caption,
        &format!("none match these filters ({in_all} in all)")
    );
    let note = text_of(&c, "#compare-note").await;
    assert!(note.contains("no currency is converted"), "{note}");
    screenshot(&c, "33-compare-zero").await;
    assert_no_console_errors(&c).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_empty_result_explains_itself_and_the_map_says_not_rated() {
    use mirador::aggregate::empty::explain_empty;
    let dist = dist();
    let expect = Expect::load(&dist);
    let port = serve(dist.clone(), &[]);
    let driver = chromedriver();
    let c = browser(&driver).await;
    let base = format!("http://127.0.0.1:{port}/");
    // A country and an outcome that none of its interventions measured.
    let (country, outcome) = ["MEX", "BRA", "COL", "CHL", "PER"]
        .iter()
        .find_map(|code| {
            mirador::model::Outcome::ALL.iter().find_map(|o| {
                let mut s = Selection::new();
                s.toggle(Facet::Country, code);
                s.toggle(Facet::Outcome, o.key());
                (expect.index.evaluate(&s).matching_count() == 0)
                    .then(|| (code.to_string(), o.key()))
            })
        })
        .unwrap();
    let mut sel = Selection::new();
    sel.toggle(Facet::Country, &country);
    sel.toggle(Facet::Outcome, outcome);
    c.goto(&format!("{base}?country={country}&outcome={outcome}"))
        .await
        .unwrap();
    capture_console_errors(&c).await;
    wait_text(&c, "#total", &expect.total_line(&sel)).await;
    let why = explain_empty(&expect.index, &sel, Lang::En);
    c.wait()
        .at_most(TIMEOUT)
        .for_element(Locator::Css("#empty-explain li"))
        .await
        .unwrap();
    let items = c.find_all(Locator::Css("#empty-explain li")).await.unwrap();
    assert_eq!(items.len(), why.len());
    for (item, w) in items.iter().zip(&why) {
        let text = item.text().await.unwrap();
        assert!(
            text.starts_with(&i18n::without_filter(Lang::En, &w.filter, w.matching)),
            "{text}"
        );
    }
    // Removing the filter it names gives what it said.
    click(&c, "#empty-explain li:first-child button").await;
    let mut after = sel.clone();
    why[0].which.clear(&mut after);
    wait_text(&c, "#total", &expect.total_line(&after)).await;
    assert_eq!(
        expect.index.evaluate(&after).matching_count(),
        why[0].matching
    );
    screenshot(&c, "34-empty-explained").await;
    assert_no_console_errors(&c).await;

    // The map by share rated effective: a country with no rated intervention is "Not rated".
    c.goto(&format!("{base}?view=map&measure=effective"))
        .await
        .unwrap();
    capture_console_errors(&c).await;
    let css = "#chart-map canvas";
    let start = Instant::now();
    let label = loop {
        let l = match c.find(Locator::Css(css)).await {
            Ok(e) => e
                .attr("aria-label")
                .await
                .ok()
                .flatten()
                .unwrap_or_default(),
            Err(_) => String::new(),
        };
        if l.contains('%') {
            break l;
        }
        assert!(start.elapsed() < TIMEOUT, "map not drawn: {l}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert!(label.starts_with("Map: "), "{label}");
    let unrated = expect
        .index
        .facet_keys(Facet::Country)
        .iter()
        .find(|code| {
            let rows: Vec<_> = expect
                .index
                .records()
                .filter(|r| &r.country == *code)
                .collect();
            !rows.is_empty()
                && rows
                    .iter()
                    .all(|r| matches!(r.effect, None | Some(mirador::model::Effect::Unknown)))
        })
        .cloned()
        .expect("a country with no rated intervention");
    let name = i18n::country_name(Lang::En, &unrated);
    assert!(
        label.contains(&format!("{name} (Not rated)")),
        "{unrated}: {label}"
    );
    screenshot(&c, "35-map-not-rated").await;
    assert_no_console_errors(&c).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_researcher_picks_a_region() {
    let dist = dist();
    let expect = Expect::load(&dist);
    let port = serve(dist.clone(), &[]);
    let driver = chromedriver();
    let c = browser(&driver).await;
    c.goto(&format!("http://127.0.0.1:{port}/")).await.unwrap();
    capture_console_errors(&c).await;
    wait_text(&c, "#total", &expect.total_line(&Selection::new())).await;
    let label = text_of(
        &c,
        "#facet-region li:has(input[value='central-america']) .label",
    )
    .await;
    assert_eq!(label, "Central America");
    click(&c, "#facet-region input[value='central-america']").await;
    let mut sel = Selection::new();
    sel.toggle(Facet::Region, "central-america");
    let central = expect
        .index
        .records()
        .filter(|r| ["BLZ", "CRI", "SLV", "GTM", "HND", "NIC", "PAN"].contains(&r.country.as_str()))
        .count();
    assert_eq!(expect.index.evaluate(&sel).matching_count(), central);
    wait_text(&c, "#total", &expect.total_line(&sel)).await;
    assert!(location_query(&c).await.contains("region=central-america"));
    // The country chart follows: only Central American countries keep bars.
    check_all_charts(&c, &expect, &sel).await;
    assert_no_console_errors(&c).await;
}

/// The widest elements past the right edge of the window, for a failure message.
const OVERFLOW_JS: &str = "const w = document.documentElement.clientWidth; const out = [];
  for (const e of document.querySelectorAll('body *')) { const r = e.getBoundingClientRect();
    if (r.right > w + 1 && r.width > 0) { out.push((e.id ? '#' + e.id : e.tagName.toLowerCase() + '.' + e.className) + ' ' + Math.round(r.right)); } }
  return [document.documentElement.scrollWidth, w, out.slice(0, 12)];";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_a_phone_no_view_scrolls_sideways() {
    let dist = dist();
    let expect = Expect::load(&dist);
    let port = serve(dist.clone(), &[]);
    let driver = chromedriver();
    let c = browser(&driver).await;
    for (w, h) in [(360, 740), (390, 844)] {
        c.set_window_size(w, h).await.unwrap();
        for view in [
            "overview", "timeline", "evidence", "studies", "map", "compare", "table", "events",
        ] {
            c.goto(&format!("http://127.0.0.1:{port}/?view={view}"))
                .await
                .unwrap();
            wait_text(&c, "#total", &expect.total_line(&Selection::new())).await;
            tokio::time::sleep(Duration::from_millis(400)).await;
            let r = c.execute(OVERFLOW_JS, vec![]).await.unwrap();
            let (scroll, client) = (r[0].as_f64().unwrap(), r[1].as_f64().unwrap());
            assert!(
                scroll <= client,
                "{view} at {w}px: the page is {scroll}px wide: {}",
                r[2]
            );
        }
        // The record panel too.
        let id = expect.index.record(0).id.clone();
        c.goto(&format!("http://127.0.0.1:{port}/?record={id}"))
            .await
            .unwrap();
        c.wait()
            .at_most(TIMEOUT)
            .for_element(Locator::Css("#detail"))
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_millis(300)).await;
        let r = c.execute(OVERFLOW_JS, vec![]).await.unwrap();
        assert!(
            r[0].as_f64().unwrap() <= r[1].as_f64().unwrap(),
            "record panel at {w}px: {}",
            r[2]
        );
        screenshot(&c, &format!("40-phone-{w}")).await;
    }
    // On the phone the filters open from a button that counts them; filtering there works.
    c.goto(&format!("http://127.0.0.1:{port}/")).await.unwrap();
    wait_text(&c, "#total", &expect.total_line(&Selection::new())).await;
    let shown = |c: &Client| {
        let c = c.clone();
        async move {
            c.execute(
                "return getComputedStyle(document.getElementById('filters')).display !== 'none'",
                vec![],
            )
            .await
            .unwrap()
            .as_bool()
            .unwrap()
        }
    };
    assert!(
        !shown(&c).await,
        "the filter panel starts closed on a phone"
    );
    // The first chart comes before the table, and the total is in sight.
    let order = c
        .execute("return document.querySelector('#chart-country').getBoundingClientRect().top < document.querySelector('#interventions').getBoundingClientRect().top", vec![])
        .await
        .unwrap();
    assert_eq!(order, serde_json::json!(true));
    click(&c, "#filters-toggle").await;
    assert!(shown(&c).await, "the button opens the filters");
    // Scrolled to the middle of the panel first, as a thumb would, clear of its sticky close bar.
    c.execute(
        "document.querySelector(\"#facet-focus input[value='youth']\").scrollIntoView({ block: 'center' })",
        vec![],
    )
    .await
    .unwrap();
    // The panel is the screen's height and scrolls: every filter can be reached.
    let fits = c
        .execute("const f = document.getElementById('filters'); return f.clientHeight <= innerHeight && f.scrollHeight > f.clientHeight;", vec![])
        .await
        .unwrap();
    assert_eq!(
        fits,
        serde_json::json!(true),
        "the filter panel scrolls within the screen"
    );
    click(&c, "#facet-focus input[value='youth']").await;
    let mut sel = Selection::new();
    sel.toggle(Facet::Focus, "youth");
    click(&c, "#filters-close").await;
    assert!(!shown(&c).await, "closed again");
    wait_text(&c, "#total", &expect.total_line(&sel)).await;
    wait_text(&c, "#filters-toggle", "Filters (1)").await;
    screenshot(&c, "41-phone-filters").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_record_panel_works_from_the_keyboard() {
    let dist = dist();
    let expect = Expect::load(&dist);
    let port = serve(dist.clone(), &[]);
    let driver = chromedriver();
    let c = browser(&driver).await;
    c.goto(&format!("http://127.0.0.1:{port}/?view=table"))
        .await
        .unwrap();
    wait_text(&c, "#total", &expect.total_line(&Selection::new())).await;
    let inside = |c: &Client| {
        let c = c.clone();
        async move {
            c.execute(
                "return !!(document.activeElement && document.activeElement.closest('#detail'))",
                vec![],
            )
            .await
            .unwrap()
            .as_bool()
            .unwrap()
        }
    };
    click(&c, "#interventions tbody td.name a").await;
    c.wait()
        .at_most(TIMEOUT)
        .for_element(Locator::Css("#detail"))
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(inside(&c).await, "the panel takes focus when it opens");
    // Tab and Shift+Tab stay inside the panel.
    for _ in 0..40 {
        press(&c, TAB).await;
    }
    assert!(inside(&c).await, "Tab keeps focus inside the panel");
    for _ in 0..5 {
        press(&c, SHIFT_TAB).await;
    }
    assert!(inside(&c).await, "Shift+Tab keeps focus inside the panel");
    // Escape closes it and gives focus back to the name that opened it.
    press(&c, ESCAPE).await;
    let start = Instant::now();
    while c.find(Locator::Css("#detail")).await.is_ok() {
        assert!(start.elapsed() < TIMEOUT, "Escape did not close the panel");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let back = c
        .execute("return document.activeElement && document.activeElement.matches('#interventions td.name a')", vec![])
        .await
        .unwrap();
    assert_eq!(
        back,
        serde_json::json!(true),
        "focus returns to the record's name"
    );
    // The import dialog behaves the same way.
    click(&c, "#import-open").await;
    c.wait()
        .at_most(TIMEOUT)
        .for_element(Locator::Css(".import-dialog"))
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    let focused = c
        .execute(
            "return !!(document.activeElement && document.activeElement.closest('.import-dialog'))",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        focused,
        serde_json::json!(true),
        "the import dialog takes focus"
    );
    press(&c, ESCAPE).await;
    let start = Instant::now();
    while c.find(Locator::Css(".import-dialog")).await.is_ok() {
        assert!(
            start.elapsed() < TIMEOUT,
            "Escape did not close the import dialog"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let back = c
        .execute(
            "return document.activeElement && document.activeElement.id",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(back, serde_json::json!("import-open"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_one_visit_every_view_works_offline_and_an_update_replaces_the_cache() {
    let dist = dist();
    let expect = Expect::load(&dist);
    let switch = Arc::new(Switch::default());
    let upstream = serve_switched(dist.clone(), &[], Vec::new(), switch.clone());
    let port = offline_gate(upstream, switch.clone());
    let driver = chromedriver();
    let c = browser(&driver).await;
    let base = format!("http://127.0.0.1:{port}/");
    // The pre-rendered first charts are in the page before the app, and leave when it has drawn.
    let page = std::fs::read_to_string(dist.join("index.html")).unwrap();
    assert!(
        page.contains(r#"<div id="preview">"#) && page.contains("<svg "),
        "index.html has the pre-rendered view"
    );
    c.goto(&base).await.unwrap();
    wait_text(&c, "#total", &expect.total_line(&Selection::new())).await;
    wait_until(
        &c,
        "return document.getElementById('preview') === null",
        "the preview stays over the app",
        TIMEOUT,
    )
    .await;
    // One visit: the service worker installs, caches the app and the data, and takes the page.
    wait_until(
        &c,
        "return !!(navigator.serviceWorker && navigator.serviceWorker.controller)",
        "no service worker controls the page after a visit",
        Duration::from_secs(40),
    )
    .await;
    let manifest = c
        .execute("return fetch(document.querySelector('link[rel=manifest]').href).then(r => r.json()).then(m => m.name)", vec![])
        .await
        .unwrap();
    assert!(
        manifest.as_str().unwrap_or("").starts_with("Mirador"),
        "installable: {manifest}"
    );

    // The network goes down: the dashboard opens, and every view draws.
    switch.set_offline(true);
    for view in mirador::url_state::View::ALL {
        let url = format!("{base}?view={}", view.key());
        c.goto(&url).await.unwrap();
        capture_console_errors(&c).await;
        wait_text(&c, "#total", &expect.total_line(&Selection::new())).await;
        wait_until(
            &c,
            "const v = document.querySelector('main'); return !!v && !document.querySelector('.status.error') && !!v.querySelector('canvas[aria-label], table tbody tr, svg');",
            &format!("{url}: nothing drawn offline"),
            TIMEOUT,
        )
        .await;
        assert_no_console_errors(&c).await;
    }
    screenshot(&c, "45-offline").await;

    // Back online with updated data: the next visit shows it, not the cached copy.
    let text = std::fs::read_to_string(dist.join("data/interventions.core.json")).unwrap();
    let mut records: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    records.truncate(records.len() - 1);
    switch.replaced.lock().unwrap().push((
        "data/interventions.core.json".into(),
        serde_json::to_vec(&records).unwrap(),
    ));
    switch.set_offline(false);
    c.goto(&base).await.unwrap();
    let n = records.len();
    wait_text(&c, "#total", &i18n::matching_line(Lang::En, n, n)).await;
    // And offline again, the cache now holds the update.
    switch.set_offline(true);
    c.goto(&format!("{base}?view=table")).await.unwrap();
    wait_text(&c, "#total", &i18n::matching_line(Lang::En, n, n)).await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn axe_finds_no_violation_on_any_view_language_size_or_dialog() {
    let dist = dist();
    let expect = Expect::load(&dist);
    let port = serve(dist.clone(), &[]);
    let driver = chromedriver();
    let c = browser(&driver).await;
    let base = format!("http://127.0.0.1:{port}/");
    let record = expect.index.record(0).id.clone();
    let mut problems = Vec::new();
    for (w, h) in [(1400, 1100), (390, 844)] {
        c.set_window_size(w, h).await.unwrap();
        for lang in ["en", "es", "pt"] {
            for view in mirador::url_state::View::ALL {
                let url = format!("{base}?view={}&lang={lang}", view.key());
                c.goto(&url).await.unwrap();
                wait_until(&c, "return !!document.querySelector('#total') && !document.querySelector('.status.loading')", &format!("{url}: not loaded"), TIMEOUT).await;
                tokio::time::sleep(Duration::from_millis(300)).await;
                for v in axe_violations(&c).await {
                    problems.push(format!("{w}x{h} {url}: {v}"));
                }
            }
            // With a dialog open: the record panel, and the import dialog.
            let url = format!("{base}?lang={lang}&record={record}");
            c.goto(&url).await.unwrap();
            wait_until(
                &c,
                "return !!document.querySelector('div.detail')",
                &format!("{url}: no record panel"),
                TIMEOUT,
            )
            .await;
            tokio::time::sleep(Duration::from_millis(300)).await;
            for v in axe_violations(&c).await {
                problems.push(format!("{w}x{h} {url}: {v}"));
            }
        }
    }
    c.close().await.unwrap();
    assert!(
        problems.is_empty(),
        "axe-core violations:\n{}",
        problems.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_keyboard_user_filters_by_a_chart_and_reads_it_as_a_table() {
    let dist = dist();
    let expect = Expect::load(&dist);
    let port = serve(dist.clone(), &[]);
    let driver = chromedriver();
    let c = browser(&driver).await;
    c.goto(&format!("http://127.0.0.1:{port}/?lang=es"))
        .await
        .unwrap();
    capture_console_errors(&c).await;
    let all = Selection::new();
    let total = |sel: &Selection| {
        i18n::matching_line(
            Lang::Es,
            expect.index.evaluate(sel).matching_count(),
            expect.index.len(),
        )
    };
    wait_text(&c, "#total", &total(&all)).await;
    // Tab until the country chart has focus, as a person without a mouse does.
    let mut tabs = 0;
    while c
        .execute("return !!document.activeElement && document.activeElement.matches('#chart-country canvas')", vec![])
        .await
        .unwrap()
        != serde_json::json!(true)
    {
        press(&c, TAB).await;
        tabs += 1;
        assert!(tabs < 200, "Tab never reaches the country chart");
    }
    // The arrows move between bars; the one in focus is announced with its label and value.
    let countries = series(
        &expect.index,
        &expect.index.evaluate(&all),
        &all,
        ChartKind::Country,
        Lang::Es,
    );
    press(&c, ARROW_DOWN).await;
    press(&c, ARROW_DOWN).await;
    let second = &countries.bars[1];
    wait_text(
        &c,
        "#chart-country p[aria-live]",
        &format!(
            "{}: {}",
            second.label,
            i18n::format_count(Lang::Es, second.count)
        ),
    )
    .await;
    // Enter filters by it, as a click would: the total changes.
    press(&c, ENTER).await;
    let mut sel = Selection::new();
    if let mirador::aggregate::BarAction::Toggle(facet, key) = &second.action {
        sel.toggle(*facet, key);
    } else {
        panic!("a country bar toggles its country");
    }
    wait_text(&c, "#total", &total(&sel)).await;
    assert!(
        location_query(&c).await.contains("country="),
        "the filter is in the link"
    );
    // Escape leaves the chart.
    press(&c, ESCAPE).await;
    let left = c
        .execute("return document.activeElement && document.activeElement.matches('#chart-country canvas')", vec![])
        .await
        .unwrap();
    assert_eq!(left, serde_json::json!(false), "Escape leaves the chart");

    // "Show as table" shows the focus chart's numbers, in the page language.
    click(&c, "#chart-focus button[data-action='table']").await;
    let focus = series(
        &expect.index,
        &expect.index.evaluate(&sel),
        &sel,
        ChartKind::Focus,
        Lang::Es,
    );
    let rows = c
        .execute(
            "return [...document.querySelectorAll('#chart-focus .chart-table tbody tr')].map(r => [...r.children].map(c => c.textContent))",
            vec![],
        )
        .await
        .unwrap();
    let want: Vec<Vec<String>> = focus
        .bars
        .iter()
        .map(|b| vec![b.label.clone(), i18n::format_count(Lang::Es, b.count)])
        .collect();
    assert_eq!(
        rows,
        serde_json::json!(want),
        "the table holds the chart's numbers"
    );
    let header = text_of(&c, "#chart-focus .chart-table thead").await;
    assert!(
        header.contains("Categoría") && header.contains("Intervenciones"),
        "{header}"
    );
    screenshot(&c, "46-keyboard-table").await;

    // The embed dialog, from the keyboard: focus moves in, Escape closes it and gives it back.
    c.execute(
        "document.querySelector(\"#chart-focus button[data-action='embed']\").focus()",
        vec![],
    )
    .await
    .unwrap();
    press(&c, ENTER).await;
    wait_until(
        &c,
        "return !!document.activeElement && !!document.activeElement.closest('#chart-focus .embed-dialog')",
        "the embed dialog does not take focus",
        TIMEOUT,
    )
    .await;
    press(&c, ESCAPE).await;
    wait_until(
        &c,
        "return !document.querySelector('#chart-focus .embed-dialog') && document.activeElement.matches(\"#chart-focus button[data-action='embed']\")",
        "Escape does not close the embed dialog and give focus back to its button",
        TIMEOUT,
    )
    .await;
    assert_no_console_errors(&c).await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_import_in_spanish_reads_the_pages_own_labels_and_reports_in_spanish() {
    use mirador::model::Focus;
    let dist = dist();
    let port = serve(dist.clone(), &[]);
    let driver = chromedriver();
    let c = browser(&driver).await;
    c.goto(&format!("http://127.0.0.1:{port}/?lang=es"))
        .await
        .unwrap();
    capture_console_errors(&c).await;
    let expect = Expect::load(&dist);
    wait_text(
        &c,
        "#total",
        &i18n::matching_line(Lang::Es, expect.index.len(), expect.index.len()),
    )
    .await;
    // A ministry analyst's sheet written with the page's own Spanish and Portuguese labels, an
    // approximate year and an amount in words; one row names a country that does not exist.
    let es = i18n::focus_label(Lang::Es, Focus::Prisons);
    let pt = i18n::focus_label(Lang::Pt, Focus::Prisons);
    let csv = format!(
        "Programa,País,Enfoque,Año de inicio,Presupuesto\n\
         Programa sintético uno,Brasil,{es},ca. 2010,\"2,5 millones\"\n\
         Programa sintético dos,Brasil,{pt},2012,\n\
         Programa sintético tres,Narnia,{es},2011,\n"
    );
    let file = std::env::temp_dir().join(format!("mirador-own-labels-{}.csv", std::process::id()));
    std::fs::write(&file, csv).unwrap();
    // First a workbook by mistake: the message is in Spanish too.
    let junk = std::env::temp_dir().join(format!("mirador-junk-es-{}.xlsx", std::process::id()));
    std::fs::write(&junk, b"PK\x03\x04\x14\x00\x06\x00binary workbook\x00\x00").unwrap();
    click(&c, "#import-open").await;
    choose_file(&c, &junk).await;
    let error = wait_for_text(&c, "#import-error").await;
    assert!(
        error.contains("no un archivo CSV ni JSON: guárdelo como CSV"),
        "{error}"
    );
    let _ = std::fs::remove_file(&junk);
    click(&c, ".import-dialog button.action").await;
    choose_file(&c, &file).await;
    c.wait()
        .at_most(TIMEOUT)
        .for_element(Locator::Css("#import-mapping"))
        .await
        .unwrap();
    click(&c, "#import-load").await;
    let summary = wait_for_text(&c, "#import-summary").await;
    // Both labels are read as the prisons focus: only Narnia's row is rejected; the
    // approximate year leaves its field empty and the row loads.
    assert!(
        summary.starts_with("3 filas: 2 cargadas, 1 rechazada"),
        "{summary}"
    );
    let listed = text_of(&c, ".rejected-list").await;
    assert!(
        listed.contains("línea 4") && listed.contains("\"Narnia\" no es un código de país"),
        "{listed}"
    );
    let warnings = c
        .execute(
            "return [...document.querySelectorAll('#import-warnings li')].map(li => li.textContent).join('\\n')",
            vec![],
        )
        .await
        .unwrap();
    let warnings = warnings.as_str().unwrap_or_default().to_owned();
    assert!(
        warnings.contains("\"ca. 2010\" es aproximado")
            && warnings.contains("el campo queda vacío"),
        "{warnings}"
    );
    assert!(
        warnings.contains("\"2,5 millones\" leído como 2500000"),
        "{warnings}"
    );
    // The downloaded text report speaks Spanish too, reasons included.
    let _ = std::fs::remove_file(download_dir().join("mirador-import-report.txt"));
    click(&c, "#import-report-txt").await;
    let text = String::from_utf8(downloaded("mirador-import-report.txt").await).unwrap();
    assert!(
        text.starts_with("3 filas: 2 cargadas, 1 rechazada")
            && text.contains("Rechazadas:")
            && text.contains("Advertencias:")
            && text.contains("no es un código de país"),
        "{text}"
    );
    for english in [" is not ", " read as ", "Rejected:", "Warnings:", "line "] {
        assert!(!text.contains(english), "English \"{english}\" in: {text}");
    }
    click(&c, ".import-dialog button.close").await;
    wait_text(&c, "#total", &i18n::matching_line(Lang::Es, 2, 2)).await;
    let _ = std::fs::remove_file(&file);
}
