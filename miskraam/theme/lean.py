"""Light pages: the theme loads only what the course uses.

A vanilla Jupyter Book page loads about 2.5 MB; most of it is Font Awesome's JavaScript
(1.5 MB, to draw about eight icons), Bootstrap's CSS and JavaScript, and the search index on
every page. What this module does (the reasons are in docs/architecture.md, "Light
pages"; the template side is in miskraam/layout.html beside this module):

- per page (``html-page-context``): keep the assets of sphinx-design, sphinx-copybutton and
  sphinx-togglebutton only on pages that have what they work on; point every third-party
  stylesheet at its trimmed ``.lean.css`` copy;
- after the build (``build-finished``): write those copies, keeping only the CSS rules whose
  classes occur in the built pages or in the scripts they load; subset the icon fonts to
  the icons that the remaining rules draw (a few kB instead of 300 kB); replace the root
  redirect with a complete, labelled page.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from sphinx.util import logging

from .csstrim import trim_css, words_in_use
from .found import base_address
from .iconfonts import subset_icon_fonts

logger = logging.getLogger(__name__)

#: sphinx-togglebutton's selector is `.toggle, .admonition.dropdown`: the class words on their
#: own, not sphinx-design's `sd-dropdown` (every {verdieping})
TOGGLED = re.compile(r'class="[^"]*(?<![\w-])(?:toggle|dropdown)(?![\w-])')

#: per-page assets, kept only when the page's body contains one of the markers (a string, or a
#: pattern that must match)
OPTIONAL_ASSETS = {
    # sphinx-design: cards, grids, tabs, dropdowns (every {verdieping})
    "sphinx-design.min.css": ("sd-",),
    "design-tabs.js": ("sd-tab",),
    # sphinx-copybutton: a copy button on code blocks
    "copybutton.css": ("<pre",),
    "copybutton.js": ("<pre",),
    "clipboard.min.js": ("<pre",),
    # sphinx-togglebutton: folded admonitions (sphinx-exercise's solutions) and toggles
    "togglebutton.css": (TOGGLED,),
    "togglebutton.js": (TOGGLED,),
}

#: stylesheets of ours: not trimmed
OWN_PREFIX = "miskraam"
LEAN_SUFFIX = ".lean.css"
#: the theme's base stylesheets, linked from miskraam/layout.html
THEME_STYLESHEETS = ("styles/pydata-sphinx-theme.css", "basic.css")
ICON_FONT_DIR = "vendor/fontawesome/webfonts"


def lean_name(filename: str) -> str:
    return filename[: -len(".css")] + LEAN_SUFFIX


def _wanted(filename: str, body: str) -> bool:
    markers = OPTIONAL_ASSETS.get(Path(filename).name)
    return markers is None or any(
        marker.search(body) if isinstance(marker, re.Pattern) else marker in body
        for marker in markers)


def trim_page_assets(app, pagename, templatename, context, doctree):
    """Drop the per-page assets a page does not need; link the lean stylesheets."""
    if app.builder.format != "html" or app.builder.embedded:  # the EPUB packs what it links
        return
    body = context.get("body", "")
    if pagename in ("search", "genindex"):
        body = ""
    css_files = context.get("css_files")
    if css_files is not None:
        kept = []
        for css in css_files:
            name = str(css.filename)
            if not _wanted(name, body):
                continue
            ours = Path(name).name.startswith(OWN_PREFIX)
            if "://" not in name and name.endswith(".css") and not ours:
                attributes = dict(css.attributes)
                # the same kind of entry Sphinx made (its class is private API), renamed
                css = type(css)(lean_name(name), priority=css.priority, **attributes)
            kept.append(css)
        css_files[:] = kept
    script_files = context.get("script_files")
    if script_files is not None:
        script_files[:] = [js for js in script_files
                           if not js.filename or _wanted(str(js.filename), body)]


# --- the root redirect --------------------------------------------------------------------

def redirect_page(target: str, title: str, icon: str | None, label: str,
                  canonical: str = "", description: str = "") -> str:
    """The root page that sends the reader on to `target`; its canonical address (absolute,
    or none: found.py) and its description are the first page's."""
    icon_link = f'<link rel="icon" href="{escape(icon)}">\n' if icon else ""
    canonical_link = f'<link rel="canonical" href="{escape(canonical)}">\n' if canonical else ""
    described = (f'<meta name="description" content="{escape(description)}">\n'
                 if description else "")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Refresh" content="0; url={escape(target)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n{described}{icon_link}{canonical_link}"
        "</head>\n<body>\n"
        f"<main><h1>{escape(title)}</h1>\n"
        f'<p><a href="{escape(target)}">{escape(label)}</a></p></main>\n'
        "</body>\n</html>\n"
    )


def write_redirect(app) -> None:
    """The root index.html of a book whose first page is not `index`: sphinx-external-toc
    writes a bare <meta> refresh (no doctype, language, title or icon; the browser then
    asks for /favicon.ico, a 404). Ours is a complete page with a visible link."""
    if app.config.root_doc == "index":
        return
    target = app.builder.get_target_uri(app.config.root_doc)
    icon = None
    if app.config.html_favicon and "://" not in app.config.html_favicon:
        icon = "_static/" + Path(app.config.html_favicon).name
    title = app.config.html_title or app.config.project
    first = app.env.titles.get(app.config.root_doc)
    label = first.astext() if first is not None else title
    base = base_address(app.config)
    description = str(app.env.metadata.get(app.config.root_doc, {}).get("description", ""))
    Path(app.outdir, "index.html").write_text(
        redirect_page(target, title, icon, label, base + target if base else "",
                      " ".join(description.split())), encoding="utf-8")


def write_lean_assets(app, exception):
    if exception is not None or app.builder.format != "html" or app.builder.embedded:
        return
    outdir = Path(app.outdir)
    static = outdir / "_static"
    words = words_in_use(outdir)
    stylesheets = {static / name for name in THEME_STYLESHEETS}
    stylesheets |= {
        path for path in static.rglob("*.css")
        if not path.name.endswith(LEAN_SUFFIX) and not path.name.startswith(OWN_PREFIX)
    }
    for path in sorted(stylesheets):
        if not path.is_file():
            continue
        css = trim_css(path.read_text(encoding="utf-8"), words)
        if "@font-face" in css:
            css = subset_icon_fonts(css, path.parent)
        path.with_name(lean_name(path.name)).write_text(css, encoding="utf-8")
    write_redirect(app)


def setup(app):
    app.connect("html-page-context", trim_page_assets)
    # after sphinx-external-toc has written its redirect (priority 500)
    app.connect("build-finished", write_lean_assets, priority=900)
