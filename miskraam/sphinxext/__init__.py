"""Sphinx extension of the Miskraam course: roles, directives, notice, static files."""

from __future__ import annotations

from pathlib import Path

from . import (
    aanbeveling,
    accessibility,
    alarmbox,
    datahealth,
    editions,
    freshness,
    glossary,
    lean,
    notice,
    quiz,
    search,
    statements,
    structure,
    translations,
    verantwoording,
    widgetdirective,
)
from .factrole import FactRole
from .kerngetallen import KerngetallenDirective

STATIC = Path(__file__).parent / "static"
TEMPLATES = Path(__file__).parent / "templates"


def _static_files(app, config):
    config.html_static_path.append(str(STATIC))
    config.templates_path.insert(0, str(TEMPLATES))
    if not config.html_favicon:
        config.html_favicon = str(STATIC / "favicon.svg")


def setup(app):
    app.add_role("fact", FactRole())
    app.add_directive("kerngetallen", KerngetallenDirective)
    datahealth.setup(app)
    structure.setup(app)
    statements.setup(app)
    glossary.setup(app)
    aanbeveling.setup(app)
    quiz.setup(app)
    verantwoording.setup(app)
    notice.setup(app)
    freshness.setup(app)
    widgetdirective.setup(app)
    accessibility.setup(app)
    search.setup(app)
    alarmbox.setup(app)
    translations.setup(app)
    lean.setup(app)
    editions.setup(app)
    app.connect("config-inited", _static_files)
    app.add_css_file("miskraam.css")
    app.add_js_file("miskraam-print.js", defer="defer")
    app.add_js_file("miskraam-theme.js", priority=200)  # before first paint: follow the system
    app.add_js_file("miskraam-ui.js", defer="defer")  # what Bootstrap's script did, and more
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
