"""The alarm signs: when to call at once and when to call 112, as data (``alarmsignalen.yml``
in the book's data folder).

One list feeds the notice on every page, the alarm box on "Wanneer bel je?" and the
"Wanneer bellen?" widget. Thresholds (pads per hour, fever) come from the facts registry.
Loading validates the file and names the sign and field of a mistake, in Dutch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from functools import lru_cache
from pathlib import Path

import yaml

from . import data
from .facts import FactError, fact

LEVELS = ("112", "bel")
INPUTS = ("vinkje", "maandverbanden", "temperatuur", "pijn", "samen")
THRESHOLD_INPUTS = {"maandverbanden": "maandverbanden-per-uur", "temperatuur": "graden-celsius"}
FIELDS = ("id", "level", "input", "box", "notice", "reason", "source", "label", "fact",
          "pain", "group", "at_limit", "samen", "vraag", "herken")
GROUP_FIELDS = ("kop", "uitleg")
#: what the course says around the signs (headings, what to do after calling 112), written once
TEXTS = ("kop_112", "kop_bel", "actie_112", "actie_bel", "wie_bel", "na_112")


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


def _text(raw: dict, field: str, where: str) -> str:
    value = raw.get(field)
    if not isinstance(value, str) or not value.strip():
        raise AlarmError(f"{where}, veld '{field}': ontbreekt of is geen tekst")
    return value


def _check_sign(raw, position: int, pain_ids: list[str]) -> Sign:
    if not isinstance(raw, dict):
        raise AlarmError(f"signaal {position}: is geen verzameling velden")
    where = f"signaal '{raw.get('id') or position}'"
    unknown = sorted(set(raw) - set(FIELDS))
    if unknown:
        raise AlarmError(f"{where}, veld '{unknown[0]}': onbekend veld")
    for field in ("id", "level", "input", "box", "reason", "source", "herken"):
        _text(raw, field, where)
    for field in ("notice", "vraag"):
        if field in raw:
            _text(raw, field, where)
    if raw.get("level") == "112":
        _text(raw, "notice", where)  # the notice on every page names every 112 sign
    try:
        re.compile(raw["herken"], re.IGNORECASE)
    except re.error as error:
        raise AlarmError(f"{where}, veld 'herken': geen geldige reguliere expressie ({error})") \
            from error
    if raw["level"] not in LEVELS:
        raise AlarmError(f"{where}, veld 'level': kies '112' of 'bel' (niet '{raw['level']}')")
    kind = raw["input"]
    if kind not in INPUTS:
        raise AlarmError(f"{where}, veld 'input': kies uit {', '.join(INPUTS)}")
    if kind == "vinkje":
        _text(raw, "label", where)
    if kind == "pijn" and raw.get("pain") not in pain_ids:
        raise AlarmError(f"{where}, veld 'pain': kies een pijnniveau uit {', '.join(pain_ids)}")
    if kind in THRESHOLD_INPUTS:
        try:
            record = fact(_text(raw, "fact", where))
        except FactError as error:
            raise AlarmError(f"{where}, veld 'fact': {error}") from error
        if record.unit != THRESHOLD_INPUTS[kind] or record.value is None:
            raise AlarmError(f"{where}, veld 'fact': '{record.id}' is geen grens in "
                             f"{THRESHOLD_INPUTS[kind]}")
        _text(raw, "at_limit", where)
        if "{grens}" not in raw["box"]:
            raise AlarmError(f"{where}, veld 'box': zet {{grens}} waar de grens staat")
    elif "fact" in raw:
        raise AlarmError(f"{where}, veld 'fact': alleen voor maandverbanden of temperatuur")
    together = raw.get("samen")
    if kind == "samen":
        if not isinstance(together, list) or not together or not all(
                isinstance(ids, list) and len(ids) >= 2 and all(isinstance(i, str) for i in ids)
                for ids in together):
            raise AlarmError(f"{where}, veld 'samen': geef een lijst van lijsten met twee of "
                             "meer signalen, bijvoorbeeld [[duizelig, klam]]")
        raw = {**raw, "samen": tuple(tuple(ids) for ids in together)}
    elif together is not None:
        raise AlarmError(f"{where}, veld 'samen': alleen bij input 'samen'")
    return Sign(**raw)


def parse_alarm_signs(content) -> AlarmSigns:
    if not isinstance(content, dict) or not isinstance(content.get("pijn"), list) \
            or not isinstance(content.get("signalen"), list) or not content["signalen"]:
        raise AlarmError("alarmsignalen: verwacht de lijsten 'pijn' en 'signalen'")
    pain_levels = []
    for raw in content["pijn"]:
        if not isinstance(raw, dict) or not raw.get("id") or not raw.get("label"):
            raise AlarmError(f"pijnniveau {raw!r}: geef 'id' en 'label'")
        pain_levels.append(PainLevel(id=str(raw["id"]), label=str(raw["label"])))
    pain_ids = [level.id for level in pain_levels]
    groups = _check_groups(content.get("groepen", {}))
    signs = tuple(_check_sign(raw, n, pain_ids) for n, raw in enumerate(content["signalen"], 1))
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
    texts = content.get("teksten")
    if not isinstance(texts, dict):
        raise AlarmError(f"alarmsignalen: verwacht 'teksten' met {', '.join(TEXTS)}")
    unknown = sorted(set(texts) - set(TEXTS))
    if unknown:
        raise AlarmError(f"alarmsignalen, teksten, veld '{unknown[0]}': onbekend veld")
    texts = {name: _text(texts, name, "alarmsignalen, teksten") for name in TEXTS}
    return AlarmSigns(pain_levels=tuple(pain_levels), signs=signs, groups=groups, texts=texts)


def _check_groups(raw) -> tuple[Group, ...]:
    if not isinstance(raw, dict):
        raise AlarmError("alarmsignalen, 'groepen': verwacht per groep de velden "
                         f"{', '.join(GROUP_FIELDS)}")
    groups = []
    for group_id, fields in raw.items():
        where = f"groep '{group_id}'"
        if not isinstance(fields, dict):
            raise AlarmError(f"{where}: verwacht de velden {', '.join(GROUP_FIELDS)}")
        unknown = sorted(set(fields) - set(GROUP_FIELDS))
        if unknown:
            raise AlarmError(f"{where}, veld '{unknown[0]}': onbekend veld")
        groups.append(Group(id=str(group_id), kop=_text(fields, "kop", where),
                            uitleg=_text(fields, "uitleg", where).strip()))
    return tuple(groups)


def alarm_path() -> Path:
    """The alarm signs file of the data folder in use."""
    return data.path(data.ALARM_SIGNS)


def load_alarm_signs(path: Path | str | None = None) -> AlarmSigns:
    path = Path(path or alarm_path())
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise AlarmError(f"{data.shown(path)}: geen geldige YAML ({error})") from error
    return parse_alarm_signs(raw)


def alarm_signs() -> AlarmSigns:
    """The course's alarm signs, loaded once per process (per data folder)."""
    return _loaded(alarm_path())


@lru_cache(maxsize=4)
def _loaded(path: Path) -> AlarmSigns:
    return load_alarm_signs(path)
