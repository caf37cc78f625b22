"""What the extension keeps per page in Sphinx's environment, safe for parallel reading.

Sphinx keeps the environment between builds and re-reads only changed pages; with ``-j N`` it
reads pages in worker processes, each with its own copy of the environment, and merges what
they found. So anything kept there per page must be forgotten when its page is re-read or
removed (``env-purge-doc``) and taken over from a worker (``env-merge-info``), or a
rebuild shows stale data and a parallel build loses it. ``PageCollector`` is Sphinx's own
``EnvironmentCollector`` with both written once: a subclass says what a page contributes
(``collect``, run on the page's doctree when it has been read, in whichever process read it).
Anything computed from the whole book is computed from these stores when a page is written,
or checked in ``env-check-consistency``, which sees every page after merging.
"""

from __future__ import annotations

from sphinx.environment.collectors import EnvironmentCollector


class PageCollector(EnvironmentCollector):
    """``{docname: value}`` in the environment attribute ``attribute``; a page whose
    ``collect`` returns None has no entry."""

    attribute = ""

    @classmethod
    def of(cls, env) -> dict:
        if not hasattr(env, cls.attribute):
            setattr(env, cls.attribute, {})
        return getattr(env, cls.attribute)

    def collect(self, app, doctree):
        raise NotImplementedError

    def process_doc(self, app, doctree):
        value = self.collect(app, doctree)
        if value is not None:
            self.of(app.env)[app.env.docname] = value

    def clear_doc(self, app, env, docname):
        self.of(env).pop(docname, None)

    def merge_other(self, app, env, docnames, other):
        found = self.of(other)
        self.of(env).update({doc: found[doc] for doc in docnames if doc in found})
