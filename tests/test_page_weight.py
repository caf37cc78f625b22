"""Light pages: a first page load (empty cache) is at most a quarter of the bytes of the
vanilla `jupyter-book create` page, with the theme's features still working."""

from __future__ import annotations

import inspect
import json
from importlib.metadata import version

import pytest

from benchmark import run as bench
from miskraam.theme.cache import cached

from .conftest import chromium_identity, open_ready

pytestmark = [pytest.mark.browser, pytest.mark.build]

#: the heaviest pages: the start page (the root redirect, as a reader opens the book), a
#: widget page, the search page (it loads the search index), the heaviest notebook (figures
#: and code; the heaviest page in benchmark/report.md)
HEAVY = ["index.html", "book/deel1/wat-is-een-miskraam.html", "search.html",
         "notebooks/miskraam-in-getallen.html"]
BUDGET = 0.25


#: what the vanilla page's weight follows from: the packages that build and style it, the
#: benchmark's code that builds and weighs it, and the browser that loads it
VANILLA_MADE_WITH = ["jupyter-book", "sphinx-book-theme", "pydata-sphinx-theme", "sphinx",
                     "myst-nb", "myst-parser", "playwright"]


def vanilla_made_from() -> str:
    return json.dumps({
        "packages": {name: version(name) for name in VANILLA_MADE_WITH},
        "code": [inspect.getsource(f) for f in (bench.vanilla_book, bench.page_weights,
                                                bench.first_load, bench.serve)],
        "page": bench.VANILLA_PAGE, "chromium": chromium_identity()})


@pytest.fixture(scope="session")
def vanilla_bytes(browser, tmp_path_factory) -> int:
    """The first page of a vanilla book, built as the benchmark does (20 seconds): once per
    set of packages, benchmark code and browser, kept by their hash (miskraam/theme/cache.py)."""
    def weigh() -> int:
        book = bench.vanilla_book(tmp_path_factory.mktemp("vanilla"))
        weights = bench.page_weights(browser, book / "_build" / "html", [bench.VANILLA_PAGE])
        return weights[bench.VANILLA_PAGE][1]

    return cached("vanilla-page-bytes", vanilla_made_from(), weigh)


@pytest.mark.parametrize("name", HEAVY)
def test_first_load_is_a_quarter_of_vanilla_or_less(browser, server, vanilla_bytes, name):
    requests, size, foreign = bench.first_load(browser, f"{server}/{name}", server)
    assert foreign == 0
    assert size <= BUDGET * vanilla_bytes, (
        f"{name}: {size:,} bytes in {requests} requests, "
        f"{size / vanilla_bytes:.2f} of the vanilla page ({vanilla_bytes:,} bytes)")


def open_page(browser, server, name, **options):
    context = browser.new_context(**options)
    tab = context.new_page()
    open_ready(tab, f"{server}/{name}")
    return context, tab


def test_icons_are_drawn(browser, server):
    """The theme's icons (menu, contents, download, colour mode, search) come from the
    trimmed icon font: it loads, and each header icon has a width (phone size, where all
    of them show)."""
    context, tab = open_page(browser, server, "book/deel1/oorzaken.html",
                             viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    try:
        tab.evaluate("document.fonts.ready")
        assert tab.evaluate(
            "[...document.fonts].some(f => f.family.includes('Font Awesome')"
            " && f.status === 'loaded')")
        for selector in [".primary-toggle .fa-bars", ".secondary-toggle .fa-list",
                         ".dropdown-download-buttons .fa-download",
                         ".search-button .fa-magnifying-glass"]:
            width = tab.locator(selector).evaluate(
                "el => parseFloat(getComputedStyle(el, '::before').width)"
                " || el.getBoundingClientRect().width")
            assert width > 4, selector
    finally:
        context.close()


def test_search_finds_a_chapter(browser, server):
    context, tab = open_page(browser, server, "search.html?q=curettage")
    try:
        results = tab.locator("#search-results a[href*='curettage']")
        results.first.wait_for()
        assert results.count() >= 1
    finally:
        context.close()


def test_search_dialog_sends_the_reader_to_the_results(browser, server):
    context, tab = open_page(browser, server, "book/deel1/oorzaken.html")
    try:
        tab.locator(".search-button__button:visible").first.click()
        field = tab.locator("#pst-search-dialog input[name=q]")
        assert field.is_visible()
        field.fill("curettage")
        field.press("Enter")
        tab.wait_for_url("**/search.html?q=curettage*")
        tab.locator("#search-results a[href*='curettage']").first.wait_for()
    finally:
        context.close()


def test_colour_mode_switch_changes_the_theme(browser, server):
    context, tab = open_page(browser, server, "book/deel1/oorzaken.html")
    try:
        button = tab.locator(".article-header-buttons .theme-switch-button")
        seen = {tab.evaluate("document.documentElement.dataset.theme")}
        for _ in range(3):
            button.click()
            seen.add(tab.evaluate("document.documentElement.dataset.theme"))
        assert {"light", "dark"} <= seen
    finally:
        context.close()


def test_download_menu_opens_and_closes(browser, server):
    context, tab = open_page(browser, server, "book/deel1/oorzaken.html")
    try:
        button = tab.locator(".dropdown-download-buttons > button")
        pdf = tab.locator(".dropdown-download-buttons .btn-download-pdf-button")
        assert not pdf.is_visible()
        button.focus()
        tab.keyboard.press("Enter")
        assert pdf.is_visible()
        assert button.get_attribute("aria-expanded") == "true"
        tab.keyboard.press("Escape")
        assert not pdf.is_visible()
        button.click()
        assert pdf.is_visible()
        tab.locator("article h1").click()
        assert not pdf.is_visible()
    finally:
        context.close()
