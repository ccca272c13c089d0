//! Mirador in the field: languages, phones, the keyboard, offline use and accessibility checks.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dashboard_speaks_spanish_and_portuguese() {
    let s = Session::open().await;
    let (c, expect, base) = (&s.c, &s.expect, &s.base);
    let n = expect.index.len();
    c.goto(&format!("{base}?country=BRA")).await.unwrap();
    let brazil = expect
        .index
        .records()
        .filter(|r| r.country == "BRA")
        .count();
    wait_text(c, "#total", &i18n::matching_line(Lang::En, brazil, n)).await;
    // Choosing a language reopens the same view in it.
    click(c, "#language option[value='es']").await;
    wait_text(c, "#total", &i18n::matching_line(Lang::Es, brazil, n)).await;
    assert!(
        location_query(c).await.contains("country=BRA")
            && location_query(c).await.contains("lang=es")
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
    let citation = text_of(c, "#citation").await;
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
    screenshot(c, "19-espanol").await;
    c.goto(&format!("{base}?lang=pt&view=map")).await.unwrap();
    wait_text(c, "#total", &i18n::matching_line(Lang::Pt, n, n)).await;
    screenshot(c, "20-portugues").await;
    s.close().await;
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
    let s = Session::open().await;
    let (c, expect, base) = (&s.c, &s.expect, &s.base);
    let record = expect.index.record(0).id.clone();
    let mut problems = Vec::new();
    for (w, h) in [(1400, 1100), (390, 844)] {
        c.set_window_size(w, h).await.unwrap();
        for lang in ["en", "es", "pt"] {
            for view in mirador::url_state::View::ALL {
                let url = format!("{base}?view={}&lang={lang}", view.key());
                c.goto(&url).await.unwrap();
                wait_until(c, "return !!document.querySelector('#total') && !document.querySelector('.status.loading')", &format!("{url}: not loaded"), TIMEOUT).await;
                tokio::time::sleep(Duration::from_millis(300)).await;
                for v in axe_violations(c).await {
                    problems.push(format!("{w}x{h} {url}: {v}"));
                }
            }
            // With a dialog open: the record panel, and the import dialog.
            let url = format!("{base}?lang={lang}&record={record}");
            c.goto(&url).await.unwrap();
            wait_until(
                c,
                "return !!document.querySelector('div.detail')",
                &format!("{url}: no record panel"),
                TIMEOUT,
            )
            .await;
            tokio::time::sleep(Duration::from_millis(300)).await;
            for v in axe_violations(c).await {
                problems.push(format!("{w}x{h} {url}: {v}"));
            }
        }
    }
    s.close().await;
    assert!(
        problems.is_empty(),
        "axe-core violations:\n{}",
        problems.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_keyboard_user_filters_by_a_chart_and_reads_it_as_a_table() {
    let s = Session::open().await;
    let (c, expect, base) = (&s.c, &s.expect, &s.base);
    c.goto(&format!("{base}?lang=es")).await.unwrap();
    capture_console_errors(c).await;
    let all = Selection::new();
    let total = |sel: &Selection| {
        i18n::matching_line(
            Lang::Es,
            expect.index.evaluate(sel).matching_count(),
            expect.index.len(),
        )
    };
    wait_text(c, "#total", &total(&all)).await;
    // Tab until the country chart has focus, as a person without a mouse does.
    let mut tabs = 0;
    while c
        .execute("return !!document.activeElement && document.activeElement.matches('#chart-country canvas')", vec![])
        .await
        .unwrap()
        != serde_json::json!(true)
    {
        press(c, TAB).await;
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
    press(c, ARROW_DOWN).await;
    press(c, ARROW_DOWN).await;
    let second = &countries.bars[1];
    wait_text(
        c,
        "#chart-country p[aria-live]",
        &format!(
            "{}: {}",
            second.label,
            i18n::format_count(Lang::Es, second.count)
        ),
    )
    .await;
    // Enter filters by it, as a click would: the total changes.
    press(c, ENTER).await;
    let mut sel = Selection::new();
    if let mirador::aggregate::BarAction::Toggle(facet, key) = &second.action {
        sel.toggle(*facet, key);
    } else {
        panic!("a country bar toggles its country");
    }
    wait_text(c, "#total", &total(&sel)).await;
    assert!(
        location_query(c).await.contains("country="),
        "the filter is in the link"
    );
    // Escape leaves the chart.
    press(c, ESCAPE).await;
    let left = c
        .execute("return document.activeElement && document.activeElement.matches('#chart-country canvas')", vec![])
        .await
        .unwrap();
    assert_eq!(left, serde_json::json!(false), "Escape leaves the chart");

    // "Show as table" shows the focus chart's numbers, in the page language.
    click(c, "#chart-focus button[data-action='table']").await;
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
    let header = text_of(c, "#chart-focus .chart-table thead").await;
    assert!(
        header.contains("Categoría") && header.contains("Intervenciones"),
        "{header}"
    );
    screenshot(c, "46-keyboard-table").await;

    // The embed dialog, from the keyboard: focus moves in, Escape closes it and gives it back.
    c.execute(
        "document.querySelector(\"#chart-focus button[data-action='embed']\").focus()",
        vec![],
    )
    .await
    .unwrap();
    press(c, ENTER).await;
    wait_until(
        c,
        "return !!document.activeElement && !!document.activeElement.closest('#chart-focus .embed-dialog')",
        "the embed dialog does not take focus",
        TIMEOUT,
    )
    .await;
    press(c, ESCAPE).await;
    wait_until(
        c,
        "return !document.querySelector('#chart-focus .embed-dialog') && document.activeElement.matches(\"#chart-focus button[data-action='embed']\")",
        "Escape does not close the embed dialog and give focus back to its button",
        TIMEOUT,
    )
    .await;
    assert_no_console_errors(c).await;
    s.close().await;
}
