// One question's <form> on the page (content/quiz.py writes it): read it for the judge, show the
// verdict, put the options in the attempt's order, keep and put back what she answered, empty
// it. Only the DOM: what is right is quiz-judge.js, what is kept quiz-progress.js.

import { h } from "./dom.js";
import { judge, stepVerdict } from "./quiz-judge.js";

const isChoice = (form) => form.dataset.soort === "enkel" || form.dataset.soort === "meer";
const optionsOf = (form) => [...form.querySelectorAll(".miskraam-optie")];

// A form as quiz-judge.js takes it.
export function readForm(form) {
  const kind = form.dataset.soort;
  const options = optionsOf(form);
  if (isChoice(form)) {
    return {
      kind,
      limit: Number(form.dataset.maximaal) || 0,
      options: options.map((o) => ({
        chosen: o.querySelector("input").checked, right: o.dataset.goed === "1", harmful: o.dataset.schadelijk === "1",
      })),
    };
  }
  if (kind === "volgorde") {
    return { kind, steps: options.map((o) => ({ chosen: o.querySelector("select").value, place: o.dataset.plaats })) };
  }
  return {
    kind,
    typed: numberField(form).value,
    answer: form.dataset.antwoord,
    margin: form.dataset.marge,
    whole: form.dataset.heel === "1",
    unit: form.dataset.eenheid || "",
  };
}

function numberField(form) {
  return form.querySelector("input[inputmode=decimal]");
}

// Judge the form and show the verdict: the line under the question, and once it is an answer
// the feedback (the CSS shows it on .is-checked), the chosen options and each step's place.
// Returns the verdict (quiz-judge.js).
export function showChecked(form) {
  const question = readForm(form);
  const verdict = judge(question);
  form.querySelector(".miskraam-vraag-uitslag").textContent = verdict.message;
  if (verdict.right === undefined) {
    form.classList.remove("is-checked", "is-right", "is-wrong");
    return verdict;
  }
  form.classList.add("is-checked");
  form.classList.toggle("is-right", verdict.right);
  form.classList.toggle("is-wrong", !verdict.right);
  optionsOf(form).forEach((option, index) => {
    const input = option.querySelector("input");
    option.classList.toggle("is-gekozen", Boolean(input && input.checked));
    if (question.kind !== "volgorde") return;
    // an order question says per step whether it stands right, and where it belongs
    let said = option.querySelector(".miskraam-plaats-oordeel");
    if (!said) {
      said = h("span", { class: "miskraam-plaats-oordeel" });
      option.append(said);
    }
    said.textContent = stepVerdict(question.steps[index]);
  });
  return verdict;
}

// The form as before any answer.
export function clearForm(form) {
  form.reset();
  form.classList.remove("is-checked", "is-right", "is-wrong");
  form.querySelector(".miskraam-vraag-uitslag").textContent = "";
  for (const option of form.querySelectorAll(".is-gekozen")) option.classList.remove("is-gekozen");
  for (const said of form.querySelectorAll(".miskraam-plaats-oordeel")) said.remove();
}

// --- the order of the options ---------------------------------------------------------------

// A choice question's option values in the order the page shows them, or null for the other
// kinds: an order question's steps are the question, a number question has none.
export function choiceValues(form) {
  return isChoice(form) ? optionsOf(form).map((o) => o.querySelector("input").value) : null;
}

// Show the options in `order` (their values). Moving the elements moves everything with them:
// the Tab order, the arrow keys between radio buttons, what a screen reader reads first.
export function putOrder(form, order) {
  const byValue = new Map(optionsOf(form).map((o) => [o.querySelector("input").value, o]));
  const parent = byValue.values().next().value.parentElement;
  for (const value of order) parent.append(byValue.get(value)); // the options close the fieldset
}

// --- what she answered ----------------------------------------------------------------------

// What she answered, as a list of texts to keep: the chosen options' values; an order's
// chosen places, step by step in the right order (by data-plaats, so the list does not depend
// on how the page shows them); a number question's text as typed.
export function givenAnswer(form) {
  if (isChoice(form)) return optionsOf(form).filter((o) => o.querySelector("input").checked).map((o) => o.querySelector("input").value);
  if (form.dataset.soort === "volgorde") {
    const steps = optionsOf(form).sort((a, b) => Number(a.dataset.plaats) - Number(b.dataset.plaats));
    return steps.map((o) => o.querySelector("select").value);
  }
  return [numberField(form).value];
}

// Put a kept answer back in the form (a reload); what no longer fits the page is left empty.
export function putAnswer(form, given) {
  if (isChoice(form)) {
    for (const input of form.querySelectorAll(".miskraam-optie input")) input.checked = given.includes(input.value);
  } else if (form.dataset.soort === "volgorde") {
    for (const option of optionsOf(form)) {
      const select = option.querySelector("select");
      const place = given[Number(option.dataset.plaats) - 1];
      select.value = [...select.options].some((o) => o.value === place) ? place : "";
    }
  } else {
    numberField(form).value = given[0] ?? "";
  }
}
