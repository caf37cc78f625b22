"""Which CSS rules a built book uses: the words of its pages, and a stylesheet trimmed to them.

The CSS is parsed by tinycss2, as a browser reads it (comments, strings, escapes, at-rules
inside at-rules, `:is()`/`:not()` with commas inside); this module only decides which rules
to keep and writes them back with tinycss2's serializer.

Parsing is the slow part (about 1.5 s for the theme's stylesheets, in every build, also each
small test book's), and the stylesheets rarely change, while the words a book uses do. So a
stylesheet is parsed once into what trimming needs (each selector's text with the class words
it requires, each rule's text) and kept by the hash of its text (`cache.py`).
"""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import tinycss2

from .cache import cached

#: a word of a page or script; a class name counts as used when each of its words occurs
WORD = re.compile(r"[_a-zA-Z][_a-zA-Z0-9-]*")
#: at-rules whose block holds style rules: trimmed inside, dropped when nothing is left.
#: Every other at-rule (@font-face, @keyframes, @page, @charset, @import) is kept whole.
GROUPING_AT_RULES = {"media", "supports", "container", "layer"}


def words_in_use(outdir: Path) -> set[str]:
    """Every word in the built pages and in the local scripts they load: a class can come
    from the HTML, from a script (the theme's, ours) or from a widget's ES module (embedded
    in the page). Generous on purpose: a word that is not a class only keeps a rule."""
    words: set[str] = set()
    scripts: set[Path] = set()
    for page in outdir.rglob("*.html"):
        if page.relative_to(outdir).parts[0] in ("_static", "_sources"):
            continue
        text = page.read_text(encoding="utf-8", errors="replace")
        words.update(WORD.findall(text))
        for src in re.findall(r'<script[^>]*\ssrc="([^"?#]+)', text):
            if "://" not in src:
                scripts.add((page.parent / src).resolve())
    for script in scripts:
        if script.is_file():
            words.update(WORD.findall(script.read_text(encoding="utf-8", errors="replace")))
    return words


def trim_css(css: str, words: set[str]) -> str:
    """Keep the style rules with at least one selector whose classes all occur in `words`,
    and only those selectors; one rule a line."""
    entries = cached("css", f"tinycss2 {tinycss2.__version__}\n{css}", lambda: _entries(css))
    return "\n".join(_trim(entries, words))


def _entries(css: str) -> list:
    """The stylesheet as trimming reads it (plain lists, stored as JSON):
    ``["rule", [[selector, [class words it requires]], ...], body]``,
    ``["group", "@media …", [entries]]`` and ``["keep", text]``."""
    return _read(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))


def _read(rules) -> list:
    entries = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [[tinycss2.serialize(part).strip(), _required_words(part)]
                         for part in _selectors(rule.prelude)]
            entries.append(["rule", selectors, tinycss2.serialize(rule.content)])
        elif rule.type == "at-rule":
            if rule.content is not None and rule.lower_at_keyword in GROUPING_AT_RULES:
                inner = tinycss2.parse_blocks_contents(
                    rule.content, skip_comments=True, skip_whitespace=True)
                prelude = tinycss2.serialize(rule.prelude).rstrip()
                entries.append(["group", f"@{rule.at_keyword}{prelude}", _read(inner)])
            else:
                entries.append(["keep", rule.serialize()])
        elif rule.type != "error":
            # a declaration where a rule was expected: not ours to judge, kept as it was
            entries.append(["keep", rule.serialize()])
        # a parse error (unbalanced text) is dropped, as a browser ignores it
    return entries


def _trim(entries: list, words: set[str]):
    for entry in entries:
        if entry[0] == "rule":
            kept = [text for text, required in entry[1]
                    if all(word in words for word in required)]
            if kept:
                yield f"{','.join(kept)}{{{entry[2]}}}"
        elif entry[0] == "group":
            inner = "\n".join(_trim(entry[2], words))
            if inner:
                yield f"{entry[1]}{{{inner}}}"
        else:
            yield entry[1]


def _selectors(prelude: list) -> list[list]:
    """The selector list split at its top-level commas (those inside :is(), :not() or an
    attribute selector belong to a function or block token and are not seen here)."""
    parts: list[list] = [[]]
    for token in prelude:
        if token == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return [part for part in parts if tinycss2.serialize(part).strip()]


def _required_words(selector: list) -> list[str]:
    """The words of every class the selector requires: a selector is used when they all occur
    in the book. Only top-level tokens are read: a class inside :not(), :is(), :where(),
    :has() or an attribute selector does not have to be on the page for the selector to
    match."""
    required = []
    for dot, name in pairwise(selector):
        if dot == "." and name.type == "ident":
            required += WORD.findall(name.value)
    return required
