"""What the guides say about the course is what the book holds: the number of scored
questions in the nascholing module and per chapter, as README.md and docs/ state them, are
counted from the book's own question files; the paths the newcomer's guide names exist."""

from __future__ import annotations

import re

from .conftest import NASCHOLING_POOL, ROOT, nascholing_blueprint

GUIDES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
QUESTION = re.compile(r"^`{3,}\{vraag\}", re.MULTILINE)


def questions_in(path) -> int:
    return len(QUESTION.findall(path.read_text(encoding="utf-8")))


def guide_text() -> str:
    return "\n".join(re.sub(r"\s+", " ", p.read_text(encoding="utf-8")) for p in GUIDES)


def test_the_nascholing_count_in_the_guides_is_an_attempts():
    """The guides give the length of an attempt: the sum of the pool's blueprint."""
    count = sum(nascholing_blueprint()["onderwerpen"].values())
    assert count < questions_in(NASCHOLING_POOL)
    said = re.findall(r"(\d+) (?:scored )?questions,? (?:drawn )?by (?:a|the) blueprint",
                      guide_text())
    assert said, "geen aantal vragen van de nascholing in de gidsen gevonden"
    assert {int(n) for n in said} == {count}, (said, count)


def test_the_per_chapter_range_in_the_guides_is_the_books():
    counts = [questions_in(p) for p in (ROOT / "book" / "toetsvragen").glob("*.md")]
    said = re.findall(r"with (\d+)-(\d+) scored questions", guide_text())
    assert said, "geen aantal vragen per hoofdstuk in de gidsen gevonden"
    assert {(int(a), int(b)) for a, b in said} == {(min(counts), max(counts))}, said


def test_the_paths_the_first_hour_guide_names_exist():
    text = (ROOT / "docs" / "first-hour.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`((?:miskraam|book|tests|docs|sources)/[\w./-]+?)`", text))
    missing = [path for path in sorted(named)
               if "<" not in path and not (ROOT / path).exists()]
    assert not missing, missing
