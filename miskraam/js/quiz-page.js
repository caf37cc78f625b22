// Self-test questions (quiz.py writes them): check an answer, show why each option is right or
// wrong, keep the score in this browser only, fill the progress overview and the result of the
// nascholing module. Nothing is sent anywhere. With storage blocked everything works the same,
// except that the score is forgotten when the page closes (and the page says so).
// The page script of the self-tests: jsbundle.py joins this module and what it imports into
// the classic script miskraam-quiz.js (content/quiz.py publishes it).

import { readDutchNumber, withinMargin } from "./dutch-numbers.js";

const PREFIX = "miskraam-toets:";

// localStorage, or a map that lives as long as the page when the browser refuses storage
const storage = (() => {
  try {
    const probe = `${PREFIX}probe`;
    window.localStorage.setItem(probe, "1");
    window.localStorage.removeItem(probe);
    // miskraam-theme.js puts a page-long store in place of a blocked one
    return window.localStorage.miskraamMemoryOnly ? null : window.localStorage;
  } catch (error) {
    return null;
  }
})();
const memory = new Map();
const read = (test) => {
  try {
    const raw = storage ? storage.getItem(PREFIX + test) : memory.get(test);
    return raw ? JSON.parse(raw) : null;
  } catch (error) {
    return null;
  }
};
const write = (test, record) => {
  const raw = JSON.stringify(record);
  try {
    if (storage) storage.setItem(PREFIX + test, raw);
    else memory.set(test, raw);
  } catch (error) {
    memory.set(test, raw);
  }
};
const clearAll = () => {
  memory.clear();
  if (!storage) return;
  for (const key of Object.keys(storage)) if (key.startsWith(PREFIX)) storage.removeItem(key);
};
const today = () => new Date().toLocaleDateString("nl-NL");

// --- one question --------------------------------------------------------------------

function judge(form) {
  const kind = form.dataset.soort;
  const options = [...form.querySelectorAll(".miskraam-optie")];
  if (kind === "enkel" || kind === "meer") {
    const chosen = options.filter((o) => o.querySelector("input").checked);
    if (!chosen.length) return { message: kind === "enkel" ? "Kies eerst een antwoord." : "Kies eerst één of meer antwoorden." };
    const right = options.every((o) => o.querySelector("input").checked === (o.dataset.goed === "1"));
    return { right, message: right ? "Goed." : "Niet goed. Lees bij elk antwoord waarom." };
  }
  if (kind === "volgorde") {
    const places = options.map((o) => o.querySelector("select").value);
    if (places.some((p) => p === "")) return { message: "Kies eerst bij elke stap een plaats." };
    if (new Set(places).size !== places.length) return { message: "Elke plaats mag maar één keer: kies voor elke stap een andere plaats." };
    const inPlace = options.filter((o) => o.querySelector("select").value === o.dataset.plaats).length;
    const right = inPlace === options.length;
    return { right, message: right ? "Goed: de volgorde klopt." : `Nog niet: ${inPlace} van de ${options.length} stappen staan op de goede plaats. Bekijk de goede volgorde hieronder.` };
  }
  // getal
  const raw = form.querySelector("input[inputmode=decimal]").value;
  const number = readDutchNumber(raw);
  if (number.empty) return { message: "Vul eerst een getal in." };
  if (number.error) return { message: `"${raw.trim()}" is geen getal. Schrijf het met cijfers en eventueel een komma, zoals 1,5.` };
  if (form.dataset.heel === "1" && !Number.isInteger(number.value)) {
    return { message: `${number.text} is geen heel getal. Vul een heel getal in.` };
  }
  const right = withinMargin(number.value, Number(form.dataset.antwoord), Number(form.dataset.marge || 0));
  const said = `${number.text}${form.dataset.eenheid ? ` ${form.dataset.eenheid}` : ""}`;
  return { right, message: right ? `Goed: ${said}.` : `Nog niet: ${said} is niet het goede antwoord. Lees de uitleg.` };
}

