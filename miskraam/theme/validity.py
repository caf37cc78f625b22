"""Small fixes to what extensions emit, so every page passes the Nu Html Checker (vnu; issue 19,
tests/test_valid_html.py).

- sphinx-exercise gives the body of every exercise and solution the same id,
  ``exercise-content`` and ``solution-content`` (its own source asks "should id be classes?"):
  82 duplicate ids on one page. Nothing links to them; they become classes of the same name,
  and each body gets an id of its own, from its exercise's (Sphinx numbers figures by the ids
  of sections, so a section keeps one).
- myst-nb writes the labels of a folded code cell ("Code tonen") as ``<p>`` inside
  ``<summary>``, where HTML allows only phrasing content: the same labels as ``<span>`` (and
  the toggle's name in Dutch), and the three rules of myst-nb's stylesheet that show one label
  at a time, for spans (``miskraam.css``).
- pydata-sphinx-theme and sphinx-book-theme keep Jinja macro files in their static folders,
  which Sphinx copies into ``_static`` as if they were pages (``webpack-macros.html``): the
  book's pages never load them (the templates read them from the theme), so they are removed
  from the output.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from docutils import nodes

#: the ids sphinx-exercise repeats, made classes
REPEATED_IDS = ("exercise-content", "solution-content")
#: the themes' macro files that land in _static
MACRO_FILES = ("webpack-macros.html", "sbt-webpack-macros.html")


def ids_to_classes(app, doctree):
    for section in list(doctree.findall(nodes.section)):
        repeated = [name for name in section["ids"] if name in REPEATED_IDS]
        if not repeated:
            continue
        section["ids"] = [name for name in section["ids"] if name not in REPEATED_IDS]
        section["classes"].extend(repeated)
        if not section["ids"]:
            owner = section.parent.get("ids") if section.parent is not None else None
            wanted = f"{owner[0]}-{repeated[0]}" if owner else ""
            if wanted and wanted not in doctree.ids:
                section["ids"] = [wanted]
                doctree.ids[wanted] = section
            else:
                doctree.set_id(section)


def visit_folded_cell(self, node):
    classes = " ".join(node["classes"])
    self.body.append(f'<details class="admonition hide {classes}">\n'
                     '<summary aria-label="Code tonen of verbergen">\n'
                     f'<span class="collapsed admonition-title">{escape(node["prompt_show"])}'
                     '</span>\n'
                     f'<span class="expanded admonition-title">{escape(node["prompt_hide"])}'
                     '</span>\n</summary>\n')


def depart_folded_cell(self, node):
    self.body.append("</details>\n")


def remove_macro_files(app, exception):
    if exception is None and app.builder.format == "html":
        for name in MACRO_FILES:
            (Path(app.outdir) / "_static" / name).unlink(missing_ok=True)


def use_span_labels(app, config):
    """After every extension's setup: myst-nb registers its visitor in its own."""
    from myst_nb.sphinx_ import HideCodeCellNode

    app.add_node(HideCodeCellNode, override=True, html=(visit_folded_cell, depart_folded_cell))


def setup(app):
    app.connect("doctree-read", ids_to_classes)
    app.connect("config-inited", use_span_labels)
    app.connect("build-finished", remove_macro_files)
