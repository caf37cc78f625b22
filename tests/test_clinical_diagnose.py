"""Diagnosis (issue 10): the NVOG non-viability criteria, PUL, the NHG ectopic criterion in full,
Tong's figures for every week, and the unidentified bleeding study replaced.

Each test fails on the course as it was before the chapter "Diagnose" was written."""

from __future__ import annotations

import re

import pytest
from pybtex.database import parse_file

from miskraam.facts import registry
from miskraam.widgets.hartactiviteit import SITUATIONS

from .conftest import ROOT, normalise, page_text

BOOK = ROOT / "book"
DIAGNOSE = BOOK / "deel4" / "diagnose.md"
VERSCHIJNSELEN = BOOK / "deel1" / "verschijnselen-en-onderzoek.md"
WANNEER = BOOK / "deel1" / "wanneer-bellen.md"
BEGRIPPEN = BOOK / "begrippen.md"
EXCERPTS = ROOT / "sources" / "literatuur"

#: the NHG M03 criterion for urgent assessment, word for word (henw.org / nhg.org)
NHG_CRITERION = ("Urgente beoordeling bij vaginaal bloedverlies in combinatie met buikpijn en/of "
                 "een van de volgende risicofactoren, indien een intra-uteriene lokalisatie nog "
                 "niet echoscopisch is vastgesteld")
NHG_RISK_FACTORS = ("tubapathologie", "eerdere EUG", "PID", "subfertiliteit", "tubachirurgie",
                    "fertiliteitsbehandeling", "actueel spiraalgebruik", "sterilisatie")


def text(path) -> str:
    """The Markdown of a page, whitespace folded, without the '>' of block quotes."""
    return normalise(re.sub(r"(?m)^\s*>\s?", "", page_text(path)))


def test_the_chapter_states_the_four_nvog_criteria_as_the_module_does():
    chapter = text(DIAGNOSE)
    module = text(EXCERPTS / "nvog2020diagnostiek.md")
    # the module's own numbers, read from the passage we keep of it ...
    for number in ("≥ 7mm", "≥25mm", "≥2 weken", "≥11 dagen", "zeven tot veertien dagen",
                   "zeer laag"):
        assert number in module, number
    # ... stand in the chapter, with the yolk sac distinction that separates criteria 3 and 4
    for number in ("≥ 7 mm met afwezige hartactie", "≥ 25 mm zonder embryonale delen",
                   "≥ 2 weken", "≥ 11 dagen", "zeven tot veertien dagen",
                   "De bewijskracht is ingeschat als zeer laag"):
        assert number in chapter, number
    assert "**zonder** dooierzak" in chapter and "**met** dooierzak" in chapter


def test_the_criteria_recommendation_carries_the_modules_level():
    chapter = DIAGNOSE.read_text(encoding="utf-8")
    blocks = re.findall(r"```\{aanbeveling\}(.*?)```", chapter, re.S)
    assert len(blocks) >= 2
    assert any(":bron: nvog2020diagnostiek" in b and ":bewijs: zeer laag" in b
               and "7 tot 14 dagen" in b for b in blocks)


def test_the_chapter_has_a_case_and_measurement_based_self_test_items():
    chapter = DIAGNOSE.read_text(encoding="utf-8")
    assert re.search(r"^## Casus", chapter, re.M)
    exercises = re.findall(r"````\{exercise\}.*?````", chapter, re.S)
    assert len(exercises) >= 5
    assert sum(bool(re.search(r"\d+ mm", e)) for e in exercises) >= 2, "metingsvragen ontbreken"
    assert any("CRL van 6 mm" in e for e in exercises)


# the glossary defines the ectopic pregnancy and points to the statement that quotes NHG
# ("bloed-pijn-voor-echo", uitspraken.yml); these pages show the criterion itself
@pytest.mark.parametrize("page", [DIAGNOSE, VERSCHIJNSELEN, WANNEER], ids=lambda p: p.stem)
def test_the_nhg_ectopic_criterion_is_quoted_in_full_with_every_risk_factor(page):
    content = text(page)
    assert normalise(NHG_CRITERION) in content, "het NHG-criterium staat er niet letterlijk"
    missing = [factor for factor in NHG_RISK_FACTORS if factor not in content]
    assert missing == [], f"risicofactoren ontbreken: {missing}"


def test_the_nhg_excerpt_holds_what_the_course_quotes_from_it():
    nhg = text(EXCERPTS / "nhg2017.md")
    assert normalise(NHG_CRITERION) in nhg
    for words in ("ABCDE-methodiek", "vanaf zes weken wordt in overleg met de vrouw een "
                  "transvaginale echoscopie verricht", "een tot twee weken af te wachten",
                  "Toediening van antiresus(D)-immunoglobuline is geïndiceerd bij alle "
                  "resus(D)-negatieve vrouwen die na een zwangerschapsduur vanaf tien weken een "
                  "miskraam hebben doorgemaakt"):
        assert normalise(words) in nhg, words


