"""The start page: the root index.html, a redirect to the first chapter."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import HTML

pytestmark = [pytest.mark.browser, pytest.mark.build]


def watch(tab):
    problems = []
    tab.on("console", lambda m: problems.append(f"console {m.type}: {m.text}")
           if m.type == "error" else None)
    tab.on("pageerror", lambda error: problems.append(f"pageerror: {error}"))
    tab.on("response", lambda r: problems.append(f"{r.status} {r.url}")
           if r.status >= 400 else None)
    # a request cut short by the redirect (ERR_ABORTED) is not an error the reader sees
    tab.on("requestfailed", lambda r: problems.append(f"failed {r.url}: {r.failure}")
           if "ERR_ABORTED" not in (r.failure or "") else None)
    return problems


@pytest.mark.parametrize("where", ["http", "file"])
def test_start_page_opens_the_course_without_errors(browser, server, where):
    url = f"{server}/index.html" if where == "http" else (HTML / "index.html").as_uri()
    context = browser.new_context()
    tab = context.new_page()
    problems = watch(tab)
    try:
        tab.goto(url, wait_until="networkidle")
        tab.wait_for_url("**/book/index.html")
        tab.wait_for_load_state("networkidle")
        assert problems == []
        assert tab.locator("article h1").is_visible()
    finally:
        context.close()


def test_start_page_itself_is_a_complete_page(browser, server):
    """Seen on its own (the redirect held back, as on a slow line or with refresh
    disabled): a titled Dutch page with a visible link to the course, axe-clean."""
    context = browser.new_context()
    tab = context.new_page()
    problems = watch(tab)
    tab.route(f"{server}/book/index.html", lambda route: route.fulfill(status=204))
    try:
        tab.goto(f"{server}/index.html", wait_until="networkidle")
        assert tab.url == f"{server}/index.html"
        assert tab.title()
        assert tab.locator("a[href='book/index.html']").is_visible()
        violations = [f"{v['id']}: {v['nodes'][0]['html'][:160]}"
                      for v in Axe().run(tab).response["violations"]]
        assert violations == [], "\n".join(violations)
        assert [p for p in problems if "book/index.html" not in p] == []
    finally:
        context.close()
