"""The ``{uitspraak}`` directive: a statement of the course, shown from its one home.

````md
```{uitspraak} anti-d
```
```{uitspraak} anti-d
:voor: professioneel
```
````

renders the statement's public (default) or professional wording from
``uitspraken.yml`` (the book's data folder), parsed as MyST (so ``{fact}``, ``{term}`` and
``{cite:p}`` work inside), in a ``<div class="miskraam-uitspraak">`` that the tests recognise.
Where sources differ on the point, the public form ends with where the difference is
explained. An unknown id is a Dutch build error naming page and id.
"""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ..statements import StatementError, statement, statements_path
from .datahealth import broken

logger = logging.getLogger(__name__)

FORMS = ("publiek", "professioneel")


def _form(value: str) -> str:
    return directives.choice(value, FORMS)


class StatementDirective(SphinxDirective):
    required_arguments = 1
    has_content = False
    option_spec = {"voor": _form}

    def run(self):
        self.env.note_dependency(str(statements_path()))
        form = self.options.get("voor", "publiek")
        if broken("uitspraken"):  # reported once, when the build started
            return []
        try:
            found = statement(self.arguments[0])
        except StatementError as error:
            logger.error("uitspraak op pagina '%s': %s", self.env.docname, error,
                         location=self.get_location(), type="miskraam", subtype="uitspraak")
            return []
        text = found.text(form)
        if form == "publiek" and found.verschil and found.verschil != self.env.docname:
            text += (f"\n\n*Voor verloskundigen:* waarom bronnen hierover verschillen, staat "
                     f"in {{doc}}`/{found.verschil}`.")
        box = nodes.container(classes=["miskraam-uitspraak", f"uitspraak-{found.id}",
                                       f"uitspraak-{form}"])
        source = self.get_source_info()[0]
        self.state.nested_parse(StringList(text.splitlines(), source=source),
                                self.content_offset, box)
        return [box]


def setup(app):
    app.add_directive("uitspraak", StatementDirective)
