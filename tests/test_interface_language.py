"""Every interface string a reader sees or a screen reader speaks is Dutch.

The theme, Sphinx and the extensions bring their own interface text (buttons, tooltips,
landmarks, the search page). We open every page in Chromium, at desktop size and on a
phone, after the page's scripts have run, and look for English interface words:

- in the attributes that tooltips and screen readers use, everywhere on the page;
- in the text outside the article (header, sidebars, footer, hidden skip links) and in the
  theme's controls inside it (heading links, copy and toggle buttons, pagination).

Course text is not checked here: the bibliography quotes English titles, and the links to
it carry them in their `title`. The words below are interface words that Dutch course text
does not use.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from miskraam.sphinxext.translations import LOCALE

from .conftest import PAGES, build, content_pages, one_page_book, open_ready

pytestmark = [pytest.mark.browser, pytest.mark.build]


ENGLISH = [
    "skip to", "main content", "back to top", "on this page", "toggle", "sidebar",
    "colou?r", "mode", "light", "dark", "system", "settings", "link to this",
    "navigation", "main", "site", "search", "searching", "results?", "download this",
    "download source", "download notebook", "print to", "previous", "next", "page",
    "pages", "source", "show", "hide", "close", "edit", "copy", "copied", "clipboard",
    "fullscreen", "full screen", "click", "expand", "collapse", "breadcrumb", "home",
    "error", "please", "enable", "announcement", "contents?", "general", "symbols",
    "theme", "last updated", "updated", "launch", "repository", "issue", "suggest",
    "solution", "exercise", "hidden", "loading", "preparing", "finished", "found",
    "matching", "query", "documents", "spelled", "version", "warning", "switch", "file",
    "the", "this", "your", "related", "section", "sections", "by",
]
ENGLISH_RE = re.compile(r"(?<![\w-])(" + "|".join(ENGLISH) + r")(?![\w-])", re.IGNORECASE)
# the formal "u"/"uw": the course speaks to its readers as "je"
FORMAL_RE = re.compile(r"(?<![\w-])(u|uw|U|Uw)(?![\w-])")

VIEWPORTS = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True},
}

# Runs in the page: every attribute a tooltip or screen reader uses, and every interface
# text (outside the article, plus the theme's controls inside it). Returns [where, text].
COLLECT = """
() => {
  const ATTRIBUTES = ["title", "aria-label", "placeholder", "alt", "aria-description",
    "aria-roledescription", "aria-valuetext", "data-bs-title", "data-bs-original-title",
    "data-tooltip", "data-toggle-hint"];
  const CONTROLS = [".headerlink", ".copybtn", ".toggle-button", ".toggle-details__summary",
    ".prev-next-area", ".prev-next-footer", ".solution > .admonition-title",
    ".exercise > .admonition-title", "#search-results > h2", "#search-results > p",
    ".bd-search-container h1", "details.hide > summary"].join(",");
  const CONTENT = "article.bd-article";
  const SKIP = "script, style, template";
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    (el.className && typeof el.className === "string"
      ? "." + el.className.trim().split(/\\s+/).join(".") : "");
  const found = [["<title>", document.title]];
  for (const el of document.querySelectorAll("*")) {
    for (const name of ATTRIBUTES) {
      const value = el.getAttribute(name);
      if (!value) continue;
      // links inside the article are course content: a citation's title is the
      // (often English) reference it points to
      if (name === "title" && el.matches(CONTENT + " a.reference:not(.headerlink)")) continue;
      found.push([describe(el) + "[" + name + "]", value]);
    }
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const parent = node.parentElement;
    let text = node.textContent.trim();
    if (!text || !parent || parent.closest(SKIP)) continue;
    if (parent.closest(CONTENT) && !parent.closest(CONTROLS)) continue;
    if (parent.closest("noscript")) text = text.replace(/<[^>]*>/g, " ");
    found.push([describe(parent), text]);
  }
  return found;
}
"""


def english(found):
    return [f"{where}: {text!r}" for where, text in found if ENGLISH_RE.search(text)]


def formal(found):
    return [f"{where}: {text!r}" for where, text in found if FORMAL_RE.search(text)]


def open_page(browser, server, viewport, path, wait_for=None):
    context = browser.new_context(**VIEWPORTS[viewport])
    tab = context.new_page()
    open_ready(tab, f"{server}/{path}")
    if wait_for:
        tab.wait_for_function(wait_for, timeout=15000)
    # the theme's tooltips are created on hover and focus: open one of each kind
    for selector in ("[data-bs-toggle='tooltip']", ".copybtn"):
        handle = tab.query_selector(f"{selector}:visible")
        if handle:
            handle.hover()
    return context, tab


def test_the_word_list_catches_the_themes_english():
    """The pattern matches the English strings readers reported, and not Dutch ones."""
    reported = ["Skip to main content", "Back to top", "On this page", "Toggle primary sidebar",
                "Color mode", "Light", "Dark", "System Settings", "Link to this heading",
                "Site navigation", "Main", "Search", "Download this page", "Print to PDF",
                "previous page", "next", "Copy to clipboard", "Copied!",
                "Search finished, found 3 page(s) matching the search query."]
    assert [s for s in reported if not ENGLISH_RE.search(s)] == []
    dutch = ["Direct naar de inhoud", "Naar boven", "Op deze pagina", "Zoekresultaten",
             "Download deze pagina", "Kleurmodus", "Licht", "Donker", "Zoeken",
             "Dreigende miskraam en missed abortion", "Triple M", "Kopiëren", "Gekopieerd!",
             "Afdrukken of opslaan als pdf", "Volgende", "Vorige"]
    assert [s for s in dutch if ENGLISH_RE.search(s)] == []
    assert FORMAL_RE.search("Uw zoekopdracht leverde geen resultaten op.")
    assert not FORMAL_RE.search("Je zoekopdracht gaf geen resultaten. Kijk of alle woorden "
                                "goed gespeld zijn, of probeer een ander woord.")


def test_pages_are_marked_dutch(html):
    for page in content_pages(html):
        assert '<html lang="nl"' in page.read_text(encoding="utf-8")[:500], page


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("name", PAGES)
def test_interface_is_dutch(browser, server, name, viewport):
    context, tab = open_page(browser, server, viewport, name)
    try:
        found = tab.evaluate(COLLECT)
    finally:
        context.close()
    assert english(found) == [], "Engelse interfacetekst:\n" + "\n".join(english(found))
    assert formal(found) == [], "u-vorm in plaats van je-vorm:\n" + "\n".join(formal(found))


SEARCH_DONE = "document.querySelector('#search-results p.search-summary')?.innerText.trim()"


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("query, hits", [("verloskundige", True), ("qwxzyv", False)])
def test_search_page_is_dutch_and_informal(browser, server, viewport, query, hits):
    context, tab = open_page(browser, server, viewport, f"search.html?q={query}",
                             wait_for=SEARCH_DONE)
    try:
        found = tab.evaluate(COLLECT)
        summary = tab.inner_text("#search-results p.search-summary")
        results = tab.locator("#search-results ul.search li").count()
    finally:
        context.close()
    assert (results > 0) == hits, summary
    assert english(found) == [], "Engelse interfacetekst:\n" + "\n".join(english(found))
    assert formal(found) == [], "u-vorm in plaats van je-vorm:\n" + "\n".join(formal(found))


def test_dates_are_dutch(html):
    """The footer's date reads like "22 november 2026", not "nov 22, 2026"."""
    text = (html / "book" / "index.html").read_text(encoding="utf-8")
    date = re.search(r'class="last-updated">\s*(.*?)\s*<', text, re.S).group(1)
    months = ("januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|"
              "november|december")
    assert re.search(rf"\b\d{{1,2}} ({months}) \d{{4}}\b", date), date


