"""Phone navigation (390 px, touch): both sidebars open and close by tap and by keyboard, and
their links work. That every page has a visible way back to the start page is checked in the
phone audit's one visit per page (`audit.audit`)."""

from __future__ import annotations

import pytest

from .conftest import open_ready

pytestmark = [pytest.mark.browser, pytest.mark.build]

PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
CHAPTER = "book/deel1/oorzaken.html"
SIDEBARS = [("primary", "#pst-primary-sidebar-modal"),
            ("secondary", "#pst-secondary-sidebar-modal")]


@pytest.fixture
def phone(reused_tab, server):
    tab = reused_tab(**PHONE)
    open_ready(tab, f"{server}/{CHAPTER}")
    return tab


def toggle(tab, which):
    buttons = tab.locator(f"button.{which}-toggle:visible")
    assert buttons.count() == 1, f"één zichtbare knop voor de {which} zijbalk"
    return buttons.first


def focused_inside(tab, selector) -> bool:
    return tab.evaluate(f"document.querySelector('{selector}').contains(document.activeElement)")


@pytest.mark.parametrize("which,dialog", SIDEBARS)
def test_tap_opens_the_sidebar_and_a_tap_outside_closes_it(phone, which, dialog):
    toggle(phone, which).tap()
    panel = phone.locator(dialog)
    assert panel.evaluate("d => d.open")
    links = panel.locator("a[href]:visible")
    assert links.count() >= 3
    box = panel.bounding_box()
    assert box["width"] < 390, "the sidebar leaves a strip of page to tap"
    outside = 5 if box["x"] > 0 else 385
    phone.touchscreen.tap(outside, 700)
    assert not panel.evaluate("d => d.open")


def test_a_link_in_the_table_of_contents_opens_that_chapter(phone):
    toggle(phone, "primary").tap()
    phone.locator("#pst-primary-sidebar-modal a[href$='kerngetallen.html']").tap()
    phone.wait_for_url("**/book/kerngetallen.html")


def test_a_link_in_the_page_contents_jumps_to_the_section(phone):
    toggle(phone, "secondary").tap()
    link = phone.locator("#pst-secondary-sidebar-modal a[href^='#']").nth(1)
    anchor = link.get_attribute("href")
    link.tap()
    phone.wait_for_url(f"**{anchor}")


@pytest.mark.parametrize("which,dialog", SIDEBARS)
@pytest.mark.parametrize("key", ["Enter", " "])
def test_keyboard_opens_and_closes_the_sidebar(phone, which, dialog, key):
    button = toggle(phone, which)
    for _ in range(60):  # Tab through the page until the toggle has focus
        phone.keyboard.press("Tab")
        if button.evaluate("b => b === document.activeElement"):
            break
    else:
        pytest.fail(f"Tab reaches the {which} toggle")
    phone.keyboard.press(key)
    assert phone.locator(dialog).evaluate("d => d.open")
    assert focused_inside(phone, dialog), "focus moves into the opened sidebar"
    phone.keyboard.press("Escape")
    assert not phone.locator(dialog).evaluate("d => d.open")
    assert button.evaluate("b => b === document.activeElement"), "focus returns to the toggle"
