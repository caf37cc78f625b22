"""The alarm signs: when to call at once and when to call 112, as data (``alarmsignalen.yml``
in the book's data folder).

One list feeds the notice on every page, the alarm box on "Wanneer bel je?" and the
"Wanneer bellen?" widget. Thresholds (pads per hour, fever) come from the facts registry.
Loading validates the file against its JSON Schema (``SCHEMA``, ``shapes.py``) and names the
sign and field of a mistake, in Dutch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from functools import lru_cache
from pathlib import Path

from . import data, shapes
from .facts import FactError, fact

LEVELS = ("112", "bel")
INPUTS = ("vinkje", "maandverbanden", "temperatuur", "pijn", "samen")
THRESHOLD_INPUTS = {"maandverbanden": "maandverbanden-per-uur", "temperatuur": "graden-celsius"}
GROUP_FIELDS = ("kop", "uitleg")
#: what the course says around the signs (headings, what to do after calling 112), written once
TEXTS = ("kop_112", "kop_bel", "actie_112", "actie_bel", "wie_bel", "na_112")

NO_TEXT = "ontbreekt of is geen tekst"
LISTS = (None, "verwacht de lijsten 'pijn' en 'signalen'")
TOGETHER = ("geef een lijst van lijsten met twee of meer signalen, bijvoorbeeld "
            "[[duizelig, klam]]")
FIELD_ERRORS = {"type": "is geen verzameling velden", "required": NO_TEXT,
                "additionalProperties": "onbekend veld"}


def _when(field: str, *values: str) -> dict:
    return {"required": [field], "properties": {field: {"enum": list(values)}}}


#: a sign's shape; a new field is declared under "properties" (and in `Sign`)
SIGN = {
    "type": "object",
    "fout": FIELD_ERRORS,
    "additionalProperties": False,
    "required": ["id", "level", "input", "box", "reason", "source", "herken"],
    "properties": {
        "id": shapes.text(NO_TEXT),
        "level": {"enum": list(LEVELS), "fout": "kies '112' of 'bel' (niet '{waarde}')"},
        "input": {"enum": list(INPUTS), "fout": f"kies uit {', '.join(INPUTS)}"},
        **{field: shapes.text(NO_TEXT) for field in (
            "box", "notice", "reason", "source", "label", "fact", "pain", "group", "at_limit",
            "vraag", "herken")},
        "samen": {"type": "array", "minItems": 1, "fout": TOGETHER,
                  "items": {"type": "array", "minItems": 2, "items": {"type": "string"}}},
    },
    "allOf": [
        # the notice on every page names every 112 sign
        {"if": _when("level", "112"), "then": {"required": ["notice"]}},
        {"if": _when("input", "vinkje"), "then": {"required": ["label"]}},
        {"if": _when("input", *THRESHOLD_INPUTS), "then": {"required": ["fact", "at_limit"]},
         "else": {"not": {"required": ["fact"]}, "fout": {
             "not": ("fact", "alleen voor maandverbanden of temperatuur")}}},
        {"if": _when("input", "samen"), "then": {"required": ["samen"],
                                                 "fout": {"required": TOGETHER}},
         "else": {"not": {"required": ["samen"]}, "fout": {
             "not": ("samen", "alleen bij input 'samen'")}}},
    ],
}
#: the file's shape (miskraam/shapes.py)
SCHEMA = {
    "type": "object",
    "fout": {"type": LISTS, "required": LISTS},
    "required": ["pijn", "signalen"],
    "properties": {
        "pijn": {"type": "array", "fout": {"type": LISTS}, "items": {
            "type": "object", "required": ["id", "label"],
            "properties": {"id": {"type": "string", "minLength": 1},
                           "label": {"type": "string", "minLength": 1}},
            "fout": {"*": (None, "geef 'id' en 'label'")}}},
        "groepen": {
            "type": "object",
            "fout": {"type": (None, f"verwacht per groep de velden {', '.join(GROUP_FIELDS)}")},
            "additionalProperties": {
                "type": "object", "additionalProperties": False,
                "required": list(GROUP_FIELDS),
                "properties": {field: shapes.text(NO_TEXT) for field in GROUP_FIELDS},
                "fout": FIELD_ERRORS | {
                    "type": (None, f"verwacht de velden {', '.join(GROUP_FIELDS)}")}}},
        "signalen": {"type": "array", "minItems": 1, "items": SIGN,
                     "fout": {"type": LISTS, "minItems": LISTS}},
        "teksten": {"type": "object", "additionalProperties": False, "required": list(TEXTS),
                    "properties": {name: shapes.text(NO_TEXT) for name in TEXTS},
                    "fout": FIELD_ERRORS},
    },
    "allOf": [{"required": ["teksten"], "fout": {
        "required": (None, f"verwacht 'teksten' met {', '.join(TEXTS)}")}}],
}


class AlarmError(ValueError):
    """The alarm-sign file is invalid; the message names the sign and the field."""


@dataclass(frozen=True)
class PainLevel:
    id: str
    label: str


@dataclass(frozen=True)
class Sign:
    id: str
    level: str
    input: str
    box: str
    reason: str
    source: str
    notice: str | None = None
    label: str | None = None
    fact: str | None = None
    pain: str | None = None
    group: str | None = None
    at_limit: str | None = None
    samen: tuple[tuple[str, ...], ...] | None = None
    vraag: str | None = None
    herken: str | None = None

    def pattern(self) -> re.Pattern:
        """How a sentence of the book names this sign (tests/test_one_triage.py)."""
        return re.compile(self.herken, re.IGNORECASE)

    def box_text(self) -> str:
        """The alarm box item in MyST, with the threshold as plain text (never a link)."""
        return self.box.replace("{grens}", fact(self.fact).wording) if self.fact else self.box

    def payload(self) -> dict:
        """What the widget's ES module needs of this sign."""
        payload = {"id": self.id, "level": self.level, "input": self.input,
                   "reason": self.reason, "label": self.label, "pain": self.pain,
                   "group": self.group,
                   "samen": [list(ids) for ids in self.samen] if self.samen else None}
        if self.fact:
            record = fact(self.fact)
            payload.update(limit=record.value, limit_text=record.wording, at_limit=self.at_limit)
        return payload


