/*
 * Follow the reader's system setting (light or dark) until she picks a mode herself.
 *
 * The page is served with data-theme="light" (notice.py sets the theme's default_mode), so
 * without JavaScript it is a complete light page: pydata-sphinx-theme defines no colours for
 * data-theme="auto". This classic script runs in <head>, before the first paint, and is the
 * only colour-mode script before the theme's own (layout.html leaves out the theme's inline
 * one, so no page has an inline script for it): it applies a stored mode and theme, and when
 * no mode is stored, or the stored one is "auto", it sets mode "auto" and the matching theme. The theme's script then keeps following the system
 * and its switch keeps working (it stores the reader's choice, which we leave alone).
 */
(function () {
  "use strict";
  // A browser that blocks storage throws on every use of localStorage, and Sphinx's own
  // scripts (search-term highlighting) do not catch that. Put a store that lives as long as
  // the page in its place, marked, so the self-tests can tell the reader nothing is kept.
  try {
    window.localStorage.getItem("mode");
  } catch (blocked) {
    var memory = {};
    var shim = {
      miskraamMemoryOnly: true,
      getItem: function (key) { return Object.prototype.hasOwnProperty.call(memory, key) ? memory[key] : null; },
      setItem: function (key, value) { memory[key] = String(value); },
      removeItem: function (key) { delete memory[key]; },
      clear: function () { memory = {}; },
      key: function (index) { var keys = Object.keys(memory); return index < keys.length ? keys[index] : null; },
    };
    Object.defineProperty(shim, "length", { get: function () { return Object.keys(memory).length; } });
    try {
      Object.defineProperty(window, "localStorage", { value: shim, configurable: true });
    } catch (ignored) {
      // the property cannot be replaced: every script must then catch for itself
    }
  }
  var html = document.documentElement;
  var stored = null, storedTheme = null;
  try {
    stored = window.localStorage.getItem("mode");
    storedTheme = window.localStorage.getItem("theme");
  } catch (error) {
    stored = null; // storage blocked: follow the system
  }
  // the theme's own first lines (its inline script, which our layout leaves out): the
  // reader's stored choice, else the served default
  html.dataset.mode = stored || "light";
  html.dataset.theme = storedTheme || "light";
  if (stored && stored !== "auto") return;
  var dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  html.dataset.mode = "auto";
  html.dataset.theme = dark ? "dark" : "light";
})();
