"""The {aanbeveling} directive, in-process (sphinx.testing, tests/roots/test-aanbeveling, one
page per case, built once for this file): a recommendation shows its evidence level, grading
system and source; a recommendation without a known level or source is a Dutch build error
naming the page."""

from __future__ import annotations

import re

import pytest

from .conftest import build_root


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    return build_root(tmp_path_factory.mktemp("roots"), "aanbeveling")


def text_of(book, page: str) -> str:
    return re.sub(r"\s+", " ", book.page(page).get_text(" "))


def test_a_recommendation_shows_its_evidence_level_system_and_source(book):
    box = book.page("index").find("div", class_="aanbeveling")
    assert box, "geen aanbeveling op de pagina"
    text = re.sub(r"\s+", " ", box.get_text(" "))
    assert "Aanbeveling" in text and "Bied vanaf 6 weken een vaginale echo aan." in text
    assert "Bewijskracht: zeer laag" in text and "(GRADE)" in text
    assert "Sterkte van de aanbeveling: sterk" in text
    assert "Werkgroep Voorbeeld" in text  # the citation, resolved by sphinxcontrib-bibtex
    assert box.find("strong", string="nadruk")  # the body is MyST
    assert book.warnings_about("index") == []


@pytest.mark.parametrize(("page", "expected"), [
    ("fout-bewijs", "':bewijs: matig' is onbekend"),
    ("fout-geen-bewijs", "':bewijs: ' is onbekend"),
    ("fout-systeem", "':systeem: Cochrane' is onbekend"),
    ("fout-geen-bron", "':bron:' ontbreekt"),
    ("fout-sterkte", "':sterkte: heel'"),
])
def test_a_recommendation_without_level_or_source_is_a_dutch_error(book, page, expected):
    warnings = "\n".join(book.warnings_about(page))
    assert f"aanbeveling op pagina '{page}'" in warnings and expected in warnings, warnings
    assert "Doe iets." not in text_of(book, page)


@pytest.mark.parametrize(("verb", "strength"), [("offer", "sterk"), ("consider", "voorwaardelijk")])
def test_nice_strength_comes_from_its_verb(book, verb, strength):
    # NICE says how strong a recommendation is in its verb (issue 16, review section D)
    assert book.warnings_about(f"nice-{verb}") == []
    text = text_of(book, f"nice-{verb}")
    assert f"Sterkte van de aanbeveling: {strength} (NICE: “{verb}”)" in text \
        or f'Sterkte van de aanbeveling: {strength} (NICE: "{verb}")' in text, text


def test_nice_without_its_verb_is_refused(book):
    assert "':nice:' met het werkwoord" in "\n".join(book.warnings_about("nice-zonder"))


def test_the_courses_own_advice_is_never_labelled_a_guidelines(book):
    assert book.warnings_about("cursus") == []
    text = text_of(book, "cursus")
    assert "Advies van deze cursus" in text and "geen aanbeveling uit een richtlijn" in text
    assert "Aanbeveling" not in text.split("Doe iets")[0].split("Pagina")[-1]
    assert "Bewijskracht" not in text


def test_the_cases_warn_only_on_their_own_pages(book):
    # every warning of the build belongs to a page that expects one
    pages = {"fout-bewijs", "fout-geen-bewijs", "fout-systeem", "fout-geen-bron", "fout-sterkte",
             "nice-zonder"}
    stray = [line for line in book.warnings.splitlines()
             if line.strip() and not any(f"/{page}.md:" in line for page in pages)]
    assert stray == []
