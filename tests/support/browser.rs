//! What the browser tests share: a static server for `dist/` (with a switch that cuts the network
//! or serves an update), chromedriver and a headless Chromium per test, actions a person takes
//! (click, press keys, drag), waits on what the page shows, downloads, axe-core, and `Expect`: what
//! the page should show, computed by the core from the same data files.

use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use fantoccini::{Client, ClientBuilder, Locator};
use mirador::aggregate::{series, ChartKind};
use mirador::chart::Layout;
use mirador::engine::Index;
use mirador::i18n::{self, Lang};
use mirador::parse::{parse_events, parse_interventions};
use mirador::selection::Selection;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const TIMEOUT: Duration = Duration::from_secs(15);

pub fn dist() -> PathBuf {
    let dir = PathBuf::from(std::env::var("MIRADOR_DIST").unwrap_or_else(|_| "dist".into()));
    assert!(
        dir.join("index.html").exists(),
        "{} has no index.html: build the app first (make dist)",
        dir.display()
    );
    dir
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Serves `root` on loopback; `broken` paths answer 404 (to test load failures).
pub fn serve(root: PathBuf, broken: &'static [&'static str]) -> u16 {
    serve_with(root, broken, Vec::new())
}

/// As `serve`, plus `extras`: other files served at the given paths (test fixtures).
pub fn serve_with(
    root: PathBuf,
    broken: &'static [&'static str],
    extras: Vec<(&'static str, PathBuf)>,
) -> u16 {
    serve_switched(root, broken, extras, Arc::new(Switch::default()))
}

/// What a test can change on a running server: cut the network (see `offline_gate`) or serve
/// other content at a path (an update).
#[derive(Default)]
pub struct Switch {
    pub offline: AtomicBool,
    pub replaced: Mutex<Vec<(String, Vec<u8>)>>,
    /// Connections open through the gate, closed when the network goes down.
    pub open: Mutex<Vec<std::net::TcpStream>>,
}

impl Switch {
    pub fn set_offline(&self, offline: bool) {
        self.offline.store(offline, Ordering::SeqCst);
        if offline {
            for s in self.open.lock().unwrap().drain(..) {
                let _ = s.shutdown(std::net::Shutdown::Both);
            }
        }
    }
}

/// A loopback port in front of `upstream` that behaves like the network: while `switch` is
/// offline every connection is closed at once, and the ones open are cut, so the browser sees
/// network errors (not error pages) and a service worker must answer from its cache.
pub fn offline_gate(upstream: u16, switch: Arc<Switch>) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for client in listener.incoming().flatten() {
            if switch.offline.load(Ordering::SeqCst) {
                let _ = client.shutdown(std::net::Shutdown::Both);
                continue;
            }
            let Ok(server) = std::net::TcpStream::connect(("127.0.0.1", upstream)) else {
                continue;
            };
            {
                let mut open = switch.open.lock().unwrap();
                open.push(client.try_clone().unwrap());
                open.push(server.try_clone().unwrap());
            }
            for (mut from, mut to) in [
                (client.try_clone().unwrap(), server.try_clone().unwrap()),
                (server, client),
            ] {
                std::thread::spawn(move || {
                    let _ = std::io::copy(&mut from, &mut to);
                    let _ = to.shutdown(std::net::Shutdown::Both);
                });
            }
        }
    });
    port
}

pub fn serve_switched(
    root: PathBuf,
    broken: &'static [&'static str],
    extras: Vec<(&'static str, PathBuf)>,
    switch: Arc<Switch>,
) -> u16 {
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let port = server.server_addr().to_ip().unwrap().port();
    std::thread::spawn(move || {
        for req in server.incoming_requests() {
            let url = req
                .url()
                .split('?')
                .next()
                .unwrap_or("/")
                .trim_start_matches('/')
                .to_owned();
            let rel = if url.is_empty() {
                "index.html".to_owned()
            } else {
                url
            };
            let extra = extras
                .iter()
                .find(|(p, _)| *p == rel)
                .map(|(_, f)| f.clone());
            let path = extra.clone().unwrap_or_else(|| root.join(&rel));
            let inside = extra.is_some()
                || path
                    .canonicalize()
                    .map(|p| p.starts_with(root.canonicalize().unwrap()))
                    .unwrap_or(false);
            if broken.contains(&rel.as_str()) || !inside || !path.is_file() {
                let _ = req
                    .respond(tiny_http::Response::from_string("not found").with_status_code(404));
                continue;
            }
            let mime = match path.extension().and_then(|e| e.to_str()) {
                Some("html") => "text/html; charset=utf-8",
                Some("js") => "text/javascript",
                Some("wasm") => "application/wasm",
                Some("css") => "text/css",
                Some("json") => "application/json",
                Some("svg") => "image/svg+xml",
                Some("png") => "image/png",
                Some("txt") => "text/plain; charset=utf-8",
                _ => "application/octet-stream",
            };
            let replaced = switch.replaced.lock().unwrap();
            let body = match replaced.iter().find(|(p, _)| *p == rel) {
                Some((_, b)) => b.clone(),
                None => std::fs::read(&path).unwrap(),
            };
            drop(replaced);
            let header = tiny_http::Header::from_bytes("Content-Type", mime).unwrap();
            let _ = req.respond(tiny_http::Response::from_data(body).with_header(header));
        }
    });
    port
}

