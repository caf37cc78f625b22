"""The facts registry: one home for every number in the course.

Records live in ``facts.yml`` in the book's data folder (``data.py``). Loading validates
every record (its shape against ``SCHEMA`` with jsonschema, then its numbers in code) and
raises :class:`FactError` naming the record and the field, in Dutch, because the people who
edit the registry are the course's (Dutch-speaking) authors.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import bibliography, data, shapes, studysize
from .dutch import QUOTED, format_number, read_number

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
    "uur": ("uur", 0, 72),
    "maandverbanden-per-uur": ("maandverbanden per uur", 0, 20),
    "graden-celsius": ("graden Celsius", 30, 45),
    "centimeter": ("cm", 0, 100),
    "aantal": ("aantal", 0, 10_000_000),
    "ratio": ("verhouding (OR/RR)", 0, 100),
}

#: the unit after exactly one ("1 week", "1 dag")
SINGULAR = {"weken": "week", "dagen": "dag", "maanden": "maand", "minuten": "minuut"}


#: ``comparison``: the figure is a bound or threshold ("<": under, ">": more than)
COMPARISONS = {"<": "minder dan", ">": "meer dan"}
#: ``certainty`` (literature records): the research file's confidence
CERTAINTIES = {
    "H": "hoog: de publicatie (of de samenvatting van de auteurs zelf) of de richtlijn is gelezen",
    "M": "matig: bekend via een bron die de publicatie samenvat",
}
SOURCE_CERTAINTY = "de bron zegt het zelf; ze noemt er geen onderzoek bij"
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

# --- The shape of a record ------------------------------------------------------------------
# Fields, types and allowed values as a JSON Schema (checked by jsonschema, said in Dutch by
# shapes.py). A new field of a record is declared in RECORD["properties"] below (one line:
# its type and its Dutch message; in "required" too when every record must have it) and in
# the dataclass `Fact`. What depends on the number (its range per unit, low <= high, the
# wording and the quote) is checked in code after the shape.

EMPTY = "is leeg of geen tekst"


def _text(**fout) -> dict:
    """A text field: null is missing ("ontbreekt"), anything but non-blank text is `EMPTY`."""
    return {"not": {"type": "null"}, "type": "string", "pattern": r"\S",
            "fout": {"not": "ontbreekt", "*": EMPTY, **fout}}


NUMBER = {"type": "number", "fout": "'{waarde}' is geen getal"}
RECORD = {
    "type": "object",
    "fout": {"type": (None, "is geen verzameling velden maar {soort}"),
             "required": "ontbreekt",
             "additionalProperties": "onbekend veld (toegestaan: {velden})",
             "oneOf": ("value", "geef óf 'value', óf 'low' en 'high'"),
             "dependentRequired": "ontbreekt (een bereik heeft 'low' en 'high')"},
    "additionalProperties": False,
    "required": ["id", "label", "unit", "wording", "source", "quote", "meaning"],
    "properties": {
        "id": {**_text(), "allOf": [{"pattern": ID_PATTERN.pattern, "fout": (
            "gebruik kleine letters, cijfers en streepjes")}]},
        "label": _text(),
        "unit": {**_text(enum=f"onbekende eenheid '{{waarde}}' (toegestaan: {', '.join(UNITS)})"),
                 "enum": list(UNITS)},
        "wording": _text(),
        "source": _text(),
        "quote": _text(),
        "meaning": _text(),
        "value": NUMBER,
        "low": NUMBER,
        "high": NUMBER,
        "topic": _text(),
        "comparison": {"enum": list(COMPARISONS), "fout": "kies '<' of '>' (niet '{waarde}')"},
        "certainty": {},  # 'H' or 'M', for the literature only: below
        "quote_in_words": _text(),
        # a study's size and design: whole counts, a design in words (studysize.check_fields)
        "studies": {},
        "design": {},
        "participants": {},
    },
    # a figure is one value or a range
    "oneOf": [{"required": ["value"]}, {"anyOf": [{"required": ["low"]}, {"required": ["high"]}]}],
    "dependentRequired": {"low": ["high"], "high": ["low"]},
    "allOf": [{
        # how sure a figure is: only for the literature (a bibliography key as its source)
        "if": {"required": ["source"], "properties": {"source": {"enum": list(SOURCES)}}},
        "then": {"not": {"required": ["certainty"]}, "fout": {
            "not": ("certainty", "alleen voor feiten uit de literatuur")}},
        "else": {"required": ["certainty"],
                 "properties": {"certainty": {"enum": list(CERTAINTIES)}},
                 "fout": {"*": "een feit uit de literatuur heeft zekerheid 'H' of 'M' "
                               "(onderzoeksdossier)"}},
    }],
}
SCHEMA = {"type": "array", "minItems": 1, "items": RECORD,
          "fout": "het register moet een niet-lege lijst van feiten zijn"}
REQUIRED = tuple(RECORD["required"])
OPTIONAL = tuple(field for field in RECORD["properties"] if field not in REQUIRED)


class FactError(ValueError):
    """A registry record is invalid; the message names the record and the field."""


class UnknownFact(FactError):
    """An id that is not in the registry (the registry itself loaded fine)."""


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
    quote_in_words: str | None = None
    #: the study the figure comes from (studysize.py): how many studies, their design, and
    #: how many women they counted
    studies: int | None = None
    design: str | None = None
    participants: int | None = None

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
        text = (self.comparison or "") + "-".join(dutch_number(n) for n in self.numbers())
        if self.unit == "procent":
            return f"{text}%"
        if self.unit == "graden-celsius":
            return f"{text} °C"
        if self.unit in ("aantal", "ratio"):
            return text
        if self.numbers() == (1,) and self.unit in SINGULAR:
            return f"{text} {SINGULAR[self.unit]}"  # "1 week", not "1 weken"
        return f"{text} {self.unit_name}"

    @property
    def authors(self) -> str | None:
        """The source's authors as the course names them ("Hooker e.a."), for a widget or a
        notebook that names the study (literature only; a page writes `{fact}`id <auteur>``)."""
        return bibliography.authors(self.source) if self.is_external else None

    @property
    def year(self) -> str | None:
        return bibliography.year(self.source) if self.is_external else None

    def study_text(self) -> str | None:
        """The record's study in words ("tien prospectieve studies met 912 vrouwen"), or None
        when the record names no study size."""
        if self.studies is None:
            return None
        return studysize.text(self.studies, self.design, self.participants)

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


def dutch_number(number: float) -> str:
    """Dutch notation: no trailing '.0', a decimal comma ('1,5', '20'): the one formatter."""
    return format_number(number)


def _where(raw: Any, position: int) -> str:
    if not isinstance(raw, dict):
        return f"record {position}"
    return f"feit '{raw.get('id') or f'record {position}'}'"


def _check_record(raw: dict, where: str) -> Fact:
    """A record of the right shape (SCHEMA): its numbers in range, its wording and quote."""
    _, lowest, highest = UNITS[raw["unit"]]
    for field in ("value", "low", "high"):
        if field in raw and not lowest <= raw[field] <= highest:
            raise FactError(f"{where}, veld '{field}': {raw[field]} ligt buiten het bereik "
                            f"{lowest}-{highest} voor eenheid '{raw['unit']}'")
    if "low" in raw and raw["low"] > raw["high"]:
        raise FactError(f"{where}, veld 'low': {raw['low']} is groter dan 'high' ({raw['high']})")
    studysize.check_fields(raw, where, FactError)

    record = Fact(**{key: raw[key] for key in raw})
    _check_wording(record, where)
    _check_quote(record, where)
    _check_meaning(record, where)
    return record


# --- A number is typed once ---------------------------------------------------------------
# The value is the one place a number is typed. The wording and the quote are prose, so they
# are not derived from it but checked against it on load: every number in the wording must be
# the record's figure (or its natural frequency, "1 op de 5"), and the quote must state the
# figure as the source writes it. See docs/architecture.md, "The facts registry".

#: number words an author or a source may use instead of digits (miskraam/dutch.py)
NUMBER_WORDS = QUOTED
#: a natural frequency may round the value to a whole number ("ongeveer 1 op de 5" for
#: 19,4%) when that changes it by at most this fraction ("1 op de 4" for 20% is too far)
ROUNDING = 0.1
#: "de helft" is 50 procent
HALF = "de helft"
_WORD = "|".join(NUMBER_WORDS)
_TERM = rf"(?<![\w.,])(?:\d+(?:[.,]\d+)?|{_WORD})(?![\w]|[.,]\d)"
_RANGE = re.compile(rf"(?P<a>{_TERM})(?:\s*(?:-|–|\btot\b|\bto\b|à)\s*(?P<b>{_TERM}))?")
#: a natural frequency in the wording: "1 op de 5", "10 tot 13 op de 100"
_FREQUENCY = re.compile(rf"(?P<a>{_TERM})(?:\s*(?:-|–|\btot\b)\s*(?P<b>{_TERM}))?"
                        r"\s+op\s+de\s+(?P<n>\d+)\b")
#: a typographic decimal point between two digits: the middle dot, or a bullet standing for it
_TYPOGRAPHIC_POINT = re.compile(r"(?<=\d)[\u00b7\u2022](?=\d)")
#: the rest of a list of numbers whose last one carries the unit ("58.1, 28.2 and 13.7%")
_LIST_TAIL = re.compile(r"(?:,\s*\d+(?:[.,]\d+)?)*,?\s+(?:and|en)\s+\d+(?:[.,]\d+)?")
#: how a source writes the unit right after the number (Dutch sources, English research file)
UNIT_AFTER = {
    "procent": r"\s?(?:%|procent)",
    "weken": r"\s(?:weken|week|weeks)\b",
    "dagen": r"\s(?:dagen|dag|days?)\b",
    "maanden": r"\s(?:maanden|maand|months?)\b",
    "minuten": r"\s(?:minuten|minutes)\b",
    "uur": r"\s(?:uur|hours?)\b",
    "maandverbanden-per-uur": r"\s(?:maandverbanden)\b",
    "graden-celsius": r"\s?(?:graden|°)",
    "centimeter": r"\s?(?:cm|centimeter)\b",
    "aantal": "",
    "ratio": "",
}
#: the words before a bound ("meer dan 2", "boven de 38", "under 0.7%")
COMPARISON_WORDS = {
    "<": ("minder dan", "onder de", "onder", "under", "below", "<"),
    ">": ("meer dan", "boven de", "boven", "more than", "above", "over", ">"),
}


def _number(text: str) -> float:
    return read_number(text, NUMBER_WORDS)


def _same(a: float, b: float) -> bool:
    return abs(a - b) < 1e-9


def _round_half_up(number: float) -> int:
    return int(number + 0.5)


def _says_bound(text: str, comparison: str) -> bool:
    """True when the text ends with one of the words for this bound."""
    text = text.lower().rstrip()
    return any(text.endswith(word) for word in COMPARISON_WORDS[comparison])


def _check_wording(record: Fact, where: str) -> None:
    """Every number in the wording is the record's figure; the wording states the figure."""
    text = record.wording
    numbers = record.numbers()
    figure = record.display_value()
    field = f"{where}, veld 'wording'"
    if re.search(r"\d\.\d", text):
        raise FactError(f"{field}: schrijf een decimaal met een komma ('{text}')")
    stated: set[float] = set()
    for match in _FREQUENCY.finditer(text):
        if record.unit != "procent":
            raise FactError(f"{field}: '{match[0]}' is een kans, maar de eenheid is "
                            f"'{record.unit}', geen procent")
        given = [_number(match["a"])] + ([_number(match["b"])] if match["b"] else [])
        if len(given) != len(numbers):
            raise FactError(f"{field}: '{match[0]}' past niet bij {figure} (een bereik heeft "
                            "twee getallen, één waarde één getal)")
        out_of = int(match["n"])
        for said, number in zip(given, numbers, strict=True):
            exact = number * out_of / 100
            if _same(said, exact):
                continue
            if _same(said, _round_half_up(exact)) and abs(said - exact) <= ROUNDING * exact:
                if "ongeveer" in text:
                    continue
                raise FactError(f"{field}: '{match[0]}' is afgerond ({figure} is precies "
                                f"{dutch_number(exact)} op de {out_of}); schrijf er "
                                "'ongeveer' bij")
            raise FactError(f"{field}: '{match[0]}' past niet bij de waarde {figure} "
                            f"({figure} is {dutch_number(exact)} op de {out_of})")
        stated.update(numbers)
    rest = _FREQUENCY.sub(" ", text)
    if HALF in rest.lower():
        if record.unit != "procent" or not any(_same(n, 50) for n in numbers):
            raise FactError(f"{field}: '{HALF}' past niet bij de waarde {figure}")
        stated.add(50)
    for match in _RANGE.finditer(rest):
        said = (_number(match["a"]),) + ((_number(match["b"]),) if match["b"] else ())
        if match["b"]:
            if not (len(numbers) == 2 and all(map(_same, said, numbers))):
                raise FactError(f"{field}: '{match[0]}' past niet bij de waarde {figure}")
        elif not any(_same(said[0], n) for n in numbers):
            raise FactError(f"{field}: het getal '{match[0]}' past niet bij de waarde "
                            f"{figure}")
        stated.update(said)
    missing = [n for n in numbers if not any(_same(n, s) for s in stated)]
    if missing:
        raise FactError(f"{field}: noemt het getal {dutch_number(missing[0])} niet "
                        f"(de waarde is {figure})")
    if record.comparison and not any(
            _says_bound(text[:match.start()], record.comparison)
            for match in _RANGE.finditer(text)):
        raise FactError(f"{field}: de waarde is een grens ({figure}); zeg dat met "
                        f"'{COMPARISONS[record.comparison]}'")


