"""The print edition as a reader gets it from `make pdf`: the one-page build made into a PDF by
Chromium, read back with pypdf and PDFium. Every chapter in the order of the table of
contents, a title page that says where to turn for help, page numbers, the verdieping blocks
open, the answers of the self-tests in an appendix linked both ways, Dutch hyphenation,
working internal links, and no unresolved reference."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from miskraam.theme.cache import store, stored

from .conftest import CHROMIUM, ROOT, build, chromium_identity, node_tool_version, toc_sources

EPUBCHECK = os.environ.get("MISKRAAM_EPUBCHECK", "/usr/share/java/epubcheck.jar")
#: Ace by DAISY (npm @daisy/ace-cli, `make node-tools`), the EPUB accessibility checker
ACE = ROOT / "node_modules" / ".bin" / "ace-cli"
#: one short run: the JIT's quick tier and one garbage collector thread (half the CPU time of
#: Java's defaults for the same check on this book; the Makefile's `epub` uses the same)
JAVA_QUICK = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]

pytestmark = [pytest.mark.edition, pytest.mark.build]

SOFT_HYPHEN = "\u00ad"


def squeeze(text: str) -> str:
    """Text without spaces and hyphens: how a hyphenated, justified PDF line reads back."""
    return re.sub(r"[\s\u00ad\u2010\-]", "", text)


@pytest.fixture(scope="module")
def edition(html, ace_run):
    """The print edition, printed after the EPUB is built: Ace checks the EPUB meanwhile."""
    result = build(ROOT, "--builder", "singlehtml")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    pdf = ROOT / "_build" / "pdf" / "miskraam.pdf"
    made = subprocess.run([sys.executable, "-m", "miskraam.edition",
                           str(ROOT / "_build" / "singlehtml" / "book" / "index.html"), str(pdf),
                           "--chromium", CHROMIUM], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)
    assert made.returncode == 0, made.stdout + made.stderr
    import pypdf
    import pypdfium2

    reader = pypdf.PdfReader(str(pdf))
    # the text of each page through PDFium (what Chromium itself uses): about a second for the
    # whole book, where pypdf's extract_text took some twenty (issue 17, test time)
    document = pypdfium2.PdfDocument(str(pdf))
    pages = [document[index].get_textpage().get_text_range() for index in range(len(document))]
    html = (ROOT / "_build" / "singlehtml" / "print.html").read_text(encoding="utf-8")
    return {"reader": reader, "pages": pages, "html": html, "message": made.stdout}


def chapter_titles() -> list[str]:
    titles = []
    for name in toc_sources():
        path = next(ROOT / f"{name}{ext}" for ext in (".md", ".ipynb")
                    if (ROOT / f"{name}{ext}").exists())
        text = path.read_text(encoding="utf-8")
        match = re.search(r'^# (.+)$', text, re.M) or re.search(r'"# ([^"\\]+)', text)
        titles.append(match.group(1).strip())
    return titles


def test_the_title_page_names_the_course_its_version_and_where_to_get_help(edition):
    first = edition["pages"][0]
    assert "Miskraam" in first and "Versie" in first
    assert "112" in first and "verloskundige" in squeeze(first)


def test_every_page_has_a_number_and_says_where_to_get_help(edition):
    total = len(edition["pages"])
    assert total > 100
    for number, text in enumerate(edition["pages"], start=1):
        assert f"pagina {number} van {total}" in text, number
        assert "vervangt geen zorg" in text, number


def test_every_chapter_is_in_the_pdf_in_the_order_of_the_table_of_contents(edition):
    body = squeeze(" ".join(edition["pages"][2:]))  # after the title page and the contents
    position = 0
    for title in chapter_titles():
        found = body.find(squeeze(title), position)
        assert found != -1, f"hoofdstuk '{title}' ontbreekt of staat niet op zijn plaats"
        position = found


def test_no_unresolved_reference(edition):
    assert not any("??" in text for text in edition["pages"])


def test_the_verdieping_blocks_are_open(edition):
    blocks = re.findall(r'<details class="[^"]*\bverdieping\b[^"]*"([^>]*)>', edition["html"])
    assert blocks and all(re.search(r"\bopen\b", attributes) for attributes in blocks)


def test_the_answers_are_in_an_appendix_linked_both_ways(edition):
    html = edition["html"]
    answers = re.findall(r'<div class="miskraam-antwoord" id="antwoord-(\d+)"', html)
    assert len(answers) >= 150
    for number in (answers[0], answers[-1]):
        assert f'href="#antwoord-{number}"' in html and f'id="vraag-bij-antwoord-{number}"' in html
    # no feedback left at the questions themselves
    chapters_part = html.split('id="antwoorden-bij-de-toetsen"')[0]
    assert 'class="miskraam-optie-uitleg"' not in chapters_part
    # the appendix comes after the last chapter
    text = squeeze(" ".join(edition["pages"][2:]))
    last_chapter = text.rfind(squeeze(chapter_titles()[-1]))
    assert text.find(squeeze("Antwoorden bij de toetsen"), last_chapter) > last_chapter


def test_long_dutch_words_can_be_hyphenated(edition):
    html = edition["html"]
    assert html.count(SOFT_HYPHEN) > 5000
    assert f"ver{SOFT_HYPHEN}los{SOFT_HYPHEN}kun{SOFT_HYPHEN}di{SOFT_HYPHEN}ge" in html


def test_internal_links_work(edition):
    links = 0
    for page in edition["reader"].pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/Link" and "/Dest" in annotation or (
                    "/A" in annotation and annotation["/A"].get("/S") == "/GoTo"):
                links += 1
    assert links >= 200, f"{links} interne links"


def test_widgets_are_their_static_figures_with_their_text(edition):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(edition["html"], "lxml")
    cells = soup.select(".miskraam-widget-cell")
    written = sum(path.read_text(encoding="utf-8").count("```{widget}")
                  for path in (ROOT / "book").rglob("*.md"))
    assert len(cells) == written >= 7
    for cell in cells:
        figure = cell.select_one("figure.miskraam-static")
        assert figure is not None, cell.get("data-widget-name")
        assert len(figure.get_text(" ", strip=True).split()) >= 8, cell.get("data-widget-name")
    assert "<script" not in edition["html"]


def test_the_pdf_says_what_it_is_in_xmp_and_info_alike(edition):
    """The PDF identifies itself (issue 19): XMP metadata from the book's settings, the same
    values in /Info, its language; no PDF/UA claim (docs/architecture.md says why)."""
    import pikepdf
    import yaml

    settings = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    with pikepdf.open(ROOT / "_build" / "pdf" / "miskraam.pdf") as document:
        xmp = document.open_metadata()
        info = document.docinfo
        assert xmp["dc:title"] == str(info["/Title"]) == settings["title"]
        assert xmp["dc:creator"] == [settings["author"]] == [str(info["/Author"])]
        assert xmp["dc:description"] == str(info["/Subject"]) == \
            settings["sphinx"]["config"]["epub_description"]
        assert set(xmp["dc:language"]) == {"nl"} and str(document.Root.Lang) == "nl"
        assert xmp["pdf:Producer"] == str(info["/Producer"]) and "Skia/PDF" in xmp["pdf:Producer"]
        assert xmp["xmp:CreatorTool"] == str(info["/Creator"])
        created = xmp["xmp:CreateDate"]
        assert created[:4] == str(info["/CreationDate"])[2:6] and len(created) >= 19
        assert "pdfuaid:part" not in xmp
        assert document.Root.MarkInfo.Marked  # Chromium's tags are kept


#: A4 less the print edition's side margins (miskraam-print.css, edition.py: 16 mm each), in CSS
#: pixels: the width Chromium lays the printed page out in
A4_TEXT_WIDTH = round((210 - 2 * 16) / 25.4 * 96)
#: the narrowest a cell of the key-figures table may be, in characters of its own font
KERNGETALLEN_MIN_CHARACTERS = 40

#: per cell of the Kerngetallen tables: its width in characters ("0", CSS's ch), whether its
#: content overflows, its font size against the body's, and the words a line break splits
#: (a word whose letters lie on two lines: broken at a soft hyphen or inside it; a line may
#: still end after a word's own hyphen or slash, ("KNOV-" at a line's end))
MEASURE_KERNGETALLEN = """() => {
  const body = parseFloat(getComputedStyle(document.body).fontSize);  // the running text's
  return [...document.querySelectorAll('table.kerngetallen td')].map(cell => {
    const probe = document.createElement('span');
    probe.style.cssText = 'display:inline-block;width:1ch';
    cell.appendChild(probe);
    const ch = probe.getBoundingClientRect().width;
    probe.remove();
    const split = [];
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      for (const match of text.data.matchAll(/[^\\s\\-\\u2010\\u2013\\/]+/g)) {
        const range = document.createRange();
        range.setStart(text, match.index);
        range.setEnd(text, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].map(rect => Math.round(rect.top)));
        if (lines.size > 1) split.push(match[0].replaceAll('\\u00ad', ''));
      }
    }
    return {row: cell.parentElement.id, column: cell.className,
            characters: cell.clientWidth / ch, overflow: cell.scrollWidth - cell.clientWidth,
            font: parseFloat(getComputedStyle(cell).fontSize) / body, split};
  });
}"""


def measure_kerngetallen(browser, page: Path) -> list[dict]:
    """The print edition's page as Chromium prints it (A4's text width, print media, no
    scripts), measured cell by cell."""
    context = browser.new_context(java_script_enabled=False,
                                  viewport={"width": A4_TEXT_WIDTH, "height": 1100})
    try:
        tab = context.new_page()
        tab.goto(page.resolve().as_uri(), wait_until="load")
        tab.emulate_media(media="print")
        return tab.evaluate(MEASURE_KERNGETALLEN)
    finally:
        context.close()


@pytest.mark.browser
def test_the_kerngetallen_table_is_readable_on_a4(edition, browser):
    """The key-figures table printed on A4 (issue 19): it printed in five columns of 8 to 20
    characters, most words broken over two lines. Now every cell is wide enough to read, in
    the body's font size, with no word broken and nothing sticking out. Measured on the page
    Chromium printed (no second print)."""
    cells = measure_kerngetallen(browser, ROOT / "_build" / "singlehtml" / "print.html")
    assert len(cells) >= 5 * 40  # every record of the three tables, five cells each
    narrow = [f"{c['row']} {c['column']}: {c['characters']:.0f}" for c in cells
              if c["characters"] < KERNGETALLEN_MIN_CHARACTERS]
    assert not narrow, f"{len(narrow)} cellen smaller dan {KERNGETALLEN_MIN_CHARACTERS} tekens, " \
        f"bijvoorbeeld {narrow[:5]}"
    assert not [c for c in cells if c["overflow"] > 1]
    small = [f"{c['row']} {c['column']}" for c in cells if c["font"] < 0.999]
    assert not small, f"letters kleiner dan de lopende tekst: {small[:5]}"
    split = [word for c in cells for word in c["split"]]
    assert not split, f"{len(split)} woorden over twee regels gebroken: {split[:10]}"


# --- the EPUB -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def epub_file(html):
    """Sphinx's epub builder, as `make epub` runs it (it reuses the pages the book's build
    read, as the print edition does). Built first, so that Ace runs while the PDF is printed."""
    result = build(ROOT, "--builder", "custom", "--custom-builder", "epub")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return ROOT / "_build" / "epub" / "miskraam.epub"


#: what changes in the EPUB at every build though nothing else does: the dates in its package
DATED = re.compile(rb"<dc:date>[^<]*</dc:date>|<meta property=\"dcterms:modified\">[^<]*</meta>")


def epub_made_from(epub: Path) -> str:
    """What Ace's verdict follows from: every file in the EPUB (its dates left out), and the
    Ace and Chromium that check it."""
    contents = hashlib.sha256()
    with zipfile.ZipFile(epub) as book:
        for name in sorted(book.namelist()):
            contents.update(name.encode() + b"\0" + DATED.sub(b"", book.read(name)) + b"\0")
    return json.dumps({"epub": contents.hexdigest(), "ace": node_tool_version("@daisy/ace-cli"),
                       "chromium": chromium_identity()})


@pytest.fixture(scope="module")
def ace_run(epub_file, tmp_path_factory):
    """Ace by DAISY on the EPUB, started as soon as the EPUB exists: it takes about a minute,
    mostly waiting on its Chromium (some 12 s of CPU), while the PDF is printed and read. An
    EPUB Ace has passed before (the same files, Ace and Chromium) is not checked again: its
    verdict is kept by their hash (miskraam/theme/cache.py); a failing one is checked again."""
    if not ACE.exists():
        pytest.fail(f"Ace by DAISY ontbreekt ({ACE}): installeer het met `make node-tools`")
    made_from = epub_made_from(epub_file)
    if stored("ace", made_from) == []:
        yield None, None, made_from
        return
    report = tmp_path_factory.mktemp("ace")
    process = subprocess.Popen(
        [str(ACE), "--silent", "--force", "--outdir", str(report), str(epub_file)],
        env={**os.environ, "PUPPETEER_EXECUTABLE_PATH": CHROMIUM},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    yield process, report / "report.json", made_from
    if process.poll() is None:  # the Ace test was not run
        process.kill()
    process.wait()
    if not process.stdout.closed:
        process.stdout.close()


@pytest.fixture(scope="module")
def ebook(epub_file, ace_run):
    """The EPUB, Ace already checking it."""
    return epub_file


def test_the_epub_passes_epubcheck(ebook):
    if not (Path(EPUBCHECK).is_file() and shutil.which("java")):
        pytest.fail(f"epubcheck ontbreekt ({EPUBCHECK}): installeer het met `sudo apt-get "
                    "install epubcheck default-jre-headless` (make doet dat als root)")
    checked = subprocess.run(["java", *JAVA_QUICK, "-jar", EPUBCHECK, str(ebook)],
                             capture_output=True, text=True, timeout=300)
    report = checked.stdout + checked.stderr
    assert checked.returncode == 0, report[-4000:]
    assert "0 fatals / 0 errors" in report


def test_the_epub_holds_every_chapter_the_answers_and_the_figures(ebook):
    import zipfile

    with zipfile.ZipFile(ebook) as book:
        names = book.namelist()
        text = " ".join(book.read(name).decode("utf-8") for name in names
                        if name.endswith(".xhtml"))
        images = [name for name in names if name.startswith("_images/")]
    plain = squeeze(re.sub(r"<[^>]+>", " ", text))
    for title in chapter_titles():
        assert squeeze(title) in plain, title
    assert squeeze("Antwoorden bij de toetsen") in plain
    assert "<script" not in text and "<form" not in text and "<input" not in text
    written = sum(path.read_text(encoding="utf-8").count("```{widget}")
                  for path in (ROOT / "book").rglob("*.md"))
    assert len(images) >= written - 1  # every widget's figure but the alarm signs (a list)


def test_the_epub_opens_with_title_page_and_contents_and_links_its_answers_both_ways(ebook):
    import zipfile

    with zipfile.ZipFile(ebook) as book:
        pages = {name: book.read(name).decode("utf-8") for name in book.namelist()
                 if name.endswith(".xhtml")}
    title_page, answers = pages["titelpagina.xhtml"], pages["antwoorden.xhtml"]
    assert "Versie" in title_page and "112" in title_page
    assert "verloskundige" in squeeze(title_page)
    for name in toc_sources()[1:]:  # every page after the start page, linked in the contents
        assert f'href="{name}.xhtml"' in title_page, name
    numbers = re.findall(r'<div class="miskraam-antwoord" id="antwoord-(\d+)"', answers)
    assert len(numbers) >= 150
    for number in (numbers[0], numbers[-1]):
        page = re.search(rf'href="([^"#]+)#vraag-bij-antwoord-{number}"', answers).group(1)
        assert f'id="vraag-bij-antwoord-{number}"' in pages[page]
        assert re.search(rf'href="(\.\./)*antwoorden\.xhtml#antwoord-{number}"', pages[page])


def test_the_epub_says_how_accessible_it_is_and_every_document_its_language(ebook):
    """What Ace by DAISY checks in the package (issue 19): EPUB Accessibility 1.1 metadata, and
    a language on every content document (Ace's axe rule html-has-lang)."""
    import zipfile

    from bs4 import BeautifulSoup

    with zipfile.ZipFile(ebook) as book:
        package = BeautifulSoup(book.read("content.opf"), "xml")
        documents = {name: book.read(name) for name in book.namelist()
                     if name.endswith(".xhtml")}
    said = {}
    for meta in package.find_all("meta", property=True):
        said.setdefault(meta["property"], []).append(meta.get_text(strip=True))
    assert {"textual", "visual"} <= set(said["schema:accessMode"])
    assert "textual" in said["schema:accessModeSufficient"]
    assert {"structuralNavigation", "tableOfContents", "alternativeText"} <= set(
        said["schema:accessibilityFeature"])
    assert said["schema:accessibilityHazard"] == ["none"]
    assert len(said["schema:accessibilitySummary"][0]) > 80
    assert said["dcterms:conformsTo"] == ["EPUB Accessibility 1.1 - WCAG 2.1 Level AA"]
    assert said["a11y:certifiedBy"]
    assert len(documents) > 30
    for name, data in documents.items():
        html = BeautifulSoup(data, "xml").find("html")
        assert html.get("lang") == "nl" and html.get("xml:lang") == "nl", name


def ace_violations(report: dict) -> list[str]:
    """Every rule Ace's report says failed, once: its impact, how often, in which documents,
    what is wrong and the first place."""
    found: dict[tuple[str, str], list] = {}
    for document in report["assertions"]:
        for assertion in document.get("assertions", []):
            if assertion["earl:result"]["earl:outcome"] != "fail":
                continue
            test, result = assertion["earl:test"], assertion["earl:result"]
            found.setdefault((test["dct:title"], test["earl:impact"]), []).append(
                (document["earl:testSubject"]["url"], result))
    lines = []
    for (rule, impact), places in found.items():
        documents = sorted({url for url, _result in places})
        first = places[0][1]
        lines.append(f"{rule} ({impact}), {len(places)}x in {', '.join(documents[:5])}: "
                     f"{first.get('dct:description', '')} "
                     f"{' '.join(first.get('html', '').split())[:160]}")
    return lines


def test_the_epub_passes_ace_by_daisy(ace_run):
    """Ace by DAISY 1.4.6, the checker publishers use (issue 19): the package's accessibility
    metadata and axe's rules on every content document, 0 violations of any impact."""
    process, report_file, made_from = ace_run
    if process is None:
        return  # this EPUB passed before (ace_run)
    output, _ = process.communicate(timeout=600)
    assert process.returncode == 0 and report_file.is_file(), output[-3000:]
    report = json.loads(report_file.read_text(encoding="utf-8"))
    violations = ace_violations(report)
    assert not violations, "Ace vindt:\n" + "\n".join(violations)
    assert report["earl:result"]["earl:outcome"] == "pass"
    # it read the package and every document, not a part of them
    checked = {document["earl:testSubject"]["url"] for document in report["assertions"]}
    assert {"content.opf", "nav.xhtml", "titelpagina.xhtml", "antwoorden.xhtml"} <= checked
    assert len(checked) > 30
    store("ace", made_from, [])
