"""Oefening: a numeric exercise that checks the reader's answer in the browser.

Python callbacks (ipywidgets ``interact``) do not run in the published book; this widget
carries the question, the expected answer and the explanation in its state, and its ES
module checks the answer, so the exercise works live in Jupyter and in the book alike.
"""

from __future__ import annotations

import traitlets

from .base import CourseWidget, es_module, reject


class Oefening(CourseWidget):
    _esm = es_module("oefening")

    question = traitlets.Unicode().tag(sync=True)
    answer = traitlets.Float().tag(sync=True)
    tolerance = traitlets.Float(0.5).tag(sync=True)
    unit = traitlets.Unicode("").tag(sync=True)
    explanation = traitlets.Unicode().tag(sync=True)
    attempt = traitlets.Unicode("").tag(sync=True)

    def __init__(self, question: str, answer: float, explanation: str, *, unit: str = "",
                 tolerance: float = 0.5, facts: tuple[str, ...] = (), **kwargs):
        self.FACTS = tuple(facts)
        super().__init__(question=question, answer=answer, explanation=explanation, unit=unit,
                         tolerance=tolerance, **kwargs)

    @traitlets.validate("question", "explanation")
    def _not_empty(self, proposal):
        if not proposal["value"].strip():
            raise reject(f"Oefening: '{proposal['trait'].name}' mag niet leeg zijn.")
        return proposal["value"]

    @traitlets.validate("tolerance")
    def _valid_tolerance(self, proposal):
        if proposal["value"] < 0:
            raise reject("Oefening: de marge kan niet negatief zijn.")
        return proposal["value"]
