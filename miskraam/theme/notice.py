"""The notice on every page: when to call 112, when to call at once, and that the course
informs and does not replace care.

Written once, here, and placed in the theme's announcement banner of every page (also
search and index pages). The signs come from ``alarmsignalen.yml`` in the book's data folder;
the notice names them in words, without numbers or links into the appendix, and links to the
page with all alarm signs (the config value ``miskraam_alarm_page``).
"""

from __future__ import annotations

from html import escape

from ..alarm import alarm_signs
from ..content.alarmbox import SAFE_TEXT
from ..content.datahealth import broken

#: the default of ``miskraam_alarm_page``: the page with all alarm signs, linked from the
#: notice when it is part of the book
ALARM_PAGE = "book/deel1/wanneer-bellen"


def _either(words: list[str]) -> str:
    """'a; b; c' (Dutch): a sign's own words may hold "of", so the signs are kept apart."""
    return "; ".join(words)


def notice_html(alarm_href: str | None) -> str:
    if broken("alarmsignalen"):  # reported once; every page still says where to turn
        return (f'<p class="miskraam-notice">{escape(SAFE_TEXT)} '
                "Deze cursus geeft informatie en vervangt geen zorg.</p>")
    signs = alarm_signs()
    emergency = _either([sign.notice for sign in signs.of_level("112")])
    urgent = _either([sign.notice for sign in signs.of_level("bel") if sign.notice])
    more = (f' Alle signalen: <a href="{escape(alarm_href)}">Wanneer bel je?</a>'
            if alarm_href else "")
    return (
        '<p class="miskraam-notice">'
        f'<strong><a href="tel:112">Bel 112</a> bij: {escape(emergency)}.</strong> '
        f"Bel meteen je verloskundige, huisarts of ziekenhuis bij onder meer: {escape(urgent)}. "
        f"{escape(signs.texts['wie_bel'])}{more} "
        "Deze cursus geeft informatie en vervangt geen zorg.</p>"
    )


def add_notice(app, pagename, templatename, context, doctree):
    alarm_href, alarm_page = None, app.config.miskraam_alarm_page
    if alarm_page in app.env.found_docs and pagename != alarm_page:
        # the page's own pathto: relative, and absolute on the 404 page, which
        # sphinx-notfound-page gives its own (it is served at any address; notfound.py)
        alarm_href = context["pathto"](alarm_page)
    context["theme_announcement"] = notice_html(alarm_href)
    # pydata-sphinx-theme reads an (otherwise undefined) default_mode; empty logs a console error
    context["default_mode"] = "light"


def setup(app):
    app.add_config_value("miskraam_alarm_page", ALARM_PAGE, "html", [str])
    app.connect("html-page-context", add_notice)