@dataclass(frozen=True)
class Group:
    id: str
    kop: str
    uitleg: str


@dataclass(frozen=True)
class AlarmSigns:
    pain_levels: tuple[PainLevel, ...]
    signs: tuple[Sign, ...]
    groups: tuple[Group, ...] = ()
    texts: dict = dataclass_field(default_factory=dict)

    def of_level(self, level: str) -> tuple[Sign, ...]:
        return tuple(sign for sign in self.signs if sign.level == level)

    def sign(self, sign_id: str) -> Sign:
        for sign in self.signs:
            if sign.id == sign_id:
                return sign
        raise AlarmError(f"onbekend alarmsignaal '{sign_id}' (zie {data.where(data.ALARM_SIGNS)})")

    def group(self, group_id: str) -> Group:
        for group in self.groups:
            if group.id == group_id:
                return group
        raise AlarmError(f"onbekende groep '{group_id}' (zie {data.where(data.ALARM_SIGNS)})")

    def in_group(self, group_id: str | None) -> tuple[Sign, ...]:
        return tuple(sign for sign in self.signs if sign.group == group_id)

    def payload(self) -> dict:
        return {"pain_levels": [{"id": p.id, "label": p.label} for p in self.pain_levels],
                "signs": [sign.payload() for sign in self.signs], "texts": dict(self.texts)}


def _place(content, path: list) -> tuple[str, list]:
    """Where in the file an error is, as the messages name it."""
    part, rest = (path[0], path[1:]) if path else (None, [])
    if part == "signalen" and rest:
        raw, position = content["signalen"][rest[0]], rest[0] + 1
        name = f"'{raw.get('id') or position}'" if isinstance(raw, dict) else position
        return f"signaal {name}", rest[1:]
    if part == "pijn" and rest:
        return f"pijnniveau {content['pijn'][rest[0]]!r}", rest[1:]
    if part == "groepen":
        return (f"groep '{rest[0]}'", rest[1:]) if rest else ("alarmsignalen, 'groepen'", [])
    if part == "teksten":
        return "alarmsignalen, teksten", rest
    return "alarmsignalen", path


