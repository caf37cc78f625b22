"""A question's answers, read from the tree MyST made of the question's text.

``{vraag}`` parses its text (the part before ``+++``) once, as any MyST; this module takes that
tree apart. The last top-level bullet list holds the answers; what comes before it is the
question itself (the stem), and nothing may follow it. In a choice question each item starts
with ``[x] `` (right) or ``[ ] `` (wrong): the rest of the item's first line is the option,
everything after that line (the lines indented under it, further paragraphs) is its feedback.
In an order question each item is one step, in the right order.

MyST's ``tasklist`` extension stays off: it would turn the marks into checkboxes. Why we read
MyST's tree rather than the lines: docs/architecture.md, "Self-tests".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docutils import nodes

CHOICE = ("enkel", "meer")
#: the mark at the start of a choice's first line, as MyST leaves it without ``tasklist``
MARK = re.compile(r"\[(?P<mark>[ xX])\]\s+")
NO_ANSWERS = "geen antwoorden gevonden (regels als '- [x] ...' of '- [ ] ...')"


class QuestionShapeError(ValueError):
    """What is wrong with a question's text, in Dutch, for the build error."""


@dataclass
class Answer:
    """One option of a choice question (``right`` says which), or one step of an order."""

    text: list[nodes.Node]
    feedback: list[nodes.Node] = field(default_factory=list)  # block nodes; none when missing
    right: bool = False

    def plain(self) -> str:
        return "".join(node.astext() for node in self.text)


def read(blocks: list[nodes.Node], kind: str) -> tuple[list[nodes.Node], list[Answer]]:
    """(stem, answers) of a question's parsed text; a QuestionShapeError says what is wrong."""
    lists = [i for i, node in enumerate(blocks) if isinstance(node, nodes.bullet_list)]
    if kind == "getal":
        if any(_marked(item) for i in lists for item in blocks[i].children):
            raise QuestionShapeError("een getalvraag heeft geen antwoordregels")
        return blocks, []
    if not lists:
        raise QuestionShapeError(NO_ANSWERS)
    last = lists[-1]
    if kind in CHOICE and not any(_marked(item) for item in blocks[last].children):
        if not any(_marked(item) for i in lists[:-1] for item in blocks[i].children):
            raise QuestionShapeError(NO_ANSWERS)
        last = max(i for i in lists if any(_marked(item) for item in blocks[i].children))
    after = [node for node in blocks[last + 1:] if not isinstance(node, nodes.comment)]
    if after:
        raise QuestionShapeError(f"na de antwoorden volgt nog tekst: '{_first_line(after[0])}'")
    items = blocks[last].children
    if kind in CHOICE:
        return blocks[:last], [_choice(item, number) for number, item in enumerate(items, 1)]
    return blocks[:last], [_step(item, number) for number, item in enumerate(items, 1)]


def _marked(item: nodes.Node) -> re.Match | None:
    first = item.children[0] if item.children else None
    if isinstance(first, nodes.paragraph) and first.children and isinstance(first[0], nodes.Text):
        return MARK.match(first[0].astext())
    return None


def _first_line(node: nodes.Node) -> str:
    return node.astext().strip().split("\n")[0][:50]


def _is_line_break(node: nodes.Node) -> bool:
    # MyST writes a soft line break as a text node of its own
    return isinstance(node, nodes.Text) and node.astext() == "\n"


def _choice(item: nodes.list_item, number: int) -> Answer:
    mark = _marked(item)
    if not mark:
        raise QuestionShapeError(f"antwoord {number} begint niet met '[x] ' of '[ ] '")
    paragraph, *further = item.children
    children = list(paragraph.children)
    cut = next((i for i, child in enumerate(children) if _is_line_break(child)), len(children))
    text, rest = children[:cut], children[cut + 1:]
    if any(_is_line_break(node) for child in text for node in child.findall(nodes.Text)):
        raise QuestionShapeError(f"antwoord {number}: de opmaak loopt door op de volgende regel; "
                                 "sluit haar af op de regel van het antwoord")
    remainder = text[0].astext()[mark.end():]
    text = ([nodes.Text(remainder)] if remainder else []) + text[1:]
    feedback = further
    if rest:
        first = nodes.paragraph("", "", *rest)
        first.source, first.line = paragraph.source, paragraph.line
        feedback = [first, *further]
    return Answer(text=text, feedback=feedback, right=mark["mark"] != " ")


def _step(item: nodes.list_item, number: int) -> Answer:
    if len(item.children) != 1 or not isinstance(item[0], nodes.paragraph):
        raise QuestionShapeError(f"stap {number} is leeg of meer dan één alinea; een "
                                 "uitleg hoort na '+++'")
    return Answer(text=list(item[0].children))
