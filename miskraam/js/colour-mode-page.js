// The colour-mode page script: jsbundle.py bundles it into the classic script
// miskraam-theme.js (miskraam/theme publishes it), which runs in <head> before the first
// paint. It is the only colour-mode script before the theme's own switch: the layout leaves
// out the theme's inline lines.

import { startingMode } from "./colour-mode.js";
import { guardStorage, openStorage } from "./storage.js";

// Sphinx's scripts and the theme's switch use localStorage without catching.
guardStorage(window);
const storage = openStorage(window);
const { mode, theme } = startingMode({
  stored: storage.get("mode"),
  storedTheme: storage.get("theme"),
  systemDark: Boolean(window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches),
});
document.documentElement.dataset.mode = mode;
document.documentElement.dataset.theme = theme;
