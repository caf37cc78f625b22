// Dutch numbers, written and read: the one JavaScript formatter and parser of the course.
// An ES module: Node imports it in the tests (tests/js/dutch-numbers.test.mjs);
// miskraam/jsbundle.py joins it into every widget's module (widgets/base.py) and into the
// self-tests' page script (js/quiz-page.js), so the widgets and the questions read "1,5" and
// "1.000" the same way.

// Dutch number notation: decimal comma, no trailing ",0".
export function nl(number, digits = 1) {
  const rounded = Number(number.toFixed(digits));
  return Number.isInteger(rounded) ? String(rounded) : String(rounded).replace(".", ",");
}

// A number in Dutch notation with exactly `decimals` decimals: the reader's own precision
// ("1,350" stays "1,350", "1000" stays "1000").
export function nlFixed(number, decimals = 0) {
  return number.toFixed(decimals).replace(".", ",");
}

// Read a number as a Dutch reader types it. Returns {empty: true}, {error: true}, or
// {value, decimals, text}: `text` is the number in Dutch notation at the reader's precision.
// - spaces around it are ignored; a minus may be "-" or "−";
// - the comma is the decimal sign: "1,5" is 1,5 and ",5" is 0,5;
// - a dot between groups of three digits is a thousands dot: "1.000" is 1000, "12.500,5";
// - any other single dot, with no comma, is read as a decimal point: "1.5" and "0.125" are
//   what the reader means, because "1.5" cannot be a thousands dot. So "1.500" is 1500 and
//   "1.50" is 1,50: the echo (`text`) shows the reader how the number was read.
// Anything else ("1,000.5", "1,2,3", "12a") is no number.
export function readDutchNumber(raw) {
  let body = String(raw ?? "").trim().replace(/^\u2212/, "-");
  if (body === "") return { empty: true };
  let negative = false;
  if (/^[-+]/.test(body)) {
    negative = body[0] === "-";
    body = body.slice(1).trim();
  }
  let parts;
  if (/^[1-9]\d{0,2}(\.\d{3})+(,\d*)?$/.test(body)) parts = body.replace(/\./g, "").split(",");
  else if (/^\d*(,\d*)?$/.test(body)) parts = body.split(",");
  else if (/^\d*\.\d+$/.test(body)) parts = body.split(".");
  else return { error: true };
  const [whole, fraction = ""] = parts;
  if (whole === "" && fraction === "") return { error: true };
  const value = Number(`${negative ? "-" : ""}${whole || "0"}.${fraction || "0"}`);
  return { value, decimals: fraction.length, text: nlFixed(value, fraction.length) };
}

// The one tolerance rule: is `value` within `margin` of `answer`? Decimal numbers are not
// exact in binary (1,36 − 1,35 is 0,010000000000000009), so the comparison allows a slack of
// a billionth of the numbers involved: a value on the edge of the margin counts as inside.
export function withinMargin(value, answer, margin) {
  const slack = 1e-9 * Math.max(Math.abs(margin), Math.abs(answer), Math.abs(value));
  return Math.abs(value - answer) <= Math.abs(margin) + slack;
}

// A number answer as a reader types it, with the question's unit after it or not: "45",
// "45 vrouwen", "2 per uur" for "maandverbanden per uur" (the unit's words, some left out, in
// their order). Any other word is no number: "45 mannen" is not what was asked. Returns what
// readDutchNumber returns for the number.
export function readNumberWithUnit(raw, unit = "") {
  const typed = String(raw ?? "").trim();
  const split = typed.match(/^(.*?\d)\s*([^\d\s.,].*?)[.!]*$/);
  if (unit && split && wordsOf(split[2], unit)) return readDutchNumber(split[1]);
  return readDutchNumber(typed);
}

// Whether `typed` is some of the words of `unit`, in their order, ignoring case.
function wordsOf(typed, unit) {
  const words = (text) => text.toLowerCase().split(/\s+/).filter(Boolean);
  const wanted = words(typed);
  let found = 0;
  for (const word of words(unit)) if (word === wanted[found]) found += 1;
  return found > 0 && found === wanted.length;
}
