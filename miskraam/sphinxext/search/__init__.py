"""Dutch search that finds what readers type.

Three fixes, each explained in docs/architecture.md:
- the index and the query are stemmed by the same Snowball algorithm: Sphinx 7.4 ships the
  Dutch stemmer of Snowball 2.1 as JavaScript, so ``snowballstemmer`` is pinned below 3
  (version 3 changed the Dutch stemmer) in requirements.txt;
- ``scorer.js`` (Sphinx's ``html_search_scorer`` hook) ranks the public chapters first and
  keeps numbers such as "112" as search terms;
- ``zoektermen.yml`` lists the words readers type per page; they become index entries at
  the top of that page, which Sphinx's search ranks above a word in running text.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from docutils import nodes
from sphinx import addnodes
from sphinx.errors import ExtensionError

HERE = Path(__file__).parent
SCORER = HERE / "scorer.js"
TERMS = HERE / "zoektermen.yml"
TARGET_ID = "zoektermen"


@lru_cache(maxsize=4)  # read once per build, not once per page
def load_terms(path: Path = TERMS) -> dict[str, list[str]]:
    """Page -> search words, validated, with Dutch messages naming the page."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ExtensionError(f"{path.name}: verwacht per pagina een lijst zoekwoorden")
    for page, words in data.items():
        if not isinstance(words, list) or not words:
            raise ExtensionError(f"{path.name}, pagina '{page}': geef een lijst zoekwoorden")
        for word in words:
            if not isinstance(word, (str, int)) or str(word) != str(word).strip().lower():
                raise ExtensionError(f"{path.name}, pagina '{page}': '{word}' moet een woord "
                                     "in kleine letters zijn")
    return {page: [str(word) for word in words] for page, words in data.items()}


def use_course_scorer(app, config):
    if not config.html_search_scorer:
        config.html_search_scorer = str(SCORER)


def check_pages(app, env, docnames):
    """A renamed or misspelt page fails the build (in the course; other books are left be)."""
    pages = set(load_terms())
    unknown = sorted(pages - set(env.found_docs))
    if unknown and len(unknown) < len(pages):
        raise ExtensionError(f"{TERMS.name}: onbekende pagina('s) {', '.join(unknown)}")


def add_search_words(app, doctree):
    words = load_terms().get(app.env.docname)
    section = next(iter(doctree.findall(nodes.section)), None)
    if not words or section is None:
        return
    target = nodes.target("", "", ids=[TARGET_ID])
    index = addnodes.index(entries=[("single", word, TARGET_ID, "main", None) for word in words])
    position = 1 if section.children and isinstance(section[0], nodes.title) else 0
    section.insert(position, index)
    section.insert(position, target)


def setup(app):
    app.connect("config-inited", use_course_scorer)
    app.connect("env-before-read-docs", check_pages)
    app.connect("doctree-read", add_search_words)
