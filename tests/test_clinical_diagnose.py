"""Diagnosis (issue 10): the NVOG non-viability criteria, PUL, the NHG ectopic criterion in full,
Tong's figures for every week, and the unidentified bleeding study replaced.

Issue 16 (right for the exam): the NVOG rules for a PUL's two hCG measurements, the treatment of
an ectopic pregnancy, the early scan, the mole and its Dutch follow-up, the septic miscarriage,
and a case that escalates as the alarm signs demand. These tests read the meaning (a rule's
figure from the registry and the stored passage, an alarm level), never a sentence.

Each test fails on the course as it was before the chapter "Diagnose" was written."""

from __future__ import annotations

import re

import pytest
from pybtex.database import parse_file

from miskraam.citations import cited_keys
from miskraam.facts import registry
from miskraam.widgets.hartactiviteit import SITUATIONS

from .conftest import DATA, ROOT, normalise, page_text

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
    bib = parse_file(str(DATA / "references.bib"))
    raw = (DATA / "references.bib").read_text(encoding="utf-8")
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


# --- issue 16 --------------------------------------------------------------------------------

QUESTIONS = BOOK / "toetsvragen" / "diagnose.md"

#: the NVOG module's rules for a PUL without complaints: fact id -> (figure, bound)
ZOL_RULES = {
    "zol-hcg-stijging-derde-meting": (50, "<"),
    "zol-hcg-daling-derde-meting": (20, "<"),
    "zol-hcg-daling-afwachten": (20, ">"),
    "zol-hcg-stijging-echo": (50, ">"),
    "zol-hcg-interval-48-uur": (48, None),
}
#: what each ratio leads to, in the chapter's table (a word the row must hold)
ZOL_ACTIONS = {
    "zol-hcg-stijging-derde-meting": "derde",
    "zol-hcg-daling-derde-meting": "derde",
    "zol-hcg-daling-afwachten": "afwachten",
    "zol-hcg-stijging-echo": "echo",
}
#: the NVOG rules for treating an ectopic pregnancy: fact id -> the module that states it
EUG_RULES = {
    "eug-afwachten-1-week": "nvogeugbehandeling", "eug-afwachten-zol-2000": "nvogeugbehandeling",
    "eug-afwachten-eug-1500": "nvogeugbehandeling", "eug-mtx-zol-2000": "nvogeugbehandeling",
    "eug-mtx-eug-1500": "nvogeugbehandeling", "eug-chirurgie-5000": "nvogeugbehandeling",
    "eug-chirurgie-4-cm": "nvogeugbehandeling", "eug-afwachten-ongecompliceerd":
    "nvogeugbehandeling", "eug-mtx-dosis": "nvogeugmtx", "eug-mtx-daling-15": "nvogeugmtx",
    "eug-mtx-vervolg-5": "nvogeugmtx",
}
#: a threshold of these rules typed by hand instead of through {fact}
TYPED_THRESHOLD = re.compile(r"\b(?:5000|2000|1500|5)\s?IE/L|\b50\s?mg|\b4\s?cm\b|\b48\s?uur",
                             re.I)


def uses(text: str, fact_id: str) -> bool:
    """True when the text shows the record, in either form ({fact}`id` or {fact}`id <bron>`)."""
    return re.search(r"\{fact\}`" + re.escape(fact_id) + r"(?:\s*<[^>]*>)?`", text) is not None


def excerpt(key: str) -> str:
    return normalise((EXCERPTS / f"{key}.md").read_text(encoding="utf-8"))


def section(markdown: str, start: str) -> str:
    """The part of a page from a heading (or label) to the next heading of level two."""
    rest = markdown.split(start, 1)[1].lstrip("\n")
    heading = ""
    if rest.startswith("## "):  # a label right above its own heading
        heading, rest = rest.split("\n", 1)
    return heading + "\n" + re.split(r"(?m)^## ", rest, maxsplit=1)[0]


def test_the_hcg_ratio_rules_are_the_nvog_modules_figures_from_the_registry():
    facts = registry()
    module = excerpt("nvogzoldiagnostiek")
    for fact_id, (value, bound) in ZOL_RULES.items():
        record = facts[fact_id]
        assert record.source == "nvogzoldiagnostiek", fact_id
        assert (record.value, record.comparison) == (value, bound), fact_id
        assert normalise(record.quote) in module, f"{fact_id}: het citaat staat niet in de bron"
    table = section(page_text(DIAGNOSE), "(diagnose-hcg)=").split("```{aanbeveling}")[0]
    rows = [line for line in table.splitlines() if line.startswith("|")]
    for fact_id, action in ZOL_ACTIONS.items():
        row = next((r for r in rows if uses(r, fact_id)), None)
        assert row is not None, f"{fact_id} staat niet in de tabel"
        assert action in row.split("|")[2].lower(), f"{fact_id}: niet '{action}'"
    assert uses(rows[0], "zol-hcg-interval-48-uur"), "de kop noemt het interval niet"
    # the rules hold for a woman without complaints; with complaints she is always reassessed
    assert "**zonder klachten**" in table
    assert normalise("Herbeoordeel een patiënte altijd bij klachten, ongeacht de waarde van "
                     "het serum-hCG") in normalise(page_text(DIAGNOSE))


