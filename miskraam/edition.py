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
footer, links and the outline kept.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path


def print_pdf(html: Path, pdf: Path, chromium: str) -> int:
    """Chromium prints the page: A4, page numbers in the footer, links kept."""
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
    return pdf.stat().st_size


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
    size = print_pdf(prepared, args.pdf, args.chromium)
    print(f"PDF geschreven: {args.pdf} ({size // 1024} kB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
