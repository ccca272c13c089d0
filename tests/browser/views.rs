//! The views beside the overview: timeline, map, evidence, studies, comparison, events; empty
//! results, regions, and the evidence behind the records.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_view_opens_by_link_and_filters_the_others() {
    use mirador::aggregate::views::ViewOptions;
    use mirador::selection::Bounds;
    let s = Session::open().await;
    let (c, expect, base) = (&s.c, &s.expect, &s.base);

    // Timeline: drag across years sets the year range; the overview follows.
    s.goto("?view=timeline").await;
    let mut sel = Selection::new();
    let css = "#chart-timeline canvas";
    let (w, h) = drawn_size(c, css).await;
    let d = expect.chart(&sel, &ViewOptions::default(), ChartKind::Timeline);
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
    drag(c, css, (mid(a), l.bottom - 5.0), (mid(b), l.bottom - 5.0)).await;
    sel.year = Bounds {
        min: Some(2005),
        max: Some(2010),
    };
    wait_text(c, "#total", &expect.total_line(&sel)).await;
    assert!(location_query(c).await.contains("year=2005..2010"));
    screenshot(c, "10-timeline").await;
    click(c, "#tab-overview").await;
    check_all_charts(c, expect, &sel).await;

    // Evidence gap map: clicking a cell filters to its focus and outcome; the other views follow.
    s.goto("?view=evidence").await;
    let mut sel = Selection::new();
    let css = "#chart-gap canvas";
    let (w, h) = drawn_size(c, css).await;
    let d = expect.chart(&sel, &ViewOptions::default(), ChartKind::Gap);
    let layout = Layout::of(&d, w, h);
    let (x0, y0, x1, y1) = layout.bar_rect(0).unwrap(); // policing × homicide
    drag(
        c,
        css,
        ((x0 + x1) / 2.0, (y0 + y1) / 2.0),
        ((x0 + x1) / 2.0, (y0 + y1) / 2.0),
    )
    .await;
    sel.toggle(Facet::Focus, "policing");
    sel.toggle(Facet::Outcome, "homicide");
    wait_text(c, "#total", &expect.total_line(&sel)).await;
    assert!(location_query(c)
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
    let want = expect
        .chart(&sel, &ViewOptions::default(), ChartKind::Gap)
        .aria_label(Lang::En);
    assert_eq!(aria, want);
    screenshot(c, "11-evidence").await;

    // Comparison: the link's countries, side by side; ticking one more adds a column.
    s.goto("?view=compare&compare=BRA,MEX").await;
    let brazil = expect
        .index
        .records()
        .filter(|r| r.country == "BRA")
        .count();
    wait_text(
        c,
        "#compare-table tr[data-country='BRA'] td:nth-of-type(1)",
        &brazil.to_string(),
    )
    .await;
    click(c, "#view-compare input[value='COL']").await;
    let colombia = expect
        .index
        .records()
        .filter(|r| r.country == "COL")
        .count();
    wait_text(
        c,
        "#compare-table tr[data-country='COL'] td:nth-of-type(1)",
        &colombia.to_string(),
    )
    .await;
    assert!(location_query(c).await.contains("compare=BRA,MEX,COL"));
    // Filters apply to the comparison too.
    click(c, "#facet-focus input[value='youth']").await;
    let youth_br = expect
        .index
        .records()
        .filter(|r| r.country == "BRA" && r.focus.contains(&mirador::model::Focus::Youth))
        .count();
    wait_text(
        c,
        "#compare-table tr[data-country='BRA'] td:nth-of-type(1)",
        &youth_br.to_string(),
    )
    .await;
    screenshot(c, "12-compare").await;

    // Events: the chart and the list; clicking an event opens it; the series filter narrows.
    c.goto(&format!("{base}?view=events")).await.unwrap();
    wait_text(c, "#events-count", &expect.events.to_string()).await;
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
    let (w, h) = drawn_size(c, css).await;
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
        c,
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
    assert!(location_query(c).await.contains(&format!("event={id}")));
    let series = "IDB Citizen Security Week";
    click(c, &format!("#events-series option[value='{series}']")).await;
    let n = expect
        .event_list
        .iter()
        .filter(|e| e.series.as_deref() == Some(series))
        .count();
    wait_text(c, "#events-count", &n.to_string()).await;
    screenshot(c, "13-events").await;
    s.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_map_filters_by_country_and_keeps_islands_clickable() {
    use mirador::aggregate::views::{SharedAtlas, ViewOptions};
    let s = Session::open().await;
    let (c, expect) = (&s.c, &s.expect);
    let atlas = SharedAtlas(std::sync::Arc::new(
        mirador::geo::Atlas::from_json(
            &std::fs::read_to_string(s.dist.join("data/geo/lac.json")).unwrap(),
        )
        .unwrap(),
    ));
    s.goto("?view=map").await;
    capture_console_errors(c).await;
    let mut sel = Selection::new();
    let css = "#chart-map canvas";
    let options = ViewOptions {
        atlas: Some(atlas.clone()),
        ..Default::default()
    };
    let aria = |sel: &Selection| {
        expect
            .chart(sel, &options, ChartKind::Map)
            .aria_label(Lang::En)
    };
    wait_attr(c, css, "aria-label", &aria(&sel)).await;
    let (w, h) = canvas_size(c, css).await;
    let d = expect.chart(&sel, &options, ChartKind::Map);
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
        drag(c, css, (x, y), (x, y)).await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        sel.toggle(Facet::Country, code);
        wait_text(c, "#total", &expect.total_line(&sel)).await;
        // The map has redrawn with the selection before the next click lands on it.
        wait_attr(c, css, "aria-label", &aria(&sel)).await;
    }
    assert!(location_query(c).await.contains("country=BRA,BRB"));
    screenshot(c, "14-map").await;
    click(c, "#map-measure option[value='effective']").await;
    assert!(location_query(c).await.contains("measure=effective"));
    click(c, "#tab-overview").await;
    check_all_charts(c, expect, &sel).await;
    assert_no_console_errors(c).await;
    s.close().await;
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
    let s = Session::open().await;
    let (c, expect, base) = (&s.c, &s.expect, &s.base);
    let (index, set) = evidence_fixture(&s.dist);

    // The Studies view lists the studies behind the filters, newest first.
    c.goto(&format!("{base}?view=studies&country=PER"))
        .await
        .unwrap();
    capture_console_errors(c).await;
    let mut sel = Selection::new();
    sel.toggle(Facet::Country, "PER");
    wait_text(c, "#total", &expect.total_line(&sel)).await;
    let r = index.evaluate(&sel);
    let mut rows = set.matching(&r);
    assert!(!rows.is_empty(), "Peru's interventions have studies");
    let evaluated = r
        .matching
        .iter()
        .filter(|i| !set.of_record(*i).is_empty())
        .count();
    wait_text(
        c,
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
    click(c, "#ssort-title").await;
    set.sort(&mut rows, StudySort::Title, false);
    wait_attr(
        c,
        "#studies-table tbody tr:first-child",
        "data-study",
        &set.studies[rows[0]].id,
    )
    .await;
    assert!(location_query(c).await.contains("ssort=title"));
    // Citations for reference managers: one RIS record per study shown.
    click(c, "#download-studies-ris").await;
    let ris =
        String::from_utf8(downloaded(&format!("mirador-studies-{}.ris", today())).await).unwrap();
    assert_eq!(ris.matches("TY  - ").count(), rows.len(), "{ris}");
    click(c, "#download-studies-bibtex").await;
    let bib =
        String::from_utf8(downloaded(&format!("mirador-studies-{}.bib", today())).await).unwrap();
    assert_eq!(
        bib.matches("@article{").count() + bib.matches("@techreport{").count(),
        rows.len()
    );
    screenshot(c, "30-studies").await;

    // An intervention's evidence: its studies, the derived verdict, ratings side by side, and
    // every fact marked with the sources that state it.
    let record = set.records_of(rows[0])[0] as usize;
    let id = index.record(record).id.clone();
    click(c, &format!("#studies-table button[data-record='{id}']")).await;
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
    let verdict = text_of(c, "#evidence-verdict").await;
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
    screenshot(c, "31-record-evidence").await;

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
        let note = text_of(c, "#detail-evidence .rating-differs").await;
        assert!(note.contains("differs from the verdict"), "{note}");
    }

    // "What the evidence found": ticking "Homicide: improved" keeps the interventions whose
    // impact studies found fewer homicides; the total and the link follow.
    c.goto(base).await.unwrap();
    let sel = Selection::new();
    wait_text(c, "#total", &expect.total_line(&sel)).await;
    let mut sel = Selection::new();
    sel.toggle(Facet::Finding, "homicide:improved");
    let want = expect.index.evaluate(&sel).matching_count();
    assert!(want > 0, "some intervention improved homicide");
    let label = text_of(
        c,
        "#facet-finding li:has(input[value='homicide:improved']) .label",
    )
    .await;
    assert_eq!(label, "Homicide: improved");
    click(c, "#facet-finding input[value='homicide:improved']").await;
    wait_text(c, "#total", &expect.total_line(&sel)).await;
    assert!(location_query(c)
        .await
        .contains("finding=homicide:improved"));

    // The gap map counts studies when asked, and the evaluation gap filters by country.
    c.goto(&format!(
        "{base}?view=evidence&count=studies&colour=direction"
    ))
    .await
    .unwrap();
    capture_console_errors(c).await;
    let sel = Selection::new();
    wait_text(c, "#total", &expect.total_line(&sel)).await;
    let r = index.evaluate(&sel);
    let options = ViewOptions {
        gap_count: GapCount::Studies,
        colour: GapColour::Direction,
        studies: Some(SharedStudies(std::sync::Arc::new(set.clone()))),
        ..Default::default()
    };
    let want =
        chart_data(&index, &r, &sel, &[], &options, ChartKind::Gap, Lang::En).aria_label(Lang::En);
    wait_attr(c, "#chart-gap canvas", "aria-label", &want).await;
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
    wait_attr(c, css, "aria-label", &d.aria_label(Lang::En)).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let (w, h) = canvas_size(c, css).await;
    let ChartData::EvaluationGap(s) = &d else {
        panic!()
    };
    let first = s.countries[0].key.clone();
    let (x0, y0, x1, y1) = Layout::of(&d, w, h).bar_rect(0).unwrap();
    let p = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    drag(c, css, p, p).await;
    let mut sel = Selection::new();
    sel.toggle(Facet::Country, &first);
    wait_text(c, "#total", &expect.total_line(&sel)).await;
    assert!(location_query(c)
        .await
        .contains(&format!("country={first}")));
    screenshot(c, "32-evidence-studies").await;
    assert_no_console_errors(c).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_comparison_keeps_a_country_at_zero_and_says_why() {
    let s = Session::open().await;
    let (c, expect, base) = (&s.c, &s.expect, &s.base);
    // Opened without `compare=`: the default countries are kept in the link once shown.
    c.goto(&format!("{base}?view=compare")).await.unwrap();
    capture_console_errors(c).await;
    wait_text(c, "#total", &expect.total_line(&Selection::new())).await;
    let sel = Selection::new();
    let r = expect.index.evaluate(&sel);
    let chosen = mirador::aggregate::views::default_comparison(&expect.index, &r);
    let start = Instant::now();
    while !location_query(c)
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
    click(c, &format!("#facet-outcome input[value='{}']", zero.0)).await;
    sel.toggle(Facet::Outcome, zero.0);
    wait_text(c, "#total", &expect.total_line(&sel)).await;
    wait_text(
        c,
        &format!(
            "#compare-table tr[data-country='{}'] td:nth-of-type(1)",
            zero.1
        ),
        "0",
    )
    .await;
    assert!(location_query(c)
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
    wait_attr(c, "#chart-compare canvas", "aria-label", &aria).await;
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
    let note = text_of(c, "#compare-note").await;
    assert!(note.contains("no currency is converted"), "{note}");
    screenshot(c, "33-compare-zero").await;
    assert_no_console_errors(c).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_empty_result_explains_itself_and_the_map_says_not_rated() {
    use mirador::aggregate::empty::explain_empty;
    let s = Session::open().await;
    let (c, expect, base) = (&s.c, &s.expect, &s.base);
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
    capture_console_errors(c).await;
    wait_text(c, "#total", &expect.total_line(&sel)).await;
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
    click(c, "#empty-explain li:first-child button").await;
    let mut after = sel.clone();
    why[0].which.clear(&mut after);
    wait_text(c, "#total", &expect.total_line(&after)).await;
    assert_eq!(
        expect.index.evaluate(&after).matching_count(),
        why[0].matching
    );
    screenshot(c, "34-empty-explained").await;
    assert_no_console_errors(c).await;

    // The map by share rated effective: a country with no rated intervention is "Not rated".
    c.goto(&format!("{base}?view=map&measure=effective"))
        .await
        .unwrap();
    capture_console_errors(c).await;
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
    screenshot(c, "35-map-not-rated").await;
    assert_no_console_errors(c).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_researcher_picks_a_region() {
    let s = Session::open().await;
    let (c, expect) = (&s.c, &s.expect);
    c.goto(&s.base).await.unwrap();
    capture_console_errors(c).await;
    wait_text(c, "#total", &expect.total_line(&Selection::new())).await;
    let label = text_of(
        c,
        "#facet-region li:has(input[value='central-america']) .label",
    )
    .await;
    assert_eq!(label, "Central America");
    click(c, "#facet-region input[value='central-america']").await;
    let mut sel = Selection::new();
    sel.toggle(Facet::Region, "central-america");
    let central = expect
        .index
        .records()
        .filter(|r| ["BLZ", "CRI", "SLV", "GTM", "HND", "NIC", "PAN"].contains(&r.country.as_str()))
        .count();
    assert_eq!(expect.index.evaluate(&sel).matching_count(), central);
    wait_text(c, "#total", &expect.total_line(&sel)).await;
    assert!(location_query(c).await.contains("region=central-america"));
    // The country chart follows: only Central American countries keep bars.
    check_all_charts(c, expect, &sel).await;
    assert_no_console_errors(c).await;
}

/// A budget stated in another currency, with the year its amount refers to, shows in US dollars
/// in the record panel, marked as converted and naming the rate, in the page's language; and the
/// budget filter counts it at that value.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn budgets_in_other_currencies_show_in_dollars_with_their_rate() {
    let s = Session::open().await;
    let (c, expect, base) = (&s.c, &s.expect, &s.base);
    let (at, r) = (0..expect.index.len())
        .map(|i| (i, expect.index.record(i)))
        .find(|(_, r)| r.usd_conversion().is_some())
        .expect("a bundled budget in another currency, with its year");
    let conv = r.usd_conversion().unwrap();
    let currency = r.budget_currency.clone().unwrap();
    for lang in [Lang::En, Lang::Pt] {
        c.goto(&format!("{base}?lang={}&record={}", lang.code(), r.id))
            .await
            .unwrap();
        wait_text(c, "#detail-title", &r.name).await;
        let want =
            i18n::converted_usd(lang, conv.usd, &currency, conv.year, mirador::rates::SOURCE);
        let shown = text_of(c, "#detail").await;
        assert!(
            shown.contains(&want),
            "{} in {lang:?}: want {want:?} in {shown}",
            r.id
        );
    }
    // A budget range around the converted value keeps the record.
    let (min, max) = ((conv.usd * 0.99).floor(), (conv.usd * 1.01).ceil());
    c.goto(&format!("{base}?budget={min}..{max}"))
        .await
        .unwrap();
    let mut sel = Selection::new();
    sel.budget = mirador::selection::Bounds {
        min: Some(min),
        max: Some(max),
    };
    assert!(
        expect.index.evaluate(&sel).matching.iter().any(|i| i == at),
        "the budget filter should keep {}",
        r.id
    );
    wait_text(c, "#total", &expect.total_line(&sel)).await;
    s.close().await;
}