def test_no_hcg_rule_or_ectopic_threshold_is_typed_by_hand():
    for path in (DIAGNOSE, QUESTIONS):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.startswith("```{aanbeveling}"):
                continue  # a recommendation's title may state the rule as the passage does
            assert not TYPED_THRESHOLD.search(line), f"{path.name}:{number}: {line.strip()}"


def test_a_complete_miscarriage_without_an_earlier_scan_waits_until_an_ectopic_is_excluded():
    rule = ("Stel de diagnose complete miskraam bij een echoscopisch leeg cavum zonder vooraf "
            "bevestigde intra-uteriene zwangerschap pas als een EUG is uitgesloten")
    assert rule in excerpt("nvogzoltve")
    pul = normalise(section(page_text(DIAGNOSE), "## Een lege baarmoeder"))
    assert rule in pul and "{cite:p}`nvogzoltve`" in pul
    # no page teaches the stricter rule that forbids the diagnosis once an EUG is excluded
    stricter = re.compile(r"alleen (een )?complete miskraam als|complete miskraam kun je alleen "
                          r"vaststellen|past daar alleen bij als eerder", re.I)
    pages = [*BOOK.rglob("*.md"), DATA / "begrippen.yml"]
    wrong = [p.name for p in pages if stricter.search(normalise(p.read_text(encoding="utf-8")))]
    assert wrong == []
    glossary = normalise((DATA / "begrippen.yml").read_text(encoding="utf-8"))
    entry = glossary.split("- term: Complete miskraam", 1)[1].split("- term:", 1)[0]
    assert "pas als een EUG is uitgesloten" in entry and "nvogzoltve" in entry


def test_the_ectopic_treatment_rules_come_from_the_nvog_modules_through_the_registry():
    facts = registry()
    used = page_text(DIAGNOSE) + QUESTIONS.read_text(encoding="utf-8")
    for fact_id, key in EUG_RULES.items():
        record = facts[fact_id]
        assert record.source == key, fact_id
        assert normalise(record.quote) in excerpt(key), f"{fact_id}: citaat niet in de bron"
        assert uses(used, fact_id), f"{fact_id} wordt niet gebruikt"
    treatment = normalise(section(page_text(DIAGNOSE), "(diagnose-eug-behandeling)="))
    # the woman decides with the gynaecologist; methotrexate only after an IUP is excluded
    assert "Weeg samen met de patiënt" in treatment
    assert "intra-uteriene zwangerschap uitsluiten" in treatment
    # tubectomy is preferred when the other tube is normal (the module's recommendation)
    assert ("Verricht bij een tubaire EUG bij voorkeur een laparoscopische salpingectomie"
            in treatment)


def test_the_early_scan_is_taught_by_the_guidelines_not_by_the_leaflets_week():
    facts = registry()
    assert facts["hartactiviteit-vanaf-7-weken"].source == "informatieblad"
    milestones = normalise(section(page_text(DIAGNOSE), "(diagnose-mijlpalen)="))
    # the leaflet's week is named as the leaflet's, and set against NHG, NVOG and Tong
    assert uses(milestones, "hartactiviteit-vanaf-7-weken") and "geen grens" in milestones
    for key in ("nhg2017", "nvog2020diagnostiek", "tong2008"):
        assert key in cited_keys(milestones), key
    # what no stored source gives (the weeks of sac, yolk sac, heartbeat; CRL dating) is said so
    assert "niet nagelezen in een bron" in milestones
    # and a scored question makes the student apply it: the week alone is a wrong answer
    block = next(b for b in re.findall(r"```\{vraag\}\n(.*?)\n```", QUESTIONS.read_text("utf-8"),
                                       re.S) if ":id: diagnose-nvog-criteria" in b)
    option = re.search(r"^- \[( |x)\] Amenorroeduur[^\n]*\n((?:  .*\n?)+)", block, re.M)
    assert option and option[1] == " ", "de termijn alleen hoort geen goed antwoord te zijn"
    assert uses(option[2], "hartactiviteit-vanaf-7-weken")


def test_the_dutch_mole_follow_up_stops_after_a_confirmed_normal_value():
    rule = ("Na bevestiging (d.w.z. een hCG-bepaling ná eerste vaststelling van een normale "
            "waarde) van normalisatie van het hCG is geen verdere follow-up geïndiceerd.")
    assert normalise(rule) in excerpt("nvogtrofoblastfollowup")
    chapter = normalise(page_text(DIAGNOSE))
    assert normalise(rule) in chapter
    # the Belgian schedule is shown as Belgian, never as the Dutch one
    belgian = [p.split("{cite:p}`bgogmola`")[0][-600:] + p.split("{cite:p}`bgogmola`")[1][:200]
               for p in [chapter] if "{cite:p}`bgogmola`" in p]
    assert belgian and all("niet de Nederlandse" in b for b in belgian)
    cited = [p.name for p in BOOK.rglob("*.md") if "`bgogmola`" in p.read_text(encoding="utf-8")
             and p != DIAGNOSE]
    assert cited == []
    glossary = (DATA / "begrippen.yml").read_text(encoding="utf-8")
    mola = glossary.split("- term: Mola", 1)[1].split("- term:", 1)[0]
    assert "anticonceptie" not in mola


