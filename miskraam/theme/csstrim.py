"""Which CSS rules a built book uses: the words of its pages, and a stylesheet trimmed to them.

The CSS is parsed by tinycss2, as a browser reads it (comments, strings, escapes, at-rules
inside at-rules, `:is()`/`:not()` with commas inside); this module only decides which rules
to keep and writes them back with tinycss2's serializer.
"""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import tinycss2

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
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return "\n".join(_trim(rules, words))


def _trim(rules, words: set[str]):
    for rule in rules:
        if rule.type == "qualified-rule":
            kept = [part for part in _selectors(rule.prelude) if _selector_used(part, words)]
            if kept:
                selectors = ",".join(tinycss2.serialize(part).strip() for part in kept)
                yield f"{selectors}{{{tinycss2.serialize(rule.content)}}}"
        elif rule.type == "at-rule":
            if rule.content is not None and rule.lower_at_keyword in GROUPING_AT_RULES:
                inner = tinycss2.parse_blocks_contents(
                    rule.content, skip_comments=True, skip_whitespace=True)
                kept = "\n".join(_trim(inner, words))
                if kept:
                    prelude = tinycss2.serialize(rule.prelude).rstrip()
                    yield f"@{rule.at_keyword}{prelude}{{{kept}}}"
            else:
                yield rule.serialize()
        elif rule.type != "error":
            # a declaration where a rule was expected: not ours to judge, kept as it was
            yield rule.serialize()
        # a parse error (unbalanced text) is dropped, as a browser ignores it


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


def _selector_used(selector: list, words: set[str]) -> bool:
    """Every class the selector requires occurs in `words`. Only top-level tokens are read:
    a class inside :not(), :is(), :where(), :has() or an attribute selector does not have
    to be on the page for the selector to match."""
    for dot, name in pairwise(selector):
        if dot == "." and name.type == "ident":
            if not all(word in words for word in WORD.findall(name.value)):
                return False
    return True
