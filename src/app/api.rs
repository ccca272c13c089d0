//! I/O: fetching the dataset files with gloo-net and handing their text to the core parser.
//! Components never fetch or parse themselves.

use super::Dataset;
use crate::engine::Index;
use crate::parse::{parse_events, parse_interventions};
use gloo_net::http::Request;

async fn fetch_text(url: &str) -> Result<String, String> {
    let resp = Request::get(url).send().await.map_err(|e| {
        format!("{url} could not be fetched ({e}). Check the connection and reload the page.")
    })?;
    if !resp.ok() {
        return Err(format!(
            "{url} answered HTTP {} {}",
            resp.status(),
            resp.status_text()
        ));
    }
    resp.text()
        .await
        .map_err(|e| format!("{url} could not be read ({e})"))
}

/// Fetches and parses both files. A file that is not a JSON array fails the load; single bad
/// records are kept in `Dataset::rejected` and the rest loads.
pub async fn load_dataset(interventions_url: &str, events_url: &str) -> Result<Dataset, String> {
    // Both files at once: the events do not wait a round trip behind the interventions.
    let (text, events_text) =
        futures_util::future::join(fetch_text(interventions_url), fetch_text(events_url)).await;
    let interventions =
        parse_interventions(&text?).map_err(|e| format!("{interventions_url}: {e}"))?;
    let events = parse_events(&events_text?).map_err(|e| format!("{events_url}: {e}"))?;
    let mut rejected: Vec<(String, _)> = interventions
        .rejected
        .into_iter()
        .map(|r| (interventions_url.to_owned(), r))
        .collect();
    rejected.extend(
        events
            .rejected
            .into_iter()
            .map(|r| (events_url.to_owned(), r)),
    );
    Ok(Dataset {
        index: Index::new(interventions.records),
        events: events.records,
        rejected,
        source: None,
    })
}

/// Fetches the studies of a dataset and links them to its records. A study that does not load
/// (an unknown intervention, a bad DOI) is left out; the bundled file is checked by the data
/// tests, so none is expected.
pub async fn load_studies(
    url: &str,
    data: &Dataset,
) -> Result<crate::aggregate::studies::StudySet, String> {
    let text = fetch_text(url).await?;
    let ids: Vec<String> = (0..data.index.len())
        .map(|i| data.index.name_and_id(i).1.into_owned())
        .collect();
    let known: std::collections::HashSet<&str> = ids.iter().map(String::as_str).collect();
    let report = crate::parse::parse_studies(&text, &known).map_err(|e| format!("{url}: {e}"))?;
    Ok(crate::aggregate::studies::StudySet::new(
        &data.index,
        report.records,
    ))
}

/// Fetches a file of the bundled records keyed by record id (`data/sources.json`,
/// `data/descriptions.json`).
pub async fn load_by_record<T: serde::de::DeserializeOwned>(
    url: &str,
) -> Result<std::collections::HashMap<String, T>, String> {
    let text = fetch_text(url).await?;
    crate::parse::parse_by_record(&text).map_err(|e| format!("{url}: {e}"))
}

/// Fetches and reads the country shapes for the map.
pub async fn load_atlas(url: &str) -> Result<crate::geo::Atlas, String> {
    let text = fetch_text(url).await?;
    crate::geo::Atlas::from_json(&text).map_err(|e| format!("{url}: {e}"))
}

/// Fetches a file's bytes; a failure says what happened and what to do.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let resp = Request::get(url).send().await.map_err(|e| {
        format!("could not be fetched ({e}). The server may not allow other sites to read it (CORS), or the network failed: download the file and load it with \"Load your data\" instead.")
    })?;
    if !resp.ok() {
        return Err(format!(
            "the server answered HTTP {} {}",
            resp.status(),
            resp.status_text()
        ));
    }
    resp.binary()
        .await
        .map_err(|e| format!("could not be read ({e})"))
}

/// `n` synthetic interventions from the seeded generator (benchmarks and scale tests only; the
/// page labels them as synthetic). Events are the bundled ones, loaded if they can be.
pub async fn synthetic_dataset(n: usize) -> Result<Dataset, String> {
    let n = n.clamp(1, 2_000_000);
    // Let the loading message paint before the work starts.
    gloo_timers::future::TimeoutFuture::new(0).await;
    Ok(Dataset {
        index: Index::synthetic(crate::synthetic::DEFAULT_SEED, n),
        events: Vec::new(),
        rejected: Vec::new(),
        source: Some(format!("synthetic:{n}")),
    })
}