def test_the_septic_miscarriage_advice_is_the_courses_own_and_its_source_a_review():
    chapter = page_text(DIAGNOSE)
    septic = section(chapter, "(diagnose-septisch)=")
    blocks = re.findall(r"```\{aanbeveling\}(.*?)```", septic, re.S)
    assert blocks and all(":systeem: cursus" in b for b in blocks if ":bron: wall2022" in b)
    assert "geen richtlijn" in normalise(septic)
    review = excerpt("wall2022")
    for words in ("Timely recognition of developing sepsis", "prompt evacuation of any residual "
                  "products of conception"):
        assert words in review, words


def test_every_new_topic_has_a_scored_question():
    blocks = re.findall(r"```\{vraag\}\n(.*?)\n```", QUESTIONS.read_text("utf-8"), re.S)
    ids = {re.search(r"^:id: (\S+)", b, re.M)[1]: b for b in blocks}
    for topic in ("diagnose-zol-hcg-ratio", "diagnose-eug-behandeling", "diagnose-septisch",
                  "diagnose-mola-tekenen", "diagnose-mola-followup", "diagnose-triage-volgorde",
                  "diagnose-complete-miskraam", "diagnose-nvog-criteria"):
        assert topic in ids, topic
    # the flowchart's order: stability, then fever and feeling ill, then the NHG criterion
    steps = [line[2:] for line in ids["diagnose-triage-volgorde"].splitlines()
             if line.startswith("- ")]
    at = {word: next(i for i, s in enumerate(steps) if word in s)
          for word in ("flauwvallen", "koorts", "risicofactoren", "112")}
    assert at["flauwvallen"] < at["koorts"] < at["risicofactoren"] < at["112"]


def test_every_section_has_its_objective():
    chapter = DIAGNOSE.read_text(encoding="utf-8")
    objectives = chapter.split("```{leerdoelen}", 1)[1].split("```", 1)[0]
    needed = {"Beslisschema": "beslisschema", "is ze stabiel": "stabiliteit",
              "De echo": "echo aanbiedt", "niet-vitaal": "NVOG-criteria",
              "Een lege baarmoeder": "ZOL/PUL", "Buitenbaarmoederlijke": "EUG",
              "Mola": "mola", "septische miskraam": "septische miskraam",
              "Andere oorzaken": "andere oorzaken", "Wie doet wat": "wie in de keten"}
    for heading in re.findall(r"(?m)^## (.+)$", chapter):
        if heading.startswith(("Casus", "Toets jezelf")):
            continue
        key = next((k for k in needed if k.lower() in heading.lower()), None)
        assert key, f"paragraaf zonder leerdoel: {heading}"
        assert needed[key] in objectives, f"{heading}: leerdoel ontbreekt"


def test_what_no_stored_source_gives_is_named_plainly():
    chapter = normalise(page_text(DIAGNOSE))
    key_points = chapter.split("```{kernpunten}", 1)[1]
    assert "Niet nagelezen in een bron" in key_points
    for topic in ("cervicale shock", "datering", "antibiotica", "methotrexaat", "weefsel"):
        assert topic in key_points.split("Niet nagelezen in een bron", 1)[1], topic


@pytest.mark.build
def test_the_case_escalates_as_the_alarm_signs_demand(html):
    """Read the case as a reader does: after the case names a sign in its own words, the next
    action it gives has the sign's level (a 112 sign first gets 112; a sign to call one's own
    carer does not get 112). The generated alarm sentences are left out: the case itself must
    escalate."""
    from bs4 import BeautifulSoup

    from .triage import level_said, sentences, signs_in

    page = (html / "book" / "deel4" / "diagnose.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(page, "lxml")
    heading = soup.find(lambda tag: tag.name == "h2" and "Casus" in tag.get_text())
    case = heading.find_parent("section")
    for generated in case.select(".miskraam-alarmzin"):
        generated.decompose()
    pending, checked = [], []
    for paragraph in case.find_all("p"):
        for sentence in sentences(" ".join(paragraph.get_text(" ").split())):
            pending += signs_in(sentence)
            said = level_said(sentence)
            if said and pending:
                needed = "112" if any(s.level == "112" for s in pending) else "bel"
                assert (said == "112") == (needed == "112"), (sentence, [s.id for s in pending])
                checked.append(needed)
                pending = []
    assert "112" in checked, "de casus escaleert niet naar 112 bij een 112-signaal"
    assert "bel" in checked, "de casus toont niet het niveau 'meteen bellen'"
    assert pending == [], f"signalen zonder actie aan het eind: {[s.id for s in pending]}"
