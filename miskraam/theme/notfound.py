"""The page a reader gets at an address that does not exist: ``404.html`` (issue 19).

Static hosts (GitHub Pages, Netlify, nginx with ``error_page``) serve ``404.html`` from the
book's root for any missing address, at that address: a page deep in the book, so its links
and assets cannot be relative. sphinx-notfound-page (Read the Docs) renders it with the
book's theme and writes every link absolute, from ``notfound_urls_prefix``. That prefix
follows the one address setting, ``html.baseurl`` (its path: ``/miskraam/`` for a book at
``https://name.github.io/miskraam/``; ``/`` without an address). The page's text is ours: what
happened, the way to the start page, a search box and the page with the alarm signs; the
notice on every page (``notice.py``) says where to turn for help, here too.
"""

from __future__ import annotations

from html import escape
from urllib.parse import urlparse

from .found import base_address

#: sphinx-notfound-page's default prefix (Read the Docs' /en/latest/): replaced by ours
RTD_PREFIX = "/en/latest/"
TITLE = "Deze pagina bestaat niet"


def prefix(config) -> str:
    path = urlparse(base_address(config)).path or "/"
    return path if path.endswith("/") else path + "/"


def absolute(app, docname: str) -> str:
    return app.config.notfound_urls_prefix + app.builder.get_target_uri(docname)


def page_body(app) -> str:
    start = absolute(app, app.config.root_doc)
    search = app.config.notfound_urls_prefix + "search.html"
    alarm = app.config.miskraam_alarm_page
    alarm_item = (f'<li><a href="{escape(absolute(app, alarm))}">Wanneer bel je?</a> '
                  "Alle signalen waarbij je meteen belt.</li>"
                  if alarm in app.env.found_docs else "")
    return (
        f"<h1>{TITLE}</h1>\n"
        "<p>Misschien klopt het adres niet, of staat de pagina nu ergens anders. "
        "Zoek hieronder, of begin bij de eerste pagina.</p>\n"
        f'<ul>\n<li><a href="{escape(start)}">Naar het begin van de cursus</a></li>\n'
        f"{alarm_item}\n</ul>\n"
        f'<form class="miskraam-zoek" action="{escape(search)}" method="get" role="search">\n'
        '<label for="miskraam-404-zoek">Zoek in de cursus</label>\n'
        '<input type="search" id="miskraam-404-zoek" name="q" autocomplete="off">\n'
        '<button type="submit">Zoeken</button>\n</form>\n')


def configure(app, config):
    if config.notfound_urls_prefix in (RTD_PREFIX, None, ""):
        config.notfound_urls_prefix = prefix(config)


def fill_page(app):
    if app.builder.name == "html":
        # no table of contents of its own (the themes read one from every page's context)
        app.config.notfound_context = {"title": TITLE, "body": page_body(app), "toc": "",
                                       "display_toc": False}


def not_for_search_engines(app, pagename, templatename, context, doctree):
    if pagename == app.config.notfound_pagename:
        context["metatags"] = context.get("metatags", "") + (
            '\n<meta name="robots" content="noindex">'
            '\n<meta name="description" content="Dit adres bestaat niet in de open cursus '
            'Miskraam. Zoek in de cursus of begin bij de eerste pagina.">')


def empty_toctree_not_none(app, pagename, templatename, context, doctree):
    """sphinx-notfound-page's toctree gives None for a book without one (a one-page book),
    where pydata-sphinx-theme's sidebar expects text: an empty one."""
    made = context.get("toctree")
    if pagename == app.config.notfound_pagename and callable(made):
        context["toctree"] = lambda *args, **kwargs: made(*args, **kwargs) or ""


def fill_page_when_read(app, env):
    # after the documents are read: the alarm page must be part of the book to be linked
    fill_page(app)


def setup(app):
    app.setup_extension("notfound.extension")
    app.connect("config-inited", configure)
    app.connect("env-updated", fill_page_when_read)
    app.connect("html-page-context", not_for_search_engines)
    # after sphinx-notfound-page's own (400), before the themes read the context (500)
    app.connect("html-page-context", empty_toctree_not_none, priority=450)
