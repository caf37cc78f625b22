// Oefening: type a number, press "Controleer", get feedback and the worked explanation.

function render({ model, el }) {
  const inputId = uid("antwoord");
  const input = h("input", { id: inputId, type: "text", inputmode: "decimal", autocomplete: "off" });
  const feedback = h("p", { class: "miskraam-live-text", "aria-live": "polite", "aria-atomic": "true" });
  const explanation = h("details", { class: "miskraam-tree-details" },
    h("summary", {}, "Uitleg"), h("p", {}, model.get("explanation")));
  const unit = model.get("unit");

  function check() {
    const raw = input.value.trim();
    const text = raw.replace(",", ".");
    if (raw === "") {
      feedback.textContent = "Vul eerst een getal in.";
      return;
    }
    if (!/^[-+]?\d+(\.\d+)?$/.test(text)) {
      feedback.textContent = `"${raw}" is geen getal. Gebruik alleen cijfers (en eventueel een komma).`;
      return;
    }
    commit(model, "attempt", raw);
    const value = Number(text);
    const answer = Number(model.get("answer"));
    const close = Math.abs(value - answer) <= Number(model.get("tolerance"));
    feedback.textContent = close
      ? `Goed: ${nl(answer)}${unit ? " " + unit : ""}.`
      : `Nog niet: ${nl(value)} klopt niet. Probeer het nog eens of lees de uitleg.`;
    if (close) explanation.open = true;
  }

  const form = h("form", { class: "miskraam-exercise", onsubmit: (event) => { event.preventDefault(); check(); } },
    h("p", {}, model.get("question")),
    h("div", { class: "miskraam-fields" },
      h("label", { for: inputId }, `Jouw antwoord${unit ? " (" + unit + ")" : ""}`, input)),
    h("button", { type: "submit", class: "miskraam-button" }, "Controleer"));
  el.append(h("div", { class: "miskraam-widget-body", "data-widget": "oefening" }, form, feedback, explanation));
}

export default { render };
