"""Afwachten: how many of 100 women have miscarried completely after a number of days."""

from __future__ import annotations

import traitlets

from .base import CourseWidget, es_module, number_between

MAX_DAYS = 28


class Afwachten(CourseWidget):
    _esm = es_module("afwachten")
    FACTS = ("afwachten-binnen-week", "afwachten-binnen-3-weken", "afwachten-3-weken-duur")

    day = traitlets.Int(7).tag(sync=True)

    @traitlets.validate("day")
    def _valid_day(self, proposal):
        return int(number_between(proposal, 0, MAX_DAYS, "Aantal dagen", "dagen"))
