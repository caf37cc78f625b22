// The mode a page starts in (miskraam/js/colour-mode.js): the reader's stored choice stays,
// otherwise the page follows the system's light or dark setting.
import assert from "node:assert/strict";
import { test } from "node:test";

import { startingMode } from "../../miskraam/js/colour-mode.js";

const CASES = [
  // [stored mode, stored theme, system dark] -> [mode, theme]
  [[null, null, false], ["auto", "light"]],
  [[null, null, true], ["auto", "dark"]],
  [["auto", "light", true], ["auto", "dark"]], // auto follows the system, not the stored theme
  [["auto", "dark", false], ["auto", "light"]],
  [["light", "light", true], ["light", "light"]], // a picked mode beats the system
  [["dark", "dark", false], ["dark", "dark"]],
  [["dark", null, false], ["dark", "dark"]],
  [["paars", null, true], ["auto", "dark"]], // a mode the theme does not know: the system
];

for (const [[stored, storedTheme, systemDark], [mode, theme]] of CASES) {
  test(`stored ${stored}/${storedTheme}, system ${systemDark ? "dark" : "light"}: ${mode}/${theme}`, () => {
    assert.deepEqual(startingMode({ stored, storedTheme, systemDark }), { mode, theme });
  });
}
