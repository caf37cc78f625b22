// The one Dutch number reader and formatter of the course's JavaScript
// (miskraam/js/dutch-numbers.js), used by every widget, the call rule and the self-tests.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { nl, nlFixed, readDutchNumber, readNumberWithUnit, withinMargin } from "../../miskraam/js/dutch-numbers.js";

describe("readDutchNumber", () => {
  const READ = [
    // typed, value, echo (at the reader's precision)
    ["1,5", 1.5, "1,5"], [",5", 0.5, "0,5"], ["1.5", 1.5, "1,5"], ["0.125", 0.125, "0,125"],
    ["1.000", 1000, "1000"], ["1.500", 1500, "1500"], ["1.50", 1.5, "1,50"], ["12.500,5", 12500.5, "12500,5"],
    ["1.000.000", 1000000, "1000000"], ["1,350", 1.35, "1,350"], [" 45 ", 45, "45"], ["+3", 3, "3"],
    ["-1,35", -1.35, "-1,35"], ["−1,35", -1.35, "-1,35"], ["- 2", -2, "-2"], ["0", 0, "0"], ["3,", 3, "3"],
  ];
  for (const [typed, value, text] of READ) {
    test(`"${typed}" is ${text}`, () => {
      const read = readDutchNumber(typed);
      assert.equal(read.value, value);
      assert.equal(read.text, text);
    });
  }

  test("nothing typed is empty, not an error", () => {
    for (const typed of ["", "   ", null, undefined]) assert.deepEqual(readDutchNumber(typed), { empty: true });
  });

  test("anything else is no number", () => {
    for (const typed of ["1,000.5", "1,2,3", "12a", ",", ".", "tien", "1 000", "1..5", "45 vrouwen"]) {
      assert.deepEqual(readDutchNumber(typed), { error: true }, typed);
    }
  });
});

describe("readNumberWithUnit: one number in what she types, with words or a unit", () => {
  test("the number with the unit, other words, a percent sign or spaces is the number", () => {
    const cases = [
      ["45 vrouwen", "vrouwen", 45], ["3 per uur", "maandverbanden per uur", 3], ["1,5 weken", "weken", 1.5],
      ["45", "vrouwen", 45], [" 45 ", "vrouwen", 45], ["ongeveer 45 vrouwen", "vrouwen", 45],
      ["45 mannen", "vrouwen", 45], ["45vrouwen", "vrouwen", 45], ["45.", "vrouwen", 45],
      ["45%", "", 45], ["45 %", "", 45], ["12,5 procent", "", 12.5], ["12,5%.", "procent", 12.5],
      ["1.000 zwangeren", "zwangeren", 1000], ["−1,35", "", -1.35], ["- 2", "", -2],
    ];
    for (const [typed, unit, value] of cases) {
      const read = readNumberWithUnit(typed, unit);
      assert.equal(read.value, value, `${typed}: ${JSON.stringify(read)}`);
    }
    assert.equal(readNumberWithUnit("12,50 procent", "").text, "12,50"); // her precision
  });

  test("no number, or a number that is not one, says so", () => {
    for (const typed of ["vrouwen", "vijfenveertig", "1,2,3 vrouwen", "%"]) {
      assert.deepEqual(readNumberWithUnit(typed, "vrouwen"), { error: true, why: "geen getal" }, typed);
    }
  });

  test("two numbers are not one answer", () => {
    for (const typed of ["45 vrouwen 2", "10-13", "1 op de 5", "45 van de 200", "1 000"]) {
      assert.deepEqual(readNumberWithUnit(typed, "vrouwen"), { error: true, why: "meer getallen" }, typed);
    }
  });

  test("a bound is not the number: 'meer dan 45' is not 45", () => {
    for (const [typed, word] of [["meer dan 45", "meer"], ["minder dan 45 vrouwen", "minder"],
      ["bijna 45", "bijna"], ["niet 45", "niet"], ["> 45", ">"], ["<45", "<"]]) {
      assert.deepEqual(readNumberWithUnit(typed, "vrouwen"), { error: true, why: "grens", word }, typed);
    }
  });

  test("a percentage where a count is asked is not that count", () => {
    for (const typed of ["45%", "45 procent"]) {
      assert.deepEqual(readNumberWithUnit(typed, "vrouwen"), { error: true, why: "percentage" }, typed);
    }
  });
});

describe("nl and nlFixed: Dutch notation", () => {
  test("a decimal comma, no trailing ,0", () => {
    assert.equal(nl(1.5), "1,5");
    assert.equal(nl(2), "2");
    assert.equal(nl(2.04), "2");
    assert.equal(nl(0.125, 3), "0,125");
    assert.equal(nlFixed(1.35, 3), "1,350");
    assert.equal(nlFixed(1000), "1000");
  });
});

describe("withinMargin: one tolerance rule", () => {
  test("the edge counts as inside, though 1,36 − 1,35 is not 0,01 in binary", () => {
    assert.ok(1.36 - 1.35 > 0.01);
    assert.equal(withinMargin(1.36, 1.35, 0.01), true);
    assert.equal(withinMargin(1.34, 1.35, 0.01), true);
    assert.equal(withinMargin(1.37, 1.35, 0.01), false);
    assert.equal(withinMargin(10, 10, 0), true);
    assert.equal(withinMargin(11, 10, 0), false);
  });
});
