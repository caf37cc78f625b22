"""The second clinical review of Part IV (12 items): each fix that a text check can hold.

One test (or a few) per review item; the item number is in the test name."""

from __future__ import annotations

import re

from miskraam.citations import cited_keys

from .conftest import DATA, ROOT, normalise
from .conftest import plain_sentences as sentences

BOOK = ROOT / "book"
DEEL4 = BOOK / "deel4"
TOETS = BOOK / "toetsvragen"
EXCERPTS = ROOT / "sources" / "literatuur"
BIB = (DATA / "references.bib").read_text(encoding="utf-8")

HERHAALD = DEEL4 / "herhaalde-miskraam.md"
BELEID = DEEL4 / "beleid-in-een-tabel.md"
DIAGNOSE = DEEL4 / "diagnose.md"
REGELEN = DEEL4 / "na-het-verlies-regelen.md"
NAZORG = DEEL4 / "nazorg-met-bewijs.md"
NASCHOLING = BOOK / "nascholing" / "vragen.md"


def flat(path) -> str:
    return normalise(path.read_text(encoding="utf-8"))


def excerpt(key: str) -> str:
    path = EXCERPTS / f"{key}.md"
    assert path.exists(), f"{path.name} ontbreekt"
    return normalise(path.read_text(encoding="utf-8"))


def question(path, qid: str) -> str:
    """The text of one {vraag} block, by its id."""
    text = path.read_text(encoding="utf-8")
    start = text.index(f":id: {qid}\n")
    return normalise(text[start:text.index("\n```", start)])


def options(path, qid: str) -> list[tuple[bool, str, str]]:
    """A question's options: (is it a key, the option, its feedback)."""
    text = path.read_text(encoding="utf-8")
    start = text.index(f":id: {qid}\n")
    block = text[start:text.index("\n```", start)].split("\n+++")[0]
    return [(mark == "x", option, normalise(feedback)) for mark, option, feedback in
            re.findall(r"^- \[([x ])\] (.*)\n((?:  .*\n?)*)", block, re.M)]


#: the 2007 guideline named with its year ("de oude NVOG-richtlijn (2007)", "… uit 2007"): the
#: word before it must say that it is the old one
GUIDELINE_2007 = re.compile(r"(\w+) (?:NVOG-|Nederlandse )?richtlijn\b[^.()]{0,60}?"
                            r"(?:\(|\b(?:uit|van) )(?:versie 2\.0, )?2007\b")


def not_called_old(text: str) -> list[str]:
    return [match[0] for match in GUIDELINE_2007.finditer(text)
            if match[1].lower() not in ("oude", "oudere")]


# --- 1. the current Dutch guideline on recurrent miscarriage --------------------------------

def test_item1_the_reader_of_the_2007_name_finds_it_called_current():
    assert not_called_old("De NVOG-richtlijn *Herhaalde miskraam* dateert van 2007.")
    assert not_called_old("Zeg erbij dat de Nederlandse richtlijn uit 2007 stamt.")
    assert not not_called_old("De oudere NVOG-richtlijn (versie 2.0, 2007) kom je nog tegen.")


def test_item1_the_2007_guideline_is_no_longer_taught_as_the_dutch_guideline():
    chapter = flat(HERHAALD)
    # the 2007 text is named, and always as the old one
    assert GUIDELINE_2007.search(chapter)
    assert not not_called_old(chapter), not_called_old(chapter)
    # the current guideline is the adaptation, cited by its module; both places that send the
    # reader to the current guideline (the definition, progesterone) name it
    assert "nvogherhaaldorganisatie" in cited_keys(chapter)
    current = [s for s in sentences(chapter) if re.search(r"\b(?:huidige|actuele)\b", s)]
    assert sum("adaptatietraject" in s for s in current) >= 2, current
    assert "definitiemodule" in chapter


