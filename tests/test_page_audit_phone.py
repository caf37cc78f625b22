"""Every page as the reader at night meets it: a phone (390 px, touch) set to dark mode, in
one visit each: no requests to other hosts, no console errors, no axe-core violations,
interface text in Dutch and in the "je" form, the dark theme, nothing wider than the screen,
and a visible link to the start page in the page's header (`audit.audit`)."""

from __future__ import annotations

import pytest

from .audit import VIEWPORTS, Frame, audit
from .conftest import PAGES

pytestmark = [pytest.mark.browser, pytest.mark.build]


@pytest.fixture(scope="module")
def tab(browser):
    context = browser.new_context(**VIEWPORTS["phone"], color_scheme="dark")
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def frame():
    """The page frame axe has checked on this module's first page (audit.Frame)."""
    return Frame()


@pytest.mark.parametrize("name", PAGES)
def test_page_at_night_on_a_phone(tab, server, frame, name):
    audit(tab, f"{server}/{name}", frame, phone_at_night=True)
