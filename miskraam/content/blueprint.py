"""The blueprint of a test drawn from a pool (the Eindtoets nascholing): how many questions of
each topic an attempt holds, and how many key-feature cases.

    ```{blauwdruk}
    casussen: 2
    onderwerpen:
      diagnose: 3
      alarmsignalen: 3
      anti-D: 2
    ```

The page's questions are the pool. Each attempt (``miskraam/js/quiz-draw.js``) draws
``casussen`` of the page's cases (the steps of a case share ``:casus:``, quiz.py) and then, per
topic, single questions until the topic has its number: a case's steps count for their topics.
So every attempt has the same length, the sum of the numbers, and every topic its number.
The directive checks, when the page is read, that every attempt can be drawn: each topic at least
two questions (the course's coverage rule), every question's topic in the blueprint, enough
single questions per topic, no choice of cases that gives a topic more steps than its number,
the steps of a case one after the other. Anything wrong is one Dutch error naming the page.

It writes the blueprint as a table, built from the questions' topics (per topic: per attempt,
single questions in the pool, steps in the cases), and as data attributes for the page script.
``{cesuur}`vragen``` on the page counts an attempt, not the pool (quizresult.py).
"""

from __future__ import annotations

import itertools
import json
from collections import Counter

import yaml
from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from .quiz import blueprint_node, passthrough, question_node

logger = logging.getLogger(__name__)

#: the least number of questions per topic in an attempt (issue 18: per-topic advice needs two)
LEAST_PER_TOPIC = 2


def visit_blueprint_html(self, node):
    self.body.append(self.starttag(
        node, "div", CLASS="miskraam-blauwdruk", **{
            "data-casussen": str(node["casussen"]),
            "data-onderwerpen": json.dumps(node["onderwerpen"], ensure_ascii=False)}))


def depart_blueprint_html(self, node):
    self.body.append("</div>\n")


def read_blueprint(text: str) -> tuple[dict, str]:
    """The blueprint from the directive's YAML, or why it cannot be read (Dutch)."""
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        return {}, f"de blauwdruk is geen geldige YAML ({error})"
    if not isinstance(data, dict) or set(data) - {"casussen", "onderwerpen"}:
        return {}, "de blauwdruk heeft alleen 'casussen:' en 'onderwerpen:'"
    cases = data.get("casussen", 0)
    topics = data.get("onderwerpen")
    if isinstance(cases, bool) or not isinstance(cases, int) or cases < 0:
        return {}, f"'casussen: {cases}' is geen heel getal van 0 of meer"
    if not isinstance(topics, dict) or not topics:
        return {}, "'onderwerpen:' ontbreekt: zet per onderwerp het aantal vragen per poging"
    for topic, count in topics.items():
        if isinstance(count, bool) or not isinstance(count, int) or count < LEAST_PER_TOPIC:
            return {}, (f"onderwerp '{topic}': {count!r} vragen per poging; elk onderwerp "
                        f"heeft er minstens {LEAST_PER_TOPIC} (een heel getal)")
    return {"casussen": cases, "onderwerpen": {str(t): n for t, n in topics.items()}}, ""


class BlauwdrukDirective(SphinxDirective):
    has_content = True

    def run(self):
        blueprint, problem = read_blueprint("\n".join(self.content))
        if problem:
            logger.error("blauwdruk op pagina '%s': %s", self.env.docname, problem,
                         location=self.get_location(), type="miskraam", subtype="blauwdruk")
            return []
        node = blueprint_node(toets=self.env.docname, **blueprint)
        self.set_source_info(node)
        return [node]


def pool_of(doctree, docname: str) -> tuple[dict[str, list[str]], list[dict]]:
    """The page's cases ({case: [topic of each step]}, in page order) and single questions
    ([{name, topic}]); a case whose steps are not one after the other is an error."""
    cases: dict[str, list[str]] = {}
    singles = []
    previous = None
    for question in doctree.findall(question_node):
        if question["toets"] != docname:
            continue
        case = question.get("casus", "")
        if case:
            if case in cases and previous != case:
                raise ValueError(f"de stappen van casus '{case}' staan niet achter elkaar")
            cases.setdefault(case, []).append(question["onderwerp"])
        else:
            singles.append({"name": question["vraag"], "topic": question["onderwerp"]})
        previous = case
    return cases, singles


