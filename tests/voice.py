"""Reading the built book for statements and definitions written twice.

Used by tests/test_one_voice.py. A statement of book/data/uitspraken.yml is recognised by its
`herken` patterns; a page that says it outside the statement's own box (and outside the pages
where the topic is discussed in depth, `thuis`) restates it by hand. A glossary term of
book/data/begrippen.yml is defined again when a sentence explains it the way a dictionary does
("Een curettage is een …", "Dat heet een curettage.", "curettage (een kleine operatie …)"),
outside the glossary and outside the {begrip} role that shows the glossary's own words.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from .triage import _chunks, sentences

SKIP = ("script", "style", "blockquote")


def _readable(html: str, remove: tuple[str, ...]):
    soup = BeautifulSoup(html, "lxml")
    for element in soup.select(", ".join((*SKIP, *remove))):
        element.decompose()
    return soup


def restatements(page: str, html: str, statements) -> list[str]:
    """Sentences of a page that say a statement again by hand. Not read: a widget (and its
    printed figure), the picture of a statement drawn from the registry's numbers; and a
    scored self-test question, which tests the statement and so must name what it tests
    (both are held to the statement by review, and the widget's numbers by its tests)."""
    soup = _readable(html, (".miskraam-uitspraak", ".miskraam-widget-cell", "form.miskraam-vraag"))
    docname = page.removesuffix(".html")
    # each statement's patterns as one expression, compiled once per page
    checks = [(statement, re.compile("|".join(f"(?:{p.pattern})" for p in statement.patterns()),
                                     re.IGNORECASE))
              for statement in statements if docname not in statement.thuis]
    found = []
    for _, text in _chunks(soup.body or soup):
        for sentence in sentences(text):
            for statement, pattern in checks:
                if pattern.search(sentence):
                    found.append(f"{page}: uitspraak '{statement.id}' met de hand: {sentence}")
    return found


def _definition_patterns(name: str) -> list[re.Pattern]:
    term = re.escape(name)
    return [re.compile(pattern, re.IGNORECASE) for pattern in (
        rf"^(?:een |de |het )?{term} (?:is|zijn|betekent|betekenen) (?:een|het) \w+",
        rf"\b(?:dat|dit|dat ding|zo'n \w+) (?:heet|heten|noem(?:en|t) (?:we|je|men)) "
        rf"(?:een |de |het )?{term}\b",
        rf"\b{term} (?:is|zijn) (?:het|een ander) woord voor\b",
        rf"\b{term}\b[.:] (?:dat|dit) (?:is|zijn) een |\b{term}\b[.:] (?:dat|dit) betekent\b",
        rf"\b{term} \((?:een|dat is|dat zijn) [^)]{{12,}}\)",
    )]


def definitions(page: str, html: str, terms) -> list[str]:
    """Sentences that define a glossary term again, outside the glossary's own words."""
    # a self-test option is a claim to weigh ("Misoprostol is een prostaglandine-analoog"), not
    # an explanation offered to the reader; its feedback is read
    soup = _readable(html, (".miskraam-begrip", ".miskraam-begrippen", "dl.glossary",
                            ".miskraam-optie label"))
    # a pattern can only match a sentence that names its term: look for the name first (a
    # substring test), then try that name's patterns (13 s to about 5 s over the book; issue 17)
    by_name = [(name.lower(), term, _definition_patterns(name))
               for term in terms for name in term.names()]
    found = []
    for _, text in _chunks(soup.body or soup):
        # sentence by sentence (a definition opens its sentence), and the paragraph as a whole
        # ("… na een curettage. Dat is een kleine operatie …")
        for part in (*sentences(text), text):
            lower = part.lower()
            hit = next((term for name, term, patterns in by_name if name in lower
                        for pattern in patterns if pattern.search(part)), None)
            if hit is not None:
                found.append(f"{page}: '{hit.term}' opnieuw uitgelegd: {part[:300]}")
                break
    return found
