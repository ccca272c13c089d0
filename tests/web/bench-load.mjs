// make bench-load: how long a phone on a slow link waits for Mirador (BENCHMARKS.md).
//
// Serves dist/ on loopback the way a static host does (gzip: the precompressed .gz beside each file,
// or compressed on the fly), opens it in headless Chromium with the network slowed to 1.6 Mbps down,
// 750 kbps up and 150 ms round trip, and the CPU slowed 4x, with an empty cache each time, and
// prints, as the median of several loads:
//   - first chart: a chart is on screen (the pre-rendered preview, or the app's own canvas);
//   - interactive: the app has drawn its own first chart, so filters and clicks answer;
//   - the bytes fetched before each, and the floor those bytes set (bytes ÷ bandwidth + round trips).
// Usage: node bench-load.mjs [DIST] (MIRADOR_LOADS=5, MIRADOR_URL_QUERY='' to add a query string).
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import puppeteer from "puppeteer-core";

const DIST = path.resolve(process.argv[2] || "dist");
const LOADS = Math.max(1, Number(process.env.MIRADOR_LOADS || 5));
const QUERY = process.env.MIRADOR_URL_QUERY || "";
const DOWN = 1.6e6 / 8; // bytes per second
const UP = 750e3 / 8;
const RTT = 150; // ms
const CPU = 4;

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript",
  ".css": "text/css", ".json": "application/json", ".wasm": "application/wasm",
  ".svg": "image/svg+xml", ".webmanifest": "application/manifest+json", ".png": "image/png",
};

// Bytes of the body last sent for each path (compressed when it was).
const SENT = new Map();

function serve() {
  const server = http.createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url, "http://x").pathname).replace(/^\/+/, "");
    if (rel === "" || rel.endsWith("/")) rel += "index.html";
    const file = path.join(DIST, rel);
    if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    const type = TYPES[path.extname(file)] || "application/octet-stream";
    const gzip = /\bgzip\b/.test(req.headers["accept-encoding"] || "") && !type.startsWith("image/png");
    let body = fs.readFileSync(file);
    const headers = { "content-type": type, "cache-control": "no-cache" };
    if (gzip) {
      body = fs.existsSync(file + ".gz") ? fs.readFileSync(file + ".gz") : zlib.gzipSync(body, { level: 9 });
      headers["content-encoding"] = "gzip";
    }
    headers["content-length"] = body.length;
    SENT.set(new URL(req.url, "http://x").pathname, body.length);
    res.writeHead(200, headers).end(body);
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function load(browser, url) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const cdp = await page.createCDPSession();
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false, latency: RTT, downloadThroughput: DOWN, uploadThroughput: UP,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU });
  // [timestamp in s, bytes]: each response as it completes, with the size the server sent (the
  // browser's own count is 0 for fetch() responses under emulation).
  const finished = [];
  const urls = {};
  cdp.on("Network.responseReceived", (e) => { urls[e.requestId] = e.response.url; });
  cdp.on("Network.loadingFinished", (e) => {
    const path = new URL(urls[e.requestId] || "http://x/").pathname;
    const bytes = SENT.get(path) || 0;
    finished.push([e.timestamp, bytes]);
    if (process.env.MIRADOR_BENCH_VERBOSE) {
      const at = navStart === null ? "?" : Math.round((e.timestamp - navStart) * 1000);
      console.log(`  ${at} ms: ${bytes} B ${path}`);
    }
  });
  let navStart = null;
  cdp.on("Network.requestWillBeSent", (e) => {
    if (navStart === null && e.type === "Document") navStart = e.timestamp;
  });
  await page.goto(url, { waitUntil: "domcontentloaded" });
  // Both times are read in the page (ms since navigation started), checked every 20 ms.
  const first = await page.waitForFunction(
    () => (document.querySelector("#preview svg, #chart-country canvas[aria-label]") ? performance.now() : null),
    { polling: 20, timeout: 60000 },
  );
  const firstMs = await first.jsonValue();
  const live = await page.waitForFunction(
    () => (document.querySelector("#chart-country canvas[aria-label][data-drawn]") ? performance.now() : null),
    { polling: 20, timeout: 120000 },
  );
  const liveMs = await live.jsonValue();
  const bytesBefore = (ms) =>
    finished.filter(([t]) => (t - navStart) * 1000 <= ms + 1).reduce((sum, [, b]) => sum + b, 0);
  const result = { firstMs, liveMs, firstBytes: bytesBefore(firstMs), liveBytes: bytesBefore(liveMs) };
  await context.close();
  return result;
}

const server = await serve();
const url = `http://127.0.0.1:${server.address().port}/${QUERY ? "?" + QUERY : ""}`;
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-dev-shm-usage"],
  defaultViewport: { width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
});
const runs = [];
try {
  for (let i = 0; i < LOADS; i++) runs.push(await load(browser, url));
} finally {
  await browser.close();
  server.close();
}
const m = (k) => median(runs.map((r) => r[k]));
// Round trips on the way: connection + page for the first chart; then the scripts, the
// WebAssembly and the data, each requested only once the one before has arrived.
const floor = (bytes, trips) => Math.round((bytes / DOWN) * 1000 + trips * RTT);
const kb = (b) => (b / 1000).toFixed(0) + " KB";
console.log(`profile: 1.6 Mbps down, 750 kbps up, ${RTT} ms round trip, CPU ${CPU}x slower, gzip, empty cache, 390x844`);
console.log(`loads: ${LOADS} of ${url}`);
console.log(`first chart: ${Math.round(m("firstMs"))} ms (all: ${runs.map((r) => Math.round(r.firstMs)).join(", ")})`);
console.log(`  fetched before it: ${kb(m("firstBytes"))}; floor ${floor(m("firstBytes"), 2)} ms`);
console.log(`interactive: ${Math.round(m("liveMs"))} ms (all: ${runs.map((r) => Math.round(r.liveMs)).join(", ")})`);
console.log(`  fetched before it: ${kb(m("liveBytes"))}; floor ${floor(m("liveBytes"), 5)} ms`);
