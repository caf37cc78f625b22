"""Scored self-test questions, written in MyST, checked in the reader's browser.

    ```{vraag}
    :id: oorzaken-chromosomen
    :soort: enkel
    :onderwerp: oorzaken

    Wat is de meest voorkomende oorzaak van een vroege miskraam?

    - [x] Een fout in de chromosomen van het vruchtje.
      Goed: dat is bij minstens de helft van de vroege miskramen zo.
    - [ ] Zwaar tillen.
      Niet goed: daarvoor is geen bewijs.

    +++
    Optional explanation of the whole question (MyST).
    ```

Kinds (``:soort:``): ``enkel`` (one answer), ``meer`` (all right answers), ``volgorde`` (items
listed in the right order; the page shuffles them), ``getal`` (a number, from the registry:
``:feit: id``, optionally ``:van: 200`` for "how many of 200", ``:marge:``, ``:heel:``,
``:eenheid:``). Every option of a choice question needs its feedback (the indented lines under
it, or further paragraphs), and an order or number question needs its explanation after
``+++``: a question without feedback is a build error, in Dutch, naming the page and the
question. MyST parses the question's text as any page's; ``quizanswers.py`` reads the stem
and the answers from the tree it made, and this module renders them.

The page carries everything (the answers too: this is self-assessment, as in every static
quiz); the page script ``miskraam-quiz.js`` checks answers, shows the feedback, keeps the
score in the browser's storage only and fills the progress overview (``{toetsoverzicht}``)
and the result of the nascholing module (``{toetsuitslag}``, quizresult.py). That script is
bundled at build time from the ES modules in ``miskraam/js`` (``quiz-page.js`` and what it imports;
``jsbundle.publish``).
Without JavaScript, and in print, every question shows its answers and feedback.
"""

from __future__ import annotations

import hashlib
import re
from html import escape
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ..dutch import format_number
from ..facts import registry, registry_path
from ..jsbundle import publish
from .datahealth import broken
from .pagedata import PageCollector
from .quizanswers import Answer, QuestionShapeError
from .quizanswers import read as read_answers
from .summaries import book_order, whole_book_node

logger = logging.getLogger(__name__)

KINDS = {
    "enkel": "Kies één antwoord.",
    "meer": "Kies alle goede antwoorden (één of meer).",
    "volgorde": "Zet de stappen in de goede volgorde: kies bij elke stap een plaats.",
    "getal": "Vul een getal in.",
}
SCRIPT = "miskraam-quiz.js"
#: the ES module the page script is bundled from (docs/architecture.md, "JavaScript")
SCRIPT_ENTRY = Path(__file__).resolve().parent.parent / "js" / "quiz-page.js"


class question_node(nodes.General, nodes.Element):
    """A <form> holding one question; its data attributes tell the script how to check it."""


class option_node(nodes.General, nodes.Element):
    """One choice: a radio button or checkbox with its label, or an order item with a select."""


class feedback_node(nodes.General, nodes.Element):
    """The feedback on one option: hidden until the reader checks (shown without JS). Its
    paragraphs start with the verdict; one paragraph is the feedback's own ``<p>``, more are
    wrapped in a ``<div>`` (``wrap``)."""


class overview_node(whole_book_node):
    """Placeholder for the progress overview, filled when the doctree is resolved."""


class result_node(whole_book_node):
    """The result of a whole test (nascholing): score, pass mark, topics, the proof of
    participation (all in quizresult.py); its ``studielast`` is the study load of the whole
    course, filled in by verantwoording.py."""


def _attributes(node, names):
    return {f"data-{name}": str(node[name]) for name in names if node.get(name) not in (None, "")}


def visit_question_html(self, node):
    attributes = _attributes(node, ("vraag", "soort", "onderwerp", "antwoord", "marge", "heel",
                                    "eenheid", "toets", "casus", "maximaal"))
    self.body.append(self.starttag(node, "form", CLASS="miskraam-vraag", novalidate="novalidate",
                                   **attributes))


def depart_question_html(self, node):
    self.body.append("</form>\n")


#: the check button and the line that says right or wrong, between the answers and the feedback;
#: a raw node with the class CHECK_CLASS, so the editions find it on the tree
CHECK_CLASS = "miskraam-vraag-knoppen"
#: the number question's answer field (a raw node), written as a line to fill in by the EPUB
FIELD_CLASS = "miskraam-getal-veld"
CHECK = ('<div class="miskraam-vraag-knoppen"><button type="submit" class="miskraam-button">'
         'Controleer</button></div>'
         '<p class="miskraam-vraag-uitslag" role="status" aria-live="polite"></p>')


