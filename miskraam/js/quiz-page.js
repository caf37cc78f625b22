// Self-test questions (content/quiz.py writes them) on the page: check an answer, show why each
// option is right or wrong, keep the score in this browser only, fill the progress overview and
// the result of the nascholing module. Nothing is sent anywhere. With storage blocked
// everything works the same, except that the score is forgotten when the page closes (and the
// page says so). Each attempt shows the options of a choice question in its own order
// (quiz-shuffle.js), kept with the attempt; a reload shows her answers and their feedback
// again; wiping asks first (confirm-dialog.js). This module is the page only: a question's
// form is quiz-form.js, what a form holds goes to quiz-judge.js, the record to
// quiz-progress.js, the sums to quiz-score.js, all but the DOM tested in Node. jsbundle.py
// joins them into the classic script miskraam-quiz.js (content/quiz.py publishes it).

import { askFirst } from "./confirm-dialog.js";
import { h } from "./dom.js";
import { choiceValues, clearForm, givenAnswer, putAnswer, putOrder, showChecked } from "./quiz-form.js";
import { limitChoices, revealCases, showDrawn, unlock } from "./quiz-cases.js";
import { attemptDraw } from "./quiz-draw.js";
import { emptyRecord, progressStore, withAnswer, withDraw, withOrders } from "./quiz-progress.js";
import { showProof } from "./quiz-proof-view.js";
import { overviewLine, result, resultLine, score, scoreLine } from "./quiz-score.js";
import { attemptOrders } from "./quiz-shuffle.js";
import { openStorage } from "./storage.js";

const progress = progressStore(openStorage(window));
const today = () => new Date().toLocaleDateString("nl-NL");

// --- one question --------------------------------------------------------------------

function check(form, test) {
  const verdict = showChecked(form);
  if (verdict.right === undefined) return;
  progress.write(test.name, withAnswer(progress.read(test.name), {
    questions: test.forms.length, question: form.dataset.vraag, right: verdict.right, date: today(),
    given: givenAnswer(form),
  }));
  revealCases(test.forms);
  test.update();
}

// --- a test drawn from a pool ----------------------------------------------------------

// The page's blueprint (content/blueprint.py), or null: then every question is in the test.
function blueprintOf() {
  const element = document.querySelector(".miskraam-blauwdruk");
  if (!element) return null;
  try {
    return { casussen: Number(element.dataset.casussen), onderwerpen: JSON.parse(element.dataset.onderwerpen) };
  } catch (unreadable) {
    return null;
  }
}

// The attempt's questions: the kept draw, or a new one (stored); the others are hidden.
function drawQuestions(test, fresh) {
  if (!test.blueprint) return;
  const pool = test.pool.map((form) => ({ name: form.dataset.vraag, topic: form.dataset.onderwerp, casus: form.dataset.casus || "" }));
  const record = fresh ? null : progress.read(test.name);
  const { names, changed } = attemptDraw(record && record.trekking, pool, test.blueprint);
  if (changed) progress.write(test.name, withDraw(fresh ? null : record, { questions: names.length, names }));
  showDrawn(test.pool, names);
  const drawn = new Set(names);
  test.forms = test.pool.filter((form) => drawn.has(form.dataset.vraag));
}

// --- a page's test: one attempt ------------------------------------------------------

// The choice questions in the attempt's order: the stored one, or a new one (stored).
function orderOptions(test, fresh) {
  const questions = test.forms.map((form) => ({ form, name: form.dataset.vraag, values: choiceValues(form) }))
    .filter((question) => question.values);
  const record = progress.read(test.name);
  const { orders, changed } = attemptOrders(fresh ? null : record && record.volgorde, questions);
  if (changed) progress.write(test.name, withOrders(record, { questions: test.forms.length, orders }));
  for (const question of questions) putOrder(question.form, orders[question.name]);
}

// After a reload: every answer she checked in this attempt, with its feedback, as she left it.
// Shown again, not checked again: the score and the date stay as they were.
function restoreAnswers(test) {
  const record = progress.read(test.name);
  const kept = (record && record.keuzes) || {};
  for (const form of test.forms) {
    const given = kept[form.dataset.vraag];
    if (!given) continue;
    putAnswer(form, given);
    showChecked(form);
  }
}

// On a test with a result (the nascholing): how many of its questions she has answered, at the
// bottom of the screen while she scrolls. A status: a screen reader says it when it changes,
// which is once per newly answered question.
function runningCount(test) {
  if (!document.querySelector(".miskraam-toetsuitslag")) return () => {};
  const said = () => {
    const names = test.forms.map((form) => form.dataset.vraag);
    const { answered, total } = score(progress.read(test.name), names);
    return `${answered} van ${total} beantwoord`;
  };
  // written before it is on the page: a status is announced when it changes, not when it loads
  const line = h("p", { class: "miskraam-toets-teller", role: "status" }, said());
  (test.forms[0].closest("article") || document.body).append(line);
  document.documentElement.classList.add("miskraam-met-teller");
  return () => {
    const text = said();
    if (line.textContent !== text) line.textContent = text;
  };
}

