"""The alarm signs in the pages, written from ``alarmsignalen.yml`` in the book's data folder.

- ``{alarmsignalen}`` (directive): the alarm box. Signs for 112 first, then the signs to call
  your own midwife, GP or hospital at once, then each group of signs (a buitenbaarmoederlijke
  zwangerschap) with its explanation; then what to do after calling 112. ``:kort:`` shows only
  the signs that have a ``notice`` (the start page). The directive's own content follows.
- ``{alarmzin}`` (role): the signs of one level as short questions and the action, e.g.
  ``{alarmzin}`112``` renders "Val je (bijna) flauw? … Bel dan 112." Used wherever a page
  repeats when to call, so no page can give a sign another level.

Thresholds are plain text: a tap in the alarm box should never lead a frightened reader into
the Kerngetallen table.
"""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole

from ..alarm import AlarmError, alarm_path, alarm_signs
from ..facts import registry_path
from .datahealth import broken

logger = logging.getLogger(__name__)

LEVELS = ("112", "bel")
#: what a page says when the alarm file cannot be read: never nothing
SAFE_TEXT = ("Twijfel je of maak je je zorgen? Bel je verloskundige, huisarts of het ziekenhuis; "
             "’s nachts de huisartsenpost. Voel je je heel erg ziek of val je flauw? Bel 112.")


def _heading(level: str) -> str:
    texts = alarm_signs().texts
    if level == "112":
        return f"**{texts['kop_112'].replace('112', '[112](tel:112)', 1)}:**"
    return f"**{texts['kop_bel']}:**"


def _items(signs) -> list[str]:
    return [f"- {sign.box_text()}{'.' if n == len(signs) else ';'}"
            for n, sign in enumerate(signs, start=1)]


def box_lines(short: bool = False) -> list[str]:
    """The box as MyST lines: 112 first, then the signs to call at once, then the groups."""
    signs = alarm_signs()
    chosen = (lambda sign: sign.notice) if short else (lambda sign: True)
    lines: list[str] = []
    for level in LEVELS:
        of_level = [sign for sign in signs.of_level(level)
                    if chosen(sign) and (level == "112" or sign.group is None or short)]
        lines += [_heading(level), "", *_items(of_level), ""]
        if level == "bel":
            lines += [signs.texts["wie_bel"], ""]
    if not short:
        for group in signs.groups:
            members = [sign for sign in signs.in_group(group.id) if chosen(sign)]
            lines += [f"**{group.kop}:**", "", *_items(members), "", group.uitleg, ""]
    lines += [f"**Bel je 112?** {signs.texts['na_112']}", ""]
    return lines


def sentence(level: str) -> str:
    """The signs of one level as short questions, and the action: the text of {alarmzin}."""
    signs = alarm_signs()
    questions = [sign.vraag for sign in signs.of_level(level) if sign.vraag]
    asked = " ".join(f"{question[0].upper()}{question[1:]}?" for question in questions)
    return f"{asked} {signs.texts['actie_112' if level == '112' else 'actie_bel']}"


class AlarmSignsDirective(SphinxDirective):
    has_content = True
    option_spec = {"kort": directives.flag}

    def run(self):
        for path in (alarm_path(), registry_path()):
            self.env.note_dependency(str(path))
        box = nodes.important(classes=["miskraam-alarm"])
        if broken("alarmsignalen"):  # reported once; the page still says what to do
            box += nodes.paragraph("", SAFE_TEXT)
            return [box]
        box["ids"].append("alarmsignalen")
        source = self.get_source_info()[0]
        lines = box_lines(short="kort" in self.options)
        self.state.nested_parse(StringList(lines, source=source), self.content_offset, box)
        self.state.nested_parse(self.content, self.content_offset, box)
        return [box]


class AlarmSentenceRole(SphinxRole):
    """``{alarmzin}`112``` or ``{alarmzin}`bel```: when to call, from the alarm signs."""

    def run(self):
        level = self.text.strip()
        self.env.note_dependency(str(alarm_path()))
        if broken("alarmsignalen"):  # reported once; the sentence still says what to do
            return [nodes.inline("", SAFE_TEXT, classes=["miskraam-alarmzin"])], []
        if level not in LEVELS:
            logger.error("alarmzin op pagina '%s': onbekend niveau '%s' (kies 112 of bel)",
                         self.env.docname, level, location=self.get_location(),
                         type="miskraam", subtype="alarm")
            return [], []
        try:
            text = sentence(level)
        except AlarmError as error:
            logger.error("alarmzin op pagina '%s': %s", self.env.docname, error,
                         location=self.get_location(), type="miskraam", subtype="alarm")
            return [], []
        span = nodes.inline(classes=["miskraam-alarmzin", f"alarm-{level}"])
        questions, action = text.rsplit("Bel ", 1)
        span += nodes.Text(questions)
        span += nodes.strong("", "", *_action_nodes(f"Bel {action}"))
        return [span], []


def _action_nodes(action: str) -> list[nodes.Node]:
    """'Bel dan 112.' with 112 as a tel: link a phone can call."""
    if "112" not in action:
        return [nodes.Text(action)]
    before, after = action.split("112", 1)
    return [nodes.Text(before), nodes.reference("112", "112", refuri="tel:112"),
            nodes.Text(after)]


def setup(app):
    app.add_directive("alarmsignalen", AlarmSignsDirective)
    app.add_role("alarmzin", AlarmSentenceRole())
