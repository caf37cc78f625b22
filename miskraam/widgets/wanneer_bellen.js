// Wanneer bellen?: enter pads per hour, temperature, pain and worry; it says whether to call now.
// A learning example of the leaflet's alarm signs, not a triage tool. Bad input: a clear message
// in Dutch and no verdict at all.

const MAX_PADS = 20;
const TEMPERATURE = [34, 43];

// Parse Dutch or English decimals; return {value} or {error}.
function parseNumber(raw, what, low, high, unit, emptyHint) {
  const text = String(raw ?? "").trim().replace(",", ".");
  if (text === "") return { error: `${what}: vul een getal in. ${emptyHint}` };
  if (!/^[-+]?\d+(\.\d+)?$/.test(text)) return { error: `${what}: "${raw}" is geen getal. Gebruik cijfers, bijvoorbeeld ${low === 0 ? "1" : "37,5"}.` };
  const value = Number(text);
  if (value < low || value > high) {
    return { error: `${what}: ${String(raw).trim()}${unit} kan niet kloppen. Vul een getal in van ${nl(low)} tot en met ${nl(high)}${unit}.` };
  }
  return { value };
}

function render({ model, el }) {
  const facts = model.get("facts");
  const padsLimit = facts["alarm-maandverbanden"].value;
  const feverLimit = facts["alarm-koorts"].value;
  const root = h("div", { class: "miskraam-widget-body", "data-widget": "wanneer-bellen" });
  const padsId = uid("verbanden"), tempId = uid("temperatuur"), painId = uid("pijn");
  const pads = h("input", { id: padsId, type: "text", inputmode: "decimal", autocomplete: "off", value: nl(model.get("pads_per_hour")) });
  const temperature = h("input", { id: tempId, type: "text", inputmode: "decimal", autocomplete: "off", value: nl(model.get("temperature")) });
  const pain = h("select", { id: painId },
    h("option", { value: "geen" }, "geen pijn"), h("option", { value: "licht" }, "wat pijn, zoals bij een menstruatie"),
    h("option", { value: "hevig" }, "hevige pijn"));
  const worriedId = uid("ongerust"), lastingId = uid("aanhoudend");
  const worried = h("input", { type: "checkbox", id: worriedId });
  const lasting = h("input", { type: "checkbox", id: lastingId });
  const messages = h("div", { class: "miskraam-messages", role: "alert" });
  const verdict = h("div", { class: "miskraam-verdict", "aria-live": "polite", "aria-atomic": "true" });

  root.append(
    h("p", { class: "miskraam-widget-title" }, "Oefening: wanneer bel je?"),
    h("p", { class: "miskraam-note" }, "Een leervoorbeeld met de signalen uit het informatieblad, geen triage-instrument. Twijfel je? Bel dan altijd je eigen verloskundige, huisarts of het ziekenhuis."),
    h("div", { class: "miskraam-fields" },
      h("label", { for: padsId }, "Doorweekte maandverbanden per uur", pads),
      h("label", { for: tempId }, "Temperatuur (°C)", temperature),
      h("label", { for: painId }, "Pijn", pain)),
    h("div", { class: "miskraam-check" },
      h("label", { for: worriedId }, worried, " Ik maak me zorgen"),
      h("label", { for: lastingId }, lasting, " Na de miskraam of curettage blijf ik krampen of veel bloed verliezen")),
    messages, verdict);
  el.append(root);

  function readInputs() {
    const errors = [];
    const padsResult = parseNumber(pads.value, "Maandverbanden per uur", 0, MAX_PADS, "", "Vul 0 in als je geen maandverband vol hebt.");
    const tempResult = parseNumber(temperature.value, "Temperatuur", TEMPERATURE[0], TEMPERATURE[1], " °C", "Meet je temperatuur, of vul 37 in als je die niet weet.");
    if (padsResult.error) errors.push(padsResult.error);
    if (tempResult.error) errors.push(tempResult.error);
    return { errors, pads: padsResult.value, temperature: tempResult.value };
  }

  function onInput() {
    const { errors, pads: padsValue, temperature: tempValue } = readInputs();
    if (errors.length === 0) {
      commit(model, "pads_per_hour", padsValue);
      commit(model, "temperature", tempValue);
    }
    commit(model, "pain", ["geen", "licht", "hevig"].includes(pain.value) ? pain.value : "geen");
    commit(model, "worried", worried.checked);
    commit(model, "lasting_complaints", lasting.checked);
    show(errors);
  }

  function show(errors) {
    messages.replaceChildren(...errors.map((error) => h("p", { class: "miskraam-message" }, error)));
    if (errors.length) {
      verdict.className = "miskraam-verdict";
      verdict.textContent = "Verbeter eerst wat hierboven staat. Twijfel je nu al? Bel dan meteen.";
      return;
    }
    const reasons = [];
    const padsValue = model.get("pads_per_hour"), tempValue = model.get("temperature");
    if (padsValue > padsLimit) reasons.push(`je verliest veel bloed (meer dan ${padsLimit} doorweekte maandverbanden per uur)`);
    if (tempValue > feverLimit) reasons.push(`je hebt koorts (boven ${feverLimit} °C)`);
    if (model.get("pain") === "hevig") reasons.push("je hebt hevige pijn");
    if (model.get("lasting_complaints")) reasons.push("je klachten houden aan na de miskraam of curettage");
    if (model.get("worried")) reasons.push("je maakt je zorgen");
    if (reasons.length) {
      verdict.className = "miskraam-verdict bel-nu";
      verdict.textContent = `Bel nu je verloskundige, huisarts of het ziekenhuis: ${reasons.join("; ")}. Je verloskundige is ${facts["verloskundige-24-uur"].wording} bereikbaar.`;
    } else {
      verdict.className = "miskraam-verdict geen-alarm";
      verdict.textContent = "Je vulde geen alarmsignaal in. Word je toch ongerust, of verandert er iets? Bel dan.";
    }
  }

  pads.addEventListener("input", onInput);
  temperature.addEventListener("input", onInput);
  pain.addEventListener("change", onInput);
  worried.addEventListener("change", onInput);
  lasting.addEventListener("change", onInput);

  return bind(model, ["pads_per_hour", "temperature", "pain", "worried", "lasting_complaints"], () => {
    pain.value = model.get("pain");
    worried.checked = Boolean(model.get("worried"));
    lasting.checked = Boolean(model.get("lasting_complaints"));
    show(readInputs().errors);
  });
}

export default { render };