pub struct Driver {
    pub process: Child,
    pub port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

pub fn chromedriver() -> Driver {
    let bin = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
    let port = free_port();
    let process = Command::new(&bin)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("cannot start {bin}: {e} (install chromium-driver: make setup)")
        });
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < TIMEOUT,
            "chromedriver did not start on port {port}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    Driver { process, port }
}

pub fn download_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mirador-downloads-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub async fn browser(driver: &Driver) -> Client {
    let args = [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1400,1100",
        // A HiDPI screen: canvases must scale their backing store.
        "--force-device-scale-factor=2",
    ];
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "args": args,
            "binary": std::env::var("CHROME").unwrap_or_else(|_| "/usr/bin/chromium".into()),
            "prefs": { "download.default_directory": download_dir().to_str().unwrap(), "download.prompt_for_download": false },
        }),
    );
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("WebDriver session")
}

/// What most tests start from: the built app served, a headless Chromium on it, and `Expect`
/// for its bundled data. Keep the value whole while the test runs (`let s = Session::open()`, then
/// `s.c`): its `Driver` stops chromedriver when dropped, which a destructuring `let` would do at
/// once.
pub struct Session {
    pub dist: PathBuf,
    pub expect: Expect,
    /// The app's address, ending in `/`.
    pub base: String,
    pub c: Client,
    _driver: Driver,
}

impl Session {
    pub async fn open() -> Session {
        let dist = dist();
        let expect = Expect::load(&dist);
        let port = serve(dist.clone(), &[]);
        let driver = chromedriver();
        let c = browser(&driver).await;
        Session {
            dist,
            expect,
            base: format!("http://127.0.0.1:{port}/"),
            c,
            _driver: driver,
        }
    }

    /// Opens the app at `query` (`""`, `"?view=map"`) and waits until it shows every record.
    pub async fn goto(&self, query: &str) {
        self.c.goto(&format!("{}{query}", self.base)).await.unwrap();
        wait_text(
            &self.c,
            "#total",
            &self.expect.total_line(&Selection::new()),
        )
        .await;
    }

    /// Ends the browser session, then chromedriver.
    pub async fn close(self) {
        self.c.close().await.unwrap();
    }
}

/// Clicks the element `css` finds, as a person would.
pub async fn click(c: &Client, css: &str) {
    c.find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
        .click()
        .await
        .unwrap();
}

/// Records console errors and uncaught exceptions in `window.__errors` (a panic in WebAssembly
/// logs one), for a test to check at its end.
pub async fn capture_console_errors(c: &Client) {
    c.execute(
        "window.__errors = []; const e = console.error; console.error = (...a) => { window.__errors.push(a.join(' ')); e(...a); }; window.addEventListener('error', ev => window.__errors.push(String(ev.message)));",
        vec![],
    )
    .await
    .unwrap();
}

/// Nothing went wrong behind the scenes since `capture_console_errors`.
pub async fn assert_no_console_errors(c: &Client) {
    let errors = c.execute("return window.__errors", vec![]).await.unwrap();
    assert_eq!(errors, serde_json::json!([]), "console errors");
}

pub async fn text_of(c: &Client, css: &str) -> String {
    match c.find(Locator::Css(css)).await {
        Ok(e) => e.text().await.unwrap_or_default(),
        Err(_) => String::new(),
    }
}

