//! End-to-end tests of the built app in headless Chromium, driven through WebDriver
//! (chromedriver) the way a person uses it: click labels and bars, type, read the page.
//!
//! Needs a release build in `dist/` (`make dist`) and `/usr/bin/chromedriver`; runs only with
//! `--features browser-tests` (`make test` does both). The expected numbers are not hard-coded:
//! the test loads the same data files with the core library and asks it what the page should show,
//! so a regression in the page's wiring, not a change in the data, is what makes it fail.
//! Screenshots are written to `target/screenshots/` for a person to look at.
#![cfg(feature = "browser-tests")]

#[path = "../support/mod.rs"]
mod support;

mod field;
mod import;
mod links;
mod overview;
mod views;

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
