"""A question's docutils nodes as XHTML elements in the QTI namespace (QTI 3 puts its HTML
subset there). Only what the bank uses is mapped; anything else is a ``QtiError`` naming the
question, so nothing is silently dropped. A link keeps its text only: the appendix it points
to (a ``{fact}``'s source row, a citation) does not travel with the package."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from docutils import nodes

from . import QtiError

QTI = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0"

#: docutils node -> XHTML element
ELEMENTS = {
    nodes.paragraph: "p",
    nodes.emphasis: "em",
    nodes.strong: "strong",
    nodes.literal: "code",
    nodes.bullet_list: "ul",
    nodes.enumerated_list: "ol",
    nodes.list_item: "li",
    nodes.subscript: "sub",
    nodes.superscript: "sup",
    nodes.block_quote: "blockquote",
}
#: nodes whose children stand in for them (a link, a role's wrapper, a div of the directive)
TRANSPARENT = (nodes.reference, nodes.inline, nodes.container, nodes.citation_reference)
#: nodes that show nothing
SILENT = (nodes.comment, nodes.target, nodes.system_message)


def tag(name: str) -> str:
    return f"{{{QTI}}}{name}"


def append(parent: ET.Element, children, question: str) -> None:
    """Append the XHTML of docutils nodes to ``parent`` (text joins the previous element's
    tail, as ElementTree keeps mixed content)."""
    for node in children:
        if isinstance(node, nodes.Text):
            _text(parent, node.astext())
        elif isinstance(node, SILENT):
            continue
        elif isinstance(node, TRANSPARENT):
            append(parent, node.children, question)
        elif type(node) in ELEMENTS:
            element = ET.SubElement(parent, tag(ELEMENTS[type(node)]))
            append(element, node.children, question)
        else:
            raise QtiError(f"vraag '{question}': '{node.tagname}' ({node.astext()[:40]!r}) kan "
                           "niet naar QTI; schrijf het als tekst, nadruk of een lijst")


def _text(parent: ET.Element, text: str) -> None:
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def inline(parent: ET.Element, children, question: str) -> None:
    """Inline content only: a block (a paragraph) gives its children, two joined by a space."""
    for number, node in enumerate(children):
        if isinstance(node, nodes.paragraph):
            if number:
                _text(parent, " ")
            append(parent, node.children, question)
        else:
            append(parent, [node], question)
