"""Review 4 (confirmation reading): the fixes a text check can hold, by meaning.

M1: the old Dutch guideline on recurrent miscarriage (NVOG 2007) has two texts that differ on a
loss shown only by a pregnancy test: the professional text wants "geobjectiveerde miskramen" and
leaves out a biochemical pregnancy (nvog2007), the start page for patients finds a pregnancy test
enough and leaves out only a pregnancy seen with a very sensitive test or serum hCG
(nvogherhaaldstart). Every place that says what the 2007 guideline did with such a loss says
both, or limits itself to what both say.

M3: a sentence that says what a study did NOT measure needs a stored passage that says so."""

from __future__ import annotations

import re

from miskraam.facts import registry

from .conftest import DATA, ROOT, normalise

BOOK = ROOT / "book"
EXCERPTS = ROOT / "sources" / "literatuur"
GLOSSARY = DATA / "begrippen.yml"
CITATION = re.compile(r"\{cite:[pt]\}`([^`]+)`")
FACT = re.compile(r"\{fact\}`([^`<\s]+)")


def texts():
    for path in sorted(BOOK.rglob("*.md")):
        yield path.relative_to(ROOT), path.read_text(encoding="utf-8")
    for name in ("begrippen.yml", "uitspraken.yml", "facts.yml"):
        path = DATA / name
        yield path.relative_to(ROOT), path.read_text(encoding="utf-8")


def blocks(text: str) -> list[str]:
    """Paragraphs, list items and question options, each as one line."""
    parts = re.split(r"\n\s*\n|\n(?=\s*(?:[-*+]|\d+\.)\s)", text)
    return [" ".join(part.split()) for part in parts if part.strip()]


# --- M1 ---------------------------------------------------------------------------------------

OLD_NVOG = re.compile(r"(oude|oudere) (NVOG-richtlijn|Nederlandse richtlijn|richtlijn)"
                      r"|NVOG[^.;]{0,60}2007|2007[^.;]{0,40}NVOG", re.IGNORECASE)
HCG_ONLY = re.compile(r"biochemisch|alleen (met )?(een |de )?(hCG|positieve test|test|"
                      r"zwangerschapstest)|positieve test|positief hCG", re.IGNORECASE)
NOT_COUNTED = re.compile(r"niet\b[^.;]{0,40}\bmee\b|telde[^.;]{0,60}niet|\bniet\b\s*[.;]|; dan niet"
                         r"|2007\)? niet|geobjectiveerd", re.IGNORECASE)
BOTH_TEXTS = re.compile(r"niet eenduidig|tekst voor zorgverleners|startpagina|beide teksten|"
                        r"twee teksten", re.IGNORECASE)
# what both 2007 texts say: a loss seen only with a very sensitive test or a blood test
COMMON_GROUND = re.compile(r"(heel gevoelige|serum-hCG|bloedtest|hCG-bepaling in het bloed)",
                           re.IGNORECASE)


def one_sided_old_nvog(text: str) -> list[str]:
    found = []
    for block in blocks(text):
        if (OLD_NVOG.search(block) and HCG_ONLY.search(block) and NOT_COUNTED.search(block)
                and not BOTH_TEXTS.search(block) and not COMMON_GROUND.search(block)):
            found.append(block[:200])
    return found


def test_the_reader_finds_a_one_sided_2007_definition():
    assert one_sided_old_nvog("Telt een positieve test mee? De Europese richtlijn telt dat mee. "
                              "De oudere Nederlandse richtlijn niet.")
    assert one_sided_old_nvog("De oude NVOG-richtlijn (2007) telde een biochemische zwangerschap "
                              "niet mee {cite:p}`nvog2007`.")
    assert not one_sided_old_nvog("De oude NVOG-richtlijn (2007) is niet eenduidig: de tekst voor "
                                  "zorgverleners telt een biochemische zwangerschap niet mee.")
    assert not one_sided_old_nvog("De oudere Nederlandse richtlijn telt een verlies niet mee als "
                                  "alleen een bloedtest of een heel gevoelige test het liet zien.")


def test_no_page_teaches_one_of_the_two_2007_texts_as_the_whole_answer():
    found = [f"{where}: {block}" for where, text in texts() for block in one_sided_old_nvog(text)]
    assert not found, ("de twee NVOG-teksten van 2007 verschillen over een verlies met alleen een "
                       "positieve test; noem beide, of zeg alleen wat beide zeggen:\n"
                       + "\n".join(found))