def blueprint_problems(blueprint: dict, cases: dict[str, list[str]],
                       singles: list[dict]) -> list[str]:
    """Why an attempt could not always be drawn by the blueprint (Dutch), or nothing."""
    quota = blueprint["onderwerpen"]
    problems = []
    topics = {q["topic"] for q in singles} | {t for steps in cases.values() for t in steps}
    unknown = sorted(topics - set(quota))
    if unknown:
        problems.append(f"onderwerp(en) zonder aantal in de blauwdruk: {', '.join(unknown)}")
    if len(cases) < blueprint["casussen"]:
        problems.append(f"de blauwdruk vraagt {blueprint['casussen']} casussen; de pagina heeft "
                        f"er {len(cases)}")
        return problems
    for case, steps in cases.items():
        if len(steps) < 2:
            problems.append(f"casus '{case}' heeft maar één stap")
    available = Counter(q["topic"] for q in singles)
    for topic, count in quota.items():
        if available[topic] < count:
            problems.append(f"onderwerp '{topic}': {count} per poging, maar {available[topic]} "
                            "losse vragen (zonder casus) op de pagina")
    for chosen in itertools.combinations(cases, blueprint["casussen"]):
        steps = Counter(t for case in chosen for t in cases[case])
        over = [t for t, n in steps.items() if n > quota.get(t, 0)]
        if over:
            problems.append(f"de casussen {', '.join(chosen)} samen hebben meer stappen over "
                            f"{', '.join(over)} dan de blauwdruk per poging geeft")
    return problems


def _table(blueprint: dict, cases: dict[str, list[str]], singles: list[dict]) -> list:
    quota = blueprint["onderwerpen"]
    available = Counter(q["topic"] for q in singles)
    in_cases = Counter(t for steps in cases.values() for t in steps)
    # an id of its own: Sphinx numbers a table with a title (numfig) by its id
    table = nodes.table(classes=["miskraam-blauwdruk-tabel"], ids=["blauwdruk-tabel"])
    table += nodes.title(text="De blauwdruk: vragen per onderwerp")
    group = nodes.tgroup(cols=4)
    table += group
    for _ in range(4):
        group += nodes.colspec(colwidth=1)
    head = nodes.thead()
    group += head

    def row(cells):
        line = nodes.row()
        for cell in cells:
            entry = nodes.entry()
            entry += nodes.paragraph(text=str(cell))
            line += entry
        return line

    # short headings: four columns fit a phone (the note below the table says what they mean)
    head += row(["Onderwerp", "Per poging", "Los in de bank", "In casussen"])
    body = nodes.tbody()
    group += body
    for topic, count in quota.items():
        body += row([topic, count, available[topic], in_cases[topic]])
    body += row(["Samen", sum(quota.values()), len(singles),
                 sum(len(steps) for steps in cases.values())])
    total = sum(quota.values())
    pool = len(singles) + sum(len(steps) for steps in cases.values())
    note = nodes.paragraph(text=(
        f"Elke poging telt {total} vragen: {blueprint['casussen']} van de {len(cases)} casussen "
        "(met al hun stappen), aangevuld met losse vragen tot elk onderwerp het aantal in de "
        f"kolom 'Per poging' heeft. De vragenbank heeft {pool} vragen: de losse vragen per "
        "onderwerp en de stappen van de casussen staan in de laatste twee kolommen. Welke je "
        "krijgt, kiest de pagina bij elke poging opnieuw."))
    return [table, note]


def fill_blueprint(app, doctree):
    """The table from the page's questions, once the page is read; a pool that cannot be drawn
    by the blueprint is an error."""
    docname = app.env.docname
    for node in doctree.findall(blueprint_node):
        try:
            cases, singles = pool_of(doctree, docname)
            problems = blueprint_problems(node, cases, singles)
        except ValueError as error:
            problems = [str(error)]
        for problem in problems:
            logger.error("blauwdruk op pagina '%s': %s", docname, problem, location=node,
                         type="miskraam", subtype="blauwdruk")
        if not problems:
            node.extend(_table(node, cases, singles))


def setup(app):
    app.add_node(blueprint_node, html=(visit_blueprint_html, depart_blueprint_html),
                 latex=(passthrough, passthrough), text=(passthrough, passthrough))
    app.add_directive("blauwdruk", BlauwdrukDirective)
    app.connect("doctree-read", fill_blueprint, priority=400)  # before the collectors (500)
