"""The question bank as a QTI 3.0 content package (`make qti`), for the test platforms and
LMSs academies use.

The questions are read as the book reads them: Sphinx runs the course's own ``{vraag}``
directive (MyST's parse, ``content/quizanswers.py``) over the question pages, and this package
turns the directive's nodes into QTI. Nothing here parses the Markdown a second time.

- ``collect.py``: a Sphinx builder that keeps each page's question nodes, resolved (a
  ``{fact}`` is then the wording the book shows);
- ``xhtml.py``: a question's docutils nodes as XHTML in the QTI namespace;
- ``items.py``: one ``qti-assessment-item`` per question;
- ``package.py``: the nascholing test (sections by topic, drawn by the blueprint), the
  ``imsmanifest.xml`` and the zip;
- ``__main__.py``: ``python -m miskraam.qti``, what ``make qti`` runs.

Why our own and where: docs/architecture.md, "The bank as QTI".
"""

from __future__ import annotations


class QtiError(ValueError):
    """A question the exporter cannot map, in Dutch, naming the question."""


def setup(app):
    from .collect import QuestionCollector

    app.add_builder(QuestionCollector)
    return {"parallel_read_safe": True, "parallel_write_safe": False}
