// Which colour mode a page starts in. The page is served light (data-theme="light": a whole
// page without JavaScript; pydata-sphinx-theme has no colours for "auto"). Before the first
// paint, colour-mode-page.js applies what this returns; the theme's own switch
// (pydata-sphinx-theme.js) takes over from there and stores the reader's choice.

const MODES = new Set(["light", "dark", "auto"]);

// {mode, theme} from the stored mode and theme (the theme's switch stores both, under "mode"
// and "theme") and whether the system prefers dark. A mode the reader picked stays; with none
// stored, or "auto", or one the theme does not know, the page follows the system.
export function startingMode({ stored = null, storedTheme = null, systemDark = false } = {}) {
  if (stored === "light" || stored === "dark") {
    return { mode: stored, theme: MODES.has(storedTheme) && storedTheme !== "auto" ? storedTheme : stored };
  }
  return { mode: "auto", theme: systemDark ? "dark" : "light" };
}
