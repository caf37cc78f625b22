"""Every interface string a reader sees or a screen reader speaks is Dutch.

Every page is read for English interface words and the formal "u" in the page audit
(`test_page_audit.py`, desktop and phone; the word lists are in `audit.py`). Here: that the
word lists catch what readers reported, the search page with and without results, the
footer's date, the `lang` of every page, and the translations a small book gets from our
extension (the folded code cell, the message when the catalogue is not in `locale_dirs`).
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from miskraam.theme.translations import LOCALE

from .audit import COLLECT, ENGLISH_RE, FORMAL_RE, VIEWPORTS, english, formal, interface_text
from .conftest import build, content_pages, one_page_book, open_ready

pytestmark = [pytest.mark.browser, pytest.mark.build]


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


SEARCH_DONE = "() => document.querySelector('#search-results p.search-summary')?.innerText.trim()"


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("query, hits", [("verloskundige", True), ("qwxzyv", False)])
def test_search_page_is_dutch_and_informal(reused_tab, server, viewport, query, hits):
    tab = reused_tab(**VIEWPORTS[viewport])
    open_ready(tab, f"{server}/search.html?q={query}")
    tab.wait_for_function(SEARCH_DONE, timeout=15000)
    found = interface_text(tab)
    summary = tab.inner_text("#search-results p.search-summary")
    results = tab.locator("#search-results ul.search li").count()
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
            html_theme: miskraam
            {locale_dirs}
          extra_extensions:
            - miskraam.content
            - miskraam.theme
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
