// Curettage: how many of 100 women get adhesions (Asherman) after a curettage.

function render({ model, el }) {
  const facts = model.get("facts");
  const root = h("div", { class: "miskraam-widget-body", "data-widget": "curettage" });
  const views = radioGroup("Welke getallen?", uid("weergave"),
    [{ value: "informatieblad", label: "Informatieblad" }, { value: "onderzoek", label: "Onderzoek (kijkonderzoek na een miskraam)" }],
    model.get("view"), (value) => commit(model, "view", value === "onderzoek" ? "onderzoek" : "informatieblad"));
  const figure = h("div", { class: "miskraam-figure" });
  const text = liveRegion();
  const note = h("p", { class: "miskraam-note" });
  root.append(h("p", { class: "miskraam-widget-title" }, "Verklevingen na een curettage"), views, figure, text, note);
  el.append(root);

  return bind(model, ["view"], () => {
    let groups, sentence;
    if (model.get("view") !== "onderzoek") {
      const range = facts["curettage-verklevingen"];
      const low = Math.round(range.low), high = Math.round(range.high);
      groups = [
        { count: low, colour: COLOURS.vermillion, label: "verklevingen" },
        { count: high - low, colour: COLOURS.vermillion, hatch: true, label: "misschien verklevingen (de marge)" },
        { count: 100 - high, colour: COLOURS.grey, label: "geen verklevingen" },
      ];
      sentence = `Na een curettage krijgen ${low} tot ${high} van de 100 vrouwen verklevingen in de baarmoeder. ` +
        `${100 - high} tot ${100 - low} krijgen ze niet.`;
      note.textContent = "Getallen uit het informatieblad. Het blad noemt geen bron.";
    } else {
      const total = facts["hooker-verklevingen"].value;
      const all = Math.round(total);
      const mild = Math.round((all * facts["hooker-verklevingen-licht"].value) / 100);
      groups = [
        { count: mild, colour: COLOURS.orange, label: "lichte verklevingen" },
        { count: all - mild, colour: COLOURS.vermillion, hatch: true, label: "matige of ernstige verklevingen" },
        { count: 100 - all, colour: COLOURS.grey, label: "geen verklevingen" },
      ];
      sentence = `Bij een kijkonderzoek (hysteroscopie) binnen een jaar na een miskraam zag men bij ${nl(total)} van de 100 vrouwen verklevingen. ` +
        `Bij ongeveer ${mild} van hen waren ze licht.`;
      note.textContent = "Hooker e.a. 2014: 10 studies, 912 vrouwen, vooral na een curettage. Zichtbare verklevingen zijn niet hetzelfde als het syndroom van Asherman met klachten. Hokjes afgerond.";
    }
    figure.replaceChildren(iconArray(groups, { label: sentence }), legend(groups));
    text.textContent = sentence;
  });
}

export default { render };
