"""Every page on a desktop in its default (light) colours, in one visit each: no requests to
other hosts, no console errors, no axe-core violations, interface text in Dutch and in the
"je" form (`audit.audit`). The same audit on a phone at night: `test_page_audit_phone.py`.
Two files, so that pytest-xdist (`--dist loadfile`) gives each reader to a worker."""

from __future__ import annotations

import pytest

from .audit import VIEWPORTS, audit
from .conftest import PAGES, content_pages

pytestmark = [pytest.mark.browser, pytest.mark.build]


@pytest.fixture(scope="module")
def tab(browser):
    """One tab for the module: a page visit is a navigation, not a new browser context."""
    context = browser.new_context(**VIEWPORTS["desktop"])
    yield context.new_page()
    context.close()


def test_the_suite_sees_every_page(html):
    # PAGES comes from _toc.yml (collection needs no build); it must match what was built.
    assert PAGES == [p.relative_to(html).as_posix() for p in content_pages(html)]


@pytest.mark.parametrize("name", PAGES)
def test_page_on_a_desktop(tab, server, name):
    audit(tab, f"{server}/{name}")
