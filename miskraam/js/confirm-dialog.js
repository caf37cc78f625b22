// Ask before wiping what cannot be brought back ("Begin opnieuw", "Wis mijn voortgang"). The
// browser's own modal <dialog>: it keeps the keyboard inside, Escape cancels, a screen reader
// hears that a dialog opened and its question. Not window.confirm: its buttons are in the
// browser's language ("OK", "Cancel"), not in the course's Dutch. The dialog exists only while
// it is open, so a page's audit never meets it closed.

import { h } from "./dom.js";

// Resolves to true when she chooses `yes`; `no`, Escape or closing keeps everything.
export function askFirst({ question, yes, no }) {
  if (typeof HTMLDialogElement === "undefined") return Promise.resolve(window.confirm(question));
  return new Promise((resolve) => {
    const opener = document.activeElement;
    const id = "miskraam-bevestig-vraag";
    const keep = h("button", { type: "button", class: "miskraam-button miskraam-button-terug" }, no);
    const wipe = h("button", { type: "button", class: "miskraam-button" }, yes);
    const dialog = h("dialog", { class: "miskraam-bevestig", "aria-labelledby": id },
      h("p", { id }, question), h("div", { class: "miskraam-bevestig-knoppen" }, keep, wipe));
    keep.addEventListener("click", () => dialog.close("nee"));
    wipe.addEventListener("click", () => dialog.close("ja"));
    dialog.addEventListener("close", () => {
      dialog.remove();
      if (opener && opener.isConnected) opener.focus(); // back where she was
      resolve(dialog.returnValue === "ja");
    });
    document.body.append(dialog);
    dialog.showModal();
    keep.focus(); // the safe choice first: Enter or Space keeps everything
  });
}
