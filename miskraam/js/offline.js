// Reading offline, without the DOM: where the book's service worker and manifest are, whether
// this page may use them, and whether to say once that the book can be read offline. The page
// script is offline-page.js; the worker itself is written at build time
// (miskraam/theme/offline-worker.js).

// At the book's root, beside the pages (miskraam/theme/offline.py writes them)
export const WORKER = "miskraam-sw.js";
export const MANIFEST = "manifest.webmanifest";
// what the browser keeps once the reader has been told (openStorage)
export const TOLD_KEY = "miskraam-offline";
export const TOLD = "gemeld";
export const NOTICE_TEXT = "Je kunt deze cursus nu ook zonder internet lezen. "
  + "Je browser heeft de pagina's op dit apparaat bewaard.";
export const CLOSE_TEXT = "Sluiten";

// The book's root: the folder above _static, where the page script lives. Its own address is
// right wherever the page is served from (also a page with absolute links, such as a 404
// page); the page's data-content_root (Sphinx 7.4) is the fallback.
export function bookRoot(scriptSource, contentRoot, pageAddress) {
  if (scriptSource) return new URL("../", scriptSource).href;
  return new URL(contentRoot || "./", pageAddress).href;
}

// Only over http(s), where the browser offers service workers (a secure context); from
// file:// nothing: a manifest there is a CORS error in the console, and a worker is refused.
export function mayWorkOffline(protocol, hasServiceWorkers) {
  return (protocol === "http:" || protocol === "https:") && Boolean(hasServiceWorkers);
}

// Say it once: on the first page the worker serves (so the copy is complete), and only where
// the browser can remember that it was said (else it would be said on every page).
export function noticeDue({ controlled, told, kept }) {
  return Boolean(controlled) && Boolean(kept) && told !== TOLD;
}
