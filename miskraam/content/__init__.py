"""The course's content extension: its directives and roles, from the book's data folder
(``miskraam_data_dir``, ``miskraam.data``).

Registry numbers (``{fact}``, ``{kerngetallen}``), statements (``{uitspraak}``), alarm signs,
glossary, recommendations, chapter blocks (leerdoelen, kernpunten, verdieping), self-test
questions (``{vraag}``), widgets, the Verantwoording (version, study load, reviews), search
words, and the print and e-reader editions. The page around them is the theme,
``miskraam.theme``.
"""

from __future__ import annotations

from pathlib import Path

from . import (
    aanbeveling,
    alarmbox,
    bibtexplugins,
    blueprint,
    datafolder,
    datahealth,
    editions,
    freshness,
    glossary,
    parallel,
    quiz,
    quizresult,
    search,
    statements,
    structure,
    summaries,
    verantwoording,
    widgetdirective,
)
from .factrole import FactRole
from .kerngetallen import KerngetallenDirective

STATIC = Path(__file__).parent / "static"


def _static_files(app, config):
    config.html_static_path.append(str(STATIC))


def setup(app):
    datafolder.setup(app)  # first: everything below reads the data folder
    app.add_role("fact", FactRole())
    app.add_directive("kerngetallen", KerngetallenDirective)
    datahealth.setup(app)
    structure.setup(app)
    statements.setup(app)
    glossary.setup(app)
    aanbeveling.setup(app)
    summaries.setup(app)
    quiz.setup(app)
    quizresult.setup(app)
    blueprint.setup(app)
    verantwoording.setup(app)
    freshness.setup(app)
    widgetdirective.setup(app)
    search.setup(app)
    alarmbox.setup(app)
    editions.setup(app)
    bibtexplugins.setup(app)
    parallel.setup(app)
    app.connect("config-inited", _static_files)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
