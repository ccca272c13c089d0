// Runs in the page head before anything is drawn.
// 1. The pre-rendered preview in index.html (scripts/prerender.py) shows the default view, so a
//    link with a query (filters, a language, an embed) hides it at once and waits for the app.
// 2. Once the page has loaded, the service worker (sw.js) is registered, so that the next visit
//    works without a network. It is not registered before, so it never competes with the first load.
if (location.search.length > 1) document.documentElement.classList.add("no-preview");
if ("serviceWorker" in navigator && location.protocol !== "file:") {
  addEventListener("load", () => {
    navigator.serviceWorker.register("./sw.js").catch(() => {});
  });
}
