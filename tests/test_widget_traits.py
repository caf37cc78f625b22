"""Every widget field rejects a value of the wrong kind in Dutch, naming the field (issue 9).

A notebook user who types ``widget.temperature = "warm"`` or ``chooser.options = "afwachten"``
meets the error message, so it must be Dutch and say which field is wrong, never traitlets'
English ("The 'x' trait of a Y instance expected a float, not the str 'warm'"), and a wrong
value must never be silently accepted (a bool for a number, NaN, infinity, text for a list).
"""

from __future__ import annotations

import math

import anywidget
import pytest
import traitlets

from miskraam import widgets


def make_oefening():
    return widgets.Oefening(question="Hoeveel?", answer=1.35, tolerance=0.01,
                            explanation="Zo reken je het uit.")


#: how a notebook user meets each widget, every field filled in
FACTORIES = {cls.__name__: cls for cls in widgets.ALL}
FACTORIES["WanneerBellen"] = lambda: widgets.WanneerBellen(pads_per_hour=3, temperature=38.5)
FACTORIES["Oefening"] = make_oefening

#: the Dutch name of each field, as the message must say it
FIELD_NAMES = {
    "facts": "feitenregister", "view": "Weergave", "day": "Aantal dagen",
    "total": "Aantal zwangerschappen", "situation": "Situatie", "regimen": "Medicijnen",
    "grid": "Keuzehulp", "options": "Mogelijkheden", "questions": "Vragen",
    "alarm": "Alarmsignalen", "limits": "Grenzen",
    "pads_per_hour": "Doorweekte maandverbanden per uur", "temperature": "Temperatuur",
    "pain": "Pijn", "checked": "Aangevinkt",
    "question": "Vraag", "answer": "Antwoord", "tolerance": "Marge", "unit": "Eenheid",
    "explanation": "Uitleg", "attempt": "Jouw antwoord", "whole": "Heel getal",
}

#: values of every kind a user might type by mistake
WRONG_VALUES = {
    "tekst": "warm", "ja": True, "nee": False, "NaN": math.nan, "oneindig": math.inf,
    "min-oneindig": -math.inf, "niets": None, "lijst": ["afwachten"], "woordenboek": {"a": 1},
    "getal": 7, "kommagetal": 2.5,
}
ENGLISH = ("trait", "expected", "instance", "not the", " a float", " an int", "must be")


def kind(value) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number" if math.isfinite(value) else "not finite"
    return type(value).__name__


def public_fields(cls) -> list[str]:
    """The fields a course widget adds to anywidget's own (layout, tooltip, …)."""
    inherited = set(anywidget.AnyWidget.class_trait_names())
    return sorted(name for name in cls.class_trait_names()
                  if name not in inherited and not name.startswith("_"))


def cases():
    for name, factory in FACTORIES.items():
        cls = widgets.Oefening if name == "Oefening" else getattr(widgets, name)
        for field in public_fields(cls):
            yield pytest.param(factory, field, id=f"{name}.{field}")


@pytest.mark.parametrize(("factory", "field"), list(cases()))
def test_wrong_kind_of_value_is_refused_in_dutch(factory, field):
    widget = factory()
    assert field in FIELD_NAMES, f"geef het veld '{field}' een Nederlandse naam in deze test"
    good = getattr(widget, field)
    trait = widget.traits()[field]
    tried = 0
    for label, value in WRONG_VALUES.items():
        if kind(value) == kind(good) or (value is None and trait.allow_none):
            continue  # the right kind for this field
        tried += 1
        with pytest.raises(traitlets.TraitError) as error:
            setattr(widget, field, value)
        message = str(error.value)
        assert FIELD_NAMES[field] in message, f"{label}: {message}"
        assert not any(word in message for word in ENGLISH), f"{label}: {message}"
        assert getattr(widget, field) == good  # the old value stays
    assert tried >= 5


@pytest.mark.parametrize(("factory", "field", "value", "words"), [
    (make_oefening, "answer", math.nan, "Antwoord"),
    (make_oefening, "tolerance", math.inf, "Marge"),
    (make_oefening, "tolerance", -0.1, "Marge: kies een getal van 0"),
    (lambda: widgets.WanneerBellen(), "pads_per_hour", True, "Doorweekte maandverbanden"),
    (lambda: widgets.Keuzehulp(), "options", "afwachten", "Mogelijkheden"),
    (lambda: widgets.Afwachten(), "day", 3.5, "Aantal dagen: vul een heel getal in"),
])
def test_values_that_slipped_through_are_refused(factory, field, value, words):
    widget = factory()
    with pytest.raises(traitlets.TraitError) as error:
        setattr(widget, field, value)
    assert words in str(error.value)


def test_a_whole_number_exercise_needs_a_whole_answer():
    with pytest.raises(traitlets.TraitError, match="Antwoord: vul een heel getal in"):
        widgets.Oefening(question="Hoeveel vrouwen?", answer=4.5, whole=True,
                         explanation="Tel ze.")
    exercise = widgets.Oefening(question="Hoeveel vrouwen?", answer=5.0, whole=True,
                                explanation="Tel ze.")
    assert exercise.whole is True


def test_good_values_keep_working():
    assert widgets.WanneerBellen(pads_per_hour=None, temperature=None).temperature is None
    assert widgets.WanneerBellen(pads_per_hour=2.5).pads_per_hour == 2.5
    assert widgets.WanneerBellen(checked=[]).checked == []
    assert widgets.Afwachten(day=3.0).day == 3
