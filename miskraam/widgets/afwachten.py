"""Afwachten: how many of 100 women have miscarried completely after a number of days."""

from __future__ import annotations

from .base import CourseWidget, Number, es_module

MAX_DAYS = 28


class Afwachten(CourseWidget):
    _esm = es_module("afwachten")
    FACTS = ("afwachten-binnen-week", "afwachten-binnen-3-weken", "afwachten-3-weken-duur")

    day = Number(7, what="Aantal dagen", low=0, high=MAX_DAYS, unit="dagen",
                 whole=True).tag(sync=True)

    def static_figure(self):
        from ..figures import afwachten

        return afwachten(self)
