"""The shape of every data file's records (fields, types, allowed values), checked on load:
each mistake is one Dutch message naming the record and the field. The shapes are JSON
Schemas beside the loaders (`miskraam/shapes.py` turns jsonschema's errors into Dutch); these
cases held for the hand-written checks before and must hold for the schemas. The facts
registry's own cases are in test_facts.py."""

from __future__ import annotations

import copy

import pytest
import yaml

from miskraam import data
from miskraam.alarm import AlarmError, parse_alarm_signs
from miskraam.facts import FactError, parse_facts
from miskraam.glossary import GlossaryError, parse_glossary
from miskraam.statements import StatementError, parse_statements

from .conftest import DATA


def raises(error_type, call, *words):
    with pytest.raises(error_type) as error:
        call()
    message = str(error.value)
    for word in words:
        assert word in message, message
    return message


# --- the glossary -------------------------------------------------------------------------

TERM = {"term": "Echo", "kort": "een foto met geluidsgolven", "publiek": "Uitleg."}


def glossary_with(**changes):
    record = {**TERM, **changes}
    return [{key: value for key, value in record.items() if value is not ...}]


@pytest.mark.parametrize(("changes", "words"), [
    ({"term": ...}, ("begrip '1', veld 'term'", "ontbreekt of is geen tekst")),
    ({"term": "  "}, ("veld 'term'", "ontbreekt of is geen tekst")),
    ({"publiek": 3}, ("begrip 'Echo', veld 'publiek'", "ontbreekt of is geen tekst")),
    ({"kort": ..., "publiek": ...}, ("begrip 'Echo', veld 'publiek'", "ontbreekt")),
    ({"kort": "", "publiek": ...}, ("veld 'kort'", "ontbreekt of is geen tekst")),
    ({"professioneel": ""}, ("veld 'professioneel'", "ontbreekt of is geen tekst")),
    ({"ook": "echografie"}, ("veld 'ook'", "verwacht een lijst met andere namen")),
    ({"ook": ["echografie", ""]}, ("veld 'ook'", "verwacht een lijst met andere namen")),
    ({"kleur": "rood"}, ("begrip 'Echo', veld 'kleur'", "onbekend veld")),
    ({"kort": "Met hoofdletter"}, ("veld 'kort'", "zonder hoofdletter en punt")),
])
def test_a_glossary_entry_of_the_wrong_shape_names_term_and_field(changes, words):
    raises(GlossaryError, lambda: parse_glossary(glossary_with(**changes)), *words)


def test_a_glossary_that_is_not_a_list_of_entries_says_so():
    raises(GlossaryError, lambda: parse_glossary({"term": "x"}), "verwacht een lijst van begrippen",
           data.where(data.GLOSSARY))
    raises(GlossaryError, lambda: parse_glossary([]), "verwacht een lijst van begrippen")
    raises(GlossaryError, lambda: parse_glossary([TERM, "Echo"]),
           "begrip 2: is geen verzameling velden")


def test_a_misspelt_glossary_field_suggests_the_right_one():
    raises(GlossaryError, lambda: parse_glossary(glossary_with(publik="x")),
           "veld 'publik': onbekend veld", "bedoel je 'publiek'?")


# --- the statements -----------------------------------------------------------------------

STATEMENT = {"id": "een-uitspraak", "onderwerp": "x", "publiek": "x", "professioneel": "x",
             "bronnen": ["informatieblad"], "herken": ["x"]}


def statements_with(**changes):
    record = {**STATEMENT, **changes}
    return [{key: value for key, value in record.items() if value is not ...}]


