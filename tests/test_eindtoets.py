"""The Eindtoets closes Part IV, so it tests Part IV too (issue 16, student review): every Part IV
chapter is where at least one model answer sends the student, the questions are numbered
without gaps, each has its worked answer, and where a case gives numbers the answer applies
the registry's rule to them (the hCG ratio of a ZOL), so changing a case or a threshold cannot
leave an answer that no longer follows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from miskraam.facts import registry

from .conftest import normalise, toc_sources

PAGE = "book/deel3/eindtoets"
PART_IV = [name for name in toc_sources() if name.startswith("book/deel4/")]


def soup(html_root: Path) -> BeautifulSoup:
    return BeautifulSoup((html_root / f"{PAGE}.html").read_text(encoding="utf-8"), "lxml")


def exercises(page: BeautifulSoup) -> dict[str, tuple[str, BeautifulSoup]]:
    """Each question's label -> (its title, the block of its worked answer)."""
    found = {}
    solutions = page.select("div.solution")
    for block in page.select("div.exercise"):
        title = normalise(block.select_one(".admonition-title").get_text(" "))
        answer = next((s for s in solutions if s.select_one(f'a[href="#{block["id"]}"]')), None)
        found[block["id"]] = (title, answer)
    return found


def test_part_iv_has_chapters():
    assert len(PART_IV) >= 5


@pytest.mark.build
def test_the_questions_are_numbered_without_gaps_and_each_has_an_answer(html):
    found = exercises(soup(html))
    numbers = [int(re.search(r"Vraag (\d+)", title)[1]) for title, _ in found.values()]
    assert numbers == list(range(1, len(numbers) + 1)), numbers
    assert not [label for label, (_, answer) in found.items() if answer is None]


@pytest.mark.build
def test_every_part_iv_chapter_is_tested_by_a_model_answer(html):
    """A student who studied Part IV finds it in the Eindtoets: some answer sends her there."""
    linked = set()
    for _, answer in exercises(soup(html)).values():
        for anchor in answer.select("a[href]"):
            target = anchor["href"].split("#")[0]
            if target.startswith("../deel4/"):
                linked.add("book/deel4/" + target.removeprefix("../deel4/").removesuffix(".html"))
    assert sorted(set(PART_IV) - linked) == []


def fact_ids(block: BeautifulSoup) -> list[str]:
    """The registry records an answer shows, in reading order."""
    links = block.select('a[href*="kerngetallen.html#fact-"]')
    return [a["href"].split("#fact-")[1] for a in links]


#: the NVOG rules for a ZOL without complaints: which registry record names each band
HCG_BANDS = ("zol-hcg-stijging-echo", "zol-hcg-stijging-derde-meting",
             "zol-hcg-daling-derde-meting", "zol-hcg-daling-afwachten")


def hcg_band(first: float, second: float) -> str:
    """The band a pair of hCG values falls in, by the registry's thresholds."""
    facts = registry()
    change = (second / first - 1) * 100
    for fact_id in HCG_BANDS:
        fact = facts[fact_id]
        rising = "stijging" in fact_id
        size = change if rising else -change
        if (rising == (change > 0)) and (
                size > fact.value if fact.comparison == ">" else size < fact.value):
            return fact_id
    raise AssertionError(f"geen NVOG-band voor {first} -> {second}")


@pytest.mark.build
def test_the_zol_answer_applies_the_nvog_rule_to_the_case_values(html):
    """The case names two hCG values; the answer must give the band they fall in, not another."""
    page = soup(html)
    for label, (title, answer) in exercises(page).items():
        question = normalise(page.select_one(f"div#{label}").get_text(" "))
        values = [float(v.replace(".", "")) for v in re.findall(r"(\d[\d.]*) IE/L", question)]
        if len(values) != 2:
            continue
        band = hcg_band(*values)
        named = [fact_id for fact_id in fact_ids(answer) if fact_id in HCG_BANDS]
        # the first band the answer names is the verdict; others may follow only as a contrast
        assert named and named[0] == band, (
            f"{title}: {values} hoort bij {band}, het antwoord noemt eerst {named[:1]}")
        break
    else:
        pytest.fail("geen casus met twee hCG-waarden in de Eindtoets")
