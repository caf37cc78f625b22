"""The facts registry: loading validates every record and names record and field."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
import yaml

from miskraam.facts import FactError, load_facts, parse_facts, registry

from .conftest import DATA, numbers_in, passage_of, size_stated, study_sizes

GOOD = {
    "id": "voorbeeld-getal",
    "label": "Een voorbeeld",
    "value": 20,
    "unit": "procent",
    "wording": "ongeveer 20%",
    "source": "informatieblad",
    "quote": "Bij ongeveer 20% van alle zwangerschappen",
    "meaning": "Alleen een voorbeeld.",
}


def with_changes(**changes):
    record = copy.deepcopy(GOOD)
    for key, value in changes.items():
        if value is ...:
            record.pop(key)
        else:
            record[key] = value
    return [record]


def test_a_good_record_loads_with_its_values():
    facts = parse_facts(with_changes())
    assert facts["voorbeeld-getal"].value == 20
    assert facts["voorbeeld-getal"].display_value() == "20%"


def test_one_week_is_singular_in_the_appendix():
    """Kerngetallen showed "1 weken" (a reader's review, December 2026)."""
    facts = parse_facts(with_changes(value=1, unit="weken", wording="1 week",
                                     quote="Wacht 1 week af."))
    assert facts["voorbeeld-getal"].display_value() == "1 week"
    facts = parse_facts(with_changes(value=2, unit="weken", wording="2 weken",
                                     quote="Wacht 2 weken af."))
    assert facts["voorbeeld-getal"].display_value() == "2 weken"


def test_a_range_record_loads():
    facts = parse_facts(with_changes(value=..., low=10, high=13,
                                     wording="ongeveer 10 tot 13 op de 100 (10-13%)",
                                     quote="De kans is 10-13%."))
    assert facts["voorbeeld-getal"].numbers() == (10, 13)
    assert facts["voorbeeld-getal"].display_value() == "10-13%"
    assert facts["voorbeeld-getal"].per_100() == 11.5


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"quote": ...}, "quote", "ontbreekt"),
        ({"meaning": ...}, "meaning", "ontbreekt"),
        ({"quote": "   "}, "quote", "leeg"),
        ({"wording": ""}, "wording", "leeg"),
        ({"colour": "rood"}, "colour", "onbekend veld"),
        ({"value": 120}, "value", "buiten het bereik"),
        ({"value": -1}, "value", "buiten het bereik"),
        ({"value": "twintig"}, "value", "geen getal"),
        ({"unit": "liter"}, "unit", "onbekende eenheid"),
        ({"value": ..., "low": 13, "high": 10}, "low", "groter dan"),
        ({"value": ..., "low": 10}, "high", "ontbreekt"),
        ({"low": 10, "high": 12}, "value", "óf 'value'"),
        ({"id": "Geen Goed Id"}, "id", "kleine letters"),
        ({"comparison": "ongeveer"}, "comparison", "kies '<' of '>'"),
        ({"certainty": "H"}, "certainty", "alleen voor feiten uit de literatuur"),
        ({"source": "tong2008"}, "certainty", "zekerheid 'H' of 'M'"),
        ({"source": "tong2008", "certainty": "X"}, "certainty", "zekerheid 'H' of 'M'"),
    ],
)
def test_a_bad_record_is_rejected_naming_record_and_field(changes, field, words):
    with pytest.raises(FactError) as error:
        parse_facts(with_changes(**changes))
    message = str(error.value)
    assert f"veld '{field}'" in message
    assert words in message
    name = changes.get("id", GOOD["id"])
    assert name in message


