"""The print and e-reader editions (``make pdf``, ``make epub``): what differs from the web,
done by Sphinx on the document tree.

- ``transform``: the ``singlehtml`` build is the print edition, the ``epub`` build the
  e-book; a post-transform makes their trees a book to read rather than to click
  (verdieping open, widgets as their static figure, no buttons, the answers in an appendix,
  Dutch soft hyphens). The page around the print edition (title page, contents, no
  navigation or scripts) is the theme's print template (``miskraam.theme.printpage``), the
  EPUB's the theme ``miskraam-epub``.
- ``answers``: the appendix "Antwoorden bij de toetsen", linked both ways.
- ``hyphenation``: soft hyphens from pyphen's Dutch patterns in the tree's text.
- ``printedquestions``: the questions in the EPUB as printed boxes, not a form.
- ``epubbuilder``: Sphinx's EPUB 3 builder with the appendix and title page pages.

Sphinx looks up a node's visitors by the builder's name and only falls back to its format
("html") when no extension registered visitors under that name. sphinx-exercise registers
some under "singlehtml" and "epub", so every other extension's HTML visitors (sphinx-design's
cards, ours) go missing there and those builds stop. ``share_html_visitors`` copies the HTML
visitors to those builders for every node that has none of its own.
"""

from __future__ import annotations

from . import answers, epubbuilder, printedquestions, transform

#: builders that write HTML under another name (the one-page print edition and the EPUB)
HTML_LIKE = ("singlehtml", "epub")


def share_html_visitors(app, config):
    handlers = app.registry.translation_handlers
    html = handlers.get("html", {})
    for name in HTML_LIKE:
        own = handlers.setdefault(name, {})
        for node, visitors in html.items():
            own.setdefault(node, visitors)


def setup(app):
    answers.setup(app)
    printedquestions.setup(app)
    epubbuilder.setup(app)
    app.add_post_transform(transform.PrintEdition)
    app.add_post_transform(transform.EpubEdition)
    # after every extension has registered its nodes
    app.connect("config-inited", share_html_visitors, priority=900)
