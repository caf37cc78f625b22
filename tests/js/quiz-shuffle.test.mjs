// The options' order per attempt (miskraam/js/quiz-shuffle.js) and its place in the record
// (quiz-progress.js), in Node with seeded and scripted random sources. The page that moves the
// options and the reload that keeps them: tests/test_quiz_attempts.py in Chromium.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { emptyRecord, progressStore, withAnswer, withOrders } from "../../miskraam/js/quiz-progress.js";
import { attemptOrders, isOrderOf, shuffled } from "../../miskraam/js/quiz-shuffle.js";
import { openStorage } from "../../miskraam/js/storage.js";
import { seeded } from "./random-sources.mjs";

// A random source that answers from a script: each number picks the middle of a choice.
function scripted(choices) {
  const queue = [...choices];
  return () => {
    const [pick, of] = queue.shift();
    return (pick + 0.5) / of;
  };
}

const key = (order) => order.join("");

describe("shuffled: Fisher-Yates", () => {
  test("the same items, each once, and the input untouched", () => {
    const items = ["1", "2", "3", "4", "5"];
    const out = shuffled(items, seeded(7));
    assert.deepEqual([...out].sort(), items);
    assert.deepEqual(items, ["1", "2", "3", "4", "5"]);
  });

  test("every order of four options is reached, each by exactly one series of draws", () => {
    const seen = new Map();
    for (let a = 0; a < 4; a += 1) {
      for (let b = 0; b < 3; b += 1) {
        for (let c = 0; c < 2; c += 1) {
          const order = key(shuffled(["1", "2", "3", "4"], scripted([[a, 4], [b, 3], [c, 2]])));
          seen.set(order, (seen.get(order) || 0) + 1);
        }
      }
    }
    assert.equal(seen.size, 24); // 4! orders
    assert.ok([...seen.values()].every((count) => count === 1)); // so each is equally likely
  });

  test("with a seeded source every order turns up, about equally often", () => {
    const random = seeded(2027);
    const counts = new Map();
    for (let i = 0; i < 24000; i += 1) {
      const order = key(shuffled(["1", "2", "3", "4"], random));
      counts.set(order, (counts.get(order) || 0) + 1);
    }
    assert.equal(counts.size, 24);
    for (const count of counts.values()) assert.ok(count > 800 && count < 1200, String(count));
  });

  test("the right answer is not kept in its written place", () => {
    // where the author wrote the key (often first) lands in every place about as often
    const random = seeded(5);
    const places = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i += 1) places[shuffled(["1", "2", "3", "4"], random).indexOf("1")] += 1;
    for (const count of places) assert.ok(count > 850 && count < 1150, places.join());
  });

  test("one option, or none, stays as it is", () => {
    assert.deepEqual(shuffled(["1"], seeded(1)), ["1"]);
    assert.deepEqual(shuffled([], seeded(1)), []);
  });
});

describe("an attempt keeps its order", () => {
  const questions = [{ name: "a", values: ["1", "2", "3", "4"] }, { name: "b", values: ["1", "2", "3"] }];

  test("a new attempt gets an order for every choice question", () => {
    const { orders, changed } = attemptOrders(undefined, questions, seeded(1));
    assert.equal(changed, true);
    assert.ok(isOrderOf(orders.a, questions[0].values) && isOrderOf(orders.b, questions[1].values));
  });

  test("the same attempt, the same order: nothing is drawn again", () => {
    const first = attemptOrders(undefined, questions, seeded(1)).orders;
    const never = () => assert.fail("a kept order is drawn again");
    const again = attemptOrders(first, questions, never);
    assert.deepEqual(again, { orders: first, changed: false });
  });

  test("another attempt draws anew: over attempts the orders differ", () => {
    const random = seeded(3);
    const seen = new Set();
    for (let attempt = 0; attempt < 20; attempt += 1) seen.add(key(attemptOrders(undefined, questions, random).orders.a));
    assert.ok(seen.size > 10, String(seen.size));
  });

  test("an order that no longer fits the question (an option added, removed, twice) is drawn anew", () => {
    for (const stale of [["1", "2", "3"], ["1", "2", "3", "4", "5"], ["1", "1", "2", "3"], ["1", "2", "3", "9"], "1234", null]) {
      const { orders, changed } = attemptOrders({ a: stale, b: ["3", "1", "2"] }, questions, seeded(9));
      assert.equal(changed, true, JSON.stringify(stale));
      assert.ok(isOrderOf(orders.a, questions[0].values));
      assert.deepEqual(orders.b, ["3", "1", "2"]); // the other question keeps its order
    }
  });
});

describe("the order and her answers in the record, through the storage helper", () => {
  test("kept across a reload (a new store on the same storage) until a new attempt", () => {
    const storage = openStorage({});
    const orders = { a: ["3", "1", "2"] };
    progressStore(storage).write("t", withOrders(null, { questions: 2, orders }));
    let record = progressStore(storage).read("t");
    record = withAnswer(record, { questions: 2, question: "a", right: false, date: "1-2-2027", given: ["3"] });
    progressStore(storage).write("t", record);
    const reloaded = progressStore(storage).read("t");
    assert.deepEqual(reloaded.volgorde, orders);
    assert.deepEqual(reloaded.keuzes, { a: ["3"] });
    assert.deepEqual(reloaded.antwoorden, { a: false });
    // "Begin opnieuw": a new, empty attempt
    progressStore(storage).write("t", emptyRecord(2));
    assert.equal(progressStore(storage).read("t").volgorde, undefined);
  });

  test("her last answer is kept; the score stays the first answer's", () => {
    let record = withAnswer(null, { questions: 1, question: "a", right: false, date: "1-2-2027", given: ["2"] });
    record = withAnswer(record, { questions: 1, question: "a", right: true, date: "1-2-2027", given: ["1"] });
    assert.deepEqual(record.antwoorden, { a: false });
    assert.deepEqual(record.keuzes, { a: ["1"] });
  });

  test("stored orders and answers that are not lists of texts are dropped, the rest kept", () => {
    const storage = openStorage({});
    storage.set("miskraam-toets:t", JSON.stringify({
      vragen: 2, antwoorden: { a: true },
      volgorde: { a: ["2", "1"], b: "21", c: [1, 2] }, keuzes: { a: ["2"], b: [null] },
    }));
    const record = progressStore(storage).read("t");
    assert.deepEqual(record.volgorde, { a: ["2", "1"] });
    assert.deepEqual(record.keuzes, { a: ["2"] });
    storage.set("miskraam-toets:t", JSON.stringify({ vragen: 2, antwoorden: {}, volgorde: [], keuzes: "x" }));
    assert.deepEqual(progressStore(storage).read("t"), { vragen: 2, antwoorden: {} });
  });
});
