"""The course's HTML theme: a child of sphinx-book-theme (``html_theme: miskraam``).

What a page looks like and what it loads, and nothing about the course's content:
- ``miskraam/`` the theme itself: ``theme.conf``, template overrides (layout, header,
  announcement, sidebar buttons) and static files (CSS, interface scripts);
- the colour-mode script ``miskraam-theme.js``, bundled at build time from the ES modules in
  ``miskraam/js`` (``colour-mode-page.js``; docs/architecture.md, "JavaScript");
- ``lean``: only the assets a page uses, trimmed stylesheets and subset icon fonts;
- ``accessibility``: fixes to the HTML the parent theme and docutils write, for axe-core;
- ``translations``: Dutch interface strings (``locale/``) where gettext does not reach;
- ``notice``: the course's notice in the announcement banner of every page.
The course's directives and roles are the content extension, ``miskraam.content``.
"""

from __future__ import annotations

from pathlib import Path

from ..jsbundle import publish
from . import accessibility, lean, notice, translations

THEME = Path(__file__).parent / "miskraam"
COLOUR_MODE = Path(__file__).resolve().parent.parent / "js" / "colour-mode-page.js"


def _default_favicon(app, config):
    if not config.html_favicon:
        config.html_favicon = str(THEME / "static" / "favicon.svg")


def _publish_colour_mode(app):
    publish(app, "miskraam-theme.js", COLOUR_MODE)


def setup(app):
    app.add_html_theme("miskraam", str(THEME))
    notice.setup(app)
    accessibility.setup(app)
    translations.setup(app)
    lean.setup(app)
    app.connect("config-inited", _default_favicon)
    app.connect("builder-inited", _publish_colour_mode)
    app.add_css_file("miskraam.css")
    app.add_js_file("miskraam-print.js", defer="defer")
    app.add_js_file("miskraam-theme.js", priority=200)  # before first paint: follow the system
    app.add_js_file("miskraam-ui.js", defer="defer")  # what Bootstrap's script did, and more
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
