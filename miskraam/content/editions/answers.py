"""The editions' appendix "Antwoorden bij de toetsen": the scored questions' feedback and
closing explanation, and the open exercises' model answers (sphinx-exercise solutions), moved
out of the chapters in book order, grouped by chapter. Each question gets a line "Antwoord en
uitleg: zie antwoord N in de bijlage." linking to its answer, and each answer links back.

The print edition has the whole book in one tree (``move_answers``); the EPUB writes a page
at a time, so its builder collects each page's answers (``take_answers``) and writes the
appendix as a page of its own (``appendix``)."""

from __future__ import annotations

from collections.abc import Callable

from docutils import nodes
from sphinx import addnodes
from sphinx_exercise.nodes import solution_node

from ..quiz import feedback_node, option_node, question_node

APPENDIX_ID = "antwoorden-bij-de-toetsen"
TITLE = "Antwoorden bij de toetsen"
INTRO = ("Hier staan de antwoorden bij de vragen uit de hoofdstukken, in de volgorde van het "
         "boek. Het nummer verwijst naar de vraag; het nummer bij de vraag verwijst hierheen.")

#: a link to an answer or a question by its number: a reference node
Link = Callable[[int, str], nodes.reference]


class answer_node(nodes.General, nodes.Element):
    """One answer in the appendix: a plain <div> with its number as id."""


def visit_answer_html(self, node):
    self.body.append(self.starttag(node, "div", CLASS="miskraam-antwoord"))


def depart_answer_html(self, node):
    self.body.append("</div>\n")


def answer_id(number: int) -> str:
    return f"antwoord-{number}"


def question_id(number: int) -> str:
    return f"vraag-bij-antwoord-{number}"


def same_page_link(target: str, text: str) -> nodes.reference:
    return nodes.reference("", text, internal=True, refid=target)


def answer_items(tree: nodes.Node) -> list[nodes.Element]:
    """The questions and model answers of a tree, in reading order."""
    return list(tree.findall(lambda node: isinstance(node, (question_node, solution_node))))


def _question_answer(question: question_node, entry: answer_node) -> None:
    """Each option's label with its feedback (its verdict first), then the closing
    explanation. A feedback of several paragraphs: the first on the option's line, the others
    after it, never paragraphs inside a paragraph."""
    for option in list(question.findall(option_node)):
        feedback = next(iter(option.findall(feedback_node)), None)
        if feedback is None:  # an order question: its explanation says the order
            continue
        label = "".join(child.astext() for child in option.children
                        if isinstance(child, nodes.inline))
        first, *further = list(feedback.children)
        line = nodes.paragraph("", f"{label} — ")
        if isinstance(first, nodes.paragraph):
            line.extend(list(first.children))
        else:
            further.insert(0, first)
        feedback.parent.remove(feedback)
        entry += line
        entry.extend(further)
    for closing in list(question.findall(nodes.container)):
        if "miskraam-vraag-uitleg" in closing["classes"]:
            closing.parent.remove(closing)
            closing["classes"] = ["miskraam-antwoord-uitleg"]
            entry += closing


def take_answer(item: nodes.Element, number: int, to_answer: Link,
                to_question: Link) -> answer_node:
    """Move one item's answer into an appendix entry and leave the pointer to it."""
    entry = answer_node(ids=[answer_id(number)])
    entry += nodes.paragraph("", "", nodes.strong("", "", to_question(number,
                                                                      f"Antwoord {number}")))
    pointer = nodes.paragraph("", "", to_answer(
        number, f"Antwoord en uitleg: zie antwoord {number} in de bijlage."),
        classes=["miskraam-naar-antwoord"], ids=[question_id(number)])
    if isinstance(item, question_node):
        _question_answer(item, entry)
        item += pointer
    else:  # a model answer leaves the chapter, without its "Oplossing van …" title
        entry.extend([child for child in list(item.children)
                      if not isinstance(child, nodes.title)])
        # not replace_self, which would give the pointer the solution's ids and classes
        item.parent.replace(item, pointer)
    return entry


def appendix(chapters: list[tuple[str, list[answer_node]]]) -> nodes.section:
    """The appendix: a heading per chapter, its answers under it."""
    section = nodes.section("", classes=["miskraam-antwoorden"], ids=[APPENDIX_ID])
    section += nodes.title(TITLE, TITLE)
    section += nodes.paragraph(INTRO, INTRO)
    for index, (chapter, entries) in enumerate(chapters, start=1):
        group = nodes.section("", ids=[f"{APPENDIX_ID}-{index}"])
        group += nodes.title(chapter, chapter)
        group.extend(entries)
        section += group
    return section


def _pages(document: nodes.document, items: list, root: str) -> dict[int, str]:
    """The page each item stands on. Sphinx joins the pages under ``start_of_file`` nodes
    without setting the pages' parent, so this looks down from each page (deeper pages later,
    so the nearest wins) rather than up from the item."""
    wanted = {id(item) for item in items}
    pages = dict.fromkeys(wanted, root)
    for start in document.findall(addnodes.start_of_file):
        for node in start.findall(lambda node: id(node) in wanted):
            pages[id(node)] = start["docname"]
    return pages


def title_of(env, docname: str) -> str:
    return env.titles[docname].astext() if docname in env.titles else docname


def move_answers(document: nodes.document, env) -> int:
    """The one-page build: the appendix at the end of the book; returns the number of
    answers."""
    items = answer_items(document)
    pages = _pages(document, items, env.config.root_doc)
    chapters: list[tuple[str, list[answer_node]]] = []
    for number, item in enumerate(items, start=1):
        chapter = title_of(env, pages[id(item)])
        if not chapters or chapters[-1][0] != chapter:
            chapters.append((chapter, []))
        chapters[-1][1].append(take_answer(
            item, number, lambda n, text: same_page_link(answer_id(n), text),
            lambda n, text: same_page_link(question_id(n), text)))
    document += appendix(chapters)
    return len(items)


def setup(app):
    app.add_node(answer_node, html=(visit_answer_html, depart_answer_html))
