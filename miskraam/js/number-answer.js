// A number answer judged, for the self-tests' number questions (quiz-judge.js) and the
// notebooks' exercises (widgets/oefening.js): one reading (readNumberWithUnit, the one Dutch
// number reader: one number, with her words around it), one margin rule (withinMargin), one
// set of messages. No DOM here; Node tests it (tests/js/number-answer.test.mjs). Returns {message} while what she typed is not an answer yet,
// else {read: true, message} and `right` when it is a number that can be judged.

import { nl, readNumberWithUnit, withinMargin } from "./dutch-numbers.js";

// `answer` within `margin` (an edge counts as inside); `whole`: only a whole number can be the
// answer; `unit` is said after the number ("vrouwen") and may be typed after it; `next`: what
// to do after a wrong answer.
export function judgeNumber(typed, { answer, margin = 0, whole = false, unit = "", next = "Lees de uitleg." }) {
  const number = readNumberWithUnit(typed, unit);
  if (number.empty) return { message: "Vul eerst een getal in." };
  if (number.error) return { message: unread(String(typed).trim(), number, unit) };
  if (whole && !Number.isInteger(number.value)) {
    return { read: true, message: `${number.text} is geen heel getal. Vul een heel ${unit ? `aantal ${unit}` : "getal"} in.` };
  }
  const withUnit = (text) => `${text}${unit ? ` ${unit}` : ""}`;
  const goal = Number(answer);
  const slack = Math.abs(Number(margin) || 0);
  if (withinMargin(number.value, goal, slack)) {
    const exact = withinMargin(number.value, goal, 0);
    return {
      read: true, right: true,
      message: exact ? `Goed: ${withUnit(number.text)}.`
        : `Goed: ${withUnit(number.text)} ligt binnen ${nl(slack, 6)} van het antwoord, ${withUnit(nl(goal, 6))}.`,
    };
  }
  // A margin smaller than 1 says nothing for a whole number: only the answer itself is right.
  const how = slack === 0 || (whole && slack < 1) ? "is niet het goede antwoord"
    : `ligt niet binnen ${nl(slack, 6)} van het goede antwoord`;
  return { read: true, right: false, message: `Nog niet: ${withUnit(number.text)} ${how}. ${next}` };
}

// What to do when what she typed is not one number (readNumberWithUnit's `why`), quoting her.
function unread(typed, { why, word }, unit) {
  if (why === "meer getallen") return `In "${typed}" staat meer dan één getal. Vul één getal in.`;
  if (why === "grens") return `"${typed}" is geen precies getal. Vul alleen het getal in, zonder "${word}".`;
  if (why === "percentage") return `"${typed}" is een percentage. Vul het aantal ${unit} in.`;
  return `"${typed}" is geen getal. Schrijf het met cijfers en eventueel een komma, zoals 1,5.`;
}
