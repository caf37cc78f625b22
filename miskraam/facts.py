"""The facts registry: one home for every number in the course.

Records live in ``facts.yml`` beside this module. Loading validates every record and
raises :class:`FactError` naming the record and the field, in Dutch, because the people
who edit the registry are the course's (Dutch-speaking) authors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

REGISTRY_PATH = Path(__file__).with_name("facts.yml")

#: The two course sources; any other ``source`` must be a bibliography key.
SOURCES = {
    "informatieblad": "Informatieblad (Dreigende) Miskraam (verloskundigenpraktijk)",
    "blog": "Acupunctuur bij miskramen: hulp bij zwanger blijven (blog van acupuncturisten)",
}

#: unit -> (Dutch name, lowest allowed value, highest allowed value)
UNITS: dict[str, tuple[str, float, float]] = {
    "procent": ("procent", 0, 100),
    "weken": ("weken", 0, 45),
    "dagen": ("dagen", 0, 365),
    "maanden": ("maanden", 0, 60),
    "minuten": ("minuten", 0, 24 * 60),
    "uur": ("uur", 0, 24),
    "maandverbanden-per-uur": ("maandverbanden per uur", 0, 20),
    "graden-celsius": ("graden Celsius", 30, 45),
    "aantal": ("aantal", 0, 10_000_000),
    "ratio": ("verhouding (OR/RR)", 0, 100),
}

REQUIRED = ("id", "label", "unit", "wording", "source", "quote", "meaning")
OPTIONAL = ("value", "low", "high", "topic", "comparison", "certainty")

#: ``comparison``: the figure is a bound or threshold ("<": under, ">": more than)
COMPARISONS = {"<": "minder dan", ">": "meer dan"}
#: ``certainty`` (literature records): the research file's confidence
CERTAINTIES = {
    "H": "hoog: de publicatie of richtlijn zelf is gelezen",
    "M": "matig: bekend via een bron die de publicatie samenvat",
}
SOURCE_CERTAINTY = "de bron zegt het zelf; ze noemt er geen onderzoek bij"
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class FactError(ValueError):
    """A registry record is invalid; the message names the record and the field."""


@dataclass(frozen=True)
class Fact:
    id: str
    label: str
    unit: str
    wording: str
    source: str
    quote: str
    meaning: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    topic: str | None = None
    comparison: str | None = None
    certainty: str | None = None

    @property
    def is_external(self) -> bool:
        """True for facts from the literature (a bibliography key), not from the two sources."""
        return self.source not in SOURCES

    @property
    def unit_name(self) -> str:
        return UNITS[self.unit][0]

    def numbers(self) -> tuple[float, ...]:
        return (self.value,) if self.value is not None else (self.low, self.high)

    def display_value(self) -> str:
        """The bare figure with its unit, e.g. '20%' or '5-10 minuten'."""
        text = (self.comparison or "") + "-".join(_format_number(n) for n in self.numbers())
        if self.unit == "procent":
            return f"{text}%"
        if self.unit == "graden-celsius":
            return f"{text} °C"
        if self.unit in ("aantal", "ratio"):
            return text
        return f"{text} {self.unit_name}"

    def certainty_text(self) -> str:
        """How sure the figure is, in Dutch, for the appendix."""
        if not self.is_external:
            return SOURCE_CERTAINTY
        return CERTAINTIES[self.certainty]

    def per_100(self) -> float:
        """A percentage as a natural frequency out of 100 (the midpoint of a range)."""
        if self.unit != "procent":
            raise FactError(f"feit '{self.id}', veld 'unit': is geen percentage ({self.unit})")
        return sum(self.numbers()) / len(self.numbers())


def _format_number(number: float) -> str:
    """Dutch notation: no trailing '.0', a decimal comma."""
    if float(number).is_integer():
        return str(int(number))
    return f"{number}".replace(".", ",")


def _check_record(raw: Any, position: int) -> Fact:
    if not isinstance(raw, dict):
        raise FactError(f"record {position}: is geen verzameling velden maar {type(raw).__name__}")
    name = raw.get("id") or f"record {position}"
    where = f"feit '{name}'"

    unknown = sorted(set(raw) - set(REQUIRED) - set(OPTIONAL))
    if unknown:
        raise FactError(f"{where}, veld '{unknown[0]}': onbekend veld (toegestaan: "
                        f"{', '.join(REQUIRED + OPTIONAL)})")
    for field in REQUIRED:
        if field not in raw or raw[field] is None:
            raise FactError(f"{where}, veld '{field}': ontbreekt")
        if not isinstance(raw[field], str) or not raw[field].strip():
            raise FactError(f"{where}, veld '{field}': is leeg of geen tekst")

    if not ID_PATTERN.match(raw["id"]):
        raise FactError(f"{where}, veld 'id': gebruik kleine letters, cijfers en streepjes")
    if raw["unit"] not in UNITS:
        raise FactError(f"{where}, veld 'unit': onbekende eenheid '{raw['unit']}' "
                        f"(toegestaan: {', '.join(UNITS)})")

    has_value = "value" in raw
    has_range = "low" in raw or "high" in raw
    if has_value == has_range:
        raise FactError(f"{where}, veld 'value': geef óf 'value', óf 'low' en 'high'")
    if has_range and not ("low" in raw and "high" in raw):
        missing = "high" if "low" in raw else "low"
        raise FactError(f"{where}, veld '{missing}': ontbreekt (een bereik heeft 'low' en 'high')")

    _, lowest, highest = UNITS[raw["unit"]]
    for field in ("value", "low", "high"):
        if field not in raw:
            continue
        number = raw[field]
        if isinstance(number, bool) or not isinstance(number, (int, float)):
            raise FactError(f"{where}, veld '{field}': '{number}' is geen getal")
        if not lowest <= number <= highest:
            raise FactError(f"{where}, veld '{field}': {number} ligt buiten het bereik "
                            f"{lowest}-{highest} voor eenheid '{raw['unit']}'")
    if has_range and raw["low"] > raw["high"]:
        raise FactError(f"{where}, veld 'low': {raw['low']} is groter dan 'high' ({raw['high']})")
    if "comparison" in raw and raw["comparison"] not in COMPARISONS:
        raise FactError(f"{where}, veld 'comparison': kies '<' of '>' (niet "
                        f"'{raw['comparison']}')")
    external = raw["source"] not in SOURCES
    if external and raw.get("certainty") not in CERTAINTIES:
        raise FactError(f"{where}, veld 'certainty': een feit uit de literatuur heeft "
                        "zekerheid 'H' of 'M' (onderzoeksdossier)")
    if not external and "certainty" in raw:
        raise FactError(f"{where}, veld 'certainty': alleen voor feiten uit de literatuur")

    return Fact(**{key: raw[key] for key in raw})


def parse_facts(records: Any) -> dict[str, Fact]:
    """Validate a list of raw records and return them by id."""
    if not isinstance(records, list) or not records:
        raise FactError("het register moet een niet-lege lijst van feiten zijn")
    facts: dict[str, Fact] = {}
    for position, raw in enumerate(records, start=1):
        fact = _check_record(raw, position)
        if fact.id in facts:
            raise FactError(f"feit '{fact.id}', veld 'id': komt twee keer voor")
        facts[fact.id] = fact
    return facts


def load_facts(path: Path | str = REGISTRY_PATH) -> dict[str, Fact]:
    """Read and validate a registry file."""
    path = Path(path)
    try:
        records = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise FactError(f"{path.name}: geen geldige YAML ({error})") from error
    return parse_facts(records)


@lru_cache(maxsize=1)
def registry() -> dict[str, Fact]:
    """The course's registry, loaded once per process."""
    return load_facts(REGISTRY_PATH)


def fact(fact_id: str) -> Fact:
    """One record by id, with a clear message when the id is unknown."""
    facts = registry()
    if fact_id not in facts:
        raise FactError(f"onbekend feit '{fact_id}'")
    return facts[fact_id]