def _check_sign(raw: dict, pain_ids: list[str]) -> Sign:
    """What the schema cannot say: the pattern compiles, the pain level and the threshold
    exist."""
    where = f"signaal '{raw['id']}'"
    try:
        re.compile(raw["herken"], re.IGNORECASE)
    except re.error as error:
        raise AlarmError(f"{where}, veld 'herken': geen geldige reguliere expressie ({error})") \
            from error
    kind = raw["input"]
    if kind == "pijn" and raw.get("pain") not in pain_ids:
        raise AlarmError(f"{where}, veld 'pain': kies een pijnniveau uit {', '.join(pain_ids)}")
    if kind in THRESHOLD_INPUTS:
        try:
            record = fact(raw["fact"])
        except FactError as error:
            raise AlarmError(f"{where}, veld 'fact': {error}") from error
        if record.unit != THRESHOLD_INPUTS[kind] or record.value is None:
            raise AlarmError(f"{where}, veld 'fact': '{record.id}' is geen grens in "
                             f"{THRESHOLD_INPUTS[kind]}")
        if "{grens}" not in raw["box"]:
            raise AlarmError(f"{where}, veld 'box': zet {{grens}} waar de grens staat")
    if kind == "samen":
        raw = {**raw, "samen": tuple(tuple(ids) for ids in raw["samen"])}
    return Sign(**raw)


def parse_alarm_signs(content) -> AlarmSigns:
    shapes.check(content, SCHEMA, _place, AlarmError)
    pain_levels = tuple(PainLevel(id=str(raw["id"]), label=str(raw["label"]))
                        for raw in content["pijn"])
    pain_ids = [level.id for level in pain_levels]
    groups = tuple(Group(id=str(group_id), kop=fields["kop"], uitleg=fields["uitleg"].strip())
                   for group_id, fields in content.get("groepen", {}).items())
    signs = tuple(_check_sign(raw, pain_ids) for raw in content["signalen"])
    ids = [sign.id for sign in signs]
    doubles = sorted({i for i in ids if ids.count(i) > 1})
    if doubles:
        raise AlarmError(f"signaal '{doubles[0]}', veld 'id': komt twee keer voor")
    if not any(sign.level == "112" for sign in signs):
        raise AlarmError("alarmsignalen: geen enkel signaal voor 112")
    group_ids = {group.id for group in groups}
    for sign in signs:
        if sign.group is not None and sign.group not in group_ids:
            raise AlarmError(f"signaal '{sign.id}', veld 'group': onbekende groep "
                             f"'{sign.group}' (kies uit {', '.join(sorted(group_ids))})")
        for part in {i for ids in sign.samen or () for i in ids}:
            if part not in ids:
                raise AlarmError(f"signaal '{sign.id}', veld 'samen': onbekend signaal '{part}'")
            if signs[ids.index(part)].input == "samen":
                raise AlarmError(f"signaal '{sign.id}', veld 'samen': '{part}' is zelf een "
                                 "combinatie; noem de signalen waaruit die bestaat")
    texts = {name: content["teksten"][name] for name in TEXTS}
    return AlarmSigns(pain_levels=pain_levels, signs=signs, groups=groups, texts=texts)


def alarm_path() -> Path:
    """The alarm signs file of the data folder in use."""
    return data.path(data.ALARM_SIGNS)


def load_alarm_signs(path: Path | str | None = None) -> AlarmSigns:
    path = Path(path or alarm_path())
    raw = data.read_yaml(path, AlarmError)
    return parse_alarm_signs(raw)


def alarm_signs() -> AlarmSigns:
    """The course's alarm signs, loaded once per process (per data folder)."""
    return _loaded(alarm_path())


@lru_cache(maxsize=4)
def _loaded(path: Path) -> AlarmSigns:
    return load_alarm_signs(path)
