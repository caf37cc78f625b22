// Wanneer bellen?: the reader enters what she notices; the widget says plainly whether to
// call her own midwife, GP or hospital now, or to call 112. A learning example of the alarm
// signs, not a triage tool.
//
// Safe by construction: every sign is evaluated on its own, so any alarm sign gives the advice
// to call, whatever else is empty or wrong; messages about the input are shown beside the
// advice, never instead of it. The signs, pain levels and limits come from the model
// (Python: miskraam/alarmsignalen.yml and the facts registry); `advise` is the one rule.

// Number words a reader may type instead of digits.
const NUMBER_WORDS = { geen: 0, nul: 0, een: 1, "één": 1, twee: 2, drie: 3, vier: 4, vijf: 5,
  zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10 };

// A number as the reader types it: a number word, or digits read by the one Dutch number
// reader (readDutchNumber, shared.js: "38,5", "38.5", ",5"). Returns {value}, {empty: true} or
// {error}. `limits` ([low, high]) and `example` come from Python (the `limits` trait).
function readNumber(raw, what, [low, high], unit, example = low) {
  const text = String(raw ?? "").trim();
  const word = text.toLowerCase();
  const read = Object.hasOwn(NUMBER_WORDS, word) ? { value: NUMBER_WORDS[word] } : readDutchNumber(text);
  if (read.empty) return { empty: true };
  if (read.error) {
    return { error: `${what}: "${text}" is geen getal. Gebruik cijfers, bijvoorbeeld ${nl(example)}.` };
  }
  const value = read.value;
  if (value < low || value > high) {
    // "385" for 38,5: a comma left out
    const meant = value / 10 >= low && value / 10 <= high && Number.isInteger(value) ? ` Bedoel je ${nl(value / 10)}${unit}?` : "";
    return { error: `${what}: ${text}${unit} kan niet kloppen. Vul een getal in van ${nl(low)} tot en met ${nl(high)}${unit}.${meant}` };
  }
  return { value };
}

// The one rule. `input`: {pads, temperatureKnown, temperature, pain, checked: Set}; pads and
// temperature are raw field text. Returns {level: "112" | "bel" | "geen", reasons, errors, notes}.
function advise(input, alarm, limits) {
  const reasons = { "112": [], bel: [] };
  const errors = [], notes = [];
  const painOrder = alarm.pain_levels.map((level) => level.id);
  const pads = readNumber(input.pads, "Maandverbanden per uur", limits.pads, "", limits.examples.pads);
  if (pads.error) errors.push(pads.error);
  let temperature = { empty: true };
  if (input.temperatureKnown) {
    temperature = readNumber(input.temperature, "Temperatuur", limits.temperature, " °C", limits.examples.temperature);
    if (temperature.error) errors.push(temperature.error);
    if (temperature.empty) errors.push("Temperatuur: vul in wat je mat, of kies \"Ik weet mijn temperatuur niet\".");
  }
  for (const sign of alarm.signs) {
    let reason = null;
    if (sign.input === "vinkje" && input.checked.has(sign.id)) reason = sign.reason;
    if (sign.input === "pijn" && painOrder.indexOf(input.pain) >= painOrder.indexOf(sign.pain)) reason = sign.reason;
    const measured = sign.input === "maandverbanden" ? pads : sign.input === "temperatuur" ? temperature : null;
    if (measured && measured.value !== undefined && measured.value >= sign.limit) {
      // at the limit itself the leaflet's "meer dan" is not yet met: call to be safe
      reason = measured.value > sign.limit ? `${sign.reason} (${sign.limit_text})` : sign.at_limit;
    }
    if (reason) reasons[sign.level].push(reason);
  }
  // a level of pain counts once: "heel erge pijn" (112) includes "hevige pijn"
  if (reasons["112"].length) {
    const painReasons = new Set(alarm.signs.filter((s) => s.input === "pijn").map((s) => s.reason));
    reasons.bel = reasons.bel.filter((reason) => !painReasons.has(reason));
  }
  if (!input.temperatureKnown) notes.push("Je temperatuur weet je niet. Voel je je warm, rillerig of ziek? Meet dan je temperatuur in je anus, of bel.");
  const level = reasons["112"].length ? "112" : reasons.bel.length ? "bel" : "geen";
  const empty = pads.empty && !input.temperatureKnown && input.pain === painOrder[0] && input.checked.size === 0;
  return { level, reasons, errors, notes, empty };
}

