// Keuzehulp: an option grid. The reader picks the options and the questions to compare.

function render({ model, el }) {
  const grid = model.get("grid");
  // the legends of the two groups and what to say when the last box is unticked: Python
  const groups = model.get("limits").groups;
  const root = widgetBody("keuzehulp");
  const message = h("p", { class: "miskraam-message", role: "status", hidden: true });
  const table = h("div", { class: "miskraam-grid-wrap", tabindex: 0, role: "region", "aria-label": "Vergelijking" });
  const summary = liveRegion("miskraam-live-text miskraam-visually-subtle");

  function checkboxes(items, trait) {
    const fieldset = h("fieldset", { class: "miskraam-choice miskraam-check" }, h("legend", {}, groups[trait].legend));
    const inputs = [];
    for (const item of items) {
      const id = uid(trait);
      const input = h("input", { type: "checkbox", id, value: item.key, onchange: () => {
        const chosen = inputs.filter((box) => box.checked).map((box) => box.value);
        if (chosen.length === 0) {
          // never an empty grid: undo the click and say why
          input.checked = true;
          message.textContent = groups[trait].at_least_one;
          message.hidden = false;
          return;
        }
        message.hidden = true;
        commit(model, trait, chosen);
      } });
      inputs.push(input);
      fieldset.append(h("label", { for: id }, input, " ", item.label));
    }
    return { fieldset, inputs };
  }

  const options = checkboxes(grid.options, "options");
  const questions = checkboxes(grid.questions, "questions");
  root.append(h("p", { class: "miskraam-widget-title" }, "Keuzehulp: afwachten, medicijnen of curettage?"),
    options.fieldset, h("details", { class: "miskraam-tree-details" }, h("summary", {}, "Kies de vragen"), questions.fieldset),
    message, table, summary,
    h("p", { class: "miskraam-note" }, "Bespreek je keuze met je verloskundige, huisarts of gynaecoloog. Een tussenweg kan ook: eerst afwachten en later alsnog een behandeling."));
  el.append(root);

  return bind(model, ["options", "questions"], () => {
    const known = (items) => items.map((item) => item.key);
    const chosenOptions = known(grid.options).filter((key) => (model.get("options") || []).includes(key));
    const chosenQuestions = known(grid.questions).filter((key) => (model.get("questions") || []).includes(key));
    options.inputs.forEach((box) => { box.checked = chosenOptions.includes(box.value); });
    questions.inputs.forEach((box) => { box.checked = chosenQuestions.includes(box.value); });
    const optionLabels = Object.fromEntries(grid.options.map((o) => [o.key, o.label]));
    // Explicit roles: on a narrow screen CSS shows each row as a block (widgets.css), which
    // would otherwise cost the table its meaning for screen readers. data-label names the
    // option above each answer there.
    const head = h("thead", { role: "rowgroup" }, h("tr", { role: "row" },
      h("th", { scope: "col", role: "columnheader" }, "Vraag"),
      chosenOptions.map((key) => h("th", { scope: "col", role: "columnheader" }, optionLabels[key]))));
    const body = h("tbody", { role: "rowgroup" }, grid.questions.filter((q) => chosenQuestions.includes(q.key)).map((q) =>
      h("tr", { role: "row" }, h("th", { scope: "row", role: "rowheader" }, q.label),
        chosenOptions.map((key) => h("td", { role: "cell", "data-label": optionLabels[key] }, q.cells[key])))));
    table.replaceChildren(h("table", { class: "miskraam-grid", role: "table" }, head, body));
    summary.textContent = `Je vergelijkt ${chosenOptions.map((key) => optionLabels[key].toLowerCase()).join(", ")} op ${chosenQuestions.length} ${chosenQuestions.length === 1 ? "vraag" : "vragen"}.`;
  });
}

export default { render };
