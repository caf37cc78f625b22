"""The registry's quotes are the sources' own words; the leaflet's private details stay out."""

from __future__ import annotations

import re
import subprocess

import pytest
from pybtex.database import parse_file

from miskraam.facts import registry

from .conftest import DATA, RESEARCH, ROOT, SOURCE_FILES, normalise

EXCERPTS = ROOT / "sources" / "literatuur"
BIB = parse_file(str(DATA / "references.bib"))


def practice_details() -> list[str]:
    """The leaflet practice's phone number, e-mail addresses, mail domain and coach's name,
    read from the leaflet itself, so this repository never has to spell them out."""
    text = normalise(source_text("informatieblad"))
    details = set(re.findall(r"\b0\d{2}-\d{7}\b", text))
    for address in re.findall(r"[\w.+-]+@[\w-]+\.\w+", text):
        details |= {address, address.split("@")[1].split(".")[0]}
    coach = r"([A-Z]\w+(?: van)? [A-Z]\w+(?: [A-Z]\w+)?) is gecertificeerd"
    details |= set(re.findall(coach, text))
    return sorted(detail.lower() for detail in details)


def source_text(source: str) -> str:
    """The text a quote must stand in: one of the two sources (../shared/sources), or for a
    publication the passage we read of it, kept in sources/literatuur/<key>.md."""
    if source not in SOURCE_FILES:
        return normalise(read_excerpt(EXCERPTS / f"{source}.md")[1])
    path = SOURCE_FILES[source]
    if not path.exists():
        pytest.skip(f"{path} ontbreekt: de bronteksten staan in ../shared naast de repository; "
                    "zonder die map kunnen de citaten niet worden gecontroleerd")
    return normalise(path.read_text(encoding="utf-8"))


def read_excerpt(path) -> tuple[dict, str]:
    """(header, text) of an excerpt file: a '---' block of 'veld: waarde' lines, then the
    passage as published."""
    assert path.exists(), (f"{path.relative_to(ROOT)} ontbreekt: zet de passage die je van "
                           "deze publicatie las, letterlijk, in dat bestand")
    text = path.read_text(encoding="utf-8")
    match = re.fullmatch(r"---\n(?P<header>.*?)\n---\n(?P<body>.*)", text, re.S)
    assert match, f"{path.name}: begint niet met een kop tussen '---'-regels"
    header = dict(line.split(": ", 1) for line in match["header"].splitlines() if ": " in line)
    return header, match["body"]


@pytest.mark.parametrize("path", sorted(EXCERPTS.glob("*.md")), ids=lambda p: p.stem)
def test_every_excerpt_names_its_publication_and_where_it_was_read(path):
    header, body = read_excerpt(path)
    assert header.get("bron") == path.stem, f"{path.name}: 'bron' is niet '{path.stem}'"
    assert path.stem in BIB.entries, f"{path.name}: '{path.stem}' staat niet in references.bib"
    assert header.get("url", "").startswith("http"), f"{path.name}: 'url' ontbreekt"
    assert header.get("gelezen"), f"{path.name}: 'gelezen' (wat en wanneer) ontbreekt"
    assert len(normalise(body)) >= 80, f"{path.name}: de passage is leeg of te kort"


def test_the_research_notes_are_not_quoted_as_a_source():
    """Kerngetallen shows a record's quote as "the source's own words": for a publication
    those are its words, not a sentence of our research notes."""
    if not RESEARCH.exists():
        pytest.skip(f"{RESEARCH} ontbreekt")
    notes = normalise(RESEARCH.read_text(encoding="utf-8"))
    ours = [r.id for r in registry().values()
            if r.source not in SOURCE_FILES and len(r.quote) > 40 and normalise(r.quote) in notes
            and normalise(r.quote) not in source_text(r.source)]
    assert not ours, f"citaat uit onze eigen aantekeningen in plaats van de bron: {ours}"


@pytest.mark.parametrize("fact_id", sorted(registry()))
def test_quote_appears_verbatim_in_its_source(fact_id):
    record = registry()[fact_id]
    assert normalise(record.quote) in source_text(record.source), (
        f"het citaat van '{fact_id}' staat niet letterlijk in de bron '{record.source}'"
    )


def test_normalise_folds_line_breaks_and_composes_characters():
    assert normalise("een\n  miskraam\u0301 ") == normalise("een miskraam\u0301")
    assert normalise("e\u0301") == "\u00e9"


def test_the_leaflet_practice_details_are_found():
    details = practice_details()
    assert len(details) >= 4  # a phone number, an address, its domain, the coach's name
    assert any("@" in detail for detail in details)


def test_no_practice_details_in_the_repository():
    details = practice_details()
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.split()
    offenders = []
    for name in tracked:
        path = ROOT / name
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="ignore").lower()
        offenders += [(name, detail) for detail in details if detail in text]
    assert offenders == []
