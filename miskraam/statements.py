"""The statements the course makes on more than one page, each written once (``uitspraken.yml``
in the book's data folder).

Numbers have their home in the facts registry; what the course *says* more than once (where
care starts, anti-D for the public, what the leaflet's figures mean for her, which pain is
expected, the pregnancy test afterwards, the chance next time, bed rest and work) has its home
here: a public and a professional wording, the sources, and the patterns by which a test
recognises the same statement written again by hand (``tests/test_one_voice.py``). Pages show
a statement with the ``{uitspraak}`` directive. Loading validates the file and names the
statement and field of a mistake, in Dutch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from . import bibliography, data
from .facts import SOURCES

FIELDS = ("id", "onderwerp", "publiek", "professioneel", "bronnen", "herken", "thuis",
          "verschil")
REQUIRED = ("id", "onderwerp", "publiek", "professioneel", "bronnen", "herken")
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


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


def _check(raw, position: int, keys: set[str]) -> Statement:
    if not isinstance(raw, dict):
        raise StatementError(f"uitspraak {position}: is geen verzameling velden")
    where = f"uitspraak '{raw.get('id') or position}'"
    unknown = sorted(set(raw) - set(FIELDS))
    if unknown:
        raise StatementError(f"{where}, veld '{unknown[0]}': onbekend veld")
    for field in REQUIRED:
        if field not in raw:
            raise StatementError(f"{where}, veld '{field}': ontbreekt")
    if not isinstance(raw["id"], str) or not ID.match(raw["id"]):
        raise StatementError(f"{where}, veld 'id': gebruik kleine letters en streepjes")
    for field in ("onderwerp", "publiek", "professioneel"):
        if not isinstance(raw[field], str) or not raw[field].strip():
            raise StatementError(f"{where}, veld '{field}': ontbreekt of is geen tekst")
    lists = {}
    for field in ("bronnen", "herken", "thuis"):
        value = raw.get(field, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise StatementError(f"{where}, veld '{field}': verwacht een lijst met tekst")
        lists[field] = tuple(value)
    if not lists["bronnen"]:
        raise StatementError(f"{where}, veld 'bronnen': noem minstens één bron")
    for source in lists["bronnen"]:
        if source not in SOURCES and keys and source not in keys:
            raise StatementError(f"{where}, veld 'bronnen': onbekende bron '{source}' (kies "
                                 f"{', '.join(SOURCES)} of een sleutel uit "
                                 f"{data.where(data.BIBLIOGRAPHY)})")
    if not lists["herken"]:
        raise StatementError(f"{where}, veld 'herken': geef minstens één patroon waaraan een "
                             "test de uitspraak herkent als die met de hand is overgeschreven")
    for pattern in lists["herken"]:
        try:
            re.compile(pattern, re.IGNORECASE)
        except re.error as error:
            raise StatementError(f"{where}, veld 'herken': '{pattern}' is geen geldige reguliere "
                                 f"expressie ({error})") from error
    verschil = raw.get("verschil")
    if verschil is not None and (not isinstance(verschil, str) or not verschil.startswith("book/")):
        raise StatementError(f"{where}, veld 'verschil': een pagina, zoals "
                             "book/deel3/wat-onderzoek-zegt")
    return Statement(id=raw["id"], onderwerp=raw["onderwerp"].strip(),
                     publiek=raw["publiek"].strip(), professioneel=raw["professioneel"].strip(),
                     bronnen=lists["bronnen"], herken=lists["herken"], thuis=lists["thuis"],
                     verschil=verschil)


def parse_statements(entries) -> dict[str, Statement]:
    if not isinstance(entries, list):
        raise StatementError(f"{data.where(data.STATEMENTS)}: verwacht een lijst van uitspraken")
    keys = bibliography.keys()
    statements: dict[str, Statement] = {}
    for position, raw in enumerate(entries, start=1):
        statement = _check(raw, position, keys)
        if statement.id in statements:
            raise StatementError(f"uitspraak '{statement.id}', veld 'id': komt twee keer voor")
        statements[statement.id] = statement
    return statements


def statements_path() -> Path:
    """The statements file of the data folder in use."""
    return data.path(data.STATEMENTS)


def load_statements(path: Path | str | None = None) -> dict[str, Statement]:
    path = Path(path or statements_path())
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise StatementError(f"{data.shown(path)}: geen geldige YAML ({error})") from error
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
