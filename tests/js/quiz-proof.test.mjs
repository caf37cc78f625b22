// The proof of participation without the page (miskraam/js/quiz-proof.js): no print without a
// name, its fields from the result, the course's address, the key its name is kept under.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { PREFIX, progressStore } from "../../miskraam/js/quiz-progress.js";
import { courseAddress, NAME_KEY, printState, proofFields } from "../../miskraam/js/quiz-proof.js";
import { result } from "../../miskraam/js/quiz-score.js";
import { memoryStorage, openStorage } from "../../miskraam/js/storage.js";

describe("the proof of participation", () => {
  test("no print without a name, and the reason is said", () => {
    for (const name of ["", "   ", null, undefined]) {
      const state = printState(name);
      assert.equal(state.allowed, false);
      assert.match(state.reason, /naam/);
    }
    assert.deepEqual(printState(" Anna de Vries "), { allowed: true, reason: "" });
  });

  test("its fields: the name, the date, the score and the cut in questions", () => {
    const questions = Array.from({ length: 36 }, (_, i) => ({ name: `v${i}`, topic: "t" }));
    const answers = Object.fromEntries(questions.map((q, i) => [q.name, i < 26]));
    const outcome = result({ vragen: 36, antwoorden: answers }, questions, 70);
    const fields = proofFields(outcome, { name: " Anna de Vries ", date: "6-12-2026" });
    assert.equal(fields.naam, "Anna de Vries");
    assert.equal(fields.datum, "6-12-2026");
    assert.match(fields.score, /\b26 van de 36\b.*\b72%/);
    assert.match(fields.cesuur, /\b70%.*\b26 van de 36\b/);
    assert.doesNotMatch(proofFields(outcome, { name: "", date: "" }).naam, /^$/);
  });

  test("the address: the published one, else where the book was opened, never a file path", () => {
    assert.equal(courseAddress("https://cursus.example/", "http://127.0.0.1:8000/book/x.html", "../"),
      "https://cursus.example/");
    assert.equal(courseAddress("", "http://127.0.0.1:8000/book/nascholing/e.html?x=1#y", "../../"),
      "http://127.0.0.1:8000/");
    assert.doesNotMatch(courseAddress("", "file:///home/anna/cursus/book/e.html", "../"), /home|file:/);
  });

  test("the name is kept under the self-tests' prefix, so wiping progress wipes it too", () => {
    assert.ok(NAME_KEY.startsWith(PREFIX));
    const storage = openStorage({ localStorage: memoryStorage() });
    storage.set(NAME_KEY, "Anna de Vries");
    progressStore(storage).clearAll();
    assert.equal(storage.get(NAME_KEY), null);
  });
});
