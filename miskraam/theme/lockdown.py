"""A Content-Security-Policy on every page of the web book (issue 19, "Locked down").

"Nothing from another host" is held by the tests; the policy makes the reader's browser hold it
too, and refuses any script the book did not ship. It is a ``<meta http-equiv>`` at the top of
``<head>``, so it works on any static host and from ``file://`` alike (a host may add the same
policy as a header; the meta is the one the book controls).

- ``script-src 'self'`` plus the SHA-256 hash of each inline script a page carries (Sphinx's
  ``DOCUMENTATION_OPTIONS.pagename``, sphinx-togglebutton's settings, the search page's focus
  line): hashed, not moved, because they come from Sphinx and its extensions and change with
  them; the hashes are computed from the written page, so whatever a new version writes is
  covered, and nothing else runs. No ``'unsafe-inline'``, no ``'unsafe-eval'``.
- ``blob:`` for scripts: the widgets are ES modules carried in the page's widget state, and
  the loader (``content/static/miskraam-widgets.js``) imports them from a Blob URL it makes
  itself, because Chromium refuses module files over ``file://``. A Blob URL can only be made
  by a script the policy already allowed.
- ``style-src 'unsafe-inline'``: the widgets add their stylesheet at run time and SVG figures
  carry style attributes; styles cannot run code.
- ``img-src data:``: the figures' PNGs are embedded in the pages (one file per page).
- ``object-src 'none'``, ``base-uri 'self'``, ``form-action 'self'``; ``frame-ancestors`` is
  not allowed in a meta element (a browser ignores it and says so), so it is left to the host.

Two things the parent themes write would break under the policy, fixed at their source:
sphinx-book-theme's print button calls ``window.print()`` from an ``onclick`` attribute (a
Jinja preprocessor makes it a ``data-miskraam-action``, which ``miskraam-print.js`` handles),
and Sphinx's ``Documentation.addTranslations`` compiles the plural rule with ``new Function``
(``translations.py`` writes the catalog without it).
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from jinja2.ext import Extension

#: the policy, with {hashes} for the inline scripts of the page
POLICY = ("default-src 'self'; script-src 'self' blob:{hashes}; "
          "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
          "connect-src 'self'; worker-src 'self'; manifest-src 'self'; "
          "object-src 'none'; base-uri 'self'; form-action 'self'")
META = '<meta http-equiv="Content-Security-Policy" content="{policy}">'
#: a script element the browser runs from its own text: no src, and a JavaScript type (or none)
INLINE_SCRIPT = re.compile(
    r"<script(?P<attrs>(?:\s+(?!src\b)[\w:-]+(?:=(?:\"[^\"]*\"|'[^']*'|[^\s>]*))?)*)\s*>"
    r"(?P<body>.*?)</script\s*>", re.S | re.I)
SCRIPT_TYPE = re.compile(r"\btype\s*=\s*[\"']?([^\"'\s>]+)", re.I)
JAVASCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
OLD_META = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n?')
CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.I)

#: sphinx-book-theme's button macro: an inline handler, made a data attribute
INLINE_HANDLER = '<button onclick="{{ javascript }}"'
DATA_ACTION = '<button type="button" data-miskraam-action="{{ javascript }}"'


def inline_scripts(html: str) -> list[str]:
    """The text of every script the page runs from the page itself."""
    found = []
    for match in INLINE_SCRIPT.finditer(html):
        kind = SCRIPT_TYPE.search(match.group("attrs") or "")
        if (kind.group(1).lower() if kind else "") in JAVASCRIPT_TYPES:
            found.append(match.group("body"))
    return found


def script_hash(text: str) -> str:
    # the browser hashes the element's text as the parser hands it over: line ends normalised
    digest = hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def policy_for(html: str) -> str:
    hashes = sorted({script_hash(text) for text in inline_scripts(html)})
    return POLICY.format(hashes="".join(" " + value for value in hashes))


def lock(html: str) -> str:
    """The page with its policy as the first element after the charset (before any script)."""
    html = OLD_META.sub("", html)
    meta = META.format(policy=policy_for(html))
    charset = CHARSET.search(html)
    if charset:
        return html[:charset.end()] + "\n" + meta + html[charset.end():]
    return html.replace("<head>", "<head>\n" + meta, 1)


def lock_pages(app, exception):
    if exception or app.builder.name != "html":
        return
    for page in Path(app.outdir).rglob("*.html"):
        if page.parts[len(Path(app.outdir).parts)] in ("_static", "_sources", "_images"):
            continue
        html = page.read_text(encoding="utf-8")
        locked = lock(html)
        if locked != html:
            page.write_text(locked, encoding="utf-8")


class NoInlineHandlers(Extension):
    """Jinja preprocessor: the theme's ``onclick`` buttons become ``data-miskraam-action``."""

    def preprocess(self, source, name, filename=None):
        return source.replace(INLINE_HANDLER, DATA_ACTION)


def install_preprocessor(app):
    environment = getattr(getattr(app.builder, "templates", None), "environment", None)
    if environment is not None:
        environment.add_extension(NoInlineHandlers)


def setup(app):
    app.connect("builder-inited", install_preprocessor)
    # last: after every other step that writes into the pages
    app.connect("build-finished", lock_pages, priority=950)
