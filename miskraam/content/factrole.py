"""The ``{fact}`` role: a registry figure in prose, linked to the "Kerngetallen" appendix.

``{fact}`id``` renders the record's Dutch wording; ``{fact}`id <waarde>``` renders the bare
figure (e.g. "20%"); ``{fact}`id <bron>``` renders the wording followed by the citation of the
record's source, as ``{cite:p}`` would; ``{fact}`id <auteur>``` renders only the source, as
``{cite:t}`` would ("Tong et al. [2008]", for a table's "Bron" column or "zoals ... vond");
``{fact}`id <studie>``` renders the record's study ("tien prospectieve studies met 912
vrouwen", its fields ``studies``, ``design``, ``participants``) with its citation
(literature records only): the number and the study it comes from then change together when
a new study replaces the record. The link is a normal
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

#: the forms a role can ask for: the prose wording (default), the bare figure, the wording
#: with the citation of its source, the source's authors alone, or the study's size
FORMS = {"": "wording", "waarde": "value", "bron": "wording", "auteur": None, "studie": "study"}
#: the forms that cite the record's source, and how ({cite:p} or {cite:t})
CITING = {"bron": "cite:p", "auteur": "cite:t", "studie": "cite:p"}
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
        ref = self.figure(record, form)
        if form not in CITING:
            return [ref], []
        if not record.is_external:
            logger.error("feit '%s' op pagina '%s': <%s> is er voor literatuur; dit getal komt "
                         "uit het %s (noem dat in de zin)", fact_id, self.env.docname, form,
                         record.source, location=self.get_location(), type="miskraam",
                         subtype="fact")
            return [ref or nodes.Text(record.source)], []
        if form == "studie" and record.studies is None:
            logger.error("feit '%s' op pagina '%s': <studie> noemt de studie uit de velden "
                         "'studies' (en 'design', 'participants'); dit record heeft ze niet "
                         "(%s)", fact_id, self.env.docname, data.where(data.FACTS),
                         location=self.get_location(), type="miskraam", subtype="fact")
            return [ref], []
        citation = self.citation(CITING[form], record.source)
        return ([ref, nodes.Text(" "), *citation] if ref else citation), []

    def figure(self, record, form: str) -> nodes.Node | None:
        """The record's wording or bare figure, linked to its row in the appendix (None for
        a form that shows no figure)."""
        if FORMS[form] is None:
            return None
        if FORMS[form] == "study":
            # the study's words, not a figure: no link to the appendix row
            return nodes.inline(record.study_text() or record.wording, record.study_text()
                                or record.wording, classes=["fact-study"])
        text = record.wording if FORMS[form] == "wording" else record.display_value()
        ref = addnodes.pending_xref(
            self.rawtext, refdomain="std", reftype="ref", reftarget=anchor(record.id),
            refexplicit=True, refwarn=True,
        )
        ref += nodes.inline(text, text, classes=["fact"])
        return ref

    def citation(self, kind: str, key: str) -> list[nodes.Node]:
        """What ``{cite:p}`key``` (or ``{cite:t}``) renders here: sphinxcontrib-bibtex's own
        role, so the reference is counted for the bibliography like any other."""
        cite, messages = roles.role(kind, self.inliner.language, self.lineno,
                                    self.inliner.reporter)
        result, problems = cite(kind, f"{{{kind}}}`{key}`", key, self.lineno, self.inliner,
                                {}, [])
        return [*result, *messages, *problems]
