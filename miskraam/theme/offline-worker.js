// The book's service worker: once the book has been opened over http(s), every page, the files
// the pages use and the search index are kept in the browser's cache, so the book opens without
// a connection. miskraam/theme/offline.py writes it to the book's root at every build, with
// FILES (address below the root -> hash of its content) and VERSION filled in: a new
// publication is a new worker, byte for byte, which the browser installs on a next visit.
// Installing fetches only what changed; the old copy is deleted once the new one is complete.
"use strict";

const VERSION = "__VERSION__";
const FILES = __FILES__;
// one book per scope: two books on one host keep their own copies
const PREFIX = `miskraam ${self.registration.scope} `;
const CACHE = PREFIX + VERSION;
// kept beside the files: which hashes a copy holds, so the next version reuses them
const LIST = "miskraam-offline-files.json";
const NOT_FOUND = "404.html";

async function previousCopy() {
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    const cache = await caches.open(name);
    const list = await cache.match(LIST);
    if (list) return { cache, files: await list.json() };
  }
  return { cache: null, files: {} };
}

async function keepEveryFile() {
  const cache = await caches.open(CACHE);
  const previous = await previousCopy();
  await Promise.all(Object.entries(FILES).map(async ([path, hash]) => {
    const kept = previous.files[path] === hash && (await previous.cache.match(path));
    if (kept) return cache.put(path, kept);
    // past the HTTP cache: a host may serve the previous version for some minutes
    const response = await fetch(path, { cache: "no-cache" });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return cache.put(path, response);
  }));
  await cache.put(LIST, new Response(JSON.stringify(FILES)));
}

self.addEventListener("install", (event) => {
  // a new version takes over at once: the next page she opens is the new one
  event.waitUntil(keepEveryFile().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys().then((names) => Promise.all(names
    .filter((name) => name.startsWith(PREFIX) && name !== CACHE)
    .map((name) => caches.delete(name)))));
});

self.addEventListener("fetch", (event) => {
  if (event.request.method !== "GET") return;
  const url = new URL(event.request.url);
  url.search = "";  // a script's ?v= and the search page's ?q= ask for the same file
  url.hash = "";
  const scope = self.registration.scope;
  if (!url.href.startsWith(scope)) return;
  let path = url.href.slice(scope.length);
  if (path === "" || path.endsWith("/")) path += "index.html";
  if (!Object.hasOwn(FILES, path)) {
    // not kept: the network, as without a worker; a page she cannot reach offline (an old
    // link) gets the book's own 404 page from the copy instead of the browser's error
    if (event.request.mode === "navigate" && Object.hasOwn(FILES, NOT_FOUND)) {
      event.respondWith(fetch(event.request).catch(() => caches.open(CACHE)
        .then((cache) => cache.match(NOT_FOUND))
        .then((kept) => kept || Response.error())));
    }
    return;
  }
  event.respondWith(caches.open(CACHE)
    .then((cache) => cache.match(path))
    .then((kept) => kept || fetch(event.request)));
});
