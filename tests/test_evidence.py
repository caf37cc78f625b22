"""External figures are traceable to their publications; Part III compares the sources."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup
from pybtex.database import parse_file

from miskraam.citations import cited_keys
from miskraam.facts import SOURCES, registry

from .conftest import DATA, ROOT, content_pages, numbers_in, passage_of, size_stated, study_sizes
from .triage import _chunks, sentences

BIB = parse_file(str(DATA / "references.bib"))
#: publishers whose own page identifies a guideline, a rule or an official text without a DOI
GUIDELINE_HOSTS = ("nhg.org", "richtlijnendatabase.nl", "nice.org.uk", "knov.nl", "eshre.eu",
                   "uwv.nl", "rijksoverheid.nl", "wetten.overheid.nl", "government.nl",
                   "kwaliteitsregisterverloskundigen.nl", "rivm.nl", "sanquin.nl",
                   "nvog.nl", "henw.org", "perined.nl", "rvig.nl", "vzinfo.nl",
                   "officielebekendmakingen.nl",
                   # hospitals and professional bodies (referral criteria, mola follow-up)
                   "olvg.nl", "avl.nl", "freya.nl", "mole-chorio-bgog.eu",
                   # the publisher of the CanMEDS framework (roles of the nascholing module)
                   "royalcollege.ca",
                   # a clinical handbook of Family Planning NSW (cervical shock)
                   "reproductiveandsexualhealth.org.au",
                   # a municipality's page on registering a stillborn child in the BRP
                   "molenlanden.nl")


def identifies_the_publication(entry) -> bool:
    fields = {k.lower(): v for k, v in entry.fields.items()}
    if fields.get("doi", "").startswith("10."):
        return True
    if re.fullmatch(r"\d{6,9}", fields.get("pmid", "")):
        return True
    # a guideline without DOI or PMID: its own page, never a mirror
    return entry.type == "misc" and any(host in fields.get("url", "") for host in GUIDELINE_HOSTS)


@pytest.mark.parametrize("key", sorted(BIB.entries))
def test_every_bibliography_entry_has_a_doi_or_pubmed_id(key):
    assert identifies_the_publication(BIB.entries[key]), key


@pytest.mark.parametrize("key", sorted(BIB.entries))
def test_every_bibliography_entry_names_its_authors_title_and_year(key):
    entry = BIB.entries[key]
    authors = entry.persons.get("author") or []
    title = entry.fields.get("title", "").strip("{} ")
    assert authors and title and re.fullmatch(r"\d{4}", entry.fields.get("year", "")), (
        f"{key}: auteur, titel of jaar ontbreekt")
    named = " ".join(str(person) for person in authors) + " " + title
    assert not re.search(r"niet geverifieerd|onbekend|unknown", named, re.I), (
        f"{key}: auteur of titel is niet vastgesteld")
    # an author that is only a journal name is not an author
    assert str(authors[0]).strip("{}") != entry.fields.get("journal", ""), key


def test_every_external_record_has_a_bibliography_key():
    external = [r for r in registry().values() if r.source not in SOURCES]
    assert len(external) >= 20
    for record in external:
        assert record.source in BIB.entries, f"{record.id}: sleutel {record.source} ontbreekt"


@pytest.mark.build
def test_the_bibliography_page_renders_every_cited_work(html):
    keys = set()
    for path in (ROOT / "book").rglob("*.md"):
        keys |= set(cited_keys(path.read_text("utf-8")))
    keys |= {r.source for r in registry().values() if r.source not in SOURCES}
    page = (html / "book" / "bronnen.html").read_text("utf-8")
    entries = re.findall(r'<div class="citation" id="[^"]+" role="listitem">(.*?)</div>',
                         page, re.S)
    assert len(entries) == len(keys)
    text = " ".join(entries)
    for key in keys:
        entry = BIB.entries[key]
        doi = entry.fields.get("doi")
        if doi:
            assert doi in text, key
        else:
            title = entry.fields["title"].strip("{}")[:40]
            assert title.split()[0] in text, key


@pytest.mark.build
def test_the_side_by_side_table_names_both_sources_in_every_row(html):
    page = (html / "book" / "deel3" / "bronnen-naast-elkaar.html").read_text("utf-8")
    table = re.search(r'<table[^>]*bronnen-naast-elkaar.*?</table>', page, re.S).group(0)
    header = [re.sub(r"<[^>]+>", "", h).strip()
              for h in re.findall(r"<th[^>]*>(.*?)</th>", table, re.S)]
    assert any("Informatieblad" in h for h in header) and any("Blog" in h for h in header)
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", table.split("<tbody>")[1], re.S)
    assert len(rows) >= 8
    for row in rows:
        cells = [re.sub(r"<[^>]+>", "", cell).strip()
                 for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        assert len(cells) == 4, cells[:1]
        leaflet, blog = cells[1], cells[2]
        assert leaflet and blog, f"lege cel in rij '{cells[0]}'"


def test_research_chapter_cites_the_evidence():
    cited = set(cited_keys((ROOT / "book" / "deel3" / "wat-onderzoek-zegt.md").read_text("utf-8")))
    for key in ("nvog2020", "tong2008", "hamel2021", "hooker2014", "schliep2016", "betts2016"):
        assert key in cited, f"Wat onderzoek zegt citeert {key} niet (meer)"


# --- a study's size in the prose is the size the passage read gives ---------------------------
# "Een review van 16 studies met meer dan een miljoen vrouwen vond … {cite:p}`key`": the size
# belongs to the finding the sentence reports, and must stand in the passage read for the
# cited publication (sources/literatuur/<key>.md). The citation is the sentence's own, or the
# first one that follows in the same paragraph.
#: a citation as the page renders it: {cite:p}, or a figure with its source ({fact}`x <bron>`)
CITATION = re.compile(r"\{cite:[pt]\}`[^`]+`|\{fact\}`[^`<]+<\s*bron\s*>`")
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z*\"“(\[{])")


def _texts():
    for path in sorted((ROOT / "book").rglob("*.md")):
        yield path.relative_to(ROOT), path.read_text(encoding="utf-8")
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        yield path.relative_to(ROOT), "\n\n".join("".join(cell["source"]) for cell in cells
                                                  if cell["cell_type"] == "markdown")
    for name in ("uitspraken.yml", "begrippen.yml"):
        path = DATA / name
        yield path.relative_to(ROOT), path.read_text(encoding="utf-8")


def paragraph_sentences(text: str):
    """The sentences of each paragraph (and each list item) of a MyST text."""
    for paragraph in re.split(r"\n\s*\n|\n(?=\s*(?:[-*+]|\d+\.)\s)", text):
        yield SENTENCE.split(" ".join(paragraph.split()))


def sizes_against_passages(where, text: str) -> list[str]:
    """Every study size in a text that the passage of its citation does not state."""
    wrong = []
    for parts in paragraph_sentences(text):
        for n, sentence in enumerate(parts):
            sizes = study_sizes(CITATION.sub(" ", sentence))
            if not sizes:
                continue
            keys = next((cited_keys(later) for later in parts[n:] if CITATION.search(later)),
                        [])
            passages = [passage_of(key) for key in keys]
            passages = [passage for passage in passages if passage]
            if not passages:
                continue
            read = set().union(*(numbers_in(passage) for passage in passages))
            wrong += [f"{where}: '{words}' staat niet in de gelezen passage van "
                      f"{', '.join(keys)}: {sentence[:160]}"
                      for words, value, bound in sizes if not size_stated(value, bound, read)]
    return wrong


def test_the_prose_size_reader_checks_against_the_cited_passage():
    assert sizes_against_passages("x", "Een review van 16 studies met meer dan een miljoen "
                                  "vrouwen vond minder miskramen. Dat gold ook voor vroeggeboorte "
                                  "{cite:p}`kangatharan2017`.")
    assert not sizes_against_passages("x", "In 7 studies met samen 46.313 vrouwen kwam een "
                                      "nieuwe miskraam minder vaak voor "
                                      "{cite:p}`kangatharan2017`.")
    assert not sizes_against_passages("x", "Een meta-analyse (21 studies, 1,85 miljoen vrouwen) "
                                      "vond {cite:p}`lemmers2016`.")


def test_every_study_size_in_the_book_is_the_one_its_passage_gives():
    wrong = []
    for where, text in _texts():
        wrong += sizes_against_passages(where, text)
    assert not wrong, "\n".join(wrong)


# --- no evidence of an effect is not evidence of no effect -------------------------------------
# For acupuncture and Chinese herbs the sources found no evidence of a benefit (Cochrane on
# fertility treatment: "no evidence of overall benefit"; one feasibility trial; nine small herb
# studies). The course says so: "geen bewijs", "geen aanwijzing", "niet aangetoond". A sentence in
# the course's own voice that says the treatment does not work, or did not improve an outcome,
# claims more than the evidence (the course teaches the difference in its own questions).
TREATMENT = re.compile(r"acupunct\w*|kruid\w*", re.IGNORECASE)
_EFFECT = r"(?:verbeter\w*|vergro\w*|verhoog\w*|help\w*|werk\w*|voorkom\w*|voorkwam|beschermt?)"
NO_EFFECT = re.compile(
    rf"\b{_EFFECT}\b[^.;:!?]{{0,50}}?\bniet\b|\bniet\s+(?:\w+\s+){{0,2}}?{_EFFECT}\b"
    r"|\bgeen (?:effect|invloed|voordeel) (?:heeft|had|hebben|op)\b", re.IGNORECASE)
#: what the evidence supports: no evidence, not shown, not studied, not known
ABSENCE_OF_EVIDENCE = re.compile(
    r"geen (?:bewijs|aanwijzing|onderzoek|gegevens)|aangetoond|bewezen|onderzocht|vastgesteld"
    r"|bekend", re.IGNORECASE)
#: a short quote inside a sentence ("helpt “niet om garanties te geven”") is the source's words
SHORT_QUOTE = re.compile(r"[“\"„][^“”\"„]*[”\"]")


def claims_no_effect(sentence: str) -> bool:
    sentence = SHORT_QUOTE.sub(" ", sentence)
    return bool(TREATMENT.search(sentence) and NO_EFFECT.search(sentence)
                and not ABSENCE_OF_EVIDENCE.search(sentence))


@pytest.mark.parametrize(("sentence", "claims"), [
    ("Bij vruchtbaarheidsbehandelingen verbeterde acupunctuur de kans op een levend kind niet.",
     True),
    ("Acupunctuur werkt niet bij een dreigende miskraam.", True),
    ("Chinese kruiden voorkomen een miskraam niet.", True),
    ("Cochrane vond geen aanwijzing voor een algemeen voordeel van acupunctuur op de kans op "
     "een levend kind.", False),
    ("Er is geen bewijs dat acupunctuur een miskraam voorkomt.", False),
    ("Voor acupunctuur is geen effect op het beloop aangetoond.", False),
    ("Acupunctuur “kan geen verloop garanderen” en helpt “niet om garanties te geven”.", False),
])
def test_the_reader_tells_no_evidence_from_no_effect(sentence, claims):
    assert claims_no_effect(sentence) == claims


@pytest.mark.build
def test_no_page_says_acupuncture_or_herbs_do_not_work(html):
    found = []
    for page in content_pages(html):
        soup = BeautifulSoup(page.read_text("utf-8"), "lxml")
        # a source's words, and the wrong options of a question (a misconception on purpose)
        for element in soup.select('blockquote, .miskraam-optie[data-goed="0"] > label'):
            element.decompose()
        for _, text in _chunks(soup.body or soup):
            found += [f"{page.relative_to(html)}: {sentence}" for sentence in sentences(text)
                      if claims_no_effect(sentence)]
    assert not found, ("geen bewijs voor een effect is geschreven als bewijs dat het niet werkt; "
                       "zeg 'geen bewijs', 'geen aanwijzing' of 'niet aangetoond':\n"
                       + "\n".join(found))


# --- a relative risk becomes a number per 100 only by the course's rule ------------------------
# The rule (Herhaalde miskraam, Deel IV, "rekenregel-odds-ratio"): convert an odds ratio or a
# relative risk into a number per 100 only with a named, assumed baseline risk, its caveat, as
# the course's own estimate; otherwise say in words what it means. Advice to convert ("zet het om
# naar een aantal op de 100") says that condition, or points to the rule.
CONVERT = re.compile(
    r"\b(?:zet|zetten|zet je|reken|rekent|reken je)\b[^.;!?]{0,60}?\bom\b[^.;!?]{0,25}?"
    r"\b(?:in|naar)\b[^.;!?]{0,15}?\b(?:op de|per|van de) (?:100|honderd)\b"
    r"|\b(?:omrekenen|omzetten|om te zetten|om te rekenen)\b[^.;!?]{0,40}?"
    r"\b(?:op de|per|van de) (?:100|honderd)\b"
    r"|\b(?:op de|per|van de) (?:100|honderd)\b[^.;!?]{0,40}?"
    r"\b(?:omrekenen|omzetten|om te zetten|om te rekenen)\b", re.IGNORECASE)
BY_THE_RULE = re.compile(r"\balleen\b|basisrisico|rekenregel", re.IGNORECASE)


def unconditional_conversions(where, text: str) -> list[str]:
    found = []
    for parts in paragraph_sentences(text):
        for sentence in parts:
            if CONVERT.search(sentence) and not BY_THE_RULE.search(sentence):
                found.append(f"{where}: {sentence[:160]}")
    return found


def test_the_reader_finds_a_conversion_without_the_rule():
    assert unconditional_conversions("x", "Een relatief risico wordt vaak overschat. Zet het om "
                                     "naar een aantal op de 100.")
    assert not unconditional_conversions("x", "Omrekenen naar een aantal op de 100 doe je alleen "
                                         "met een genoemd, aangenomen basisrisico.")
    assert not unconditional_conversions("x", "Dit hoofdstuk zet de drie opties naast elkaar: "
                                         "wat ze opleveren per 100 vrouwen.")


def test_every_conversion_to_a_number_per_100_follows_the_course_rule():
    found = []
    for where, text in _texts():
        found += unconditional_conversions(where, text)
    assert not found, ("een relatief risico of odds ratio omrekenen naar een aantal per 100 kan "
                       "alleen met een genoemd basisrisico (de rekenregel); anders in woorden:\n"
                       + "\n".join(found))


# --- a definition is cited to the passage it was read in ----------------------------------------
# The ESHRE definition of recurrent pregnancy loss (two or more losses, not necessarily
# consecutive, hCG-only losses included) was read in an overview table (jcm2023rpltabel), not in
# the guideline's summary (eshre2022, which holds the evidence grades). A sentence that gives
# that definition cites a passage that states an ESHRE definition.
ESHRE = re.compile(r"ESHRE|Europese (?:richtlijn|definitie)", re.IGNORECASE)
RPL_DEFINITION = re.compile(
    r"twee of meer|vanaf twee|definitie van (?:de )?(?:Europese|ESHRE|herhaalde)|Europese definitie"
    r"|\bhCG\b|biochemisch|niet per se|niet noodzakelijk|na elkaar|opeenvolgend"
    r"|valt \w+ (?:onder|eronder)|vrouw met herhaalde|spreekt van herhaald", re.IGNORECASE)


def states_an_eshre_definition(passage: str | None) -> bool:
    return bool(passage and "ESHRE" in passage
                and re.search(r"two or more|twee of meer", passage, re.IGNORECASE))


def definitions_cited_elsewhere(where, text: str) -> list[str]:
    found = []
    for parts in paragraph_sentences(text):
        for sentence in parts:
            keys = cited_keys(sentence)
            if (keys and ESHRE.search(sentence) and RPL_DEFINITION.search(sentence)
                    and not any(states_an_eshre_definition(passage_of(key)) for key in keys)):
                found.append(f"{where} ({', '.join(keys)}): {sentence[:160]}")
    return found


def test_the_reader_finds_a_definition_cited_to_another_passage():
    assert definitions_cited_elsewhere("x", "ESHRE spreekt van herhaald verlies bij twee of meer "
                                       "verliezen {cite:p}`eshre2022`.")
    assert not definitions_cited_elsewhere("x", "ESHRE spreekt van herhaald verlies bij twee of "
                                           "meer verliezen {cite:p}`jcm2023rpltabel`.")
    assert not definitions_cited_elsewhere("x", "Van de ESHRE-aanbevelingen rust een vijfde op "
                                           "matig bewijs {cite:p}`eshre2022`.")


def test_the_eshre_definition_is_cited_to_the_passage_that_states_it():
    found = []
    for where, text in _texts():
        found += definitions_cited_elsewhere(where, text)
    assert not found, ("de ESHRE-definitie van herhaalde miskraam is gelezen in "
                       "jcm2023rpltabel; citeer die:\n" + "\n".join(found))