def visit_option_html(self, node):
    self.body.append(self.starttag(node, "div", CLASS="miskraam-optie",
                                   **_attributes(node, ("goed", "plaats", "schadelijk"))))
    control_id = node["control_id"]
    if node["kind"] == "volgorde":
        places = "".join(f'<option value="{i}">{i}</option>' for i in range(1, node["count"] + 1))
        self.body.append(f'<select id="{control_id}" name="{control_id}">'
                         f'<option value="">plaats …</option>{places}</select> ')
    else:
        kind = "radio" if node["kind"] == "enkel" else "checkbox"
        self.body.append(f'<input type="{kind}" id="{control_id}" name="{node["group"]}" '
                         f'value="{node["index"]}"> ')
    self.body.append(f'<label for="{control_id}">')


def depart_option_html(self, node):
    self.body.append("</div>\n")


def visit_label_end(self, node):
    self.body.append("</label>")


def visit_feedback_html(self, node):
    if node.get("wrap"):
        self.body.append(self.starttag(node, "div", CLASS="miskraam-optie-uitleg"))


def depart_feedback_html(self, node):
    if node.get("wrap"):
        self.body.append("</div>\n")


class label_end(nodes.General, nodes.Element):
    """Closes the option's <label> after its text, before its feedback."""


def visit_overview_html(self, node):
    self.body.append(self.starttag(node, "div", CLASS="miskraam-toetsoverzicht"))


def depart_overview_html(self, node):
    self.body.append(
        '<p class="miskraam-toets-opslag" role="status"></p>'
        '<button type="button" class="miskraam-button miskraam-toets-wis">Wis mijn voortgang'
        "</button></div>\n")


def skip(self, node):
    raise nodes.SkipNode


def passthrough(self, node):
    pass


def _stable_order(items: list, seed: str) -> list[int]:
    """A shuffled order that is the same on every build (a hash, not random), and never the
    right order itself when there are two or more items."""
    order = sorted(range(len(items)),
                   key=lambda i: hashlib.sha256(f"{seed}:{i}".encode()).hexdigest())
    if order == sorted(order) and len(order) > 1:
        order = order[1:] + order[:1]
    return order


def _label(answer: Answer, copy: bool = False) -> nodes.inline:
    """An option's or step's text inside one text element: Sphinx writes a reference (a
    {fact}) only inside a text element, and an option is not one."""
    text = [node.deepcopy() for node in answer.text] if copy else answer.text
    return nodes.inline("", "", *text)


def _feedback(answer: Answer, harmful: bool = False) -> feedback_node:
    """The feedback's blocks, the verdict at the start of the first paragraph."""
    blocks = list(answer.feedback)
    if not isinstance(blocks[0], nodes.paragraph):
        blocks.insert(0, nodes.paragraph())
    verdict = ("Goed antwoord." if answer.right else
               "Niet goed, en schadelijk: deze keuze kost de hele vraag." if harmful else
               "Niet goed.")
    blocks[0].insert(0, [nodes.strong(verdict, verdict, classes=["miskraam-optie-oordeel"]),
                         nodes.Text(" ")])
    single = len(blocks) == 1
    if single:  # the paragraph is the feedback's own <p>, as the page's CSS and script expect
        blocks[0]["classes"].append("miskraam-optie-uitleg")
    return feedback_node("", *blocks, wrap=not single)


