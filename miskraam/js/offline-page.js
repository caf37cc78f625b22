// The offline page script: jsbundle.py bundles it into the classic script miskraam-offline.js
// (miskraam/theme/offline.py publishes it), deferred, on every page. Over http(s) it links the
// manifest, registers the book's service worker once the page has loaded (so it never
// competes with the page itself), and says once that the book can now be read offline. From
// file:// it does nothing. The logic is offline.js.

import { h } from "./dom.js";
import { bookRoot, CLOSE_TEXT, MANIFEST, mayWorkOffline, NOTICE_TEXT, noticeDue, TOLD, TOLD_KEY, WORKER } from "./offline.js";
import { openStorage } from "./storage.js";

function tell(storage) {
  const text = h("p", {}, "");
  const close = h("button", { type: "button", class: "miskraam-offline-close" }, CLOSE_TEXT);
  const notice = h("div", { class: "miskraam-offline-notice", role: "status" }, text, close);
  close.addEventListener("click", () => notice.remove());
  const article = document.querySelector("article.bd-article");
  // Not where she came for help: the page with every alarm sign (its box, alarmbox.py) and the
  // page for a missing address (noindex, theme/notfound.py). There the notice would stand
  // before the signs, and a screen reader would read it first; the next page says it.
  if (!article || document.querySelector(".miskraam-alarm")
      || document.querySelector('meta[name="robots"][content~="noindex"]')) return;
  article.before(notice);
  storage.set(TOLD_KEY, TOLD);
  // filled after it is in the page, so a screen reader announces it
  requestAnimationFrame(() => { text.textContent = NOTICE_TEXT; });
}

if (mayWorkOffline(location.protocol, "serviceWorker" in navigator)) {
  const script = document.currentScript;
  const root = bookRoot(script && script.src, document.documentElement.dataset.content_root,
    location.href);
  document.head.append(h("link", { rel: "manifest", href: root + MANIFEST }));
  const storage = openStorage(window);
  if (noticeDue({ controlled: navigator.serviceWorker.controller, told: storage.get(TOLD_KEY),
    kept: storage.kept })) {
    tell(storage);
  }
  const register = () => {
    // refused (storage blocked, some private modes): then there is no offline copy, nothing else
    navigator.serviceWorker.register(root + WORKER, { scope: root }).catch(() => undefined);
  };
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register);
}
