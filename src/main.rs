//! Entry point. In the browser (wasm32) it mounts the Leptos app; natively it is the `mirador`
//! command line.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    mirador::app::mount();
}

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}
