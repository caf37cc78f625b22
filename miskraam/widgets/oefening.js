// Oefening: type a number, press "Controleer", get feedback and the worked explanation.
// The answer is judged by judgeNumber (miskraam/js/number-answer.js, tested in Node), as the
// self-tests' number questions are: Dutch notation, the unit after the number or not, the
// margin; the feedback echoes the reader's number as it was read, at her own precision.

import { judgeNumber } from "../js/number-answer.js";

function render({ model, el }) {
  const inputId = uid("antwoord");
  // Enter checks the answer here rather than by the form's implicit submission: live in
  // JupyterLab, the application cancels the "insertLineBreak" input of Enter inside a cell
  // (JupyterFrontEnd.evtKeydown), and with it the submission.
  const input = h("input", {
    id: inputId, type: "text", inputmode: "decimal", autocomplete: "off",
    onkeydown: (event) => {
      if (event.key !== "Enter" || event.isComposing) return;
      event.preventDefault();
      check();
    },
  });
  const feedback = h("p", { class: "miskraam-live-text", "aria-live": "polite", "aria-atomic": "true" });
  const explanationText = h("p", {});
  const explanation = h("details", { class: "miskraam-tree-details" },
    h("summary", {}, "Uitleg"), explanationText);
  const questionText = h("p", {});
  const labelText = document.createTextNode("");
  let unit = "";

  function verdict(raw) {
    return judgeNumber(raw, {
      answer: model.get("answer"), margin: model.get("tolerance"), whole: Boolean(model.get("whole")),
      unit, next: "Probeer het nog eens of lees de uitleg.",
    });
  }

  function check() {
    const result = verdict(input.value);
    if (result.read) commit(model, "attempt", input.value.trim());
    feedback.textContent = result.message;
    if (result.right) explanation.open = true;
  }

  const form = h("form", { class: "miskraam-exercise", onsubmit: (event) => { event.preventDefault(); check(); } },
    questionText,
    h("div", { class: "miskraam-fields" }, h("label", { for: inputId }, labelText, input)),
    h("button", { type: "submit", class: "miskraam-button" }, "Controleer"));
  const root = widgetBody("oefening");
  root.append(form, feedback, explanation);
  el.append(root);

  // Values set from Python are shown: the texts, and an answer set as `attempt` (judged, as if
  // the reader had typed it) unless it is what the answer box already holds.
  const cleanups = [
    bind(model, ["question", "explanation", "unit"], () => {
      unit = model.get("unit") || "";
      questionText.textContent = model.get("question");
      explanationText.textContent = model.get("explanation");
      labelText.textContent = `Jouw antwoord${unit ? " (" + unit + ")" : ""}`;
    }),
    bind(model, ["attempt"], () => {
      const attempt = model.get("attempt") || "";
      if (attempt.trim() !== input.value.trim()) input.value = attempt;
    }),
    bind(model, ["attempt", "answer", "tolerance", "whole"], () => {
      if (input.value.trim() === "") return;
      const result = verdict(input.value);
      feedback.textContent = result.message;
      if (result.right) explanation.open = true;
    }),
  ];
  return () => cleanups.forEach((cleanup) => cleanup());
}

export default { render };
