"""The ``kerngetallen`` directive: the appendix table of every record in the registry.

Each row gets the label ``fact-<id>``, which is where the ``{fact}`` role links to.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from ..facts import SOURCES, Fact, registry
from .datahealth import broken
from .factrole import anchor

COLUMNS = ("Kerngetal", "Wat het betekent", "Bron", "Hoe zeker?", "Woorden van de bron")
#: one class per column, so narrow screens (no table header) can label each cell in CSS
COLUMN_CLASSES = ("kg-getal", "kg-betekenis", "kg-bron", "kg-zekerheid", "kg-woorden")


def _paragraph(*children: nodes.Node) -> nodes.paragraph:
    para = nodes.paragraph()
    para.extend(children)
    return para


def _row(record: Fact, source_cell: list[nodes.Node]) -> nodes.row:
    row = nodes.row(ids=[anchor(record.id)], classes=["fact-row"])
    figure = _paragraph(nodes.strong(text=record.display_value()), nodes.Text(" · "),
                        nodes.Text(record.label))
    quote = _paragraph(nodes.inline(text=f"“{record.quote}”", classes=["fact-quote"]))
    certainty = _paragraph(nodes.Text(record.certainty_text()))
    cells = ([figure], [_paragraph(nodes.Text(record.meaning))], source_cell, [certainty],
             [quote])
    for content, css_class in zip(cells, COLUMN_CLASSES, strict=True):
        entry = nodes.entry(classes=[css_class])
        entry.extend(content)
        row += entry
    return row


class KerngetallenDirective(SphinxDirective):
    """Render the registry as one table; takes an optional source filter as argument:
    ``informatieblad``, ``blog`` or ``literatuur`` (every bibliography key)."""

    optional_arguments = 1

    def _source_cell(self, record: Fact) -> list[nodes.Node]:
        if record.source in SOURCES:
            return [_paragraph(nodes.Text(SOURCES[record.source]))]
        # A real {cite} role (parsed by MyST), so sphinxcontrib-bibtex registers the
        # citation, lists the work in the bibliography and links the cell to it.
        inline, messages = self.parse_inline(f"{{cite:t}}`{record.source}`")
        return [_paragraph(*inline), *messages]

    def run(self):
        if broken("feitenregister"):  # reported once, when the build started
            return []
        wanted = self.arguments[0] if self.arguments else None
        records = [r for r in registry().values()
                   if wanted is None
                   or (wanted == "literatuur" and r.is_external)
                   or r.source == wanted]

        table = nodes.table(classes=["kerngetallen", "colwidths-auto"])
        group = nodes.tgroup(cols=len(COLUMNS))
        table += group
        for _ in COLUMNS:
            group += nodes.colspec(colwidth=1)
        head = nodes.thead()
        header = nodes.row()
        for title in COLUMNS:
            header += nodes.entry("", _paragraph(nodes.Text(title)))
        head += header
        group += head
        body = nodes.tbody()
        group += body

        std = self.env.get_domain("std")
        for record in records:
            body += _row(record, self._source_cell(record))
            std.note_hyperlink_target(anchor(record.id), self.env.docname, anchor(record.id),
                                      record.label)
        return [table]
