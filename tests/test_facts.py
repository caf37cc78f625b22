"""The facts registry: loading validates every record and names record and field."""

from __future__ import annotations

import copy

import pytest

from miskraam.facts import FactError, load_facts, parse_facts, registry

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


def test_a_range_record_loads():
    facts = parse_facts(with_changes(value=..., low=10, high=13))
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


def test_a_bound_shows_in_the_figure():
    facts = parse_facts(with_changes(value=0.7, comparison="<", source="tong2008",
                                     certainty="M"))
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


def test_the_course_registry_loads():
    facts = registry()
    assert len(facts) >= 18


@pytest.mark.parametrize(
    ("fact_id", "numbers", "unit"),
    [
        # The figures the foundation issue names, as the two sources state them.
        ("bloedverlies-16-weken", (20,), "procent"),
        ("bloedverlies-blijft-intact", (50,), "procent"),
        ("hartactiviteit-vanaf-7-weken", (7,), "weken"),
        ("risico-na-hartactiviteit", (5,), "procent"),
        ("doptone-vanaf-12-weken", (12,), "weken"),
        ("afwachten-binnen-week", (40,), "procent"),
        ("afwachten-binnen-3-weken", (90,), "procent"),
        ("medicijnen-succes", (80,), "procent"),
        ("curettage-duur", (5, 10), "minuten"),
        ("curettage-verklevingen", (10, 13), "procent"),
        ("alarm-maandverbanden", (2,), "maandverbanden-per-uur"),
        ("alarm-koorts", (38,), "graden-celsius"),
        ("bloedverlies-na-miskraam", (1, 2), "weken"),
        ("herstel-2-3-maanden", (2, 3), "maanden"),
    ],
)
def test_the_registry_holds_the_required_figures(fact_id, numbers, unit):
    record = registry()[fact_id]
    assert record.numbers() == numbers
    assert record.unit == unit
