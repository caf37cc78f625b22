"""A citation typed beside a registry number: `{fact}`x` ... {cite:p}`key`` (or
{cite:t}`key``) in one sentence or table row, where `key` is the record's own source. When a
new study replaces the record, the number changes and the hand-typed citation still names the
old study. The record's own forms render the citation from the record (factrole.py):
`{fact}`x <bron>`` the number with its citation as {cite:p} writes it, `{fact}`x <auteur>``
the source as {cite:t} writes it ("Tong et al. [2008]").

Used by the tests (none may be left) and by `python -m miskraam.citations [--fix]`, which
rewrites them: for {cite:p} the fact gets the `<bron>` form and the key leaves the typed
citation (the citation goes when it cited only that key); a {cite:t} key becomes
`{fact}`x <auteur>`` where it stood.
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
CITE = re.compile(r"\{cite:(?P<kind>[pt])\}`(?P<keys>[^`]+)`")
#: the forms of {fact} that render the record's source themselves
SOURCED = ("bron", "auteur", "studie")
#: the form that replaces a typed citation, per kind of citation
REPLACEMENT = {"p": "bron", "t": "auteur"}
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
    kind: str = "p"

    def __str__(self) -> str:
        return (f"{data.shown(self.path)}:{self.line}: {{fact}}`{self.fact_id}` met "
                f"{{cite:{self.kind}}}`{self.key}` ernaast; schrijf "
                f"{{fact}}`{self.fact_id} <{REPLACEMENT[self.kind]}>`")


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
    and, for `{fact}`x <bron>`` (or `<auteur>`, `<studie>`), the source of record x (what the
    page renders)."""
    keys = []
    for match in re.finditer(r"\{cite:[pt]\}`(?P<keys>[^`]+)`|" + FACT.pattern, text):
        if match["keys"]:
            keys += [key.strip() for key in match["keys"].split(",")]
        elif (match["form"] or "").strip() in SOURCED:
            source = _source(match["id"])
            if source:
                keys.append(source)
    return keys


def typed_citations(path: Path, text: str | None = None) -> list[TypedCitation]:
    """Every fact in `path` with its own source cited by hand in the same sentence."""
    text = path.read_text(encoding="utf-8") if text is None else text
    found = []
    for offset, sentence in _sentences(text):
        for match in FACT.finditer(sentence):
            if (match["form"] or "").strip() in SOURCED:
                continue
            source = _source(match["id"])
            for kind in REPLACEMENT:
                if source and source in _cited(sentence, kind):
                    line = text.count("\n", 0, offset + match.start()) + 1
                    found.append(TypedCitation(path, line, match["id"], source, kind))
    return found


def searched_files() -> list[Path]:
    """Course text that a reader reads: the chapters (the questions included), the statements
    and the glossary."""
    return [*sorted(ROOT.glob("book/**/*.md")), data.path(data.STATEMENTS),
            data.path(data.GLOSSARY)]


def every_typed_citation() -> list[TypedCitation]:
    return [hit for path in searched_files() for hit in typed_citations(path)]


def _cited(sentence: str, kind: str = "p") -> set[str]:
    return {key.strip() for match in CITE.finditer(sentence) if match["kind"] == kind
            for key in match["keys"].split(",")}


def _fix_authors(sentence: str) -> tuple[str, int]:
    """A {cite:t} key that is the source of a fact in the sentence becomes that fact's
    `<auteur>` form where it stood; other keys of the citation stay typed."""
    own: dict[str, str] = {}
    for match in FACT.finditer(sentence):
        source = _source(match["id"])
        if source and not (match["form"] or "").strip():
            own.setdefault(source, match["id"])
    count = 0

    def replace(citation):
        nonlocal count
        keys = [key.strip() for key in citation["keys"].split(",")]
        if citation["kind"] != "t" or not any(key in own for key in keys):
            return citation[0]
        moved = [f"{{fact}}`{own[key]} <auteur>`" for key in keys if key in own]
        rest = [key for key in keys if key not in own]
        count += len(moved)
        return " en ".join(moved + ([f"{{cite:t}}`{','.join(rest)}`"] if rest else []))

    return CITE.sub(replace, sentence), count


def _fix_sentence(sentence: str) -> tuple[str, int]:
    sentence, authors = _fix_authors(sentence)
    cited, moved = _cited(sentence), set()
    for match in list(FACT.finditer(sentence)):
        source = _source(match["id"])
        if (match["form"] or "").strip() or not source or source not in cited or source in moved:
            continue
        moved.add(source)
        sentence = sentence.replace(match.group(0), f"{{fact}}`{match['id']} <bron>`", 1)
    if not moved:
        return sentence, authors

    def drop(citation):
        if citation["kind"] != "p":
            return citation[0]
        keys = [k.strip() for k in citation["keys"].split(",") if k.strip() not in moved]
        return f"{{cite:p}}`{','.join(keys)}`" if keys else "\x00"

    sentence = CITE.sub(drop, sentence)
    # a dropped citation takes the space (or line break) before it along
    return re.sub(r"\s*\x00", "", sentence), len(moved) + authors


def fix(path: Path) -> int:
    """Rewrite one file: in each sentence, the first fact whose source is cited by hand gets
    `<bron>`, and that key leaves the typed citation; a typed {cite:t} of a fact's source
    becomes the fact's `<auteur>`. Returns the number of citations rewritten."""
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
        print(f"{total} getallen krijgen hun bron uit het register (<bron>, <auteur>).")
        return 0
    hits = every_typed_citation()
    print("\n".join(map(str, hits)) or "Geen citaties met de hand naast een getal.")
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
