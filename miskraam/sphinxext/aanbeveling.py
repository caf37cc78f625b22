"""A recommendation for professionals, with its source and the strength of its evidence.

    ```{aanbeveling} Bied vanaf 6 weken een vaginale echo aan bij zorgen over de vitaliteit.
    :bron: nvog2020diagnose
    :bewijs: zeer laag
    :systeem: GRADE
    :sterkte: sterk

    Optional explanation, in MyST.
    ```

The argument is the recommendation in our words; ``bron`` a key of book/references.bib (the
guideline module or paper it comes from); ``bewijs`` the strength of the evidence as that source
grades it; ``systeem`` the grading system it uses; ``sterkte`` (optional) the strength of the
recommendation. An unknown level or system fails the build with a Dutch message, so a reader
never sees a recommendation without its evidence level.
"""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)

#: the strength of the evidence, GRADE's four levels in Dutch, and "not graded" for advice a
#: guideline gives on consensus or good practice without grading the evidence
EVIDENCE_LEVELS = ("hoog", "redelijk", "laag", "zeer laag", "niet gegradeerd")

#: how the source grades; the text after "bewijskracht" says which system is meant
GRADING_SYSTEMS = {
    "GRADE": "GRADE",
    "ESHRE": "GRADE, zoals ESHRE het toepast",
    "NICE": "NICE, zonder GRADE-niveau per aanbeveling",
    "NHG": "NHG-Standaard, zonder niveau per aanbeveling",
    "werkgroep": "mening van de richtlijnwerkgroep",
    "studie": "ons oordeel over de studie, geen richtlijn",
}

STRENGTHS = ("sterk", "zwak", "voorwaardelijk")


class AanbevelingDirective(SphinxDirective):
    has_content = True
    required_arguments = 1
    final_argument_whitespace = True
    option_spec = {
        "bron": directives.unchanged_required,
        "bewijs": directives.unchanged_required,
        "systeem": directives.unchanged_required,
        "sterkte": directives.unchanged,
    }

    def _refuse(self, message: str) -> list:
        logger.error("aanbeveling op pagina '%s': %s", self.env.docname, message,
                     location=self.get_location(), type="miskraam", subtype="aanbeveling")
        return []

    def run(self):
        source = self.options.get("bron", "").strip()
        level = self.options.get("bewijs", "").strip()
        system = self.options.get("systeem", "").strip()
        strength = self.options.get("sterkte", "").strip()
        if not source:
            return self._refuse("':bron:' ontbreekt (een sleutel uit book/references.bib)")
        if level not in EVIDENCE_LEVELS:
            return self._refuse(f"':bewijs: {level}' is onbekend; kies uit: "
                                + ", ".join(EVIDENCE_LEVELS))
        if system not in GRADING_SYSTEMS:
            return self._refuse(f"':systeem: {system}' is onbekend; kies uit: "
                                + ", ".join(GRADING_SYSTEMS))
        if strength and strength not in STRENGTHS:
            return self._refuse(f"':sterkte: {strength}' is onbekend; kies uit: "
                                + ", ".join(STRENGTHS))

        box = nodes.admonition(classes=["miskraam-box", "aanbeveling"])
        box += nodes.title("Aanbeveling", "Aanbeveling")
        strength_text = f" · Sterkte van de aanbeveling: {strength}" if strength else ""
        lines = [
            f"**{self.arguments[0]}**",
            "",
            *self.content,
            "",
            f"**Bewijskracht: {level}** ({GRADING_SYSTEMS[system]}){strength_text} · "
            f"Bron: {{cite:t}}`{source}`",
        ]
        self.state.nested_parse(StringList(lines, source=self.get_source_info()[0]),
                                self.content_offset, box)
        box.children[-1]["classes"].append("aanbeveling-bewijs")
        return [box]


def setup(app):
    app.add_directive("aanbeveling", AanbevelingDirective)