@pytest.mark.parametrize(("changes", "words"), [
    ({"onderwerp": ...}, ("uitspraak 'een-uitspraak', veld 'onderwerp'", "ontbreekt")),
    ({"id": ...}, ("uitspraak '1', veld 'id'", "ontbreekt")),
    ({"id": "Een Uitspraak"}, ("veld 'id'", "gebruik kleine letters en streepjes")),
    ({"id": 12}, ("veld 'id'", "gebruik kleine letters en streepjes")),
    ({"publiek": " "}, ("veld 'publiek'", "ontbreekt of is geen tekst")),
    ({"professioneel": None}, ("veld 'professioneel'", "ontbreekt of is geen tekst")),
    ({"bronnen": "informatieblad"}, ("veld 'bronnen'", "verwacht een lijst met tekst")),
    ({"herken": ["x", 3]}, ("veld 'herken'", "verwacht een lijst met tekst")),
    ({"thuis": [""]}, ("veld 'thuis'", "verwacht een lijst met tekst")),
    ({"bronnen": []}, ("veld 'bronnen'", "noem minstens één bron")),
    ({"herken": []}, ("veld 'herken'", "minstens één patroon")),
    ({"verschil": "deel3/x"}, ("veld 'verschil'", "een pagina, zoals book/")),
    ({"bron": ["x"]}, ("uitspraak 'een-uitspraak', veld 'bron'", "onbekend veld")),
])
def test_a_statement_of_the_wrong_shape_names_statement_and_field(changes, words):
    raises(StatementError, lambda: parse_statements(statements_with(**changes)), *words)


def test_statements_that_are_not_a_list_say_so():
    raises(StatementError, lambda: parse_statements({"id": "x"}),
           "verwacht een lijst van uitspraken", data.where(data.STATEMENTS))
    raises(StatementError, lambda: parse_statements([STATEMENT, "x"]),
           "uitspraak 2: is geen verzameling velden")


def test_a_misspelt_statement_field_suggests_the_right_one():
    raises(StatementError, lambda: parse_statements(statements_with(bronen=["x"])),
           "veld 'bronen': onbekend veld", "bedoel je 'bronnen'?")


# --- the alarm signs ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def alarm_file() -> dict:
    return yaml.safe_load((DATA / data.ALARM_SIGNS).read_text(encoding="utf-8"))


def sign_changed(content: dict, sign_id: str, **changes) -> dict:
    content = copy.deepcopy(content)
    for sign in content["signalen"]:
        if sign["id"] == sign_id:
            sign.update(changes)
            for key in [k for k, v in sign.items() if v is ...]:
                del sign[key]
    return content


@pytest.mark.parametrize(("sign", "changes", "words"), [
    ("flauw", {"kleur": "rood"}, ("signaal 'flauw', veld 'kleur'", "onbekend veld")),
    ("flauw", {"reason": ...}, ("signaal 'flauw', veld 'reason'", "ontbreekt of is geen tekst")),
    ("flauw", {"box": ""}, ("veld 'box'", "ontbreekt of is geen tekst")),
    ("flauw", {"notice": ...}, ("signaal 'flauw', veld 'notice'", "ontbreekt of is geen tekst")),
    ("ongerust", {"vraag": ""}, ("veld 'vraag'", "ontbreekt of is geen tekst")),
    ("flauw", {"level": "meteen"}, ("veld 'level'", "kies '112' of 'bel' (niet 'meteen')")),
    ("flauw", {"input": "knop"}, ("veld 'input'", "kies uit vinkje, maandverbanden")),
    ("flauw", {"label": ...}, ("signaal 'flauw', veld 'label'", "ontbreekt of is geen tekst")),
    ("flauw", {"fact": "koorts-grens"}, ("veld 'fact'", "alleen voor maandverbanden of "
                                                        "temperatuur")),
    ("flauw", {"samen": [["a", "b"]]}, ("veld 'samen'", "alleen bij input 'samen'")),
    ("duizelig-klam", {"samen": [["duizelig"]]}, ("veld 'samen'", "twee of meer signalen")),
    ("duizelig-klam", {"samen": "duizelig"}, ("veld 'samen'", "lijst van lijsten")),
    ("koorts", {"at_limit": ...}, ("signaal 'koorts', veld 'at_limit'", "ontbreekt")),
    ("heel-erge-pijn", {"pain": "vreselijk"}, ("veld 'pain'", "kies een pijnniveau")),
    ("flauw", {"herken": "(kapot"}, ("veld 'herken'", "geen geldige reguliere expressie")),
])
def test_an_alarm_sign_of_the_wrong_shape_names_sign_and_field(alarm_file, sign, changes,
                                                                words):
    raises(AlarmError, lambda: parse_alarm_signs(sign_changed(alarm_file, sign, **changes)),
           *words)


