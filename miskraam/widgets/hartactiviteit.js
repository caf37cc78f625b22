// Hartactiviteit: the miscarriage risk at the first bleeding, and once a heartbeat is seen.

const SITUATION_LABELS = [
  ["6-weken", "hartje gezien op 6 weken, geen klachten", "tong-risico-6-weken"],
  ["8-weken", "hartje gezien op 8 weken, geen klachten", "tong-risico-8-weken"],
  ["9-weken", "hartje gezien vanaf 9 weken, geen klachten", "tong-risico-9-weken"],
  ["bloedverlies", "hartje gezien, met bloedverlies", "bloedverlies-levend-risico"],
  ["hematoom", "hartje gezien, bloedverlies en een hematoom", "hematoom-risico"],
  ["zonder-hematoom", "hartje gezien, bloedverlies zonder hematoom", "zonder-hematoom-risico"],
];

function perHundred(value, isUpperBound) {
  if (isUpperBound) return `minder dan ${nl(value)} van de 100`;
  return `${nl(value)} van de 100`;
}

function render({ model, el }) {
  const facts = model.get("facts");
  const weeks = facts["hartactiviteit-vanaf-7-weken"].value;
  const root = h("div", { class: "miskraam-widget-body", "data-widget": "hartactiviteit" });
  const views = evidenceSwitch(model);
  const selectId = uid("situatie");
  const select = h("select", { id: selectId, onchange: (event) => {
    const known = SITUATION_LABELS.some(([key]) => key === event.target.value);
    commit(model, "situation", known ? event.target.value : "bloedverlies");
  } }, SITUATION_LABELS.map(([key, label]) => h("option", { value: key }, label)));
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
    if (!evidence) {
      const before = 100 - facts["bloedverlies-blijft-intact"].value;
      const after = facts["risico-na-hartactiviteit"].value;
      const beforeGroups = [
        { ...MEANING.miscarriage, count: before, label: "miskraam" },
        { ...MEANING.continues, count: 100 - before, label: "zwangerschap gaat door" },
      ];
      const afterGroups = [
        { ...MEANING.miscarriage, count: after, label: "miskraam" },
        { ...MEANING.continues, count: 100 - after, label: "zwangerschap gaat door" },
      ];
      const sentence = `Bij bloedverlies, voordat er een echo is: bij ongeveer ${before} van de 100 vrouwen volgt een miskraam. ` +
        `Klopt het hartje op de echo (vanaf ${weeks} weken), dan nog bij ongeveer ${after} van de 100.`;
      figure.replaceChildren(
        h("figure", {}, iconArray(beforeGroups, { label: `Bij bloedverlies: ${before} van de 100 een miskraam` }),
          h("figcaption", {}, "Bij bloedverlies, voor de echo")),
        h("figure", {}, iconArray(afterGroups, { label: `Hartje klopt: ${after} van de 100 een miskraam` }),
          h("figcaption", {}, "Hartje klopt op de echo")),
        legend(afterGroups.map((group) => ({ ...group, count: null }))));
      text.textContent = sentence;
      note.textContent = "Getallen uit het informatieblad, afgerond.";
      return;
    }
    let situation = model.get("situation");
    let row = SITUATION_LABELS.find(([key]) => key === situation) || SITUATION_LABELS[3];
    select.value = row[0];
    const value = facts[row[2]].value;
    const upper = facts[row[2]].comparison === "<";
    const groups = [
      { ...MEANING.miscarriage, count: upper ? 0 : Math.round(value), label: "miskraam" },
      { ...MEANING.continues, count: 100 - (upper ? 0 : Math.round(value)), label: "zwangerschap gaat door" },
    ];
    const sentence = `${row[1][0].toUpperCase()}${row[1].slice(1)}: bij ${perHundred(value, upper)} vrouwen volgt toch een miskraam.`;
    figure.replaceChildren(iconArray(groups, { label: sentence }),
      h("ul", { class: "miskraam-legend" }, SITUATION_LABELS.map(([key, label, id]) =>
        h("li", {}, `${label}: ${perHundred(facts[id].value, facts[id].comparison === "<")}${key === row[0] ? " (gekozen)" : ""}`))));
    text.textContent = sentence;
    note.textContent = sourcesNote("Deze getallen komen uit onderzoek bij groepen vrouwen met een kloppend hartje: " +
      "zonder klachten uit Tong e.a. (2008), met bloedverlies uit een onderzoek van 2006.", facts[row[2]].certainty) +
      " Hokjes afgerond op hele vrouwen.";
  });
}

export default { render };