#: the units a meaning writes after its figure ("19,1%", "7 dagen"); a count or a ratio has
#: none, so a meaning's other numbers cannot be told from its figure and are not checked
MEANING_UNIT = {unit: pattern for unit, pattern in UNIT_AFTER.items() if pattern}


def _check_meaning(record: Fact, where: str) -> None:
    """A meaning that gives figures in the record's unit states the value among them (it may
    add others: the confidence interval, the other groups), and its study sizes are the
    record's `studies` and `participants`."""
    studies = record.studies
    if studies is None and record.unit == "aantal" and "studies" in record.wording:
        studies = record.value  # the figure is itself a count of studies ("9 kleine studies")
    studysize.check_meaning(record.meaning, studies, record.participants, where, FactError)
    unit = MEANING_UNIT.get(record.unit)
    meaning = re.sub(r"\s+", " ", record.meaning)
    if unit is None or not re.search(rf"\d{unit}", meaning):
        return
    if not (_quote_states(record, meaning) or _frequency_states(record, meaning)):
        raise FactError(f"{where}, veld 'meaning': noemt de waarde {record.display_value()} "
                        "niet (in cijfers, met de eenheid); pas de betekenis aan als de waarde "
                        "verandert")


def _frequency_states(record: Fact, text: str) -> bool:
    """True when a natural frequency in the text ("1 op de 5") is the record's percentage."""
    if record.unit != "procent":
        return False
    for match in _FREQUENCY.finditer(text):
        given = [_number(match["a"])] + ([_number(match["b"])] if match["b"] else [])
        exact = [n * int(match["n"]) / 100 for n in record.numbers()]
        if len(given) == len(exact) and all(map(_same, given, exact)):
            return True
    return False


