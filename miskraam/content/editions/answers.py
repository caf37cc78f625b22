"""The print edition's appendix "Antwoorden bij de toetsen": the scored questions' feedback
and closing explanation, and the open exercises' model answers (sphinx-exercise solutions),
moved out of the chapters in book order, grouped by chapter. Each question gets a line
"Antwoord en uitleg: zie antwoord N in de bijlage." linking to its answer, and each answer
links back. Done on the whole book's tree, which only the one-page build has."""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx_exercise.nodes import solution_node

from ..quiz import feedback_node, option_node, question_node

APPENDIX_ID = "antwoorden-bij-de-toetsen"
TITLE = "Antwoorden bij de toetsen"
INTRO = ("Hier staan de antwoorden bij de vragen uit de hoofdstukken, in de volgorde van het "
         "boek. Het nummer verwijst naar de vraag; het nummer bij de vraag verwijst hierheen.")


class answer_node(nodes.General, nodes.Element):
    """One answer in the appendix: a plain <div> with its number as id."""


def visit_answer_html(self, node):
    self.body.append(self.starttag(node, "div", CLASS="miskraam-antwoord"))


def depart_answer_html(self, node):
    self.body.append("</div>\n")


def _link(text: str, target: str) -> nodes.reference:
    return nodes.reference("", text, internal=True, refid=target)


def _chapters(document: nodes.document, items: list, env) -> dict[int, str]:
    """The title of the page each item stands on. Sphinx joins the pages under
    ``start_of_file`` nodes without setting the pages' parent, so this looks down from each
    page (deeper pages later, so the nearest wins) rather than up from the item."""
    wanted = {id(item) for item in items}
    root = env.config.root_doc
    pages = {key: root for key in wanted}
    for start in document.findall(addnodes.start_of_file):
        for node in start.findall(lambda node: id(node) in wanted):
            pages[id(node)] = start["docname"]
    return {key: env.titles[page].astext() if page in env.titles else ""
            for key, page in pages.items()}


def _question_answer(question: question_node, entry: answer_node) -> None:
    """Each option's label with its verdict and feedback, then the closing explanation."""
    for option in list(question.findall(option_node)):
        feedback = next(iter(option.findall(feedback_node)), None)
        if feedback is None:  # an order question: its explanation says the order
            continue
        label = "".join(child.astext() for child in option.children
                        if child is not feedback and isinstance(child, nodes.inline))
        line = nodes.paragraph("", f"{label} — ")
        verdict = feedback.get("verdict", "")
        if verdict:
            line += nodes.strong(verdict, verdict, classes=["miskraam-optie-oordeel"])
            line += nodes.Text(" ")
        line.extend(list(feedback.children))
        feedback.parent.remove(feedback)
        entry += line
    for closing in list(question.findall(nodes.container)):
        if "miskraam-vraag-uitleg" in closing["classes"]:
            closing.parent.remove(closing)
            closing["classes"] = ["miskraam-antwoord-uitleg"]
            entry += closing


def _solution_answer(solution: solution_node, entry: answer_node) -> None:
    """A model answer: its body without the "Oplossing van …" title."""
    entry["ids"].extend(solution["ids"])
    entry.extend([child for child in list(solution.children)
                  if not isinstance(child, nodes.title)])


def move_answers(document: nodes.document, env) -> int:
    """Build the appendix at the end of the book; returns the number of answers."""
    appendix = nodes.section("", classes=["miskraam-antwoorden"], ids=[APPENDIX_ID])
    appendix += nodes.title(TITLE, TITLE)
    appendix += nodes.paragraph(INTRO, INTRO)
    items = list(document.findall(lambda node: isinstance(node, (question_node,
                                                                 solution_node))))
    chapters = _chapters(document, items, env)
    group = None
    current = None
    for number, item in enumerate(items, start=1):
        chapter = chapters[id(item)]
        if chapter and chapter != current:
            current = chapter
            group = nodes.section("", ids=[f"{APPENDIX_ID}-{number}"])
            group += nodes.title(chapter, chapter)
            appendix += group
        answer_id, question_id = f"antwoord-{number}", f"vraag-bij-antwoord-{number}"
        entry = answer_node(ids=[answer_id])
        entry += nodes.paragraph("", "", nodes.strong("", "", _link(f"Antwoord {number}",
                                                                    question_id)))
        pointer = nodes.paragraph("", "", _link(
            f"Antwoord en uitleg: zie antwoord {number} in de bijlage.", answer_id),
            classes=["miskraam-naar-antwoord"], ids=[question_id])
        if isinstance(item, question_node):
            _question_answer(item, entry)
            item += pointer
        else:  # the model answer leaves the chapter; the pointer takes its place
            _solution_answer(item, entry)
            # not replace_self, which would give the pointer the solution's ids and classes
            item.parent.replace(item, pointer)
        (group if group is not None else appendix).append(entry)
    document += appendix
    return len(items)


def setup(app):
    app.add_node(answer_node, html=(visit_answer_html, depart_answer_html))
