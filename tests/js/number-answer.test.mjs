// A number answer judged (miskraam/js/number-answer.js): the self-tests' number questions and
// the notebooks' exercises (Oefening) as a table: what a reader types -> right, wrong, or not
// an answer yet, and what the message says of her number. Moved here from the Chromium tables
// of test_oefening.py and test_quiz.py; those keep what only the page shows.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { judgeNumber } from "../../miskraam/js/number-answer.js";

const answered = (verdict) => verdict.right !== undefined;

// Two kinds of exercise: a decimal with a margin (a relative risk), and a whole number of women.
const RISK = { answer: 1.35, margin: 0.01 };
const WOMEN = { answer: 45, margin: 0, whole: true, unit: "vrouwen" };

describe("not an answer yet: the message says what to do and quotes her", () => {
  test("empty", () => {
    for (const typed of ["", "   "]) assert.equal(answered(judgeNumber(typed, RISK)), false);
  });

  test("no number", () => {
    for (const typed of ["vijfenveertig", "1,2,3", "1,000.5", ",", "ongeveer"]) {
      const verdict = judgeNumber(typed, RISK);
      assert.equal(answered(verdict), false, typed);
      assert.ok(verdict.message.includes(`"${typed}"`), typed);
      assert.equal(verdict.read, undefined, typed); // an exercise does not keep it as an attempt
    }
  });

  test("a decimal where a whole number is asked names the unit", () => {
    const verdict = judgeNumber("44,5", WOMEN);
    assert.equal(answered(verdict), false);
    assert.equal(verdict.read, true);
    assert.match(verdict.message, /44,5.*\bvrouwen\b/);
  });
});

describe("right and wrong", () => {
  test("Dutch and English notation, spaces around it, echoed at her precision", () => {
    const cases = [["1,35", "1,35"], ["  1,35  ", "1,35"], ["1,350", "1,350"], ["1.35", "1,35"]];
    for (const [typed, echo] of cases) {
      const verdict = judgeNumber(typed, RISK);
      assert.equal(verdict.right, true, typed);
      assert.ok(verdict.message.includes(echo), `${typed}: ${verdict.message}`);
    }
    assert.equal(judgeNumber("1.000", { answer: 1000, whole: true }).right, true);
    assert.equal(judgeNumber(",5", { answer: 0.5 }).right, true);
  });

  test("the margin's edge counts as inside and the message gives the margin and the answer", () => {
    for (const typed of ["1,36", "1,34"]) {
      const verdict = judgeNumber(typed, RISK);
      assert.equal(verdict.right, true, typed);
      assert.match(verdict.message, new RegExp(`${typed}.*0,01.*1,35`));
    }
  });

  test("outside the margin, and numbers read differently than typed", () => {
    const cases = [["1,37", "1,37"], ["1,33", "1,33"], ["1,4", "1,4"], ["1.000", "1000"],
      ["1.000,5", "1000,5"], [",5", "0,5"], ["−1,35", "-1,35"], ["-1,35", "-1,35"]];
    for (const [typed, echo] of cases) {
      const verdict = judgeNumber(typed, RISK);
      assert.equal(verdict.right, false, typed);
      assert.ok(verdict.message.includes(`${echo} ligt niet binnen 0,01`), `${typed}: ${verdict.message}`);
    }
  });

  test("a whole number: a margin below 1 says nothing, only the answer is right", () => {
    const verdict = judgeNumber("46", { ...WOMEN, margin: 0.5 });
    assert.equal(verdict.right, false);
    assert.doesNotMatch(verdict.message, /binnen/);
    assert.match(verdict.message, /\b46 vrouwen\b/);
  });

  test("what to do after a wrong answer is the caller's", () => {
    assert.match(judgeNumber("46", WOMEN).message, /Lees de uitleg\.$/);
    assert.match(judgeNumber("46", { ...WOMEN, next: "Probeer het nog eens." }).message, /Probeer het nog eens\.$/);
  });
});

describe("the unit after the number", () => {
  test("45 vrouwen is 45 women, however she types it", () => {
    for (const typed of ["45 vrouwen", "45 Vrouwen", "45vrouwen", " 45  vrouwen. "]) {
      const verdict = judgeNumber(typed, WOMEN);
      assert.equal(verdict.right, true, typed);
      assert.match(verdict.message, /\b45 vrouwen\.$/);
    }
  });

  test("the unit's words, all or some: 2 per uur for maandverbanden per uur", () => {
    const pads = { answer: 2, whole: true, unit: "maandverbanden per uur" };
    for (const typed of ["2 maandverbanden per uur", "2 per uur", "2 maandverbanden", "2 uur"]) {
      assert.equal(judgeNumber(typed, pads).right, true, typed);
    }
    assert.equal(judgeNumber("3 per uur", pads).right, false);
  });

  test("words around the number are hers: the number is judged", () => {
    for (const typed of ["45 mannen", "ongeveer 45 vrouwen", "45 vrouwen, denk ik"]) {
      assert.equal(judgeNumber(typed, WOMEN).right, true, typed);
    }
    assert.equal(judgeNumber("45 vrouwen", RISK).right, false); // read as 45: not 1,35
  });
});

describe("a percentage", () => {
  const PER_100 = { answer: 12.5, margin: 0.1 };
  test("45%, 12,5 procent: the number, where no count is asked", () => {
    for (const typed of ["12,5%", "12,5 %", "12,5 procent", " 12,5 "]) {
      const verdict = judgeNumber(typed, PER_100);
      assert.equal(verdict.right, true, typed);
      assert.match(verdict.message, /^Goed: 12,5\./);
    }
  });

  test("where a count is asked a percentage is not an answer yet, and the message says what is", () => {
    const verdict = judgeNumber("45%", WOMEN);
    assert.equal(answered(verdict), false);
    assert.match(verdict.message, /"45%".*\bpercentage\b.*\baantal vrouwen\b/);
  });
});

describe("text that is not one number gets a Dutch message, never NaN or a score", () => {
  const cases = [
    // typed, what the message must say
    ["vijfenveertig", /"vijfenveertig" is geen getal\./],
    ["45 vrouwen 2", /"45 vrouwen 2".*meer dan één getal.*één getal/],
    ["10-13", /"10-13".*meer dan één getal/],
    ["meer dan 45", /"meer dan 45".*zonder "meer"/],
  ];
  for (const [typed, message] of cases) {
    test(typed, () => {
      const verdict = judgeNumber(typed, WOMEN);
      assert.equal(answered(verdict), false);
      assert.equal(verdict.read, undefined); // an exercise does not keep it as an attempt
      assert.match(verdict.message, message);
      assert.doesNotMatch(verdict.message, /NaN|undefined/);
    });
  }
});
