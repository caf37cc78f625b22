"""Medicijnen: about 80 of 100 succeed; what happens to the others; the evidence by regimen."""

from __future__ import annotations

import traitlets

from .base import EvidenceViews, es_module, one_of

REGIMENS = ("combinatie", "misoprostol")


class Medicijnen(EvidenceViews):
    _esm = es_module("medicijnen")
    FACTS = ("medicijnen-succes", "triplem-mife-miso", "triplem-miso",
             "mifemiso-niet-uitgestoten-mife", "mifemiso-niet-uitgestoten-placebo")

    regimen = traitlets.Unicode("combinatie").tag(sync=True)


    @traitlets.validate("regimen")
    def _valid_regimen(self, proposal):
        return one_of(proposal, REGIMENS, "Medicijnen (combinatie = mifepriston + misoprostol)")
