"""The course's data files, checked once when a build starts.

A broken file (a number that disagrees with its wording, a misspelt field) used to surface as
dozens of follow-up errors ("onbekend feit" for every valid id, one per page) and Python
tracebacks asking to report a Sphinx bug, with the real message somewhere in between. Here
each file is loaded once at ``builder-inited``; a broken one gives one Dutch error, first and
once, naming the file, the record and the field. Every role and directive that needs that file
then stays silent and shows a placeholder, and the notice on every page falls back to a safe
text, so the build finishes and the author reads one message.
"""

from __future__ import annotations

from sphinx.util import logging

from .. import data
from ..alarm import AlarmError, alarm_signs
from ..facts import FactError, registry
from ..glossary import GlossaryError, glossary
from ..statements import StatementError, statements

logger = logging.getLogger(__name__)

#: name -> (file of the data folder, loader, its error); in order: the alarm signs need the
#: registry
FILES = {
    "feitenregister": (data.FACTS, registry, FactError),
    "alarmsignalen": (data.ALARM_SIGNS, alarm_signs, AlarmError),
    "uitspraken": (data.STATEMENTS, statements, StatementError),
    "begrippenlijst": (data.GLOSSARY, glossary, GlossaryError),
}
#: files that cannot load without another: broken with it, without a second message
NEEDS = {"alarmsignalen": ("feitenregister",)}

_broken: set[str] = set()


def check(app=None) -> set[str]:
    """Load every data file; report each broken one once. Returns the broken names."""
    _broken.clear()
    for name, (file_name, load, error_type) in FILES.items():
        if any(needed in _broken for needed in NEEDS.get(name, ())):
            _broken.add(name)
            continue
        try:
            load()
        except (error_type, OSError) as error:
            _broken.add(name)
            logger.error("%s (%s) kan niet worden geladen: %s. Zolang dit zo is, tonen de "
                         "pagina's op die plaatsen een lege plek.", name, data.where(file_name),
                         error, type="miskraam", subtype="data")
    return set(_broken)


def broken(*names: str) -> bool:
    """Whether one of these data files failed to load in this build (already reported)."""
    return any(name in _broken for name in names)


def resolve_terms_quietly(app, env, node, contnode):
    """With the glossary broken, a {term} link becomes plain text instead of a warning on
    every page: the one message about the glossary says what is wrong."""
    if broken("begrippenlijst") and node.get("reftype") == "term":
        return contnode
    return None


def setup(app):
    app.connect("builder-inited", check, priority=100)
    app.connect("missing-reference", resolve_terms_quietly)
