"""Bloedverlies: of 100 or 1000 pregnancies, how many bleed and how many of those continue."""

from __future__ import annotations

import traitlets

from .base import CourseWidget, Number, es_module, reject

TOTALS = (100, 1000)


class Bloedverlies(CourseWidget):
    _esm = es_module("bloedverlies")
    FACTS = ("bloedverlies-16-weken", "bloedverlies-blijft-intact", "definitie-16-weken")

    total = Number(100, what="Aantal zwangerschappen", whole=True).tag(sync=True)

    @traitlets.validate("total")
    def _valid_total(self, proposal):
        if proposal["value"] not in TOTALS:
            raise reject("Aantal zwangerschappen: kies 100 of 1000 "
                         f"(je gaf {proposal['value']}).")
        return proposal["value"]

    def static_figure(self):
        from ..figures import bloedverlies

        return bloedverlies(self)
