"""Wanneer bellen?: a learning example that says plainly whether to call now, or to call 112.

Not a triage tool: the module says so to the reader. The alarm signs are data
(``alarmsignalen.yml`` in the book's data folder, thresholds from the facts registry), sent to
the ES module in the synced ``alarm`` trait; ``alarm-rule.js`` applies the one rule: any sign
gives "bel nu", a sign of level 112 gives "bel 112", and input that is missing, wrong or
unreadable is named beside its field and never holds an alarm back. Inputs are validated here
too (Python traits, Dutch messages).
"""

from __future__ import annotations

from html import escape

import traitlets

from .. import data
from ..alarm import alarm_signs
from .base import Choices, CourseWidget, Data, Number, Text, es_module, reject


def pain_ids() -> tuple[str, ...]:
    return tuple(level.id for level in alarm_signs().pain_levels)


def checkbox_ids() -> tuple[str, ...]:
    return tuple(sign.id for sign in alarm_signs().signs if sign.input == "vinkje")


class WanneerBellen(CourseWidget):
    _esm = es_module("wanneer_bellen")
    FACTS = ("verloskundige-24-uur",)

    #: the alarm signs and pain levels, from alarmsignalen.yml (read-only, like ``facts``)
    alarm = Data(what="Alarmsignalen").tag(sync=True)
    #: the limits of the two number fields: a value outside them cannot be right, so the widget
    #: asks a yes/no question instead (alarm-rule.js)
    MAX_PADS = 20
    TEMPERATURE_RANGE = (34.0, 43.0)

    #: soaked pads in the last hour; None: not filled in
    pads_per_hour = Number(None, allow_none=True, what="Doorweekte maandverbanden per uur",
                           low=0, high=lambda widget: widget.MAX_PADS).tag(sync=True)
    #: rectal temperature in °C; None: not measured ("weet ik niet"), never "no fever"
    temperature = Number(None, allow_none=True, what="Temperatuur",
                         low=lambda widget: widget.TEMPERATURE_RANGE[0],
                         high=lambda widget: widget.TEMPERATURE_RANGE[1],
                         unit="°C").tag(sync=True)
    pain = Text("geen", what="Pijn", options=pain_ids).tag(sync=True)
    #: ids of the ticked signs (checkboxes)
    checked = Choices(what="Aangevinkt", options=checkbox_ids).tag(sync=True)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.alarm = alarm_signs().payload()

    def limits_payload(self) -> dict:
        return {"pads": [0, self.MAX_PADS], "temperature": list(self.TEMPERATURE_RANGE)}

    @traitlets.validate("alarm")
    def _alarm_comes_from_the_data(self, proposal):
        if proposal["value"] != alarm_signs().payload():
            raise reject(f"Alarmsignalen: de alarmsignalen komen uit "
                         f"{data.where(data.ALARM_SIGNS)} en kunnen hier niet worden aangepast.")
        return proposal["value"]

    def _signs_by_level(self):
        """The alarm box's items (after "als je"), by level: what the widget would say."""
        signs = alarm_signs()
        for level in ("112", "bel"):
            yield f"{signs.texts[f'kop_{level}']}:", [sign.box_text().replace("**", "")
                                                      for sign in signs.of_level(level)]

    def static_html(self) -> str:
        """The alarm signs (this widget's ``alarm`` state) as lists, for print and readers
        without JavaScript: a <figure class="miskraam-static">, like the other fallbacks."""
        parts = ['<figure class="miskraam-static miskraam-alarm-static">']
        for heading, reasons in self._signs_by_level():
            items = "".join(f"<li>{escape(reason)}</li>" for reason in reasons)
            parts.append(f"<p><strong>{escape(heading)}</strong></p><ul>{items}</ul>")
        parts.append("</figure>")
        return "".join(parts)

    def static_text(self) -> str:
        return " ".join(f"{heading} {'; '.join(reasons)}."
                        for heading, reasons in self._signs_by_level())

