"""Clinical review, management (beleid): the three options with their doses, their numbers per
100 and their harms, in the professional chapter and in the public option grid; anti-D as the
current NHG rule while the NVOG module is revised; pain relief; the Lemmers odds ratio as a
number per 100 with a stated baseline; Nanda's 28 as a mean over mixed miscarriage types;
"vindt plaats" as the leaflet says it."""

from __future__ import annotations

import re
from html import unescape

import pytest

from miskraam.facts import registry
from miskraam.widgets.keuzehulp import grid, static_html

from .conftest import DATA, FACT_ROLE, ROOT, normalise, page_text, plain_sentences

BOOK = ROOT / "book"
BELEID = BOOK / "deel4" / "beleid-in-een-tabel.md"
DEEL1 = BOOK / "deel1"
MY_PUBLIC = [DEEL1 / f"{name}.md" for name in
             ("verloop", "afwachten", "medicijnen", "curettage", "lichamelijk-herstel")]
EXCERPTS = ROOT / "sources" / "literatuur"


def text(path) -> str:
    return page_text(path)


def facts_in(path) -> set[str]:
    return {m["id"] for m in FACT_ROLE.finditer(text(path))}


def excerpt(key: str) -> str:
    return normalise(text(EXCERPTS / f"{key}.md"))


def grid_text() -> str:
    return " ".join(cell for q in grid()["questions"] for cell in q["cells"].values())


# --- the chapter "Beleid in één tabel" ---------------------------------------------------

def test_the_chapter_is_written_and_keeps_its_title():
    chapter = text(BELEID)
    assert chapter.startswith("# Beleid in één tabel\n")
    assert "Dit hoofdstuk wordt geschreven" not in chapter
    assert len(re.findall(r"^```\{aanbeveling\}", chapter, re.M)) >= 3
    assert len(re.findall(r"^````\{exercise\}", chapter, re.M)) >= 5
    assert re.search(r"^## Casus", chapter, re.M)


@pytest.mark.parametrize(("in_chapter", "source", "in_source"), [
    ("600 mg mifepriston", "hamel2021", "oral mifepristone 600 mg"),
    ("400 microgram misoprostol via de mond", "hamel2021", "400 μg misoprostol orally"),
    ("na 4 uur herhaald op dag 2 en zo nodig op dag 3", "hamel2021",
     "repeated after four hours on day two and, if necessary, day three"),
    ("endometrium dunner dan 15 mm na 6 tot 8 weken", "hamel2021",
     "endometrial thickness <15 mm after 6-8 weeks"),
    ("200 mg mifepriston", "chu2020", "oral mifepristone 200 mg"),
    ("2 dagen later eenmalig 800 microgram misoprostol", "chu2020",
     "misoprostol 800 μg 2 days later"),
    ("24 tot 48 uur", "nvog2020mifepriston", "tijdsinterval van 24 tot 48 uur"),
    ("800 microgram misoprostol vaginaal", "nvog2020toedieningsroute",
     "vaginale toediening van 800 microgram misoprostol"),
])
def test_each_regimen_in_the_chapter_is_the_regimen_its_source_states(in_chapter, source,
                                                                         in_source):
    assert in_chapter in normalise(text(BELEID))
    assert normalise(in_source) in excerpt(source)


def test_the_table_shows_the_outcomes_per_100_from_the_registry():
    used = facts_in(BELEID)
    for fact_id in ("afwachten-chirurgie-nodig", "curettage-chirurgie-opnieuw", "triplem-mife-miso",
                    "triplem-miso", "hooker-verklevingen", "nhg-wachten-1-2-weken",
                    "nice-afwachten-7-14-dagen", "nice-zwangerschapstest-3-weken",
                    "nhg-anti-d-10-weken", "lemmers-or-vroeggeboorte",
                    "lemmers-or-medicamenteus", "vroeggeboorte-nl-2020"):
        assert fact_id in used, fact_id


def test_the_surgical_complications_and_indications_are_named():
    chapter = normalise(text(BELEID))
    for harm in ("Cervixletsel", "bloeding", "infectie", "perforatie", "Verklevingen"):
        assert harm in chapter, harm
    for indication in ("hemodynamische instabiliteit", "infectie", "bloedingsrisico"):
        assert indication in chapter, indication
    assert "cervical tears, bleeding, infection, perforation" in excerpt("lemmers2016")