function pageTest(forms) {
  const name = forms[0].dataset.toets;
  const text = h("p", { role: "status" });
  const again = h("button", { type: "button", class: "miskraam-button" }, "Begin opnieuw");
  forms[forms.length - 1].after(h("div", { class: "miskraam-toets-score" }, text, again));
  // `pool`: every question on the page; `forms`: this attempt's (all of them, unless drawn)
  const test = { name, pool: forms, forms, blueprint: blueprintOf() };
  drawQuestions(test, false);
  const count = runningCount(test);
  test.update = () => {
    const names = test.forms.map((form) => form.dataset.vraag);
    text.textContent = scoreLine(progress.read(name), names);
    count();
    for (const section of document.querySelectorAll(".miskraam-toetsuitslag")) showResult(section, test);
  };
  again.addEventListener("click", async () => {
    const wipe = await askFirst({
      question: "Wil je opnieuw beginnen? Je antwoorden en je score van deze toets worden gewist. "
        + (test.blueprint ? "Je krijgt daarna een nieuwe trekking van vragen, met de antwoorden in een nieuwe volgorde."
          : "De antwoorden komen daarna in een nieuwe volgorde."),
      yes: "Ja, wis mijn antwoorden", no: "Nee, ga terug",
    });
    if (!wipe) return;
    for (const form of forms) {
      clearForm(form);
      unlock(form);
    }
    if (test.blueprint) drawQuestions(test, true);
    else progress.write(name, emptyRecord(forms.length));
    orderOptions(test, true);
    revealCases(test.forms);
    test.update();
    const first = test.forms[0].querySelector("input, select");
    if (first) first.focus();
  });
  for (const form of forms) {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      check(form, test);
    });
    if (form.dataset.maximaal) form.addEventListener("change", () => limitChoices(form));
  }
  orderOptions(test, false);
  restoreAnswers(test);
  for (const form of test.forms) limitChoices(form);
  revealCases(test.forms);
  return test;
}

// --- the nascholing result -------------------------------------------------------------

function showResult(section, test) {
  const record = progress.read(test.name);
  const questions = test.forms.map((form) => ({ name: form.dataset.vraag, topic: form.dataset.onderwerp }));
  // the pass mark is the page's (quiz.py writes the course's miskraam_pass_mark)
  const outcome = result(record, questions, Number(section.dataset.drempel));
  let live = section.querySelector(".miskraam-uitslag-live");
  if (!live) {
    live = h("div", { class: "miskraam-uitslag-live", "aria-live": "polite" });
    section.append(live);
  }
  live.replaceChildren();
  if (!outcome.complete) {
    live.append(h("p", {}, `Beantwoord: ${outcome.answered} van de ${outcome.total} vragen. Je uitslag verschijnt hier als je alle vragen hebt beantwoord.`));
    return;
  }
  const { passed } = outcome;
  live.append(h("p", { class: passed ? "miskraam-uitslag-geslaagd" : "miskraam-uitslag-niet" },
    h("strong", {}, passed ? "Geslaagd. " : "Nog niet geslaagd. "), resultLine(outcome)));
  // per topic: what to read again
  const rows = outcome.topics.map((t) => h("tr", {},
    h("th", { scope: "row" }, t.topic), h("td", {}, `${t.right} van ${t.total}`), h("td", {}, t.advice)));
  live.append(h("table", { class: "miskraam-uitslag-onderwerpen" },
    h("caption", {}, "Je score per onderwerp"),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Onderwerp"), h("th", { scope: "col" }, "Goed"), h("th", { scope: "col" }, "Advies"))),
    h("tbody", {}, rows)));
  if (!passed) {
    live.append(h("p", {}, "Lees de onderwerpen met het advies 'lees opnieuw' na en begin dan opnieuw (knop onder de laatste vraag)."));
    return;
  }
  showProof(live, section, outcome, record);
}

// --- the overview ----------------------------------------------------------------------

function fillOverview(overview) {
  const note = overview.querySelector(".miskraam-toets-opslag");
  const clear = overview.querySelector(".miskraam-toets-wis");
  const update = () => {
    for (const stand of overview.querySelectorAll(".miskraam-toets-stand")) {
      stand.textContent = overviewLine(progress.read(stand.dataset.toets));
    }
  };
  if (!progress.kept) {
    note.textContent = "Je browser bewaart niets van deze site. De toetsen werken wel, maar je voortgang verdwijnt als je de pagina sluit.";
  }
  clear.addEventListener("click", async () => {
    const wipe = await askFirst({
      question: "Wil je je voortgang wissen? Je antwoorden en scores van alle toetsen worden uit deze browser gewist.",
      yes: "Ja, wis alles", no: "Nee, ga terug",
    });
    if (!wipe) return;
    progress.clearAll();
    update();
    note.textContent = "Je voortgang is gewist.";
  });
  update();
}

function start() {
  document.documentElement.classList.add("miskraam-quiz-live");
  const byTest = new Map();
  for (const form of document.querySelectorAll("form.miskraam-vraag")) {
    const list = byTest.get(form.dataset.toets) || [];
    list.push(form);
    byTest.set(form.dataset.toets, list);
  }
  for (const forms of byTest.values()) pageTest(forms).update();
  for (const overview of document.querySelectorAll(".miskraam-toetsoverzicht")) fillOverview(overview);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
