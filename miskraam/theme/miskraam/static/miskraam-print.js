/* Printing a chapter prints all of it: folded blocks (verdieping, answers, sidebar parts)
   open before printing and close again afterwards. A classic script, guarded against
   running twice. */
(function () {
  "use strict";
  if (window.miskraamPrint) return;
  window.miskraamPrint = true;
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("article details:not([open])").forEach(function (details) {
      details.open = true;
      opened.push(details);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (details) { details.open = false; });
    opened = [];
  });
})();
