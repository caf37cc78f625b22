// One self-test question judged: right or wrong, and what the page says. No DOM here: the page
// script (quiz-page.js) reads a form into the plain values below; Node tests every kind
// (tests/js/quiz.test.mjs). A verdict without `right` means "not an answer yet": the page
// says what to do and the score is untouched.

import { judgeNumber } from "./number-answer.js";

// "enkel" (one answer) and "meer" (every right answer): `options` is [{chosen, right, harmful}].
// `limit`: a key-feature step's "kies maximaal N" (Page & Bordage): right when every right
// option is chosen and no harmful one, so a harmless extra choice within the limit costs
// nothing. Without a limit every option must be as it should. A harmful choice costs the
// question either way, and the verdict says why.
export function judgeChoice(kind, options, limit = 0) {
  const chosen = options.filter((option) => option.chosen);
  if (!chosen.length) {
    return { message: kind === "enkel" ? "Kies eerst een antwoord." : "Kies eerst één of meer antwoorden." };
  }
  if (limit && chosen.length > limit) return { message: `Kies maximaal ${limit} antwoorden.` };
  const harmful = chosen.some((option) => option.harmful);
  const right = !harmful && (limit
    ? options.every((option) => option.chosen || !option.right)
    : options.every((option) => option.chosen === option.right));
  if (right) return { right, message: "Goed." };
  return {
    right,
    message: harmful ? "Niet goed: een keuze die de cliënt kan schaden kost de hele vraag. Lees bij elk antwoord waarom."
      : "Niet goed. Lees bij elk antwoord waarom.",
  };
}

// "volgorde": `steps` is [{chosen, place}], the place the reader chose ("" when none) and the
// right one, both as the page's select values ("1", "2", …).
export function judgeOrder(steps) {
  const chosen = steps.map((step) => step.chosen);
  if (chosen.some((place) => place === "")) return { message: "Kies eerst bij elke stap een plaats." };
  if (new Set(chosen).size !== chosen.length) {
    return { message: "Elke plaats mag maar één keer: kies voor elke stap een andere plaats." };
  }
  const inPlace = steps.filter((step) => step.chosen === step.place).length;
  const right = inPlace === steps.length;
  return {
    right,
    message: right ? "Goed: de volgorde klopt."
      : `Nog niet: ${inPlace} van de ${steps.length} stappen staan op de goede plaats. Bekijk de goede volgorde hieronder.`,
  };
}

// What an order question says beside one step once checked.
export function stepVerdict(step) {
  return step.chosen === step.place ? "Goede plaats." : `Hoort op plaats ${step.place}.`;
}

// A question as the page reads it: {kind, options | steps | typed, answer, margin, whole, unit};
// a number question is judged by number-answer.js, as the notebooks' exercises are.
export function judge(question) {
  if (question.kind === "enkel" || question.kind === "meer") return judgeChoice(question.kind, question.options, question.limit);
  if (question.kind === "volgorde") return judgeOrder(question.steps);
  return judgeNumber(question.typed, question);
}
