"""The self-test questions in the EPUB: an e-book is read, not filled in, and XHTML has no
place for a form that does nothing. A question is a block, each option a printed box (☐, or
"plaats: ___" for an order), the number field a line to write on. Visitors for the ``epub``
builder, which Sphinx prefers over the HTML ones the web pages and the print edition use."""

from __future__ import annotations

from docutils import nodes

from ..quiz import FIELD_CLASS, label_end, option_node, question_node


def visit_question_epub(self, node):
    self.body.append(self.starttag(node, "div", CLASS="miskraam-vraag"))


def depart_question_epub(self, node):
    self.body.append("</div>\n")


def visit_option_epub(self, node):
    self.body.append(self.starttag(node, "div", CLASS="miskraam-optie"))
    box = "plaats: ___ " if node["kind"] == "volgorde" else "☐ "
    self.body.append(f'<span class="miskraam-vakje">{box}</span>')


def depart_option_epub(self, node):
    self.body.append("</div>\n")


def nothing(self, node):
    pass


def number_fields_as_lines(document: nodes.document) -> None:
    """The number question's field (raw HTML: a label and an input) as a line to fill in."""
    for field in list(document.findall(nodes.raw)):
        if FIELD_CLASS not in field["classes"]:
            continue
        question = field.parent
        while question is not None and not isinstance(question, question_node):
            question = question.parent
        unit = question.get("eenheid", "") if question is not None else ""
        text = f"Jouw antwoord{f' ({unit})' if unit else ''}: ____________"
        field.replace_self(nodes.paragraph(text, text, classes=["miskraam-vakje"]))


def setup(app):
    # override: the nodes are registered (with their HTML visitors) by quiz.py
    app.add_node(question_node, override=True, epub=(visit_question_epub, depart_question_epub))
    app.add_node(option_node, override=True, epub=(visit_option_epub, depart_option_epub))
    app.add_node(label_end, override=True, epub=(nothing, nothing))
