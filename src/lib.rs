//! Mirador: an open dashboard of citizen security interventions and events in Latin America and
//! the Caribbean.
//!
//! The crate is a pure core (everything below except `app`), built and tested on the host, plus a
//! thin Leptos layer (`app`) compiled only for WebAssembly. See ARCHITECTURE.md for which module
//! may depend on which.

pub mod aggregate;
pub mod chart;
pub mod country;
pub mod engine;
pub mod evidence;
pub mod export;
pub mod geo;
pub mod i18n;
pub mod import;
pub mod model;
pub mod parse;
pub mod provenance;
pub mod rates;
pub mod selection;
pub mod state;
pub mod synthetic;
pub mod text;
pub mod url_state;

#[cfg(target_arch = "wasm32")]
pub mod app;
