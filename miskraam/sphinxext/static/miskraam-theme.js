/*
 * Follow the reader's system setting (light or dark) until she picks a mode herself.
 *
 * The page is served with data-theme="light" (notice.py sets the theme's default_mode), so
 * without JavaScript it is a complete light page: pydata-sphinx-theme defines no colours for
 * data-theme="auto". This classic script runs in <head>, right after the theme's own inline
 * script and before the first paint: when no mode is stored, or the stored one is "auto", it
 * sets mode "auto" and the matching theme. The theme's script then keeps following the system
 * and its switch keeps working (it stores the reader's choice, which we leave alone).
 */
(function () {
  "use strict";
  var html = document.documentElement;
  var stored = null;
  try {
    stored = window.localStorage.getItem("mode");
  } catch (error) {
    stored = null; // storage blocked: follow the system
  }
  if (stored && stored !== "auto") return;
  var dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  html.dataset.mode = "auto";
  html.dataset.theme = dark ? "dark" : "light";
})();