def test_item1_the_adaptation_is_cited_by_module_with_its_passage():
    assert "@misc{nvogherhaaldorganisatie," in BIB
    assert "organisatie_van_zorg_.html" in BIB
    passage = excerpt("nvogherhaaldorganisatie")
    assert ("Dit stuk betreft een vertaling van de internationale richtlijn Recurrent Pregnancy "
            "Loss (update 2022)") in passage
    assert "Initiatief: NVOG Aantal modules: 80" in passage
    assert ("Koppels met twee of meer zwangerschapsverliezen kunnen worden doorverwezen naar een "
            "herhaalde miskraamkliniek") in passage


def test_item1_the_scored_definition_questions_contrast_eshre_with_the_old_2007_text():
    both = question(TOETS / "herhaalde-miskraam.md", "herhaalde-miskraam-beide-definities")
    assert GUIDELINE_2007.search(both) and not not_called_old(both)
    assert "definitiemodule" in both


def test_item10_the_eshre_definition_is_cited_to_a_passage_that_states_it():
    chapter = flat(HERHAALD)
    section = chapter[chapter.index("## Twee definities"):chapter.index("De huidige Nederlandse")]
    assert "{cite:p}`jcm2023rpltabel`" in section and "eshre2022" not in section
    table = excerpt("jcm2023rpltabel")
    for words in ("Two or more failed pregnancies", "also includes biochemical pregnancy",
                  "Confirmation by serum or urinary",
                  "Do not include ectopic and molar pregnancies"):
        assert words in table


# --- 2. anti-D: the CRL of a non-viable embryo is not the gestational age -----------------

# Issue 15 (clinical-review-2 A3): which duration counts for anti-D when amenorrhoea and the CRL
# of a non-viable embryo differ is not settled by the sources read (NICE uses the scan, NHG is
# silent): the case and the question name both and leave it to the regional protocol.
def test_item2_the_case_names_both_durations_and_leaves_anti_d_dating_to_the_protocol():
    beleid = flat(BELEID)
    case = beleid[beleid.index("**Anti-D.** Het embryo"):][:1000]
    assert "CRL" in case and "amenorroeduur" in case
    assert "niet geregeld" in case and "regionale protocol" in case


def test_item2_the_anti_d_question_has_no_false_premise_and_no_made_up_rule():
    q = question(TOETS / "beleid-in-een-tabel.md", "beleid-in-een-tabel-anti-d-termijn")
    assert "Een eerdere termijnecho is er niet" in q
    assert "CRL" in q and "regioprotocol" in q


# --- 3. anti-D: check the revised NVOG module first, the NHG rule otherwise ----------------

def test_item3_anti_d_recommendations_are_conditional_on_the_revised_module():
    for path in (BELEID, REGELEN):
        text = path.read_text(encoding="utf-8")
        blocks = [block for block in re.findall(r"```\{aanbeveling\} (.*?)\n```", text, re.S)
                  if "anti-D" in block.split("\n")[0]]
        assert blocks, path.name
        for block in blocks:
            # the NHG rule, while the KNOV reports the NVOG module under revision
            assert ":bron: nhg2017" in block, path.name
            assert "knov2025antid" in cited_keys(block), path.name
            assert "NVOG-module" in block and "volg dan de NHG-regel" in block, path.name


# The nascholing's anti-D case step (nascholing-casus2-anti-d) is gone (issue 18): it tested the
# same decision as beleid-in-een-tabel-anti-d-wat-zeg-je, a question the reader has already met,
# and it scored a rule under revision (question-bank review, B11). Casus 2 now ends with the
# follow-up test after medication instead.


# --- 4. an empty scan before 6 weeks is a ZOL ----------------------------------------------

def test_item4_an_empty_scan_before_6_weeks_is_a_zol_with_consultation():
    diagnose = flat(DIAGNOSE)
    # an empty uterus on the scan: a ZOL, hCG follow-up agreed with the gynaecologist
    empty = [s for s in sentences(diagnose) if "geen vruchtzak" in s and "ZOL" in s]
    assert empty
    for sentence in empty:
        assert "gynaecoloog" in sentence and "hCG" in sentence, sentence
        assert "geen diagnose van een miskraam" in sentence, sentence