function render({ model, el }) {
  const alarm = model.get("alarm");
  const limits = model.get("limits");
  const facts = model.get("facts");
  const signs = alarm.signs;
  const root = widgetBody("wanneer-bellen");

  const padsId = uid("verbanden"), tempId = uid("temperatuur"), painId = uid("pijn");
  const pads = h("input", { id: padsId, type: "text", inputmode: "decimal", autocomplete: "off" });
  const temperature = h("input", { id: tempId, type: "text", inputmode: "decimal", autocomplete: "off" });
  const tempName = uid("temperatuur-keuze");
  const tempMeasured = h("input", { type: "radio", name: tempName, id: uid("gemeten"), value: "gemeten" });
  const tempUnknown = h("input", { type: "radio", name: tempName, id: uid("onbekend"), value: "onbekend" });
  const pain = h("select", { id: painId },
    alarm.pain_levels.map((level) => h("option", { value: level.id }, level.label)));

  const boxes = new Map();
  function checkboxGroup(legendText, filter) {
    const chosen = signs.filter((sign) => sign.input === "vinkje" && filter(sign));
    if (!chosen.length) return null;
    return h("fieldset", { class: "miskraam-check" }, h("legend", {}, legendText),
      chosen.map((sign) => {
        const id = uid(sign.id);
        const box = h("input", { type: "checkbox", id, value: sign.id });
        boxes.set(sign.id, box);
        return h("label", { for: id }, box, " ", sign.label);
      }));
  }

  const messages = h("div", { class: "miskraam-messages", role: "alert" });
  const verdict = h("div", { class: "miskraam-verdict", "aria-live": "polite", "aria-atomic": "true" });

  root.append(
    h("p", { class: "miskraam-widget-title" }, "Oefening: wanneer bel je?"),
    h("p", { class: "miskraam-note" }, "Oefen hier met de alarmsignalen. Dit vervangt geen telefoontje: twijfel je, bel dan altijd je eigen verloskundige, huisarts of het ziekenhuis."),
    checkboxGroup("Hoe voel je je?", (sign) => sign.level === "112"),
    h("div", { class: "miskraam-fields" },
      h("label", { for: padsId }, "Doorweekte maandverbanden in het laatste uur", pads,
        h("span", { class: "miskraam-hint" }, "Weet je het niet? Laat dit leeg.")),
      h("label", { for: painId }, "Pijn in je buik", pain)),
    h("fieldset", { class: "miskraam-choice" }, h("legend", {}, "Temperatuur (gemeten in je anus)"),
      h("label", { for: tempUnknown.id }, tempUnknown, " Ik weet mijn temperatuur niet"),
      h("label", { for: tempMeasured.id }, tempMeasured, " Ik heb gemeten:"),
      h("label", { for: tempId, class: "miskraam-inline-field" }, temperature, " °C")),
    checkboxGroup("Waar zit de pijn?", (sign) => sign.group === "ectopisch"),
    checkboxGroup("Verder", (sign) => sign.level !== "112" && sign.group !== "ectopisch"),
    messages, verdict);
  el.append(root);

  function readInput() {
    return {
      pads: pads.value, temperatureKnown: tempMeasured.checked, temperature: temperature.value,
      pain: pain.value, checked: new Set([...boxes].filter(([, box]) => box.checked).map(([id]) => id)),
    };
  }

  // "je hebt koorts" -> "Je hebt koorts."
  const sentence = (reason) => `${reason[0].toUpperCase()}${reason.slice(1)}.`;

  function show(result) {
    messages.replaceChildren(...result.errors.map((error) => h("p", { class: "miskraam-message" }, error)));
    const reasons = (result.reasons[result.level] || []).map((reason) => h("li", {}, sentence(reason)));
    const parts = [];
    if (result.level === "112") {
      verdict.className = "miskraam-verdict bel-112";
      parts.push(h("p", {}, h("a", { href: "tel:112", class: "miskraam-call" }, "Bel nu 112.")),
        h("ul", {}, reasons),
        h("p", {}, "Ga liggen. Ben je alleen? Zeg dat tegen 112, en doe als het kan de voordeur van het slot."));
    } else if (result.level === "bel") {
      verdict.className = "miskraam-verdict bel-nu";
      parts.push(h("p", {}, h("strong", {}, "Bel nu je verloskundige, huisarts of het ziekenhuis.")),
        h("ul", {}, reasons),
        h("p", {}, `Je verloskundige is ${facts["verloskundige-24-uur"].wording} bereikbaar. ’s Nachts en in het weekend kun je ook de huisartsenpost bellen.`));
    } else if (result.errors.length) {
      verdict.className = "miskraam-verdict geen-alarm";
      parts.push(h("p", {}, "Een deel van wat je invulde, kan ik niet lezen: kijk hierboven."),
        h("p", {}, "Twijfel je? Bel dan je verloskundige, huisarts of het ziekenhuis."));
    } else if (result.empty) {
      verdict.className = "miskraam-verdict geen-alarm";
      parts.push(h("p", {}, "Vul hierboven in wat je merkt. Twijfel je nu al? Bel dan je verloskundige."));
    } else {
      verdict.className = "miskraam-verdict geen-alarm";
      parts.push(h("p", {}, "Je vulde geen alarmsignaal in."),
        h("p", {}, "Bel toch als je twijfelt, als er iets verandert of als het erger wordt: meer bloed, koorts of meer pijn."),
        ...result.notes.map((note) => h("p", {}, note)));
    }
    verdict.replaceChildren(...parts);
  }

  // Values set from Python are shown. A handler per trait, so that one change (a ticked box)
  // never overwrites what the reader is still typing in another field.
  const syncs = {
    pads_per_hour: () => {
      const value = model.get("pads_per_hour");
      if ((readNumber(pads.value, "", limits.pads, "").value ?? null) !== value) {
        pads.value = value === null ? "" : nl(value);
      }
    },
    temperature: () => {
      const value = model.get("temperature");
      const shown = readNumber(temperature.value, "", limits.temperature, "");
      if (value !== null) {
        tempMeasured.checked = true;
        if (shown.value !== value) temperature.value = nl(value);
      } else if (!tempMeasured.checked || shown.value !== undefined) {
        tempUnknown.checked = true;  // None: not measured
      }
    },
    pain: () => { pain.value = model.get("pain"); },
    checked: () => {
      const ticked = new Set(model.get("checked"));
      for (const [id, box] of boxes) box.checked = ticked.has(id);
    },
  };
  const handlers = Object.entries(syncs).map(([name, sync]) => {
    const handler = () => { sync(); show(advise(readInput(), alarm, limits)); };
    model.on(`change:${name}`, handler);
    return [name, handler];
  });
  Object.values(syncs).forEach((sync) => sync());
  show(advise(readInput(), alarm, limits));

  function onInput(event) {
    if (event && event.target === temperature && temperature.value.trim() !== "") tempMeasured.checked = true;
    const input = readInput();
    const padsRead = readNumber(input.pads, "", limits.pads, "");
    const tempRead = input.temperatureKnown ? readNumber(input.temperature, "", limits.temperature, "") : { empty: true };
    if (!padsRead.error) commit(model, "pads_per_hour", padsRead.empty ? null : padsRead.value);
    if (!tempRead.error) commit(model, "temperature", tempRead.empty ? null : tempRead.value);
    commit(model, "pain", input.pain);
    commit(model, "checked", [...input.checked]);
    show(advise(input, alarm, limits));
  }

  for (const field of [pads, temperature]) field.addEventListener("input", onInput);
  for (const control of [pain, tempMeasured, tempUnknown, ...boxes.values()]) control.addEventListener("change", onInput);

  return () => handlers.forEach(([name, handler]) => model.off(`change:${name}`, handler));
}

export default { render };
