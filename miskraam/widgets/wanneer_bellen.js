// Wanneer bellen?: the reader enters what she notices; the widget says plainly whether to
// call her own midwife, GP or hospital now, or to call 112. A learning example of the alarm
// signs, not a triage tool.
//
// The rule and the reading of what she types live in alarm-rule.js (tested in Node); this
// module only builds the form and shows what the rule returns. The signs, pain levels, limits
// and texts come from the model (Python: miskraam/alarmsignalen.yml and the facts registry).
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
    return { name, input, messages, question, element: h("div", { class: "miskraam-field" }, label, input, hint, messages, question) };
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
    const before = field.messages.textContent;
    field.messages.replaceChildren(...result.messages.map((message) => h("p", { class: "miskraam-message" }, message)));
    // a new message comes into view (above the sticky bar) when she is at that field
    if (field.messages.lastElementChild && field.messages.textContent !== before && field.element.contains(document.activeElement)) {
      field.messages.lastElementChild.scrollIntoView({ block: "nearest" });
    }
    const asked = field.question.dataset.asked || "";
    if (!result.question) {
      field.question.replaceChildren();
      field.question.dataset.asked = "";
      return;
    }
    if (asked === result.question) return;
    field.question.dataset.asked = result.question;
    const questionId = uid(`${field.name}-vraag`);
    const button = (value, text) => h("button", {
      type: "button", class: "miskraam-answer", "aria-pressed": "false", value,
      onclick: (event) => {
        answers[field.name === "verbanden" ? "pads" : "temperature"] = value;
        for (const other of field.question.querySelectorAll("button")) other.setAttribute("aria-pressed", String(other === event.currentTarget));
        update();
      },
    }, text);
    field.question.replaceChildren(h("div", { role: "group", "aria-labelledby": questionId },
      h("p", { id: questionId, class: "miskraam-question-text" }, result.question),
      button("ja", "Ja"), " ", button("nee", "Nee")));
  }

  function show(result) {
    showField(pads, result.fields.pads);
    showField(temperature, result.fields.temperature);
    const list = (items) => h("ul", {}, items.map((reason) => h("li", {}, sentence(reason))));
    const parts = [];
    let headline;
    if (result.level === "112") {
      verdict.className = bar.className = "miskraam-verdict bel-112";
      headline = () => h("a", { href: "tel:112", class: "miskraam-call" }, "Bel nu 112.");
      parts.push(h("p", {}, headline()), list(result.reasons["112"]));
      if (result.reasons.bel.length) parts.push(h("p", {}, "Ook:"), list(result.reasons.bel));
      parts.push(h("p", {}, texts.na_112));
    } else if (result.level === "bel") {
      verdict.className = bar.className = "miskraam-verdict bel-nu";
      headline = () => h("strong", {}, "Bel nu je verloskundige, huisarts of het ziekenhuis.");
      parts.push(h("p", {}, headline()), list(result.reasons.bel),
        h("p", {}, `Je verloskundige is ${facts["verloskundige-24-uur"].wording} bereikbaar. ${texts.wie_bel}`));
    } else {
      verdict.className = bar.className = "miskraam-verdict geen-alarm";
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
    verdict.replaceChildren(...parts);
    bar.className += " miskraam-verdict-bar";
    bar.replaceChildren(h("p", {}, headline(), " ", h("a", { href: `#${verdictId}`, class: "miskraam-verdict-more" }, "Lees waarom")));
  }

  function update() {
    show(advise(readInput(), alarm, limits));
  }

  // The bar says what the full advice says: once the full advice is in view, the bar steps
  // back (it keeps its place, so nothing moves).
  if ("IntersectionObserver" in window) {
    const observer = new IntersectionObserver(([entry]) => {
      bar.classList.toggle("miskraam-verdict-bar-away", entry.isIntersecting);
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
