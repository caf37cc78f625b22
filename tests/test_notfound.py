"""The page a reader gets at an address that does not exist (issue 19, theme/notfound.py),
served as a static host serves it (`host`: 404.html from the root, status 404) at an address
deep in the book: the book's own page in Dutch, styled, with the notice that says where to
turn, links that work from there (absolute, from html.baseurl's path), a search box that
searches, and no word for search engines to index."""

from __future__ import annotations

import re

import pytest

pytestmark = [pytest.mark.build]

MISSING = "/book/deel1/bestaat-niet.html"


@pytest.mark.browser
def test_a_missing_address_gets_the_books_own_404_page(browser, host):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True,
                                  is_mobile=True, color_scheme="dark")
    tab = context.new_page()
    failed, errors = [], []
    tab.on("requestfailed", lambda request: failed.append(request.url))
    tab.on("response", lambda r: r.status >= 400 and r.url != host + MISSING
           and failed.append(f"{r.status} {r.url}"))
    # (the browser logs the page's own 404 as an error: that one is expected)
    tab.on("console", lambda m: m.type == "error" and m.location.get("url") != host + MISSING
           and errors.append(m.text))
    try:
        response = tab.goto(host + MISSING)
        assert response.status == 404
        assert tab.get_by_role("heading", level=1, name="Deze pagina bestaat niet").is_visible()
        assert not failed and not errors, (failed, errors)
        # styled by the book's own stylesheets (the theme's dark mode, not the browser's default)
        assert tab.evaluate("document.documentElement.dataset.theme") == "dark"
        assert tab.evaluate("getComputedStyle(document.body).backgroundColor") != \
            "rgba(0, 0, 0, 0)"
        # the notice: 112, and the page with every alarm sign, reachable from here
        notice = tab.locator(".miskraam-notice")
        assert "112" in notice.inner_text()
        alarm = notice.locator("a", has_text="Wanneer bel je?")
        assert tab.request.get(alarm.evaluate("a => a.href")).status == 200
        # to the start page
        tab.get_by_role("link", name="Naar het begin van de cursus").click()
        tab.wait_for_load_state()
        assert tab.url == host + "/book/index.html"
        # the search box searches the book
        tab.go_back()
        form = tab.locator("article form[role=search]")
        form.get_by_label("Zoek in de cursus").fill("curettage")
        form.get_by_role("button", name="Zoeken").click()
        tab.wait_for_function("() => document.querySelectorAll('#search-results li').length",
                              timeout=20_000)
        assert "/search.html?q=curettage" in tab.url
    finally:
        context.close()


def test_the_404_page_is_not_indexed_and_has_no_relative_links(html):
    page = (html / "404.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in page
    relative = re.findall(r'(?:href|src|action)="(?![/#]|tel:|mailto:|https?:)([^"]+)"', page)
    assert not relative, relative

