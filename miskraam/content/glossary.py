"""The glossary in the pages, written from ``begrippen.yml`` in the book's data folder.

- ``{begrippenlijst}`` (directive): the appendix, as Sphinx's own ``glossary`` (sorted), so
  ``{term}`` links to it; each entry's public text, then "Voor professionals".
- ``{begrip}`` (role): ``{begrip}`curettage``` renders the term as a ``{term}`` link followed
  by its short explanation in brackets: "curettage (een kleine operatie …)". A different text
  for the link: ``{begrip}`een curettage <Curettage>```. For the first mention of a term on a
  page, where the reader needs the explanation in place; afterwards ``{term}`` is enough.
"""

from __future__ import annotations

import re

from docutils import nodes
from docutils.statemachine import StringList
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole

from .. import data
from ..glossary import GlossaryError, glossary, glossary_path, lookup
from .datahealth import broken

logger = logging.getLogger(__name__)
ROLE_TEXT = re.compile(r"^\s*(?P<text>.+?)\s*(?:<(?P<term>[^>]+)>)?\s*$", re.DOTALL)


def glossary_lines() -> list[str]:
    """The glossary as MyST: a ``glossary`` directive with every term."""
    lines = ["```{glossary}", ":sorted:", ""]
    for term in glossary().values():
        lines.append(term.term)
        lines += [f"  {line}" if line else "" for line in term.public_text().splitlines()]
        if term.professioneel:
            lines.append("")
            professional = f"*Voor professionals:* {term.professioneel}".splitlines()
            lines += [f"  {line}" if line else "" for line in professional]
        lines.append("")
    lines.append("```")
    return lines


class GlossaryDirective(SphinxDirective):
    has_content = False

    def run(self):
        self.env.note_dependency(str(glossary_path()))
        if broken("begrippenlijst"):  # reported once, when the build started
            return []
        container = nodes.container(classes=["miskraam-begrippen"])
        source = self.get_source_info()[0]
        self.state.nested_parse(StringList(glossary_lines(), source=source),
                                self.content_offset, container)
        return container.children


class TermRole(SphinxRole):
    """A glossary term in running text, with its short explanation from the glossary."""

    def run(self):
        self.env.note_dependency(str(glossary_path()))
        match = ROLE_TEXT.match(self.text)
        shown = match["text"]
        name = match["term"] or shown
        if broken("begrippenlijst"):  # reported once, when the build started
            return [nodes.inline(self.rawtext, shown)], []
        try:
            term = lookup(name)
        except GlossaryError as error:
            logger.error("begrip op pagina '%s': %s", self.env.docname, error,
                         location=self.get_location(), type="miskraam", subtype="begrip")
            return [nodes.inline(self.rawtext, shown)], []
        if not term.kort:
            logger.error("begrip op pagina '%s': '%s' heeft geen korte uitleg ('kort' in "
                         "%s); gebruik {term} of vul 'kort' in", self.env.docname, term.term,
                         data.where(data.GLOSSARY), location=self.get_location(),
                         type="miskraam", subtype="begrip")
        ref = addnodes.pending_xref(self.rawtext, refdomain="std", reftype="term",
                                    reftarget=term.term.lower(), refexplicit=True, refwarn=True)
        ref += nodes.inline(shown, shown, classes=["xref", "std", "std-term"])
        span = nodes.inline(classes=["miskraam-begrip"])
        span += ref
        if term.kort:
            span += nodes.Text(f" ({term.kort})")
        return [span], []


def setup(app):
    app.add_directive("begrippenlijst", GlossaryDirective)
    app.add_role("begrip", TermRole())