class VraagDirective(SphinxDirective):
    has_content = True
    option_spec = {
        "id": directives.unchanged_required,
        "soort": directives.unchanged_required,
        "onderwerp": directives.unchanged,
        "feit": directives.unchanged,
        "van": directives.unchanged,
        "marge": directives.unchanged,
        "heel": directives.flag,
        "eenheid": directives.unchanged,
        # key-feature cases (Page & Bordage): the steps of one case share `casus`, are written one
        # after the other and are shown one at a time; `maximaal`: "kies maximaal N" (a `meer`
        # step is right when every key is chosen and no harmful option); `schadelijk`: the
        # written numbers of the options that would harm the client, which cost the step
        "casus": directives.unchanged,
        "maximaal": directives.unchanged,
        "schadelijk": directives.unchanged,
    }

    def _refuse(self, message: str) -> list:
        name = self.options.get("id", "?")
        logger.error("vraag '%s' op pagina '%s': %s", name, self.env.docname, message,
                     location=self.get_location(), type="miskraam", subtype="vraag")
        return []

    def _parse(self, lines: StringList, offset: int) -> list[nodes.Node]:
        """MyST's own parsing of part of the question: its blocks, as any page's."""
        parsed = nodes.container()
        self.state.nested_parse(lines, offset, parsed)
        return list(parsed.children)

    def run(self):
        name = self.options.get("id", "").strip()
        kind = self.options.get("soort", "").strip()
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name):
            return self._refuse("':id:' ontbreekt of is geen naam als 'oorzaken-1' "
                                "(kleine letters, cijfers en streepjes)")
        if kind not in KINDS:
            return self._refuse(f"':soort: {kind}' is onbekend; kies uit: {', '.join(KINDS)}")
        # the same id twice on this page; on two pages: check_unique_ids, once all are read
        seen = self.env.temp_data.setdefault("miskraam_vraag_ids", set())
        if name in seen:
            return self._refuse("deze ':id:' staat al op deze pagina; elke vraag heeft een "
                                "eigen naam")
        seen.add(name)

        cut = next((i for i, line in enumerate(self.content) if line.strip() == "+++"),
                   len(self.content))
        explanation = self.content[cut + 1:]

        case = self.options.get("casus", "").strip()
        if case and not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", case):
            return self._refuse(f"':casus: {case}' is geen naam als 'casus-1' (kleine letters, "
                                "cijfers en streepjes)")
        node = question_node(vraag=name, soort=kind, toets=self.env.docname,
                             onderwerp=self.options.get("onderwerp", "").strip(), casus=case,
                             ids=[f"vraag-{name}"])
        # MyST parses the question; we read the stem and the answers from its tree
        try:
            stem_blocks, options = read_answers(
                self._parse(self.content[:cut], self.content_offset), kind)
        except QuestionShapeError as problem:
            return self._refuse(str(problem))
        if not stem_blocks:
            return self._refuse("de vraag zelf ontbreekt (tekst vóór de antwoorden)")
        node += nodes.container("", *stem_blocks, classes=["miskraam-vraag-stam"])

        fieldset = nodes.container(classes=["miskraam-vraag-antwoorden"])
        instruction = nodes.paragraph(text=KINDS[kind], classes=["miskraam-vraag-instructie"])
        fieldset += instruction
        answer_text = ""
        if kind == "getal":
            problem = self._number_answer(node)
            if problem:
                return self._refuse(problem)
            unit = self.options.get("eenheid", "").strip()
            field_id = f"vraag-{name}-getal"
            # the author's unit is text, not HTML: escaped like every value the page shows
            fieldset += nodes.raw(
                "", f'<label for="{field_id}">Jouw antwoord{f" ({escape(unit)})" if unit else ""}'
                    f'</label> <input type="text" inputmode="decimal" autocomplete="off" '
                    f'id="{field_id}" name="{field_id}">', format="html", classes=[FIELD_CLASS])
            # with a broken registry (reported once, in Dutch) the answer is a blank, like a fact
            answer_text = (f"Het goede antwoord is {node['tekst']}{f' {unit}' if unit else ''}."
                           if "tekst" in node else "")
            if not explanation:
                return self._refuse("een getalvraag heeft een uitleg nodig (na '+++')")
        elif kind == "volgorde":
            if len(options) < 3:
                return self._refuse("een volgordevraag heeft minstens drie stappen")
            if not explanation:
                return self._refuse("een volgordevraag heeft een uitleg nodig (na '+++')")
            for shown, index in enumerate(_stable_order(options, name)):
                option = option_node(kind=kind, plaats=index + 1, count=len(options),
                                     control_id=f"vraag-{name}-{shown + 1}")
                option += _label(options[index])
                option += label_end()
                fieldset += option
        else:
            right = [i for i, answer in enumerate(options) if answer.right]
            if len(options) < 2:
                return self._refuse("een keuzevraag heeft minstens twee antwoorden")
            if kind == "enkel" and len(right) != 1:
                return self._refuse("'enkel' heeft precies één goed antwoord ([x]); "
                                    f"nu {len(right)}")
            if kind == "meer" and not right:
                return self._refuse("'meer' heeft minstens één goed antwoord ([x])")
            problem = self._key_feature(node, kind, options)
            if problem:
                return self._refuse(problem)
            if node.get("maximaal"):
                instruction.replace_self(nodes.paragraph(
                    text=f"Kies maximaal {node['maximaal']} antwoorden.",
                    classes=["miskraam-vraag-instructie"]))
            # built in a stable shuffled order: where the author wrote the right answer (often
            # first) must not give it away; `index` stays the written position. The page script
            # shuffles again for each attempt (js/quiz-shuffle.js); this order is what readers
            # without JavaScript and the print editions get
            for index in _stable_order(options, name):
                answer = options[index]
                if not answer.feedback:
                    return self._refuse(f"antwoord {index + 1} ('{answer.plain()[:40]}') heeft "
                                        "geen uitleg: zet op de regels eronder, ingesprongen, "
                                        "waarom het goed of fout is")
                harmful = index + 1 in node.get("harmful", ())
                option = option_node(kind=kind, goed=int(answer.right), index=index + 1,
                                     group=f"vraag-{name}", control_id=f"vraag-{name}-{index + 1}",
                                     schadelijk="1" if harmful else "")
                option += _label(answer)
                option += label_end()
                option += _feedback(answer, harmful)
                fieldset += option
        node += fieldset
        node += nodes.raw("", CHECK, format="html", classes=[CHECK_CLASS])

        closing = nodes.container(classes=["miskraam-vraag-uitleg"])
        if answer_text:
            closing += nodes.paragraph(text=answer_text, classes=["miskraam-vraag-antwoord"])
        if kind == "volgorde":
            closing += nodes.paragraph(text="De goede volgorde:")
            steps = nodes.enumerated_list(enumtype="arabic", prefix="", suffix=".")
            for answer in options:
                item = nodes.list_item()
                item += nodes.paragraph("", "", _label(answer, copy=True))
                steps += item
            closing += steps
        if explanation:
            closing += self._parse(explanation, self.content_offset + cut + 1)
        node += closing

        self.set_source_info(node)
        return [node]

    def _key_feature(self, node, kind: str, options: list[Answer]) -> str:
        """`maximaal` and `schadelijk` read into the node; why they cannot be, in Dutch."""
        keys = sum(answer.right for answer in options)
        limit = self.options.get("maximaal", "").strip()
        if limit:
            if kind != "meer":
                return "':maximaal:' hoort bij een vraag met ':soort: meer'"
            if not limit.isdigit() or not keys <= int(limit) < len(options):
                return (f"':maximaal: {limit}' moet een heel getal zijn van minstens het aantal "
                        f"goede antwoorden ({keys}) en kleiner dan het aantal antwoorden "
                        f"({len(options)})")
            node["maximaal"] = int(limit)
        listed = self.options.get("schadelijk", "").strip()
        if listed:
            numbers = [part.strip() for part in listed.split(",")]
            if not all(n.isdigit() and 1 <= int(n) <= len(options) for n in numbers):
                return (f"':schadelijk: {listed}' noemt de nummers van antwoorden (1 tot en met "
                        f"{len(options)}, in de volgorde waarin ze geschreven zijn), met komma's")
            if any(options[int(n) - 1].right for n in numbers):
                return "':schadelijk:' noemt een goed antwoord ([x]); schadelijk is altijd fout"
            node["harmful"] = sorted({int(n) for n in numbers})
        return ""

    def _number_answer(self, node) -> str:
        fact_id = self.options.get("feit", "").strip()
        if broken("feitenregister"):  # reported once, when the build started
            return ""
        facts = registry()
        if fact_id not in facts:
            return f"':feit: {fact_id}' is geen record in het feitenregister"
        record = facts[fact_id]
        self.env.note_dependency(str(registry_path()))
        try:
            if self.options.get("van"):
                group = float(self.options["van"].replace(",", "."))
                answer = record.per_100() * group / 100
            else:
                if record.value is None:
                    return f"'{fact_id}' is een bereik; vraag naar één getal"
                answer = float(record.value)
            margin = float((self.options.get("marge") or "0").replace(",", "."))
        except ValueError:
            return "':van:' en ':marge:' zijn getallen, zoals 200 of 0,5"
        if "heel" in self.options and not float(answer).is_integer() and margin < 0.5:
            return (f"het antwoord ({format_number(answer)}) is geen heel getal; "
                    "kies een andere groep (':van:') of een marge")
        node["antwoord"] = repr(float(answer))
        node["marge"] = repr(margin)
        node["heel"] = "1" if "heel" in self.options else ""
        node["tekst"] = format_number(answer)
        node["eenheid"] = self.options.get("eenheid", "").strip()
        return ""


