// Oefening: type a number, press "Controleer", get feedback and the worked explanation.
// Reading the number (Dutch notation) and the margin are the shared helpers
// readDutchNumber and withinMargin (shared.js); the feedback echoes the reader's number as
// it was read, at the reader's own precision.

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
  const withUnit = (text) => `${text}${unit ? " " + unit : ""}`;

  function verdict(raw) {
    const read = readDutchNumber(raw);
    if (read.empty) return { text: "Vul eerst een getal in." };
    if (read.error) {
      return { text: `"${raw.trim()}" is geen getal. Schrijf het met cijfers en eventueel een komma, zoals 1,5.` };
    }
    const whole = Boolean(model.get("whole"));
    if (whole && !Number.isInteger(read.value)) {
      return { read: true, text: `${read.text} is geen heel getal. Vul een heel ${unit ? "aantal " + unit : "getal"} in.` };
    }
    const answer = Number(model.get("answer"));
    const margin = Math.abs(Number(model.get("tolerance")) || 0);
    const shownAnswer = nl(answer, 6);
    if (withinMargin(read.value, answer, margin)) {
      const exact = withinMargin(read.value, answer, 0);
      return {
        read: true, right: true,
        text: exact ? `Goed: ${withUnit(read.text)}.`
          : `Goed: ${withUnit(read.text)} ligt binnen ${nl(margin, 6)} van het antwoord, ${withUnit(shownAnswer)}.`,
      };
    }
    // A margin smaller than 1 says nothing for a whole number: only the answer itself is right.
    const how = margin === 0 || (whole && margin < 1) ? "is niet het goede antwoord"
      : `ligt niet binnen ${nl(margin, 6)} van het goede antwoord`;
    return { read: true, text: `Nog niet: ${withUnit(read.text)} ${how}. Probeer het nog eens of lees de uitleg.` };
  }

  function check() {
    const result = verdict(input.value);
    if (result.read) commit(model, "attempt", input.value.trim());
    feedback.textContent = result.text;
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
      feedback.textContent = result.text;
      if (result.right) explanation.open = true;
    }),
  ];
  return () => cleanups.forEach((cleanup) => cleanup());
}

export default { render };
