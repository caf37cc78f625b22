"""Oefening: a numeric exercise that checks the reader's answer in the browser.

Python callbacks (ipywidgets ``interact``) do not run in the published book; this widget
carries the question, the expected answer and the explanation in its state, and its ES
module checks the answer, so the exercise works live in Jupyter and in the book alike.
How the reader's number is read (Dutch notation, the unit after it or not) and when it counts
as right (the margin) is ``judgeNumber`` in ``miskraam/js/number-answer.js``, which also
judges the self-tests' number questions.

Outside a widget-aware viewer (GitHub, nbconvert, a terminal, the book without JavaScript,
the PDF) the exercise is text: its display bundle carries, beside the widget view, the
question with the answer and the explanation folded under it (``static_html``, as every
widget's static fallback, and ``static_text``). Model answers of the notebooks' "Probeer
zelf" tasks are folded the same way (``Modelantwoord``).
"""

from __future__ import annotations

from html import escape

import traitlets

from ..dutch import format_number
from .base import CourseWidget, Flag, Number, Text, es_module, reject

#: the summary of the folded answer in the text form
ANSWER_SUMMARY = "Antwoord en uitleg"


def folded(summary: str, paragraphs, css_class: str) -> str:
    """A native ``<details>``: folded in every viewer that shows HTML, opened in print
    (the print stylesheet shows every ``details``), readable without JavaScript."""
    body = "".join(f"<p>{escape(text)}</p>" for text in paragraphs)
    return (f'<details class="{css_class}"><summary>{escape(summary)}</summary>'
            f"{body}</details>")


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

    def answer_text(self) -> str:
        """The answer as a sentence, in Dutch notation, with the margin when there is one."""
        answer = format_number(self.answer)
        text = f"Antwoord: {answer}{' ' + self.unit if self.unit else ''}"
        if self.tolerance and not self.whole:
            text += (f" (goed als je er hooguit {format_number(self.tolerance)} naast "
                     "zit)")
        return text + "."

    def static_html(self) -> str:
        """The exercise as text: the question, then the answer and explanation folded."""
        return (f'<figure class="miskraam-static miskraam-oefening-tekst">'
                f"<p><strong>Oefening.</strong> {escape(self.question)}</p>"
                + folded(ANSWER_SUMMARY, [self.answer_text(), self.explanation],
                         "miskraam-antwoord-tekst")
                + "</figure>")

    def static_text(self) -> str:
        return f"Oefening. {self.question}\n{self.answer_text()} Uitleg: {self.explanation}"

    def _repr_mimebundle_(self, **kwargs):
        """The widget view for a widget-aware viewer, and the exercise as text for every
        other: a viewer shows the richest type it can (JupyterLab the widget)."""
        bundle = super()._repr_mimebundle_(**kwargs)
        data, metadata = bundle if isinstance(bundle, tuple) else (bundle or {}, {})
        data = {**data, "text/plain": self.static_text(), "text/html": self.static_html()}
        return data, metadata


class Modelantwoord:
    """The model answer of a notebook task, folded: ``display(Modelantwoord(2, "…", "…"))``.

    Markdown (one HTML block) rather than HTML: the book renders it as part of the page
    (theme colours, also in dark mode), JupyterLab and GitHub render the ``<details>`` too,
    and the PDF shows it opened.
    """

    def __init__(self, task: int, *paragraphs: str):
        if not paragraphs:
            raise ValueError("Modelantwoord: geef minstens één alinea met het antwoord.")
        self.task = task
        self.paragraphs = paragraphs

    @property
    def summary(self) -> str:
        return f"Modelantwoord bij opdracht {self.task}"

    def _repr_markdown_(self) -> str:
        return folded(self.summary, self.paragraphs, "miskraam-modelantwoord")

    def __repr__(self) -> str:
        return f"{self.summary}:\n" + "\n".join(self.paragraphs)
