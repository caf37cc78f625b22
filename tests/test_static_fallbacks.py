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


# --- The exercise outside a widget-aware viewer (issue 16, item 5) ----------------------------

def exercise(**changes):
    settings = {"question": "Hoeveel van de <400> zwangeren krijgen bloedverlies?",
                "answer": 80, "whole": True, "unit": "zwangeren",
                "explanation": "400 × 20 / 100 = 80."} | changes
    return widgets.Oefening(**settings)


def test_the_exercise_as_text_shows_its_question_and_folds_its_answer():
    """A viewer without the widget's JavaScript (GitHub, nbconvert, the PDF) picks the text
    forms of the display bundle; a widget-aware one still gets the widget view."""
    from IPython.core.formatters import DisplayFormatter

    data, _ = DisplayFormatter().format(exercise())
    assert "application/vnd.jupyter.widget-view+json" in data
    html = data["text/html"]
    assert html.startswith('<figure class="miskraam-static')
    assert "Hoeveel van de &lt;400&gt; zwangeren krijgen bloedverlies?" in html
    question_at = html.index("zwangeren krijgen bloedverlies")
    folded = re.search(r"<details[^>]*>(.*?)</details>", html, re.S)
    assert folded and "open" not in folded.group(0).split(">", 1)[0]
    assert question_at < folded.start(), "de vraag staat boven het dichtgeklapte antwoord"
    assert "Antwoord: 80 zwangeren." in folded.group(1)
    assert "400 × 20 / 100 = 80." in unescape(folded.group(1))
    plain = data["text/plain"]
    assert plain.startswith("Oefening. Hoeveel van de <400> zwangeren krijgen bloedverlies?")
    assert "object at 0x" not in plain


def test_the_text_form_follows_the_exercise_and_writes_dutch_numbers():
    text = exercise(question="Wat is het relatieve risico?", answer=1.35, tolerance=0.01,
                    whole=False, unit="").static_html()
    assert "Wat is het relatieve risico?" in text
    assert "Antwoord: 1,35 (goed als je er hooguit 0,01 naast zit)." in text
    assert "1.35" not in text


def test_a_model_answer_is_folded_markdown_that_names_its_task():
    from IPython.core.formatters import DisplayFormatter

    data, _ = DisplayFormatter().format(widgets.Modelantwoord(4, "NNT: 100 / 6,61 = 15,13.",
                                                              "Naar boven afgerond 16."))
    assert "text/html" not in data  # Markdown: the book renders it in the page's own colours
    markdown = data["text/markdown"]
    assert markdown.startswith('<details class="miskraam-modelantwoord"><summary>'
                               "Modelantwoord bij opdracht 4</summary>")
    assert "<p>NNT: 100 / 6,61 = 15,13.</p><p>Naar boven afgerond 16.</p>" in markdown
    assert "\n" not in markdown  # one HTML block, also for Markdown renderers
    assert data["text/plain"].startswith("Modelantwoord bij opdracht 4:")
    with pytest.raises(ValueError, match="minstens één alinea"):
        widgets.Modelantwoord(1)