def _quote_states(record: Fact, quote: str) -> bool:
    """True when the quote states the record's figure with its unit (and bound)."""
    after = re.compile(UNIT_AFTER[record.unit])
    numbers = record.numbers()
    # a typographic decimal point between digits ("79·1%", as the Lancet journals print it;
    # some stored copies render it as a bullet, "79•1%") is a decimal point
    quote = _TYPOGRAPHIC_POINT.sub(".", quote)
    for match in _RANGE.finditer(quote):
        if match["a"] in NUMBER_WORDS or (match["b"] or "") in NUMBER_WORDS:
            continue  # words are an exemption the record names (quote_in_words)
        said = (_number(match["a"]),) + ((_number(match["b"]),) if match["b"] else ())
        if len(numbers) == 2:
            if len(said) != 2 or not all(map(_same, said, numbers)):
                continue
            end = match.end()
        elif _same(said[0], numbers[0]):
            end = match.end("a")
        elif len(said) == 2 and _same(said[1], numbers[0]):
            end = match.end()
        else:
            continue
        if not after.match(quote, end):
            # a list that carries the unit once, at its end: "58.1, 28.2 and 13.7% of cases"
            listed = _LIST_TAIL.match(quote, end)
            if not (listed and after.match(quote, listed.end())):
                continue
        if record.comparison and not _says_bound(quote[:match.start()], record.comparison):
            continue
        return True
    return False


