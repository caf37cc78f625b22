"""Exercises read Dutch numbers and state the reader's own number (issue 9, item 4).

A student types her answer into an exercise on the built notebook page, in headless
Chromium, and reads the feedback: what she types → what the exercise says, for each kind of
verdict. How a number is read and judged (Dutch notation, thousands dot, ",5", a lone dot as a
decimal point, the margin's edge, whole numbers, the unit, the echo at her own precision) is
tested in Node: tests/js/number-answer.test.mjs and tests/js/dutch-numbers.test.mjs.
"""

from __future__ import annotations

import json
import re

import pytest

from .conftest import open_ready

pytestmark = [pytest.mark.browser, pytest.mark.build]

PAGE = "notebooks/rekenen-met-kansen.html"
#: each exercise by the words of its question
RELATIVE_RISK = "relatieve risico"  # answer 1,35, margin 0,01
NNT = "number needed to treat"      # a whole number of women

# The page's side of the table: what she types reaches the judge and its message shows. The
# whole table (notations, the margin's edge, whole numbers, the unit, what is no number) is
# tests/js/number-answer.test.mjs, in Node: the Oefening and the self-tests share judgeNumber.
CASES = [
    # (exercise, typed, the feedback starts with)
    (RELATIVE_RISK, "1,35", "Goed: 1,35."),
    (RELATIVE_RISK, "1,36", "Goed: 1,36 ligt binnen 0,01 van het antwoord, 1,35."),
    (RELATIVE_RISK, "1,37", "Nog niet: 1,37 ligt niet binnen 0,01 van het goede antwoord."),
    (RELATIVE_RISK, "", "Vul eerst een getal in."),
    (RELATIVE_RISK, "1,2,3", '"1,2,3" is geen getal.'),
    (NNT, "5 vrouwen", "Goed: 5 vrouwen."),
    (NNT, "4,5", "4,5 is geen heel getal. Vul een heel aantal vrouwen in."),
    (NNT, "6", "Nog niet: 6 vrouwen is niet het goede antwoord."),
]


@pytest.fixture(scope="module")
def page(browser, server, html):
    state = re.search(r'<script type="application/vnd.jupyter.widget-state\+json">(.*?)</script>',
                      (html / PAGE).read_text(encoding="utf-8"), re.S)
    answers = {model["state"]["question"]: model["state"]
               for model in json.loads(state.group(1))["state"].values()
               if "question" in model["state"]}
    # the table is written for these exercises: if the registry changes them, rewrite it
    risk = next(s for question, s in answers.items() if RELATIVE_RISK in question)
    nnt = next(s for question, s in answers.items() if NNT in question)
    assert (risk["answer"], risk["tolerance"]) == (1.35, 0.01), risk
    assert (nnt["answer"], nnt["whole"], nnt["unit"]) == (5, True, "vrouwen"), nnt
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    open_ready(tab, f"{server}/{PAGE}")
    tab.locator('[data-widget="oefening"]').first.wait_for()
    yield tab
    context.close()
    assert errors == []


CASE_IDS = [f"{'rr' if e == RELATIVE_RISK else 'nnt'}:{t!r}" for e, t, _ in CASES]


@pytest.mark.parametrize(("exercise", "typed", "expected"), CASES, ids=CASE_IDS)
def test_feedback_on_what_the_reader_types(page, exercise, typed, expected):
    widget = page.locator('[data-widget="oefening"]').filter(has_text=exercise)
    assert widget.count() == 1
    widget.locator("input").fill(typed)
    widget.locator("button").click()
    feedback = widget.locator("[aria-live]").inner_text()
    assert feedback.startswith(expected), f"{typed!r}: {feedback!r}"


def test_a_right_answer_opens_the_explanation(page):
    open_ready(page, "", reload=True)
    widget = page.locator('[data-widget="oefening"]').filter(has_text=RELATIVE_RISK)
    assert not widget.locator("details").evaluate("details => details.open")
    widget.locator("input").fill("1,36")
    widget.locator("input").press("Enter")
    assert widget.locator("details").evaluate("details => details.open")
