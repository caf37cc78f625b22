"""The notice on every page: the course informs, it does not replace care.

Written once, here, and placed in the theme's announcement banner of every page
(also search and index pages). The thresholds come from the facts registry.
"""

from __future__ import annotations

from html import escape

from ..facts import fact

#: the page with all alarm signs; linked from the notice when it is part of the book
ALARM_PAGE = "book/deel1/wanneer-bellen"


def notice_html(alarm_href: str | None) -> str:
    pads = escape(fact("alarm-maandverbanden").wording)
    fever = escape(fact("alarm-koorts").wording)
    more = (f' <a href="{escape(alarm_href)}">Alle alarmsignalen</a>.' if alarm_href else "")
    return (
        '<p class="miskraam-notice">'
        "<strong>Deze cursus geeft informatie en vervangt geen zorg.</strong> "
        "Bel meteen je eigen verloskundige, huisarts of ziekenhuis bij veel bloedverlies "
        f"({pads}), koorts ({fever}), veel pijn of als je je zorgen maakt.{more}</p>"
    )


def add_notice(app, pagename, templatename, context, doctree):
    alarm_href = None
    if ALARM_PAGE in app.env.found_docs and pagename != ALARM_PAGE:
        alarm_href = app.builder.get_relative_uri(pagename, ALARM_PAGE)
    context["theme_announcement"] = notice_html(alarm_href)
    # pydata-sphinx-theme reads an (otherwise undefined) default_mode; empty logs a console error
    context["default_mode"] = "light"


def setup(app):
    app.connect("html-page-context", add_notice)
