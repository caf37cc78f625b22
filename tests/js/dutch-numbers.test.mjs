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

describe("readNumberWithUnit", () => {
  test("the unit may follow, in part, in its order", () => {
    assert.equal(readNumberWithUnit("45 vrouwen", "vrouwen").value, 45);
    assert.equal(readNumberWithUnit("3 per uur", "maandverbanden per uur").value, 3);
    assert.equal(readNumberWithUnit("1,5 weken", "weken").text, "1,5");
    assert.equal(readNumberWithUnit("45", "vrouwen").value, 45);
  });

  test("another word, or a unit where none is asked, is no number", () => {
    assert.deepEqual(readNumberWithUnit("45 mannen", "vrouwen"), { error: true });
    assert.deepEqual(readNumberWithUnit("45 vrouwen", ""), { error: true });
    assert.deepEqual(readNumberWithUnit("vrouwen", "vrouwen"), { error: true });
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
