// Bloedverlies: an icon array and a natural-frequency tree of bleeding in early pregnancy.

function render({ model, el }) {
  const facts = model.get("facts");
  const weeks = facts["definitie-16-weken"].value;
  // the totals a reader can pick, their labels and icon columns: Python (the `limits` trait)
  const totals = model.get("limits").totals;
  const known = (value) => totals.find((option) => option.value === Number(value)) || totals[0];
  const root = widgetBody("bloedverlies");
  const choice = radioGroup("Laat zien voor", uid("totaal"), totals,
    model.get("total"), (value) => commit(model, "total", known(value).value));
  const figure = h("div", { class: "miskraam-figure" });
  const text = liveRegion();
  const tree = h("ul", { class: "miskraam-tree" });
  root.append(h("p", { class: "miskraam-widget-title" }, "Bloedverlies in het begin van de zwangerschap"),
    choice.element, figure, text, h("details", { class: "miskraam-tree-details" },
      h("summary", {}, "Als rekenboom"), tree));
  el.append(root);

  return bind(model, ["total"], () => {
    const { value: total, columns } = known(model.get("total"));
    choice.choose(total);
    const bleeding = Math.round((total * facts["bloedverlies-16-weken"].value) / 100);
    const continuing = Math.round((bleeding * facts["bloedverlies-blijft-intact"].value) / 100);
    const miscarriage = bleeding - continuing;
    const none = total - bleeding;
    const groups = [
      { ...MEANING.continues, count: continuing, label: "bloedverlies, zwangerschap gaat door" },
      { ...MEANING.miscarriage, count: miscarriage, label: "bloedverlies, daarna een miskraam" },
      { ...MEANING.neutral, count: none, label: "geen bloedverlies" },
    ];
    const sentence = `Van de ${total} zwangeren hebben er ${bleeding} bloedverlies in de eerste ${weeks} weken. ` +
      `Bij ${continuing} van hen gaat de zwangerschap door, bij ${miscarriage} volgt een miskraam. ` +
      `${none} hebben geen bloedverlies.`;
    figure.replaceChildren(iconArray(groups, { total, columns, label: sentence }), legend(groups));
    text.textContent = sentence;
    tree.replaceChildren(
      h("li", {}, `${total} zwangeren`,
        h("ul", {},
          h("li", {}, `${bleeding} met bloedverlies`,
            h("ul", {}, h("li", {}, `${continuing}: zwangerschap gaat door`), h("li", {}, `${miscarriage}: miskraam`))),
          h("li", {}, `${none} zonder bloedverlies`))));
  });
}

export default { render };
