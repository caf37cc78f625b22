"""What code without Sphinx needs of the bibliography (`references.bib` in the data folder):
its keys, and a source's authors and year as the course names them ("Hooker e.a. (2014)").

A widget, a notebook and `make waar-gebruikt` name a record's source outside a page, where
sphinxcontrib-bibtex's `{cite:t}` cannot run; they read the name here, from the record's
`source`, so a new study renames them too. A few regular expressions rather than pybtex's
parser: we read three fields of entries we write ourselves, and pybtex's names would still
need the Dutch "e.a." and the braces stripped.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import data


@lru_cache(maxsize=4)
def _entries(text: str) -> dict[str, str]:
    return {match[1]: match[2] for match in
            re.finditer(r"^@\w+\{([^,\s]+),(.*?)\n\}", text, re.S | re.M)}


def entries() -> dict[str, str]:
    """Every entry's fields as text, by key (none when the data folder has no bibliography)."""
    path = data.path(data.BIBLIOGRAPHY)
    return _entries(path.read_text(encoding="utf-8")) if path.exists() else {}


def keys() -> set[str]:
    return set(entries())


def _field(key: str, name: str) -> str | None:
    entry = entries().get(key)
    found = entry and re.search(rf"\b{name}\s*=\s*\{{(.*?)\}},?\n", entry, re.S)
    return found.group(1) if found else None


def _people(authors: str) -> list[str]:
    """The names of an author field, split at "and" outside braces."""
    people, depth, start = [], 0, 0
    for position, char in enumerate(authors):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth == 0 and authors.startswith(" and ", position):
            people.append(authors[start:position])
            start = position + len(" and ")
    return [*people, authors[start:]]


def family_names(key: str) -> list[str]:
    """The authors' family names, in order ("Hooker", "Lemmers", ...); an organisation in
    braces whole ("NHG-werkgroep Miskraam"); "others" as "others"."""
    authors = _field(key, "author") or ""
    names = []
    for person in filter(None, (p.strip() for p in _people(authors))):
        if person.startswith("{") and person.endswith("}"):
            name = person  # an organisation
        else:
            name = person.split(",")[0] if "," in person else person.split()[-1]
        # LaTeX accents ({\"o}) and braces become the letters
        names.append(re.sub(r"\\[\"'`^~]\{?(\w)\}?|[{}]", r"\1", name).strip())
    return names


def first_author(key: str) -> str | None:
    """The family name of an entry's first author ("Hooker")."""
    names = family_names(key)
    return names[0] if names else None


def year(key: str) -> str | None:
    return _field(key, "year")


def authors(key: str) -> str | None:
    """The authors as the course names them in Dutch: "Hooker e.a.", "Farren en Jalmbrant",
    "Betts"."""
    names = family_names(key)
    if len(names) > 2 or "others" in names:
        return f"{names[0]} e.a."
    return " en ".join(names) or None
