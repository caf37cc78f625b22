"""The result of a test taken as a whole (the Eindtoets nascholing): its pass mark, the result
section, the proof of participation and the worksheet a panel uses to set the pass mark.

- ``miskraam_pass_mark`` (``_config.yml``): the pass mark, a whole number 1-100 (percent);
  anything else stops the build with one Dutch message. A reader passes when
  ``right * 100 >= mark * total``: no rounding, so the cut in questions is ``cut()``, and the
  script scores by the same rule (``miskraam/js/quiz-score.js``).
- ``{cesuur}`` (role): ``{cesuur}`procent``` is "70%", ``{cesuur}`vragen``` "26 van de 36
  vragen" (the page's own questions, or one attempt's when the page draws them from a pool by
  a ``{blauwdruk}``), ``{cesuur}`aantal``` "36 vragen"; ``cesuur`` as the text is ``procent``.
  Filled when the
  page is written, from what every page collected, so it follows a question added or removed.
- ``{toetsuitslag}`` (directive): the result section the page script fills, with a
  ``<template>`` of the "Bewijs van deelname aan een zelftoets": course name, version and
  address, the learning goals (a copy of the page's ``{leerdoelen}``, never typed twice), the
  estimated study load of the course (``verantwoording.py`` fills it in). Date, score, pass mark
  and name are the reader's, filled in by ``miskraam/js/quiz-proof-view.js``.
- ``{angoffwerkblad}`` (directive): a CSV written next to the page at build time, one row per
  question of the page (id, topic, kind, the start of the stem), with columns for a panel's
  estimates (Angoff), and the link to it.
"""

from __future__ import annotations

import csv
import io
import posixpath
from html import escape
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.errors import ConfigError
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole

from .pagedata import PageCollector
from .quiz import Questions, attempt_size, passthrough, question_node, result_node, skip

logger = logging.getLogger(__name__)

SETTING = "miskraam_pass_mark"
#: the forms of {cesuur}: the text names one ("cesuur", the name of the role, is the percentage)
FORMS = {"procent": "procent", "cesuur": "procent", "vragen": "vragen", "aantal": "aantal"}
#: raters in the worksheet's columns; a panel of five is the least the page advises
RATERS = 5


# --- the pass mark ----------------------------------------------------------------------------

def default_pass_mark(config) -> int:
    """The pass mark of a project that sets none (the test roots); the course sets its own."""
    return 70


def pass_mark_problem(value) -> str:
    """Why a value cannot be the pass mark (Dutch), or "" when it can."""
    if isinstance(value, bool) or not isinstance(value, int):
        return (f"{value!r} is geen heel getal. Schrijf een heel getal van 1 tot en met 100, "
                "zonder aanhalingstekens of procentteken, bijvoorbeeld 70")
    if not 1 <= value <= 100:
        return f"{value} ligt niet tussen 1 en 100 (het is een percentage), bijvoorbeeld 70"
    return ""


def check_pass_mark(app, config):
    problem = pass_mark_problem(getattr(config, SETTING))
    if problem:
        raise ConfigError(f"De cesuur ({SETTING} in _config.yml, onder sphinx: config:) klopt "
                          f"niet: {problem}.")


def pass_mark_option(text: str) -> int:
    """``:drempel:`` of ``{toetsuitslag}``: the same rule as the setting."""
    try:
        value = int(text.strip())
    except ValueError:
        value = text
    problem = pass_mark_problem(value)
    if problem:
        raise ValueError(problem)
    return value


