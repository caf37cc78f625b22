"""Dutch interface strings: our message catalog for Sphinx, the theme and the extensions.

The catalog is `locale/nl/LC_MESSAGES/sphinx.po` beside this file. `_config.yml` lists its
folder in `locale_dirs`, which is Sphinx's own way to override its built-in messages: Sphinx
compiles the `.po` to a `.mo` at the start of every build and reads it before its own Dutch
catalog and before the catalogs the themes add with `app.add_message_catalog` (those become
gettext fallbacks behind ours). So every `_()` in Sphinx, pydata-sphinx-theme and any
template override picks up our text; what we leave out falls back to the shipped catalogs.

Four places are beyond gettext's reach; this module routes them through the same catalog:

- Search-page JavaScript reads `_static/translations.js`, which Sphinx copies from
  `<locale_dir>/<language>/LC_MESSAGES/sphinx.js` when a locale dir has one. We write that
  file (Sphinx's own Dutch messages with ours on top) into the build folder and add its
  locale dir after ours.
- Some theme templates write English literally (`title="Toggle primary sidebar"`). A Jinja
  preprocessor turns such attribute values into `{{ _("…") }}` when our catalog has them;
  a template that already calls `_()` is left alone.
- sphinx-copybutton keeps its texts in a JavaScript table without Dutch; the same
  preprocessor adds a row built from the catalog to its template (`copybutton.js_t`).
  sphinx-togglebutton names its button in plain JavaScript: `miskraam-interface.js_t` (a
  template, so its text comes from the catalog too) renames it once the buttons exist.
- myst-nb takes the prompts of folded code cells from config values ("Show code cell
  {type}"); when such a value is still the English default, we put the catalog's text in.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from babel.messages.pofile import read_po
from jinja2.ext import Extension
from sphinx import package_dir as sphinx_package_dir
from sphinx.util import logging

logger = logging.getLogger(__name__)

LOCALE = Path(__file__).resolve().parent / "locale"

#: attributes whose literal English values the preprocessor hands to gettext
ATTRIBUTE = re.compile(
    r'\b(title|aria-label|placeholder|alt|aria-description|data-bs-title)="([^"{}<>%]+)"')
#: sphinx-copybutton's table of texts per language, in its template
COPYBUTTON_TABLE = "const messages = {"
#: config values that extensions show as interface text (myst-nb's prompts on folded cells)
CONFIG_TEXTS = ("nb_code_prompt_show", "nb_code_prompt_hide")
COPYBUTTON_KEYS = {"copy": "Copy", "copy_to_clipboard": "Copy to clipboard",
                   "copy_success": "Copied!", "copy_failure": "Failed to copy"}


def catalog(language: str, domain: str = "sphinx") -> dict[str, str]:
    """Our translations for `language`: msgid -> msgstr (untranslated ones left out)."""
    po = LOCALE / language / "LC_MESSAGES" / f"{domain}.po"
    if not po.exists():
        return {}
    with po.open("rb") as handle:
        messages = read_po(handle, locale=language)
    return {m.id: m.string for m in messages
            if m.id and isinstance(m.id, str) and m.string and not m.fuzzy}


def javascript_messages(language: str) -> str:
    """translations.js for `language`: Sphinx's own messages, ours on top."""
    shipped = Path(sphinx_package_dir) / "locale" / language / "LC_MESSAGES" / "sphinx.js"
    data = {"locale": language, "messages": {}, "plural_expr": "(n != 1)"}
    if shipped.exists():
        text = shipped.read_text(encoding="utf-8")
        data = json.loads(text[text.index("(") + 1:text.rindex(")")])
    ours = catalog(language)
    # only the messages Sphinx's scripts ask for (those in its own file), and ours for them
    keys = data["messages"].keys() or ours.keys()
    data["messages"] = {key: ours.get(key) or data["messages"].get(key, "") for key in keys}
    # Not Sphinx's Documentation.addTranslations: it compiles the plural rule with
    # `new Function`, which the pages' Content-Security-Policy refuses (lockdown.py). The
    # same three assignments, the rule written out as a function returning a form's index.
    return ("Object.assign(Documentation.TRANSLATIONS, "
            + json.dumps(data["messages"], ensure_ascii=False, indent=4, sort_keys=True)
            + ");\n"
            + f"Documentation.PLURAL_EXPR = (n) => Number({data['plural_expr']});\n"
            + f"Documentation.LOCALE = {json.dumps(data['locale'])};\n")


def translate_config(app, config):
    """Interface texts that extensions take from config values, through our catalog."""
    messages = catalog(config.language)
    for name in CONFIG_TEXTS:
        value = getattr(config, name, None)
        if value in messages:
            setattr(config, name, messages[value])


def check_locale_dirs(app, config):
    """Say so when no locale dir holds our catalog (it must be in _config.yml: Sphinx loads
    its messages before extensions are set up); then add the folder with translations.js.

    A log line, not a warning: small test books and copies of the course build without it
    and must not fail under -W; tests/test_interface_language.py checks the course itself."""
    if not catalog(config.language):
        return
    srcdir = Path(app.srcdir)
    po = Path(config.language) / "LC_MESSAGES" / "sphinx.po"
    if not any((srcdir / entry / po).exists() for entry in config.locale_dirs):
        logger.info("miskraam: de Nederlandse interfaceteksten ontbreken; zet %s in "
                    "locale_dirs in _config.yml", LOCALE)
    generated = Path(app.doctreedir) / "miskraam-locale"
    js = generated / config.language / "LC_MESSAGES" / "sphinx.js"
    js.parent.mkdir(parents=True, exist_ok=True)
    content = javascript_messages(config.language)
    if not js.exists() or js.read_text(encoding="utf-8") != content:
        js.write_text(content, encoding="utf-8")
    # Sphinx looks for sphinx.js in each locale dir in turn (ours has none) and joins the
    # entry to the working directory, so the entry is absolute
    config.locale_dirs = [*config.locale_dirs, str(generated)]


class ThemeStrings(Extension):
    """Jinja preprocessor: literal English in theme templates -> gettext calls."""

    def preprocess(self, source, name, filename=None):
        messages = getattr(self.environment, "miskraam_messages", {})
        if not messages:
            return source
        source = ATTRIBUTE.sub(
            lambda m: (f'{m.group(1)}="{{{{ _({json.dumps(m.group(2))})|e }}}}"'
                       if m.group(2) in messages else m.group(0)),
            source)
        if COPYBUTTON_TABLE in source and "copy_to_clipboard" in source:
            language = self.environment.miskraam_language
            row = ", ".join(f"{key!r}: {{{{ _({json.dumps(msgid)})|tojson }}}}"
                            for key, msgid in COPYBUTTON_KEYS.items())
            source = source.replace(COPYBUTTON_TABLE,
                                    f"{COPYBUTTON_TABLE}\n  {language!r}: {{{row}}},", 1)
        return source


def install_preprocessor(app):
    templates = getattr(app.builder, "templates", None)
    environment = getattr(templates, "environment", None)
    if environment is None or app.config.language == "en":
        return
    environment.miskraam_messages = catalog(app.config.language)
    environment.miskraam_language = app.config.language
    environment.add_extension(ThemeStrings)


def setup(app):
    app.connect("config-inited", check_locale_dirs)
    app.connect("config-inited", translate_config)
    app.connect("builder-inited", install_preprocessor)
    # deferred: runs after sphinx-togglebutton has added its buttons (DOMContentLoaded)
    app.add_js_file("miskraam-interface.js", defer="defer")
