"""Pages that summarise the whole book: *Mijn voortgang* (every page's questions), the
Verantwoording (study load, review dates) and the nascholing result (the study load on its
certificate).

Such a page holds a placeholder, a ``whole_book_node``, filled when the page is written from
what was collected on every page (``pagedata.py``). Sphinx re-reads and rewrites only the
pages that changed; a summary page is re-read whenever any page is added, changed or removed,
so an incremental build never shows an old count. The book's reading order, which the
summaries follow, is here too. quiz.py and verantwoording.py both build on this module;
it imports neither.
"""

from __future__ import annotations

from docutils import nodes

from .pagedata import PageCollector


class whole_book_node(nodes.General, nodes.Element):
    """Base class of a placeholder that is filled from the whole book when its page is
    written (the question overview, the study load, the review table, the test result)."""


class SummaryPages(PageCollector):
    """The pages that hold a ``whole_book_node``; they are re-read when any page changes."""

    attribute = "miskraam_summary_pages"

    def collect(self, app, doctree):
        return True if any(doctree.findall(whole_book_node)) else None

    def get_outdated_docs(self, app, env, added, changed, removed):
        if added or changed or removed:
            return sorted(set(self.of(env)) - set(removed))
        return []


def book_order(env) -> list[str]:
    """The pages of the book in reading order (the table of contents)."""
    order, stack = [], [env.config.root_doc]
    includes = getattr(env, "toctree_includes", {})
    while stack:
        doc = stack.pop(0)
        if doc in order:
            continue
        order.append(doc)
        stack[0:0] = includes.get(doc, [])
    return order


def setup(app):
    app.add_env_collector(SummaryPages)
