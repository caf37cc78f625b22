"""The registry's quotes are the sources' own words; the leaflet's private details stay out."""

from __future__ import annotations

import re
import subprocess

import pytest

from miskraam.facts import registry

from .conftest import RESEARCH, ROOT, SOURCE_FILES, normalise


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
    path = SOURCE_FILES.get(source, RESEARCH)
    if not path.exists():
        pytest.skip(f"{path} ontbreekt: de bronteksten staan in ../shared naast de repository; "
                    "zonder die map kunnen de citaten niet worden gecontroleerd")
    return normalise(path.read_text(encoding="utf-8"))


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
