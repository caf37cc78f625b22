// Curettage: adhesions in the uterus. The leaflet's figure after a curettage (without a
// source), and the research figure, seen at hysteroscopy after any of the three ways. The
// words follow the statement "verklevingen-10-13" (book/data/uitspraken.yml).

function render({ model, el }) {
  const facts = model.get("facts");
  const root = widgetBody("curettage");
  const views = evidenceSwitch(model);
  const figure = h("div", { class: "miskraam-figure" });
  const text = liveRegion();
  const note = h("p", { class: "miskraam-note" });
  root.append(h("p", { class: "miskraam-widget-title" }, "Verklevingen in de baarmoeder"), views.element, figure, text, note);
  el.append(root);

  return bind(model, ["view"], () => {
    let groups, sentence;
    if (!views.research()) {
      const range = facts["curettage-verklevingen"];
      const low = Math.round(range.low), high = Math.round(range.high);
      groups = [
        { ...MEANING.adhesions, count: low, label: "verklevingen" },
        { ...MEANING.adhesions, hatch: true, count: high - low, label: "misschien verklevingen (de marge)" },
        { ...MEANING.neutral, count: 100 - high, label: "geen verklevingen" },
      ];
      sentence = `Het informatieblad noemt verklevingen na een curettage bij ${low} tot ${high} van de 100 vrouwen, zonder bron. ` +
        "Het zegt niet hoeveel vrouwen er klachten van krijgen.";
      note.textContent = "Getallen uit het informatieblad. Het blad noemt geen bron. Onderzoek telde verklevingen na afwachten, " +
        "tabletten en curettage samen (zet het vinkje hierboven aan); of ze na een curettage vaker of minder vaak voorkomen, zegt dat niet.";
    } else {
      const total = facts["hooker-verklevingen"].value;
      const all = Math.round(total);
      const mild = Math.round((all * facts["hooker-verklevingen-licht"].value) / 100);
      groups = [
        { ...MEANING.adhesions, hatch: true, count: mild, label: "lichte verklevingen" },
        { ...MEANING.adhesions, count: all - mild, label: "matige of ernstige verklevingen" },
        { ...MEANING.neutral, count: 100 - all, label: "geen verklevingen" },
      ];
      sentence = `Bij een kijkonderzoek (hysteroscopie) binnen een jaar na een miskraam zag men bij ${nl(total)} van de 100 vrouwen verklevingen. ` +
        `Bij ongeveer ${mild} van hen waren ze licht.`;
      note.textContent = sourcesNote("Deze getallen komen uit een overzicht dat meerdere onderzoeken samenvoegt (zie Kerngetallen), " +
        "bij vrouwen na afwachten, tabletten of een curettage samen: een apart getal voor curettage staat er niet in. " +
        "Zichtbare verklevingen zijn niet hetzelfde als het syndroom van Asherman met klachten.",
        facts["hooker-verklevingen"].certainty) + " Hokjes afgerond.";
    }
    figure.replaceChildren(iconArray(groups, { label: sentence }), legend(groups));
    text.textContent = sentence;
  });
}

export default { render };