# --- 5. Hooker: adhesions after any management ---------------------------------------------

def test_item5_hooker_adhesions_are_not_presented_as_a_harm_of_curettage_only():
    beleid = flat(BELEID)
    assert "Verklevingen bij kijkonderzoek bij {fact}`hooker-verklevingen` {cite:p}`hooker2014`" \
        not in beleid
    assert "(afwachten, medicatie en curettage samen)" in beleid
    assert "van de verklevingen waarvan de ernst bekend was" in beleid
    assert "in studies met afwachten, medicatie en curettage samen" in beleid
    q = question(TOETS / "beleid-in-een-tabel.md", "beleid-in-een-tabel-chirurgie-indicatie")
    assert "in studies met afwachten, medicatie en curettage samen" in q
    hooker = excerpt("hooker2014")
    assert "spontaneous expulsion or medical or surgical treatment" in hooker


# --- 6. the 24-week distractor -------------------------------------------------------------

def test_item6_the_24_week_distractor_is_unambiguously_wrong():
    choices = options(TOETS / "na-het-verlies-regelen.md", "na-het-verlies-regelen-grenzen")
    keys = [option for key, option, _ in choices if key]
    assert len(keys) == 1 and "{fact}`nvog-definitie-20-weken`" in keys[0]
    # the option with the legal 24 weeks is wrong, and its feedback says why: that is the
    # law's limit, not the guideline's definition
    [(key, feedback)] = [(key, feedback) for key, option, feedback in choices
                         if "{fact}`lijkbezorging-24-weken`" in option]
    assert not key
    assert "wettelijke grens" in feedback and "richtlijn Miskraam" in feedback


# --- 7. NICE anti-D 12+0 to 12+6 -----------------------------------------------------------

def test_item7_nice_anti_d_is_limited_to_12_0_to_12_6():
    beleid = flat(BELEID)
    # NICE's 250 IE from 12+0 stops at 12+6 wherever the chapter gives it
    doses = [s for s in sentences(beleid) if "12+0" in s and "250 IE" in s]
    assert doses
    for sentence in doses:
        assert "12+6" in sentence, sentence
    assert "12+0 to 12+6 completed weeks" in excerpt("nice2019")


# --- 8. progesterone: a subgroup finding ---------------------------------------------------

def test_item8_progesterone_is_not_said_to_help_demonstrably():
    for path in (HERHAALD, TOETS / "herhaalde-miskraam.md"):
        body = flat(path)
        assert "helpt aantoonbaar" not in body, path.name
        assert "vooraf geplande subgroep" in body, path.name


# --- 9. MifeMiso and NICE 2023 -------------------------------------------------------------

def test_item9_mifemiso_feedback_is_limited_to_what_was_read():
    q = question(NASCHOLING, "nascholing-11-mifepriston")
    # NICE 2023's recommendation text could not be read: the feedback says so, and keeps to
    # what the stored passage holds (new recommendations in August 2023, MifeMiso reviewed)
    assert "konden we niet lezen" in q and "augustus 2023" in q
    assert "August 2023" in excerpt("nice2023ng126")


# --- 10. claims without a stored passage ---------------------------------------------------

def test_item10_rvig_brp_passage_exists_and_holds_the_conditions():
    passage = excerpt("rvigbrp")
    assert "Het is vanaf 3 februari 2019 met terugwerkende kracht mogelijk" in passage
    assert ("De ouder moet op het moment van het registratieverzoek als ingezetene in de BRP zijn "
            "of worden ingeschreven") in passage
    assert "Het verzoek moet door de ouder zelf worden gedaan" in passage


def test_item10_nice_cg192_passage_exists_and_the_chapter_says_what_it_says_on_miscarriage():
    passage = excerpt("nice2014cg192")
    assert "consider asking the following depression identification questions" in passage
    assert ("Occasionally women develop post‑traumatic stress disorder after a miscarriage"
            in passage)
    nazorg = flat(NAZORG)
    # what NICE recommends the questions for: test_item10_cg192_questions_... below
    assert "posttraumatische stressstoornis" in nazorg


