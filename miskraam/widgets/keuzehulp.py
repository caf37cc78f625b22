"""Keuzehulp: an option grid comparing waiting, medication and curettage (its text:
``keuzehulp.yml`` in the book's data folder)."""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from html import escape

import traitlets

from .. import data
from ..facts import UnknownFact, fact
from .base import Choices, CourseWidget, Data, es_module, reject

PLACEHOLDER = re.compile(r"\{fact:([a-z0-9-]+)\}")


def _fill(text: str) -> str:
    return PLACEHOLDER.sub(lambda match: fact(match[1]).wording, text)


def grid() -> dict:
    """The grid with every {fact:id} replaced by the registry's wording."""
    return _filled(data.path(data.DECISION_AID))


def _field(record: dict, name: str, where: str):
    """`record[name]`, or a Dutch message naming the file, the place and, for a typo, what
    was meant (a KeyError traceback before)."""
    if isinstance(record, dict) and name in record:
        return record[name]
    written = [key for key in record if isinstance(key, str)] if isinstance(record, dict) else []
    typo = difflib.get_close_matches(name, written, n=1, cutoff=0.6)
    hint = f"; er staat '{typo[0]}': bedoel je '{name}'?" if typo else ""
    raise ValueError(f"{where}: '{name}' ontbreekt{hint}")


@lru_cache(maxsize=4)
def _filled(path) -> dict:
    raw = data.read_yaml(path)
    file = data.shown(path)
    options = _field(raw, "options", file)
    keys = []
    for number, option in enumerate(options, start=1):
        keys.append(_field(option, "key", f"{file}, mogelijkheid {number}"))
        _field(option, "label", f"{file}, mogelijkheid {number}")
    questions = []
    for number, question in enumerate(_field(raw, "questions", file), start=1):
        name = _field(question, "key", f"{file}, vraag {number}")
        where = f"{file}, vraag '{name}'"
        label = _field(question, "label", where)
        missing = [key for key in keys if key not in question]
        if missing:
            raise ValueError(f"{where}: cel ontbreekt voor {missing}")
        cells = {}
        for key in keys:
            try:
                cells[key] = _fill(question[key])
            except UnknownFact as unknown:
                raise ValueError(f"{where}, cel '{key}': {unknown}") from None
        questions.append({"key": name, "label": label, "cells": cells})
    return {"options": options, "questions": questions}


def grid_fact_ids() -> tuple[str, ...]:
    text = data.path(data.DECISION_AID).read_text(encoding="utf-8")
    return tuple(dict.fromkeys(PLACEHOLDER.findall(text)))


def static_html(table: dict | None = None, options=None, questions=None) -> str:
    """The grid (its chosen options and questions) as an HTML table: the fallback for
    print and without JavaScript."""
    table = table or grid()
    shown = [o for o in table["options"] if options is None or o["key"] in options]
    asked = [q for q in table["questions"] if questions is None or q["key"] in questions]
    head = "".join(f'<th scope="col">{escape(o["label"])}</th>' for o in shown)
    rows = "".join(
        f'<tr><th scope="row">{escape(q["label"])}</th>'
        + "".join(f"<td>{escape(q['cells'][o['key']])}</td>" for o in shown)
        + "</tr>"
        for q in asked)
    return ('<figure class="miskraam-static"><div class="miskraam-grid-wrap">'
            '<table class="miskraam-grid"><caption>Afwachten, medicijnen of curettage: '
            'de vragen die mensen stellen</caption>'
            f'<thead><tr><th scope="col">Vraag</th>{head}</tr></thead><tbody>{rows}</tbody>'
            '</table></div></figure>')


class Keuzehulp(CourseWidget):
    _esm = es_module("keuzehulp")
    FACTS = grid_fact_ids()

    #: the two groups of checkboxes: their legends, and what the reader is told when she
    #: unticks the last box of a group
    GROUPS = {
        "options": {"legend": "Vergelijk", "at_least_one": "Kies minstens één mogelijkheid."},
        "questions": {"legend": "Vragen", "at_least_one": "Kies minstens één vraag."},
    }

    grid = Data(what="Keuzehulp").tag(sync=True)
    options = Choices(what="Mogelijkheden", at_least_one=True,
                      options=lambda: [o["key"] for o in grid()["options"]]).tag(sync=True)
    questions = Choices(what="Vragen", at_least_one=True,
                        options=lambda: [q["key"] for q in grid()["questions"]]).tag(sync=True)

    def __init__(self, **kwargs):
        table = grid()
        kwargs.setdefault("options", [option["key"] for option in table["options"]])
        kwargs.setdefault("questions", [question["key"] for question in table["questions"]])
        super().__init__(grid=table, **kwargs)

    def limits_payload(self) -> dict:
        return {"groups": self.GROUPS}

    @traitlets.validate("grid")
    def _grid_comes_from_its_file(self, proposal):
        if proposal["value"] != grid():
            raise reject(f"Keuzehulp: de keuzehulp komt uit {data.where(data.DECISION_AID)} en "
                         "kan niet worden aangepast.")
        return proposal["value"]

    def static_html(self) -> str:
        """This grid (its options and questions) as a table, for print and without JS."""
        return static_html(self.grid, self.options, self.questions)

    def static_text(self) -> str:
        shown = [o for o in self.grid["options"] if o["key"] in self.options]
        return " ".join(
            f"{q['label']} " + "; ".join(f"{o['label']}: {q['cells'][o['key']]}" for o in shown)
            + "." for q in self.grid["questions"] if q["key"] in self.questions)
