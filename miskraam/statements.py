"""The statements the course makes on more than one page, each written once (``uitspraken.yml``
in the book's data folder).

Numbers have their home in the facts registry; what the course *says* more than once (where
care starts, anti-D for the public, what the leaflet's figures mean for her, which pain is
expected, the pregnancy test afterwards, the chance next time, bed rest and work) has its home
here: a public and a professional wording, the sources, and the patterns by which a test
recognises the same statement written again by hand (``tests/test_one_voice.py``). Pages show
a statement with the ``{uitspraak}`` directive. Loading validates the file against its JSON
Schema (``SCHEMA``, ``shapes.py``) and names the statement and field of a mistake, in Dutch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import bibliography, data, shapes
from .facts import SOURCES

NO_TEXT = "ontbreekt of is geen tekst"
NO_TEXTS = "verwacht een lijst met tekst"
#: the file's shape (miskraam/shapes.py); a new field of a statement is declared under
#: "properties" (and in `Statement`)
SCHEMA = {
    "type": "array",
    "fout": {"type": "verwacht een lijst van uitspraken"},
    "items": {
        "type": "object",
        "fout": {"type": "is geen verzameling velden", "required": "ontbreekt",
                 "additionalProperties": "onbekend veld"},
        "additionalProperties": False,
        "required": ["id", "onderwerp", "publiek", "professioneel", "bronnen", "herken"],
        "properties": {
            "id": {"type": "string", "pattern": r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
                   "fout": "gebruik kleine letters en streepjes"},
            "onderwerp": shapes.text(NO_TEXT),
            "publiek": shapes.text(NO_TEXT),
            "professioneel": shapes.text(NO_TEXT),
            "bronnen": shapes.text_list({"*": NO_TEXTS, "minItems": "noem minstens één bron"},
                                        minItems=1),
            "herken": shapes.text_list({"*": NO_TEXTS, "minItems": (
                "geef minstens één patroon waaraan een test de uitspraak herkent als die met "
                "de hand is overgeschreven")}, minItems=1),
            "thuis": shapes.text_list(NO_TEXTS),
            "verschil": {"type": ["string", "null"], "pattern": "^book/",
                         "fout": "een pagina, zoals book/deel3/wat-onderzoek-zegt"},
        },
    },
}
FIELDS = tuple(SCHEMA["items"]["properties"])


class StatementError(ValueError):
    """The statements file is invalid; the message names the statement and the field."""


@dataclass(frozen=True)
class Statement:
    id: str
    onderwerp: str
    publiek: str
    professioneel: str
    bronnen: tuple[str, ...]
    herken: tuple[str, ...]
    thuis: tuple[str, ...] = ()
    verschil: str | None = None

    def text(self, form: str) -> str:
        return self.publiek if form == "publiek" else self.professioneel

    def patterns(self) -> tuple[re.Pattern, ...]:
        return tuple(re.compile(pattern, re.IGNORECASE) for pattern in self.herken)


def _where(raw, position: int) -> str:
    if not isinstance(raw, dict):
        return f"uitspraak {position}"
    return f"uitspraak '{raw.get('id') or position}'"


def _check(raw: dict, where: str, keys: set[str]) -> Statement:
    """What the schema cannot say: the sources exist, the patterns compile."""
    for source in raw["bronnen"]:
        if source not in SOURCES and keys and source not in keys:
            raise StatementError(f"{where}, veld 'bronnen': onbekende bron '{source}' (kies "
                                 f"{', '.join(SOURCES)} of een sleutel uit "
                                 f"{data.where(data.BIBLIOGRAPHY)})")
    for pattern in raw["herken"]:
        try:
            re.compile(pattern, re.IGNORECASE)
        except re.error as error:
            raise StatementError(f"{where}, veld 'herken': '{pattern}' is geen geldige reguliere "
                                 f"expressie ({error})") from error
    return Statement(id=raw["id"], onderwerp=raw["onderwerp"].strip(),
                     publiek=raw["publiek"].strip(), professioneel=raw["professioneel"].strip(),
                     bronnen=tuple(raw["bronnen"]), herken=tuple(raw["herken"]),
                     thuis=tuple(raw.get("thuis", ())), verschil=raw.get("verschil"))


def parse_statements(entries) -> dict[str, Statement]:
    shapes.check(entries, SCHEMA, shapes.in_list(data.where(data.STATEMENTS), _where),
                 StatementError)
    keys = bibliography.keys()
    statements: dict[str, Statement] = {}
    for position, raw in enumerate(entries, start=1):
        statement = _check(raw, _where(raw, position), keys)
        if statement.id in statements:
            raise StatementError(f"uitspraak '{statement.id}', veld 'id': komt twee keer voor")
        statements[statement.id] = statement
    return statements


def statements_path() -> Path:
    """The statements file of the data folder in use."""
    return data.path(data.STATEMENTS)


def load_statements(path: Path | str | None = None) -> dict[str, Statement]:
    path = Path(path or statements_path())
    raw = data.read_yaml(path, StatementError)
    return parse_statements(raw)


def statements() -> dict[str, Statement]:
    """The course's statements, loaded once per process (per data folder)."""
    return _loaded(statements_path())


@lru_cache(maxsize=4)
def _loaded(path: Path) -> dict[str, Statement]:
    return load_statements(path)


def statement(statement_id: str) -> Statement:
    found = statements()
    if statement_id not in found:
        close = [known for known in found if known.split("-")[0] == statement_id.split("-")[0]]
        hint = f" Bedoel je {' of '.join(close)}?" if close else ""
        raise StatementError(f"onbekende uitspraak '{statement_id}' (zie "
                             f"{data.where(data.STATEMENTS)}).{hint}")
    return found[statement_id]