class blueprint_node(nodes.General, nodes.Element):
    """The blueprint: ``casussen`` and ``onderwerpen`` ({topic: per attempt}); its children are
    the table, added once the page's questions have been read."""


class Blueprints(PageCollector):
    """{page: number of questions in an attempt} for each page with a blueprint."""

    attribute = "miskraam_blueprints"

    def collect(self, app, doctree):
        found = list(doctree.findall(blueprint_node))
        return sum(found[0]["onderwerpen"].values()) if found else None


class Questions(PageCollector):
    """The question ids on each page, in page order (pages without questions have none)."""

    attribute = "miskraam_questions"

    def collect(self, app, doctree):
        return [node["vraag"] for node in doctree.findall(question_node)] or None


def attempt_size(env, docname: str) -> int:
    """The questions of one attempt at a page's test: the blueprint's sum for a test drawn
    from a pool, else every question on the page."""
    return Blueprints.of(env).get(docname) or len(Questions.of(env).get(docname, ()))


class ToetsoverzichtDirective(SphinxDirective):
    """Every page with questions, in book order, with the reader's stored score. The page
    summarises the others: it is re-read whenever any page changes (summaries.py), or a
    question added elsewhere would leave its count stale."""

    def run(self):
        return [overview_node()]


def fill_overviews(app, doctree, docname):
    overviews = list(doctree.findall(overview_node))
    if not overviews:  # one page has the overview: the others need no book order
        return
    env = app.env
    pages = Questions.of(env)
    order = [doc for doc in book_order(env) if doc in pages]
    for node in overviews:
        listing = nodes.bullet_list(classes=["miskraam-toets-lijst"])
        for doc in order:
            title = env.titles[doc].astext() if doc in env.titles else doc
            item = nodes.list_item(**{"classes": ["miskraam-toets-item"]})
            item["ids"] = []
            paragraph = nodes.paragraph()
            uri = app.builder.get_relative_uri(docname, doc)
            paragraph += nodes.reference("", title, refuri=uri)
            paragraph += nodes.Text(f" ({attempt_size(env, doc)} vragen): ")
            paragraph += nodes.raw("", f'<span class="miskraam-toets-stand" data-toets="{doc}">'
                                       "nog niet gedaan</span>", format="html")
            item += paragraph
            listing += item
        node += listing