/// Polls until the element's text equals `want`, then returns; fails with the last text seen.
pub async fn wait_text(c: &Client, css: &str, want: &str) {
    let start = Instant::now();
    loop {
        let got = text_of(c, css).await;
        if got == want {
            return;
        }
        assert!(
            start.elapsed() < TIMEOUT,
            "{css}: expected {want:?}, page shows {got:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

pub async fn wait_attr(c: &Client, css: &str, attr: &str, want: &str) {
    let start = Instant::now();
    loop {
        let got = match c.find(Locator::Css(css)).await {
            Ok(e) => e.attr(attr).await.ok().flatten().unwrap_or_default(),
            Err(_) => String::new(),
        };
        if got == want {
            return;
        }
        assert!(
            start.elapsed() < TIMEOUT,
            "{css}[{attr}]: expected {want:?}\n page has {got:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

pub async fn screenshot(c: &Client, name: &str) {
    let dir = Path::new("target/screenshots");
    std::fs::create_dir_all(dir).unwrap();
    let png = c.screenshot().await.unwrap();
    std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
}

/// What the page should show, computed by the core from the same data files.
pub struct Expect {
    pub index: Index,
    pub events: usize,
    pub event_list: Vec<mirador::model::Event>,
}

impl Expect {
    pub fn load(dist: &Path) -> Expect {
        let text = std::fs::read_to_string(dist.join("data/interventions.json")).unwrap();
        let index = Index::new(parse_interventions(&text).unwrap().records);
        let event_list =
            parse_events(&std::fs::read_to_string(dist.join("data/events.json")).unwrap())
                .unwrap()
                .records;
        Expect {
            index,
            events: event_list.len(),
            event_list,
        }
    }
    pub fn events_in(&self, country: &str) -> usize {
        self.event_list
            .iter()
            .filter(|e| e.country.as_deref() == Some(country))
            .count()
    }
    pub fn total_line(&self, sel: &Selection) -> String {
        i18n::matching_line(
            Lang::En,
            self.index.evaluate(sel).matching_count(),
            self.index.len(),
        )
    }
    /// What the view `kind` charts for `sel`, as the page computes it.
    pub fn chart(
        &self,
        sel: &Selection,
        options: &mirador::aggregate::views::ViewOptions,
        kind: ChartKind,
    ) -> mirador::aggregate::views::ChartData {
        let r = self.index.evaluate(sel);
        mirador::aggregate::views::chart_data(
            &self.index,
            &r,
            sel,
            &self.event_list,
            options,
            kind,
            Lang::En,
        )
    }
    pub fn aria(&self, sel: &Selection, kind: ChartKind) -> String {
        let r = self.index.evaluate(sel);
        series(&self.index, &r, sel, kind, Lang::En).aria_label(Lang::En)
    }
}

pub async fn check_all_charts(c: &Client, expect: &Expect, sel: &Selection) {
    for kind in ChartKind::OVERVIEW {
        wait_attr(
            c,
            &format!("#chart-{} canvas", kind.key()),
            "aria-label",
            &expect.aria(sel, kind),
        )
        .await;
    }
}

/// Clicks the bar of `kind` whose label is `label`, at the spot the core's layout puts it.
pub async fn click_bar(c: &Client, expect: &Expect, sel: &Selection, kind: ChartKind, label: &str) {
    let (w, h) = canvas_size(c, &format!("#chart-{} canvas", kind.key())).await;
    let r = expect.index.evaluate(sel);
    let s = series(&expect.index, &r, sel, kind, Lang::En);
    let i = s
        .bars
        .iter()
        .position(|b| b.label == label)
        .unwrap_or_else(|| panic!("no bar {label:?}"));
    let (x0, y0, x1, y1) = Layout::new(&s, w, h).bar_rect(i).unwrap();
    let p = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    drag(c, &format!("#chart-{} canvas", kind.key()), p, p).await;
}

/// Waits for a downloaded file to appear complete in the download folder.
pub async fn downloaded(name: &str) -> Vec<u8> {
    let path = download_dir().join(name);
    let start = Instant::now();
    loop {
        if let Ok(bytes) = std::fs::read(&path) {
            if !bytes.is_empty() {
                return bytes;
            }
        }
        assert!(
            start.elapsed() < TIMEOUT,
            "{name} was not downloaded to {}",
            download_dir().display()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
/// The address's query once the app has written it: the app writes the address after the next
/// frame is painted (off the interaction's path), so this reads it a frame and a task later.
pub async fn location_query(c: &Client) -> String {
    c.execute_async(
        "const done = arguments[arguments.length - 1];
         requestAnimationFrame(() => setTimeout(() => requestAnimationFrame(() => setTimeout(() => done(location.search), 0)), 0));",
        vec![],
    )
    .await
        .unwrap()
        .as_str()
        .unwrap()
        .to_owned()
}
/// Presses at one point of an element and releases at another (a drag), in CSS pixels from the
/// element's top-left corner. WebDriver offsets count from the centre of the element's visible
/// part, which differs from its centre when it is taller than the window.
pub async fn drag(c: &Client, css: &str, from: (f64, f64), to: (f64, f64)) {
    let el = c.find(Locator::Css(css)).await.unwrap();
    let v = c
        .execute(
            "const r = arguments[0].getBoundingClientRect();
             const cx = (Math.max(r.left, 0) + Math.min(r.right, innerWidth)) / 2 - r.left;
             const cy = (Math.max(r.top, 0) + Math.min(r.bottom, innerHeight)) / 2 - r.top;
             return [cx, cy];",
            vec![serde_json::to_value(&el).unwrap()],
        )
        .await
        .unwrap();
    let (cx, cy) = (v[0].as_f64().unwrap(), v[1].as_f64().unwrap());
    let at = |p: (f64, f64)| ((p.0 - cx).round() as i64, (p.1 - cy).round() as i64);
    let (x0, y0) = at(from);
    let (x1, y1) = at(to);
    let mouse = MouseActions::new("mouse".into())
        .then(PointerAction::MoveToElement {
            element: el.clone(),
            duration: None,
            x: x0,
            y: y0,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::MoveToElement {
            element: el.clone(),
            duration: Some(Duration::from_millis(100)),
            x: x1,
            y: y1,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    c.perform_actions(mouse).await.unwrap();
}
/// The size of the chart canvas `css` once it is on the page and has settled into its layout
/// (a chart draws at the size its `ResizeObserver` reports).
pub async fn drawn_size(c: &Client, css: &str) -> (f64, f64) {
    c.wait()
        .at_most(TIMEOUT)
        .for_element(Locator::Css(css))
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    canvas_size(c, css).await
}
pub async fn canvas_size(c: &Client, css: &str) -> (f64, f64) {
    let size = c.execute(&format!("const r = document.querySelector(\"{css}\").getBoundingClientRect(); return [r.width, r.height];"), vec![]).await.unwrap();
    (size[0].as_f64().unwrap(), size[1].as_f64().unwrap())
}
/// Today's date as the app writes it in file names (UTC, YYYY-MM-DD).
pub fn today() -> String {
    let out = Command::new("date")
        .args(["-u", "+%Y-%m-%d"])
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}
/// Polls a script until it returns true.
pub async fn wait_until(c: &Client, script: &str, what: &str, timeout: Duration) {
    let start = Instant::now();
    loop {
        if c.execute(script, vec![]).await.unwrap() == serde_json::json!(true) {
            return;
        }
        assert!(start.elapsed() < timeout, "{what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
/// The accessibility rules axe-core (tests/web, pinned) finds broken on the page now: one line per
/// rule, with its impact, how many elements and the first of them.
pub async fn axe_violations(c: &Client) -> Vec<String> {
    static AXE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let axe = AXE.get_or_init(|| {
        std::fs::read_to_string("tests/web/node_modules/axe-core/axe.min.js")
            .expect("axe-core is not installed: make setup-web-tests")
    });
    c.execute(&format!("{axe}\nreturn true;"), vec![])
        .await
        .unwrap();
    let found = c
        .execute(
            "return axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }).then(r => r.violations.map(v =>
                 `${v.id} (${v.impact}, ${v.nodes.length}): ${v.nodes[0].target.join(' ')} ${v.nodes[0].failureSummary.replace(/\\s+/g, ' ').slice(0, 160)}`));",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(found).unwrap()
}
/// Chooses `path` in the import dialog's file input, as a person picking a file does.
pub async fn choose_file(c: &Client, path: &Path) {
    c.find(Locator::Css("#import-file"))
        .await
        .unwrap()
        .send_keys(path.to_str().unwrap())
        .await
        .unwrap();
}

/// Waits until an element matching `css` is on the page and returns its text.
pub async fn wait_for_text(c: &Client, css: &str) -> String {
    c.wait()
        .at_most(TIMEOUT)
        .for_element(Locator::Css(css))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// Presses `keys` (WebDriver key codes) on whatever has focus.
pub async fn press(c: &Client, keys: &str) {
    c.active_element()
        .await
        .unwrap()
        .send_keys(keys)
        .await
        .unwrap();
}
pub const TAB: &str = "\u{e004}";
pub const ENTER: &str = "\u{e007}";
pub const ESCAPE: &str = "\u{e00c}";
pub const SHIFT_TAB: &str = "\u{e008}\u{e004}";
pub const ARROW_DOWN: &str = "\u{e015}";
