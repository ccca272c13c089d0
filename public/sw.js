// Mirador's service worker: after one visit the dashboard opens, and every view works, without a
// network. scripts/service_worker.py fills in the build's version and file list.
//
// - Install: the app, its WebAssembly, styles and the bundled data are cached under this build's
//   version. If any of them cannot be fetched, the install fails and the working copy stays.
// - Activate: caches of older builds are deleted, once this one is complete.
// - Fetch (same-origin GET): the network first, so a new app or new data replaces the cached copy
//   on the next online visit (never stale data after an update); the cache when the network fails.
const VERSION = "__VERSION__";
const FILES = __FILES__;
const CACHE = "mirador-" + VERSION;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("mirador-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  // A page of the app, whatever its query (?view=map&country=BRA), is the one index.html. Another
  // page of the site (the list of changes) is kept under its own address, never as the app.
  const scope = new URL(self.registration.scope);
  const app = request.mode === "navigate" && (url.pathname === scope.pathname || url.pathname === scope.pathname + "index.html");
  const key = app ? new Request(new URL("./", scope)) : request;
  event.respondWith(
    fetch(request).then((response) => {
      if (response.ok) {
        const copy = response.clone();
        caches.open(CACHE).then((cache) => cache.put(key, copy));
      }
      return response;
    }).catch(() => caches.open(CACHE).then((cache) => cache.match(key, { ignoreSearch: true }))
      .then((hit) => hit || Response.error())),
  );
});
