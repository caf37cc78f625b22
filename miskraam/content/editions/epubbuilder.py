"""The EPUB edition: Sphinx's own EPUB 3 builder (``make epub``: ``jupyter-book build .
--builder custom --custom-builder epub``), which writes one XHTML file per page, the
navigation document and the NCX; the ``epub_*`` settings in ``_config.yml`` give title,
language, identifier, the title page (``epub_pre_files``) and the appendix
(``epub_post_files``). What the course adds, in a subclass under the same name (so the
extensions' ``epub`` visitors, sphinx-exercise's among them, still apply):

- the answers appendix: the edition's transform hands each page's answers to the builder
  while the page is written (numbered in book order, counted once from the read pages); the
  builder writes them as ``antwoorden.xhtml``, links rebased to the book's root. So every
  page is written on every build;
- the title page ``titelpagina.xhtml`` with the contents, from the theme's templates;
- a widget's figure as an image file: the static fallback carries it inline (a data: URL),
  which older e-readers do not show;
- only the stylesheets its pages link: the builder packs every file of its output folder,
  where the extensions have put the web pages' stylesheets too (myst-nb's does not parse as
  CSS 2 for epubcheck); those are removed before packing;
- a fix for the reading order: Sphinx puts the start page's folder in front of every page's
  path ("book/../notebooks/x.xhtml" for a page outside it), which is no file of the book, so
  those pages fell out of the spine (epubcheck OPF-049);
- what Ace by DAISY checks (issue 19): the EPUB Accessibility 1.1 metadata in the package
  document, a language on every content document, the navigation document's ``role``, a level
  on every ``role="heading"``, and code colours with enough contrast (the notebooks' code
  cells). The code boxes wrap (the e-book's stylesheet) rather than scroll.
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import posixpath
import re
from pathlib import Path

from docutils import nodes
from docutils.utils import new_document
from sphinx.builders.epub3 import Epub3Builder
from sphinx.environment.adapters.toctree import global_toctree_for_doc
from sphinx.highlighting import PygmentsBridge
from sphinx.util import logging
from sphinx.util.osutil import relative_uri

from ..summaries import book_order
from .answers import TITLE, answer_id, answer_items, appendix, question_id, take_answer, title_of
from .transform import unique_ids

logger = logging.getLogger(__name__)

APPENDIX = "antwoorden"
#: an inline image in a widget's fallback (figures.py writes them)
INLINE_IMAGE = re.compile(r'src="data:image/(png|jpeg|gif);base64,([A-Za-z0-9+/=]+)"')
#: the static files the EPUB's pages link (theme miskraam-epub; epub.css links file.png); the
#: rest are the web's
PACKED_STATIC = {"epub.css", "file.png", "miskraam-epub.css", "pygments.css"}
TITLE_PAGE = "titelpagina"


def _rebased(uri: str, page: str) -> str:
    """A link written for ``page`` as seen from the book's root."""
    if uri.startswith("#"):
        return page + uri
    if "://" in uri or uri.startswith(("mailto:", "tel:")):
        return uri
    path, hash_, fragment = uri.partition("#")
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) + hash_ + fragment


#: the EPUB Accessibility 1.1 metadata (issue 19; what Ace by DAISY checks for): how the book
#: can be read, what helps, that nothing in it is a hazard, and what it claims, self-assessed
#: (the web pages the e-book is made from pass axe-core and the HTML checker in the tests)
ACCESSIBILITY = """\
    <meta property="schema:accessMode">textual</meta>
    <meta property="schema:accessMode">visual</meta>
    <meta property="schema:accessModeSufficient">textual</meta>
    <meta property="schema:accessibilityFeature">structuralNavigation</meta>
    <meta property="schema:accessibilityFeature">tableOfContents</meta>
    <meta property="schema:accessibilityFeature">readingOrder</meta>
    <meta property="schema:accessibilityFeature">alternativeText</meta>
    <meta property="schema:accessibilityFeature">longDescription</meta>
    <meta property="schema:accessibilityHazard">none</meta>
    <meta property="schema:accessibilitySummary">Een cursus in tekst, met koppen, een \
inhoudsopgave en een vaste leesvolgorde. Elke figuur heeft een beschrijving in woorden; de \
getallen van de figuren staan ook in de tekst. De antwoorden van de toetsen staan in een bijlage, \
met links heen en terug. Geen geluid, geen video, niets dat knippert.</meta>
    <meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.1 Level AA</meta>
    <meta property="a11y:certifiedBy">De makers van de open cursus Miskraam (zelf beoordeeld)</meta>
"""


