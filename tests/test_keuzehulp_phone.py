"""The option grid (Keuzehulp) on a phone: every option readable at 390 px without sideways
scrolling, each question label directly above its answers; still a grid on a wide screen.
Measured in Chromium (geometry), not by eye."""

from __future__ import annotations

import pytest

from .conftest import WIDGET_PAGES, WIDGETS_READY

pytestmark = [pytest.mark.browser, pytest.mark.build]

PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}

GEOMETRY_JS = """
(root) => {
  const box = (el) => {
    const r = el.getBoundingClientRect();
    return {left: r.left, right: r.right, top: r.top, bottom: r.bottom};
  };
  const wrap = root.querySelector(".miskraam-grid-wrap");
  return {
    viewport: document.documentElement.clientWidth,
    page: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
    widget: [root.scrollWidth, root.clientWidth],
    wrap: [wrap.scrollWidth, wrap.clientWidth],
    widest: Math.max(...[...root.querySelectorAll("*")].map((el) => box(el).right)),
    leftmost: Math.min(...[...root.querySelectorAll("*")].map((el) => box(el).left)),
    rows: [...root.querySelectorAll("tbody tr")].map((tr) => ({
      question: tr.querySelector("th").textContent,
      th: box(tr.querySelector("th")),
      cells: [...tr.querySelectorAll("td")].map((td) => ({
        box: box(td),
        option: getComputedStyle(td, "::before").content.replace(/^"|"$/g, ""),
        label: td.dataset.label,
      })),
    })),
    options: [...root.querySelectorAll("thead th")].slice(1).map((th) => th.textContent),
  };
}
"""


def grid_page():
    return next(p for p in WIDGET_PAGES if p.endswith("verloop.html"))


def measure(browser, server, **context_options):
    context = browser.new_context(**context_options)
    page = context.new_page()
    page.goto(f"{server}/{grid_page()}")
    page.wait_for_function(WIDGETS_READY, timeout=15000)
    root = page.locator('[data-widget="keuzehulp"]')
    geometry = root.evaluate(GEOMETRY_JS)
    context.close()
    return geometry


def test_the_option_grid_fits_a_phone_and_keeps_questions_with_their_answers(browser, server):
    g = measure(browser, server, **PHONE)
    width = g["viewport"]
    assert g["page"][0] <= g["page"][1], f"pagina schuift opzij: {g['page']}"
    assert g["widget"][0] <= g["widget"][1], f"widget schuift opzij: {g['widget']}"
    assert g["wrap"][0] <= g["wrap"][1], f"tabel schuift opzij: {g['wrap']}"
    assert g["widest"] <= width + 0.5 and g["leftmost"] >= -0.5, (g["leftmost"], g["widest"])
    assert len(g["options"]) == 3 and g["rows"]
    for row in g["rows"]:
        assert len(row["cells"]) == 3
        previous_bottom = row["th"]["bottom"]
        for cell in row["cells"]:
            # inside the viewport, and named: the option's name is shown above its answer
            assert cell["box"]["left"] >= -0.5 and cell["box"]["right"] <= width + 0.5
            assert cell["option"] == cell["label"] and cell["label"] in g["options"]
            # the question label on top, the answers beneath it, in order
            assert cell["box"]["top"] >= previous_bottom - 0.5, row["question"]
            previous_bottom = cell["box"]["bottom"]
    # on a wide screen it is still a grid: the three answers side by side
    wide = measure(browser, server, viewport={"width": 1280, "height": 900})
    for row in wide["rows"]:
        tops = {round(cell["box"]["top"]) for cell in row["cells"]}
        assert len(tops) == 1 and all(cell["option"] in ("none", "") for cell in row["cells"])
        assert row["th"]["right"] <= min(cell["box"]["left"] for cell in row["cells"]) + 0.5
