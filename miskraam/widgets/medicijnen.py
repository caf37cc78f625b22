"""Medicijnen: about 80 of 100 succeed (leaflet); what happens to the others; the evidence by
regimen (Triple M: oral schedule, women who had waited a week)."""

from __future__ import annotations

from .base import EvidenceViews, Text, es_module

#: regimen key -> (its label, the registry id of its success rate) in the research view
REGIMENS = {
    "combinatie": ("mifepriston + misoprostol", "triplem-mife-miso"),
    "misoprostol": ("alleen misoprostol", "triplem-miso"),
}


class Medicijnen(EvidenceViews):
    _esm = es_module("medicijnen")
    FACTS = ("medicijnen-succes", *(fact_id for _, fact_id in REGIMENS.values()))

    regimen = Text("combinatie", what="Medicijnen (combinatie = mifepriston + misoprostol)",
                   options=tuple(REGIMENS)).tag(sync=True)

    def limits_payload(self) -> dict:
        return {**super().limits_payload(),
                "regimens": [{"key": key, "label": label, "fact": fact_id}
                             for key, (label, fact_id) in REGIMENS.items()]}

    def static_figure(self):
        from ..figures import medicijnen

        return medicijnen(self)
