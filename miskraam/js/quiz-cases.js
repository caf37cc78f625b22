// On the page: which questions of a pool this attempt shows (quiz-draw.js decides), the
// key-feature cases one step at a time, and "kies maximaal N". Only the DOM.
//
// A case (the forms that share data-casus, content/quiz.py) is shown one step at a time, and one
// case at a time: a step appears when the step before it has been checked, and a checked step
// is locked (its answer can no longer change), so a later stem, which may tell what happened,
// cannot change an earlier answer (Page & Bordage's key-feature form).

import { h } from "./dom.js";

const WAIT_STEP = "De volgende stap van deze casus verschijnt als je deze stap controleert. Je antwoord ligt dan vast.";
const WAIT_CASE = "De volgende casus verschijnt als je deze stap controleert. Je antwoord ligt dan vast.";

// Show the drawn forms, hide the others.
export function showDrawn(forms, names) {
  const drawn = new Set(names);
  for (const form of forms) form.hidden = !drawn.has(form.dataset.vraag);
}

// The cases among `forms` (an attempt's questions), in page order: [[form, ...], ...].
function casesOf(forms) {
  const cases = new Map();
  for (const form of forms) {
    if (!form.dataset.casus) continue;
    if (!cases.has(form.dataset.casus)) cases.set(form.dataset.casus, []);
    cases.get(form.dataset.casus).push(form);
  }
  return [...cases.values()];
}

// Lock a checked step: its answer stays as it was checked.
export function lockStep(form) {
  for (const control of form.querySelectorAll("input, select, button[type=submit]")) control.disabled = true;
  form.classList.add("is-vast");
}

export function unlock(form) {
  for (const control of form.querySelectorAll("input, select, button[type=submit]")) control.disabled = false;
  form.classList.remove("is-vast");
}

function note(form) {
  let line = form.nextElementSibling;
  if (!line || !line.classList.contains("miskraam-casus-wacht")) {
    line = h("p", { class: "miskraam-casus-wacht" });
    form.after(line);
  }
  return line;
}

// Show each case up to its first step not yet checked, lock its checked steps, and show a later
// case only when the one before it is done. `forms`: the attempt's questions. Called on start,
// after every check and on a new attempt.
export function revealCases(forms) {
  const cases = casesOf(forms);
  let earlierDone = true;
  cases.forEach((steps, index) => {
    const current = steps.find((form) => !form.classList.contains("is-checked"));
    for (const form of steps) {
      const checked = form.classList.contains("is-checked");
      const shown = earlierDone && (checked || form === current);
      form.hidden = !shown;
      if (checked) lockStep(form);
      const line = note(form);
      line.hidden = true;
      if (shown && form === current) {
        const last = form === steps[steps.length - 1];
        if (!last || index + 1 < cases.length) {
          line.hidden = false;
          line.textContent = last ? WAIT_CASE : WAIT_STEP;
        }
      }
    }
    earlierDone = earlierDone && !current;
  });
}

// "kies maximaal N": once N options are chosen the others cannot be, until one is unchosen.
export function limitChoices(form) {
  const limit = Number(form.dataset.maximaal);
  if (!limit || form.classList.contains("is-vast")) return;
  const boxes = [...form.querySelectorAll(".miskraam-optie input[type=checkbox]")];
  const full = boxes.filter((box) => box.checked).length >= limit;
  for (const box of boxes) box.disabled = full && !box.checked;
}
