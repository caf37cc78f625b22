"""Oefening: a numeric exercise that checks the reader's answer in the browser.

Python callbacks (ipywidgets ``interact``) do not run in the published book; this widget
carries the question, the expected answer and the explanation in its state, and its ES
module checks the answer, so the exercise works live in Jupyter and in the book alike.
How the reader's number is read (Dutch notation) and when it counts as right (the margin)
are the shared helpers ``readDutchNumber`` and ``withinMargin`` in ``shared.js``.
"""

from __future__ import annotations

import traitlets

from .base import CourseWidget, Flag, Number, Text, es_module, reject


class Oefening(CourseWidget):
    _esm = es_module("oefening")

    question = Text(what="Vraag", required=True).tag(sync=True)
    answer = Number(0.0, what="Antwoord").tag(sync=True)
    #: how far a reader's answer may lie from ``answer`` and still count as right
    tolerance = Number(0.5, what="Marge", low=0).tag(sync=True)
    #: the answer is a count (of women, of pregnancies): 4,5 is refused, not rounded
    whole = Flag(False, what="Heel getal").tag(sync=True)
    unit = Text("", what="Eenheid").tag(sync=True)
    explanation = Text(what="Uitleg", required=True).tag(sync=True)
    #: the reader's last answer, as typed
    attempt = Text("", what="Jouw antwoord").tag(sync=True)

    def __init__(self, question: str, answer: float, explanation: str, *, unit: str = "",
                 tolerance: float = 0.5, whole: bool = False, facts: tuple[str, ...] = (),
                 **kwargs):
        self.FACTS = tuple(facts)
        super().__init__(question=question, answer=answer, explanation=explanation, unit=unit,
                         tolerance=tolerance, whole=whole, **kwargs)

    @traitlets.validate("answer", "whole")
    def _whole_answer(self, proposal):
        answer = proposal["value"] if proposal["trait"].name == "answer" else self.answer
        whole = proposal["value"] if proposal["trait"].name == "whole" else self.whole
        if whole and answer != int(answer):
            raise reject(f"Antwoord: vul een heel getal in (je gaf {answer:g}); de oefening "
                         "vraagt een heel getal.")
        return proposal["value"]