def cut(total: int, mark: int) -> int:
    """The fewest right answers that pass: the smallest ``right`` with ``right * 100 >= mark *
    total`` (integers only: 70% of 36 is 25.2, so 26)."""
    return -(-mark * total // 100)


class PassMarks(PageCollector):
    """The pass mark of each page with a ``{toetsuitslag}`` (its ``:drempel:`` or the setting),
    so that ``{cesuur}`` anywhere on the page says the mark the result scores by."""

    attribute = "miskraam_pass_marks"

    def collect(self, app, doctree):
        marks = [node["drempel"] for node in doctree.findall(result_node)]
        return marks[0] if marks else None


# --- {cesuur} ---------------------------------------------------------------------------------

class pass_mark_node(nodes.Inline, nodes.TextElement):
    """``{cesuur}`` until the page is written: ``form`` and ``toets`` (the page)."""


class CesuurRole(SphinxRole):
    """The pass mark as prose reads it: "70%" or "26 van de 36 vragen"."""

    def run(self):
        form = FORMS.get(self.text.strip())
        if form is None:
            message = (f"{{cesuur}}`{self.text}` op pagina '{self.env.docname}': kies "
                       "'procent' (70%), 'vragen' (26 van de 36 vragen) of 'aantal' (36 vragen)")
            logger.error(message, location=self.get_location(), type="miskraam",
                         subtype="cesuur")
            return [], []
        return [pass_mark_node(form=form, toets=self.env.docname)], []


def pass_mark_text(env, node) -> str:
    mark = PassMarks.of(env).get(node["toets"], env.config.miskraam_pass_mark)
    if node["form"] == "procent":
        return f"{mark}%"
    total = attempt_size(env, node["toets"])  # drawn from a pool: an attempt, not the pool
    if node["form"] == "aantal":
        return f"{total} vragen"
    return f"{cut(total, mark)} van de {total} vragen"


def fill_pass_marks(app, doctree, docname):
    for node in list(doctree.findall(pass_mark_node)):
        if node["form"] != "procent" and not Questions.of(app.env).get(node["toets"]):
            logger.error("{cesuur}`vragen` op pagina '%s': deze pagina heeft geen vragen",
                         node["toets"], location=node, type="miskraam", subtype="cesuur")
        node.replace_self(nodes.inline(text=pass_mark_text(app.env, node),
                                       classes=["miskraam-cesuur"]))


# --- {toetsuitslag} and the proof of participation -------------------------------------------

class proof_node(nodes.General, nodes.Element):
    """The proof of participation as a ``<template>`` in the result section: the page script
    copies it when the reader has passed. Its children are the course's learning goals."""


def _attributes(node, names):
    return {f"data-{name}": str(node[name]) for name in names if node.get(name) not in (None, "")}


def visit_result_html(self, node):
    self.body.append(self.starttag(node, "section", CLASS="miskraam-toetsuitslag",
                                   **_attributes(node, ("drempel", "studielast", "versie"))))


def depart_result_html(self, node):
    self.body.append("</section>\n")


def _field(label: str, value: str = "", name: str = "") -> str:
    """One line of the proof: a label and its value (or an empty slot the script fills)."""
    slot = f' data-veld="{name}"' if name else ""
    return f"<dt>{label}</dt><dd{slot}>{escape(value)}</dd>"


def visit_proof_html(self, node):
    result = node.parent
    self.body.append(
        '<template class="miskraam-bewijs-sjabloon">'
        '<div class="miskraam-bewijs is-zonder-naam" role="region" '
        'aria-label="Bewijs van deelname aan een zelftoets">'
        '<p class="miskraam-bewijs-titel">Bewijs van deelname aan een zelftoets</p>'
        '<dl class="miskraam-bewijs-velden">'
        + _field("Naam", name="naam")
        + _field("Cursus", node["cursus"])
        + _field("Versie", node["versie"] or "onbekend")
        + _field("Adres", node["adres"], name="adres")
        + _field("Zelftoets", node["toets_titel"])
        + _field("Datum", name="datum")
        + _field("Score", name="score")
        + _field("Cesuur", name="cesuur")
        + _field("Geschatte studielast van de cursus",
                 f"{result.get('studielast') or '?'} uur (voor de hele cursus, niet de tijd "
                 "die jij eraan besteedde)")
        + "</dl>")
    if node.children:
        self.body.append('<p class="miskraam-bewijs-kop">Leerdoelen van de cursus (wat de cursus '
                         'wil bereiken):</p>')


def depart_proof_html(self, node):
    self.body.append(
        '<p class="miskraam-bewijs-noot">Dit bewijs maakte je zelf, in je eigen browser, met de '
        "uitslag van een zelftoets zonder toezicht. De cursus is niet geaccrediteerd: dit bewijs "
        "geeft geen accreditatiepunten. Accreditatie verleent het Kwaliteitsregister "
        "Verloskundigen.</p></div>"
        '<p><label for="miskraam-bewijs-naam">Je naam, zoals hij op het bewijs moet staan: '
        '</label><input type="text" id="miskraam-bewijs-naam" autocomplete="name" '
        'aria-describedby="miskraam-bewijs-reden"></p>'
        '<p class="miskraam-bewijs-reden" id="miskraam-bewijs-reden"></p>'
        '<button type="button" class="miskraam-button miskraam-bewijs-druk" disabled '
        'aria-describedby="miskraam-bewijs-reden">Druk het bewijs af</button>'
        "</template>\n")


class ToetsuitslagDirective(SphinxDirective):
    """The result of the questions on this page as one test: score, pass mark, per topic, and
    the proof of participation with the study load of the whole course."""

    option_spec = {"drempel": pass_mark_option}  # default: miskraam_pass_mark
    has_content = True

    def run(self):
        config = self.config
        version = config.release or config.version or ""
        # the study load is filled in from the whole book (verantwoording.py)
        node = result_node(drempel=self.options.get("drempel", config.miskraam_pass_mark),
                           studielast="", versie=version)
        self.state.nested_parse(self.content, self.content_offset, node)
        node += proof_node(cursus=config.html_title or config.project, versie=version,
                           adres=config.html_baseurl or "", toets_titel="")
        return [node]


def fill_proofs(app, doctree, docname):
    """The page's title and a copy of its learning goals into its proof."""
    proofs = list(doctree.findall(proof_node))
    if not proofs:
        return
    title = app.env.titles.get(docname)
    goals = next((node for node in doctree.findall(nodes.admonition)
                  if "leerdoelen" in node["classes"]), None)
    for proof in proofs:
        proof["toets_titel"] = title.astext() if title else ""
        if goals is not None:
            proof.extend(child.deepcopy() for child in goals.children
                         if not isinstance(child, nodes.title))


# --- {angoffwerkblad} -------------------------------------------------------------------------

class worksheet_node(nodes.General, nodes.Element):
    """The link to the page's Angoff worksheet, written when the page is."""


class AngoffDirective(SphinxDirective):
    """The worksheet a panel fills in to set the pass mark of this page's test (Angoff)."""

    def run(self):
        return [worksheet_node(toets=self.env.docname)]


def worksheet_csv(questions: list[question_node]) -> str:
    """One row per question (number, id, topic, kind, the start of its stem) and a column per
    rater; ``;`` between fields, as a Dutch spreadsheet reads a CSV."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["nummer", "vraag", "onderwerp", "soort", "begin van de vraag",
                     *(f"panellid {i} (%)" for i in range(1, RATERS + 1)),
                     "gemiddelde van het panel (%)"])
    for number, question in enumerate(questions, start=1):
        stem = next((child.astext() for child in question.children
                     if "miskraam-vraag-stam" in child.get("classes", ())), "")
        stem = " ".join(stem.split())
        if len(stem) > 100:
            stem = stem[:99].rstrip() + "…"
        writer.writerow([number, question["vraag"], question["onderwerp"], question["soort"],
                         stem, *[""] * (RATERS + 1)])
    writer.writerow(["", "cesuur", "", "", "het gemiddelde van de laatste kolom, afgerond op "
                     "een heel procent", *[""] * (RATERS + 1)])
    return out.getvalue()


def worksheet_name(docname: str) -> str:
    return f"angoff-{posixpath.basename(docname)}.csv"


def fill_worksheets(app, doctree, docname):
    for node in list(doctree.findall(worksheet_node)):
        questions = [q for q in doctree.findall(question_node) if q["toets"] == node["toets"]]
        name = worksheet_name(node["toets"])
        paragraph = nodes.paragraph(classes=["miskraam-werkblad"])
        if app.builder.name == "html":  # a file beside the page; the editions have no files
            target = Path(app.outdir) / posixpath.dirname(node["toets"]) / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(worksheet_csv(questions), encoding="utf-8-sig")
            paragraph += nodes.Text("Het werkblad: ")
            paragraph += nodes.reference("", name, refuri=name)
            paragraph += nodes.Text(f" (CSV, {len(questions)} vragen, voor een spreadsheet).")
        else:
            paragraph += nodes.Text(f"Het werkblad ({name}, {len(questions)} vragen) staat bij "
                                    "deze pagina in de webversie van de cursus.")
        node.replace_self(paragraph)


def setup(app):
    # any type, and a default that is a function: Sphinx then passes the value as _config.yml
    # has it (Jupyter Book hands it over as an override, which Sphinx would otherwise turn into
    # an int, 70.5 into 70, or refuse in English), and a wrong one is our Dutch error
    app.add_config_value(SETTING, default_pass_mark, "env", Any)
    app.connect("config-inited", check_pass_mark)
    app.add_node(result_node, html=(visit_result_html, depart_result_html),
                 latex=(passthrough, passthrough), text=(passthrough, passthrough))
    app.add_node(proof_node, html=(visit_proof_html, depart_proof_html), latex=(skip, None),
                 text=(skip, None))
    app.add_role("cesuur", CesuurRole())
    app.add_directive("toetsuitslag", ToetsuitslagDirective)
    app.add_directive("angoffwerkblad", AngoffDirective)
    app.add_env_collector(PassMarks)
    app.connect("doctree-resolved", fill_pass_marks)
    app.connect("doctree-resolved", fill_proofs)
    app.connect("doctree-resolved", fill_worksheets)
