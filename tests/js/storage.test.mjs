// The one storage helper (miskraam/js/storage.js) in Node, with stand-ins for the browsers a
// reader has: storage that works, storage that is blocked (every use throws, as with cookies
// blocked), storage that is full (a write throws), and a window without storage at all.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { guardStorage, memoryStorage, openStorage } from "../../miskraam/js/storage.js";

// A window whose localStorage works: a memory store without the page-long mark.
function workingWindow() {
  const items = new Map();
  const store = {
    getItem: (key) => (items.has(key) ? items.get(key) : null),
    setItem: (key, value) => { items.set(key, String(value)); },
    removeItem: (key) => { items.delete(key); },
    key: (index) => [...items.keys()][index] ?? null,
    get length() { return items.size; },
  };
  return { localStorage: store, items };
}

// A browser that blocks storage: reading the property itself throws (Chromium, Firefox).
function blockedWindow() {
  const win = {};
  Object.defineProperty(win, "localStorage", {
    configurable: true,
    get() { throw new Error("SecurityError: opslag geblokkeerd"); },
  });
  return win;
}

// Storage that is full: reads work, every write throws (QuotaExceededError).
function fullWindow() {
  const win = workingWindow();
  win.localStorage.setItem = () => { throw new Error("QuotaExceededError"); };
  return win;
}

describe("openStorage", () => {
  test("keeps what is set in the browser's storage when it works", () => {
    const win = workingWindow();
    const storage = openStorage(win);
    assert.equal(storage.kept, true);
    storage.set("miskraam-toets:a", "1");
    assert.equal(win.items.get("miskraam-toets:a"), "1");
    assert.equal(openStorage(win).get("miskraam-toets:a"), "1"); // the next page reads it
    assert.deepEqual(storage.keys(), ["miskraam-toets:a"]); // the probe leaves nothing behind
    storage.remove("miskraam-toets:a");
    assert.equal(storage.get("miskraam-toets:a"), null);
  });

  test("falls back to memory for the page when storage is blocked, and says so", () => {
    const storage = openStorage(blockedWindow());
    assert.equal(storage.kept, false);
    storage.set("a", "1");
    storage.set("b", "2");
    assert.equal(storage.get("a"), "1");
    assert.deepEqual(storage.keys().sort(), ["a", "b"]);
    storage.remove("a");
    assert.equal(storage.get("a"), null);
  });

  test("a blocked window's storage is not shared between pages", () => {
    const win = blockedWindow();
    openStorage(win).set("a", "1");
    assert.equal(openStorage(win).get("a"), null);
  });

  test("a write the browser refuses (storage full) is kept for the page", () => {
    const win = fullWindow();
    const storage = openStorage(win);
    storage.set("a", "1");
    assert.equal(storage.get("a"), "1");
    assert.deepEqual(storage.keys(), ["a"]);
    assert.equal(win.items.size, 0);
  });

  test("a window without storage (Node, an old browser) works from memory", () => {
    const storage = openStorage({});
    assert.equal(storage.kept, false);
    storage.set("a", "1");
    assert.equal(storage.get("a"), "1");
  });
});

describe("guardStorage", () => {
  test("puts a page-long store in place of a blocked one, for scripts that do not catch", () => {
    const win = blockedWindow();
    assert.equal(guardStorage(win), true);
    win.localStorage.setItem("mode", "dark"); // what the theme's switch does: no error
    assert.equal(win.localStorage.getItem("mode"), "dark");
    // our own scripts see that nothing outlives the page
    assert.equal(openStorage(win).kept, false);
    assert.equal(openStorage(win).get("mode"), "dark");
  });

  test("leaves working storage alone", () => {
    const win = workingWindow();
    const before = win.localStorage;
    assert.equal(guardStorage(win), false);
    assert.equal(win.localStorage, before);
    assert.equal(openStorage(win).kept, true);
  });
});

describe("memoryStorage", () => {
  test("has localStorage's methods and length", () => {
    const store = memoryStorage();
    store.setItem("a", 1);
    assert.equal(store.getItem("a"), "1"); // values are strings, as in localStorage
    assert.equal(store.length, 1);
    assert.equal(store.key(0), "a");
    assert.equal(store.key(1), null);
    store.clear();
    assert.equal(store.length, 0);
    assert.equal(store.getItem("a"), null);
  });
});
