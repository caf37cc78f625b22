"""A citation typed beside a registry number: `{fact}`x` ... {cite:p}`key`` in one sentence,
where `key` is the record's own source. When a new study replaces the record, the number
changes and the hand-typed citation still names the old study. The record's own form,
`{fact}`x <bron>``, renders the number with its citation from the record (factrole.py).

Used by the tests (none may be left) and by `python -m miskraam.citations [--fix]`, which
rewrites them: the fact gets the `<bron>` form and the key leaves the typed citation (the
citation goes when it cited only that key).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from . import data
from .facts import UnknownFact, fact

ROOT = data.REPOSITORY

FACT = re.compile(r"\{fact\}`(?P<id>[^`<\s]+)\s*(?:<(?P<form>[^>]*)>)?\s*`")
CITE = re.compile(r"\{cite:p\}`(?P<keys>[^`]+)`")
#: a sentence ends at a full stop, question or exclamation mark followed by space and a
#: capital, at a blank line, and where a list item or a table row begins (a citation in one
#: item or row is never moved to a figure in another)
SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[A-Z\"(*])|\n\s*\n|\n(?=\s*(?:(?:[-*+]|\d+\.)\s|\|))")


@dataclass
class TypedCitation:
    path: Path
    line: int
    fact_id: str
    key: str

    def __str__(self) -> str:
        return (f"{data.shown(self.path)}:{self.line}: {{fact}}`{self.fact_id}` met "
                f"{{cite:p}}`{self.key}` ernaast; schrijf {{fact}}`{self.fact_id} <bron>`")


def _source(fact_id: str) -> str | None:
    try:
        record = fact(fact_id)
    except UnknownFact:
        return None
    return record.source if record.is_external else None


def _spans(text: str):
    """(start, end) of each sentence of a text; what lies between two spans is the space or
    blank line that ends a sentence."""
    start = 0
    for end in SENTENCE_END.finditer(text):
        yield start, end.start()
        start = end.end()
    yield start, len(text)


def _sentences(text: str):
    """(start offset, sentence) for each sentence of a text."""
    for start, end in _spans(text):
        yield start, text[start:end]


def cited_keys(text: str) -> list[str]:
    """The bibliography keys a piece of MyST cites, in order: those of `{cite:p}`/`{cite:t}`
    and, for `{fact}`x <bron>``, the source of record x (what the page renders)."""
    keys = []
    for match in re.finditer(r"\{cite:[pt]\}`(?P<keys>[^`]+)`|" + FACT.pattern, text):
        if match["keys"]:
            keys += [key.strip() for key in match["keys"].split(",")]
        elif (match["form"] or "").strip() == "bron":
            source = _source(match["id"])
            if source:
                keys.append(source)
    return keys


def typed_citations(path: Path, text: str | None = None) -> list[TypedCitation]:
    """Every fact in `path` with its own source cited by hand in the same sentence."""
    text = path.read_text(encoding="utf-8") if text is None else text
    found = []
    for offset, sentence in _sentences(text):
        cited = _cited(sentence)
        for match in FACT.finditer(sentence):
            if (match["form"] or "").strip() == "bron":
                continue
            source = _source(match["id"])
            if source and source in cited:
                line = text.count("\n", 0, offset + match.start()) + 1
                found.append(TypedCitation(path, line, match["id"], source))
    return found


def searched_files() -> list[Path]:
    """Course text that a reader reads: the chapters (the questions included), the statements
    and the glossary."""
    return [*sorted(ROOT.glob("book/**/*.md")), data.path(data.STATEMENTS),
            data.path(data.GLOSSARY)]


def every_typed_citation() -> list[TypedCitation]:
    return [hit for path in searched_files() for hit in typed_citations(path)]


def _cited(sentence: str) -> set[str]:
    return {key.strip() for match in CITE.finditer(sentence) for key in match["keys"].split(",")}


def _fix_sentence(sentence: str) -> tuple[str, int]:
    cited, moved = _cited(sentence), set()
    for match in list(FACT.finditer(sentence)):
        source = _source(match["id"])
        if (match["form"] or "").strip() or not source or source not in cited or source in moved:
            continue
        moved.add(source)
        sentence = sentence.replace(match.group(0), f"{{fact}}`{match['id']} <bron>`", 1)
    if not moved:
        return sentence, 0

    def drop(citation):
        keys = [k.strip() for k in citation["keys"].split(",") if k.strip() not in moved]
        return f"{{cite:p}}`{','.join(keys)}`" if keys else "\x00"

    sentence = CITE.sub(drop, sentence)
    # a dropped citation takes the space (or line break) before it along
    return re.sub(r"\s*\x00", "", sentence), len(moved)


def fix(path: Path) -> int:
    """Rewrite one file: in each sentence, the first fact whose source is cited by hand gets
    `<bron>`, and that key leaves the typed citation. Returns the number of facts rewritten."""
    text = path.read_text(encoding="utf-8")
    pieces, previous, count = [], 0, 0
    for start, end in _spans(text):
        sentence, moved = _fix_sentence(text[start:end])
        pieces += [text[previous:start], sentence]
        previous, count = end, count + moved
    if count:
        path.write_text("".join(pieces) + text[previous:], encoding="utf-8")
    return count


def main(argv: list[str]) -> int:
    if "--fix" in argv:
        total = sum(fix(path) for path in searched_files())
        print(f"{total} getallen krijgen hun bron uit het register (<bron>).")
        return 0
    hits = every_typed_citation()
    print("\n".join(map(str, hits)) or "Geen citaties met de hand naast een getal.")
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
