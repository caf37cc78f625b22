// A test drawn from a pool by its blueprint (miskraam/js/quiz-draw.js), and the judge of a
// key-feature step (quiz-judge.js: "kies maximaal N", harmful options), in Node. The page that
// hides, reveals and locks: tests/test_nascholing_draw.py in Chromium.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { attemptDraw, drawAttempt, isDrawOf } from "../../miskraam/js/quiz-draw.js";
import { judgeChoice } from "../../miskraam/js/quiz-judge.js";
import { validRecord, withDraw } from "../../miskraam/js/quiz-progress.js";
import { seeded } from "./random-sources.mjs";

// A pool like the nascholing's: four topics with singles, three cases of two or three steps.
const singles = (topic, n) => Array.from({ length: n }, (_, i) => ({ name: `${topic}-${i}`, topic, casus: "" }));
const POOL = [
  ...singles("a", 4), ...singles("b", 3), ...singles("c", 5), ...singles("d", 2),
  { name: "k1-1", topic: "a", casus: "k1" }, { name: "k1-2", topic: "b", casus: "k1" },
  { name: "k2-1", topic: "c", casus: "k2" }, { name: "k2-2", topic: "a", casus: "k2" }, { name: "k2-3", topic: "d", casus: "k2" },
  { name: "k3-1", topic: "b", casus: "k3" }, { name: "k3-2", topic: "c", casus: "k3" },
];
const BLUEPRINT = { casussen: 2, onderwerpen: { a: 3, b: 2, c: 3, d: 2 } };
const topicOf = new Map(POOL.map((q) => [q.name, q]));

function counts(names) {
  const out = {};
  for (const name of names) out[topicOf.get(name).topic] = (out[topicOf.get(name).topic] || 0) + 1;
  return out;
}

describe("an attempt drawn by the blueprint", () => {
  test("every draw has the blueprint's number per topic, its cases whole, in page order", () => {
    const random = seeded(7);
    for (let i = 0; i < 500; i += 1) {
      const names = drawAttempt(POOL, BLUEPRINT, random);
      assert.deepEqual(counts(names), BLUEPRINT.onderwerpen);
      const cases = new Set(names.map((n) => topicOf.get(n).casus).filter(Boolean));
      assert.equal(cases.size, 2);
      for (const q of POOL) if (cases.has(q.casus)) assert.ok(names.includes(q.name), q.name);
      const order = POOL.map((q) => q.name).filter((n) => names.includes(n));
      assert.deepEqual(names, order);
      assert.ok(isDrawOf(names, POOL, BLUEPRINT));
    }
  });

  test("chance decides: every case and every single question turns up", () => {
    const random = seeded(11);
    const seen = new Set();
    for (let i = 0; i < 300; i += 1) for (const name of drawAttempt(POOL, BLUEPRINT, random)) seen.add(name);
    assert.deepEqual([...seen].sort(), POOL.map((q) => q.name).sort());
  });

  test("a kept draw is kept; one the blueprint could not give is drawn again", () => {
    const names = drawAttempt(POOL, BLUEPRINT, seeded(3));
    assert.deepEqual(attemptDraw(names, POOL, BLUEPRINT), { names, changed: false });
    const broken = [
      names.slice(1), // a question short
      [...names.slice(1), "weg"], // a question the page no longer has
      names.filter((n) => n !== "k1-2" && n !== "k2-3" && n !== "k3-2"), // a case not whole
      null, "a-0", [...names, names[0]],
    ];
    for (const kept of broken) {
      assert.equal(isDrawOf(kept, POOL, BLUEPRINT), false, JSON.stringify(kept));
      const again = attemptDraw(kept, POOL, BLUEPRINT, seeded(5));
      assert.equal(again.changed, true);
      assert.ok(isDrawOf(again.names, POOL, BLUEPRINT));
    }
  });

  test("the draw is kept in the record, and a record with a broken draw loses only the draw", () => {
    const record = withDraw(null, { questions: 10, names: ["a-0", "b-1"] });
    assert.deepEqual(validRecord(JSON.parse(JSON.stringify(record))).trekking, ["a-0", "b-1"]);
    assert.equal(record.vragen, 10);
    const odd = validRecord({ vragen: 10, antwoorden: { x: true }, trekking: ["a", 3] });
    assert.equal(odd.trekking, undefined);
    assert.deepEqual(odd.antwoorden, { x: true });
  });
});

describe("a key-feature step: kies maximaal N, and a harmful choice costs it", () => {
  // six options: two keys (0, 1), one harmful (2), three others
  const options = (chosen) => chosen.map((c, i) => ({ chosen: c, right: i < 2, harmful: i === 2 }));
  test("both keys, with or without a harmless extra within the limit: right", () => {
    assert.equal(judgeChoice("meer", options([1, 1, 0, 0, 0, 0]), 3).right, true);
    assert.equal(judgeChoice("meer", options([1, 1, 0, 1, 0, 0]), 3).right, true);
  });
  test("a key missing: wrong", () => {
    assert.equal(judgeChoice("meer", options([1, 0, 0, 1, 1, 0]), 3).right, false);
  });
  test("a harmful choice beside both keys: wrong, and the verdict says why", () => {
    const verdict = judgeChoice("meer", options([1, 1, 1, 0, 0, 0]), 3);
    assert.equal(verdict.right, false);
    assert.match(verdict.message, /schaden/);
  });
  test("more than the limit: not an answer yet, and the page says the limit", () => {
    const verdict = judgeChoice("meer", options([1, 1, 0, 1, 1, 0]), 3);
    assert.equal(verdict.right, undefined);
    assert.match(verdict.message, /maximaal 3/);
  });
  test("without a limit a 'meer' question still needs exactly the keys", () => {
    assert.equal(judgeChoice("meer", options([1, 1, 0, 1, 0, 0])).right, false);
  });
  test("a harmful option in a one-answer step says so", () => {
    const verdict = judgeChoice("enkel", [{ chosen: false, right: true }, { chosen: true, right: false, harmful: true }]);
    assert.equal(verdict.right, false);
    assert.match(verdict.message, /schaden/);
  });
});
