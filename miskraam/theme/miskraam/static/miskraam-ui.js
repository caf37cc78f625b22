/* What Bootstrap's JavaScript (80 kB) did for this book, and the sidebars on a phone.
   - The download menu in the article header opens on click, tap, Enter or Space, and
     closes on Escape, a click elsewhere or when focus leaves it.
   - The back-to-top button appears when the reader scrolls up.
   - The sidebars open as dialogs (pydata-sphinx-theme.js); here they get a name, and
     focus returns to the button that opened them when they close.
   A classic script, guarded against running twice. */
(function () {
  "use strict";
  if (window.miskraamUi) return;
  window.miskraamUi = true;

  function ready(callback) {
    if (document.readyState !== "loading") callback();
    else document.addEventListener("DOMContentLoaded", callback);
  }

  function setupDropdowns() {
    document.querySelectorAll('[data-bs-toggle="dropdown"]').forEach(function (button) {
      var menu = button.nextElementSibling;
      if (!menu || !menu.classList.contains("dropdown-menu")) return;
      var wrapper = button.parentElement;
      function setOpen(open) {
        button.classList.toggle("show", open);
        menu.classList.toggle("show", open);
        button.setAttribute("aria-expanded", open ? "true" : "false");
      }
      button.addEventListener("click", function (event) {
        event.preventDefault();
        var open = !menu.classList.contains("show");
        setOpen(open);
        if (open) {
          var first = menu.querySelector("a, button");
          if (first) first.focus();
        }
      });
      wrapper.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && menu.classList.contains("show")) {
          event.stopPropagation();
          setOpen(false);
          button.focus();
        }
      });
      wrapper.addEventListener("focusout", function (event) {
        if (!wrapper.contains(event.relatedTarget)) setOpen(false);
      });
      document.addEventListener("click", function (event) {
        if (!wrapper.contains(event.target)) setOpen(false);
      });
    });
  }

  // What the back-to-top button may never cover: the alarm signs, the call advice, the notice.
  var NEVER_COVER = ".miskraam-alarm, .miskraam-verdict, .miskraam-notice, .miskraam-alarmzin";

  function overlaps(a, b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  }

  function setupBackToTop() {
    var button = document.getElementById("pst-back-to-top");
    if (!button) return;
    button.addEventListener("click", function () {
      window.scrollTo(0, 0);
    });
    var last = window.scrollY;
    window.addEventListener("scroll", function () {
      var show = window.scrollY < last && window.scrollY > 400;
      button.style.display = show ? "block" : "none";
      if (show) {
        var place = button.getBoundingClientRect();
        var covered = Array.prototype.some.call(document.querySelectorAll(NEVER_COVER), function (element) {
          var box = element.getBoundingClientRect();
          return box.width > 0 && box.bottom > 0 && box.top < window.innerHeight && overlaps(place, box);
        });
        if (covered) button.style.display = "none";
      }
      last = window.scrollY;
    }, { passive: true });
  }

  function setupSidebarDialogs() {
    [["primary", "pst-primary-sidebar-modal"], ["secondary", "pst-secondary-sidebar-modal"]]
      .forEach(function (pair) {
        var dialog = document.getElementById(pair[1]);
        var toggle = document.querySelector("." + pair[0] + "-toggle");
        if (!dialog || !toggle) return;
        toggle.setAttribute("aria-haspopup", "dialog");
        toggle.setAttribute("aria-controls", pair[1]);
        var name = toggle.getAttribute("aria-label");
        if (name) dialog.setAttribute("aria-label", name);
        dialog.addEventListener("close", function () {
          toggle.focus();
        });
      });
  }

  ready(setupDropdowns);
  ready(setupBackToTop);
  ready(setupSidebarDialogs);
})();
