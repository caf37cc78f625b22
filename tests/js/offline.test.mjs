// Reading offline without the DOM (miskraam/js/offline.js): where the worker lives when the
// book is published under a sub-path, that file:// gets nothing, and that the notice is due
// once, on the first page the worker serves.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { bookRoot, mayWorkOffline, noticeDue, TOLD } from "../../miskraam/js/offline.js";

describe("bookRoot", () => {
  test("is the folder above _static, also under a sub-path (a GitHub project site)", () => {
    assert.equal(bookRoot("https://user.github.io/repo/_static/miskraam-offline.js?v=1", "../../",
      "https://user.github.io/repo/book/deel1/oorzaken.html"), "https://user.github.io/repo/");
  });
  test("without the script's address, the page's content root", () => {
    assert.equal(bookRoot("", "../../", "http://127.0.0.1:8000/book/deel1/oorzaken.html"),
      "http://127.0.0.1:8000/");
    assert.equal(bookRoot(null, undefined, "http://127.0.0.1:8000/search.html?q=x"),
      "http://127.0.0.1:8000/");
  });
});

describe("mayWorkOffline", () => {
  test("over http and https with service workers", () => {
    assert.equal(mayWorkOffline("https:", true), true);
    assert.equal(mayWorkOffline("http:", true), true);
  });
  test("never from file://, nor without service workers (an insecure context)", () => {
    assert.equal(mayWorkOffline("file:", true), false);
    assert.equal(mayWorkOffline("http:", false), false);
  });
});

describe("noticeDue", () => {
  test("on the first page the worker serves, when the browser can remember it", () => {
    assert.equal(noticeDue({ controlled: {}, told: null, kept: true }), true);
  });
  test("not before the copy is complete, not twice, not where nothing is remembered", () => {
    assert.equal(noticeDue({ controlled: null, told: null, kept: true }), false);
    assert.equal(noticeDue({ controlled: {}, told: TOLD, kept: true }), false);
    assert.equal(noticeDue({ controlled: {}, told: null, kept: false }), false);
  });
});
