"""The ``alarmsignalen`` directive: the alarm box, written from ``miskraam/alarmsignalen.yml``.

Signs for 112 come first, then the signs to call your own midwife, GP or hospital at once.
Thresholds are plain text: a tap in the alarm box should never lead a frightened reader
into the Kerngetallen table. The directive's own content follows the lists.
"""

from __future__ import annotations

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective

from ..alarm import ALARM_PATH, alarm_signs
from ..facts import REGISTRY_PATH

HEADINGS = {
    "112": "**Bel [112](tel:112) als je:**",
    "bel": ("**Bel meteen je eigen verloskundige, huisarts of het ziekenhuis als je:** "
            "(’s nachts en in het weekend: je verloskundige of de huisartsenpost)"),
}


def box_lines() -> list[str]:
    """The box as MyST lines: one heading and one list per level, 112 first."""
    lines: list[str] = []
    for level in ("112", "bel"):
        lines += [HEADINGS[level], ""]
        signs = alarm_signs().of_level(level)
        lines += [f"- {sign.box_text()}{'.' if n == len(signs) else ';'}"
                  for n, sign in enumerate(signs, start=1)]
        lines.append("")
    return lines


class AlarmSignsDirective(SphinxDirective):
    has_content = True

    def run(self):
        for path in (ALARM_PATH, REGISTRY_PATH):
            self.env.note_dependency(str(path))
        box = nodes.important(classes=["miskraam-alarm"])
        source = self.get_source_info()[0]
        self.state.nested_parse(StringList(box_lines(), source=source), self.content_offset, box)
        self.state.nested_parse(self.content, self.content_offset, box)
        return [box]


def setup(app):
    app.add_directive("alarmsignalen", AlarmSignsDirective)
