"""The fixed building blocks of every chapter, defined once.

- ``leerdoelen``: what you will know after reading (opens a chapter)
- ``kernpunten``: the key points (closes a chapter)
- ``verdieping``: deepening for professionals, collapsed by default (a native ``<details>``,
  so it opens without JavaScript and with the keyboard)
"""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ..facts import SOURCES

logger = logging.getLogger(__name__)


class BoxDirective(SphinxDirective):
    """An admonition with a fixed Dutch title and class."""

    has_content = True
    title = ""
    css_class = ""

    def run(self):
        box = nodes.admonition(classes=["miskraam-box", self.css_class])
        box += nodes.title(self.title, self.title)
        self.state.nested_parse(self.content, self.content_offset, box)
        return [box]


class LeerdoelenDirective(BoxDirective):
    title = "Na dit hoofdstuk weet je"
    css_class = "leerdoelen"


class KernpuntenDirective(BoxDirective):
    title = "Kernpunten"
    css_class = "kernpunten"


class details(nodes.General, nodes.Element):
    """A collapsible block: <details> in HTML, a plain block elsewhere."""


class summary(nodes.TextElement):
    pass


def visit_details_html(self, node):
    attributes = {"open": "open"} if node.get("open") else {}
    self.body.append(self.starttag(node, "details", CLASS="verdieping", **attributes))


def depart_details_html(self, node):
    self.body.append("</details>\n")


def visit_summary_html(self, node):
    self.body.append(self.starttag(node, "summary"))


def depart_summary_html(self, node):
    self.body.append("</summary>\n")


def visit_passthrough(self, node):
    pass


def depart_passthrough(self, node):
    pass


class VerdiepingDirective(SphinxDirective):
    """Deepening for professionals; the optional argument names the subject."""

    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec = {"open": directives.flag}

    def run(self):
        subject = self.arguments[0] if self.arguments else ""
        label = "Verdieping voor professionals" + (f": {subject}" if subject else "")
        # the class on the node too: the print edition opens every block by it
        block = details(open="open" in self.options, classes=["verdieping"])
        heading = summary(label, "")
        heading += nodes.Text(label)
        block += heading
        body = nodes.container(classes=["verdieping-body"])
        self.state.nested_parse(self.content, self.content_offset, body)
        block += body
        return [block]


class CitaatDirective(SphinxDirective):
    """A short verbatim quote from one of the two sources, marked and attributed.

    The argument names the source (``informatieblad`` or ``blog``); a test checks that the
    quoted words stand verbatim in that source.
    """

    has_content = True
    required_arguments = 1

    def run(self):
        source = self.arguments[0]
        if source not in SOURCES:
            logger.error("citaat op pagina '%s': onbekende bron '%s' (kies uit: %s)",
                         self.env.docname, source, ", ".join(SOURCES),
                         location=self.get_location(), type="miskraam", subtype="citaat")
            return []
        quote = nodes.block_quote(classes=["bron-citaat"])
        text = " ".join(line.strip() for line in self.content).strip()
        quote += nodes.paragraph(text=f"“{text}”")
        quote += nodes.attribution(text=SOURCES[source])
        return [quote]


class VakpaginaDirective(SphinxDirective):
    """The opening line of a page for professionals, written once: whom it is for, and where a
    reader who reads for herself goes instead (the config value ``miskraam_public_start``)."""

    has_content = False

    def run(self):
        start = self.config.miskraam_public_start
        text = ("Deze pagina is voor studenten verloskunde en verloskundigen. Lees je voor "
                f"jezelf? Ga dan naar {{doc}}`/{start}`.")
        box = nodes.container(classes=["miskraam-vakpagina"])
        source = self.get_source_info()[0]
        self.state.nested_parse(StringList([text], source=source), self.content_offset, box)
        return [box]


def setup(app):
    app.add_config_value("miskraam_public_start", "book/deel1/wat-is-een-miskraam", "env", [str])
    app.add_directive("vakpagina", VakpaginaDirective)
    app.add_node(details, html=(visit_details_html, depart_details_html),
                 latex=(visit_passthrough, depart_passthrough),
                 text=(visit_passthrough, depart_passthrough))
    app.add_node(summary, html=(visit_summary_html, depart_summary_html),
                 latex=(visit_passthrough, depart_passthrough),
                 text=(visit_passthrough, depart_passthrough))
    app.add_directive("leerdoelen", LeerdoelenDirective)
    app.add_directive("kernpunten", KernpuntenDirective)
    app.add_directive("verdieping", VerdiepingDirective)
    app.add_directive("citaat", CitaatDirective)
