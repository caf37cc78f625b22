"""Curettage: 10-13 of 100 get adhesions; the evidence view with the hysteroscopy figure."""

from __future__ import annotations

from .base import EvidenceViews, es_module


class Curettage(EvidenceViews):
    _esm = es_module("curettage")
    FACTS = ("curettage-verklevingen", "hooker-verklevingen", "hooker-verklevingen-licht")

    def static_figure(self):
        from ..figures import curettage

        return curettage(self)