@pytest.mark.parametrize("changes", [
    {"wording": "ongeveer 1 op de 5 zwangerschappen (20%)"},
    {"wording": "20 procent"},
    {"wording": "ongeveer twintig procent"},
    {"value": 19.4, "wording": "ongeveer 1 op de 5 (19,4%)", "quote": "in 19.4% of them"},
    {"value": 50, "wording": "ongeveer de helft (50%)", "quote": "bij ongeveer de helft",
     "quote_in_words": "de helft"},
    {"value": ..., "low": 1, "high": 2, "unit": "weken", "wording": "1 tot 2 weken",
     "quote": "De eerste één tot twee weken", "quote_in_words": "één tot twee"},
    {"value": ..., "low": 5, "high": 10, "unit": "minuten", "wording": "5 tot 10 minuten",
     "quote": "De ingreep duurt 5 à 10 minuten"},
    {"value": 2, "unit": "maandverbanden-per-uur", "comparison": ">",
     "wording": "meer dan 2 maandverbanden per uur",
     "quote": "meer dan 2 maandverbanden per uur doordrenkt"},
    {"value": 38, "unit": "graden-celsius", "comparison": ">", "wording": "boven de 38 °C",
     "quote": "temperatuur boven de 38 graden rectaal"},
    {"value": 3, "unit": "aantal", "wording": "drie", "quote": "op drie manieren",
     "quote_in_words": "drie"},
])
def test_wording_and_quote_that_state_the_value_load(changes):
    parse_facts(with_changes(**changes))


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        # the wording names another number than the value
        ({"wording": "ongeveer 1 op de 4 zwangerschappen (20%)"}, "wording", "past niet"),
        ({"wording": "ongeveer 1 op de 5 zwangerschappen (25%)"}, "wording", "past niet"),
        ({"wording": "ongeveer 30%"}, "wording", "past niet"),
        ({"wording": "drie op de tien"}, "wording", "past niet"),
        ({"wording": "de helft"}, "wording", "past niet bij de waarde 20%"),
        ({"wording": "ongeveer een vijfde"}, "wording", "noemt het getal 20 niet"),
        ({"value": 1.5, "wording": "1.5 op de 100", "quote": "1,5%"}, "wording", "komma"),
        ({"value": 19.4, "wording": "1 op de 5 (19,4%)", "quote": "19.4%"}, "wording",
         "schrijf er 'ongeveer' bij"),
        ({"value": ..., "low": 10, "high": 13, "wording": "10 tot 15 op de 100",
          "quote": "10-13%"}, "wording", "past niet"),
        ({"value": 0.7, "comparison": "<", "wording": "0,7 op de 100",
          "quote": "under 0.7%"}, "wording", "minder dan"),
        ({"unit": "weken", "wording": "1 op de 5", "quote": "20 weken"}, "wording",
         "geen procent"),
        # the quote does not state the value, or not with its unit
        ({"quote": "Bij ongeveer 30% van alle zwangerschappen"}, "quote", "noemt de waarde"),
        ({"quote": "in de eerste 20 weken"}, "quote", "noemt de waarde 20%"),
        ({"value": 0.7, "comparison": "<", "wording": "minder dan 0,7 op de 100",
          "quote": "0.7% from 9 weeks"}, "quote", "noemt de waarde"),
        ({"value": ..., "low": 10, "high": 13, "wording": "10 tot 13 op de 100",
          "quote": "10-15%"}, "quote", "noemt de waarde"),
        # the named exemption must be in the quote, mean the value, and be needed
        ({"quote_in_words": "de helft"}, "quote_in_words", "staat niet in het citaat"),
        ({"quote": "bij de helft", "quote_in_words": "de helft"}, "quote_in_words",
         "past niet bij de waarde 20%"),
        ({"quote": "twintig, 20%", "quote_in_words": "twintig"}, "quote_in_words",
         "overbodig"),
    ],
)
def test_a_number_that_disagrees_with_the_value_is_rejected(changes, field, words):
    with pytest.raises(FactError) as error:
        parse_facts(with_changes(**changes))
    message = str(error.value)
    assert f"feit 'voorbeeld-getal', veld '{field}'" in message
    assert words in message