def test_the_alarm_file_around_the_signs_has_its_shape(alarm_file):
    def without(key):
        return {k: v for k, v in alarm_file.items() if k != key}
    raises(AlarmError, lambda: parse_alarm_signs(without("signalen")),
           "verwacht de lijsten 'pijn' en 'signalen'")
    raises(AlarmError, lambda: parse_alarm_signs({**alarm_file, "signalen": []}),
           "verwacht de lijsten 'pijn' en 'signalen'")
    raises(AlarmError, lambda: parse_alarm_signs(without("teksten")), "verwacht 'teksten'")
    texts = {**alarm_file["teksten"], "kop_911": "x"}
    raises(AlarmError, lambda: parse_alarm_signs({**alarm_file, "teksten": texts}),
           "teksten, veld 'kop_911': onbekend veld")
    texts = {k: v for k, v in alarm_file["teksten"].items() if k != "na_112"}
    raises(AlarmError, lambda: parse_alarm_signs({**alarm_file, "teksten": texts}),
           "teksten, veld 'na_112': ontbreekt of is geen tekst")
    pain = [*alarm_file["pijn"], {"id": "erg"}]
    raises(AlarmError, lambda: parse_alarm_signs({**alarm_file, "pijn": pain}),
           "pijnniveau", "geef 'id' en 'label'")
    groups = {"bloed": {"kop": "x", "uitleg": "y", "kleur": "z"}}
    raises(AlarmError, lambda: parse_alarm_signs({**alarm_file, "groepen": groups}),
           "groep 'bloed', veld 'kleur': onbekend veld")
    groups = {"bloed": {"kop": "x"}}
    raises(AlarmError, lambda: parse_alarm_signs({**alarm_file, "groepen": groups}),
           "groep 'bloed', veld 'uitleg': ontbreekt of is geen tekst")
    raises(AlarmError, lambda: parse_alarm_signs({**alarm_file, "groepen": ["bloed"]}),
           "'groepen': verwacht per groep de velden kop, uitleg")


# --- the facts registry: what test_facts.py does not already hold --------------------------

FACT = {"id": "voorbeeld-getal", "label": "Een voorbeeld", "value": 20, "unit": "procent",
        "wording": "ongeveer 20%", "source": "informatieblad",
        "quote": "Bij ongeveer 20% van alle zwangerschappen", "meaning": "Alleen een voorbeeld."}


@pytest.mark.parametrize(("records", "words"), [
    ({"id": "x"}, ("het register moet een niet-lege lijst van feiten zijn",)),
    ([], ("het register moet een niet-lege lijst van feiten zijn",)),
    ([FACT, "x"], ("record 2: is geen verzameling velden maar str",)),
    ([{**FACT, "meaning": None}], ("feit 'voorbeeld-getal', veld 'meaning': ontbreekt",)),
    ([{**FACT, "label": 3}], ("veld 'label': is leeg of geen tekst",)),
    ([{k: v for k, v in FACT.items() if k != "id"}], ("feit 'record 1', veld 'id': ontbreekt",)),
    ([{**FACT, "value": True}], ("veld 'value': 'True' is geen getal",)),
    ([{**FACT, "unit": "liter"}], ("veld 'unit': onbekende eenheid 'liter' (toegestaan: procent",)),
    ([{**FACT, "kleur": "rood"}], ("veld 'kleur': onbekend veld (toegestaan: id, label",)),
    ([{**FACT, "meanig": "x"}], ("veld 'meanig': onbekend veld", "bedoel je 'meaning'?")),
])
def test_a_registry_of_the_wrong_shape_names_record_and_field(records, words):
    raises(FactError, lambda: parse_facts(records), *words)
