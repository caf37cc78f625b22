// Medicijnen: how many of 100 women miscarry with the tablets, and what happens to the rest.

function render({ model, el }) {
  const facts = model.get("facts");
  const root = h("div", { class: "miskraam-widget-body", "data-widget": "medicijnen" });
  const views = radioGroup("Welke getallen?", uid("weergave"),
    [{ value: "informatieblad", label: "Informatieblad" }, { value: "onderzoek", label: "Onderzoek (Triple M, Nederland)" }],
    model.get("view"), (value) => commit(model, "view", value === "onderzoek" ? "onderzoek" : "informatieblad"));
  const regimens = radioGroup("Medicijnen", uid("middel"),
    [{ value: "combinatie", label: "mifepriston + misoprostol" }, { value: "misoprostol", label: "alleen misoprostol" }],
    model.get("regimen"), (value) => commit(model, "regimen", value === "misoprostol" ? "misoprostol" : "combinatie"));
  const figure = h("div", { class: "miskraam-figure" });
  const text = liveRegion();
  const note = h("p", { class: "miskraam-note" });
  root.append(h("p", { class: "miskraam-widget-title" }, "Miskraam op gang brengen met medicijnen"),
    views, regimens, figure, text, note);
  el.append(root);

  return bind(model, ["view", "regimen"], () => {
    const evidence = model.get("view") === "onderzoek";
    regimens.hidden = !evidence;
    let success, sentence;
    if (!evidence) {
      success = Math.round(facts["medicijnen-succes"].value);
      sentence = `Bij ongeveer ${success} van de 100 vrouwen komt de miskraam met de medicijnen op gang. ` +
        `Bij de andere ${100 - success} volgt nog een keer medicijnen of een curettage.`;
      note.textContent = "Getal uit het informatieblad. Het blad zegt niet welke medicijnen precies.";
    } else {
      const combination = model.get("regimen") !== "misoprostol";
      const fact = facts[combination ? "triplem-mife-miso" : "triplem-miso"];
      success = Math.round(fact.value);
      sentence = `Met ${combination ? "mifepriston + misoprostol" : "alleen misoprostol"} was de miskraam compleet bij ${nl(fact.value)} van de 100 vrouwen. ` +
        `Bij de andere ${100 - success} was meer nodig: nog eens medicijnen of een curettage.`;
      note.textContent = `Triple M: vrouwen in 17 Nederlandse ziekenhuizen die al minstens een week hadden afgewacht. ` +
        `In de Britse MifeMiso-studie was de vruchtzak na 7 dagen niet uitgestoten bij ${nl(facts["mifemiso-niet-uitgestoten-mife"].value)} van de 100 met mifepriston, ` +
        `tegen ${nl(facts["mifemiso-niet-uitgestoten-placebo"].value)} van de 100 zonder. Hokjes afgerond.`;
    }
    const groups = [
      { count: success, colour: COLOURS.blue, label: "miskraam op gang / compleet" },
      { count: 100 - success, colour: COLOURS.orange, hatch: true, label: "nog eens medicijnen of een curettage" },
    ];
    figure.replaceChildren(iconArray(groups, { label: sentence }), legend(groups));
    text.textContent = sentence;
  });
}

export default { render };