function check(form, test) {
  const verdict = judge(form);
  const outcome = form.querySelector(".miskraam-vraag-uitslag");
  outcome.textContent = verdict.message;
  if (verdict.right === undefined) {
    form.classList.remove("is-checked", "is-right", "is-wrong");
    return;
  }
  form.classList.add("is-checked");
  form.classList.toggle("is-right", verdict.right);
  form.classList.toggle("is-wrong", !verdict.right);
  for (const option of form.querySelectorAll(".miskraam-optie")) {
    const input = option.querySelector("input");
    option.classList.toggle("is-gekozen", Boolean(input && input.checked));
    const select = option.querySelector("select");
    if (select) {
      // an order question says per step whether it stands right, and where it belongs
      let verdict = option.querySelector(".miskraam-plaats-oordeel");
      if (!verdict) {
        verdict = document.createElement("span");
        verdict.className = "miskraam-plaats-oordeel";
        option.append(verdict);
      }
      verdict.textContent = select.value === option.dataset.plaats
        ? "Goede plaats."
        : `Hoort op plaats ${option.dataset.plaats}.`;
    }
  }
  // the score counts the first answer; trying again after the feedback is for learning
  const record = read(test.name) || { vragen: test.forms.length, antwoorden: {} };
  record.vragen = test.forms.length;
  if (!(form.dataset.vraag in record.antwoorden)) record.antwoorden[form.dataset.vraag] = verdict.right;
  record.datum = today();
  write(test.name, record);
  test.update();
}

// --- a page's test -------------------------------------------------------------------

function score(record, forms) {
  const answers = record ? record.antwoorden : {};
  const names = forms.map((f) => f.dataset.vraag);
  const answered = names.filter((n) => n in answers);
  const right = answered.filter((n) => answers[n]);
  return { total: names.length, answered: answered.length, right: right.length };
}

function pageTest(forms) {
  const name = forms[0].dataset.toets;
  const box = document.createElement("div");
  box.className = "miskraam-toets-score";
  const text = document.createElement("p");
  text.setAttribute("role", "status");
  const again = document.createElement("button");
  again.type = "button";
  again.className = "miskraam-button";
  again.textContent = "Begin opnieuw";
  box.append(text, again);
  forms[forms.length - 1].after(box);
  const test = {
    name, forms, box,
    update() {
      const s = score(read(name), forms);
      const record = read(name);
      if (!s.answered) text.textContent = `Toets: ${s.total} vragen. Je score wordt alleen in deze browser bewaard.`;
      else if (s.answered < s.total) text.textContent = `Je hebt ${s.answered} van de ${s.total} vragen beantwoord; ${s.right} goed (eerste poging).`;
      else text.textContent = `Klaar${record && record.datum ? ` (${record.datum})` : ""}: ${s.right} van de ${s.total} vragen goed bij de eerste poging.`;
      for (const result of document.querySelectorAll(".miskraam-toetsuitslag")) showResult(result, test);
    },
  };
  again.addEventListener("click", () => {
    write(name, { vragen: forms.length, antwoorden: {} });
    for (const form of forms) {
      form.reset();
      form.classList.remove("is-checked", "is-right", "is-wrong");
      form.querySelector(".miskraam-vraag-uitslag").textContent = "";
      for (const option of form.querySelectorAll(".is-gekozen")) option.classList.remove("is-gekozen");
      for (const verdict of form.querySelectorAll(".miskraam-plaats-oordeel")) verdict.remove();
    }
    test.update();
    const first = forms[0].querySelector("input, select");
    if (first) first.focus();
  });
  for (const form of forms) {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      check(form, test);
    });
  }
  return test;
}

// --- the nascholing result -------------------------------------------------------------

function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  element.append(...children);
  return element;
}

