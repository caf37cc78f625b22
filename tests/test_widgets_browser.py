"""Every widget on every page, in headless Chromium: it responds to keyboard and mouse,
shows a clear Dutch message for bad input, and works from file:// without any request."""

from __future__ import annotations

import re

import pytest

from .conftest import (
    HTML,
    WIDGET_PAGES,
    WIDGETS_READY,
    keyboard_step,
    listen,
    mouse_step,
    widget_text,
)

pytestmark = [pytest.mark.browser, pytest.mark.build]



@pytest.fixture()
def tab(reused_tab):
    return reused_tab(viewport={"width": 390, "height": 844})


def open_page(tab, url):
    errors, foreign = [], []
    listen(tab, "console", lambda m: errors.append(m.text) if m.type == "error" else None)
    listen(tab, "pageerror", lambda e: errors.append(str(e)))
    listen(tab, "request", lambda r: foreign.append(r.url)
           if not r.url.startswith(("file:", "blob:", "data:", "http://127.0.0.1")) else None)
    tab.goto(url)
    tab.wait_for_function(WIDGETS_READY,
                          timeout=15000)
    return errors, foreign


def test_pages_with_widgets_exist(html):
    # WIDGET_PAGES comes from the sources in _toc.yml; it must be what the build shows.
    assert len(WIDGET_PAGES) >= 7
    built = sorted(p.relative_to(html).as_posix() for p in html.rglob("*.html")
                   if "_static" not in p.parts
                   and "widget-view+json" in p.read_text(encoding="utf-8"))
    assert WIDGET_PAGES == built


@pytest.mark.parametrize("name", WIDGET_PAGES)
def test_every_widget_responds_to_keyboard_and_mouse(tab, server, name):
    errors, foreign = open_page(tab, f"{server}/{name}")
    expected = len(tab.locator('script[type="application/vnd.jupyter.widget-view+json"]').all())
    roots = tab.locator(".miskraam-widget [data-widget]").all()
    assert expected > 0 and len(roots) == expected, "niet elke widget is getoond"
    for root in roots:
        kind = root.get_attribute("data-widget")
        before = widget_text(root)
        keyboard_step(tab, root, kind)
        after_keyboard = widget_text(root)
        assert after_keyboard != before, f"{kind}: toetsenbord verandert niets"
        mouse_step(tab, root, kind)
        assert widget_text(root) != after_keyboard, f"{kind}: muis verandert niets"
        # labelled controls and a live region for the changing numbers
        for control in root.locator("input, select").all():
            control_id = control.get_attribute("id")
            assert control_id and root.locator(f'label[for="{control_id}"]').count() == 1
        assert root.locator("[aria-live]").count() >= 1
    assert errors == [] and foreign == []


@pytest.mark.parametrize("name", WIDGET_PAGES)
def test_widgets_work_from_file_urls_without_requests(tab, name):
    errors, foreign = open_page(tab, (HTML / name).as_uri())
    assert tab.locator(".miskraam-widget [data-widget]").count() >= 1
    assert errors == [] and foreign == []


# 'Wanneer bellen?' has its own table of cases: tests/test_wanneer_bellen.py


def test_afwachten_marks_the_assumption_between_the_leaflet_points(tab, server):
    page = next(p for p in WIDGET_PAGES if p.endswith("afwachten.html"))
    open_page(tab, f"{server}/{page}")
    root = tab.locator('[data-widget="afwachten"]')
    slider = root.locator("input[type=range]")
    texts = {}
    for day in (7, 14, 21, 28):
        slider.fill(str(day))
        texts[day] = root.locator(".miskraam-live-text").inner_text()
    assert "informatieblad" in texts[7] and "informatieblad" in texts[21]
    assert "aanname" in texts[14]
    assert "minstens" in texts[28]
    numbers = [int(re.search(r"ongeveer (\d+) van de 100", texts[d]).group(1)) for d in (7, 14, 21)]
    assert numbers == sorted(numbers)


def test_static_figures_are_hidden_on_screen_once_the_widget_runs(tab, server):
    page = next(p for p in WIDGET_PAGES if p.endswith("wat-is-een-miskraam.html"))
    open_page(tab, f"{server}/{page}")
    static = tab.locator("figure.miskraam-static").first
    assert static.count() == 1 and not static.is_visible()
    tab.emulate_media(media="print")
    assert static.is_visible()


def test_without_javascript_the_static_figure_and_its_text_show(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    name = next(p for p in WIDGET_PAGES if p.endswith("curettage.html"))
    page.goto(f"{server}/{name}")
    figure = page.locator("figure.miskraam-static").first
    assert figure.is_visible()
    assert "van de 100" in figure.inner_text()
    context.close()


def test_the_loader_runs_once_even_if_included_twice(tab, server):
    page = next(p for p in WIDGET_PAGES if p.endswith("medicijnen.html"))
    open_page(tab, f"{server}/{page}")
    tab.add_script_tag(url=f"{server}/_static/miskraam-widgets.js")
    tab.wait_for_timeout(200)
    assert tab.locator(".miskraam-widget").count() == 1
