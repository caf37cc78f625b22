"""Widget colours as readers see them: the theme follows the phone's dark setting, the
widgets turn dark with it and stay accessible, and one colour keeps one meaning
("zwangerschap gaat door" is the same colour in every widget and figure, and nothing else
is drawn in it)."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from matplotlib.colors import to_hex

from miskraam.widgets import ALL

from .conftest import EVIDENCE_WIDGETS, WIDGET_PAGES, open_ready

CONTINUES = "zwangerschap gaat door"

# Relative luminance (WCAG) of a computed CSS colour, and the contrast of two of them.
LUMINANCE_JS = """
(colour) => {
  const probe = document.createElement("span");
  probe.style.color = colour;
  document.body.append(probe);
  const [r, g, b] = getComputedStyle(probe).color.match(/[\\d.]+/g).map(Number);
  probe.remove();
  const lin = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
"""


def contrast(a: float, b: float) -> float:
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def open_widgets(page, url):
    open_ready(page, url)
    page.wait_for_function(
        "document.documentElement.classList.contains('miskraam-widgets-ready')", timeout=15000)


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


DARK_WAYS = {
    "systeem": {"color_scheme": "dark"},
    "knop": {"init": "localStorage.setItem('mode', 'dark'); "
                     "localStorage.setItem('theme', 'dark');"},
}


def dark_cases():
    """Every widget page in the system's dark mode; the switch (a stored choice) on one page:
    it sets the same data-theme on every page (test_the_theme_follows_the_system_setting…),
    so repeating it per page only doubled the time (issue 17)."""
    for name in WIDGET_PAGES:
        yield pytest.param(name, "systeem", id=f"{name}-systeem")
    yield pytest.param(WIDGET_PAGES[0], "knop", id=f"{WIDGET_PAGES[0]}-knop")


@pytest.mark.browser
@pytest.mark.build
@pytest.mark.parametrize(("name", "way"), list(dark_cases()))
def test_widget_pages_in_dark_mode_are_dark_and_accessible(browser, server, name, way):
    setting = DARK_WAYS[way]
    context = browser.new_context(color_scheme=setting.get("color_scheme", "light"))
    if "init" in setting:
        context.add_init_script(setting["init"])
    page = context.new_page()
    try:
        open_widgets(page, f"{server}/{name}")
        assert page.evaluate("document.documentElement.dataset.theme") == "dark"
        panels = page.locator(".miskraam-widget-body").all()
        assert panels
        for panel in panels:
            background = panel.evaluate("(el) => getComputedStyle(el).backgroundColor")
            panel_luminance = page.evaluate(LUMINANCE_JS, background)
            assert panel_luminance < 0.05, f"widget is geen donker paneel: {background}"
            # chart labels drawn in SVG: axe does not check them
            for text in panel.locator("svg text").all():
                fill = text.evaluate("(el) => getComputedStyle(el).fill")
                ratio = contrast(page.evaluate(LUMINANCE_JS, fill), panel_luminance)
                assert ratio >= 4.5, f"grafiektekst {text.inner_text()!r}: contrast {ratio:.1f}"
        # nothing light left around a widget: the theme paints HTML outputs light in dark mode
        light = page.evaluate("""[...document.querySelectorAll('.cell.miskraam-live .output')]
            .filter((el) => el.offsetHeight > 0)
            .map((el) => getComputedStyle(el).backgroundColor)""")
        assert all(page.evaluate(LUMINANCE_JS, colour) < 0.2 or colour == "rgba(0, 0, 0, 0)"
                   for colour in light), f"lichte vlakken bij een widget: {light}"
        violations = [f"{v['id']}: {v['nodes'][0]['html'][:160]}"
                      for v in Axe().run(page).response["violations"]]
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
