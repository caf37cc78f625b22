"""Readability of the public text of a chapter (Dutch, language level B1).

We measure what a reader of the main text reads: the chapter without its professional
layer (``verdieping`` blocks), code, quotes from the sources and headings, with every
``{fact}`` replaced by its Dutch wording. Two measures:

- Flesch-Douma, the Dutch adaptation of Flesch reading ease (textstat, language ``nl``):
  206.84 - 0.77 * syllables per 100 words - 0.93 * words per sentence. Higher is easier;
  60-70 is "redelijk makkelijk", 70+ "makkelijk".
- Average sentence length in words (LiNT and the B1 guidance both point at short sentences).

Run ``python -m miskraam.readability book/*.md`` for a table.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import textstat

from .facts import FactError, fact

#: directives whose content is not part of the public text
SKIPPED_DIRECTIVES = {"verdieping", "code-cell", "citaat", "bibliography", "kerngetallen",
                      "exercise", "solution", "raw", "toctree", "glue:figure"}
FENCE = re.compile(r"^(?P<fence>`{3,}|:{3,})\s*(?:\{(?P<name>[^}]+)\})?")
FACT_ROLE = re.compile(r"\{fact\}`(?P<id>[^`<\s]+)\s*(?:<(?P<form>[^>]*)>)?\s*`")
OTHER_ROLE = re.compile(r"\{[a-z:-]+\}`([^`<]*?)(?:\s*<[^>]*>)?`")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")

#: the floors our tests hold for every public chapter text
DOUMA_FLOOR = 60.0
SENTENCE_LENGTH_CEILING = 14.0


@dataclass(frozen=True)
class Readability:
    douma: float
    words_per_sentence: float
    sentences: int
    words: int

    @property
    def meets_b1(self) -> bool:
        return self.douma >= DOUMA_FLOOR and self.words_per_sentence <= SENTENCE_LENGTH_CEILING


def _fact_text(match: re.Match) -> str:
    try:
        record = fact(match["id"])
    except FactError:
        return match["id"]
    return record.display_value() if match["form"] else record.wording


def public_text(markdown: str) -> str:
    """The text a reader of the main layer reads: one paragraph or list item per line."""
    units: list[str] = []
    new_unit = True
    skipping: str | None = None
    open_fences: list[str] = []
    in_front_matter = markdown.startswith("---")
    for number, raw in enumerate(markdown.splitlines()):
        line = raw.strip()
        if in_front_matter:
            if number > 0 and line == "---":
                in_front_matter = False
            continue
        if skipping is not None:
            if line == skipping:
                skipping = None
            continue
        opener = FENCE.match(line)
        if opener:
            new_unit = True
            fence, name = opener["fence"], (opener["name"] or "").strip()
            if open_fences and line == open_fences[-1]:
                open_fences.pop()
            elif name in SKIPPED_DIRECTIVES or (fence.startswith("`") and not name):
                skipping = fence
            else:
                open_fences.append(fence)
            continue
        if not line or line.startswith(("#", ":", "(", "|", "<", "%", "+++")):
            new_unit = True  # blank lines, headings, options, labels, tables, html
            continue
        item = re.match(r"^(?:[-*+]|\d+\.)\s+", line)
        line = FACT_ROLE.sub(_fact_text, line)
        line = OTHER_ROLE.sub(r"\1", line)
        line = LINK.sub(r"\1", line)
        line = re.sub(r"^(?:[-*+]|\d+\.)\s+", "", line)
        line = re.sub(r"[*_`>]", "", line).strip()
        if not line:
            continue
        if new_unit or item or not units:
            units.append(line)
        else:
            units[-1] += " " + line
        new_unit = False
    return "\n".join(u if re.search(r"[.!?]$", u) else u.rstrip(":;,") + "." for u in units)


def measure(text: str) -> Readability:
    textstat.set_lang("nl")
    sentences = max(1, textstat.sentence_count(text))
    words = textstat.lexicon_count(text)
    return Readability(
        douma=round(textstat.flesch_reading_ease(text), 1),
        words_per_sentence=round(words / sentences, 1),
        sentences=sentences,
        words=words,
    )


def measure_chapter(path: Path) -> Readability:
    return measure(public_text(Path(path).read_text(encoding="utf-8")))


def main(paths: list[str]) -> int:
    print(f"{'hoofdstuk':40} {'Douma':>6} {'w/zin':>6} {'zinnen':>7}  B1")
    for name in paths:
        result = measure_chapter(Path(name))
        print(f"{name:40} {result.douma:6.1f} {result.words_per_sentence:6.1f} "
              f"{result.sentences:7d}  {'ja' if result.meets_b1 else 'NEE'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
