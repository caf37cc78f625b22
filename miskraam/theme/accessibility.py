"""Small fixes to what the theme and docutils emit, so every page passes axe-core.

- pydata-sphinx-theme's sidebar wraps sub-pages in <details> whose <summary> holds only a
  decorative chevron: no accessible name (axe "summary-name"). We give it one.
- docutils marks bibliography entries role="doc-biblioentry" inside role="list"; ARIA 1.3
  deprecates that role and a list needs list items (axe "aria-required-children").
"""

from __future__ import annotations

from docutils import nodes

EMPTY_SUMMARY = '<summary><span class="toctree-toggle" role="presentation">'
NAMED_SUMMARY = ('<summary aria-label="Onderdelen tonen of verbergen">'
                 '<span class="toctree-toggle" role="presentation">')


def name_sidebar_toggles(app, pagename, templatename, context, doctree):
    generate = context.get("generate_toctree_html")
    if generate is None or getattr(generate, "miskraam_wrapped", False):
        return

    def generate_named(*args, **kwargs):
        return str(generate(*args, **kwargs)).replace(EMPTY_SUMMARY, NAMED_SUMMARY)

    generate_named.miskraam_wrapped = True
    context["generate_toctree_html"] = generate_named


def visit_citation(self, node):
    if not isinstance(node.previous_sibling(), type(node)):
        self.body.append('<div role="list" class="citation-list">\n')
    self.body.append(self.starttag(node, "div", classes=[node.tagname], role="listitem"))


def depart_citation(self, node):
    self.body.append("</div>\n")
    if not isinstance(node.next_node(descend=False, siblings=True), type(node)):
        self.body.append("</div>\n")


def setup(app):
    # after pydata-sphinx-theme has put generate_toctree_html into the context
    app.connect("html-page-context", name_sidebar_toggles, priority=900)
    app.add_node(nodes.citation, override=True, html=(visit_citation, depart_citation))