def _words_number(words: str, record: Fact) -> tuple[float, ...] | None:
    """The numbers that Dutch words state ('de helft', 'drie', 'één tot twee'), or None. A
    source may write 'een tot twee' without accents: in a quote, a leading 'een' before 'tot'
    is 'één'."""
    if words.lower() == HALF:
        return (50,) if record.unit == "procent" else None
    match = _RANGE.fullmatch(re.sub(r"^een(?= tot )", "één", words.lower()))
    if not match or not all(part in NUMBER_WORDS for part in match.groups() if part):
        return None
    return tuple(_number(part) for part in match.groups() if part)


def _check_quote(record: Fact, where: str) -> None:
    """The quote states the figure, in digits as the source writes them, or in the words the
    record names in ``quote_in_words``."""
    # the Lancet writes a decimal point as a middle dot ("1·9%")
    quote = re.sub(r"\s+", " ", record.quote).replace("\u00b7", ".")
    # a source may glue a length to its unit ("omvang > 4cm"): read it as "4 cm"
    quote = re.sub(r"(?<=\d)(?=cm\b)", " ", quote)
    figure = record.display_value()
    in_digits = _quote_states(record, quote)
    words = record.quote_in_words
    if words is None:
        if not in_digits:
            raise FactError(
                f"{where}, veld 'quote': het citaat noemt de waarde {figure} niet (in cijfers, "
                "met de eenheid, zoals de bron het schrijft); zegt de bron het in woorden, "
                "zet die woorden dan in 'quote_in_words'")
        return
    field = f"{where}, veld 'quote_in_words'"
    if not isinstance(words, str) or not words.strip():
        raise FactError(f"{field}: is leeg of geen tekst")
    if words not in quote:
        raise FactError(f"{field}: '{words}' staat niet in het citaat")
    said = _words_number(words, record)
    if said is None or len(said) != len(record.numbers()) or not all(
            map(_same, said, record.numbers())):
        raise FactError(f"{field}: '{words}' past niet bij de waarde {figure}")
    if in_digits:
        raise FactError(f"{field}: overbodig, het citaat noemt {figure} al in cijfers")


