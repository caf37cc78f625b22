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

import json
import re
from functools import lru_cache
from pathlib import Path

import yaml
from docutils import nodes
from sphinx import addnodes
from sphinx.errors import ExtensionError
from sphinx.transforms import SphinxTransform

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


def terms_file(app) -> Path:
    """The search words file: ``miskraam_search_words`` in the configuration, relative to the
    project's configuration folder, or the course's own file."""
    chosen = app.config.miskraam_search_words
    return Path(app.confdir) / chosen if chosen else TERMS


def check_pages(app, env, docnames):
    """A renamed or misspelt page fails the build (in the course; other books are left be)."""
    pages = set(load_terms(terms_file(app)))
    unknown = sorted(pages - set(env.found_docs))
    if unknown and len(unknown) < len(pages):
        raise ExtensionError(f"{TERMS.name}: onbekende pagina('s) {', '.join(unknown)}")


class SearchWords(SphinxTransform):
    """The page's reader words as index entries at the top of its first section.

    A transform, not a ``doctree-read`` handler: Sphinx's index domain collects a page's index
    entries in its own transform (priority 850), before ``doctree-read`` is emitted (880).
    Entries added later only reached the search index while the page's pickled environment
    happened to hold them, and an incremental rebuild lost them."""

    default_priority = 800

    def apply(self, **kwargs):
        words = load_terms(terms_file(self.app)).get(self.env.docname)
        section = next(iter(self.document.findall(nodes.section)), None)
        if not words or section is None:
            return
        target = nodes.target("", "", ids=[TARGET_ID])
        index = addnodes.index(entries=[("single", word, TARGET_ID, "main", None)
                                        for word in words])
        position = 1 if section.children and isinstance(section[0], nodes.title) else 0
        section.insert(position, index)
        section.insert(position, target)


def complete_index_entries(app, exception):
    """Every page's search words in ``searchindex.js``, also after an incremental build.

    Sphinx keeps a page's index entries for the search index only while it reads the page:
    reloading the previous ``searchindex.js`` (``IndexBuilder.load``) restores words and titles
    but not index entries, so a rebuild that re-reads a few pages dropped the readers' words of
    all the others (seen: "oorzaak" no longer found "Oorzaken"). We know the words and their
    pages, so after the build we put back any that are missing, in Sphinx's own format."""
    if exception is not None or app.builder.format != "html" or not app.builder.search:
        return
    path = Path(app.outdir) / app.builder.searchindex_filename
    if not path.exists():
        return
    match = re.fullmatch(r"Search\.setIndex\((.*)\)\s*", path.read_text(encoding="utf-8"), re.S)
    if match is None:
        return
    index = json.loads(match.group(1))
    docnames, entries = index["docnames"], index["indexentries"]
    added = False
    for page, words in load_terms(terms_file(app)).items():
        if page not in docnames:
            continue
        number = docnames.index(page)
        for word in words:
            refs = entries.setdefault(word, [])
            if not any(ref[0] == number for ref in refs):
                refs.append([number, TARGET_ID, True])
                added = True
    if added:
        path.write_text("Search.setIndex(" + json.dumps(index, ensure_ascii=False,
                                                        separators=(",", ":")) + ")",
                        encoding="utf-8")


def setup(app):
    app.connect("config-inited", use_course_scorer)
    app.connect("env-before-read-docs", check_pages)
    app.add_config_value("miskraam_search_words", "", "env", [str])
    app.add_transform(SearchWords)
    app.connect("build-finished", complete_index_entries)