def test_begrippen_defines_pul_and_the_missing_terms():
    glossary = page_text(BEGRIPPEN)
    terms = set(re.findall(r"(?m)^(\S[^\n]*)$", glossary.split("```{glossary}")[1]))
    for term in ("PUL", "Zwangerschap met onbekende lokalisatie", "Lege vruchtzak",
                 "Biochemische zwangerschap", "Mola", "Septische miskraam",
                 "Vroege en late miskraam"):
        assert term in terms, term


def test_a_complete_miscarriage_needs_an_earlier_intrauterine_pregnancy():
    glossary = text(BEGRIPPEN)
    entry = glossary.split("Complete miskraam", 1)[1].split("Curettage", 1)[0]
    assert "eerder" in entry and "baarmoeder" in entry
    assert "zwangerschap met onbekende lokalisatie" in entry.lower()
    for page in (DIAGNOSE, VERSCHIJNSELEN):
        content = text(page).lower()
        assert "geen complete miskraam" in content or "niet dat de miskraam voorbij is" in content


def test_tong_is_given_for_every_week_he_reports():
    facts = registry()
    expected = {"tong-risico-6-weken": 9.4, "tong-risico-7-weken": 4.2,
                "tong-risico-8-weken": 1.5, "tong-risico-9-weken": 0.5,
                "tong-risico-10-weken": 0.7}
    for fact_id, value in expected.items():
        record = facts[fact_id]
        assert record.source == "tong2008" and record.value == value, fact_id
        assert record.comparison is None, f"{fact_id} is een gemeten waarde, geen grens"
    page = page_text(VERSCHIJNSELEN)
    for fact_id in expected:
        assert f"{{fact}}`{fact_id}`" in page, fact_id


def test_the_leaflets_five_percent_is_set_against_tongs_seven_weeks():
    page = text(VERSCHIJNSELEN)
    paragraph = page.split("Het folder-getal eerlijk vergeleken", 1)[1][:600]
    assert "{fact}`tong-risico-7-weken`" in paragraph and "7 weken" in paragraph


def test_the_widget_offers_every_week_and_the_verified_bleeding_studies():
    ids = {fact_id for _, fact_id in SITUATIONS.values()}
    assert {"tong-risico-7-weken", "tong-risico-10-weken"} <= ids
    facts = registry()
    assert facts["bloedverlies-levend-risico"].source == "johns2006"
    assert facts["hematoom-risico"].source == facts["zonder-hematoom-risico"].source == "tuuli2011"
    assert (facts["hematoom-risico"].value, facts["zonder-hematoom-risico"].value) == (17.6, 8.9)


def test_no_unidentified_publication_is_cited():
    bib = parse_file(str(BOOK / "references.bib"))
    raw = (BOOK / "references.bib").read_text(encoding="utf-8")
    assert "jog2006" not in bib.entries
    assert not re.search(r"niet geverifieerd", raw, re.I)
    cited = [p.name for p in BOOK.rglob("*.md") if "jog2006" in p.read_text(encoding="utf-8")]
    assert cited == []


def test_waiting_is_no_longer_taught_as_the_norm():
    page = page_text(VERSCHIJNSELEN)
    for claim in ("Gaat het mis? Dan", "Toch wachten verloskundigen vaak eerst af",
                  "Verloskundigen wachten vaak af", "Waarom wacht de verloskundige vaak af"):
        assert claim not in page, claim
    assert "{fact}`nvog-echo-vanaf-6-weken`" in page


@pytest.mark.parametrize("page", [VERSCHIJNSELEN, WANNEER], ids=lambda p: p.stem)
def test_the_fever_threshold_is_the_leaflets_not_nhgs(page):
    content = text(page)
    assert "{fact}`alarm-koorts` {cite:p}`nhg2017`" not in content
    assert re.search(r"alarm-koorts`.{0,200}informatieblad|informatieblad.{0,200}alarm-koorts",
                     content)


@pytest.mark.build
def test_the_built_chapter_shows_the_criteria_and_the_referral_contents(html):
    page = (html / "book" / "deel4" / "diagnose.html").read_text(encoding="utf-8")
    plain = normalise(re.sub(r"<[^>]+>", " ", page))
    for words in ("≥ 7 mm met afwezige hartactie", "≥ 25 mm zonder embryonale delen",
                  "Bewijskracht: zeer laag", "echobeelden inclusief metingen (CRL, vruchtzak, "
                  "hartactie)", "op basis van welk criterium"):
        assert normalise(words) in plain, words
    assert 'class="miskraam-box kernpunten' in page
