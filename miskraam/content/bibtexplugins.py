"""pybtex's plugins looked up once per build instead of once per citation.

sphinxcontrib-bibtex asks pybtex for a backend (``plaintext``, ``docutils``) for every
citation it resolves, and pybtex finds it by scanning the entry points of every installed
package, about 10 ms each time: two seconds for a five-page test project, more for the book.
At ``builder-inited`` we look each one up once and hand pybtex the class it would have found,
through its public ``register_plugin``; the lookup then is a dictionary access. Same classes,
same output.
"""

from __future__ import annotations

from importlib.metadata import entry_points

#: (group, name) pairs sphinxcontrib-bibtex looks up per citation
PER_CITATION = (("pybtex.backends", "plaintext"), ("pybtex.backends", "docutils"))


def register_once(app):
    from pybtex.plugin import register_plugin

    for group, name in PER_CITATION:
        for entry_point in entry_points(group=group, name=name):
            register_plugin(group, name, entry_point.load(), force=True)
            break


def setup(app):
    app.connect("builder-inited", register_once)
