"""Bloedverlies: of 100 or 1000 pregnancies, how many bleed and how many of those continue."""

from __future__ import annotations

import traitlets

from ..dutch import format_number
from .base import CourseWidget, Number, es_module, reject


class Bloedverlies(CourseWidget):
    _esm = es_module("bloedverlies")
    FACTS = ("bloedverlies-16-weken", "bloedverlies-blijft-intact", "definitie-16-weken")

    #: the totals a reader can pick (the first is the default), and the icon array's columns
    TOTALS = {100: 10, 1000: 40}

    total = Number(100, what="Aantal zwangerschappen", whole=True).tag(sync=True)

    @traitlets.validate("total")
    def _valid_total(self, proposal):
        if proposal["value"] not in self.TOTALS:
            choices = " of ".join(format_number(total) for total in self.TOTALS)
            raise reject(f"Aantal zwangerschappen: kies {choices} "
                         f"(je gaf {format_number(proposal['value'])}).")
        return proposal["value"]

    def limits_payload(self) -> dict:
        return {"totals": [{"value": total, "label": f"{format_number(total)} zwangerschappen",
                            "columns": columns} for total, columns in self.TOTALS.items()]}

    def static_figure(self):
        from ..figures import bloedverlies

        return bloedverlies(self)
