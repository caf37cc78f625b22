"""Curettage: 10-13 of 100 get adhesions; the evidence view with the hysteroscopy figure."""

from __future__ import annotations

import traitlets

from .base import CourseWidget, es_module, one_of

VIEWS = ("informatieblad", "onderzoek")


class Curettage(CourseWidget):
    _esm = es_module("curettage")
    FACTS = ("curettage-verklevingen", "hooker-verklevingen", "hooker-verklevingen-licht")

    view = traitlets.Unicode("informatieblad").tag(sync=True)

    @traitlets.validate("view")
    def _valid_view(self, proposal):
        return one_of(proposal, VIEWS, "Weergave")
