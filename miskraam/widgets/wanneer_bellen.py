"""Wanneer bellen?: a learning example that says plainly whether the leaflet's signs say call now.

Not a triage tool: the module says so to the reader. Inputs are validated here (Python
traits, Dutch messages) and in the ES module (which never shows a verdict on bad input).
"""

from __future__ import annotations

import traitlets

from .base import CourseWidget, es_module, number_between, one_of

PAIN_LEVELS = ("geen", "licht", "hevig")
MAX_PADS = 20
TEMPERATURE_RANGE = (34.0, 43.0)


class WanneerBellen(CourseWidget):
    _esm = es_module("wanneer_bellen")
    FACTS = ("alarm-maandverbanden", "alarm-koorts", "verloskundige-24-uur")

    pads_per_hour = traitlets.Float(0.0).tag(sync=True)
    temperature = traitlets.Float(37.0).tag(sync=True)
    pain = traitlets.Unicode("geen").tag(sync=True)
    worried = traitlets.Bool(False).tag(sync=True)
    lasting_complaints = traitlets.Bool(False).tag(sync=True)

    @traitlets.validate("pads_per_hour")
    def _valid_pads(self, proposal):
        return number_between(proposal, 0, MAX_PADS, "Doorweekte maandverbanden per uur")

    @traitlets.validate("temperature")
    def _valid_temperature(self, proposal):
        low, high = TEMPERATURE_RANGE
        return number_between(proposal, low, high, "Temperatuur", "°C")

    @traitlets.validate("pain")
    def _valid_pain(self, proposal):
        return one_of(proposal, PAIN_LEVELS, "Pijn")
