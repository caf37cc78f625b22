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

describe("written as it sounds", () => {
  test("Dutch spellings of one sound are one word: c/k, c/s, ph/f, double letters", async () => {
    const { soundKey, alike } = await import("../../miskraam/content/search/forgive.js");
    assert.equal(soundKey("curettag"), soundKey("kuretag"));
    assert.equal(soundKey("curettag"), soundKey("curretag"));
    assert.equal(soundKey("cytotec"), "sitotek");
    assert.ok(alike("kuretag", "curettag"));
    assert.ok(!alike("kuret", "curettag"), "too far apart");
    assert.ok(!alike("eko", "echo"), "short words are not guessed by sound");
  });
  test("a stem the index lacks finds the index word it sounds like", () => {
    assert.deepEqual([...forgivenTerms(new Set(["kuretag"]), INDEX)], ["curettag"]);
  });
});

describe("reader words inside a whole question", () => {
  const index = {
    docnames: ["oorzaken", "wat-is", "afwachten"],
    titles: ["Oorzaken", "Wat is een miskraam?", "Afwachten"],
    filenames: ["oorzaken.md", "wat-is.md", "afwachten.md"],
    indexentries: { waarom: [[0, "zoektermen", true]], miskraam: [[1, "zoektermen", true]],
      "hoe lang duurt een miskraam": [[2, "zoektermen", true]] },
  };
  test("an entry whose words all stand in the query counts for its page, by its share of the query", async () => {
    const { readerWordsInQuery } = await import("../../miskraam/content/search/forgive.js");
    const found = readerWordsInQuery("Waarom krijg ik een miskraam", index);
    assert.deepEqual([...found].sort(), [["oorzaken", 21], ["wat-is", 29]]);
    assert.equal(readerWordsInQuery("hoe lang duurt het", index).size, 0, "all the entry's words");
    assert.equal(readerWordsInQuery("miskraam", index).size, 0, "the whole query: Sphinx's own match");
  });
  test("the page's results gain that score; ties keep Sphinx's order; a page not found is added at half the query", async () => {
    const { withReaderWords } = await import("../../miskraam/content/search/forgive.js");
    const results = [["afwachten", "Afwachten", "", null, 25, "afwachten.md"],
      ["oorzaken", "Oorzaken", "", null, 25, "oorzaken.md"]];
    assert.deepEqual(withReaderWords(results, "waarom krijg ik een miskraam", index).map((r) => [r[0], r[4]]),
      [["afwachten", 25], ["oorzaken", 46]]);
    const added = withReaderWords([], "waarom miskraam", index, (r) => r[4] + 10);
    assert.deepEqual(added.map((r) => [r[0], r[4]]), [["wat-is", 63]], "waarom is 40%: not added");
  });
});

describe("summaries over file://", () => {
  test("a result's link names its page; the page's summary comes from the index", async () => {
    const { pageOfLink, summaryOf } = await import("../../miskraam/content/search/forgive.js");
    assert.equal(pageOfLink("book/deel1/afwachten.html#hoe-lang", ".html"), "book/deel1/afwachten");
    assert.equal(pageOfLink("book/deel1/afwachten.html", ".html"), "book/deel1/afwachten");
    const index = { docnames: ["a", "b"], miskraam_summaries: ["Over a.", ""] };
    assert.equal(summaryOf("a", index), "Over a.");
    assert.equal(summaryOf("b", index), "");
    assert.equal(summaryOf("c", index), "");
    assert.equal(summaryOf("a", { docnames: ["a"] }), "", "an index without summaries");
  });
});
