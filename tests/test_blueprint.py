"""The blueprint of a test drawn from a pool (miskraam/content/blueprint.py): read from the
page, checked against the page's questions when the book is built (one Dutch error naming the
page when an attempt could not always be drawn), written as a table built from the questions'
topics, and counted by {cesuur} as one attempt, not the pool. The draw itself:
tests/js/quiz-draw.test.mjs; on the course's page in Chromium: test_nascholing_draw.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from miskraam.content.blueprint import blueprint_problems, read_blueprint

from .conftest import build_root


def single(name: str, topic: str, case: str = "", right_first: bool = True) -> str:
    case_line = f":casus: {case}\n" if case else ""
    return (f"```{{vraag}}\n:id: {name}\n:soort: enkel\n:onderwerp: {topic}\n{case_line}\n"
            f"Vraag {name}?\n\n- [x] Ja.\n  Uitleg.\n- [ ] Nee.\n  Uitleg.\n```\n")


BLUEPRINT = "```{blauwdruk}\ncasussen: 1\nonderwerpen:\n  a: 2\n  b: 3\n```\n"
#: a pool that every attempt can be drawn from: 1 case of (a, b), then a: 1 more, b: 2 more
POOL = [single("a1", "a"), single("a2", "a"), single("b1", "b"), single("b2", "b"),
        single("b3", "b"), single("k1", "a", "casus-1"), single("k2", "b", "casus-1"),
        single("m1", "a", "casus-2"), single("m2", "b", "casus-2")]


def build(folder: Path, page: str) -> tuple[str, str]:
    """The test project with `page` as its eindtoets page: (its HTML, the build's warnings)."""
    built = build_root(folder, "quiz", {"eindtoets.md": page})
    return (built.outdir / "eindtoets.html").read_text(encoding="utf-8"), built.warnings


@pytest.fixture(scope="module")
def drawn_page(tmp_path_factory):
    page = ("# Eindtoets\n\nGeslaagd bij {cesuur}`vragen`.\n\n" + BLUEPRINT + "\n"
            + "\n".join(POOL) + "\n```{toetsuitslag}\n```\n")
    return build(tmp_path_factory.mktemp("trekking"), page)


def test_the_blueprint_is_a_table_built_from_the_questions_topics(drawn_page):
    html, warnings = drawn_page
    assert "blauwdruk" not in warnings, warnings
    soup = BeautifulSoup(html, "html.parser")
    rows = [[cell.get_text(strip=True) for cell in row.find_all(["td", "th"])]
            for row in soup.select(".miskraam-blauwdruk table tr")]
    assert rows[1:] == [["a", "2", "2", "2"], ["b", "3", "3", "2"], ["Samen", "5", "5", "4"]]


def test_the_pass_mark_in_questions_counts_an_attempt_not_the_pool(drawn_page):
    html, _ = drawn_page
    text = " ".join(BeautifulSoup(html, "html.parser").select_one("article").get_text(" ").split())
    assert "Geslaagd bij 4 van de 5 vragen" in text, text[:400]


def test_the_page_script_gets_the_blueprint_and_each_step_its_case(drawn_page):
    soup = BeautifulSoup(drawn_page[0], "html.parser")
    block = soup.select_one(".miskraam-blauwdruk")
    assert block["data-casussen"] == "1"
    assert block["data-onderwerpen"] == '{"a": 2, "b": 3}'
    assert soup.select_one("#vraag-k2")["data-casus"] == "casus-1"
    assert not soup.select_one("#vraag-a1").has_attr("data-casus")


@pytest.mark.parametrize(("text", "expected"), [
    ("casussen: 1\n", "'onderwerpen:' ontbreekt"),
    ("onderwerpen:\n  a: 1\n", "onderwerp 'a': 1 vragen per poging; elk onderwerp heeft er "
     "minstens 2"),
    ("onderwerpen:\n  a: twee\n", "onderwerp 'a': 'twee' vragen per poging"),
    ("casussen: -1\nonderwerpen:\n  a: 2\n", "'casussen: -1' is geen heel getal"),
    ("aantal: 36\nonderwerpen:\n  a: 2\n", "alleen 'casussen:' en 'onderwerpen:'"),
    ("onderwerpen: [a, b\n", "geen geldige YAML"),
])
def test_a_blueprint_that_cannot_be_read_says_why_in_dutch(text, expected):
    blueprint, problem = read_blueprint(text)
    assert not blueprint and expected in problem


CASES = {"casus-1": ["a", "b"], "casus-2": ["a", "b"]}
SINGLES = [{"name": n, "topic": n[0]} for n in ("a1", "a2", "b1", "b2", "b3")]


@pytest.mark.parametrize(("blueprint", "cases", "singles", "expected"), [
    ({"casussen": 1, "onderwerpen": {"a": 2}}, CASES, SINGLES,
     "onderwerp(en) zonder aantal in de blauwdruk: b"),
    ({"casussen": 3, "onderwerpen": {"a": 2, "b": 3}}, CASES, SINGLES,
     "de blauwdruk vraagt 3 casussen; de pagina heeft er 2"),
    ({"casussen": 1, "onderwerpen": {"a": 3, "b": 3}}, CASES, SINGLES,
     "onderwerp 'a': 3 per poging, maar 2 losse vragen"),
    ({"casussen": 2, "onderwerpen": {"a": 2, "b": 2}}, {**CASES, "casus-2": ["a", "a"]},
     SINGLES, "de casussen casus-1, casus-2 samen hebben meer stappen over a"),
    ({"casussen": 1, "onderwerpen": {"a": 2, "b": 3}}, {"casus-1": ["a"]}, SINGLES,
     "casus 'casus-1' heeft maar één stap"),
])
def test_a_pool_the_blueprint_cannot_always_draw_from_is_refused(blueprint, cases, singles,
                                                                 expected):
    assert any(expected in problem for problem in blueprint_problems(blueprint, cases, singles))


def test_a_good_pool_has_no_problem():
    assert blueprint_problems({"casussen": 1, "onderwerpen": {"a": 2, "b": 3}}, CASES,
                              SINGLES) == []


def test_a_case_whose_steps_are_apart_stops_the_build_with_one_dutch_error(tmp_path):
    pool = [POOL[5], POOL[0], POOL[6], *POOL[1:5], *POOL[7:]]  # casus-1's steps apart
    _, warnings = build(tmp_path, "# Eindtoets\n\n" + BLUEPRINT + "\n".join(pool))
    errors = re.findall(r"ERROR: (blauwdruk[^\x1b\n]*)", warnings)
    assert errors == ["blauwdruk op pagina 'eindtoets': de stappen van casus 'casus-1' staan "
                      "niet achter elkaar"], warnings
