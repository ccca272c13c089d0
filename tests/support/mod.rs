//! Code the integration tests share (a folder, so cargo does not build it as a test of its own).

pub mod browser;
