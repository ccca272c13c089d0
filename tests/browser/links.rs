//! Links that reopen a view, embeds and downloads of what the view shows.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn links_reopen_the_exact_view() {
    let s = Session::open().await;
    let (c, expect, base) = (&s.c, &s.expect, &s.base);
    c.goto(base).await.unwrap();
    let mut sel = Selection::new();
    wait_text(c, "#total", &expect.total_line(&sel)).await;

    // Build a view by clicking and typing; the address follows.
    click(c, "#facet-country input[value='COL']").await;
    sel.toggle(Facet::Country, "COL");
    wait_text(c, "#total", &expect.total_line(&sel)).await;
    click(c, "#facet-country input[value='BRA']").await;
    sel.toggle(Facet::Country, "BRA");
    wait_text(c, "#total", &expect.total_line(&sel)).await;
    click(c, "#facet-focus input[value='youth']").await;
    sel.toggle(Facet::Focus, "youth");
    wait_text(c, "#total", &expect.total_line(&sel)).await;
    c.find(Locator::Css("#search"))
        .await
        .unwrap()
        .send_keys("progr")
        .await
        .unwrap();
    sel.query = "progr".into();
    wait_text(c, "#total", &expect.total_line(&sel)).await;
    assert_eq!(
        location_query(c).await,
        "?country=BRA,COL&focus=youth&q=progr"
    );

    // Back walks the discrete changes, not the keystrokes: one step undoes the focus and the search.
    c.back().await.unwrap();
    let mut before_focus = Selection::new();
    before_focus.toggle(Facet::Country, "COL");
    before_focus.toggle(Facet::Country, "BRA");
    wait_text(c, "#total", &expect.total_line(&before_focus)).await;
    assert_eq!(location_query(c).await, "?country=BRA,COL");
    c.forward().await.unwrap();

    // Opening the link fresh restores the same view: total, ticked boxes, charts.
    let link = format!("{base}?country=BRA,COL&focus=youth&q=progr");
    c.goto("about:blank").await.unwrap();
    c.goto(&link).await.unwrap();
    wait_text(c, "#total", &expect.total_line(&sel)).await;
    check_all_charts(c, expect, &sel).await;
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
    wait_text(c, "#total", &expect.total_line(&brazil)).await;
    let notice = text_of(c, "#notices").await;
    assert!(
        notice.contains("NARNIA") && notice.contains("year=soon") && notice.contains("colour=blue"),
        "{notice}"
    );
    screenshot(c, "07-notice").await;

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
    wait_text(c, "#detail-title", &expect.index.record(0).name).await;
    wait_text(
        c,
        "#page-line",
        &format!("Page 2 of {}", expect.index.len().div_ceil(25)),
    )
    .await;
    s.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn embeds_and_downloads_are_what_the_view_shows() {
    let s = Session::open().await;
    let (c, expect, base) = (&s.c, &s.expect, &s.base);
    let mut sel = Selection::new();
    sel.toggle(Facet::Country, "BRA");

    // The embed page: only the chart, its summary, the credit and a link back; no scrollbars.
    c.set_window_size(700, 900).await.unwrap();
    c.goto(&format!("{base}?embed=focus&country=BRA"))
        .await
        .unwrap();
    wait_attr(
        c,
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
    let summary = text_of(c, "#embed-summary").await;
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
    screenshot(c, "08-embed").await;

    // Downloads from the full view, filtered to Brazil.
    c.set_window_size(1400, 1100).await.unwrap();
    c.goto(&format!("{base}?country=BRA")).await.unwrap();
    wait_text(c, "#total", &expect.total_line(&sel)).await;

    click(c, "#download-csv").await;
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

    click(c, "#download-json").await;
    let json = downloaded("mirador-interventions.json").await;
    let back = parse_interventions(std::str::from_utf8(&json).unwrap()).unwrap();
    assert!(back.rejected.is_empty());
    assert_eq!(back.records.len(), rows.len());

    // Chart exports carry their context and are named for what and which.
    click(c, "#chart-country button[data-action='svg']").await;
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
    click(c, "#chart-effect select.export-size option[value='slide']").await;
    click(c, "#chart-effect button[data-action='png']").await;
    let png = downloaded(&format!("mirador-effect-BRA-{}.png", today())).await;
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let w = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let h = u32::from_be_bytes(png[20..24].try_into().unwrap());
    assert_eq!((w, h), (1920, 1080));

    click(c, "#events-csv").await;
    let events = String::from_utf8(downloaded("mirador-events.csv").await).unwrap();
    assert!(events.starts_with("\u{feff}id,name,series"));

    // The embed dialog gives an iframe for this exact state; the citation names the filters.
    click(c, "#chart-focus button[data-action='embed']").await;
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
    let citation = text_of(c, "#citation").await;
    assert!(
        citation.contains("Country: Brazil") && citation.contains(&format!("{base}?country=BRA")),
        "{citation}"
    );
    screenshot(c, "09-embed-dialog").await;
    s.close().await;
}

/// A link made with an older release of the bundled data opens the same view and says which
/// release made it, which one the page shows and which came since, with the list of changes; the
/// address keeps the view, not the link's version, and the page's own citation names this release.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_link_from_an_older_release_says_so() {
    use mirador::model::{DATASET_VERSION, DATASET_VERSIONS};
    let s = Session::open().await;
    let (c, expect, base) = (&s.c, &s.expect, &s.base);
    let (older, _) = DATASET_VERSIONS[1];
    c.goto(&format!("{base}?country=BRA&v={older}"))
        .await
        .unwrap();
    capture_console_errors(c).await;
    let mut sel = Selection::new();
    sel.toggle(Facet::Country, "BRA");
    wait_text(c, "#total", &expect.total_line(&sel)).await;
    let note = wait_for_text(c, "#version-notice").await;
    assert!(
        note.contains(&format!("version {older}"))
            && note.contains(&format!("version {DATASET_VERSION}")),
        "{note}"
    );
    assert!(
        note.contains(&format!("Released since: {DATASET_VERSION}")),
        "{note}"
    );
    let href = c
        .find(Locator::Css("#what-changed"))
        .await
        .unwrap()
        .attr("href")
        .await
        .unwrap();
    assert_eq!(href.as_deref(), Some("data/CHANGELOG.txt"));
    assert_eq!(location_query(c).await, "?country=BRA");
    let citation = text_of(c, "#citation").await;
    assert!(
        citation.contains(&format!("{base}?country=BRA&v={DATASET_VERSION}")),
        "the citation names the release it cites: {citation}"
    );
    screenshot(c, "25-older-release").await;
    click(c, "#version-notice button").await;
    wait_until(
        c,
        "return document.getElementById('version-notice') === null",
        "the version note closes",
        TIMEOUT,
    )
    .await;
    assert_no_console_errors(c).await;
    // The same link with this release's version says nothing.
    c.goto(&format!("{base}?country=BRA&v={DATASET_VERSION}"))
        .await
        .unwrap();
    wait_text(c, "#total", &expect.total_line(&sel)).await;
    assert!(c.find(Locator::Css("#version-notice")).await.is_err());
    // The list of changes is served beside the data, as text; opening it leaves the offline copy
    // of the app as it was (the service worker keeps it under its own address).
    c.goto(&format!("{base}data/CHANGELOG.txt")).await.unwrap();
    let log = wait_for_text(c, "body").await;
    assert!(
        log.contains(&format!("## {DATASET_VERSION} (")),
        "{}",
        &log[..log.len().min(300)]
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    let app_cached = c
        .execute_async(
            "const done = arguments[arguments.length - 1];
             caches.keys()
               .then((keys) => Promise.all(keys.map((k) => caches.open(k).then((cache) => cache.match(new URL('../', location.href))))))
               .then((hits) => Promise.all(hits.filter(Boolean).map((r) => r.text())))
               .then((pages) => done(pages.length > 0 && pages.every((p) => p.includes('<html'))))
               .catch((e) => done(String(e)));",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        app_cached,
        serde_json::json!(true),
        "the cached app page is still the app"
    );
    s.close().await;
}
