"""The ``{fact}`` role: a registry figure in prose, linked to the "Kerngetallen" appendix.

``{fact}`id``` renders the record's Dutch wording; ``{fact}`id <waarde>``` renders the bare
figure (e.g. "20%"); ``{fact}`id <bron>``` renders the wording followed by the citation of the
record's source, as ``{cite:p}`` would (literature records only): the number and the study it
comes from then change together when a new study replaces the record. The link is a normal
Sphinx cross-reference to the label that the ``kerngetallen`` directive creates for each
record, so Sphinx computes relative URLs.
"""

from __future__ import annotations

import re

from docutils import nodes
from docutils.parsers.rst import roles
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxRole

from .. import data
from ..facts import UnknownFact, fact
from .datahealth import broken

logger = logging.getLogger(__name__)

#: the forms a role can ask for: the prose wording (default), the bare figure, or the wording
#: with the citation of its source
FORMS = {"": "wording", "waarde": "value", "bron": "wording"}
ROLE_TEXT = re.compile(r"^\s*(?P<id>[^<\s]+)\s*(?:<(?P<form>[^>]*)>)?\s*$")


def anchor(fact_id: str) -> str:
    """The label (and HTML id) of a record's row in the appendix."""
    return f"fact-{fact_id}"


class FactRole(SphinxRole):
    def run(self):
        match = ROLE_TEXT.match(self.text)
        fact_id = match["id"] if match else self.text
        form = (match["form"] or "").strip() if match else ""
        if broken("feitenregister"):  # reported once, when the build started
            return [nodes.inline(self.rawtext, "…", classes=["fact", "fact-unknown"])], []
        try:
            record = fact(fact_id)
        except UnknownFact as error:
            logger.error("%s, op pagina '%s' (zie %s)", error, self.env.docname,
                         data.where(data.FACTS), location=self.get_location(),
                         type="miskraam", subtype="fact")
            return [nodes.inline(self.rawtext, fact_id, classes=["fact", "fact-unknown"])], []
        if form not in FORMS:
            logger.error("feit '%s' op pagina '%s': onbekende vorm '<%s>' (kies uit: %s)",
                         fact_id, self.env.docname, form, ", ".join(f for f in FORMS if f),
                         location=self.get_location(), type="miskraam", subtype="fact")
            form = ""
        text = record.wording if FORMS[form] == "wording" else record.display_value()

        ref = addnodes.pending_xref(
            self.rawtext, refdomain="std", reftype="ref", reftarget=anchor(fact_id),
            refexplicit=True, refwarn=True,
        )
        ref += nodes.inline(text, text, classes=["fact"])
        if form != "bron":
            return [ref], []
        if not record.is_external:
            logger.error("feit '%s' op pagina '%s': <bron> is er voor literatuur; dit getal komt "
                         "uit het %s (noem dat in de zin)", fact_id, self.env.docname,
                         record.source, location=self.get_location(), type="miskraam",
                         subtype="fact")
            return [ref], []
        return [ref, nodes.Text(" "), *self.citation(record.source)], []

    def citation(self, key: str) -> list[nodes.Node]:
        """What ``{cite:p}`key``` renders here: sphinxcontrib-bibtex's own role, so the
        reference is counted for the bibliography like any other."""
        cite, messages = roles.role("cite:p", self.inliner.language, self.lineno,
                                    self.inliner.reporter)
        result, problems = cite("cite:p", f"{{cite:p}}`{key}`", key, self.lineno, self.inliner,
                                {}, [])
        return [*result, *messages, *problems]
