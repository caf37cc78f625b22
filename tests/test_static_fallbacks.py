"""Every widget draws its own static fallback (print, no JavaScript) from its own state, and
the fallback states the widget's numbers as the registry holds them."""

from __future__ import annotations

import re
from html import unescape

import pytest

from miskraam import widgets
from miskraam.alarm import alarm_signs
from miskraam.facts import registry


def registry_numbers(widget) -> set[str]:
    """The numbers of the registry records the widget shows, as a Dutch text writes them."""
    ids = set(widget.FACTS)
    if isinstance(widget, widgets.WanneerBellen):  # its limits come with the alarm signs
        ids |= {sign.fact for sign in alarm_signs().signs if sign.fact}
    numbers = set()
    for fact_id in ids:
        record = registry()[fact_id]
        for value in (record.value, record.low, record.high):
            if value is not None:
                numbers.add(f"{value:g}".replace(".", ","))
    return numbers


def stated_numbers(text: str) -> set[str]:
    return set(re.findall(r"\d+(?:,\d+)?", text))


def visible_text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", re.sub(r'src="[^"]*"', "", html)))


@pytest.mark.parametrize("widget_class", widgets.ALL, ids=lambda cls: cls.__name__)
def test_each_widget_has_a_static_fallback_that_states_its_numbers(widget_class):
    widget = widget_class()
    html = widget.static_html()
    assert html.startswith('<figure class="miskraam-static')
    shown = stated_numbers(visible_text(html)) & registry_numbers(widget)
    assert shown, f"{widget_class.__name__}: de statische versie noemt geen getal uit het register"
    assert stated_numbers(widget.static_text()) & registry_numbers(widget)


@pytest.mark.parametrize(("widget_class", "values", "expected"), [
    (widgets.Bloedverlies, {"total": 1000}, "Van de 1000 zwangeren"),
    (widgets.Afwachten, {"day": 21}, "dag 21"),
], ids=["Bloedverlies", "Afwachten"])
def test_the_static_figure_is_drawn_from_the_widgets_own_state(widget_class, values, expected):
    assert expected not in widget_class().static_text()
    assert expected in widget_class(**values).static_text()


def test_the_option_grid_fallback_shows_the_chosen_options_only():
    chosen = widgets.Keuzehulp(options=["afwachten", "curettage"])
    labels = {o["key"]: o["label"] for o in chosen.grid["options"]}
    html = chosen.static_html()
    assert f'<th scope="col">{labels["afwachten"]}</th>' in html
    assert f'<th scope="col">{labels["medicijnen"]}</th>' not in html
    assert f'<th scope="col">{labels["medicijnen"]}</th>' in widgets.Keuzehulp().static_html()
