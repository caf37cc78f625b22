// Medicijnen: how many of 100 women miscarry with the tablets, and what happens to the rest.

function render({ model, el }) {
  const facts = model.get("facts");
  // the regimens of the research view (key, label, registry id): Python (the `limits` trait)
  const choices = model.get("limits").regimens;
  const regimenOf = (key) => choices.find((row) => row.key === key) || choices[0];
  const root = widgetBody("medicijnen");
  const views = evidenceSwitch(model);
  const regimens = radioGroup("Medicijnen", uid("middel"),
    choices.map(({ key, label }) => ({ value: key, label })),
    model.get("regimen"), (value) => commit(model, "regimen", regimenOf(value).key));
  const figure = h("div", { class: "miskraam-figure" });
  const text = liveRegion();
  const note = h("p", { class: "miskraam-note" });
  root.append(h("p", { class: "miskraam-widget-title" }, "Miskraam op gang brengen met medicijnen"),
    views.element, regimens.element, figure, text, note);
  el.append(root);

  return bind(model, ["view", "regimen"], () => {
    const evidence = views.research();
    regimens.element.hidden = !evidence;
    const regimen = regimenOf(model.get("regimen"));
    regimens.choose(regimen.key);
    let success, sentence;
    if (!evidence) {
      success = Math.round(facts["medicijnen-succes"].value);
      sentence = `Bij ongeveer ${success} van de 100 vrouwen komt de miskraam met de medicijnen op gang. ` +
        `Bij de andere ${100 - success} volgt nog een keer medicijnen of een curettage.`;
      note.textContent = "Getal uit het informatieblad. Het blad zegt niet welke medicijnen precies.";
    } else {
      const fact = facts[regimen.fact];
      success = Math.round(fact.value);
      sentence = `Met ${regimen.label} was de miskraam compleet bij ${nl(fact.value)} van de 100 vrouwen. ` +
        `Bij de andere ${100 - success} was meer nodig: nog eens medicijnen of een curettage.`;
      // the study named from the record, so a new study renames it
      note.textContent = sourcesNote(`Deze getallen komen uit Triple M (${fact.authors} ${fact.year}): een Nederlands onderzoek waarin loting bepaalde ` +
        "wie welke medicijnen kreeg, bij vrouwen die al minstens een week hadden afgewacht. Schema: 600 mg mifepriston of een nepmiddel, " +
        "daarna misoprostol via de mond. Compleet betekende: na 6 tot 8 weken was de baarmoeder leeg.", fact.certainty) +
        " Met een ander schema, zoals tabletten in de vagina, kan de kans anders zijn. Hokjes afgerond.";
    }
    const groups = [
      { ...MEANING.complete, count: success, label: "miskraam op gang / compleet" },
      { ...MEANING.more_treatment, count: 100 - success, label: "nog eens medicijnen of een curettage" },
    ];
    figure.replaceChildren(iconArray(groups, { label: sentence }), legend(groups));
    text.textContent = sentence;
  });
}

export default { render };
