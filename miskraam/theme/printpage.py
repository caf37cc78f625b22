"""The print edition's page: the one-page (``singlehtml``) build is written with the template
``miskraam-print.html`` instead of the theme's layout. That template is the page a printer
needs: a title page (course, version, date, where to turn for help), the table of contents
with links, the book, and nothing else: no navigation, search, notice banner or scripts. What
the book's tree holds for print is the content extension's job (``content/editions``)."""

from __future__ import annotations

import datetime

from sphinx.environment.adapters.toctree import global_toctree_for_doc

TEMPLATE = "miskraam-print.html"


def _contents(app) -> str:
    """The parts and their pages (page titles only, not their sections), each a link."""
    builder = app.builder
    toctree = global_toctree_for_doc(app.env, app.config.root_doc, builder, collapse=False,
                                     titles_only=True)
    if toctree is None:
        return ""
    builder.fix_refuris(toctree)
    return builder.render_partial(toctree)["fragment"]


def print_page(app, pagename, templatename, context, doctree):
    if app.builder.name != "singlehtml" or pagename != app.config.root_doc:
        return None
    context["miskraam_contents"] = _contents(app)
    context["miskraam_course_title"] = context.get("title") or app.config.project
    context["miskraam_print_date"] = datetime.date.today().strftime("%d-%m-%Y")
    # the book's author and description, as the EPUB's package says them: the PDF's metadata
    context["miskraam_author"] = app.config.author
    context["miskraam_description"] = app.config.epub_description
    return TEMPLATE


def setup(app):
    # last: the template's context is complete (trimmed stylesheets, lean.py)
    app.connect("html-page-context", print_page, priority=900)