#: NICE CG192 recommends the two depression questions at booking and in the early postnatal
#: period; after a miscarriage the course uses them by analogy. A sentence that says NICE
#: recommends them names that setting, or says the use is by analogy (the course's own).
CG192_RECOMMENDS = re.compile(
    r"(?:NICE|CG192)[^.]*\b(?:raadt|aanraadt|aanraden|beveelt|aanbeveelt|adviseert|overwegen)\b"
    r"|\b(?:raadt|aanraadt|beveelt|adviseert)\b[^.]*(?:NICE|CG192)", re.IGNORECASE)
CG192_QUESTIONS = re.compile(r"twee vragen|Whooley|vragen naar (?:depressie|somberheid)",
                             re.IGNORECASE)
CG192_SETTING = re.compile(r"zwanger|kraam|eerste contact|naar analogie|afleiding",
                           re.IGNORECASE)


def cg192_out_of_setting(text: str) -> list[str]:
    found = []
    for paragraph in re.split(r"\n\s*\n|\n(?=\s*(?:[-*+]|\d+\.)\s)", text):
        for sentence in re.split(r"(?<=[.!?])\s+", " ".join(paragraph.split())):
            if (CG192_RECOMMENDS.search(sentence) and CG192_QUESTIONS.search(sentence)
                    and not CG192_SETTING.search(sentence)):
                found.append(sentence)
    return found


def test_item10_cg192_questions_after_a_miscarriage_are_the_courses_application():
    assert cg192_out_of_setting("Dat zijn de twee vragen die NICE (CG192) aanraadt om een "
                                "depressie op het spoor te komen.")
    assert not cg192_out_of_setting("Dat zijn de twee vragen die NICE aanraadt bij het eerste "
                                    "contact in de zwangerschap; na een miskraam gebruik je ze "
                                    "naar analogie.")
    found = [f"{path.relative_to(BOOK)}: {sentence}"
             for path in sorted(BOOK.rglob("*.md"))
             for sentence in cg192_out_of_setting(path.read_text(encoding="utf-8"))]
    assert not found, "\n".join(found)


def test_item10_unsourced_sentences_are_gone():
    beleid = flat(BELEID) + flat(TOETS / "beleid-in-een-tabel.md")
    # the frequency of a side effect: the Farmacotherapeutisch Kompas, where it can be read
    assert any("Farmacotherapeutisch Kompas" in s and "frequentie" in s for s in sentences(beleid))
    regelen = flat(REGELEN) + flat(TOETS / "na-het-verlies-regelen.md")
    assert "Controleer de actuele stand" in regelen


# --- 11. the akte ------------------------------------------------------------------------

# Whether the akte needs a statement (it may be asked for, it is not required) is no longer
# checked by a test: no stored passage says it (rvigbrp, molenlandenbrp), so it is held by review.
def test_item11_the_akte_and_the_brp_registration_are_a_right_option():
    choices = options(NASCHOLING, "nascholing-casus3-afscheid")
    [(key, feedback)] = [(key, feedback) for key, option, feedback in choices
                         if "akte" in option]
    assert key and "zichtbaar in MijnOverheid" in feedback
    assert "molenlandenbrp" in cited_keys(feedback)


# --- 12. Farren's sample -----------------------------------------------------------------

def test_item12_farren_sample_parts_are_not_listed_as_the_whole():
    nazorg = flat(NAZORG)
    # 537 and 116 are parts of the 737 women: the sentence that gives them gives the whole
    parts = [s for s in sentences(nazorg) if "537" in s or "116" in s]
    assert parts
    for sentence in parts:
        assert "737" in sentence and "onder wie" in sentence, sentence
    assert "171 vrouwen met een doorgaande zwangerschap" in nazorg
    passage = excerpt("farren2020")
    assert ("A total of 737 women with early pregnancy loss (including 537 miscarriages and 116 "
            "ectopic pregnancies)") in passage
    assert "338 (46%) after nine months" in passage and "A control group of 171 women" in passage
    assert re.search(r"338 vrouwen", nazorg)