def check_unique_ids(app, env):
    """A question id on two pages, checked when every page has been read (and the parallel
    readers' findings merged): a check while reading would depend on the reading order."""
    pages_of: dict[str, list[str]] = {}
    for doc, names in Questions.of(env).items():
        for name in set(names):
            pages_of.setdefault(name, []).append(doc)
    for name, docs in sorted(pages_of.items()):
        if len(docs) > 1:
            logger.error("vraag '%s' staat op meer dan één pagina (%s); elke vraag heeft een "
                         "eigen naam", name, ", ".join(sorted(docs)), type="miskraam",
                         subtype="vraag")


def add_script(app, pagename, templatename, context, doctree):
    """The quiz script only on pages that hold questions or the overview."""
    body = context.get("body", "")
    if 'class="miskraam-vraag"' in body or "miskraam-toetsoverzicht" in body:
        app.add_js_file(SCRIPT, defer="defer")


def publish_script(app):
    """The self-tests' page script, bundled from its ES modules (a classic script: ES modules
    are blocked from file://)."""
    publish(app, SCRIPT, SCRIPT_ENTRY)


def setup(app):
    app.add_node(question_node, html=(visit_question_html, depart_question_html),
                 latex=(passthrough, passthrough), text=(passthrough, passthrough))
    app.add_node(option_node, html=(visit_option_html, depart_option_html),
                 latex=(passthrough, passthrough), text=(passthrough, passthrough))
    app.add_node(label_end, html=(visit_label_end, passthrough), latex=(skip, None),
                 text=(skip, None))
    app.add_node(feedback_node, html=(visit_feedback_html, depart_feedback_html),
                 latex=(passthrough, passthrough), text=(passthrough, passthrough))
    app.add_node(overview_node, html=(visit_overview_html, depart_overview_html),
                 latex=(passthrough, passthrough), text=(passthrough, passthrough))
    app.add_directive("vraag", VraagDirective)
    app.add_directive("toetsoverzicht", ToetsoverzichtDirective)
    app.add_env_collector(Questions)
    app.add_env_collector(Blueprints)
    app.connect("doctree-resolved", fill_overviews)
    app.connect("env-check-consistency", check_unique_ids)
    app.connect("html-page-context", add_script)
    app.connect("builder-inited", publish_script)
