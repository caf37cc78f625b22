// The pass mark's one rule (miskraam/js/quiz-score.js): right * 100 >= mark * total, no
// rounding; the cut in questions the page states, and the percentage shown, follow from it.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { cutOf, passes, percentOf, result, resultLine } from "../../miskraam/js/quiz-score.js";

// a finished test of `total` questions with the first `right` answered right
function finished(right, total) {
  const questions = Array.from({ length: total }, (_, i) => ({ name: `v${i}`, topic: "t" }));
  const answers = Object.fromEntries(questions.map((q, i) => [q.name, i < right]));
  return { questions, record: { vragen: total, antwoorden: answers, datum: "6-12-2026" } };
}

describe("the pass mark", () => {
  test("70% of 36: 25 right fails (25.2 needed), 26 passes", () => {
    assert.equal(passes(25, 36, 70), false);
    assert.equal(passes(26, 36, 70), true);
    assert.equal(cutOf(36, 70), 26);
  });

  test("reaching the mark exactly passes", () => {
    assert.equal(passes(7, 10, 70), true);
    assert.equal(passes(6, 10, 70), false);
    assert.equal(cutOf(10, 70), 7);
  });

  test("the edges: a mark of 100 asks every answer, a score of 0 passes nothing above 0", () => {
    assert.equal(passes(36, 36, 100), true);
    assert.equal(passes(35, 36, 100), false);
    assert.equal(cutOf(36, 100), 36);
    assert.equal(passes(0, 36, 1), false);
    assert.equal(cutOf(36, 1), 1);
    assert.equal(percentOf(0, 36), 0);
  });

  test("the cut is the fewest right answers that pass, for every mark and length", () => {
    for (let total = 1; total <= 80; total += 1) {
      for (let mark = 1; mark <= 100; mark += 1) {
        const cut = cutOf(total, mark);
        assert.equal(passes(cut, total, mark), true, `${mark}% van ${total}`);
        assert.equal(passes(cut - 1, total, mark), false, `${mark}% van ${total}`);
      }
    }
  });

  test("the percentage shown reaches the mark exactly when the score passes", () => {
    for (let total = 1; total <= 80; total += 1) {
      for (let right = 0; right <= total; right += 1) {
        for (const mark of [1, 50, 69, 70, 71, 100]) {
          assert.equal(percentOf(right, total) >= mark, passes(right, total, mark), `${right}/${total} bij ${mark}%`);
        }
      }
    }
    assert.equal(percentOf(25, 36), 69);
    assert.equal(percentOf(39, 56), 69); // 69.6%: rounded it would show a 70% that fails
  });

  test("a score just under the mark fails, also when its percentage rounds up to the mark", () => {
    const under = finished(39, 56); // 69.6%
    const outcome = result(under.record, under.questions, 70);
    assert.equal(outcome.passed, false);
    assert.ok(outcome.percent < 70);
  });

  test("the result scores by the rule and states the cut in questions", () => {
    const failing = finished(25, 36);
    const low = result(failing.record, failing.questions, 70);
    assert.equal(low.passed, false);
    assert.equal(low.cut, 26);
    assert.match(resultLine(low), /\b25 van de 36\b.*\b69%.*\b70%.*geslaagd bij 26 van de 36\b/);
    const passing = finished(26, 36);
    assert.equal(result(passing.record, passing.questions, 70).passed, true);
    const none = finished(0, 36);
    assert.equal(result(none.record, none.questions, 70).percent, 0);
    const all = finished(36, 36);
    assert.equal(result(all.record, all.questions, 100).passed, true);
  });
});
