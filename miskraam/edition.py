"""The whole course as one PDF: Sphinx's one-page build, printed by Chromium.

    python -m miskraam.edition _build/singlehtml/book/index.html _build/pdf/miskraam.pdf

Why this route and not LaTeX: the book's widgets, questions and boxes are HTML already, and
their static fallbacks (figure plus text alternative) are what a printed page needs; Chromium is
already installed for the tests, while TeX Live with the packages Jupyter Book's LaTeX class
needs is several hundred megabytes and minutes of installing.

The print edition is made by Sphinx: the content extension's post-transform opens the
verdieping blocks, makes widgets their static figures, moves the answers to an appendix and
hyphenates (``miskraam.content.editions``); the theme's print template writes the title page
and the contents, without navigation or scripts (``miskraam.theme.printpage``). Here the page
is only copied to the build's root and printed: A4, page numbers and the help line in the
footer, links and the outline kept; then the PDF says what it is (``identify``).

What the PDF says about itself (issue 19): an XMP metadata stream, where PDF readers, libraries
and search engines look (``dc:title``, ``dc:creator``, ``dc:description``, ``dc:language``,
``xmp:CreateDate``, ``pdf:Producer``, ...), and the older document information dictionary
(/Info) with the same values. They come from the page's head, which the print template writes
from the book's settings (title, ``author``, ``epub_description``, ``language``): one source
for the web, the EPUB and the PDF. pikepdf (qpdf) writes them: it opens the 650-page PDF in a
twentieth of a second, where pypdf took some ten. It claims no PDF/UA (``pdfuaid:part``):
docs/architecture.md says why.

Printing the 590 pages takes Chromium about 25 seconds. The PDF is kept by the hash of all it
is made from (the page, the build's _static and _images, this module, Chromium and Playwright):
the same book prints once (``theme/cache.py`` says why a hash cannot go stale). Only the last
PDF is kept.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import os
import shutil
import sys
from html.parser import HTMLParser
from pathlib import Path

from .theme.cache import folder as cache_folder


class _Head(HTMLParser):
    """The title, language, author and description in a page's head."""

    def __init__(self):
        super().__init__()
        self.found: dict[str, str] = {}
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html" and attributes.get("lang"):
            self.found["language"] = attributes["lang"]
        elif tag == "meta" and attributes.get("name") in ("author", "description"):
            self.found[attributes["name"]] = attributes.get("content") or ""
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.found["title"] = self.found.get("title", "") + data


def page_metadata(html: Path) -> dict[str, str]:
    """What the print page's head says the book is (only the head is read: the page is the
    whole book)."""
    with html.open(encoding="utf-8") as page:
        head = ""
        for line in page:
            head += line
            if "</head>" in line:
                break
    parser = _Head()
    parser.feed(head)
    return {key: " ".join(value.split()) for key, value in parser.found.items()}


def identify(pdf: Path, about: dict[str, str]) -> None:
    """The PDF's XMP metadata and /Info, from the print page's head. Chromium writes /Title,
    /Lang, /CreationDate and its own /Creator and /Producer, and no XMP."""
    import pikepdf
    from pikepdf.models.metadata import decode_pdf_date

    with pikepdf.open(pdf, allow_overwriting_input=True) as document:
        info = document.docinfo
        producer = str(info.get("/Producer", "Chromium"))
        created = info.get("/CreationDate")  # when Chromium printed it
        when = (decode_pdf_date(str(created)) if created is not None
                else datetime.datetime.now(datetime.UTC))
        # update_docinfo: /Title, /Author, /Subject, /Creator, /Producer and the dates follow
        # the XMP, so the two cannot disagree
        with document.open_metadata(set_pikepdf_as_editor=False,
                                    update_docinfo=True) as xmp:
            xmp["dc:title"] = about["title"]
            xmp["dc:creator"] = [about["author"]]
            xmp["dc:description"] = about["description"]
            xmp["dc:language"] = [about["language"]]
            xmp["dc:format"] = "application/pdf"
            xmp["xmp:CreateDate"] = when.isoformat()
            xmp["xmp:ModifyDate"] = when.isoformat()
            xmp["xmp:MetadataDate"] = when.isoformat()
            xmp["xmp:CreatorTool"] = "Miskraam (python -m miskraam.edition), gedrukt door Chromium"
            xmp["pdf:Producer"] = producer
        document.Root.Lang = pikepdf.String(about["language"])
        document.save(pdf)


