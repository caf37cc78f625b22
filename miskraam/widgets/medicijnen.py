"""Medicijnen: about 80 of 100 succeed; what happens to the others; the evidence by regimen."""

from __future__ import annotations

import traitlets

from .base import CourseWidget, es_module, one_of

VIEWS = ("informatieblad", "onderzoek")
REGIMENS = ("combinatie", "misoprostol")


class Medicijnen(CourseWidget):
    _esm = es_module("medicijnen")
    FACTS = ("medicijnen-succes", "triplem-mife-miso", "triplem-miso",
             "mifemiso-niet-uitgestoten-mife", "mifemiso-niet-uitgestoten-placebo")

    view = traitlets.Unicode("informatieblad").tag(sync=True)
    regimen = traitlets.Unicode("combinatie").tag(sync=True)

    @traitlets.validate("view")
    def _valid_view(self, proposal):
        return one_of(proposal, VIEWS, "Weergave")

    @traitlets.validate("regimen")
    def _valid_regimen(self, proposal):
        return one_of(proposal, REGIMENS, "Medicijnen (combinatie = mifepriston + misoprostol)")
