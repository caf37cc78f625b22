"""Curettage: 10-13 of 100 get adhesions; the evidence view with the hysteroscopy figure."""

from __future__ import annotations

import traitlets

from .base import CourseWidget, es_module, reject

VIEWS = ("informatieblad", "onderzoek")


class Curettage(CourseWidget):
    _esm = es_module("curettage")
    FACTS = ("curettage-verklevingen", "hooker-verklevingen", "hooker-verklevingen-licht")

    view = traitlets.Unicode("informatieblad").tag(sync=True)

    @traitlets.validate("view")
    def _valid_view(self, proposal):
        if proposal["value"] not in VIEWS:
            raise reject(f"Weergave: kies 'informatieblad' of 'onderzoek' (je gaf '{proposal['value']}').")
        return proposal["value"]