def test_the_lemmers_odds_ratio_is_a_number_per_100_from_a_stated_baseline():
    facts = registry()
    baseline = facts["vroeggeboorte-nl-2020"].value / 100
    odds = baseline / (1 - baseline)
    chapter = text(BELEID)
    for fact_id in ("lemmers-or-vroeggeboorte", "lemmers-or-medicamenteus"):
        raised = odds * facts[fact_id].value
        per_100 = f"{100 * raised / (1 + raised):.1f}".replace(".", ",")
        assert f"{per_100} per 100" in chapter, (fact_id, per_100)
    assert "mengt curettages na een miskraam en na een" in normalise(chapter)


def test_nandas_28_is_a_mean_over_mixed_types_wherever_it_is_used():
    assert registry()["afwachten-chirurgie-nodig"].wording.startswith("gemiddeld")
    for path in [BELEID, *MY_PUBLIC]:
        if "afwachten-chirurgie-nodig" in facts_in(path):
            body = normalise(text(path))
            assert re.search(r"gemiddelde over|gemengde soorten|mengen incomplete", body), path.name
    assert "Some needed to be given blood, compared with none in the surgery group" in \
        excerpt("nanda2012")
    assert "bloedtransfusie" in text(BELEID)


# --- anti-D, pain relief, misoprostol, follow-up --------------------------------------------

@pytest.mark.parametrize("path", [BELEID, DEEL1 / "lichamelijk-herstel.md", DEEL1 / "verloop.md"],
                         ids=lambda p: p.stem)
def test_anti_d_is_the_current_nhg_rule_and_the_nvog_module_is_being_revised(path):
    body = normalise(text(path))
    assert "nhg-anti-d-10-weken" in facts_in(path)
    assert "knov2025antid" in body
    assert re.search(r"module[^.]*(wordt aangepast|wordt herzien|in herziening)|"
                     r"(aangepast|herzien)[^.]*module", body)


def test_the_knov_page_says_the_anti_d_module_is_being_revised():
    passage = excerpt("knov2025antid")
    assert "Laatste update: 20 oktober 2025" in passage
    assert ("wordt de richtlijn Miskraam aangepast, specifiek de module Gebruik van anti-D"
            in passage)


def test_nice_anti_d_differs_in_the_chapter():
    body = normalise(text(BELEID))
    assert "11+6" in body and "12+0" in body and "250 IE" in body


@pytest.mark.parametrize("path", [BELEID, DEEL1 / "medicijnen.md", DEEL1 / "afwachten.md"],
                         ids=lambda p: p.stem)
def test_an_nsaid_is_offered_when_the_doctor_agrees(path):
    # every paragraph that offers ibuprofen says who decides: her doctor, midwife or hospital
    offers = [p for p in re.split(r"\n\s*\n", text(path)) if "ibuprofen" in p]
    assert offers
    for paragraph in offers:
        assert re.search(r"\barts\b|verloskundige|ziekenhuis", paragraph), paragraph


def test_misoprostol_side_effects_and_fever_above_the_alarm_threshold():
    for path in (BELEID, DEEL1 / "medicijnen.md"):
        body = text(path)
        assert "diarree" in body and "rillingen" in body, path.name
        assert "alarm-koorts" in facts_in(path), path.name
        flat = normalise(body)
        assert "Bel dan altijd" in flat or "infectie tot het tegendeel bewezen is" in flat


def test_follow_up_pregnancy_test_menses_and_contraception():
    assert "nice-zwangerschapstest-3-weken" in facts_in(BELEID)
    assert "advise women to take a urine pregnancy test 3 weeks" in excerpt("nice2019")
    herstel = text(DEEL1 / "lichamelijk-herstel.md")
    assert "anticonceptie" in herstel and "menstruatie" in herstel
    assert "anticonceptie" in text(BELEID)


#: the leaflet's verb for its 40%: the miscarriage "vindt plaats", not "komt op gang"
TAKES_PLACE = re.compile(r"vindt\b[^.]{0,60}\bplaats|plaatsvind")


