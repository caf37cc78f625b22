"""The glossary: every definition of the course, written once (``begrippen.yml`` in the book's
data folder).

The appendix *Begrippenlijst* is Sphinx's own glossary, written from this file by the
``{begrippenlijst}`` directive, so ``{term}`` links to it as usual. A page that needs the
explanation in its own text uses ``{begrip}``: the term, linked, followed by its short
explanation (``kort``) from here. So a definition has one home, and a test
(``tests/test_one_voice.py``) fails when a page defines a glossary term again by hand.
Loading validates the file against its JSON Schema (``SCHEMA``, ``shapes.py``) and names the
term and field of a mistake, in Dutch.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import data, shapes


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


#: "ontbreekt of is geen tekst": a field that must be text
NO_TEXT = "ontbreekt of is geen tekst"
#: the file's shape (miskraam/shapes.py); a new field of an entry is declared under
#: "properties" (and in `Term`)
SCHEMA = {
    "type": "array",
    "minItems": 1,
    "fout": {"type": "verwacht een lijst van begrippen",
             "minItems": "verwacht een lijst van begrippen"},
    "items": {
        "type": "object",
        "fout": {"type": "is geen verzameling velden", "required": NO_TEXT,
                 "additionalProperties": "onbekend veld"},
        "additionalProperties": False,
        "required": ["term"],
        "properties": {
            "term": shapes.text(NO_TEXT),
            "kort": shapes.text(NO_TEXT),
            "publiek": shapes.text(NO_TEXT),
            "professioneel": shapes.text(NO_TEXT),
            "ook": shapes.text_list("verwacht een lijst met andere namen"),
        },
        # the short explanation may stand alone; without it the public one is needed
        "if": {"not": {"required": ["kort"]}},
        "then": {"required": ["publiek"]},
    },
}
FIELDS = tuple(SCHEMA["items"]["properties"])


def _where(raw, position: int) -> str:
    if not isinstance(raw, dict):
        return f"begrip {position}"
    return f"begrip '{raw.get('term') or position}'"


def parse_glossary(entries) -> dict[str, Term]:
    shapes.check(entries, SCHEMA, shapes.in_list(data.where(data.GLOSSARY), _where),
                 GlossaryError)
    terms: dict[str, Term] = {}
    for position, raw in enumerate(entries, start=1):
        where = _where(raw, position)
        kort = raw.get("kort", "").strip() or None
        if kort and (kort.endswith(".") or kort[0].isupper()):
            raise GlossaryError(f"{where}, veld 'kort': een korte uitleg zonder hoofdletter en "
                                "punt, zoals die tussen haakjes achter het woord staat")
        term = Term(term=raw["term"].strip(), kort=kort,
                    publiek=raw.get("publiek", "").strip(),
                    professioneel=raw.get("professioneel", "").strip() or None,
                    ook=tuple(raw.get("ook", ())))
        key = term.term.lower()
        if key in terms:
            raise GlossaryError(f"{where}, veld 'term': staat twee keer in de begrippenlijst")
        terms[key] = term
    return terms


def glossary_path() -> Path:
    """The glossary file of the data folder in use."""
    return data.path(data.GLOSSARY)


def load_glossary(path: Path | str | None = None) -> dict[str, Term]:
    path = Path(path or glossary_path())
    raw = data.read_yaml(path, GlossaryError)
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
