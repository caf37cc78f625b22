"""Dutch search that finds what readers type.

Three fixes, each explained in docs/architecture.md:
- the index and the query are stemmed by the same Snowball algorithm: Sphinx 7.4 ships the
  Dutch stemmer of Snowball 2.1 as JavaScript, so ``snowballstemmer`` is pinned below 3
  (version 3 changed the Dutch stemmer) in requirements.txt;
- ``scorer.js`` (Sphinx's ``html_search_scorer`` hook) ranks the public chapters first (the
  pages named by ``miskraam_public_pages``) and keeps numbers such as "112" as search terms;
- the search words file (``miskraam_search_words``, ``zoektermen.yml`` in the book's data
  folder) lists the words readers type per page; they become index entries at the top of that
  page, which Sphinx's search ranks above a word in running text. A page it names that the
  book does not have fails the build. Lay words and brand names, and misspellings two letters
  off, are search words there too;
- ``forgive.js`` (the search page only): a query word the index does not hold becomes the index
  word one letter off or written as it sounds, or is left out, so one misspelt or unknown word
  no longer empties the list (Sphinx needs every word); reader words count inside a whole
  question; over file:// the results' summaries are the pages' descriptions, which
  ``complete_index_entries`` writes into the index (the browser blocks Sphinx's fetch there).
"""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.errors import ExtensionError
from sphinx.transforms import SphinxTransform

from ... import data
from ...jsbundle import publish

HERE = Path(__file__).parent
SCORER = HERE / "scorer.js"
TARGET_ID = "zoektermen"


@lru_cache(maxsize=4)  # read once per build, not once per page
def load_terms(path: Path) -> dict[str, list[str]]:
    """Page -> search words, validated, with Dutch messages naming the file and the page."""
    where = data.shown(path)
    entries = data.read_yaml(path)
    if not isinstance(entries, dict):
        raise ExtensionError(f"{where}: verwacht per pagina een lijst zoekwoorden")
    for page, words in entries.items():
        if not isinstance(words, list) or not words:
            raise ExtensionError(f"{where}, pagina '{page}': geef een lijst zoekwoorden")
        for word in words:
            if not isinstance(word, (str, int)) or str(word) != str(word).strip().lower():
                raise ExtensionError(f"{where}, pagina '{page}': '{word}' moet een woord "
                                     "in kleine letters zijn")
    return {page: [str(word) for word in words] for page, words in entries.items()}


def use_course_scorer(app, config):
    """Our scorer, with the public pages of ``miskraam_public_pages`` filled in. Sphinx pastes
    the scorer file into ``language_data.js`` as it is, so the value is written into a copy
    beside the doctrees."""
    if config.html_search_scorer:
        return
    scorer = Path(app.doctreedir) / SCORER.name
    scorer.parent.mkdir(parents=True, exist_ok=True)
    text = SCORER.read_text(encoding="utf-8").replace(
        "publicPages: PUBLIC_PAGES", f"publicPages: {json.dumps(config.miskraam_public_pages)}")
    if not scorer.exists() or scorer.read_text(encoding="utf-8") != text:
        scorer.write_text(text, encoding="utf-8")
    config.html_search_scorer = str(scorer)


def terms(app) -> dict[str, list[str]]:
    """Page -> the words readers type for it, from the search words file
    (``miskraam_search_words`` in the data folder); none when the book names no file."""
    chosen = app.config.miskraam_search_words
    return load_terms(data.path(chosen)) if chosen else {}


def check_pages(app, env, docnames):
    """A page in the search words file that the book does not have (renamed or misspelt)
    fails the build."""
    unknown = sorted(set(terms(app)) - set(env.found_docs))
    if unknown:
        raise ExtensionError(f"{data.where(app.config.miskraam_search_words)}: onbekende "
                             f"pagina('s) {', '.join(unknown)}")


class SearchWords(SphinxTransform):
    """The page's reader words as index entries at the top of its first section.

    A transform, not a ``doctree-read`` handler: Sphinx's index domain collects a page's index
    entries in its own transform (priority 850), before ``doctree-read`` is emitted (880).
    Entries added later only reached the search index while the page's pickled environment
    happened to hold them, and an incremental rebuild lost them."""

    default_priority = 800

    def apply(self, **kwargs):
        words = terms(self.app).get(self.env.docname)
        section = next(iter(self.document.findall(nodes.section)), None)
        if not words or section is None:
            return
        target = nodes.target("", "", ids=[TARGET_ID])
        index = addnodes.index(entries=[("single", word, TARGET_ID, "main", None)
                                        for word in words])
        position = 1 if section.children and isinstance(section[0], nodes.title) else 0
        section.insert(position, index)
        section.insert(position, target)


#: a page's description (sphinxext-opengraph writes it from the page's opening)
DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')


def page_summaries(app, docnames: list[str]) -> list[str]:
    """Each page's description, read back from its written HTML (every page is on disk, also
    after an incremental build that wrote only a few); "" for a page without one."""
    summaries = []
    for page in docnames:
        path = Path(app.outdir) / app.builder.get_target_uri(page)
        found = DESCRIPTION.search(path.read_text(encoding="utf-8")) if path.is_file() else None
        summaries.append(html.unescape(found.group(1)) if found else "")
    return summaries


def complete_index_entries(app, exception):
    """Every page's search words in ``searchindex.js``, also after an incremental build; and
    every page's summary (``miskraam_summaries``, in the order of ``docnames``), which the
    search page shows over file://, where the browser blocks Sphinx's fetch of each page.

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
    changed = False
    for page, words in terms(app).items():
        if page not in docnames:
            continue
        number = docnames.index(page)
        for word in words:
            refs = entries.setdefault(word, [])
            if not any(ref[0] == number for ref in refs):
                refs.append([number, TARGET_ID, True])
                changed = True
    summaries = page_summaries(app, docnames)
    if index.get("miskraam_summaries") != summaries:
        index["miskraam_summaries"] = summaries
        changed = True
    if changed:
        path.write_text("Search.setIndex(" + json.dumps(index, ensure_ascii=False,
                                                        separators=(",", ":")) + ")",
                        encoding="utf-8")


#: the search page's forgiving step (a misspelt or unknown word: forgive.js)
FORGIVE = "miskraam-search.js"


def publish_forgiving_search(app):
    publish(app, FORGIVE, HERE / "forgive.js")


def add_forgiving_search(app, pagename, templatename, context, doctree):
    """Only the search page searches: after Sphinx's searchtools.js (both deferred, in order)."""
    if pagename == "search":
        app.add_js_file(FORGIVE, defer="defer", priority=900)


def setup(app):
    app.connect("builder-inited", publish_forgiving_search)
    app.connect("html-page-context", add_forgiving_search)
    app.add_config_value("miskraam_search_words", "", "env", [str])
    app.add_config_value("miskraam_public_pages", "book/deel1/", "html", [str])
    app.connect("config-inited", use_course_scorer)
    app.connect("env-before-read-docs", check_pages)
    app.add_transform(SearchWords)
    app.connect("build-finished", complete_index_entries)
