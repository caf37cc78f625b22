"""The Eindtoets nascholing as a reader takes it in Chromium: each attempt drawn from the pool
by the page's blueprint (every topic its number, the cases whole), the same draw after a reload
and a new one after "Begin opnieuw"; a key-feature case one step and one case at a time, a
checked step locked; "kies maximaal N"; a harmful choice costs the step. The draw's rules in
Node: tests/js/quiz-draw.test.mjs; the blueprint's checks at build time: test_blueprint.py."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from playwright.sync_api import expect

from .conftest import NASCHOLING, answer, drawn_names, open_ready

pytestmark = [pytest.mark.build, pytest.mark.browser]


@pytest.fixture
def tab(quiz_tab, server):
    open_ready(quiz_tab, f"{server}/{NASCHOLING}.html")
    return quiz_tab


def blueprint(tab) -> dict:
    block = tab.locator(".miskraam-blauwdruk")
    return {"casussen": int(block.get_attribute("data-casussen")),
            "onderwerpen": json.loads(block.get_attribute("data-onderwerpen"))}


def pool(tab) -> dict[str, dict]:
    return {q["name"]: q for q in tab.locator("form.miskraam-vraag").evaluate_all(
        "forms => forms.map(f => ({name: f.dataset.vraag, topic: f.dataset.onderwerp,"
        " casus: f.dataset.casus || '', hidden: f.hidden}))")}


def test_an_attempt_is_drawn_by_the_blueprint(tab):
    plan, questions = blueprint(tab), pool(tab)
    names = drawn_names(tab)
    assert len(questions) >= 60
    assert len(names) == sum(plan["onderwerpen"].values())
    assert Counter(questions[n]["topic"] for n in names) == plan["onderwerpen"]
    cases = {questions[n]["casus"] for n in names} - {""}
    assert len(cases) == plan["casussen"]
    assert all(q["name"] in names for q in questions.values() if q["casus"] in cases)
    # what is not drawn is not shown; the singles drawn are
    for name, question in questions.items():
        if name not in names:
            assert question["hidden"], name
        elif not question["casus"]:
            assert not question["hidden"], name
    count = f"0 van {len(names)} beantwoord"
    assert tab.locator(".miskraam-toets-teller").inner_text() == count
    result = tab.locator(".miskraam-toetsuitslag").inner_text()
    assert f"Beantwoord: 0 van de {len(names)}" in result


def test_a_reload_keeps_the_draw_and_begin_opnieuw_draws_again(tab):
    first = drawn_names(tab)
    open_ready(tab, "", reload=True)
    assert drawn_names(tab) == first
    tab.get_by_role("button", name="Begin opnieuw").click()
    tab.get_by_role("button", name="Ja, wis mijn antwoorden").click()
    expect(tab.locator(".miskraam-toets-teller")).to_have_text(f"0 van {len(first)} beantwoord")
    again = drawn_names(tab)
    assert len(again) == len(first) and set(again) != set(first)
    shown = {q["name"] for q in pool(tab).values() if not q["hidden"]}
    assert shown <= set(again)


def case_steps(tab) -> list[list[str]]:
    questions = pool(tab)
    steps: dict[str, list[str]] = {}
    for name in drawn_names(tab):
        if questions[name]["casus"]:
            steps.setdefault(questions[name]["casus"], []).append(name)
    return list(steps.values())


def form(tab, name: str):
    return tab.locator(f"form#vraag-{name}")


def check_right(tab, name: str) -> None:
    answer(tab, form(tab, name), right=True)


def test_a_case_shows_one_step_at_a_time_and_locks_a_checked_step(tab):
    cases = case_steps(tab)
    first, second = cases[0], cases[1]
    assert form(tab, first[0]).is_visible()
    assert all(form(tab, name).is_hidden() for name in first[1:] + second)
    waiting = form(tab, first[0]).locator("xpath=following-sibling::*[1]")
    expect(waiting).to_contain_text("verschijnt als je deze stap controleert")
    check_right(tab, first[0])
    expect(form(tab, first[1])).to_be_visible()
    assert form(tab, first[0]).locator("input").first.is_disabled()  # locked
    assert form(tab, first[0]).get_by_role("button", name="Controleer").is_disabled()
    assert form(tab, first[2] if len(first) > 2 else second[0]).is_hidden()
    for name in first[1:]:
        check_right(tab, name)
    expect(form(tab, second[0])).to_be_visible()  # the next case, once this one is done
    # after a reload: the same steps, locked, as she left them
    open_ready(tab, "", reload=True)
    assert all(form(tab, name).locator("input").first.is_disabled() for name in first)
    assert form(tab, second[0]).is_visible()


def limited_step(tab):
    """A drawn case's "kies maximaal" step, shown (the cases before it checked right)."""
    for steps in case_steps(tab):
        for name in steps:
            if form(tab, name).get_attribute("data-maximaal"):
                return form(tab, name)
            check_right(tab, name)
    pytest.fail("geen stap met 'kies maximaal' in de getrokken casussen")


def test_kies_maximaal_lets_her_choose_no_more_than_n(tab):
    step = limited_step(tab)
    limit = int(step.get_attribute("data-maximaal"))
    assert f"Kies maximaal {limit} antwoorden." in step.inner_text()
    boxes = step.locator(".miskraam-optie input")
    for i in range(limit):
        boxes.nth(i).check()
    unchosen = [boxes.nth(i) for i in range(boxes.count()) if not boxes.nth(i).is_checked()]
    assert unchosen and all(box.is_disabled() for box in unchosen)
    boxes.nth(0).uncheck()
    assert all(box.is_enabled() for box in unchosen)


def test_a_harmful_choice_costs_the_step_and_says_why(tab):
    """Beside every key where the limit leaves room for it (then only the harm costs the
    step), else beside the other keys, or alone in a one-answer step; the verdict names the
    harm either way. Every case has a harmful option (test_question_bank.py)."""
    cases = case_steps(tab)

    def room(name):  # a harmful option can be chosen beside every key
        step = form(tab, name)
        keys = step.locator('.miskraam-optie[data-goed="1"]').count()
        return int(step.get_attribute("data-maximaal") or 0) > keys

    harmful = [name for steps in cases for name in steps
               if form(tab, name).locator('[data-schadelijk="1"]').count()]
    assert harmful, "geen stap met een schadelijk antwoord in de getrokken casussen"
    target = next((name for name in harmful if room(name)), harmful[0])
    for steps in cases:  # reach the step: the ones before it checked
        if target in steps:
            for name in steps[:steps.index(target)]:
                check_right(tab, name)
            break
        for name in steps:
            check_right(tab, name)
    step = form(tab, target)
    if step.get_attribute("data-soort") == "meer":
        keys = step.locator('.miskraam-optie[data-goed="1"] input').all()
        for box in keys if room(target) else keys[:-1]:
            box.check()
    step.locator('.miskraam-optie[data-schadelijk="1"] input').first.check()
    step.get_by_role("button", name="Controleer").click()
    verdict = step.locator(".miskraam-vraag-uitslag").inner_text()
    assert verdict.startswith("Niet goed") and "schaden" in verdict
    feedback = step.locator('.miskraam-optie[data-schadelijk="1"] .miskraam-optie-oordeel').first
    assert "schadelijk" in feedback.inner_text()
