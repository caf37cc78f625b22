"""The editions' content, on the document tree, for the two builders that make them:

- ``PrintEdition`` (``singlehtml``): Sphinx joins every page into one tree and resolves it
  once, so it sees the whole book in reading order and puts the answers in an appendix at
  its end;
- ``EpubEdition`` (``epub``): a page at a time; the builder collects each page's answers and
  writes the appendix as a page of its own (``epubbuilder``).

Both: every verdieping block open and without its arrow (found by its class
``verdieping``, whichever node draws it); every widget its static fallback (figure and text),
without its state or scripts; no buttons or progress blocks (the check button, the progress
overview, the test result); Dutch soft hyphens (``hyphenation``).
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
from .printedquestions import number_fields_as_lines

logger = logging.getLogger(__name__)

#: what only works in a browser: removed from both editions
INTERACTIVE = (overview_node, result_node)


def _open_verdieping(document: nodes.document) -> None:
    """Every verdieping printed open, without its arrow: sphinx-design's marker is an inline
    SVG, which an EPUB's XHTML refuses without the SVG namespace."""
    for node in document.findall(nodes.Element):
        if "verdieping" in node.get("classes", ()):  # sphinx-design's dropdown (structure.py)
            node["opened"] = True
            for marker in list(node.findall(nodes.inline)):
                if "sd-summary-state-marker" in marker["classes"]:
                    marker.parent.remove(marker)


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


class Edition(SphinxPostTransform):
    # after references, sphinx-exercise's titles (20-22) and sphinx-design's dropdowns
    default_priority = 500
    #: say what was done (the one-page build: once for the book)
    report = True

    def run(self, **kwargs):
        _open_verdieping(self.document)
        _static_widgets(self.document)
        _remove_interactive(self.document)
        answers = self.edition_steps()
        words = soften(self.document)
        if self.report:
            logger.info("drukeditie: %d antwoorden in de bijlage, %d woorden met afbreekpunten",
                        answers, words)

    def edition_steps(self) -> int:
        """What this edition does besides; returns the number of answers moved."""
        raise NotImplementedError


def _folded_code_labelled_open(document: nodes.document) -> None:
    """myst-nb writes a notebook's folded code cell as a closed <details> with no way to open
    it; the print CSS shows its code, so its label is the one for shown code ("Code
    verbergen", not "Code tonen")."""
    for cell in document.findall(HideCodeCellNode):
        cell["prompt_show"] = cell["prompt_hide"]


def _same_page_links(document: nodes.document) -> None:
    """A link to a target on another page is "#document-<page>#<target>" in the one-page
    build; Sphinx rewrites it to "<start page>.html#<target>", a path that is wrong when the
    start page sits in a folder. Everything is one page: "#<target>" is enough."""
    for reference in document.findall(nodes.reference):
        uri = reference.get("refuri", "")
        if uri.startswith("#document-") and uri.count("#") > 1:
            reference["refuri"] = uri[uri.rindex("#"):]


class PrintEdition(Edition):
    builders = ("singlehtml",)

    def edition_steps(self) -> int:
        _folded_code_labelled_open(self.document)
        _same_page_links(self.document)
        return move_answers(self.document, self.env)


def _unfold_code(document: nodes.document) -> None:
    """A notebook's folded code cell shown as it is: myst-nb's <summary> holds paragraphs,
    which XHTML does not allow there."""
    for cell in list(document.findall(HideCodeCellNode)):
        cell.replace_self(cell.children)


def unique_ids(document: nodes.document) -> None:
    """An id once per XHTML file (sphinx-exercise gives every exercise "exercise-content")."""
    seen: set[str] = set()
    for node in document.findall(nodes.Element):
        ids = node.get("ids")
        if ids:
            node["ids"] = [name for name in ids if name not in seen]
            seen.update(ids)


class EpubEdition(Edition):
    builders = ("epub",)
    report = False  # a page at a time: the builder reports the appendix

    def edition_steps(self) -> int:
        for widget in self.document.findall(widget_node):
            widget["fallback"] = self.app.builder.image_files(self.env.docname,
                                                              widget["fallback"])
        _unfold_code(self.document)
        number_fields_as_lines(self.document)
        count = self.app.builder.take_answers(self.env.docname, self.document)
        unique_ids(self.document)
        return count
