// The proof of participation on the page, once the reader has passed: a copy of the
// <template> that content/quizresult.py writes into the result section, filled with her name,
// the date, the score and the pass mark. The name is kept in this browser (storage.js) and the
// print button stays disabled, with its reason said, until a name is typed. Printing shows a
// copy of the proof alone, black on white (miskraam.css). The logic is quiz-proof.js.

import { openStorage } from "./storage.js";
import { courseAddress, NAME_KEY, printState, proofFields } from "./quiz-proof.js";

const proofStorage = openStorage(window);

function fillSlot(proof, field, text) {
  const slot = proof.querySelector(`[data-veld="${field}"]`);
  if (slot) slot.textContent = text;
}

// Printing hides the page but a copy of the proof at the top of <body>: hiding by visibility
// would still lay out (and print) every page of the test as blank paper.
function printProof(proof) {
  const copy = proof.cloneNode(true);
  copy.id = "miskraam-bewijs-afdruk";
  copy.removeAttribute("role");
  document.body.prepend(copy);
  document.documentElement.classList.add("miskraam-print-bewijs");
  const done = () => {
    copy.remove();
    document.documentElement.classList.remove("miskraam-print-bewijs");
    window.removeEventListener("afterprint", done);
  };
  window.addEventListener("afterprint", done);
  window.print();
}

// The proof, its name field and its print button, appended to `live` (the result section's
// part the page script draws anew after every answer).
export function showProof(live, section, outcome, record) {
  const template = section.querySelector("template.miskraam-bewijs-sjabloon");
  if (!template) return;
  const part = template.content.cloneNode(true);
  const proof = part.querySelector(".miskraam-bewijs");
  const input = part.querySelector("#miskraam-bewijs-naam");
  const reason = part.querySelector(".miskraam-bewijs-reden");
  const button = part.querySelector(".miskraam-bewijs-druk");
  const date = record.datum || new Date().toLocaleDateString("nl-NL");
  const address = proof.querySelector('[data-veld="adres"]');
  address.textContent = courseAddress(address.textContent.trim(), window.location.href,
    document.documentElement.dataset.content_root);
  const update = () => {
    const fields = proofFields(outcome, { name: input.value, date });
    for (const [field, text] of Object.entries(fields)) fillSlot(proof, field, text);
    const state = printState(input.value);
    button.disabled = !state.allowed;
    reason.textContent = state.reason;
    reason.hidden = state.allowed;
    // without a name the proof is not printed either by the browser's own print command
    proof.classList.toggle("is-zonder-naam", !state.allowed);
  };
  input.value = proofStorage.get(NAME_KEY) || "";
  input.addEventListener("input", () => {
    if (input.value.trim()) proofStorage.set(NAME_KEY, input.value);
    else proofStorage.remove(NAME_KEY);
    update();
  });
  button.addEventListener("click", () => {
    if (printState(input.value).allowed) printProof(proof);
  });
  update();
  live.append(part);
}