def test_the_two_2007_passages_do_differ_as_the_course_says():
    professional = normalise((EXCERPTS / "nvog2007.md").read_text(encoding="utf-8"))
    patients = normalise((EXCERPTS / "nvogherhaaldstart.md").read_text(encoding="utf-8"))
    assert "geobjectiveerde miskramen" in professional
    assert "biochemische zwangerschap" in professional
    assert "op zijn minst een zwangerschapstest" in patients
    assert "heel gevoelige zwangerschapstest of met een serum-HCG-bepaling" in patients


def keyed(path, qid: str) -> str:
    text = path.read_text(encoding="utf-8")
    start = text.index(f":id: {qid}\n")
    block = text[start:text.index("\n```", start)]
    return normalise(block.split("- [x] ")[1].split("\n- [")[0])


def test_glossary_deel2_and_the_questions_give_the_same_answer_on_the_2007_definition():
    glossary = normalise(GLOSSARY.read_text(encoding="utf-8"))
    entry = glossary[glossary.index("term: Biochemische zwangerschap"):][:1200]
    deel2 = normalise((BOOK / "deel2" / "herhaalde-miskramen.md").read_text(encoding="utf-8"))
    places = {
        "begrippen (Biochemische zwangerschap)": entry,
        "deel2 verdieping": deel2[deel2.index("**Definitie.**"):][:1200],
        "deel2 casus": deel2[deel2.index("**De definities.**"):][:1200],
        "vraag herhaalde-miskramen-definitie":
            keyed(BOOK / "toetsvragen" / "herhaalde-miskramen.md", "herhaalde-miskramen-definitie"),
        "vraag volgende-zwangerschap-definitie-herhaald":
            keyed(BOOK / "toetsvragen" / "volgende-zwangerschap.md",
                  "volgende-zwangerschap-definitie-herhaald"),
    }
    for where, text in places.items():
        assert "niet eenduidig" in text, where
        assert "zorgverleners" in text and re.search(r"zwangerschapstest\"? genoeg", text), where
    # the public answer says only what both texts say
    public = deel2[deel2.index("## Wanneer heet het"):deel2.index("## Vinden ze")]
    assert COMMON_GROUND.search(public) and "niet precies hetzelfde" in public


# --- M3: what a study measured ------------------------------------------------------------------

NOT_MEASURED = re.compile(r"\bmat(en)? niet\b|\bniet gemeten\b|\bmat(en)? (geen|\w+, niet)\b"
                          r"|\w+ mat, niet\b|zonder (zwangerschaps)?uitkomst\b", re.IGNORECASE)
SAYS_NOT_MEASURED = re.compile(r"not (measured|assessed|recorded|reported|collected)|"
                               r"did not (measure|assess|record|report)|niet gemeten",
                               re.IGNORECASE)


def sources_of(block: str) -> set[str]:
    facts = registry()
    keys = {key.strip() for group in CITATION.findall(block) for key in group.split(",")}
    keys |= {facts[fid].source for fid in FACT.findall(block) if fid in facts}
    return keys


def passage(key: str) -> str:
    path = EXCERPTS / f"{key}.md"
    return path.read_text(encoding="utf-8") if path.exists() else ""


STUDY = re.compile(r"studie|trial|review|onderzoek|controlegroep|\{cite:|\{fact\}", re.IGNORECASE)


def unsupported_measurement_claims(text: str) -> list[str]:
    found = []
    for block in blocks(text):
        if (NOT_MEASURED.search(block) and STUDY.search(block)
                and not any(SAYS_NOT_MEASURED.search(passage(key))
                            for key in sources_of(block))):
            found.append(block[:200])
    return found


def test_the_reader_finds_a_claim_about_what_a_study_did_not_measure():
    assert unsupported_measurement_claims(
        "Een haalbaarheidsstudie met {fact}`betts-deelnemers`; die mat niet of de zwangerschap "
        "doorging {cite:p}`betts2016`.")
    assert unsupported_measurement_claims("De enige trial mat klachten, niet of de zwangerschap "
                                          "doorging.")
    assert not unsupported_measurement_claims("Ze heeft haar temperatuur niet gemeten.")
    assert not unsupported_measurement_claims(
        "Een haalbaarheidsstudie, niet opgezet om te laten zien of de zwangerschap doorging; wat "
        "ze rapporteerde, waren minder klachten {cite:p}`betts2016`.")


def test_a_claim_about_what_a_study_did_not_measure_stands_in_its_stored_passage():
    found = [f"{where}: {block}" for where, text in texts()
             for block in unsupported_measurement_claims(text)]
    assert not found, ("wat een studie niet mat, moet in haar opgeslagen passage staan; schrijf "
                       "anders wat ze rapporteerde en waarvoor ze was opgezet:\n"
                       + "\n".join(found))