def print_pdf(html: Path, pdf: Path, chromium: str) -> int:
    """Chromium prints the page: A4, page numbers in the footer, links kept; then the PDF gets
    its metadata (``identify``), so the PDF kept in the cache has it too."""
    from playwright.sync_api import sync_playwright

    footer = ('<div style="font-size:7.5pt;width:100%;text-align:center;font-family:serif">'
              'Miskraam, een open cursus · vervangt geen zorg: bij klachten je verloskundige '
              'of huisarts, bij flauwvallen of heel erge pijn 112 · pagina '
              '<span class="pageNumber"></span> van <span class="totalPages"></span></div>')
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium,
                                             args=["--headless", "--no-sandbox",
                                                   "--disable-gpu"])
        page = browser.new_context(java_script_enabled=False).new_page()
        page.goto(html.resolve().as_uri())
        page.emulate_media(media="print")
        page.pdf(path=str(pdf), format="A4", print_background=True,
                 display_header_footer=True, header_template="<div></div>",
                 footer_template=footer, outline=True, tagged=True,
                 margin={"top": "18mm", "bottom": "20mm", "left": "16mm", "right": "16mm"})
        browser.close()
    identify(pdf, page_metadata(html))
    return pdf.stat().st_size


def fingerprint(page: Path, chromium: str) -> str:
    """The SHA-256 of everything the PDF is made from."""
    from importlib.metadata import version

    digest = hashlib.sha256()
    binary = Path(chromium).resolve()
    digest.update(f"{binary}:{binary.stat().st_size}:{binary.stat().st_mtime_ns}:"
                  f"{version('playwright')}:{version('pikepdf')}\0".encode())
    digest.update(Path(__file__).read_bytes())
    files = [page, *sorted(path for sub in ("_static", "_images")
                           for path in (page.parent / sub).rglob("*") if path.is_file())]
    for path in files:
        digest.update(f"\0{path.relative_to(page.parent)}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def print_once(page: Path, pdf: Path, chromium: str) -> tuple[int, bool]:
    """The PDF of `page` at `pdf`: printed, or copied from the cache when the same book was
    printed before. (size, whether it came from the cache)."""
    kept = cache_folder() / "pdf" / f"{fingerprint(page, chromium)}.pdf"
    if kept.is_file():
        shutil.copyfile(kept, pdf)
        return pdf.stat().st_size, True
    size = print_pdf(page, pdf, chromium)
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        for older in kept.parent.glob("*.pdf"):
            older.unlink()  # one PDF kept: a book's earlier versions are not printed again
        partial = kept.with_suffix(f".{os.getpid()}.tmp")
        shutil.copyfile(pdf, partial)
        partial.replace(kept)
    except OSError:
        pass  # a cache that cannot be written only means printing again next time
    return size, False


def print_html_path(html: Path) -> Path:
    """Where the print edition's page goes: the build's root (the folder with _static and
    _images). Sphinx writes the one page under the start page's name (book/index.html) but
    makes every link, image and stylesheet relative to the root."""
    root = html.parent
    while not (root / "_static").is_dir() and root != root.parent:
        root = root.parent
    return root / "print.html"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Maak de PDF van de hele cursus.")
    parser.add_argument("html", type=Path, help="de pagina van de singlehtml-build")
    parser.add_argument("pdf", type=Path, help="waar de PDF komt")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args(argv)
    if not args.html.exists():
        print(f"{args.html} bestaat niet: bouw eerst de cursus als één pagina "
              "(jupyter-book build . --builder singlehtml).", file=sys.stderr)
        return 1
    if not Path(args.chromium).exists():
        print(f"Chromium ontbreekt op {args.chromium}: installeer het met "
              "`apt-get install chromium`.", file=sys.stderr)
        return 1
    args.pdf.parent.mkdir(parents=True, exist_ok=True)
    prepared = print_html_path(args.html)
    shutil.copyfile(args.html, prepared)
    size, kept = print_once(prepared, args.pdf, args.chromium)
    again = " (hetzelfde boek als de vorige keer: de bewaarde PDF)" if kept else ""
    print(f"PDF geschreven: {args.pdf} ({size // 1024} kB){again}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