def test_a_bound_shows_in_the_figure():
    facts = parse_facts(with_changes(value=0.7, comparison="<", source="tong2008",
                                     certainty="M", wording="minder dan 0,7 op de 100",
                                     quote="under 0.7% from 9 weeks"))
    assert facts["voorbeeld-getal"].display_value() == "<0,7%"
    assert "matig" in facts["voorbeeld-getal"].certainty_text()


def test_a_duplicate_id_is_rejected():
    with pytest.raises(FactError, match="komt twee keer voor"):
        parse_facts(with_changes() + with_changes())


def test_a_broken_file_gives_a_clear_message(tmp_path):
    path = tmp_path / "facts.yml"
    path.write_text("- id: [niet afgesloten\n", encoding="utf-8")
    with pytest.raises(FactError, match="geen geldige YAML"):
        load_facts(path)


def test_the_course_registry_passes_its_own_checks():
    """Every record's wording and quote agree with its value (a FactError otherwise)."""
    load_facts(DATA / "facts.yml")


def _registry_with(tmp_path, fact_id, **changes):
    """A copy of the course registry with one record changed, as an author would edit it."""
    records = yaml.safe_load((DATA / "facts.yml").read_text(encoding="utf-8"))
    (record,) = [r for r in records if r["id"] == fact_id]
    record.update(changes)
    path = tmp_path / "facts.yml"
    path.write_text(yaml.safe_dump(records, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(("fact_id", "field", "new"), [
    ("tong-risico-8-weken", "value", 15),
    ("bloedverlies-16-weken", "value", 30),
    ("curettage-verklevingen", "high", 15),
    ("alarm-koorts", "value", 39),
])
def test_a_changed_value_with_old_wording_fails_naming_record_and_field(tmp_path, fact_id,
                                                                        field, new):
    """Issue 9: a value changed in one place while its wording still says the old number
    loaded without complaint."""
    old = registry()[fact_id]
    assert getattr(old, field) != new
    with pytest.raises(FactError) as error:
        load_facts(_registry_with(tmp_path, fact_id, **{field: new}))
    assert f"feit '{fact_id}', veld 'wording'" in str(error.value)


@pytest.mark.parametrize(("fact_id", "field", "new"), [
    ("tong-risico-8-weken", "value", 15),
    ("bloedverlies-16-weken", "value", 30),
    ("curettage-verklevingen", "high", 15),
    ("alarm-koorts", "value", 39),
])
def test_a_changed_value_with_new_wording_fails_on_the_old_quote(tmp_path, fact_id, field,
                                                                 new):
    """Rewording to match is not enough: the source's own words still say the old number."""
    old = registry()[fact_id]
    numbers = [new if name == field else getattr(old, name)
               for name in (("value",) if old.value is not None else ("low", "high"))]
    prefix = {"<": "minder dan ", ">": "meer dan "}.get(old.comparison, "")
    wording = prefix + " tot ".join(str(n) for n in numbers)
    with pytest.raises(FactError) as error:
        load_facts(_registry_with(tmp_path, fact_id, **{field: new, "wording": wording}))
    assert f"feit '{fact_id}', veld 'quote'" in str(error.value)


# --- a study's size in a meaning is the size the source gives ---------------------------------
# A meaning that says how big a study was ("In 7 studies met 46.313 vrouwen") says it of the
# number in its quote; the size must stand in the quote or in the passage read for the source
# (sources/literatuur/<key>.md), not in a summary of the whole review.

@pytest.mark.parametrize(("meaning", "quote", "right"), [
    ("In 7 studies met 46.313 vrouwen was het risico lager.",
     "(7 studies, 46,313 women; risk ratio [RR] = 0.82", True),
    ("In 16 studies met meer dan een miljoen vrouwen was het risico lager.",
     "(7 studies, 46,313 women; risk ratio [RR] = 0.82", False),
    ("Een meta-analyse van 21 studies met 1,85 miljoen vrouwen.",
     "We included 21 studies reporting on 1 853 017 women.", True),
    ("In een register van ruim 420.000 zwangerschappen.",
     "There were 421 201 pregnancies during the study period", True),
    ("In zeven studies kreeg 17,6% een miskraam.", "Seven studies including 1,735 women", True),
    ("Bij ongeveer 5 van de 100 vrouwen volgt toch een miskraam.", "zeer klein (5%)", True),
])
def test_the_size_reader_tells_the_quotes_size_from_another(meaning, quote, right):
    sizes = study_sizes(meaning)
    stated = all(size_stated(value, bound, numbers_in(quote)) for _, value, bound in sizes)
    assert stated == right, sizes


def test_every_study_size_in_a_meaning_is_the_one_its_source_gives():
    wrong = []
    for record in registry().values():
        read = numbers_in(record.quote) | numbers_in(passage_of(record.source) or "")
        for words, value, bound in study_sizes(record.meaning):
            if not size_stated(value, bound, read):
                wrong.append(f"{record.id}: '{words}' staat niet in het citaat of de gelezen "
                             f"passage van {record.source}")
    assert not wrong, "\n".join(wrong)



def test_every_records_study_fields_are_the_ones_its_source_gives():
    """`studies` and `participants` (rendered by `{fact}`id <studie>``) are sizes too: they
    stand in the quote or the passage read for the source."""
    wrong = []
    for record in registry().values():
        read = numbers_in(record.quote) | numbers_in(passage_of(record.source) or "")
        for field in ("studies", "participants"):
            value = getattr(record, field)
            if value is not None and not size_stated(value, "", read):
                wrong.append(f"{record.id}: veld '{field}' ({value}) staat niet in het citaat "
                             f"of de gelezen passage van {record.source}")
    assert not wrong, "\n".join(wrong)


# --- the meaning's numbers are the record's ---------------------------------------------------
# The meaning is prose like the wording: when a new study changes the value, a meaning that still
# gives the old figure or the old study size fails loading, naming record and field.

def test_a_changed_value_with_an_old_meaning_fails_naming_record_and_field(tmp_path):
    old = registry()["hooker-verklevingen"]
    assert "19,1%" in old.meaning
    path = _registry_with(tmp_path, "hooker-verklevingen", value=21.3,
                          wording="ongeveer 21 op de 100 (21,3%)",
                          quote=old.quote.replace("19.1%", "21.3%"))
    with pytest.raises(FactError) as error:
        load_facts(path)
    assert "feit 'hooker-verklevingen', veld 'meaning'" in str(error.value)
    path = _registry_with(tmp_path, "hooker-verklevingen", value=21.3,
                          wording="ongeveer 21 op de 100 (21,3%)",
                          quote=old.quote.replace("19.1%", "21.3%"),
                          meaning=old.meaning.replace("19,1%", "21,3%"))
    assert load_facts(path)["hooker-verklevingen"].value == 21.3


@pytest.mark.parametrize(("changes", "field"), [
    ({"studies": 12}, "meaning"),
    ({"participants": 1000}, "meaning"),
    ({"studies": None, "design": None, "participants": None}, "meaning"),
    ({"studies": "tien"}, "studies"),
    ({"participants": 0}, "participants"),
    ({"design": "RCT's"}, "design"),
])
def test_a_study_size_in_the_meaning_is_the_records(tmp_path, changes, field):
    records = yaml.safe_load((DATA / "facts.yml").read_text(encoding="utf-8"))
    (record,) = [r for r in records if r["id"] == "hooker-verklevingen"]
    for name, value in changes.items():
        if value is None:
            record.pop(name, None)
        else:
            record[name] = value
    with pytest.raises(FactError) as error:
        parse_facts(records)
    assert f"feit 'hooker-verklevingen', veld '{field}'" in str(error.value)


def test_a_design_or_a_number_of_women_needs_a_count_of_studies(tmp_path):
    records = yaml.safe_load((DATA / "facts.yml").read_text(encoding="utf-8"))
    (record,) = [r for r in records if r["id"] == "hooker-verklevingen"]
    del record["studies"]
    with pytest.raises(FactError, match="veld 'studies': ontbreekt"):
        parse_facts(records)


def test_the_study_reads_as_dutch():
    from miskraam import studysize

    assert studysize.text(10, "prospectieve", 912) == "tien prospectieve studies met 912 vrouwen"
    assert studysize.text(7, None, 46313) == "zeven studies met 46.313 vrouwen"
    assert studysize.text(1, None, None) == "één studie"
    assert studysize.text(105, None, None) == "105 studies"


# --- the leaflet's 7 weeks is when the heartbeat shows, not when the scan is done ---------------
# The leaflet: "Vanaf 7 weken is met de echo te zien of het hartje klopt"; a scan is offered from 6
# weeks (NVOG, NHG). A clause that gives the 7 weeks with a scan says it of the heartbeat.
SEVEN_WEEKS = "{fact}`hartactiviteit-vanaf-7-weken`"


def scan_at_seven_weeks(text: str) -> list[str]:
    clauses = []
    for paragraph in re.split(r"\n\s*\n|\n(?=\s*(?:[-*+]|\d+\.)\s)", text):
        for clause in re.split(r"(?<=[.!?;])\s+", " ".join(paragraph.split())):
            words = re.sub(r"\{fact\}`[^`]*`", " ", clause)
            if (SEVEN_WEEKS in clause and re.search(r"\becho", words, re.IGNORECASE)
                    and not re.search(r"hart|klop", words, re.IGNORECASE)):
                clauses.append(clause)
    return clauses


def test_the_reader_tells_the_heartbeat_from_the_scan():
    assert scan_at_seven_weeks(f"Echo vanaf {SEVEN_WEEKS}, doptone na 12 weken.")
    assert not scan_at_seven_weeks(f"Vanaf {SEVEN_WEEKS} is met de echo te zien of het hartje "
                                   "klopt.")


def test_the_seven_weeks_of_the_leaflet_are_about_the_heartbeat():
    root = Path(__file__).resolve().parent.parent
    found = []
    for path in sorted([*root.glob("book/**/*.md"), *DATA.glob("*.yml")]):
        found += [f"{path.relative_to(root)}: {clause}"
                  for clause in scan_at_seven_weeks(path.read_text(encoding="utf-8"))]
    assert not found, ("het informatieblad noemt 7 weken voor het zien van het hartje; een echo "
                       "wordt vanaf 6 weken aangeboden:\n" + "\n".join(found))


# --- a meaning that says to call gives the alarm signs' level ----------------------------------
# The appendix shows each record's meaning as plain text, so {alarmzin} cannot stand there. When a
# meaning tells the reader to call, it says so at a level of book/data/alarmsignalen.yml: at once
# ("Bel dan meteen …", the file's actie_bel) or 112, never a bare "Bel dan".
def calls_without_level(meaning: str) -> list[str]:
    return [sentence for sentence in re.split(r"(?<=[.!?])\s+", meaning)
            if re.search(r"\bbel\b", sentence, re.IGNORECASE)
            and not re.search(r"\bmeteen\b|\b112\b", sentence)]


def test_the_reader_finds_a_call_without_its_level():
    assert calls_without_level("Wordt het meer, of blijft het langer? Bel dan.")
    assert not calls_without_level("Wordt het meer? Bel dan meteen je verloskundige.")
    assert not calls_without_level("Leeftijd is de belangrijkste bekende risicofactor.")


def test_a_meaning_that_says_to_call_gives_the_alarm_level():
    from miskraam.alarm import alarm_signs

    at_once = alarm_signs().texts["actie_bel"]
    assert "meteen" in at_once  # the level this test holds the meanings to
    wrong = [f"{record.id}: {sentence}" for record in registry().values()
             for sentence in calls_without_level(record.meaning)]
    assert not wrong, (f"zeg bij een signaal om te bellen het niveau: '{at_once}' of 112:\n"
                       + "\n".join(wrong))
