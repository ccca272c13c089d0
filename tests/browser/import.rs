//! A person's own data: spreadsheets, hostile files, a large CSV, and an import in Spanish.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_person_loads_their_own_spreadsheet() {
    let s = Session::open().await;
    let (c, expect, base, dist) = (&s.c, &s.expect, &s.base, &s.dist);
    c.goto(base).await.unwrap();
    wait_text(c, "#total", &expect.total_line(&Selection::new())).await;

    // A file that is not CSV or JSON: a clear message, and the bundled data stays.
    let junk = std::env::temp_dir().join(format!("mirador-junk-{}.xlsx", std::process::id()));
    std::fs::write(&junk, b"PK\x03\x04\x14\x00\x06\x00binary workbook\x00\x00").unwrap();
    click(c, "#import-open").await;
    choose_file(c, &junk).await;
    let error = wait_for_text(c, "#import-error").await;
    assert!(
        error.contains("not a CSV or JSON file") && error.contains("previous data is still shown"),
        "{error}"
    );
    wait_text(c, "#total", &expect.total_line(&Selection::new())).await;

    // A Spanish spreadsheet saved as CSV: columns matched, previewed, loaded; one row rejected.
    let csv = std::fs::canonicalize("tests/fixtures/import/synthetic-es.csv").unwrap();
    click(c, ".import-dialog button.action").await;
    choose_file(c, &csv).await;
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
    screenshot(c, "15-import-mapping").await;
    click(c, "#import-load").await;
    let summary = wait_for_text(c, "#import-summary").await;
    assert!(
        summary.starts_with("5 rows: 4 loaded, 1 rejected"),
        "{summary}"
    );
    let listed = text_of(c, ".rejected-list").await;
    assert!(
        listed.contains("line 5") && listed.contains("Narnia"),
        "{listed}"
    );
    click(c, "#import-report-json").await;
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
    screenshot(c, "16-import-report").await;
    click(c, ".import-dialog button.close").await;
    wait_text(c, "#total", "4 of 4 interventions").await;
    let banner = text_of(c, "#source-banner").await;
    assert!(
        banner.contains("Showing your data: synthetic-es.csv (4 interventions)"),
        "{banner}"
    );
    // A copied link says the recipient will not see this file.
    click(c, "#copy-link").await;
    c.wait()
        .at_most(TIMEOUT)
        .for_element(Locator::Css("#link-note"))
        .await
        .unwrap();
    let note = text_of(c, "#link-note").await;
    assert!(note.contains("sees the bundled data instead"), "{note}");
    assert!(banner.contains("kept in this browser"), "{banner}");
    // A reload keeps the loaded file, read with the mapping the person confirmed.
    c.refresh().await.unwrap();
    wait_text(c, "#total", "4 of 4 interventions").await;
    let banner = text_of(c, "#source-banner").await;
    assert!(
        banner.contains("synthetic-es.csv"),
        "after a reload: {banner}"
    );
    // Going back to the bundled data forgets it, for this visit and the next.
    click(c, "#back-to-bundled").await;
    let bundled = Expect::load(dist);
    wait_text(c, "#total", &bundled.total_line(&Selection::new())).await;
    c.refresh().await.unwrap();
    wait_text(c, "#total", &bundled.total_line(&Selection::new())).await;
    assert_eq!(
        text_of(c, "#source-banner").await,
        "",
        "the bundled data, no banner"
    );
    s.close().await;
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
