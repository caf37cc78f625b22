"""The chapters as a reader meets them: structure, alarm signs, readability, quotes, evidence."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from miskraam.facts import SOURCES, registry
from miskraam.readability import DOUMA_FLOOR, SENTENCE_LENGTH_CEILING, measure_chapter

from .conftest import FACT_ROLE, ROOT, SOURCE_FILES, normalise, page_text
from .conftest import SOURCES as SOURCE_DIR

BOOK = ROOT / "book"
PART_ONE = sorted((BOOK / "deel1").glob("*.md"))
PART_TWO = sorted((BOOK / "deel2").glob("*.md"))
PART_THREE = sorted((BOOK / "deel3").glob("*.md"))
PART_FOUR = sorted((BOOK / "deel4").glob("*.md"))
CHAPTERS = PART_ONE + PART_TWO + PART_THREE + PART_FOUR
CITAAT = re.compile(r"```\{citaat\} (?P<source>\S+)\n(?P<text>.*?)\n```", re.S)


def html_of(html_root: Path, chapter: Path) -> str:
    relative = chapter.relative_to(ROOT).with_suffix(".html")
    return (html_root / relative).read_text(encoding="utf-8")


def facts_used_in(paths) -> set[str]:
    return {m["id"] for path in paths for m in FACT_ROLE.finditer(page_text(path))}


def test_the_parts_have_their_chapters():
    assert len(PART_ONE) >= 9 and len(PART_TWO) >= 4 and len(PART_THREE) >= 3
    assert {p.stem for p in PART_FOUR} >= {"diagnose", "beleid-in-een-tabel", "herhaalde-miskraam",
                                          "na-het-verlies-regelen", "nazorg-met-bewijs"}


@pytest.mark.build
@pytest.mark.parametrize("chapter", PART_FOUR, ids=lambda p: p.stem)
def test_every_professional_chapter_has_a_case_recommendations_and_a_self_test(html, chapter):
    """Part IV teaches what a midwife is examined on: each chapter works through a case,
    gives its recommendations with their evidence level, and tests the reader."""
    page = html_of(html, chapter)
    assert re.search(r"<h2[^>]*>Casus", page), "geen casus (## Casus ...)"
    recommendations = re.findall(r'<div class="[^"]*\baanbeveling\b[^"]*">(.*?)</div>',
                                 page, re.S)
    assert len(recommendations) >= 2, "minder dan twee aanbevelingen met bewijskracht"
    for box in recommendations:
        # a guideline's recommendation shows its evidence level; the course's own advice says
        # that it is the course's (issue 16, review section D); both cite their source
        assert "Bewijskracht:" in box or "Advies van deze cursus" in box, box[:300]
        assert 'class="bibtex-citation"' in box, box[:300]
    test = page[page.find(">Toets jezelf"):]
    assert page.find(">Toets jezelf") != -1, "geen 'Toets jezelf'"
    assert test.count('class="exercise') >= 4, "minder dan vier oefenvragen"
    assert test.count("solution") >= 4, "oefenvragen zonder uitwerking"


@pytest.mark.build
@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_every_chapter_opens_with_objectives_and_ends_with_key_points(html, chapter):
    page = html_of(html, chapter)
    objectives = page.find('class="miskraam-box leerdoelen')
    key_points = page.rfind('class="miskraam-box kernpunten')
    assert objectives != -1, "leerdoelen ontbreken"
    assert key_points > objectives, "kernpunten ontbreken of staan niet aan het eind"
    article = page[key_points:page.find("</article>")]
    # the public text ends with the key points; only the section for professionals follows
    professionals = re.search(r"<h2[^>]*>Voor professionals", article)
    article = article[:professionals.start()] if professionals else article
    assert "<h2" not in article, "na de kernpunten volgt nog een paragraaf"


@pytest.mark.build
@pytest.mark.parametrize("chapter", PART_ONE + PART_TWO, ids=lambda p: p.stem)
def test_public_chapters_have_a_deepening_for_professionals(html, chapter):
    assert re.search(r'<details class="[^"]*\bverdieping\b', html_of(html, chapter))


def test_every_leaflet_record_is_used_in_a_part_one_chapter():
    used = facts_used_in(PART_ONE)
    leaflet = {i for i, r in registry().items() if r.source == "informatieblad"}
    assert sorted(leaflet - used) == []


def test_every_blog_record_is_used_in_a_part_two_chapter():
    used = facts_used_in(PART_TWO)
    blog = {i for i, r in registry().items() if r.source == "blog"}
    assert blog and sorted(blog - used) == []


@pytest.mark.build
def test_the_alarm_page_names_every_sign_of_the_leaflet(html):
    page = html_of(html, BOOK / "deel1" / "wanneer-bellen.md")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)).lower()
    # the leaflet's four signs: worry, heavy bleeding, fever, lasting complaints
    assert "ongerust" in text
    assert registry()["alarm-maandverbanden"].wording.lower() in text
    assert registry()["alarm-koorts"].wording.lower() in text
    assert "rectaal" in text or "anus" in text
    assert re.search(r"blijf[^.]{0,80}(kramp|pijn)|(kramp|pijn)[^.]{0,80}blijf|aanhoud", text)
    assert "curettage" in text
    # the signs come first, in a box a reader cannot miss
    article = page[page.find("<article"):]
    first_box = re.search(r'class="[^"]*\badmonition important\b', article)
    assert first_box is not None and first_box.start() < article.find("<h2")


@pytest.mark.parametrize("chapter", PART_ONE, ids=lambda p: p.stem)
def test_public_text_reads_at_b1(chapter):
    result = measure_chapter(chapter)
    assert result.sentences >= 15, "te weinig tekst om te meten"
    assert result.douma >= DOUMA_FLOOR, f"Flesch-Douma {result.douma} < {DOUMA_FLOOR}"
    assert result.words_per_sentence <= SENTENCE_LENGTH_CEILING


def test_readability_measure_tells_easy_from_hard_text():
    easy = "Je hebt bloedverlies. Dat komt vaak voor. Bel je verloskundige als je twijfelt. " * 5
    hard = ("Gezien de heterogeniteit van de geïncludeerde observationele cohortonderzoeken is "
            "terughoudendheid geboden bij de extrapolatie van gepoolde prevalentieschattingen "
            "naar individuele zwangerschapsuitkomsten binnen de "
            "eerstelijnsverloskundigenpraktijk. ") * 5
    from miskraam.readability import measure

    assert measure(easy).douma > DOUMA_FLOOR > measure(hard).douma


def test_quotes_are_short_verbatim_and_attributed():
    quotes = [(path, m["source"], m["text"]) for path in CHAPTERS
              for m in CITAAT.finditer(path.read_text("utf-8"))]
    assert quotes, "geen citaten gevonden"
    for path, source, text in quotes:
        assert source in SOURCES, f"{path.name}: onbekende bron {source}"
        words = normalise(text)
        assert len(words.split()) <= 40, f"{path.name}: citaat te lang"
        source_file = SOURCE_FILES[source]
        if not source_file.exists():
            pytest.skip(f"{SOURCE_DIR} ontbreekt: citaten niet te controleren")
        assert words in normalise(source_file.read_text("utf-8")), f"{path.name}: {words[:60]}"


def test_complementary_care_is_framed_as_the_practitioners_view():
    for path in PART_TWO:
        text = path.read_text("utf-8").lower()
        framing = r"volgens (de acupuncturist|het blog)|chinese geneeskunde|tcg"
        assert re.search(framing, text), path.name
        assert "deel3/" in text, f"{path.name}: verwijst niet naar wat onderzoek zegt"


def test_no_chapter_names_a_phone_number():
    phone = re.compile(r"\b0\d{2,3}[- ]?\d{6,7}\b|\b0800[- ]?\d{4}\b|\b06[- ]?\d{8}\b")
    for path in CHAPTERS:
        assert not phone.search(path.read_text("utf-8")), path.name
