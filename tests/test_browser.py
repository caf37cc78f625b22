"""Dark mode on a desktop, and printing a chapter. (Every page's own audit, in two viewports, is
`test_page_audit.py`.)"""

from __future__ import annotations

import pytest

from .audit import axe_violations
from .conftest import open_ready

pytestmark = [pytest.mark.browser, pytest.mark.build]


# every page is checked in the system's dark mode by the phone audit; here the stored switch on
# a desktop, on the densest page (tables, figures, links), once (issue 17: test time)
@pytest.mark.parametrize("name", ["book/kerngetallen.html"])
def test_dark_mode_is_accessible_too(browser, server, name):
    """Readers can switch the theme to dark; our colours must keep their contrast there."""
    context = browser.new_context()
    context.add_init_script("localStorage.setItem('mode', 'dark'); "
                            "localStorage.setItem('theme', 'dark');")
    tab = context.new_page()
    try:
        open_ready(tab, f"{server}/{name}")
        assert tab.evaluate("document.documentElement.dataset.theme") == "dark"
        violations = [f"{v['id']}: {v['nodes'][0]['html'][:160]}"
                      for v in axe_violations(tab, {"exclude": []})]
        assert violations == [], "\n".join(violations)
    finally:
        context.close()


def test_printing_a_chapter_prints_the_folded_parts(browser, server):
    """A printed chapter includes its verdieping blocks and the answers to its questions."""
    context = browser.new_context()
    tab = context.new_page()
    try:
        open_ready(tab, f"{server}/book/deel1/oorzaken.html")
        assert tab.locator("article details.verdieping:not([open])").count() >= 1
        tab.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        tab.emulate_media(media="print")
        assert tab.locator("article details:not([open])").count() == 0
        assert tab.locator("details.verdieping .verdieping-body").first.is_visible()
        assert tab.locator(".solution section").first.is_visible()
        tab.evaluate("window.dispatchEvent(new Event('afterprint'))")
        assert tab.locator("article details.verdieping:not([open])").count() >= 1
    finally:
        context.close()


def test_a_reused_tab_reaches_the_next_test_clean(browser, server):
    """A tab handed from test to test (conftest.reused_tab) keeps nothing of the test before:
    not what the page stored, not a listener, not a route."""
    from .conftest import _clean, listen

    context = browser.new_context()
    tab = context.new_page()
    try:
        heard = []
        listen(tab, "console", lambda message: heard.append(message.text))
        tab.route("**/omgeleid.html", lambda route: route.fulfill(body="<title>omgeleid</title>",
                                                                   content_type="text/html"))
        open_ready(tab, f"{server}/book/index.html")
        tab.evaluate("localStorage.setItem('proef', '1'); sessionStorage.setItem('proef', '2')")
        tab.context.add_cookies([{"name": "proef", "value": "3", "url": server}])
        _clean(tab, [server])
        heard.clear()
        open_ready(tab, f"{server}/book/index.html")
        assert tab.evaluate("[localStorage.getItem('proef'), sessionStorage.getItem('proef'),"
                            " document.cookie]") == [None, None, ""]
        tab.evaluate("console.log('na het schoonmaken')")
        assert heard == []
        response = tab.goto(f"{server}/omgeleid.html")
        assert response.status == 404, "de route van de vorige test is er nog"
    finally:
        context.close()
