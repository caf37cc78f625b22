"""Hartactiviteit: the risk once a heartbeat is seen, against the risk at the first bleeding."""

from __future__ import annotations

from .base import EvidenceViews, Text, es_module

#: situation key -> (its label, the registry id of its risk) in the research view
SITUATIONS = {
    "6-weken": ("hartje gezien op 6 weken, geen klachten", "tong-risico-6-weken"),
    "7-weken": ("hartje gezien op 7 weken, geen klachten", "tong-risico-7-weken"),
    "8-weken": ("hartje gezien op 8 weken, geen klachten", "tong-risico-8-weken"),
    "9-weken": ("hartje gezien op 9 weken, geen klachten", "tong-risico-9-weken"),
    "10-weken": ("hartje gezien op 10 weken, geen klachten", "tong-risico-10-weken"),
    "bloedverlies": ("hartje gezien, met bloedverlies in het eerste trimester",
                     "bloedverlies-levend-risico"),
    "hematoom": ("hematoom naast de vruchtzak op de echo", "hematoom-risico"),
    "zonder-hematoom": ("geen hematoom op de echo (vergelijkingsgroep)", "zonder-hematoom-risico"),
}
DEFAULT_SITUATION = "bloedverlies"


class Hartactiviteit(EvidenceViews):
    _esm = es_module("hartactiviteit")
    FACTS = ("risico-na-hartactiviteit", "bloedverlies-blijft-intact", "tong-risico-totaal",
             *(fact_id for _, fact_id in SITUATIONS.values()))

    situation = Text(DEFAULT_SITUATION, what="Situatie", options=tuple(SITUATIONS)).tag(sync=True)

    def limits_payload(self) -> dict:
        return {**super().limits_payload(), "default_situation": DEFAULT_SITUATION,
                "situations": [{"key": key, "label": label, "fact": fact_id}
                               for key, (label, fact_id) in SITUATIONS.items()]}

    def static_figure(self):
        from ..figures import hartactiviteit

        return hartactiviteit(self, SITUATIONS[DEFAULT_SITUATION][1])
