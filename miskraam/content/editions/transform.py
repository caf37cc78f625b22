"""The print edition's content, on the document tree of the one-page (``singlehtml``) build:
Sphinx joins every page into one tree and resolves it once, so this post-transform sees the
whole book in reading order.

- every verdieping block open (found by its class ``verdieping``, whichever node draws it);
- every widget its static fallback (figure and text), without its state or scripts;
- no buttons or progress blocks: the check button, the progress overview, the test result;
- the answers in an appendix (``answers``), Dutch soft hyphens (``hyphenation``).
"""

from __future__ import annotations

from docutils import nodes
from myst_nb.sphinx_ import HideCodeCellNode
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from ..quiz import CHECK_CLASS, overview_node, result_node
from ..widgetdirective import widget_node
from .answers import move_answers
from .hyphenation import soften

logger = logging.getLogger(__name__)

#: what only works in a browser: removed from the printed book
INTERACTIVE = (overview_node, result_node)


def _open_verdieping(document: nodes.document) -> None:
    for node in document.findall(nodes.Element):
        if "verdieping" in node.get("classes", ()):
            # our <details> reads "open", sphinx-design's dropdown "opened"
            node["open"] = node["opened"] = True


def _folded_code_labelled_open(document: nodes.document) -> None:
    """myst-nb writes a notebook's folded code cell as a closed <details> with no way to open
    it; the print CSS shows its code, so its label is the one for shown code ("Code
    verbergen", not "Code tonen")."""
    for cell in document.findall(HideCodeCellNode):
        cell["prompt_show"] = cell["prompt_hide"]


def _static_widgets(document: nodes.document) -> None:
    for widget in document.findall(widget_node):
        widget["static"] = True


def _remove_interactive(document: nodes.document) -> None:
    doomed = [node for node in document.findall(nodes.Element)
              if isinstance(node, INTERACTIVE)
              or (isinstance(node, nodes.raw) and (
                  CHECK_CLASS in node["classes"]
                  # a notebook widget's view (myst-nb writes it as a script)
                  or node.astext().lstrip().startswith("<script")))]
    for node in doomed:
        node.parent.remove(node)


def _same_page_links(document: nodes.document) -> None:
    """A link to a target on another page is "#document-<page>#<target>" in the one-page
    build; Sphinx rewrites it to "<start page>.html#<target>", a path that is wrong when the
    start page sits in a folder. Everything is one page: "#<target>" is enough."""
    for reference in document.findall(nodes.reference):
        uri = reference.get("refuri", "")
        if uri.startswith("#document-") and uri.count("#") > 1:
            reference["refuri"] = uri[uri.rindex("#"):]


class PrintEdition(SphinxPostTransform):
    builders = ("singlehtml",)
    # after references, sphinx-exercise's titles (20-22) and sphinx-design's dropdowns
    default_priority = 500

    def run(self, **kwargs):
        _open_verdieping(self.document)
        _folded_code_labelled_open(self.document)
        _static_widgets(self.document)
        _remove_interactive(self.document)
        _same_page_links(self.document)
        answers = move_answers(self.document, self.env)
        words = soften(self.document)
        logger.info("drukeditie: %d antwoorden in de bijlage, %d woorden met afbreekpunten",
                    answers, words)
