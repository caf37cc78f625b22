// The self-tests' logic in Node (miskraam/js/quiz-*.js): judging each kind of question, the
// record kept per test, the score line, the overview and the nascholing result with its pass
// mark. The page around it (clicks, the keyboard, a reload, printing) is tests/test_quiz.py in
// Chromium. Number questions are the book's own (course-data.mjs reads them with the
// registry); how a number answer is judged is number-answer.test.mjs.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { judge, judgeChoice, judgeOrder, stepVerdict } from "../../miskraam/js/quiz-judge.js";
import { emptyRecord, PREFIX, progressStore, withAnswer } from "../../miskraam/js/quiz-progress.js";
import { overviewLine, result, score, scoreLine } from "../../miskraam/js/quiz-score.js";
import { openStorage } from "../../miskraam/js/storage.js";
import { numberQuestions } from "./course-data.mjs";

const answered = (verdict) => verdict.right !== undefined;

describe("one answer (enkel) and every right answer (meer)", () => {
  const options = (chosen, right) => chosen.map((c, i) => ({ chosen: c, right: right[i] }));

  test("nothing chosen is not an answer yet", () => {
    assert.equal(answered(judgeChoice("enkel", options([false, false], [true, false]))), false);
    assert.equal(answered(judgeChoice("meer", options([false, false], [true, true]))), false);
  });

  test("one answer: right only when the right option is chosen", () => {
    assert.equal(judgeChoice("enkel", options([true, false, false], [true, false, false])).right, true);
    assert.equal(judgeChoice("enkel", options([false, true, false], [true, false, false])).right, false);
  });

  test("several answers: exactly the right set, no fewer and no more", () => {
    const right = [true, true, false];
    assert.equal(judgeChoice("meer", options([true, true, false], right)).right, true);
    assert.equal(judgeChoice("meer", options([true, false, false], right)).right, false);
    assert.equal(judgeChoice("meer", options([true, true, true], right)).right, false);
  });

  test("a verdict always has a message", () => {
    for (const chosen of [[false, false], [true, false], [false, true]]) {
      assert.ok(judgeChoice("enkel", options(chosen, [true, false])).message);
    }
  });
});

describe("an order (volgorde)", () => {
  const steps = (chosen) => chosen.map((c, i) => ({ chosen: c, place: String(i + 1) }));

  test("a step without a place, or a place given twice, is not an answer yet", () => {
    assert.equal(answered(judgeOrder(steps(["1", "", "3"]))), false);
    assert.equal(answered(judgeOrder(steps(["1", "1", "3"]))), false);
  });

  test("right only in the right order; a wrong order counts the steps in place", () => {
    assert.equal(judgeOrder(steps(["1", "2", "3"])).right, true);
    const wrong = judgeOrder(steps(["1", "3", "2"]));
    assert.equal(wrong.right, false);
    assert.match(wrong.message, /\b1 van de 3\b/);
  });

  test("each step says where it belongs", () => {
    assert.doesNotMatch(stepVerdict({ chosen: "2", place: "2" }), /\d/);
    assert.match(stepVerdict({ chosen: "3", place: "2" }), /\b2\b/);
  });
});

describe("a number (getal): the book's number questions (number-answer.test.mjs has the rule)", () => {
  const questions = numberQuestions();
  test("the book has number questions", () => assert.ok(questions.length >= 10));
  for (const question of questions) {
    test(`${question.id}: the answer, with and without its unit, and a wrong one`, () => {
      const written = String(question.answer).replace(".", ",");
      assert.equal(judge({ kind: "getal", typed: written, ...question }).right, true);
      if (question.unit) {
        assert.equal(judge({ kind: "getal", typed: `${written} ${question.unit}`, ...question }).right, true);
      }
      const wrong = String(Math.trunc(question.answer + question.margin) + 7);
      assert.equal(judge({ kind: "getal", typed: wrong, ...question }).right, false);
    });
  }
});