#: the code colours of the web pages (pydata-sphinx-theme's light style, accessible-pygments):
#: Jupyter Book's `sphinx` style has names and comments below 4.5:1 on its pale green (Ace's
#: color-contrast)
CODE_STYLE = "a11y-high-contrast-light"
#: the navigation document's table of contents, as Sphinx's template writes it, and the ARIA
#: role that belongs to its epub:type (Ace's epub-type-has-matching-role)
NAV_TOC = '<nav epub:type="toc">'
NAV_TOC_WITH_ROLE = '<nav epub:type="toc" role="doc-toc">'


class HeadingLevel:
    """Sphinx writes a toctree's caption (the parts on the title page) as ``<p
    role="heading">`` without the ``aria-level`` ARIA 1.2 requires (Ace's aria-required-attr;
    sphinx-doc/sphinx#14030). Level 2, ARIA 1.1's implicit one, as pydata-sphinx-theme adds on
    the web pages: the parts stand under the contents' ``<h1>``."""

    def starttag(self, node, tagname, *args, **attributes):
        if attributes.get("ROLE") == "heading":
            attributes.setdefault("ARIA-LEVEL", "2")
        return super().starttag(node, tagname, *args, **attributes)


class CourseEpub(Epub3Builder):
    name = "epub"

    def init(self) -> None:
        super().init()
        # every content document says its language (Sphinx's epub3 tag has none; Ace checks it)
        language = self.config.language or "nl"
        self.html_tag = self.html_tag.replace(">", f' lang="{language}" xml:lang="{language}">', 1)
        # the translator the extensions left for this builder, with the heading level
        translator = self.app.registry.get_translator_class(self)
        if not issubclass(translator, HeadingLevel):
            self.app.registry.translators[self.name] = type(
                "CourseEpubTranslator", (HeadingLevel, translator), {})
        #: each page's answers, moved out of the page while it was written
        self.answers: dict[str, list] = {}
        self._first_numbers: dict[str, int] | None = None

    def init_highlighter(self) -> None:
        super().init_highlighter()
        self.highlighter = PygmentsBridge("html", CODE_STYLE)

    def get_outdated_docs(self) -> str:
        # every page, every time (as the one-page build does): the appendix is collected
        # while the pages are written, so a page left out would lose its answers
        return "all documents"

    def _first_number(self, docname: str) -> int:
        """The number of a page's first answer: the answers before it in book order, + 1."""
        if self._first_numbers is None:
            self._first_numbers, count = {}, 0
            for doc in book_order(self.env):
                self._first_numbers[doc] = count + 1
                if doc in self.env.all_docs:
                    count += len(answer_items(self.env.get_doctree(doc)))
        return self._first_numbers.get(docname, 1)

    def take_answers(self, docname: str, document: nodes.document) -> int:
        """Move a page's answers out (links to the appendix left behind); returns how many."""
        page = self.get_target_uri(docname)
        to_appendix = relative_uri(page, self.get_target_uri(APPENDIX))

        def to_answer(number: int, text: str) -> nodes.reference:
            return nodes.reference("", text, internal=True,
                                   refuri=f"{to_appendix}#{answer_id(number)}")

        def to_question(number: int, text: str) -> nodes.reference:
            return nodes.reference("", text, internal=True,
                                   refuri=f"{page}#{question_id(number)}")

        first = self._first_number(docname)
        entries = [take_answer(item, number, to_answer, to_question)
                   for number, item in enumerate(answer_items(document), start=first)]
        for entry in entries:
            for reference in entry.findall(nodes.reference):
                if "refid" in reference:
                    reference["refuri"] = f"{page}#{reference['refid']}"
                    del reference["refid"]
                elif "refuri" in reference and not reference["refuri"].startswith(page):
                    reference["refuri"] = _rebased(reference["refuri"], page)
        self.answers[docname] = entries
        return len(entries)

    def image_files(self, docname: str, html: str) -> str:
        """The inline images of a widget's fallback written as files of the book's image
        folder (named by their content), the fallback pointing at them."""
        folder = Path(self.outdir, self.imagedir)

        def to_file(match: re.Match) -> str:
            content = base64.b64decode(match.group(2))
            name = f"{hashlib.sha256(content).hexdigest()[:16]}.{match.group(1)}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(content)
            uri = relative_uri(self.get_target_uri(docname), f"{self.imagedir}/{name}")
            return f'src="{uri}"'

        return INLINE_IMAGE.sub(to_file, html)

    def _appendix_body(self) -> str:
        chapters = [(title_of(self.env, doc), self.answers[doc])
                    for doc in book_order(self.env) if self.answers.get(doc)]
        document = new_document("<antwoorden>")
        document += appendix(chapters)
        unique_ids(document)  # answers from several pages: their generated ids ("id9") meet
        self.fix_ids(document)  # as every page's: no ":" in fragments
        logger.info("e-boek: %d antwoorden in de bijlage",
                    sum(len(entries) for _chapter, entries in chapters))
        return self.render_partial(document[0])["fragment"]

    def _contents(self) -> str:
        """The parts and their pages, each a link, for the title page at the book's root."""
        toctree = global_toctree_for_doc(self.env, self.config.root_doc, self, collapse=False,
                                         titles_only=True)
        if toctree is None:
            return ""
        start = self.get_target_uri(self.config.root_doc)
        for reference in toctree.findall(nodes.reference):
            if "refuri" in reference:
                reference["refuri"] = _rebased(reference["refuri"], start)
        return self.render_partial(toctree)["fragment"]

    def gen_additional_pages(self) -> None:
        super().gen_additional_pages()
        today = datetime.date.today().strftime("%d-%m-%Y")
        self.handle_page(TITLE_PAGE, {"title": "Titelpagina", "miskraam_print_date": today,
                                      "miskraam_course_title": self.config.epub_title,
                                      "miskraam_contents": self._contents()},
                         "titelpagina.html")
        self.handle_page(APPENDIX, {"title": TITLE, "body": self._appendix_body()}, "page.html")

    def handle_finish(self) -> None:
        for path in Path(self.outdir, "_static").iterdir():
            if path.is_file() and path.name not in PACKED_STATIC:
                path.unlink()
        super().handle_finish()

    def build_content(self) -> None:
        """Sphinx's content.opf (its template has no place for them) with the accessibility
        metadata."""
        super().build_content()
        package = Path(self.outdir, "content.opf")
        text = package.read_text(encoding="utf-8")
        package.write_text(text.replace("  </metadata>", ACCESSIBILITY + "  </metadata>", 1),
                           encoding="utf-8")

    def build_navigation_doc(self) -> None:
        """Sphinx's nav.xhtml, its table of contents with the role of its epub:type."""
        super().build_navigation_doc()
        navigation = Path(self.outdir, "nav.xhtml")
        text = navigation.read_text(encoding="utf-8")
        if NAV_TOC not in text:  # another Sphinx writes it otherwise: look again
            raise RuntimeError(f"{NAV_TOC} ontbreekt in nav.xhtml (epubbuilder.py)")
        navigation.write_text(text.replace(NAV_TOC, NAV_TOC_WITH_ROLE, 1), encoding="utf-8")

    def toc_add_files(self, refnodes: list) -> None:
        for node in refnodes:
            path, hash_, fragment = node["refuri"].partition("#")
            node["refuri"] = posixpath.normpath(path) + hash_ + fragment
        super().toc_add_files(refnodes)


def setup(app):
    app.add_builder(CourseEpub, override=True)
