"""Hartactiviteit: the risk once a heartbeat is seen, against the risk at the first bleeding."""

from __future__ import annotations

from .base import EvidenceViews, Text, es_module

#: situation key -> registry id (the evidence view)
SITUATIONS = {
    "6-weken": "tong-risico-6-weken",
    "8-weken": "tong-risico-8-weken",
    "9-weken": "tong-risico-9-weken",
    "bloedverlies": "bloedverlies-levend-risico",
    "hematoom": "hematoom-risico",
    "zonder-hematoom": "zonder-hematoom-risico",
}


class Hartactiviteit(EvidenceViews):
    _esm = es_module("hartactiviteit")
    FACTS = ("risico-na-hartactiviteit", "bloedverlies-blijft-intact",
             "hartactiviteit-vanaf-7-weken", "tong-risico-totaal", *SITUATIONS.values())

    situation = Text("bloedverlies", what="Situatie", options=tuple(SITUATIONS)).tag(sync=True)

    def static_figure(self):
        from ..figures import hartactiviteit

        return hartactiviteit(self)
