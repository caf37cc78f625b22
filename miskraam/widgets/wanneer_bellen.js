// Wanneer bellen?: the reader enters what she notices; the widget says plainly whether to
// call her own midwife, GP or hospital now, or to call 112. A learning example of the alarm
// signs, not a triage tool.
//
// The rule and the reading of what she types live in alarm-rule.js (tested in Node); this
// module only builds the form and shows what the rule returns. The signs, pain levels, limits
// and texts come from the model (Python: book/data/alarmsignalen.yml and the facts registry).
//
// On a phone: every message and yes/no question stands right under its field (linked with
// aria-describedby), never elsewhere; a short bar with the advice sticks to the bottom of the
// screen while she fills in the form, and sits above the full advice, so nothing covers the
// advice or the 112 instructions.

import { advise, readPads, readTemperature } from "./alarm-rule.js";

function render({ model, el }) {
  const alarm = model.get("alarm");
  const limits = model.get("limits");
  const facts = model.get("facts");
  const texts = alarm.texts;
  const signs = alarm.signs;
  const root = widgetBody("wanneer-bellen");

  // --- the fields ---------------------------------------------------------------------
  const answers = { pads: null, temperature: null };

  // A text field with its hint, its messages and its yes/no question, all under it.
  function numberField(name, labelText, hintText) {
    const id = uid(name);
    const hintId = uid(`${name}-uitleg`), messageId = uid(`${name}-melding`);
    const input = h("input", {
      id, type: "text", inputmode: "text", autocomplete: "off", enterkeyhint: "done",
      "aria-describedby": `${hintId} ${messageId}`,
    });
    const messages = h("div", { id: messageId, class: "miskraam-field-messages", "aria-live": "polite" });
    const question = h("div", { class: "miskraam-field-question" });
    const label = h("label", { for: id, class: "miskraam-field-label" }, labelText);
    const hint = h("span", { id: hintId, class: "miskraam-hint" }, hintText);
    return { name, input, hint, messages, question, element: h("div", { class: "miskraam-field" }, label, input, hint, messages, question) };
  }

  const pads = numberField("verbanden", "Doorweekte maandverbanden in het laatste uur",
    "Een getal of in woorden, zoals 2, 3 per uur, 2 à 3 of veel. Weet je het niet? Laat dit leeg.");
  const temperature = numberField("temperatuur", "Temperatuur in °C",
    "Bijvoorbeeld 37,5 of 38,2 graden.");
  const tempName = uid("temperatuur-keuze");
  const tempMeasured = h("input", { type: "radio", name: tempName, id: uid("gemeten"), value: "gemeten" });
  const tempUnknown = h("input", { type: "radio", name: tempName, id: uid("onbekend"), value: "onbekend" });

  const painName = uid("pijn");
  const painInputs = alarm.pain_levels.map((level) => h("input", { type: "radio", name: painName, id: uid(`pijn-${level.id}`), value: level.id }));

  const boxes = new Map();
  const inCombination = new Set(signs.filter((s) => s.samen).flatMap((s) => s.samen.flat()));
  function checkboxGroup(legendText, filter) {
    const chosen = signs.filter((sign) => sign.input === "vinkje" && !boxes.has(sign.id) && filter(sign));
    if (!chosen.length) return null;
    return h("fieldset", { class: "miskraam-check" }, h("legend", {}, legendText),
      chosen.map((sign) => {
        const id = uid(sign.id);
        const box = h("input", { type: "checkbox", id, value: sign.id });
        boxes.set(sign.id, box);
        return h("label", { for: id }, box, " ", sign.label);
      }));
  }

  const verdictId = uid("advies");
  const bar = h("div", { class: "miskraam-verdict-bar" });
  let barAway = false;
  const verdict = h("div", { id: verdictId, class: "miskraam-verdict", "aria-live": "polite", "aria-atomic": "true" });

  root.append(
    h("p", { class: "miskraam-widget-title" }, "Oefening: wanneer bel je?"),
    h("p", { class: "miskraam-note" }, "Oefen hier met de alarmsignalen. Dit vervangt geen telefoontje: twijfel je, bel dan altijd je eigen verloskundige, huisarts of het ziekenhuis."),
    checkboxGroup("Hoe voel je je?", (sign) => sign.level === "112" || inCombination.has(sign.id)),
    pads.element,
    h("fieldset", { class: "miskraam-choice miskraam-pain" }, h("legend", {}, "Pijn in je buik"),
      alarm.pain_levels.map((level, n) => h("label", { for: painInputs[n].id }, painInputs[n], " ", level.label))),
    h("fieldset", { class: "miskraam-choice miskraam-temperature" }, h("legend", {}, "Temperatuur (gemeten in je anus)"),
      h("label", { for: tempUnknown.id }, tempUnknown, " Ik weet mijn temperatuur niet"),
      h("label", { for: tempMeasured.id }, tempMeasured, " Ik heb gemeten:"),
      temperature.element),
    checkboxGroup("Bloed, pijn en de echo", (sign) => sign.group === "ectopisch"),
    checkboxGroup("Verder", () => true),
    bar, verdict);
  el.append(root);

  // --- reading and showing ---------------------------------------------------------------
  function readInput() {
    const pain = painInputs.find((input) => input.checked);
    return {
      pads: pads.input.value, padsAnswer: answers.pads,
      temperatureKnown: tempMeasured.checked, temperature: temperature.input.value,
      temperatureAnswer: answers.temperature,
      pain: pain ? pain.value : alarm.pain_levels[0].id,
      checked: new Set([...boxes].filter(([, box]) => box.checked).map(([id]) => id)),
    };
  }

  // "je hebt koorts" -> "Je hebt koorts."
  const sentence = (reason) => `${reason[0].toUpperCase()}${reason.slice(1)}.`;

  // The messages and the yes/no question under one field. The question's buttons keep their
  // state while its text stays the same (she answered it); a new reading asks again.
  function showField(field, result) {
    const key = field.name === "verbanden" ? "pads" : "temperature";
    const before = field.messages.textContent;
    // a live region is only rewritten when what it says changes: a screen reader hears a
    // message once, not again at every key she types
    if (result.messages.join("|") !== field.messages.dataset.shown) {
      field.messages.dataset.shown = result.messages.join("|");
      field.messages.replaceChildren(...result.messages.map((message) => h("p", { class: "miskraam-message" }, message)));
    }
    const changed = field.messages.textContent !== before;
    const asked = field.question.dataset.asked || "";
    if (!result.question) {
      field.question.replaceChildren();
      field.question.dataset.asked = "";
    } else if (asked !== result.question) {
      askQuestion(field, key, result.question);
    }
    // her answer was reset (she edited the field): no button stays pressed
    for (const button of field.question.querySelectorAll("button")) {
      button.setAttribute("aria-pressed", String(answers[key] === button.value));
    }
    // with a message or a question the example hint steps aside: on a phone with its keyboard
    // open, the field, the message and the question must fit above the sticky bar
    field.hint.hidden = result.messages.length > 0 || Boolean(result.question);
    // what appeared under the field she is at comes into view, above the sticky bar
    const last = field.question.firstElementChild || field.messages.lastElementChild;
    if (last && (changed || asked !== (result.question || "")) && field.element.contains(document.activeElement)) {
      document.documentElement.style.scrollPaddingBottom = `${bar.offsetHeight + 8}px`;
      last.scrollIntoView({ block: "nearest" });
    }
  }

  function askQuestion(field, key, question) {
    field.question.dataset.asked = question;
    const questionId = uid(`${field.name}-vraag`);
    const button = (value, text) => h("button", {
      type: "button", class: "miskraam-answer", "aria-pressed": "false", value,
      onclick: () => { answers[key] = value; update(); },
    }, text);
    field.question.replaceChildren(h("div", { role: "group", "aria-labelledby": questionId },
      h("p", { id: questionId, class: "miskraam-question-text" }, question),
      button("ja", "Ja"), " ", button("nee", "Nee")));
  }

  function show(result) {
    showField(pads, result.fields.pads);
    showField(temperature, result.fields.temperature);
    const list = (items) => h("ul", {}, items.map((reason) => h("li", {}, sentence(reason))));
    const parts = [];
    let headline, tone;
    if (result.level === "112") {
      tone = "bel-112";
      headline = () => h("a", { href: "tel:112", class: "miskraam-call" }, "Bel nu 112.");
      parts.push(h("p", {}, headline()), list(result.reasons["112"]));
      if (result.reasons.bel.length) parts.push(h("p", {}, "Ook:"), list(result.reasons.bel));
      parts.push(h("p", {}, texts.na_112));
    } else if (result.level === "bel") {
      tone = "bel-nu";
      headline = () => h("strong", {}, "Bel nu je verloskundige, huisarts of het ziekenhuis.");
      parts.push(h("p", {}, headline()), list(result.reasons.bel),
        h("p", {}, `Je verloskundige is ${facts["verloskundige-24-uur"].wording} bereikbaar. ${texts.wie_bel}`));
    } else {
      tone = "geen-alarm";
      const unfinished = [["Bloedverlies", result.fields.pads], ["Temperatuur", result.fields.temperature]]
        .filter(([, field]) => field.messages.length).map(([name]) => name);
      if (result.empty) {
        headline = () => "Vul in wat je merkt.";
        parts.push(h("p", {}, "Vul hierboven in wat je merkt. Twijfel je nu al? Bel dan je verloskundige."));
      } else {
        headline = () => "Je vulde geen alarmsignaal in.";
        parts.push(h("p", {}, "Je vulde geen alarmsignaal in."));
        if (unfinished.length) parts.push(h("p", {}, `Kijk nog bij ${unfinished.join(" en ")}: daar staat een melding.`));
        parts.push(h("p", {}, "Bel toch als je twijfelt, als er iets verandert of als het erger wordt: meer bloed, koorts of meer pijn."),
          ...result.notes.map((note) => h("p", {}, note)));
      }
    }
    // the advice (a live region) is rewritten only when it says something new
    const said = parts.map((part) => part.textContent).join("|");
    if (said !== verdict.dataset.shown) {
      verdict.dataset.shown = said;
      verdict.replaceChildren(...parts);
      bar.replaceChildren(h("p", {}, headline(), " ", h("a", { href: `#${verdictId}`, class: "miskraam-verdict-more" }, "Lees waarom")));
    }
    verdict.className = `miskraam-verdict ${tone}`;
    bar.className = `miskraam-verdict miskraam-verdict-bar ${tone}${barAway ? " miskraam-verdict-bar-away" : ""}`;
  }

  function update() {
    show(advise(readInput(), alarm, limits));
  }

  // The bar says what the full advice says: once the full advice is in view, the bar steps
  // back (it keeps its place, so nothing moves).
  if ("IntersectionObserver" in window) {
    const observer = new IntersectionObserver(([entry]) => {
      barAway = entry.isIntersecting;
      bar.classList.toggle("miskraam-verdict-bar-away", barAway);
      bar.inert = barAway;  // out of the tab order while it is not shown
    });
    observer.observe(verdict);
  }

  // --- the model: values set from Python are shown --------------------------------------
  // A handler per trait, so that one change (a ticked box) never overwrites what the reader
  // is still typing in another field.
  const syncs = {
    pads_per_hour: () => {
      const value = model.get("pads_per_hour");
      const shown = readPads(pads.input.value, limits);
      if (value === (shown.kind === "value" ? shown.value : null)) return;  // already shown
      pads.input.value = value === null ? "" : nl(value);
    },
    temperature: () => {
      const value = model.get("temperature");
      const shown = readTemperature(temperature.input.value, limits);
      if (value === (shown.kind === "value" ? shown.value : null)) return;  // already shown
      if (value !== null) {
        tempMeasured.checked = true;
        temperature.input.value = nl(value);
      } else {
        tempUnknown.checked = true;  // None: not measured
        temperature.input.value = "";
      }
    },
    pain: () => {
      for (const input of painInputs) input.checked = input.value === model.get("pain");
    },
    checked: () => {
      const ticked = new Set(model.get("checked"));
      for (const [id, box] of boxes) box.checked = ticked.has(id);
    },
  };
  const handlers = Object.entries(syncs).map(([name, sync]) => {
    const handler = () => { sync(); update(); };
    model.on(`change:${name}`, handler);
    return [name, handler];
  });
  Object.values(syncs).forEach((sync) => sync());
  update();

  function onInput(event) {
    if (event && event.target === temperature.input && temperature.input.value.trim() !== "") tempMeasured.checked = true;
    if (event && event.target === pads.input) answers.pads = null;
    if (event && event.target === temperature.input) answers.temperature = null;
    const input = readInput();
    const padsRead = readPads(input.pads, limits);
    const tempRead = readTemperature(input.temperature, limits);
    // Python's fields hold numbers: words ("veel") and what cannot be read are None there
    commit(model, "pads_per_hour", padsRead.kind === "value" ? padsRead.value : null);
    // "Ik weet het niet" with a temperature still typed: the typed value stays (and counts)
    if (input.temperatureKnown) commit(model, "temperature", tempRead.kind === "value" ? tempRead.value : null);
    else if (tempRead.kind === "empty") commit(model, "temperature", null);
    commit(model, "pain", input.pain);
    commit(model, "checked", [...input.checked]);
    update();
  }

  for (const field of [pads.input, temperature.input]) field.addEventListener("input", onInput);
  for (const control of [...painInputs, tempMeasured, tempUnknown, ...boxes.values()]) control.addEventListener("change", onInput);

  return () => handlers.forEach(([name, handler]) => model.off(`change:${name}`, handler));
}

export default { render };