def small_book(folder: Path, locale_dirs: str) -> Path:
    config = textwrap.dedent(f"""
        title: Test
        execute:
          execute_notebooks: force
        sphinx:
          config:
            language: nl
            {locale_dirs}
          extra_extensions:
            - miskraam.sphinxext
    """)
    return one_page_book(folder, config, ":tags: [hide-input]\n\nprint(6 * 7)")


@pytest.mark.build
def test_folded_code_cells_are_announced_in_dutch(tmp_path, browser):
    """myst-nb folds a cell under an English prompt ("Show code cell source", a config
    value) and names it "Toggle hidden content" (in its HTML)."""
    page = small_book(tmp_path, f"locale_dirs: ['{LOCALE}']")
    result = build(tmp_path)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    context = browser.new_context()
    tab = context.new_page()
    try:
        tab.goto(page.as_uri(), wait_until="load")
        # this small book has Jupyter Book's English defaults (author, search text): only
        # the folded cell is ours to check here
        found = [item for item in tab.evaluate(COLLECT) if item[0].startswith("summary")]
        prompt = tab.inner_text("details.hide > summary")
    finally:
        context.close()
    assert prompt.strip() == "Code tonen"
    assert found and english(found) == [], found


@pytest.mark.build
def test_a_book_without_the_catalog_in_locale_dirs_says_where_it_is(tmp_path):
    """Sphinx reads locale_dirs before any extension runs: only _config.yml can set it."""
    small_book(tmp_path, "")
    result = build(tmp_path)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "locale_dirs in _config.yml" in result.stdout and str(LOCALE) in result.stdout
