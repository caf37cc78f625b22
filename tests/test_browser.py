"""Every built page in headless Chromium: no other hosts, no console errors, no axe violations."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import PAGES, content_pages, open_ready

pytestmark = [pytest.mark.browser, pytest.mark.build]



@pytest.fixture(scope="module")
def page(browser, server):
    context = browser.new_context()
    tab = context.new_page()
    yield tab
    context.close()


def visit(tab, url):
    """Open a page; return (requests to other hosts, console errors) seen while loading."""
    local = urlparse(url).netloc
    foreign, errors = [], []

    def on_request(request):
        parsed = urlparse(request.url)
        if parsed.scheme in ("http", "https", "ws", "wss") and parsed.netloc != local:
            foreign.append(request.url)

    def on_console(message):
        if message.type == "error":
            errors.append(f"{message.text} ({message.location.get('url')})")

    tab.on("request", on_request)
    tab.on("console", on_console)
    tab.on("pageerror", lambda error: errors.append(f"pageerror: {error}"))
    try:
        open_ready(tab, url)
    finally:
        tab.remove_listener("request", on_request)
        tab.remove_listener("console", on_console)
    return foreign, errors


def test_the_suite_sees_every_page(html):
    # PAGES comes from _toc.yml (collection needs no build); it must match what was built.
    assert PAGES == [p.relative_to(html).as_posix() for p in content_pages(html)]


@pytest.mark.parametrize("name", PAGES)
def test_page_is_private_clean_and_accessible(page, server, name):
    foreign, errors = visit(page, f"{server}/{name}")
    assert foreign == [], f"verzoeken naar andere hosts: {foreign}"
    assert errors == [], f"consolefouten: {errors}"
    # axe runs after loading: its own CSS preloading may log 404s we do not want to count
    result = Axe().run(page)
    violations = [
        f"{v['id']} ({v['impact']}): {v['nodes'][0]['html'][:160]}"
        for v in result.response["violations"]
    ]
    assert violations == [], "\n".join(violations)


@pytest.mark.parametrize("name", ["book/index.html", "book/deel1/wat-is-een-miskraam.html",
                                  "book/kerngetallen.html", "book/deel1/verloop.html"])
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
                      for v in Axe().run(tab).response["violations"]]
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
