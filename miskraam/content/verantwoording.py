"""What a professional register asks of a course: its version, the study load, and a review
date per chapter.

- ``{cursusversie}`` (role): the course version, ``release`` in ``_config.yml``; the
  certificate of the nascholing module shows the same value.
- ``{studielast}`` (directive): the study load in hours, computed from the book itself when it
  is built (words read, open exercises, scored questions), with how it was computed. The
  nascholing result and certificate (quiz.py's ``result_node``) get the same number from here,
  so it cannot drift from the text. Each page's counts are collected when the page is read
  (``StudyCounts``), and added up when a page that shows the total is written.
- ``{herzieningen}`` (directive): a table of every chapter with its review date and what the
  review covered, from ``herziening.yml`` in the book's data folder; a chapter in the table of
  contents without an entry is a build error.
"""

from __future__ import annotations

import math
import re

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole

from .. import data
from ..dutch import format_number
from .pagedata import PageCollector
from .quiz import blueprint_node, question_node, result_node
from .summaries import book_order, whole_book_node

logger = logging.getLogger(__name__)

#: the assumptions of the estimate, said on the page
WORDS_PER_MINUTE = 150  # studying professional Dutch text, slower than reading for pleasure
MINUTES_PER_OPEN_EXERCISE = 5  # answer it yourself, then read the model answer
MINUTES_PER_QUESTION = 1.5  # a closed question with its feedback

#: sphinx-exercise's node classes for an exercise (numbered or not)
EXERCISE_NODES = ("exercise_node", "exercise_enumerable_node", "exercise_unenumerable_node")


class CursusversieRole(SphinxRole):
    def run(self):
        return [nodes.inline(text=self.config.release or "onbekend",
                             classes=["miskraam-versie"])], []


class studyload_node(whole_book_node):
    """Placeholder for the study load, filled when the page is written."""


class StudielastDirective(SphinxDirective):
    def run(self):
        return [studyload_node()]


class reviews_node(whole_book_node):
    """Placeholder for the review table, filled when the page is written."""


class HerzieningenDirective(SphinxDirective):
    def run(self):
        self.env.note_dependency(str(data.path(data.REVIEWS)))
        return [reviews_node()]


#: not read by a student: HTML written into the page (a widget's state and code), code cells,
#: docutils' notes to the author (filtered out after the page's counts are collected)
NOT_READ = (nodes.raw, nodes.literal_block, nodes.comment, nodes.system_message)
#: counted by the minute, not by the word: exercises with their model answers, scored questions
COUNTED_APART = ("widget_node", "question_node", "solution_node", "blueprint_node",
                 *EXERCISE_NODES)
#: looked things up in, not studied: the appendices and pages about the course itself (the
#: config value ``miskraam_reference_pages``; these are its defaults)
REFERENCE_PAGES = ["book/kerngetallen", "book/bronnen", "book/begrippen", "book/verantwoording",
                   "book/over", "book/nascholing/voortgang"]


def _reading_text(tree) -> str:
    """The text a reader reads: no raw HTML (widget state, scripts), no code."""
    parts = []
    for text in tree.findall(nodes.Text):
        parent, skip = text.parent, False
        while parent is not None:
            if isinstance(parent, NOT_READ) or parent.__class__.__name__ in COUNTED_APART:
                skip = True
                break
            parent = parent.parent
        if not skip:
            parts.append(str(text))
    return " ".join(parts)


class StudyCounts(PageCollector):
    """Per page: its words of study text, open exercises and scored questions."""

    attribute = "miskraam_study_counts"

    def collect(self, app, doctree):
        return {"words": len(re.findall(r"\w+", _reading_text(doctree))),
                "exercises": sum(1 for node in doctree.findall(nodes.Element)
                                 if node.__class__.__name__ in EXERCISE_NODES),
                # a test drawn from a pool: one attempt is studied, not the pool
                "questions": next((sum(node["onderwerpen"].values())
                                   for node in doctree.findall(blueprint_node)),
                                  sum(1 for _ in doctree.findall(question_node)))}


