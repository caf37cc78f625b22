"""The course's HTML theme: a child of sphinx-book-theme (``html_theme: miskraam``).

What a page looks like and what it loads, and nothing about the course's content:
- ``miskraam/`` the theme itself: ``theme.conf``, template overrides (the layout and the
  announcement; the sidebar's title and the header buttons in ``components/``) and static
  files (CSS, interface scripts);
- the colour-mode script ``miskraam-theme.js``, bundled at build time from the ES modules in
  ``miskraam/js`` (``colour-mode-page.js``; docs/architecture.md, "JavaScript");
- ``lean``: only the assets a page uses, trimmed stylesheets and subset icon fonts;
- ``accessibility``: fixes to the HTML the parent theme and docutils write, for axe-core;
- ``notfound``: the page for an address that does not exist (``404.html``);
- ``lockdown``: the Content-Security-Policy of every page (no inline handlers, hashed inline
  scripts, nothing from another host);
- ``translations``: Dutch interface strings (``locale/``) where gettext does not reach;
- ``notice``: the course's notice in the announcement banner of every page;
- ``offline``: readable offline, the web app manifest and the service worker;
- ``printpage``: the print edition's page (``miskraam-print.html``) for the one-page build;
  ``miskraam-epub/`` the EPUB edition's theme (Sphinx's epub theme without scripts).
The course's directives and roles are the content extension, ``miskraam.content``.
"""

from __future__ import annotations

from pathlib import Path

from ..jsbundle import publish
from . import (
    accessibility,
    found,
    lean,
    lockdown,
    notfound,
    notice,
    offline,
    printpage,
    translations,
    validity,
)

THEME = Path(__file__).parent / "miskraam"
#: the EPUB edition's page (epub_theme in _config.yml)
EPUB_THEME = Path(__file__).parent / "miskraam-epub"
COLOUR_MODE = Path(__file__).resolve().parent.parent / "js" / "colour-mode-page.js"


def _theme_config(app, config):
    # Components (the sidebar's title, the header buttons) are found through templates_path:
    # pydata-sphinx-theme and sphinx-book-theme add their own "components" folders there, so
    # ours goes in front of theirs to override them by name.
    parents = [i for i, path in enumerate(config.templates_path)
               if str(path).endswith("components")]
    config.templates_path.insert(parents[0] if parents else len(config.templates_path),
                                 str(THEME / "components"))
    if not config.html_favicon:
        config.html_favicon = str(THEME / "static" / "favicon.svg")


def _publish_colour_mode(app):
    publish(app, "miskraam-theme.js", COLOUR_MODE)


def setup(app):
    app.add_html_theme("miskraam", str(THEME))
    app.add_html_theme("miskraam-epub", str(EPUB_THEME))
    notice.setup(app)
    accessibility.setup(app)
    validity.setup(app)
    found.setup(app)
    lockdown.setup(app)
    notfound.setup(app)
    offline.setup(app)
    translations.setup(app)
    lean.setup(app)
    printpage.setup(app)
    app.connect("config-inited", _theme_config, priority=900)
    app.connect("builder-inited", _publish_colour_mode)
    app.add_css_file("miskraam.css")
    app.add_js_file("miskraam-print.js", defer="defer")
    app.add_js_file("miskraam-theme.js", priority=200)  # before first paint: follow the system
    app.add_js_file("miskraam-ui.js", defer="defer")  # what Bootstrap's script did, and more
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
