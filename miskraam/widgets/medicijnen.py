"""Medicijnen: about 80 of 100 succeed; what happens to the others; the evidence by regimen."""

from __future__ import annotations

from .base import EvidenceViews, Text, es_module

REGIMENS = ("combinatie", "misoprostol")


class Medicijnen(EvidenceViews):
    _esm = es_module("medicijnen")
    FACTS = ("medicijnen-succes", "triplem-mife-miso", "triplem-miso",
             "mifemiso-niet-uitgestoten-mife", "mifemiso-niet-uitgestoten-placebo")

    regimen = Text("combinatie", what="Medicijnen (combinatie = mifepriston + misoprostol)",
                   options=REGIMENS).tag(sync=True)

    def static_figure(self):
        from ..figures import medicijnen

        return medicijnen(self)
