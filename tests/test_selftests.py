"""The scored self-tests in the course itself: every chapter has one, every option explains
itself, number answers are the registry's, and in Chromium a reader can take a chapter's test
and the nascholing module by keyboard, keep her progress, clear it, and print a certificate
that says what the course says (its study load and version). The engine itself is tested on a
small project in test_quiz.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from miskraam.facts import registry

from .conftest import DATA, ROOT, listen, toc_sources

PHONE = {"width": 390, "height": 844}
CHAPTER_DIRS = ("book/deel1/", "book/deel2/", "book/deel3/", "book/deel4/")
CHAPTERS = [name for name in toc_sources() if name.startswith(CHAPTER_DIRS)
            and name != "book/deel3/eindtoets"]
NASCHOLING = "book/nascholing/eindtoets-nascholing"
FORM = re.compile(r'<form class="miskraam-vraag"(?P<attrs>[^>]*)>(?P<body>.*?)</form>', re.S)
QUESTION_BLOCK = re.compile(r"```\{vraag\}\n(?P<body>.*?)\n```", re.S)


def forms(html_root: Path, name: str) -> list[tuple[dict, str]]:
    page = (html_root / f"{name}.html").read_text(encoding="utf-8")
    found = []
    for match in FORM.finditer(page):
        attrs = dict(re.findall(r'data-([a-z]+)="([^"]*)"', match["attrs"]))
        found.append((attrs, match["body"]))
    return found


def question_sources() -> list[dict]:
    """Every {vraag} in the Markdown, with its options as written."""
    found = []
    for path in sorted((ROOT / "book").rglob("*.md")):
        for match in QUESTION_BLOCK.finditer(path.read_text(encoding="utf-8")):
            options = dict(re.findall(r"^:(\w+):[ \t]*(.*)$", match["body"], re.M))
            found.append({"file": path.name, **options})
    return found


# --- in the built book -----------------------------------------------------------------------

def test_the_chapters_are_found():
    assert len(CHAPTERS) >= 24  # Parts I-IV: 12 + 4 + 3 + 5, without the open Eindtoets


@pytest.mark.build
@pytest.mark.parametrize("name", CHAPTERS, ids=lambda n: n.rsplit("/", 1)[-1])
def test_every_chapter_has_a_scored_test(html, name):
    # a Part IV chapter carries the topics a midwife is examined on (issue 16): up to ten
    most = 10 if name.startswith("book/deel4/") else 8
    count = len(forms(html, name))
    assert 3 <= count <= most, f"{name}: {count} gesloten vragen (3 tot {most} verwacht)"


@pytest.mark.build
def test_every_option_of_every_question_explains_itself(html):
    checked = 0
    for name in [*CHAPTERS, NASCHOLING]:
        for attrs, body in forms(html, name):
            if attrs["soort"] not in ("enkel", "meer"):
                continue
            options = re.findall(r'<div class="miskraam-optie"[^>]*>(.*?)</div>', body, re.S)
            assert len(options) >= 2, attrs["vraag"]
            for option in options:
                feedback = re.search(r'<p class="miskraam-optie-uitleg">(.*?)</p>', option, re.S)
                text = re.sub(r"<[^>]+>", " ", feedback.group(1)) if feedback else ""
                words = text.replace("Goed antwoord.", "").replace("Niet goed.", "").split()
                assert len(words) >= 3, f"{attrs['vraag']}: een antwoord zonder uitleg"
                checked += 1
    assert checked >= 300


@pytest.mark.build
def test_number_answers_are_the_registry_figures(html):
    written = {q["id"]: q for q in question_sources() if q.get("soort") == "getal"}
    assert len(written) >= 10
    shown = {attrs["vraag"]: attrs for name in [*CHAPTERS, NASCHOLING]
             for attrs, _body in forms(html, name) if attrs["soort"] == "getal"}
    for name, question in written.items():
        record = registry()[question["feit"]]
        group = question.get("van")
        expected = (record.per_100() * float(group.replace(",", ".")) / 100 if group
                    else float(record.value))
        assert float(shown[name]["antwoord"]) == pytest.approx(expected), name


def test_every_question_names_a_known_topic():
    guide = (ROOT / "docs" / "writing-guide.md").read_text(encoding="utf-8")
    listed = re.search(r"`:onderwerp:` the topic \(one of: (.*?)\)", guide, re.S).group(1)
    topics = {t.strip() for t in listed.replace("\n", " ").split(",")}
    unknown = {q.get("onderwerp") for q in question_sources()} - topics
    assert not unknown, f"onderwerpen die niet in de schrijfwijzer staan: {unknown}"


def test_every_page_has_a_review_date():
    reviews = yaml.safe_load((DATA / "herziening.yml").read_text(encoding="utf-8"))
    missing = [name for name in toc_sources() if name != "book/index" and name not in reviews]
    assert not missing


# --- in Chromium -----------------------------------------------------------------------------

@pytest.fixture
def tab(reused_tab):
    page = reused_tab(viewport=PHONE, has_touch=True)
    errors: list[str] = []
    listen(page, "pageerror", lambda error: errors.append(str(error)))
    yield page
    assert not errors, errors


def answer(page, form, right: bool):
    """Answer one question the way a reader would, right or wrong, and check it."""
    kind = form.get_attribute("data-soort")
    if kind in ("enkel", "meer"):
        options = form.locator(".miskraam-optie")
        chosen = False
        for i in range(options.count()):
            option = options.nth(i)
            good = option.get_attribute("data-goed") == "1"
            if (good if right else not good) and (kind == "meer" or not chosen):
                option.locator("input").check()
                chosen = True
    elif kind == "volgorde":
        items = form.locator(".miskraam-optie")
        count = items.count()
        for i in range(count):
            place = int(items.nth(i).get_attribute("data-plaats"))
            # wrong: the order reversed (at least two steps out of place)
            items.nth(i).locator("select").select_option(
                str(place if right else count + 1 - place))
    else:
        value = float(form.get_attribute("data-antwoord"))
        margin = float(form.get_attribute("data-marge") or 0)
        number = value if right else int(value + margin) + 7  # whole, and outside the margin
        form.locator("input[inputmode=decimal]").fill(f"{number:g}".replace(".", ","))
    form.locator("button[type=submit]").click()
    verdict = form.locator(".miskraam-vraag-uitslag").inner_text()
    assert verdict.startswith("Goed") == right, (form.get_attribute("data-vraag"), verdict)


@pytest.mark.build
@pytest.mark.browser
def test_a_chapter_test_by_keyboard_keeps_and_clears_progress(tab, server):
    tab.goto(f"{server}/book/deel1/wanneer-bellen.html")
    first = tab.locator("form.miskraam-vraag").first
    first.locator("input").first.focus()
    tab.keyboard.press("Space")
    tab.keyboard.press("Enter")
    verdict = first.locator(".miskraam-vraag-uitslag").inner_text()
    assert verdict, "Enter controleerde het antwoord niet"
    assert first.locator(".miskraam-optie-uitleg").first.is_visible()
    score = tab.locator(".miskraam-toets-score p")
    assert re.search(r"Je hebt 1 van de \d+ vragen beantwoord", score.inner_text())
    tab.reload()
    assert re.search(r"Je hebt 1 van de \d+ vragen beantwoord", score.inner_text())
    tab.goto(f"{server}/book/nascholing/voortgang.html")
    stand = tab.locator('.miskraam-toets-stand[data-toets="book/deel1/wanneer-bellen"]')
    assert stand.inner_text().startswith("bezig: 1 van")
    tab.get_by_role("button", name="Wis mijn voortgang").click()
    assert stand.inner_text() == "nog niet gedaan"


def take_the_module(page, right_answers: int) -> str:
    module = page.locator("form.miskraam-vraag")
    total = module.count()
    for i in range(total):
        answer(page, module.nth(i), right=i < right_answers)
    return page.locator(".miskraam-toetsuitslag").inner_text()


@pytest.mark.build
@pytest.mark.browser
def test_the_nascholing_module_scores_passes_and_prints_a_true_certificate(tab, server):
    tab.goto(f"{server}/{NASCHOLING}.html")
    total = tab.locator("form.miskraam-vraag").count()
    assert 30 <= total <= 40
    needed = -(-70 * total // 100)  # the fewest right answers that reach 70%
    # one answer fewer fails: the scoring at the pass mark is tested in Node
    # (tests/js/quiz.test.mjs, "reaching it exactly passes"); here the page as she takes it
    result = take_the_module(tab, needed)
    assert result.startswith("Geslaagd."), result
    assert f"Je score is {round(100 * needed / total)}% ({needed} van de {total}" in result
    topics = tab.locator(".miskraam-uitslag-onderwerpen tbody tr").count()
    assert topics >= 8
    tab.get_by_label("Je naam, zoals hij op het bewijs moet staan").fill("Anna de Vries")
    certificate = tab.locator(".miskraam-certificaat").inner_text()
    load = re.search(r"Studielast: ([\d,]+) uur", certificate).group(1)
    version = re.search(r"Cursusversie: (\S+)", certificate).group(1)
    tab.get_by_role("button", name="Begin opnieuw").click()
    assert f"Beantwoord: 0 van de {total}" in tab.locator(".miskraam-toetsuitslag").inner_text()
    assert tab.locator(".miskraam-certificaat").count() == 0
    tab.goto(f"{server}/book/verantwoording.html")
    page_text = tab.locator("main").inner_text()
    assert f"Studielast: {load} uur." in page_text
    assert f"versie {version} van de open cursus" in page_text
    assert "Naam: Anna de Vries" in certificate


@pytest.mark.build
@pytest.mark.browser
def test_the_nascholing_module_works_from_file(tab, html):
    tab.goto((html / f"{NASCHOLING}.html").as_uri())
    answer(tab, tab.locator("form.miskraam-vraag").first, right=True)
    assert "Beantwoord: 1 van de" in tab.locator(".miskraam-toetsuitslag").inner_text()
