// Hartactiviteit: the miscarriage risk at the first bleeding, and once a heartbeat is seen.

// The situations of the research view (key, label, registry id) come from Python (the
// `limits` trait).

function perHundred(value, isUpperBound) {
  if (isUpperBound) return `minder dan ${nl(value)} van de 100`;
  return `${nl(value)} van de 100`;
}

function render({ model, el }) {
  const facts = model.get("facts");
  const { situations, default_situation: fallback } = model.get("limits");
  const situationOf = (key) => situations.find((row) => row.key === key) || situations.find((row) => row.key === fallback);
  const root = widgetBody("hartactiviteit");
  const views = evidenceSwitch(model);
  const selectId = uid("situatie");
  const select = h("select", { id: selectId, onchange: (event) => {
    commit(model, "situation", situationOf(event.target.value).key);
  } }, situations.map(({ key, label }) => h("option", { value: key }, label)));
  const situationField = h("div", { class: "miskraam-fields" }, h("label", { for: selectId }, "Situatie", select));
  const figure = h("div", { class: "miskraam-figure" });
  const text = liveRegion();
  const note = h("p", { class: "miskraam-note" });
  root.append(h("p", { class: "miskraam-widget-title" }, "Kans op een miskraam: voor en na de echo"),
    views.element, situationField, figure, text, note);
  el.append(root);

  return bind(model, ["view", "situation"], () => {
    const evidence = views.research();
    situationField.hidden = !evidence;
    const row = situationOf(model.get("situation"));
    select.value = row.key;
    if (!evidence) {
      // the plain view answers the woman who is bleeding (the statement "kans-na-hartje"): with
      // bleeding and a heartbeat, research's figure (the default situation) fits her; the
      // leaflet's is named beside it
      const before = 100 - facts["bloedverlies-blijft-intact"].value;
      const after = Math.round(facts[situationOf(fallback).fact].value);
      const leaflet = facts["risico-na-hartactiviteit"].value;
      const beforeGroups = [
        { ...MEANING.miscarriage, count: before, label: "miskraam" },
        { ...MEANING.continues, count: 100 - before, label: "zwangerschap gaat door" },
      ];
      const afterGroups = [
        { ...MEANING.miscarriage, count: after, label: "miskraam" },
        { ...MEANING.continues, count: 100 - after, label: "zwangerschap gaat door" },
      ];
      const sentence = `Bij bloedverlies, voordat er een echo is: bij ongeveer ${100 - before} van de 100 vrouwen gaat de zwangerschap door. ` +
        `Verlies je bloed en zag de echo een kloppend hartje? Dan gaat de zwangerschap bij ongeveer ${100 - after} van de 100 door.`;
      figure.replaceChildren(
        h("figure", {}, iconArray(beforeGroups, { label: `Bij bloedverlies: ${100 - before} van de 100 gaan door` }),
          h("figcaption", {}, "Bij bloedverlies, voor de echo")),
        h("figure", {}, iconArray(afterGroups, { label: `Bloedverlies en het hartje klopt: ${100 - after} van de 100 gaan door` }),
          h("figcaption", {}, "Bloedverlies, en het hartje klopt")),
        legend(afterGroups.map((group) => ({ ...group, count: null }))));
      text.textContent = sentence;
      note.textContent = `Links: het informatieblad. Rechts: onderzoek bij vrouwen met bloedverlies. ` +
        `Het informatieblad noemt na een kloppend hartje ${leaflet} van de 100 miskramen; bij vrouwen die bloed verliezen vond onderzoek er ${after}. Afgerond.`;
      return;
    }
    const value = facts[row.fact].value;
    const upper = facts[row.fact].comparison === "<";
    const groups = [
      { ...MEANING.miscarriage, count: upper ? 0 : Math.round(value), label: "miskraam" },
      { ...MEANING.continues, count: 100 - (upper ? 0 : Math.round(value)), label: "zwangerschap gaat door" },
    ];
    const sentence = `${row.label[0].toUpperCase()}${row.label.slice(1)}: bij ${perHundred(value, upper)} vrouwen volgt toch een miskraam.`;
    figure.replaceChildren(iconArray(groups, { label: sentence }),
      h("ul", { class: "miskraam-legend" }, situations.map(({ key, label, fact }) =>
        h("li", {}, `${label}: ${perHundred(facts[fact].value, facts[fact].comparison === "<")}${key === row.key ? " (gekozen)" : ""}`))));
    text.textContent = sentence;
    // the studies named from their records, so a new study renames them
    const weekly = facts["tong-risico-totaal"], bleeding = facts[situationOf(fallback).fact];
    note.textContent = sourcesNote("Deze getallen komen uit onderzoek bij groepen vrouwen met een kloppend hartje: " +
      `zonder klachten uit ${weekly.authors} (${weekly.year}), met bloedverlies uit een onderzoek van ${bleeding.year}.`, facts[row.fact].certainty) +
      " Hokjes afgerond op hele vrouwen.";
  });
}

export default { render };
