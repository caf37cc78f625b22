"""Student review (December 2026): what a text check can hold, by meaning.

1. Notes about the course's own copies of sources (a stored copy that breaks off, a truncated
   abstract) belong in the Verantwoording, not in a chapter: a student cannot do anything with
   them. A chapter may say that something could not be verified ("konden we niet nalezen").
2. Every case person has her own name: a name used for a woman in one chapter is not used for
   another woman in another chapter. The Eindtoets keeps its names.
3. Every open exercise is numbered ("Vraag 1", "Vraag 2", ... on each page; "Opdracht 1", ...
   in the notebooks), never an unnumbered "Opgave".
"""

from __future__ import annotations

import json
import re

import pytest

from .conftest import DATA, ROOT

BOOK = ROOT / "book"
VERANTWOORDING = BOOK / "verantwoording.md"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
REGISTERS = [DATA / name for name in ("facts.yml", "uitspraken.yml")]


def notebook_text(path) -> str:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return "\n\n".join("".join(cell["source"]) for cell in cells)


def course_texts():
    """Every text a reader sees outside the Verantwoording (and the bibliography's notes)."""
    for path in sorted(BOOK.rglob("*.md")):
        if path != VERANTWOORDING:
            yield path.relative_to(ROOT), path.read_text(encoding="utf-8")
    for path in REGISTERS:
        yield path.relative_to(ROOT), path.read_text(encoding="utf-8")
    for path in NOTEBOOKS:
        yield path.relative_to(ROOT), notebook_text(path)


# --- 1. notes about our stored copies ---------------------------------------------------------

COPY = r"(?:kopie|weergave|samenvatting|abstract|passage|tekst)"
BROKEN = r"(?:afgebroken|breekt\s+(?:\w+\s+){0,3}af|afbreekt|houdt\s+(?:\w+\s+){0,3}op)"
COPY_NOTE = re.compile(
    rf"opgeslagen\s+kopie|hebben\s+we\s+niet\s+opgeslagen"
    rf"|\b{COPY}\b[^.;:]{{0,80}}\b{BROKEN}|\b{BROKEN}\b[^.;:]{{0,80}}\b{COPY}\b",
    re.IGNORECASE,
)


def copy_notes(text: str) -> list[str]:
    flat = " ".join(text.split())
    return [flat[max(0, m.start() - 60):m.end() + 40] for m in COPY_NOTE.finditer(flat)]


@pytest.mark.parametrize("sentence", [
    "De opgeslagen kopie van het KNOV-bericht breekt af midden in de zin.",
    "de cijfers kennen we uit samenvattingen; het abstract zelf was in de opgeslagen kopie "
    "afgebroken (betrouwbaarheid matig).",
    "De opgeslagen weergave breekt af bij \"steril\".",
    "omdat de kopie van het artikel voor de resultaten afbreekt.",
    "kijk in het Kompas (een passage daaruit hebben we niet opgeslagen).",
])
def test_the_copy_note_reader_finds_what_the_review_found(sentence):
    assert copy_notes(sentence)


@pytest.mark.parametrize("sentence", [
    "Dat konden we niet nalezen; volg het protocol van je regio.",
    "De getallen per week komen uit secundaire weergaven (zekerheid matig).",
    "De behandeling werd afgebroken omdat ze koorts kreeg.",
])
def test_the_copy_note_reader_leaves_reader_relevant_sentences(sentence):
    assert not copy_notes(sentence)


def test_no_chapter_talks_about_our_stored_copies():
    found = [f"{path}: …{note}…" for path, text in course_texts() for note in copy_notes(text)]
    assert not found, (
        "een opmerking over onze eigen kopie van een bron hoort in de Verantwoording ('Wat we "
        "niet volledig konden lezen'); zeg in het hoofdstuk alleen dat het niet na te lezen "
        "was:\n" + "\n".join(found)
    )


def test_verantwoording_says_what_we_could_not_read_fully():
    text = VERANTWOORDING.read_text(encoding="utf-8")
    match = re.search(r"^## Wat we niet volledig konden lezen\n(.*?)(?=^## )", text, re.M | re.S)
    assert match, "de Verantwoording mist 'Wat we niet volledig konden lezen'"
    section = match.group(1)
    # the notes moved out of the chapters must land here, by source
    for source in ("Tong", "Farren", "NHG"):
        assert source in section, f"'{source}' ontbreekt in 'Wat we niet volledig konden lezen'"