function showResult(section, test) {
  const record = read(test.name);
  const s = score(record, test.forms);
  const mark = Number(section.dataset.drempel || 70);
  let live = section.querySelector(".miskraam-uitslag-live");
  if (!live) {
    live = el("div", { class: "miskraam-uitslag-live", "aria-live": "polite" });
    section.append(live);
  }
  live.replaceChildren();
  if (s.answered < s.total) {
    live.append(el("p", {}, `Beantwoord: ${s.answered} van de ${s.total} vragen. Je uitslag verschijnt hier als je alle vragen hebt beantwoord.`));
    return;
  }
  const percent = Math.round((100 * s.right) / s.total);
  const passed = percent >= mark;
  live.append(el("p", { class: passed ? "miskraam-uitslag-geslaagd" : "miskraam-uitslag-niet" },
    el("strong", {}, passed ? "Geslaagd. " : "Nog niet geslaagd. "),
    `Je score is ${percent}% (${s.right} van de ${s.total} goed bij de eerste poging); de grens is ${mark}%.`));
  // per topic: what to read again
  const topics = new Map();
  for (const form of test.forms) {
    const topic = form.dataset.onderwerp || "overig";
    const t = topics.get(topic) || { right: 0, total: 0 };
    t.total += 1;
    if (record.antwoorden[form.dataset.vraag]) t.right += 1;
    topics.set(topic, t);
  }
  const rows = [...topics].map(([topic, t]) => el("tr", {},
    el("th", { scope: "row" }, topic), el("td", {}, `${t.right} van ${t.total}`),
    el("td", {}, t.right === t.total ? "goed" : t.right / t.total >= 0.5 ? "lees nog eens na" : "lees opnieuw")));
  live.append(el("table", { class: "miskraam-uitslag-onderwerpen" },
    el("caption", {}, "Je score per onderwerp"),
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Onderwerp"), el("th", { scope: "col" }, "Goed"), el("th", { scope: "col" }, "Advies"))),
    el("tbody", {}, ...rows)));
  if (!passed) {
    live.append(el("p", {}, "Lees de onderwerpen met het advies 'lees opnieuw' na en begin dan opnieuw (knop onder de laatste vraag)."));
    return;
  }
  const nameId = "miskraam-certificaat-naam";
  const nameInput = el("input", { type: "text", id: nameId, autocomplete: "name" });
  // the result is drawn anew after every check: the name lives on the section, not the field
  nameInput.value = section.dataset.naam || "";
  const holder = el("span", { class: "miskraam-certificaat-wie" }, nameInput.value.trim() || "(vul je naam in)");
  nameInput.addEventListener("input", () => {
    section.dataset.naam = nameInput.value;
    holder.textContent = nameInput.value.trim() || "(vul je naam in)";
  });
  const certificate = el("div", { class: "miskraam-certificaat", role: "region", "aria-label": "Certificaat" },
    el("p", { class: "miskraam-certificaat-titel" }, "Bewijs van deelname"),
    el("p", {}, "Open cursus Miskraam — Eindtoets nascholing"),
    el("p", {}, "Naam: ", holder),
    el("p", {}, `Datum: ${record.datum || today()}`),
    el("p", {}, `Score: ${percent}% (${s.right} van ${s.total}); grens ${mark}%`),
    el("p", {}, `Studielast: ${section.dataset.studielast} uur`),
    el("p", {}, `Cursusversie: ${section.dataset.versie || "onbekend"}`),
    el("p", { class: "miskraam-certificaat-noot" }, "Dit bewijs is in je eigen browser gemaakt. Het is geen accreditatie: die verleent het kwaliteitsregister, niet de cursus."));
  const print = el("button", { type: "button", class: "miskraam-button" }, "Druk het certificaat af");
  // Printing hides the page but a copy of the certificate at the top of <body>: hiding by
  // visibility would still lay out (and print) every page of the test as blank paper.
  print.addEventListener("click", () => {
    const copy = certificate.cloneNode(true);
    copy.id = "miskraam-certificaat-afdruk";
    document.body.prepend(copy);
    document.documentElement.classList.add("miskraam-print-certificaat");
    const done = () => {
      copy.remove();
      document.documentElement.classList.remove("miskraam-print-certificaat");
      window.removeEventListener("afterprint", done);
    };
    window.addEventListener("afterprint", done);
    window.print();
  });
  live.append(el("p", {}, el("label", { for: nameId }, "Je naam, zoals hij op het bewijs moet staan: "), nameInput), certificate, print);
}

// --- the overview ----------------------------------------------------------------------

function fillOverview(overview) {
  const note = overview.querySelector(".miskraam-toets-opslag");
  const clear = overview.querySelector(".miskraam-toets-wis");
  const update = () => {
    for (const stand of overview.querySelectorAll(".miskraam-toets-stand")) {
      const record = read(stand.dataset.toets);
      const answers = record ? Object.values(record.antwoorden) : [];
      if (!answers.length) stand.textContent = "nog niet gedaan";
      else if (answers.length < record.vragen) stand.textContent = `bezig: ${answers.length} van ${record.vragen} beantwoord`;
      else stand.textContent = `gedaan op ${record.datum}: ${answers.filter(Boolean).length} van ${record.vragen} goed`;
    }
  };
  if (!storage) {
    note.textContent = "Je browser bewaart niets van deze site. De toetsen werken wel, maar je voortgang verdwijnt als je de pagina sluit.";
  }
  clear.addEventListener("click", () => {
    clearAll();
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
