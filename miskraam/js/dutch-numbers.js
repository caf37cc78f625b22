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

// What a reader types as a number answer: one number, with whatever words she puts around it
// ("45 vrouwen", "ongeveer 45", "45%", "12,5 procent", "2 per uur"). What would make the number
// mean something else is refused, each with its reason (`why`), so the page can say what to do:
// - no number ("vijfenveertig", "1,2,3"): "geen getal";
// - two numbers ("10-13", "1 op de 5", "45 vrouwen 2"): "meer getallen";
// - a bound or a denial ("meer dan 45", "bijna 45", "> 45", "niet 45"): "grens", with the `word`;
// - a percentage where the question asks a count (`unit` "vrouwen"): "percentage"; where it asks
//   no unit, or a percentage ("procent", "%"), the percent sign is only notation.
// Else what readDutchNumber returns for the number.
export function readNumberWithUnit(raw, unit = "") {
  const whole = readDutchNumber(raw);
  if (!whole.error) return whole;
  const typed = String(raw).trim();
  const numbers = [];
  // a sign only at the start of a word: in "10-13" the dash is a range, not a minus
  const rest = typed.replace(/(?:(?<!\S)[-\u2212+])?(?<![\d.,])[.,]?\d[\d.,]*/g, (found) => {
    const token = found.replace(/[.,]+$/, ""); // "45." ends a sentence
    numbers.push(token);
    return ` ${found.slice(token.length)} `;
  });
  if (!numbers.length) return { error: true, why: "geen getal" };
  if (numbers.length > 1) return { error: true, why: "meer getallen" };
  const number = readDutchNumber(numbers[0]);
  if (number.error) return { error: true, why: "geen getal" };
  const words = rest.toLowerCase().match(/\p{L}+|[%<>\u2264\u2265]/gu) || [];
  const bound = words.find((word) => BOUNDS.has(word));
  if (bound) return { error: true, why: "grens", word: bound };
  if (words.some((word) => PERCENT.has(word)) && !asksPercentage(unit)) return { error: true, why: "percentage" };
  return number;
}

// Words that make a number a bound, an estimate to one side, or a denial: "meer dan 45" is not
// 45. ("ongeveer 45" is 45: the answer is a number, and she gives it.)
const BOUNDS = new Set(["meer", "minder", "boven", "onder", "tussen", "tot", "vanaf", "niet", "geen",
  "max", "maximaal", "hooguit", "hoogstens", "minimaal", "minstens", "bijna", "ruim", "<", ">",
  "\u2264", "\u2265"]);
const PERCENT = new Set(["%", "procent", "percent"]);

// Whether a question's unit is a percentage, or none: then "45%" is 45.
function asksPercentage(unit) {
  const said = String(unit).trim().toLowerCase();
  return said === "" || PERCENT.has(said) || said.includes("per 100");
}