def test_links_to_that_section_find_it():
    anchor = "verantwoording.md#wat-we-niet-volledig-konden-lezen"
    linked = [path for path, text in course_texts() if anchor in text]
    assert linked, "geen hoofdstuk verwijst naar 'Wat we niet volledig konden lezen'"
    assert "## Wat we niet volledig konden lezen" in VERANTWOORDING.read_text(encoding="utf-8")


# --- 2. case persons --------------------------------------------------------------------------

# Each woman (and partner) in a case, with the one page she belongs to. A name is used for one
# person only; where a woman is deliberately followed on a second page, list both pages.
CASE_PERSONS = {
    "Noor": {"book/deel3/counseling.md"},
    "Lisa": {"book/deel3/counseling.md"},
    "Sanne": {"book/deel3/eindtoets.md"},
    "Femke": {"book/deel3/eindtoets.md"},
    "Marieke": {"book/deel3/eindtoets.md"},
    "Joyce": {"book/deel3/eindtoets.md"},
    "Esra": {"book/deel3/eindtoets.md"},
    "Maud": {"book/deel3/eindtoets.md"},
    "Dewi": {"book/deel3/eindtoets.md"},
    "Lieke": {"book/deel3/eindtoets.md"},
    "Anouk": {"book/deel3/eindtoets.md"},
    "Nadia": {"book/deel4/diagnose.md"},
    "Hanna": {"book/deel4/beleid-in-een-tabel.md"},
    "Samira": {"book/deel4/herhaalde-miskraam.md"},
    "Yara": {"book/deel4/na-het-verlies-regelen.md"},
    "Daan": {"book/deel4/na-het-verlies-regelen.md"},
    "Ilse": {"book/deel4/nazorg-met-bewijs.md"},
    "Tom": {"book/deel4/nazorg-met-bewijs.md"},
}

# How a case brings in a person: "Nadia (31) belt", "## Casus: Hanna, ...", "haar partner Tom".
INTRODUCED = [
    re.compile(r"\b([A-Z][a-zë]+) \(\d{2}\)"),
    re.compile(r"Casus: ([A-Z][a-zë]+)\b"),
    re.compile(r"\bpartner ([A-Z][a-zë]+)\b"),
]


def case_names(text: str) -> set[str]:
    return {m.group(1) for pattern in INTRODUCED for m in pattern.finditer(text)}


def test_the_name_reader_finds_a_case_person():
    text = "## Casus: Eva, twee keer\n\nEva (29) belt. Haar partner Bram vraagt wat er gebeurt."
    assert case_names(text) == {"Eva", "Bram"}


def test_every_case_person_is_listed():
    unlisted = sorted(
        f"{path}: {name}" for path, text in course_texts()
        for name in case_names(text) if name not in CASE_PERSONS
    )
    assert not unlisted, (
        "een nieuwe persoon in een casus: kies een naam die nog niet in de cursus staat en zet "
        "haar in CASE_PERSONS:\n" + "\n".join(unlisted)
    )


def test_no_two_case_persons_share_a_name():
    elsewhere = []
    for path, text in course_texts():
        for name, pages in CASE_PERSONS.items():
            if str(path) not in pages and re.search(rf"\b{name}\b", text):
                elsewhere.append(f"{path}: '{name}' is al de naam van iemand in {sorted(pages)}")
    assert not elsewhere, "\n".join(elsewhere)


# --- 3. numbered exercises --------------------------------------------------------------------

EXERCISE = re.compile(r"^`{3,}\{exercise\}[ \t]*(.*)$", re.M)


def test_every_exercise_is_numbered_in_order():
    wrong = []
    for path in sorted(BOOK.rglob("*.md")):
        titles = EXERCISE.findall(path.read_text(encoding="utf-8"))
        numbers = [re.match(r"Vraag (\d+)\b", title) for title in titles]
        if not all(numbers):
            wrong.append(f"{path.relative_to(ROOT)}: {titles}")
        elif [int(n.group(1)) for n in numbers] != list(range(1, len(titles) + 1)):
            wrong.append(f"{path.relative_to(ROOT)}: {titles}")
    assert not wrong, "open vragen heten 'Vraag 1', 'Vraag 2', … in volgorde:\n" + "\n".join(wrong)


def test_notebook_tasks_are_numbered_in_order():
    for path in NOTEBOOKS:
        text = notebook_text(path)
        assert not re.search(r"\bOpgave\b", text), f"{path.name}: een 'Opgave' zonder nummer"
        numbers = [int(n) for n in re.findall(r"^\*\*Opdracht (\d+)\b", text, re.M)]
        assert numbers == list(range(1, len(numbers) + 1)), f"{path.name}: opdrachten {numbers}"