describe("the record of a test", () => {
  test("the first answer counts; trying again does not change it", () => {
    let record = withAnswer(null, { questions: 3, question: "a", right: false, date: "1-2-2027" });
    record = withAnswer(record, { questions: 3, question: "a", right: true, date: "2-2-2027" });
    record = withAnswer(record, { questions: 3, question: "b", right: true, date: "2-2-2027" });
    assert.deepEqual(record, { vragen: 3, antwoorden: { a: false, b: true }, datum: "2-2-2027" });
  });

  test("kept under the course's prefix, and cleared without touching other keys", () => {
    const storage = openStorage({});
    const progress = progressStore(storage);
    storage.set("mode", "dark");
    progress.write("book/deel1/wanneer-bellen", emptyRecord(4));
    assert.equal(storage.get(`${PREFIX}book/deel1/wanneer-bellen`), '{"vragen":4,"antwoorden":{}}');
    assert.deepEqual(progress.read("book/deel1/wanneer-bellen"), emptyRecord(4));
    progress.clearAll();
    assert.equal(progress.read("book/deel1/wanneer-bellen"), null);
    assert.equal(storage.get("mode"), "dark");
  });

  test("a stored record that is not one (another version, edited by hand) counts as none", () => {
    const storage = openStorage({});
    const progress = progressStore(storage);
    const names = ["a", "b"];
    for (const raw of ["{", "null", "42", '"tekst"', "[]", '{"vragen":2}', '{"vragen":2,"antwoorden":null}',
      '{"vragen":2,"antwoorden":[true]}', '{"vragen":"twee","antwoorden":{}}']) {
      storage.set(`${PREFIX}t`, raw);
      const record = progress.read("t");
      assert.equal(record, null, raw);
      assert.deepEqual(score(record, names), { total: 2, answered: 0, right: 0 });
      assert.equal(overviewLine(record), overviewLine(null));
    }
  });

  test("answers that are not right or wrong are dropped, the rest kept", () => {
    const storage = openStorage({});
    const progress = progressStore(storage);
    storage.set(`${PREFIX}t`, '{"vragen":2,"antwoorden":{"a":true,"b":"ja"},"datum":"1-2-2027"}');
    assert.deepEqual(progress.read("t"), { vragen: 2, antwoorden: { a: true }, datum: "1-2-2027" });
  });
});

describe("the score, the overview and the result", () => {
  const record = (answers, date = "3-2-2027") => ({ vragen: Object.keys(answers).length, antwoorden: answers, datum: date });

  test("counts only the questions the page shows", () => {
    assert.deepEqual(score(record({ a: true, b: false, weg: true }), ["a", "b", "c"]), { total: 3, answered: 2, right: 1 });
  });

  test("the score line gives the numbers, and the date once done", () => {
    assert.match(scoreLine(null, ["a", "b"]), /\b2 vragen\b/);
    assert.match(scoreLine(record({ a: true }), ["a", "b"]), /\b1 van de 2\b.*\b1 goed\b/);
    assert.match(scoreLine(record({ a: true, b: false }), ["a", "b"]), /3-2-2027.*\b1 van de 2\b/);
  });

  test("the overview line: not started, busy, done", () => {
    assert.equal(overviewLine(null), overviewLine({ vragen: 4, antwoorden: {} }));
    assert.match(overviewLine({ vragen: 4, antwoorden: { a: true } }), /\b1 van 4\b/);
    assert.match(overviewLine(record({ a: true, b: false })), /3-2-2027.*\b1 van 2\b/);
  });

  const questions = [
    { name: "d1", topic: "diagnose" }, { name: "d2", topic: "diagnose" },
    { name: "b1", topic: "beleid" }, { name: "b2", topic: "beleid" }, { name: "x", topic: "" },
  ];

  test("no result until every question is answered", () => {
    const outcome = result(record({ d1: true }), questions, 70);
    assert.deepEqual(outcome, { complete: false, total: 5, answered: 1, right: 1 });
  });

  for (const [rights, percent, passed] of [[5, 100, true], [4, 80, true], [3, 60, false], [0, 0, false]]) {
    test(`${rights} of 5 right: ${percent}%, ${passed ? "passed" : "not passed"} at 70%`, () => {
      const answers = Object.fromEntries(questions.map((q, i) => [q.name, i < rights]));
      const outcome = result(record(answers), questions, 70);
      assert.equal(outcome.percent, percent);
      assert.equal(outcome.passed, passed);
    });
  }

  test("the pass mark is the page's, and reaching it exactly passes", () => {
    const answers = { d1: true, d2: true, b1: true, b2: false, x: false }; // 60%
    assert.equal(result(record(answers), questions, 60).passed, true);
    assert.equal(result(record(answers), questions, 61).passed, false);
  });

  test("per topic: the right answers and what to read again", () => {
    const answers = { d1: true, d2: true, b1: true, b2: false, x: false };
    const topics = Object.fromEntries(result(record(answers), questions, 70).topics.map((t) => [t.topic, t]));
    assert.deepEqual(Object.keys(topics), ["diagnose", "beleid", "overig"]);
    assert.equal(topics.diagnose.right, 2);
    assert.equal(topics.beleid.total, 2);
    const advice = new Set(Object.values(topics).map((t) => t.advice));
    assert.equal(advice.size, 3); // all right, half right, none right: three pieces of advice
  });
});
