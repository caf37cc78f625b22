"""Every page as the reader at night meets it: a phone (390 px, touch) set to dark mode.

No requests to other hosts, no console errors, no axe-core violations, and nothing wider
than the screen (issue 8: "green in light and dark mode and at phone size").
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import PAGES, open_ready

pytestmark = [pytest.mark.browser, pytest.mark.build]


@pytest.fixture(scope="module")
def night_phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True,
                                  is_mobile=True, color_scheme="dark")
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("name", PAGES)
def test_page_at_night_on_a_phone(night_phone, server, name):
    tab = night_phone
    errors, foreign = [], []

    def on_console(message):
        if message.type == "error":
            errors.append(message.text)

    def on_request(request):
        if request.url.startswith(("http:", "https:")) and not request.url.startswith(server):
            foreign.append(request.url)

    tab.on("console", on_console)
    tab.on("request", on_request)
    try:
        open_ready(tab, f"{server}/{name}")
    finally:
        tab.remove_listener("console", on_console)
        tab.remove_listener("request", on_request)
    assert foreign == [] and errors == [], (foreign, errors)
    assert tab.evaluate("document.documentElement.dataset.theme") == "dark"
    width = tab.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"de pagina is {width} px breed: je moet opzij schuiven"
    violations = [f"{v['id']}: {v['nodes'][0]['html'][:160]}"
                  for v in Axe().run(tab).response["violations"]]
    assert violations == [], "\n".join(violations)
