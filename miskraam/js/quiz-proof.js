// The "Bewijs van deelname aan een zelftoets" without the DOM: what its fields say, whether it
// may be printed, which address it names, where the typed name is kept. The page part is
// quiz-proof-view.js; tests/js/quiz-proof.test.mjs runs this in Node.

import { PREFIX } from "./quiz-progress.js";
import { passMarkLine } from "./quiz-score.js";

// The typed name, kept in this browser only (storage.js) under the self-tests' prefix, so
// "Wis mijn voortgang" wipes it with the rest.
export const NAME_KEY = `${PREFIX}bewijs-naam`;

export const NO_NAME = "Typ eerst je naam. Zonder naam kun je het bewijs niet afdrukken.";

// {allowed, reason}: a proof is printed with a name only.
export function printState(name) {
  const typed = String(name ?? "").trim();
  return typed ? { allowed: true, reason: "" } : { allowed: false, reason: NO_NAME };
}

// The fields the reader's result fills in: {naam, datum, score, cesuur}.
export function proofFields(outcome, { name, date }) {
  const typed = String(name ?? "").trim();
  return {
    naam: typed || "(nog geen naam)",
    datum: date,
    score: `${outcome.right} van de ${outcome.total} vragen goed (${outcome.percent}%): per vraag telt het eerste antwoord in deze ronde; de toets kan vaker gemaakt zijn`,
    cesuur: passMarkLine(outcome),
  };
}

// The course's address: the one the book is published at (html_baseurl in _config.yml), else
// the address the reader opened it at (its start, from the page's content root); a copy opened
// from a file has none to give.
export function courseAddress(configured, pageUrl, contentRoot = "") {
  if (configured) return configured;
  const url = new URL(contentRoot || "./", pageUrl);
  if (url.protocol !== "http:" && url.protocol !== "https:") return "een kopie op dit apparaat (geen webadres)";
  url.search = "";
  url.hash = "";
  return url.href;
}
