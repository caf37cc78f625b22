"""Afwachten: how many of 100 women have miscarried completely after a number of days."""

from __future__ import annotations

from ..facts import fact
from .base import CourseWidget, Number, es_module


class Afwachten(CourseWidget):
    _esm = es_module("afwachten")
    FACTS = ("afwachten-binnen-week", "afwachten-binnen-3-weken", "afwachten-3-weken-duur")

    #: the slider's last day: the leaflet says nothing after its last point
    MAX_DAYS = 28
    #: days between the labelled ticks of the chart's day axis
    TICK_DAYS = 7
    #: "binnen een week": the day of the leaflet's first point
    WEEK_DAYS = 7

    day = Number(7, what="Aantal dagen", low=0, high=lambda widget: widget.MAX_DAYS,
                 unit="dagen", whole=True).tag(sync=True)

    def limits_payload(self) -> dict:
        later = fact("afwachten-3-weken-duur").value * self.WEEK_DAYS
        return {
            "max_days": self.MAX_DAYS,
            "ticks": list(range(0, self.MAX_DAYS + 1, self.TICK_DAYS)),
            # the leaflet's two points: [day, percentage]
            "points": [[self.WEEK_DAYS, fact("afwachten-binnen-week").value],
                       [later, fact("afwachten-binnen-3-weken").value]],
        }

    def static_figure(self):
        from ..figures import afwachten

        return afwachten(self)
