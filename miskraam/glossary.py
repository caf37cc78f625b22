"""The glossary: every definition of the course, written once (``begrippen.yml`` in the book's
data folder).

The appendix *Begrippenlijst* is Sphinx's own glossary, written from this file by the
``{begrippenlijst}`` directive, so ``{term}`` links to it as usual. A page that needs the
explanation in its own text uses ``{begrip}``: the term, linked, followed by its short
explanation (``kort``) from here. So a definition has one home, and a test
(``tests/test_one_voice.py``) fails when a page defines a glossary term again by hand.
Loading validates the file and names the term and field of a mistake, in Dutch.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from . import data

FIELDS = ("term", "kort", "publiek", "professioneel", "ook")


class GlossaryError(ValueError):
    """The glossary file is invalid; the message names the term and the field."""


@dataclass(frozen=True)
class Term:
    term: str
    publiek: str
    kort: str | None = None
    professioneel: str | None = None
    ook: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        """Every way a page may name this term: the term ("Asherman, syndroom van" also as
        "syndroom van Asherman") and its other names (``ook``)."""
        names = [self.term]
        if ", " in self.term:
            head, tail = self.term.split(", ", 1)
            names.append(f"{tail} {head}")
        return (*names, *self.ook)

    def public_text(self) -> str:
        """The public explanation as the glossary shows it: the short one first."""
        if not self.kort:
            return self.publiek
        first = f"{self.kort[0].upper()}{self.kort[1:]}."
        return f"{first} {self.publiek}".strip() if self.publiek else first


def _text(raw: dict, field: str, where: str, required: bool = True) -> str | None:
    value = raw.get(field)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise GlossaryError(f"{where}, veld '{field}': ontbreekt of is geen tekst")
    return value.strip()


def parse_glossary(entries) -> dict[str, Term]:
    if not isinstance(entries, list) or not entries:
        raise GlossaryError(f"{data.where(data.GLOSSARY)}: verwacht een lijst van begrippen")
    terms: dict[str, Term] = {}
    for position, raw in enumerate(entries, start=1):
        if not isinstance(raw, dict):
            raise GlossaryError(f"begrip {position}: is geen verzameling velden")
        where = f"begrip '{raw.get('term') or position}'"
        unknown = sorted(set(raw) - set(FIELDS))
        if unknown:
            raise GlossaryError(f"{where}, veld '{unknown[0]}': onbekend veld")
        name = _text(raw, "term", where)
        kort = _text(raw, "kort", where, required=False)
        if kort and (kort.endswith(".") or kort[0].isupper()):
            raise GlossaryError(f"{where}, veld 'kort': een korte uitleg zonder hoofdletter en "
                                "punt, zoals die tussen haakjes achter het woord staat")
        ook = raw.get("ook", [])
        if not isinstance(ook, list) or not all(isinstance(o, str) and o for o in ook):
            raise GlossaryError(f"{where}, veld 'ook': verwacht een lijst met andere namen")
        term = Term(term=name, kort=kort, publiek=_text(raw, "publiek", where, required=not kort)
                    or "", professioneel=_text(raw, "professioneel", where, required=False),
                    ook=tuple(ook))
        key = name.lower()
        if key in terms:
            raise GlossaryError(f"{where}, veld 'term': staat twee keer in de begrippenlijst")
        terms[key] = term
    return terms


def glossary_path() -> Path:
    """The glossary file of the data folder in use."""
    return data.path(data.GLOSSARY)


def load_glossary(path: Path | str | None = None) -> dict[str, Term]:
    path = Path(path or glossary_path())
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise GlossaryError(f"{data.shown(path)}: geen geldige YAML ({error})") from error
    return parse_glossary(raw)


def glossary() -> dict[str, Term]:
    """The course's glossary, loaded once per process (per data folder); keys are the terms
    in lower case."""
    return _loaded(glossary_path())


@lru_cache(maxsize=4)
def _loaded(path: Path) -> dict[str, Term]:
    return load_glossary(path)


def lookup(name: str) -> Term:
    found = glossary()
    key = name.strip().lower()
    if key in found:
        return found[key]
    for term in found.values():
        if key in (other.lower() for other in term.names()):
            return term
    close = [t.term for k, t in found.items() if k[:4] == key[:4]]
    hint = f" Bedoel je {' of '.join(close)}?" if close else ""
    raise GlossaryError(f"onbekend begrip '{name}' (zie {data.where(data.GLOSSARY)}).{hint}")