def parse_facts(records: Any) -> dict[str, Fact]:
    """Validate a list of raw records and return them by id."""
    shapes.check(records, SCHEMA, shapes.in_list("", _where), FactError)
    facts: dict[str, Fact] = {}
    for position, raw in enumerate(records, start=1):
        fact = _check_record(raw, _where(raw, position))
        if fact.id in facts:
            raise FactError(f"feit '{fact.id}', veld 'id': komt twee keer voor")
        facts[fact.id] = fact
    return facts


def registry_path() -> Path:
    """The registry file of the data folder in use."""
    return data.path(data.FACTS)


def load_facts(path: Path | str | None = None) -> dict[str, Fact]:
    """Read and validate a registry file."""
    path = Path(path or registry_path())
    records = data.read_yaml(path, FactError)
    return parse_facts(records)


def registry() -> dict[str, Fact]:
    """The course's registry, loaded once per process (per data folder)."""
    return _loaded(registry_path())


@lru_cache(maxsize=4)
def _loaded(path: Path) -> dict[str, Fact]:
    return load_facts(path)


def fact(fact_id: str) -> Fact:
    """One record by id, with a clear message when the id is unknown."""
    facts = registry()
    if fact_id not in facts:
        close = difflib.get_close_matches(fact_id, facts, n=2, cutoff=0.6)
        hint = f"; bedoel je {' of '.join(repr(c) for c in close)}?" if close else ""
        raise UnknownFact(f"onbekend feit '{fact_id}'{hint}")
    return facts[fact_id]
