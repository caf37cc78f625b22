"""Where a registry record is used: `make waar-gebruikt ID=hooker-verklevingen`.

When a new study replaces a number, changing `value` updates every `{fact}`; what still names
the old study by hand (its author, its citation key, its sample size in prose) does not. This
lists, for one record: every place that uses the id (chapters, statements, glossary,
questions, widgets, figures, notebooks, tests), every citation of its source, every place
that names the source's first author, and every place that types the study's size or design
(the record's `studies`, `participants`, `design`) by hand, so a maintainer sees the whole
story of a number.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from . import data
from .bibliography import first_author
from .facts import Fact, FactError, fact, registry
from .studysize import spell

ROOT = data.REPOSITORY
#: the chapters, the notebooks, the code and the tests, below the repository; the data folder
#: is searched wherever _config.yml puts it
SEARCHED = ("book/**/*.md", "notebooks/*.ipynb", "miskraam/**/*.py", "miskraam/**/*.js",
            "tests/**/*.py", "tests/**/*.mjs")


def searched_files() -> list[Path]:
    files = [*sorted(data.folder().glob("*.yml")),
             *(path for glob in SEARCHED for path in sorted(ROOT.glob(glob)))]
    return [path for path in dict.fromkeys(files)
            if "__pycache__" not in path.parts and path.name != "usage.py"]


def lines_with(pattern: re.Pattern) -> list[str]:
    found = []
    for path in searched_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                found.append(f"{data.shown(path)}:{number}: {line.strip()[:120]}")
    return found


def study_pattern(record: Fact) -> re.Pattern | None:
    """The record's study size or design as prose types it: "tien studies", "10 prospectieve
    studies", "912 vrouwen", "(1521 vrouwen)", "prospectieve studies"."""
    if record.studies is None:
        return None
    counts = {str(record.studies), spell(record.studies)}
    said = [rf"\b(?:{'|'.join(map(re.escape, counts))})\s+(?:[a-z]+e\s+)?(?:studies|trials)\b"]
    if record.design:
        said.append(rf"\b{re.escape(record.design)}\s+(?:studies|trials)\b")
    if record.participants:
        women = {str(record.participants), spell(record.participants)}
        said.append(rf"(?<![\d.,])(?:{'|'.join(map(re.escape, women))})(?![\d,]|\.\d)")
    return re.compile("|".join(said), re.IGNORECASE)


def report(fact_id: str) -> str:
    record = fact(fact_id)
    parts = [f"{record.id}: {record.label} ({record.display_value()}), bron: {record.source}", ""]
    uses = lines_with(re.compile(rf"(?<![\w-]){re.escape(fact_id)}(?![\w-])"))
    parts += [f"Gebruik van het id ({len(uses)}):", *uses, ""]
    siblings = [other for other in registry().values()
                if other.source == record.source and other.id != record.id]
    if record.is_external and siblings:
        # a new study replaces one record; its siblings still say what the old study found
        parts += [f"Andere records uit {record.source} ({len(siblings)}; horen ze nog bij het "
                  "nieuwe getal?):",
                  *(f"{other.id}: {other.label} ({other.display_value()})" for other in siblings),
                  ""]
    if record.is_external:
        cites = lines_with(re.compile(rf"\{{cite:[pt]\}}`[^`]*\b{re.escape(record.source)}\b"))
        parts += [f"Citaties van {record.source} ({len(cites)}):", *cites, ""]
        author = first_author(record.source)
        if author:
            named = lines_with(re.compile(rf"\b{re.escape(author)}\b"))
            parts += [f"Plaatsen die {author} noemen ({len(named)}; nog juist bij een nieuwe "
                      "studie?):", *named, ""]
    pattern = study_pattern(record)
    if pattern:
        sizes = lines_with(pattern)
        parts += [f"Studiegrootte met de hand ({record.study_text()}; {len(sizes)}; "
                  f"schrijf {{fact}}`{record.id} <studie>` of pas aan):", *sizes, ""]
    return "\n".join(parts)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(f"Gebruik: make waar-gebruikt ID=<id uit {data.where(data.FACTS)}>",
              file=sys.stderr)
        return 2
    try:
        print(report(argv[0]))
    except FactError as error:
        print(f"{error} (zie {data.where(data.FACTS)})", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
