"""Hartactiviteit: the risk once a heartbeat is seen, against the risk at the first bleeding."""

from __future__ import annotations

import traitlets

from .base import EvidenceViews, es_module, one_of

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

    situation = traitlets.Unicode("bloedverlies").tag(sync=True)


    @traitlets.validate("situation")
    def _valid_situation(self, proposal):
        return one_of(proposal, tuple(SITUATIONS), "Situatie")
