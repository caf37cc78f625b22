"""Widgets in Python: their state carries the registry's numbers; bad values get Dutch errors."""

from __future__ import annotations

import pytest
import traitlets

from miskraam import widgets
from miskraam.facts import registry
from miskraam.widgets.keuzehulp import grid


@pytest.mark.parametrize("widget_class", widgets.ALL, ids=lambda cls: cls.__name__)
def test_widget_state_matches_the_registry(widget_class):
    widget = widget_class()
    state = widget.get_state()
    assert state["facts"], "a widget shows numbers, so it carries registry records"
    for fact_id, payload in state["facts"].items():
        record = registry()[fact_id]
        assert (payload["value"], payload["low"], payload["high"]) == \
            (record.value, record.low, record.high)
        assert payload["wording"] == record.wording
    assert "export default" in state["_esm"]
    assert "http://" not in state["_esm"].replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in state["_esm"]


def test_widget_modules_import_nothing():
    for widget_class in (*widgets.ALL, widgets.Oefening):
        source = str(widget_class._esm)
        assert not any(line.lstrip().startswith("import ") for line in source.splitlines())
        assert "import(" not in source


def test_registry_numbers_cannot_be_overwritten():
    widget = widgets.Bloedverlies()
    with pytest.raises(traitlets.TraitError, match="feitenregister"):
        widget.facts = {"bloedverlies-16-weken": {"value": 99}}


@pytest.mark.parametrize(
    ("factory", "trait", "value", "words"),
    [
        (widgets.Bloedverlies, "total", 50, "kies 100 of 1000"),
        (widgets.Afwachten, "day", -1, "van 0 tot en met 28 dagen"),
        (widgets.Afwachten, "day", 29, "van 0 tot en met 28 dagen"),
        (widgets.Hartactiviteit, "view", "alles", "Weergave: kies uit 'informatieblad'"),
        (widgets.Hartactiviteit, "situation", "12-weken", "Situatie: kies uit"),
        (widgets.Medicijnen, "regimen", "paracetamol", "kies uit 'combinatie', 'misoprostol'"),
        (widgets.Curettage, "view", "", "je gaf ''"),
        (widgets.Keuzehulp, "options", [], "kies er minstens één"),
        (widgets.Keuzehulp, "options", ["operatie"], "onbekend: operatie"),
        (widgets.Keuzehulp, "questions", ["kosten"], "onbekend: kosten"),
        (widgets.WanneerBellen, "pads_per_hour", -1, "kies een getal van 0 tot en met 20"),
        (widgets.WanneerBellen, "temperature", 60, "60"),
        (widgets.WanneerBellen, "temperature", float("nan"), "vul een getal in"),
        (widgets.WanneerBellen, "pain", "erg", "Pijn: kies uit 'geen', 'licht', 'hevig'"),
    ],
)
def test_bad_values_are_rejected_in_dutch(factory, trait, value, words):
    widget = factory()
    with pytest.raises(traitlets.TraitError) as error:
        setattr(widget, trait, value)
    assert words in str(error.value)


def test_wanneer_bellen_rejects_text_for_a_number():
    widget = widgets.WanneerBellen()
    with pytest.raises(traitlets.TraitError):
        widget.temperature = "warm"


def test_good_values_are_kept():
    widget = widgets.WanneerBellen(pads_per_hour=3, temperature=38.5, pain="hevig")
    assert (widget.pads_per_hour, widget.temperature, widget.pain) == (3, 38.5, "hevig")
    chooser = widgets.Keuzehulp(options=["curettage", "afwachten"])
    assert chooser.options == ["afwachten", "curettage"]  # the grid's own order


def test_keuzehulp_cells_are_filled_from_the_registry():
    data = grid()
    text = " ".join(cell for q in data["questions"] for cell in q["cells"].values())
    assert "{fact:" not in text
    assert registry()["medicijnen-succes"].wording in text
    assert registry()["curettage-verklevingen"].wording in text
    assert len(data["questions"]) >= 8 and len(data["options"]) == 3




@pytest.mark.parametrize(("edit", "expected"), [
    (lambda text: text.replace("options:", "opties:", 1), "'options' ontbreekt"),
    (lambda text: text.replace("    label: Wat gebeurt er?", "    lable: Wat gebeurt er?", 1),
     "bedoel je 'label'"),
    (lambda text: text.replace("  - key: afwachten\n", "  - kee: afwachten\n", 1),
     "bedoel je 'key'"),
    (lambda text: text.replace("{fact:curettage-duur}", "{fact:curettage-duurr}", 1),
     "curettage-duurr"),
])
def test_a_misspelt_decision_aid_is_a_dutch_message_naming_the_file(tmp_path, edit, expected):
    """A maintainer's typo in keuzehulp.yml gets one Dutch sentence naming the file and what
    is wrong (a KeyError traceback before)."""
    from miskraam import data
    from miskraam.widgets.keuzehulp import _filled

    source = data.path(data.DECISION_AID).read_text(encoding="utf-8")
    broken = tmp_path / "keuzehulp.yml"
    broken.write_text(edit(source), encoding="utf-8")
    with pytest.raises(ValueError) as problem:
        _filled(broken)
    message = str(problem.value)
    assert "keuzehulp.yml" in message and expected in message, message