def measure(env) -> dict:
    """Words, open exercises and scored questions over the whole book, and the hours."""
    counts = StudyCounts.of(env)
    pages = [counts[doc] for doc in book_order(env) if doc in counts
             and doc not in env.config.miskraam_reference_pages]
    words, exercises, questions = (sum(page[kind] for page in pages)
                                   for kind in ("words", "exercises", "questions"))
    minutes = (words / WORDS_PER_MINUTE + exercises * MINUTES_PER_OPEN_EXERCISE
               + questions * MINUTES_PER_QUESTION)
    hours = math.ceil(minutes / 30) / 2  # to the next half hour
    return {"words": words, "exercises": exercises, "questions": questions, "hours": hours}


def fill(app, doctree, docname):
    """The study load into the page's ``{studielast}`` and its test result's certificate,
    the review table into ``{herzieningen}``."""
    env = app.env
    loads = list(doctree.findall(studyload_node))
    results = list(doctree.findall(result_node))
    load = measure(env) if loads or results else None
    for node in loads:
        paragraph = nodes.paragraph()
        paragraph += nodes.strong(text=f"Studielast: {format_number(load['hours'])} uur.")
        paragraph += nodes.Text(
            f" Zo berekend, bij het bouwen van deze versie: {format_number(load['words'])} "
            f"woorden lezen en bestuderen (de bijlagen niet meegerekend) bij {WORDS_PER_MINUTE} "
            "woorden per minuut, "
            f"{load['exercises']} open oefenvragen en casussen van elk "
            f"{MINUTES_PER_OPEN_EXERCISE} minuten, en {load['questions']} gesloten vragen van "
            f"elk {format_number(MINUTES_PER_QUESTION)} minuut; afgerond op een half uur naar "
            "boven. Het is een schatting: wie de verdieping overslaat, is sneller klaar.")
        node.replace_self(paragraph)
    for node in list(doctree.findall(reviews_node)):
        node.replace_self(_reviews_table(app, docname))
    for node in results:
        node["studielast"] = format_number(load["hours"])


def _reviews_table(app, docname):
    env = app.env
    path = data.path(data.REVIEWS)
    entries = data.read_yaml(path) if path.exists() else {}
    table = nodes.table(classes=["miskraam-herzieningen"])
    group = nodes.tgroup(cols=3)
    table += group
    for width in (40, 15, 45):
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    row = nodes.row()
    for title in ("Hoofdstuk", "Herzien op", "Wat is nagekeken"):
        row += nodes.entry("", nodes.paragraph(text=title))
    head += row
    group += head
    body = nodes.tbody()
    for doc in book_order(env):
        if doc == env.config.root_doc:
            continue
        entry = (entries or {}).get(doc)
        if not entry:
            logger.error("%s: hoofdstuk '%s' heeft geen herzieningsdatum; vul die in",
                         data.shown(path), doc, type="miskraam", subtype="herziening")
            continue
        row = nodes.row()
        title = env.titles[doc].astext() if doc in env.titles else doc
        link = nodes.paragraph()
        link += nodes.reference("", title, refuri=app.builder.get_relative_uri(docname, doc))
        row += nodes.entry("", link)
        when = entry.get("herzien", "")
        when = when.strftime("%d-%m-%Y") if hasattr(when, "strftime") else str(when)
        row += nodes.entry("", nodes.paragraph(text=when))
        row += nodes.entry("", nodes.paragraph(text=str(entry.get("wat", ""))))
        body += row
    group += body
    return table


def setup(app):
    app.add_config_value("miskraam_reference_pages", REFERENCE_PAGES, "env", [list])
    app.add_role("cursusversie", CursusversieRole())
    app.add_node(studyload_node)
    app.add_node(reviews_node)
    app.add_directive("studielast", StudielastDirective)
    app.add_directive("herzieningen", HerzieningenDirective)
    app.add_env_collector(StudyCounts)
    app.connect("doctree-resolved", fill)
