/* Printing a chapter prints all of it: folded blocks (verdieping, answers, sidebar parts)
   open before printing and close again afterwards. The header's print button prints (it
   carries data-miskraam-action instead of the theme's onclick, which the page's
   Content-Security-Policy refuses: theme/lockdown.py). A classic script, guarded against
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
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target && target.closest && target.closest('[data-miskraam-action="window.print()"]')) {
      window.print();
    }
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (details) { details.open = false; });
    opened = [];
  });
})();
