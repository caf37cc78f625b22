"""The fixed building blocks of every chapter, defined once.

- ``leerdoelen``: what you will know after reading (opens a chapter)
- ``kernpunten``: the key points (closes a chapter)
- ``verdieping``: deepening for professionals, collapsed by default: sphinx-design's dropdown,
  a native ``<details>``, so it opens without JavaScript and with the keyboard
"""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx_design.dropdown import DropdownDirective

from ..facts import SOURCES

logger = logging.getLogger(__name__)


class BoxDirective(SphinxDirective):
    """An admonition with a fixed Dutch title and class."""

    has_content = True
    title = ""
    css_class = ""

    def run(self):
        box = nodes.admonition(classes=["miskraam-box", self.css_class])
        title = self.arguments[0] if self.arguments else self.title
        box += nodes.title(title, title)
        self.state.nested_parse(self.content, self.content_offset, box)
        return [box]


class LeerdoelenDirective(BoxDirective):
    """The learning goals; a page that is not a chapter (a test) names them in its own words:
    ``{leerdoelen} Deze toets gaat na of je weet``."""

    title = "Na dit hoofdstuk weet je"
    css_class = "leerdoelen"
    optional_arguments = 1
    final_argument_whitespace = True


class KernpuntenDirective(BoxDirective):
    title = "Kernpunten"
    css_class = "kernpunten"


class VerdiepingDirective(DropdownDirective):
    """Deepening for professionals; the optional argument names the subject.

    sphinx-design's own dropdown with a fixed Dutch title and our class: it writes a native
    ``<details>`` (its icons are inline SVG) and a plain block in other formats."""

    option_spec = {"open": directives.flag}

    def run_with_defaults(self):
        subject = self.arguments[0] if self.arguments else ""
        self.arguments = ["Verdieping voor professionals" + (f": {subject}" if subject else "")]
        # the editions, the print script and our CSS find the block by these classes
        self.options["class-container"] = ["verdieping"]
        self.options["class-body"] = ["verdieping-body"]
        return super().run_with_defaults()


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


class vakpagina_node(nodes.Admonition, nodes.Element):
    """The opening line of a professional page: a ``<div>`` like a container, and an
    admonition to tools that read a page's opening as its description (sphinxext-opengraph
    skips admonitions): whom the page is for is not what it is about."""


def visit_vakpagina_html(self, node):
    self.body.append(self.starttag(node, "div", CLASS="docutils container"))


def depart_vakpagina_html(self, node):
    self.body.append("</div>\n")


def _passthrough(self, node):
    pass


class VakpaginaDirective(SphinxDirective):
    """The opening line of a page for professionals, written once: whom it is for, and where a
    reader who reads for herself goes instead (the config value ``miskraam_public_start``)."""

    has_content = False

    def run(self):
        start = self.config.miskraam_public_start
        text = ("Deze pagina is voor studenten verloskunde en verloskundigen. Lees je voor "
                f"jezelf? Ga dan naar {{doc}}`/{start}`.")
        box = vakpagina_node(classes=["miskraam-vakpagina"])
        source = self.get_source_info()[0]
        self.state.nested_parse(StringList([text], source=source), self.content_offset, box)
        return [box]


def setup(app):
    app.add_config_value("miskraam_public_start", "book/deel1/wat-is-een-miskraam", "env", [str])
    app.add_node(vakpagina_node, html=(visit_vakpagina_html, depart_vakpagina_html),
                 latex=(_passthrough, _passthrough), text=(_passthrough, _passthrough))
    app.add_directive("vakpagina", VakpaginaDirective)
    app.setup_extension("sphinx_design")  # the dropdown {verdieping} is made of
    app.add_directive("leerdoelen", LeerdoelenDirective)
    app.add_directive("kernpunten", KernpuntenDirective)
    app.add_directive("verdieping", VerdiepingDirective)
    app.add_directive("citaat", CitaatDirective)