def test_the_leaflet_says_vindt_plaats_not_komt_op_gang():
    assert TAKES_PLACE.search(registry()["afwachten-binnen-week"].quote)
    # every sentence that gives the figure says what the leaflet says of it
    sentences = [sentence for path in MY_PUBLIC
                 for sentence in plain_sentences(normalise(text(path)))
                 if "{fact}`afwachten-binnen-week" in sentence]
    assert sentences
    for sentence in sentences:
        assert TAKES_PLACE.search(sentence), sentence


# --- the public option grid -----------------------------------------------------------------

def test_the_public_grid_shows_absolute_numbers_and_harms_from_the_registry():
    cells = grid_text()
    facts = registry()
    # Hooker's adhesions pool all three ways (issue 15, A10): in no single column
    for fact_id in ("afwachten-chirurgie-nodig", "triplem-miso", "triplem-mife-miso",
                    "curettage-verklevingen", "curettage-chirurgie-opnieuw"):
        assert facts[fact_id].wording in cells, fact_id
    for harm in ("bloedtransfusie", "bloeding", "ontsteking", "gaatje in de baarmoeder",
                 "diarree", "te vroeg"):
        assert harm in cells, harm


def test_the_static_fallback_of_the_grid_carries_the_same_numbers():
    html = unescape(static_html())
    for fact_id in ("afwachten-chirurgie-nodig", "triplem-miso", "curettage-verklevingen"):
        assert registry()[fact_id].wording in html, fact_id


def test_the_verloop_page_names_the_independent_dutch_keuzehulp():
    body = text(DEEL1 / "verloop.md")
    public = body.split("## Voor professionals")[0]
    assert "keuzehulp.info" in public
    assert "uwv-ziektewet-24-weken" in facts_in(DEEL1 / "verloop.md")


@pytest.mark.build
def test_the_built_pages_show_the_grid_numbers_and_the_per_100_calculation(html):
    verloop = unescape((html / "book" / "deel1" / "verloop.html").read_text("utf-8"))
    for fact_id in ("afwachten-chirurgie-nodig", "triplem-miso", "triplem-mife-miso",
                    "curettage-verklevingen"):
        assert registry()[fact_id].wording in verloop, fact_id
    assert "keuzehulp.info" in verloop
    beleid = unescape((html / "book" / "deel4" / "beleid-in-een-tabel.html").read_text("utf-8"))
    assert "Na dit hoofdstuk weet je" in beleid
    assert "8,7 per 100" in beleid
    assert "Bewijskracht" in beleid or "bewijskracht" in beleid


# --- issue 16 (confirmation reading): afwachten first is the guidelines' advice -----------

GUIDELINE = re.compile(r"\b(NICE|NVOG|NHG|richtlijn\w*)\b")
FIRST = re.compile(r"\beerste (keus|keuze|behandelstrategie|beleid)\b", re.I)


def test_the_policy_tables_label_for_afwachten_is_a_guidelines_advice_and_she_chooses():
    """The table once said 'eerste keus' for afwachten, beside Part I's 'geen goede of foute
    keuze'. The label names the guideline that gives the advice, and says that she chooses."""
    chapter = text(BELEID)
    row = next(line for line in chapter.splitlines() if line.startswith("| **Wanneer**"))
    afwachten = row.split("|")[2]
    assert GUIDELINE.search(afwachten), afwachten
    assert "kiest" in afwachten, afwachten
    flat_chapter = normalise(chapter)
    assert "de vrouw kiest" in flat_chapter or "zij kiest" in flat_chapter
    assert "../deel1/verloop.md" in chapter  # the page that says there is no right or wrong
    assert "geen goede of foute" in normalise(text(DEEL1 / "verloop.md"))


def test_nowhere_is_afwachten_a_first_choice_without_the_guideline_that_says_so():
    files = [*BOOK.rglob("*.md"), DATA / "uitspraken.yml", DATA / "facts.yml"]
    for path in files:
        for sentence in re.split(r"(?<=[.!?])\s+|\|", normalise(text(path))):
            if FIRST.search(sentence):
                assert GUIDELINE.search(sentence), f"{path.name}: {sentence}"
