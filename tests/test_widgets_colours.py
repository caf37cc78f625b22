"""Widget colours as readers see them: the theme follows the phone's dark setting, the
widgets turn dark with it and stay accessible, and one colour keeps one meaning
("zwangerschap gaat door" is the same colour in every widget and figure, and nothing else
is drawn in it)."""

from __future__ import annotations

import pytest
from matplotlib.colors import to_hex

from miskraam.widgets import ALL

from .audit import axe_violations, dark_widget_problems
from .conftest import EVIDENCE_WIDGETS, WIDGET_PAGES, WIDGETS_READY, open_ready

CONTINUES = "zwangerschap gaat door"

def open_widgets(page, url):
    open_ready(page, url)
    page.wait_for_function(WIDGETS_READY, timeout=15000)


@pytest.mark.browser
@pytest.mark.build
@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_the_theme_follows_the_system_setting_and_the_switch_still_works(browser, server, scheme):
    context = browser.new_context(color_scheme=scheme)  # a fresh context: nothing stored
    page = context.new_page()
    try:
        open_ready(page, f"{server}/book/index.html")
        assert page.evaluate("localStorage.getItem('theme')") == scheme
        assert page.evaluate("document.documentElement.dataset.theme") == scheme
        # the theme's own switch: one click leaves the system setting for the other mode
        other = "light" if scheme == "dark" else "dark"
        page.locator(".theme-switch-button").first.click()
        assert page.evaluate("document.documentElement.dataset.theme") == other
        open_ready(page, "", reload=True)
        assert page.evaluate("document.documentElement.dataset.theme") == other
    finally:
        context.close()


DARK_SWITCH = "localStorage.setItem('mode', 'dark'); localStorage.setItem('theme', 'dark');"


@pytest.mark.browser
@pytest.mark.build
def test_the_dark_switch_makes_a_widget_page_dark_and_accessible(browser, server):
    """Every widget page in the system's dark mode is checked by the phone audit, in its one
    visit per page (audit.dark_widget_problems and axe); here the other way to dark, the
    stored switch, on one page: it sets the same data-theme on every page
    (test_the_theme_follows_the_system_setting…)."""
    context = browser.new_context()
    context.add_init_script(DARK_SWITCH)
    page = context.new_page()
    try:
        open_widgets(page, f"{server}/{WIDGET_PAGES[0]}")
        assert page.evaluate("document.documentElement.dataset.theme") == "dark"
        assert page.locator(".miskraam-widget-body").count()
        problems = dark_widget_problems(page)
        assert problems == [], "\n".join(problems)
        violations = [f"{v['id']}: {v['nodes'][0]['html'][:160]}"
                      for v in axe_violations(page, {"exclude": []})]
        assert violations == [], "\n".join(violations)
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.build
def test_one_colour_means_the_pregnancy_continues_in_every_widget(browser, server):
    """Collect every legend entry of every widget (both views) with its swatch colour."""
    context = browser.new_context()
    page = context.new_page()
    seen: dict[str, set[str]] = {}  # colour -> the legend texts drawn in it
    try:
        for name in WIDGET_PAGES:
            open_widgets(page, f"{server}/{name}")
            for root in page.locator(".miskraam-widget [data-widget]").all():
                views = [None]
                if root.get_attribute("data-widget") in EVIDENCE_WIDGETS:
                    views.append(root.locator(".miskraam-evidence-switch input"))
                for switch in views:
                    if switch is not None:
                        switch.check()
                    for item in root.locator(".miskraam-legend li").all():
                        swatch = item.locator(".miskraam-swatch")
                        if swatch.count() == 0:
                            continue
                        colour = swatch.evaluate(
                            "(el) => getComputedStyle(el).getPropertyValue('--swatch').trim()")
                        seen.setdefault(colour.lower(), set()).add(f"{name}: {item.inner_text()}")
    finally:
        context.close()
    continues = {colour for colour, texts in seen.items() if any(CONTINUES in t for t in texts)}
    assert len(continues) == 1, f"'{CONTINUES}' in meer dan één kleur: {continues}"
    (colour,) = continues
    others = sorted(t for t in seen[colour] if CONTINUES not in t)
    assert others == [], f"dezelfde kleur ({colour}) betekent ook iets anders: {others}"
    widgets_showing_it = {t.split(":")[0] for t in seen[colour]}
    assert len(widgets_showing_it) >= 2  # the check compares something


def figure_colours(figure) -> tuple[set[str], set[str]]:
    """(every colour drawn in a static figure, the legend labels)."""
    colours, labels = set(), set()
    for artist in figure.findobj():
        for getter in ("get_facecolor", "get_edgecolor", "get_color", "get_facecolors"):
            value = getattr(artist, getter, lambda: None)()
            if value is None:
                continue
            values = value if getattr(value, "ndim", 0) == 2 else [value]
            for one in values:
                try:
                    if len(one) == 4 and one[3] == 0:
                        continue  # transparent
                    colours.add(to_hex(one))
                except (TypeError, ValueError):
                    pass
    for legend in [*figure.legends, *(ax.get_legend() for ax in figure.axes)]:
        if legend is not None:
            labels.update(text.get_text() for text in legend.get_texts())
    return colours, labels


def legend_colour(figure, wanted: str) -> str:
    for legend in figure.legends:
        for handle, text in zip(legend.legend_handles, legend.get_texts(), strict=True):
            if wanted in text.get_text():
                return to_hex(handle.get_facecolor())
    raise AssertionError(f"geen legenda-item met '{wanted}'")


def test_static_figures_draw_the_pregnancy_continuing_in_its_colour_only():
    """The printed figures: the "continues" colour (read from the legend of the bleeding
    figure) is drawn in a figure exactly when its legend names a continuing pregnancy."""
    # the widgets whose fallback is a drawn figure (the others are a table or a list)
    figures = {cls.__name__: cls().static_figure().figure for cls in ALL
               if "static_html" not in vars(cls)}
    assert len(figures) >= 5
    continues = legend_colour(figures["Bloedverlies"], CONTINUES)
    for name, figure in figures.items():
        colours, labels = figure_colours(figure)
        names_it = any(CONTINUES in label for label in labels)
        drawn = continues in colours
        assert drawn == names_it, f"{name}: {continues} getekend={drawn}, in legenda={names_it}"
