"""A recommendation for professionals, with its source and the strength of its evidence.

    ```{aanbeveling} Bied vanaf 6 weken een vaginale echo aan bij zorgen over de vitaliteit.
    :bron: nvog2020diagnose
    :bewijs: zeer laag
    :systeem: GRADE
    :sterkte: sterk

    Optional explanation, in MyST.
    ```

The argument is the recommendation in our words; ``bron`` a key of the bibliography (the
guideline module or paper it comes from); ``bewijs`` the strength of the evidence as that source
grades it; ``systeem`` the grading system it uses; ``sterkte`` (optional) the strength of the
recommendation. An unknown level or system fails the build with a Dutch message, so a reader
never sees a recommendation without its evidence level.

Two systems say more than a grade (issue 16, clinical-review-2 section D):

- ``:systeem: NICE`` takes ``:nice:`` the verb NICE uses, because NICE expresses the strength
  of a recommendation in its verbs: "offer", "advise" and "do not offer" are strong, "consider"
  is conditional. The strength shown comes from the verb (``:sterkte:`` is not allowed).
- ``:systeem: cursus`` is advice of this course, based on the source named: the box is titled
  "Advies van deze cursus", never "Aanbeveling", and shows no evidence level of a guideline.
"""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from .. import data

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
    "cursus": "advies van deze cursus, geen richtlijntekst",
}

STRENGTHS = ("sterk", "zwak", "voorwaardelijk")
#: NICE's verbs and the strength they express (NICE, "Wording the recommendations")
NICE_VERBS = {"offer": "sterk", "advise": "sterk", "do not offer": "sterk",
              "do not": "sterk", "consider": "voorwaardelijk"}


class AanbevelingDirective(SphinxDirective):
    has_content = True
    required_arguments = 1
    final_argument_whitespace = True
    option_spec = {
        "bron": directives.unchanged_required,
        "bewijs": directives.unchanged_required,
        "systeem": directives.unchanged_required,
        "sterkte": directives.unchanged,
        "nice": directives.unchanged,
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
            return self._refuse(f"':bron:' ontbreekt (een sleutel uit "
                                f"{data.where(data.BIBLIOGRAPHY)})")
        if level not in EVIDENCE_LEVELS:
            return self._refuse(f"':bewijs: {level}' is onbekend; kies uit: "
                                + ", ".join(EVIDENCE_LEVELS))
        if system not in GRADING_SYSTEMS:
            return self._refuse(f"':systeem: {system}' is onbekend; kies uit: "
                                + ", ".join(GRADING_SYSTEMS))
        if strength and strength not in STRENGTHS:
            return self._refuse(f"':sterkte: {strength}' is onbekend; kies uit: "
                                + ", ".join(STRENGTHS))
        verb = self.options.get("nice", "").strip()
        if system == "NICE":
            if verb not in NICE_VERBS:
                return self._refuse("bij ':systeem: NICE' hoort ':nice:' met het werkwoord dat "
                                    f"NICE gebruikt; kies uit: {', '.join(NICE_VERBS)}")
            if strength:
                return self._refuse("bij NICE volgt de sterkte uit het werkwoord (':nice:'); "
                                    "laat ':sterkte:' weg")
            strength = f"{NICE_VERBS[verb]} (NICE: \"{verb}\")"
        elif verb:
            return self._refuse("':nice:' hoort alleen bij ':systeem: NICE'")

        own = system == "cursus"
        title = "Advies van deze cursus" if own else "Aanbeveling"
        classes = ["miskraam-box", "aanbeveling"] + (["cursusadvies"] if own else [])
        box = nodes.admonition(classes=classes)
        box += nodes.title(title, title)
        strength_text = f" · Sterkte van de aanbeveling: {strength}" if strength else ""
        closing = ("**Advies van deze cursus**, geen aanbeveling uit een richtlijn · Gebaseerd "
                   f"op: {{cite:t}}`{source}`" if own else
                   f"**Bewijskracht: {level}** ({GRADING_SYSTEMS[system]}){strength_text} · "
                   f"Bron: {{cite:t}}`{source}`")
        lines = [f"**{self.arguments[0]}**", "", *self.content, "", closing]
        self.state.nested_parse(StringList(lines, source=self.get_source_info()[0]),
                                self.content_offset, box)
        box.children[-1]["classes"].append("aanbeveling-bewijs")
        return [box]


def setup(app):
    app.add_directive("aanbeveling", AanbevelingDirective)
