"""Dutch hyphenation for the print edition: soft hyphens (U+00AD) from pyphen's Dutch
patterns in the long words of running text. Chromium breaks a line there; on Linux it has no
hyphenation dictionaries of its own, so CSS ``hyphens: auto`` does nothing for Dutch."""

from __future__ import annotations

import re

import pyphen
from docutils import nodes

#: words at least this long get soft hyphens
HYPHENATE_FROM = 9
WORD = re.compile(rf"[A-Za-zÀ-ÿ]{{{HYPHENATE_FROM},}}")
SOFT_HYPHEN = "\u00ad"
#: text inside these stays as written: code, headings (and the contents that repeat them)
KEEP = (nodes.FixedTextElement, nodes.literal, nodes.title, nodes.subtitle, nodes.rubric,
        nodes.math, nodes.raw, nodes.comment)


def _running_text(text: nodes.Text) -> bool:
    parent = text.parent
    while parent is not None:
        if isinstance(parent, KEEP):
            return False
        parent = parent.parent
    return True


def soften(tree: nodes.Node) -> int:
    """Put soft hyphens into every long word of running text; returns how many words."""
    dictionary = pyphen.Pyphen(lang="nl_NL")
    count = 0

    def hyphenate(match: re.Match) -> str:
        nonlocal count
        count += 1
        return dictionary.inserted(match.group(0), hyphen=SOFT_HYPHEN)

    for text in list(tree.findall(nodes.Text)):
        if text.parent is None or not _running_text(text):
            continue
        new = WORD.sub(hyphenate, str(text))
        if new != str(text):
            text.parent.replace(text, nodes.Text(new))
    return count
