// Search that forgives (miskraam/content/search/forgive.js), in Node: one letter off finds the
// index word, an unknown word no longer empties the query, a known one is left alone. The
// search page in Chromium: tests/test_search.py.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { forgivenTerms, oneEditApart } from "../../miskraam/content/search/forgive.js";

const INDEX = {
  terms: { curettag: [1, 2], miskram: [0, 1, 2, 3], bloedverlies: [0, 2], echo: 4, medicijn: [5] },
  titleterms: { afwacht: 6 },
};

describe("one edit apart", () => {
  test("a letter missing, extra, changed or two neighbours swapped", () => {
    for (const [a, b] of [["curetag", "curettag"], ["curettagg", "curettag"], ["curettog", "curettag"],
      ["cuertag", "curetag"], ["echo", "echo"]]) assert.ok(oneEditApart(a, b), `${a} ${b}`);
  });
  test("two edits, or a length two apart, are not", () => {
    for (const [a, b] of [["curretag", "curettag"], ["cur", "curettag"], ["abcd", "badc"]]) {
      assert.equal(oneEditApart(a, b), false, `${a} ${b}`);
    }
  });
});

describe("the query's stems, forgiven", () => {
  test("a word one letter off becomes the index word", () => {
    assert.deepEqual([...forgivenTerms(new Set(["curetag"]), INDEX)], ["curettag"]);
    assert.deepEqual([...forgivenTerms(new Set(["afwaxht"]), INDEX)], ["afwacht"]);
  });
  test("an unknown word is left out, the others kept", () => {
    assert.deepEqual([...forgivenTerms(new Set(["bloedverlies", "xyzzy"]), INDEX)], ["bloedverlies"]);
  });
  test("known words and words inside index words are left alone", () => {
    assert.deepEqual([...forgivenTerms(new Set(["miskram", "bloed"]), INDEX)], ["miskram", "bloed"]);
  });
  test("a query of only unknown words is searched as it was (Sphinx then says nothing was found)", () => {
    assert.deepEqual([...forgivenTerms(new Set(["xyzzy", "qwerty"]), INDEX)], ["xyzzy", "qwerty"]);
  });
  test("short words are not guessed", () => {
    assert.deepEqual([...forgivenTerms(new Set(["eco", "miskram"]), INDEX)], ["miskram"]);
  });
});

describe("one result per page", () => {
  test("a page found by its reader words and by its text is listed once, where it ranked best", async () => {
    const { oneResultPerPage } = await import("../../miskraam/content/search/forgive.js");
    const results = [
      ["b", "B", "", null, 5, "b.md"],
      ["a", "A", "", null, 10, "a.md"],
      ["a", "A", "#zoektermen", null, 30, "a.md"],
      ["c", "C", "#een-kop", null, 40, "c.md"],
      ["c", "C", "#andere-kop", null, 50, "c.md"],
    ];
    assert.deepEqual(oneResultPerPage(results).map((r) => [r[0], r[2], r[4]]),
      [["b", "", 5], ["a", "", 30], ["c", "#andere-kop", 50]]);
  });
});

describe("the query's text, for the reader words", () => {
  test("a word one letter off a reader word becomes that word; others stay as typed", async () => {
    const { forgivenQuery } = await import("../../miskraam/content/search/forgive.js");
    const entries = { misoprostol: [], "dreigende miskraam": [], pillen: [] };
    assert.equal(forgivenQuery("misoprostl", entries), "misoprostol");
    assert.equal(forgivenQuery("Pillen", entries), "Pillen");
    assert.equal(forgivenQuery("dreigende", entries), "dreigende");
    assert.equal(forgivenQuery("xyzzy bloed", entries), "xyzzy bloed");
  });
});
